"""Command line: ``python -m toolkit {corpus, quotes, speakers, analyze, cache, validate, train, report}``.

This module parses the command line (:func:`build_parser`, :func:`parse`) and runs it (:func:`main`:
exit statuses and the errors printed as ``error: ...``); each sub-command's work is a function of
:mod:`toolkit.commands`, which imports its modules when it runs, so ``--help``, ``corpus`` or ``quotes``
never load torch, the analysis store (pyarrow) or the training code.
"""

from __future__ import annotations

import argparse
import os
import sys

from . import commands
from .commands import VALIDATORS, UsageError

__all__ = ["VALIDATORS", "build_parser", "parse", "main"]

_CACHE_HELP = "cache folder (default: $NARRATIVE_CACHE or ~/.cache/narrative-toolkit)"


def _analysis_options(p: argparse.ArgumentParser, sentiment_default: str | None) -> None:
    """The options ``analyze`` and ``report`` share: lexicons, alignments, selection, sentiment backend."""
    p.add_argument("--lexicon", action="append", metavar="NAME=FILE",
                   help="a user lexicon extending the bundled one: actors, verbs, hedges, labels or outlets "
                        "(repeat for several)")
    _selection_options(p)
    p.add_argument("--sentiment", default=sentiment_default, metavar="NAME",
                   help="sentiment backend for portrayal and voice (default: the packaged linear model)")


