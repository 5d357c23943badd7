"""The work of each sub-command of ``python -m toolkit`` (:mod:`toolkit.cli` parses the command line and
calls one of these with the parsed options): a thin shell over the public API, the work living in the
modules. Each function imports its modules when it runs, so loading this module loads no heavy library:
``--help``, ``corpus`` or ``quotes`` never load torch, the analysis store (pyarrow) or the training code.
A command returns its exit status; an option that cannot be used raises :class:`UsageError`.
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

from .paths import shared_path

__all__ = ["VALIDATORS", "UsageError", "run_corpus", "run_quotes", "run_speakers", "run_analyze", "run_cache",
           "run_validate", "run_train_sentiment", "run_train_quotes", "run_report"]


class UsageError(Exception):
    """A command-line option that cannot be used; printed as ``error: ...`` with exit status 2."""


DEMO = Path(__file__).resolve().parent.parent / "corpora" / "demo"

# validate <measure> -> (module in toolkit.validate, option naming the gold data, default under shared/)
VALIDATORS = {
    "demo": ("demo", "--demo", None),
    "quotes": ("polnear", "--polnear", ("gold", "polnear", "data", "dev")),
    "sentiment": ("newsmtsc", "--newsmtsc", ("gold", "newsmtsc")),
    "hedging": ("szeged", "--szeged", ("gold", "szeged-uncertainty", "factbank-dev.xml")),
    "persent": ("persent", "--persent", ("gold", "persent", "dev.csv")),
    "real": ("real", "--gold", ("gold", "real-quotes")),
    "labels": ("labels", "--corpora", ("corpora",)),  # label gold: toolkit/validate/gold, texts from shared/corpora
}


def run_corpus(args) -> int:
    """The corpus summary; with selection options, of the articles they keep (a preview of ``analyze``)."""
    (corpus,) = _load_selected([args.path], args, args.alignment)
    print(corpus.summary())
    return 0


def run_quotes(args) -> int:
    """Quotes of each article as ``analyze`` finds them: on ``Article.masked_text`` (boilerplate and
    repeated paragraphs such as a caption printed twice blanked, same length, so offsets index the raw
    text) with the article's sections; offsets are integers (empty where a quote has no cue/speaker)."""
    import dataclasses

    import pandas as pd

    from .actors import load_actors
    from .corpus import load_corpus
    from .quotes import Quote, extract_quotes, load_verbs

    lexicon, verbs = load_actors(), load_verbs()
    columns = ["article_id", "outlet"] + [f.name for f in dataclasses.fields(Quote)]
    frames = []
    for path in args.files:
        corpus = load_corpus(path)
        for problem in corpus.problems:
            print(f"warning: {problem}", file=sys.stderr)
        for article in corpus:
            frame = extract_quotes(article, actors=lexicon, verbs=verbs).to_frame()
            frame.insert(0, "article_id", article.id)
            frame.insert(1, "outlet", article.outlet)
            frames.append(frame.reindex(columns=columns))
    table = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns)
    for col in ("start", "end", "cue_start", "cue_end", "speaker_start", "speaker_end"):
        table[col] = table[col].astype("Int64")  # 241, not 241.0, and empty (not NaN) where missing
    if args.format == "csv":
        table.to_csv(sys.stdout, index=False)
    else:
        table.to_json(sys.stdout, orient="records", lines=True, force_ascii=False)
    return 0


def run_speakers(args) -> int:
    """The speaker phrases ``analyze`` finds that the actor lexicon does not resolve (``--actors`` extends it),
    most frequent first: a table, or CSV on stdout with the lexicon hint on stderr."""
    import pandas as pd

    from .pipeline import analyze
    from .corpus import load_corpus
    from .quotes import LEXICON_HINT, unresolved_speakers

    lexicons = {"actors": args.actors} if args.actors else None
    results = analyze(load_corpus(args.corpus), workers=args.workers, cache=args.cache, lexicons=lexicons)
    table = unresolved_speakers(results, top=args.top)
    if args.format == "csv":
        table.to_csv(sys.stdout, index=False)
        print(LEXICON_HINT, file=sys.stderr)  # stdout stays one CSV table
        return 0
    shown = table.drop(columns=[c for c in table.columns if c.startswith("n_") and not table[c].any()])
    shown = shown.assign(example_sentence=shown["example_sentence"].fillna("").str.slice(0, 90))
    with pd.option_context("display.width", 250, "display.max_columns", None, "display.max_colwidth", 90):
        print(shown.to_string(index=False) if len(shown) else "no unresolved speakers")
    print(LEXICON_HINT)
    return 0


