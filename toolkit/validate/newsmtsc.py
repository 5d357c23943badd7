"""Scoring target sentiment against NewsMTSC (Hamborg & Donnay 2021, EACL).

The files are read by :func:`toolkit.datasets.load_newsmtsc` (the loader training uses too).
:func:`evaluate` scores each backend's target-aware labels, and sentence-level VADER/TextBlob
baselines (the whole sentence, target ignored; VADER's conventional +-0.05 compound thresholds,
TextBlob's sign) in the same run. Metrics are macro-F1 over the three classes and accuracy
(:mod:`toolkit.validate.metrics`), the measures of the NewsMTSC paper (Table 2), whose best model
(GRU-TSC, RoBERTa) reached F1m 0.831 on test-rw and 0.825 on test-mt.
"""

from __future__ import annotations

import json

from collections.abc import Iterable, Sequence
from pathlib import Path

from ..datasets import Example, load_newsmtsc
from ..paths import shared_path, shared_root
from ..sentiment import LABELS, get_backend, label_of, target_sentiment
from .metrics import accuracy, macro_f1

__all__ = ["evaluate", "report", "trained_available", "SPLITS", "PUBLISHED"]

SPLITS = ("dev-rw.jsonl", "dev-mt.jsonl")
PUBLISHED = {"dev-rw.jsonl": 0.831, "dev-mt.jsonl": 0.825}  # test-split F1m, GRU-TSC (RoBERTa)
_BASELINES = {"vader": (-0.05, 0.05), "textblob": (0.0, 0.0)}


def _scores(gold: Sequence[str], pred: Sequence[str]) -> dict:
    return {"macro_f1": round(macro_f1(gold, pred, LABELS), 4), "accuracy": round(accuracy(gold, pred), 4),
            "n": len(gold)}


def trained_available() -> bool:
    """Whether the ``trained`` backend can run here: its optional dependencies installed and a cached model.

    The packages are looked up (``importlib.util.find_spec``), not imported: importing torch and
    transformers took 2-3 CPU-s of every evaluation that had them and no model. Limit: a package
    that is installed but fails on import counts as there (scoring the backend then raises).
    """
    import importlib.util

    if any(importlib.util.find_spec(m) is None for m in ("torch", "transformers")):
        return False
    from ..sentiment.trained import latest_model

    try:
        latest_model()
    except FileNotFoundError:
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
        gold_set = load_newsmtsc(f)
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


def _cv_lines(path: Path) -> list[str]:
    """The shipped settings' cross-validated macro-F1 on NewsMTSC train (article folds), when train is there:
    the default (static) backend's as recorded in its manifest by ``python -m toolkit.sentiment.selection
    --groups`` (the per-group L2 grid over the static features; a grid of refits, too long to repeat here), and the ``linear`` backend's computed live."""
    train = (path if path.is_dir() else path.parent) / "train.jsonl"
    if not train.exists():
        return []
    from ..sentiment.selection import FOLDS, SHIPPED, shipped_cv
    from ..sentiment.static import MODEL_PATH

    manifest = json.loads(MODEL_PATH.with_suffix(".manifest.json").read_text(encoding="utf-8"))
    cv = manifest["cv_train_macro_f1"]
    res = shipped_cv(train)
    fs, l2, _m = SHIPPED
    folds = lambda r: ", ".join(f"{x:.3f}" for x in r["folds"])  # noqa: E731
    return [f"train, {FOLDS}-fold cross-validation over source articles, settings chosen by CV:",
            f"  default backend (linear + static vectors): macro-F1 {cv['mean']:.3f} +- {cv['sd']:.3f}  [{folds(cv)}]  "
            f"(recorded by `python -m toolkit.sentiment.selection --groups`)",
            f"  linear backend ({fs}, l2={l2}): macro-F1 {res['mean']:.3f} +- {res['sd']:.3f}  [{folds(res)}]"]


def report(path: str | Path) -> str:
    """A plain-text table of :func:`evaluate` with the published best result as reference, the
    default backend's cross-validated train figure (:mod:`toolkit.sentiment.selection`) and, with
    the shared corpora, the real-news portrayal spot set (:mod:`toolkit.validate.spot`)."""
    path = Path(path)
    results = evaluate(path)
    lines = ["NewsMTSC target sentiment (macro-F1 / accuracy; dev splits)"]
    lines += _cv_lines(path)
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
    corpora = shared_path("corpora")
    if corpora is not None and path.resolve().is_relative_to(shared_root().resolve()):  # the shared gold: real news too
        from .spot import report_portrayal

        lines += [""] + report_portrayal(corpora)
    return "\n".join(lines)
