"""FactBank dev, cross-validated and WikiWeasel sentence F1 of the hedge rules, from the command line.

Usage: ``python -m toolkit.validate.factbank [--undo NAME ...]`` prints, for the shipped hedge lexicon (or for it with
the named decisions of :data:`toolkit.validate.hedge_cv.DECISIONS` undone: a rule's "before"), the Szeged FactBank dev
sentence F1, the document-fold CV of :func:`toolkit.validate.hedge_cv.cross_validate` (the rules chosen in the folds
and the shipped lexicon on the held-out folds: mean +- spread and per fold, with each decision's keep count) and
WikiWeasel sentence F1 (second domain, never used to choose). Reads ``gold/szeged-uncertainty/`` under the shared
folder (``NARRATIVE_SHARED``). Its own module because it needs both :mod:`.hedge_cv` and :mod:`.szeged`, and
szeged imports hedge_cv.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..hedging import HedgeLexicon, load_hedges
from ..paths import shared_path
from .hedge_cv import DECISIONS, cross_validate, without
from .szeged import evaluate, read_gold, spread

__all__ = ["figures", "add_arguments", "main"]


def figures(gold_dir, lexicon: HedgeLexicon | None = None) -> dict:
    """FactBank dev sentence F1, the CV of :func:`cross_validate` and WikiWeasel sentence F1 of ``lexicon`` (the
    shipped one when ``None``), from the Szeged files in ``gold_dir`` (``factbank-dev.xml``, ``wiki.xml``)."""
    lexicon = lexicon or load_hedges()
    dev = Path(gold_dir) / "factbank-dev.xml"
    return {"dev": evaluate(dev, lexicon)["sentence"]["f1"], "cv": cross_validate(read_gold(dev), lexicon),
            "wiki": evaluate(Path(gold_dir) / "wiki.xml", lexicon)["sentence"]["f1"]}


def add_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The command line of ``python -m toolkit.validate.factbank``."""
    parser.add_argument("--undo", action="append", default=[], choices=[d.name for d in DECISIONS], metavar="NAME",
                        help="score the lexicon with this decision undone (repeatable; a name of DECISIONS)")
    return parser


def main(argv: list[str] | None = None) -> None:
    """``python -m toolkit.validate.factbank [--undo NAME ...]``: the figures of :func:`figures` for the shipped
    lexicon, or for it with the named decisions undone (the "before" of a rule), from the shared Szeged files."""
    args = add_arguments(argparse.ArgumentParser(prog="python -m toolkit.validate.factbank", description="FactBank dev, "
                                                 "CV and WikiWeasel sentence F1 of the hedge rules")).parse_args(argv)
    gold = shared_path("gold", "szeged-uncertainty")
    if gold is None:
        raise SystemExit("no shared Szeged files: set NARRATIVE_SHARED")
    lexicon = without(load_hedges(), tuple(d for d in DECISIONS if d.name in args.undo))
    out = figures(gold, lexicon)
    cv = out["cv"]
    print(f"FactBank dev sentence F1 {out['dev']:.3f}")
    print(f"CV over {cv['folds']} document folds: rules chosen by CV {spread(cv['selected'])}")
    print(f"  this lexicon on the held-out folds {spread(cv['shipped'])}")
    for name, n in cv["kept"].items():
        print(f"  kept in {n}/{cv['folds']} folds: {name}")
    print(f"WikiWeasel sentence F1 {out['wiki']:.3f} (second domain, never used to choose)")


if __name__ == "__main__":
    main()
