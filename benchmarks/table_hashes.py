"""SHA-256 of every table of the full analysis of the first N AllSides articles, for before/after checks.

A speed change must leave every table byte-identical: run this before and after it and diff the
output. Each table is hashed over its Parquet parts in order (the parts are byte-reproducible, see
``docs/scaling.md``), in a fresh temporary cache folder. With ``--no-cache`` the run has no cache
(``cache=False``, the tables built in memory) and each table is hashed as its DataFrame: column
names, dtypes and the Parquet bytes of ``pa.Table.from_pandas`` (uncompressed, so equal frames give
equal bytes), and the settings but their ``key`` (which covers the toolkit's own files, so any code
change alters it); the two modes' hashes are not comparable with each other.

Usage: ``python benchmarks/table_hashes.py [--articles 200] [--side-backends] [--labels-as-mentions]
[--sentiment linear] [--corpus corpora/demo] [--workers 2] [--no-cache]``
(reads ``$NARRATIVE_SHARED/corpora/allsides-syria``).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import sys
import tempfile
from pathlib import Path


def _frame_hash(frame) -> str:
    """SHA-256 of a DataFrame: its columns, dtypes and index, and its values as uncompressed Parquet."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    sink = io.BytesIO()
    pq.write_table(pa.Table.from_pandas(frame), sink, compression="none")
    head = json.dumps([list(map(str, frame.columns)), list(map(str, frame.dtypes)), str(frame.index)])
    return hashlib.sha256(head.encode() + sink.getvalue()).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--side-backends", action="store_true")
    parser.add_argument("--labels-as-mentions", action="store_true")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--sentiment", default="default", help="the registered backend behind portrayal and voice")
    parser.add_argument("--corpus", default=None, help="a corpus path instead of AllSides (e.g. corpora/demo)")
    parser.add_argument("--no-cache", action="store_true", help="analyse with cache=False and hash the DataFrames")
    args = parser.parse_args()

    from toolkit.corpus import Corpus, load_corpus
    from toolkit.paths import shared_path
    from toolkit.pipeline import analyze
    from toolkit.pipeline.schemas import TABLES

    path = args.corpus or shared_path("corpora", "allsides-syria")
    if path is None:
        sys.exit("allsides-syria not found (set NARRATIVE_SHARED)")
    corpus = Corpus(list(load_corpus(path))[:args.articles], name="allsides-hashes")
    if args.no_cache:
        results = analyze(corpus, cache=False, progress=False, workers=args.workers,
                          side_backends=args.side_backends, labels_as_mentions=args.labels_as_mentions,
                          sentiment=args.sentiment)
        for name in sorted(TABLES):
            frame = getattr(results, name)
            print(f"{name:15s} {_frame_hash(frame)} ({len(frame)} rows)")
        settings = {k: v for k, v in results.settings.items() if k != "key"}  # the key covers the code's files
        print(f"{'settings':15s} {hashlib.sha256(json.dumps(settings, sort_keys=True).encode()).hexdigest()}")
        return
    with tempfile.TemporaryDirectory(prefix="table-hashes-") as cache:
        results = analyze(corpus, cache=cache, progress=False, workers=args.workers,
                          side_backends=args.side_backends, labels_as_mentions=args.labels_as_mentions,
                          sentiment=args.sentiment)
        manifest = json.loads((Path(results.path) / "manifest.json").read_text())
        for name, parts in sorted(manifest["tables"].items()):
            digest = hashlib.sha256("".join(p["sha256"] for p in parts).encode()).hexdigest()
            print(f"{name:15s} {digest} ({len(getattr(results, name))} rows)")


if __name__ == "__main__":
    main()