def _selection_options(p: argparse.ArgumentParser) -> None:
    """Outlet alignments and the selection of articles (``corpus``, ``analyze``, ``report``)."""
    p.add_argument("--alignment", default=None, metavar="FILE",
                   help="outlet alignments: a YAML mapping outlet: alignment (or an outlets.yml-shaped file)")
    p.add_argument("--since", default=None, metavar="DATE", help="only articles published on or after DATE (YYYY-MM-DD)")
    p.add_argument("--until", default=None, metavar="DATE", help="only articles published on or before DATE")
    p.add_argument("--outlet", action="append", metavar="NAME",
                   help="only these outlets (comma-separated or repeated)")
    p.add_argument("--match", action="append", metavar="WORDS",
                   help="only articles whose title or text has one of these words (comma-separated; "
                        "whole words, case ignored, a trailing * for any ending: syria*)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m toolkit", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("corpus", help="load a corpus and summarise it (counts, outlets, dates, problems)")
    p.add_argument("path")
    _selection_options(p)
    p.set_defaults(func=commands.run_corpus)

    p = sub.add_parser("quotes", help="extract quotes from files or corpora")
    p.add_argument("files", nargs="+")
    p.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
    p.set_defaults(func=commands.run_quotes)

    p = sub.add_parser("speakers", help="speaker phrases the actor lexicon could not resolve, most frequent first")
    p.add_argument("corpus")
    p.add_argument("--top", type=int, default=None, metavar="N", help="only the N most frequent phrases")
    p.add_argument("--format", choices=["table", "csv"], default="table")
    p.add_argument("--actors", default=None, metavar="FILE", help="a user actors file extending the default")
    p.add_argument("--workers", type=int, default=1)
    p.add_argument("--cache", default=None, help=_CACHE_HELP)
    p.set_defaults(func=commands.run_speakers)

    p = sub.add_parser("analyze", help="analyse corpora and write their tables (Parquet, CSV or Excel)")
    p.add_argument("corpus", nargs="+", help="one or more corpus paths (a 'corpus' column tells them apart)")
    p.add_argument("--out", required=True, metavar="DIR",
                   help="folder for the tables, summary.txt and problems.csv")
    p.add_argument("--format", choices=["parquet", "csv", "xlsx"], default="parquet",
                   help="parquet (default), csv (one file per table) or xlsx (one workbook, results.xlsx)")
    p.add_argument("--workers", type=int, default=1)
    p.add_argument("--cache", default=None, help=_CACHE_HELP)
    _analysis_options(p, "default")
    p.add_argument("--side-backends", action="store_true",
                   help="also score VADER and TextBlob beside it (the *_vader/*_textblob columns; slower)")
    p.add_argument("--labels-as-mentions", action="store_true",
                   help="count each label naming a camp ('terrorists' in SANA) as a mention of that camp's generic actor")
    p.add_argument("--no-hedge-filter", dest="hedge_filter", action="store_false",
                   help="keep every hedge the lexicon finds (no news hedge filter: no 'filtered' role)")
    p.set_defaults(func=commands.run_analyze)

    p = sub.add_parser("cache", help="list the analysis cache (key, corpus, size, age, finished or partial) or prune it")
    p.add_argument("--cache", default=None, help=_CACHE_HELP)
    p.add_argument("--prune", action="store_true", help="delete entries not in use (all, or those older than --older-than)")
    p.add_argument("--older-than", type=float, default=None, metavar="DAYS",
                   help="with --prune: only entries not written or read for DAYS days")
    p.add_argument("--dry-run", action="store_true", help="with --prune: list what would be deleted, delete nothing")
    p.set_defaults(func=commands.run_cache)

    p = sub.add_parser("validate", help="score a measure against human-annotated gold data")
    vsub = p.add_subparsers(dest="measure", required=True)
    for measure, (_mod, option, default) in VALIDATORS.items():
        vp = vsub.add_parser(measure)
        where = f"shared/{'/'.join(default)}" if default else "corpora/demo"
        vp.add_argument(option, dest="gold", default=None, help=f"gold data (default: {where})")
        if measure == "real":
            vp.add_argument("--details", action="store_true", help="also print each miss and camp error with its text")
            vp.add_argument("--json", dest="json_path", default=None, metavar="FILE",
                            help="write the figures (offsets, no text) to FILE")
    p.set_defaults(func=commands.run_validate)

    p = sub.add_parser("train", help="train a model (needs the optional extra narrative-toolkit[trained])")
    tsub = p.add_subparsers(dest="model", required=True)
    # the trainer parses its own options (train sentiment --help lists them): see commands.run_train_sentiment
    tp = tsub.add_parser("sentiment", add_help=False,
                         help="fine-tune a sentence encoder for target sentiment on NewsMTSC")
    tp.set_defaults(func=commands.run_train_sentiment, passes_options=True)
    tp = tsub.add_parser("quotes", add_help=False, help="train the content / cue / source tagger on PolNeAR train")
    tp.set_defaults(func=commands.run_train_quotes, passes_options=True)

    p = sub.add_parser("report", help="execute the notebooks into HTML reports")
    p.add_argument("--corpus", nargs="*", default=None, help="corpus paths (default: the demo corpus)")
    p.add_argument("--out", default="reports")
    _analysis_options(p, None)
    p.set_defaults(func=commands.run_report)
    return parser


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line as :func:`main` reads it, without running it (an unknown sub-command or option
    exits with status 2, as argparse does). ``train`` keeps its options in ``args.options`` for the
    trainer's own parser (``add_arguments`` of :mod:`toolkit.sentiment.finetune` or
    :mod:`toolkit.quotes.tagger_train`)."""
    parser = build_parser()
    args, options = parser.parse_known_args(argv)
    if options and not getattr(args, "passes_options", False):  # only the trainer has options of its own
        parser.error(f"unrecognized arguments: {' '.join(options)}")
    args.options = options
    if args.command == "cache" and (args.older_than is not None or args.dry_run) and not args.prune:
        parser.error("--older-than and --dry-run go with --prune")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    try:
        return args.func(args)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # stdout closed early (`... | head`): not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # so the flush at exit stays quiet
        return 0
    except Exception as exc:
        from .pipeline import StorageError, WorkerDied  # loaded already by every command that raises them
        from .lexicon import LexiconError

        if isinstance(exc, (StorageError, WorkerDied, LexiconError)):
            print(f"error: {exc}", file=sys.stderr)
            return 1
        if isinstance(exc, (FileNotFoundError, NotADirectoryError, IsADirectoryError)):  # a path the user gave
            print(f"error: {exc.strerror + ': ' + str(exc.filename) if exc.filename else exc}", file=sys.stderr)
            return 1
        raise
