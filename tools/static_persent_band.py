"""Issue 20 round 14: the entity-level neutral band of a backend, chosen by nested folds over PerSenT documents.

:func:`toolkit.sentiment.entity_portrayal` labels an entity by the mean of its mention scores against a
neutral band. For each backend named, every document's mention scores are computed once (``portrayal``, the
outlet's voice), then for each of :data:`toolkit.validate.persent.FOLDS` document folds (the folds of
``toolkit.validate.persent``) the band of :data:`GRID` with the best pooled macro-F1 on the other folds is
chosen and scored on the held-out fold. Printed per backend (one JSON line): the dev macro-F1 of every band,
the band chosen per fold, the held-out fold macro-F1s (mean +- sd) against the backend's current band and against
the fixed :data:`toolkit.sentiment.api.ENTITY_BAND` (0.05) in the same folds, and the folds higher / lower than
each (by the unrounded figures). The fixed band is printed whatever the backend's current band, so the
reference figure does not move when a backend's band is changed.

Usage: ``python tools/static_persent_band.py [--backends static stacked]`` (reads ``$NARRATIVE_SHARED``).
Limits: PerSenT has only a dev split here, so the choice is cross-validated on the file it is scored on; the
grid was fixed before it was run (ties go to the narrower band). A band chosen in every fold is still one
setting fitted to PerSenT's label mix (304 positive, 216 neutral, 58 negative).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections.abc import Sequence

from toolkit.datasets import load_persent
from toolkit.paths import shared_path
from toolkit.sentiment import LABELS, get_backend, label_of, portrayal
from toolkit.sentiment.api import ENTITY_BAND, entity_band
from toolkit.validate.metrics import macro_f1
from toolkit.validate.persent import FOLDS, doc_fold

GRID = (0.05, 0.1, 0.15, 0.2, 0.25, 0.3)


def band_labels(means: Sequence[float | None], band: float) -> list[str]:
    """Per document the label of its mean mention score with a neutral band of +-``band`` (neutral without mentions)."""
    return ["neutral" if m is None else label_of(m, -band, band) for m in means]


def nested_choice(gold: Sequence[str], means: Sequence[float | None], folds: Sequence[int],
                  grid: Sequence[float] = GRID) -> tuple[list[float], list[float]]:
    """Per held-out fold the band of ``grid`` best on the other folds (the narrower on a tie) and its held-out macro-F1."""
    chosen, held = [], []
    for k in sorted(set(folds)):
        inside = [i for i, f in enumerate(folds) if f != k]
        out = [i for i, f in enumerate(folds) if f == k]

        def f1(idx, band):
            pred = band_labels([means[i] for i in idx], band)
            return macro_f1([gold[i] for i in idx], pred, LABELS)

        best = max(grid, key=lambda b: (round(f1(inside, b), 9), -b))
        chosen.append(best)
        held.append(f1(out, best))
    return chosen, held


def _against(held: Sequence[float], base: Sequence[float]) -> dict:
    diff = [a - b for a, b in zip(held, base)]
    return {"folds": [round(x, 4) for x in base], "mean": round(statistics.mean(base), 4),
            "sd": round(statistics.stdev(base), 4), "higher": sum(d > 0 for d in diff), "lower": sum(d < 0 for d in diff)}


def band_row(gold: Sequence[str], means: Sequence[float | None], folds: Sequence[int], current: float) -> dict:
    """One backend's figures: dev macro-F1 per band of :data:`GRID`, the nested choice and its held-out figures,
    set against the ``current`` band and against :data:`~toolkit.sentiment.api.ENTITY_BAND` in the same folds."""
    chosen, held = nested_choice(gold, means, folds)
    return {"dev": {str(b): round(macro_f1(gold, band_labels(means, b), LABELS), 4) for b in GRID},
            "chosen": chosen, "held_out": [round(x, 4) for x in held], "mean": round(statistics.mean(held), 4),
            "sd": round(statistics.stdev(held), 4),
            "current_band": current, "current": _against(held, nested_choice(gold, means, folds, (current,))[1]),
            "fixed_band": ENTITY_BAND, "fixed": _against(held, nested_choice(gold, means, folds, (ENTITY_BAND,))[1])}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--backends", nargs="+", default=["static", "stacked"])
    args = ap.parse_args(argv)
    path = shared_path("gold", "persent", "dev.csv")
    if path is None:
        print("PerSenT dev.csv not found (set NARRATIVE_SHARED)", file=sys.stderr)
        return 2
    docs = load_persent(path)
    gold, folds = [d.label for d in docs], [doc_fold(d, FOLDS) for d in docs]
    for name in args.backends:
        means = [statistics.mean(r.score for r in portrayal(d.text, sorted(d.spans), backend=name)) if d.spans
                 else None for d in docs]
        row = band_row(gold, means, folds, entity_band(get_backend(name)))
        print(json.dumps({"backend": name, **row}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
