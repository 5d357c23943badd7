"""Scoring target sentiment against NewsMTSC (Hamborg & Donnay 2021, EACL).

NewsMTSC is JSONL, one sentence per line: ``sentence_normalized`` and ``targets`` with
``from``/``to`` character offsets, ``mention`` and ``polarity`` (2.0 negative, 4.0 neutral,
6.0 positive). :func:`evaluate` scores each backend's target-aware labels, and sentence-level
VADER/TextBlob baselines (the whole sentence, target ignored; VADER's conventional +-0.05
compound thresholds, TextBlob's sign) in the same run. Metrics are macro-F1 over the three classes
and accuracy, the measures of the NewsMTSC paper (Table 2), whose best model (GRU-TSC, RoBERTa)
reached F1m 0.831 on test-rw and 0.825 on test-mt.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..sentiment import LABELS, Example, get_backend, label_of, target_sentiment

__all__ = ["load", "macro_f1", "evaluate", "report", "trained_available", "SPLITS", "PUBLISHED"]

SPLITS = ("dev-rw.jsonl", "dev-mt.jsonl")
PUBLISHED = {"dev-rw.jsonl": 0.831, "dev-mt.jsonl": 0.825}  # test-split F1m, GRU-TSC (RoBERTa)
_POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
_BASELINES = {"vader": (-0.05, 0.05), "textblob": (0.0, 0.0)}


def load(path: str | Path) -> list[Example]:
    """Gold targets of a NewsMTSC JSONL file.

    Raises:
        ValueError: a line is not valid JSON or a target has an unknown polarity or bad offsets
            (the message names file and line).
    """
    path = Path(path)
    out = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                text = row["sentence_normalized"]
                for t in row["targets"]:
                    start, end, label = int(t["from"]), int(t["to"]), _POLARITY[float(t["polarity"])]
                    if not 0 <= start < end <= len(text):
                        raise ValueError(f"offsets {start}:{end} outside sentence")
                    out.append(Example(text, start, end, label))
            except (ValueError, KeyError, TypeError) as exc:
                raise ValueError(f"{path}, line {n}: {exc}") from exc
    return out


def macro_f1(gold: Sequence[str], pred: Sequence[str]) -> float:
    """Mean F1 over the three labels (a label absent from both counts as F1 0)."""
    scores = []
    for lab in LABELS:
        tp = sum(g == lab and p == lab for g, p in zip(gold, pred))
        fp = sum(g != lab and p == lab for g, p in zip(gold, pred))
        fn = sum(g == lab and p != lab for g, p in zip(gold, pred))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores)


def _scores(gold: Sequence[str], pred: Sequence[str]) -> dict:
    acc = sum(g == p for g, p in zip(gold, pred)) / len(gold) if gold else 0.0
    return {"macro_f1": round(macro_f1(gold, pred), 4), "accuracy": round(acc, 4), "n": len(gold)}


def trained_available() -> bool:
    """Whether the ``trained`` backend can run here: its optional dependencies and a cached model."""
    try:
        import torch  # noqa: F401
        import transformers  # noqa: F401

        from ..finetune import latest_model

        latest_model()
    except (ImportError, FileNotFoundError):
        return False
    return True


def _predict(backend: str, examples: Sequence[Example]) -> list[str]:
    b = get_backend(backend)
    if hasattr(b, "target_batch"):  # a model: batched forward passes
        return [r.label for r in b.target_batch((e.text, e.start, e.end) for e in examples)]
    return [target_sentiment(e.text, e.start, e.end, backend=backend).label for e in examples]


def evaluate(path: str | Path, backends: Iterable[str] | None = None,
             baselines: Iterable[str] = ("vader", "textblob")) -> dict:
    """Score backends on one NewsMTSC file (or each of :data:`SPLITS` in a folder).

    Args:
        path: a NewsMTSC JSONL file or a folder holding :data:`SPLITS`.
        backends: registered backend names scored target-aware (default ``default``, ``vader``,
            ``textblob``, and ``trained`` when :func:`trained_available`).
        baselines: lexicon backends also scored at sentence level (target ignored).

    Returns:
        ``{split file name: {"<backend>": {...}, "<name>-sentence": {...}}}``, each entry with
        ``macro_f1``, ``accuracy`` and ``n``.
    """
    path = Path(path)
    files = [path / s for s in SPLITS if (path / s).exists()] if path.is_dir() else [path]
    if not files:
        raise FileNotFoundError(f"no NewsMTSC split ({', '.join(SPLITS)}) in {path}")
    if backends is None:
        backends = ["default", "vader", "textblob"] + (["trained"] if trained_available() else [])
    backends, baselines = list(backends), list(baselines)
    out = {}
    for f in files:
        gold_set = load(f)
        gold = [e.label for e in gold_set]
        res = {}
        for name in backends:
            res[name] = _scores(gold, _predict(name, gold_set))
        for name in baselines:
            lexicon = get_backend(name)
            lo, hi = _BASELINES.get(name, (-0.05, 0.05))
            pred = [label_of(lexicon.score(e.text), lo, hi) for e in gold_set]
            res[f"{name}-sentence"] = _scores(gold, pred)
        out[f.name] = res
    return out


def report(path: str | Path) -> str:
    """A plain-text table of :func:`evaluate` with the published best result as reference."""
    results = evaluate(path)
    lines = ["NewsMTSC target sentiment (macro-F1 / accuracy; dev splits)"]
    for split, res in results.items():
        n = next(iter(res.values()))["n"]
        lines.append(f"\n{split} ({n} targets)")
        lines.append(f"  {'method':<36}{'macro-F1':>10}{'accuracy':>10}")
        for name, s in res.items():
            kind = "sentence-level baseline" if name.endswith("-sentence") else "target-aware"
            label = f"{name.removesuffix('-sentence')} ({kind})"
            lines.append(f"  {label:<36}{s['macro_f1']:>10.3f}{s['accuracy']:>10.3f}")
        ref = PUBLISHED.get(split)
        if ref:
            lines.append(f"  {'published GRU-TSC (RoBERTa)':<36}{ref:>10.3f}{'':>10}  (test split, Hamborg & Donnay 2021)")
    return "\n".join(lines)