def _lexicons(args) -> dict[str, str]:
    """``--lexicon NAME=FILE`` options as ``{NAME: FILE}``, and ``--alignment FILE`` as ``outlets``
    (``read_alignment`` reads both of its shapes); a malformed or unknown NAME is an error naming the
    valid ones (the keys of ``analyze(..., lexicons=...)``). Paths are made absolute, so ``analyze``
    and ``report`` (whose notebooks run in ``notebooks/``) pass the same settings and share a cache
    entry for the same selection; the cache key also holds each file's content."""
    from .pipeline.run import LEXICON_KINDS

    out = {}
    for item in args.lexicon or ():
        name, sep, file = item.partition("=")
        if not sep or not file or name not in LEXICON_KINDS:
            raise UsageError(f"--lexicon {item!r}: write NAME=FILE with NAME one of {', '.join(LEXICON_KINDS)}")
        out[name] = os.path.abspath(file)
    if args.alignment:
        if "outlets" in out:
            raise UsageError("--alignment FILE and --lexicon outlets=FILE say the same: give one of them")
        out["outlets"] = os.path.abspath(args.alignment)
    return out


def _where(args) -> dict:
    """The selection options as a ``where=`` mapping for ``load_corpus``/``Corpus.filter``: only those given."""
    from .corpus import Selection

    where = {"since": args.since, "until": args.until,
             "outlets": [o.strip() for item in args.outlet or () for o in item.split(",") if o.strip()] or None,
             "words": [w.strip() for item in args.match or () for w in item.split(",") if w.strip()] or None}
    where = {k: v for k, v in where.items() if v}
    try:
        Selection.from_where(where)
    except ValueError as exc:  # a date that does not parse, since after until
        raise UsageError(str(exc)) from exc
    return where


def _sentiment(args) -> str | None:
    """The ``--sentiment`` backend, checked against the registered ones."""
    from .sentiment import available_backends

    if args.sentiment is not None and args.sentiment not in available_backends():
        raise UsageError(f"--sentiment {args.sentiment!r}: not a backend; registered: {', '.join(available_backends())}")
    return args.sentiment


def _load_selected(paths: list[str], args, alignment: str | None) -> list:
    """Each corpus loaded with ``--alignment`` and cut to the selection options; an outlet asked for
    that no corpus has is an error naming the outlets there are, and so is a selection that keeps nothing.
    ``analyze`` passes no ``alignment`` (its ``--alignment`` is the ``outlets`` lexicon, as in
    ``report``'s notebooks) and paths are made absolute as :func:`toolkit.report.build_report` makes
    them, so ``analyze`` and ``report`` of the same selection and options share their cached analysis
    (the articles' metadata, alignment included, is part of the cache key)."""
    from .corpus import Selection, load_corpus

    where = _where(args)
    corpora = []
    for path in paths:  # absolute, as build_report passes them: the same `source` column, the same cache key
        whole = load_corpus(os.path.abspath(path), alignment=alignment)
        corpora.append((whole, whole.filter(**where) if where else whole))
    outlets = sorted({a.outlet for whole, _ in corpora for a in whole if a.outlet})
    missing = [o for o in Selection.from_where(where).outlets if o not in outlets]
    if missing:
        raise UsageError(f"--outlet {', '.join(missing)}: no such outlet in {', '.join(paths)}; "
                          f"outlets there: {', '.join(outlets) or 'none'}")
    if where and not any(len(sel) for _, sel in corpora):
        raise UsageError(f"the selection ({', '.join(f'{k}={v}' for k, v in where.items())}) keeps no article")
    return [sel for _, sel in corpora]


