"""Scoring document-level portrayal against PerSenT (Bastan et al. 2020, "Author's Sentiment
Prediction", COLING).

Each PerSenT document is labelled by how its writer regards the one entity it is about. The toolkit's answer
is :func:`toolkit.sentiment.entity_portrayal` over the entity's mention spans in the document
(:func:`toolkit.datasets.load_persent` recovers them from the masked copy). The baseline in the same
run is VADER on the whole document (compound, conventional +-0.05 band), target-blind.

Metric: macro-F1 over the three classes (the paper's measure) and accuracy. The aggregation (mean
mention score) and the neutral band :data:`toolkit.sentiment.api.ENTITY_BAND` were fixed beforehand;
a backend that names its own band (:func:`toolkit.sentiment.api.entity_band`: ``stacked``'s 0.25) had it
chosen on this file by nested document folds (``tools/static_persent_band.py``), so its dev figure is
in-sample and that tool's held-out fold figure is the one to quote. The spread is over five folds
of documents (document index modulo 5), to show how much a fifth of the data moves the figure.
PerSenT's dev labels are skewed (304 positive, 216 neutral, 58 negative), so macro-F1 weighs the 58
negatives as much as the 304 positives.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..datasets import PersentDoc, load_persent
from ..sentiment import LABELS, entity_portrayal, get_backend, label_of
from ..sentiment.api import entity_band
from .metrics import accuracy, macro_f1

__all__ = ["FOLDS", "doc_fold", "evaluate", "report"]

FOLDS = 5


def _scores(gold: Sequence[str], pred: Sequence[str]) -> dict:
    return {"macro_f1": round(macro_f1(gold, pred, LABELS), 4), "accuracy": round(accuracy(gold, pred), 4),
            "n": len(gold)}


def doc_fold(doc: PersentDoc, k: int) -> int:
    """The fold of a PerSenT document: its numeric id modulo ``k`` (else the byte sum of the id modulo ``k``)."""
    return int(doc.id) % k if doc.id.isdigit() else sum(doc.id.encode()) % k


def _predict(docs: Sequence[PersentDoc], backend: str) -> list[str]:
    return [entity_portrayal(d.text, d.spans, backend=backend).label if d.spans else "neutral" for d in docs]


def evaluate(path: str | Path, backends: Iterable[str] = ("default", "vader")) -> dict:
    """Score per-document entity portrayal and the VADER document baseline on a PerSenT CSV.

    Args:
        path: PerSenT ``dev.csv`` (or a folder holding it).
        backends: sentiment backends whose :func:`~toolkit.sentiment.entity_portrayal` is scored.

    Returns:
        ``{"file", "documents", "aligned", "mentions", "labels": {label: n}, "methods": {name: {macro_f1,
        accuracy, n, folds: [macro-F1 per fold], fold_mean, fold_sd}}}``; ``vader-document`` is the baseline.
        A document whose entity has no mention found is predicted neutral.
    """
    path = Path(path)
    if path.is_dir():
        path = path / "dev.csv"
    docs = load_persent(path)
    gold = [d.label for d in docs]
    vader = get_backend("vader")
    preds = {name: _predict(docs, name) for name in backends}
    preds["vader-document"] = [label_of(vader.score(d.text), -0.05, 0.05) for d in docs]
    folds = [doc_fold(d, FOLDS) for d in docs]
    methods = {}
    for name, pred in preds.items():
        row = _scores(gold, pred)
        per = [macro_f1([g for g, f in zip(gold, folds) if f == k], [p for p, f in zip(pred, folds) if f == k], LABELS)
               for k in range(FOLDS)]
        row.update(folds=[round(x, 4) for x in per], fold_mean=round(statistics.mean(per), 4),
                   fold_sd=round(statistics.stdev(per), 4))
        methods[name] = row
    return {"file": str(path), "documents": len(docs), "aligned": sum(d.aligned for d in docs),
            "mentions": sum(len(d.spans) for d in docs),
            "labels": {label: gold.count(label) for label in LABELS}, "methods": methods}


def report(path: str | Path) -> str:
    """A plain-text table of :func:`evaluate`, with each method's gain over the VADER document baseline."""
    res = evaluate(path)
    base = res["methods"]["vader-document"]
    lines = [
        "PerSenT (Bastan et al. 2020): how each document's writer regards the one entity it is about; dev split "
        "(neutral band per backend: "
        "+-0.05 fixed beforehand unless a backend names its own, chosen by nested folds of this file)",
        f"{res['file']}: {res['documents']} documents ({res['aligned']} with mentions from the masked copy, "
        f"the rest by name), {res['mentions']} mentions; gold "
        + ", ".join(f"{k} {v}" for k, v in res["labels"].items()),
        f"  {'method':<44}{'macro-F1':>9}{'accuracy':>9}   {FOLDS} document folds: macro-F1 mean +- sd  (vs baseline)",
    ]
    for name, row in res["methods"].items():
        label = ("VADER on the whole document (baseline)" if name == "vader-document"
                 else f"entity_portrayal, backend {name} (band {entity_band(name):g})")
        gain = "" if name == "vader-document" else f"  ({row['macro_f1'] - base['macro_f1']:+.3f})"
        lines.append(f"  {label:<44}{row['macro_f1']:>9.3f}{row['accuracy']:>9.3f}   "
                     f"{row['fold_mean']:.3f} +- {row['fold_sd']:.3f}{gain}")
    return "\n".join(lines)