def run_analyze(args) -> int:
    """Analyse each corpus with the options given, stack them (a ``corpus`` column in every table) and
    write the tables in ``--format`` with ``summary.txt`` and ``problems.csv`` beside them."""
    from .pipeline import analyze, check_writable, concat_results

    check_writable(args.out, "output folder (--out)")  # before the analysis, not after it
    lexicons, sentiment = _lexicons(args), _sentiment(args)
    corpora = _load_selected(args.corpus, args, None)  # --alignment: the outlets lexicon (_lexicons)
    runs = [analyze(c, workers=args.workers, cache=args.cache, sentiment=sentiment, lexicons=lexicons,
                    side_backends=args.side_backends, labels_as_mentions=args.labels_as_mentions,
                    hedge_filter=args.hedge_filter) for c in corpora]
    results = concat_results(runs)
    out = Path(args.out)
    if args.format == "parquet":
        results.save(out)
    elif args.format == "csv":
        results.to_csv(out)
    else:
        out.mkdir(parents=True, exist_ok=True)
        results.to_excel(out / "results.xlsx")
    lines = [f"corpus {name}: {c.selection or f'{len(c)} articles'}" for name, c in zip(results.settings["corpora"], corpora)]
    summary = "\n".join(lines + [results.summary()])
    (out / "summary.txt").write_text(summary + "\n", encoding="utf-8")
    results.tables()["problems"].to_csv(out / "problems.csv", index=False)
    print(summary)
    print(f"wrote {out} ({args.format}, summary.txt, problems.csv)")
    return 0


def _size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n} B"


def run_cache(args) -> int:
    from .pipeline import cache_entries, prune_cache
    from .paths import cache_dir

    folder = Path(args.cache) if args.cache else cache_dir()
    if args.prune:
        pruned = prune_cache(folder, older_than_days=args.older_than, dry_run=args.dry_run)
        verb = "would remove" if args.dry_run else "removed"
        for e in pruned:
            print(f"{verb} {e.key}  {e.corpus or '-'}  {_size(e.size)}  {'finished' if e.finished else 'partial'}")
        kept = [e for e in cache_entries(folder) if e.locked]
        print(f"{verb} {len(pruned)} entries, {_size(sum(e.size for e in pruned))}"
              + (f"; {len(kept)} in use, kept" if kept else ""))
        return 0
    entries = cache_entries(folder)
    print(f"{folder}: {len(entries)} entries, {_size(sum(e.size for e in entries))}")
    for e in entries:
        state = ("finished" if e.finished else "partial") + (", in use" if e.locked else "")
        print(f"{e.key}  {e.corpus or '-':<24}  {_size(e.size):>9}  {e.age_days:6.1f} days  {state}")
    return 0


def run_validate(args) -> int:
    module_name, _option, default = VALIDATORS[args.measure]
    module = importlib.import_module(f"toolkit.validate.{module_name}")
    path = args.gold or (shared_path(*default) if default else DEMO)
    if path is None:
        print(f"no gold data: pass {VALIDATORS[args.measure][1]} PATH", file=sys.stderr)
        return 2
    extra = {key: value for key in ("details", "json_path") if (value := getattr(args, key, None))}
    print(module.report(str(path), **extra))
    return 0


def run_train_sentiment(args) -> int:
    """The trainer parses its own options (``python -m toolkit.sentiment.finetune``), so no other command imports it."""
    from .sentiment import finetune

    return finetune.main(args.options)


def run_train_quotes(args) -> int:
    """The quote tagger's trainer parses its own options (``python -m toolkit.quotes.tagger_train``)."""
    from .quotes import tagger_train

    return tagger_train.main(args.options)


def run_report(args) -> int:
    """The notebooks into HTML; the analysis options reach ``build_report(..., options=...)`` as
    ``lexicons`` (dict, ``--alignment`` as its ``outlets``), ``where`` (dict as for ``load_corpus``) and
    ``sentiment``."""
    from .report import build_report

    # the notebooks run in notebooks/: files are passed as absolute paths (_lexicons); --alignment is the
    # outlets lexicon, applied before the analysis as in `analyze` (either shape of file read_alignment takes)
    options = {"lexicons": _lexicons(args), "where": _where(args), "sentiment": _sentiment(args)}
    options = {k: v for k, v in options.items() if v}
    extra = {"options": options} if options else {}
    for path in build_report(corpus=args.corpus, out_dir=args.out, **extra):
        print(path)
    return 0
