"""SHA-256 of every table of the full analysis of the first N AllSides articles, for before/after checks.

A speed change must leave every table byte-identical: run this before and after it and diff the
output. Each table is hashed over its Parquet parts in order (the parts are byte-reproducible, see
``docs/scaling.md``), in a fresh temporary cache folder.

Usage: ``python benchmarks/table_hashes.py [--articles 200] [--side-backends] [--labels-as-mentions]
[--sentiment linear] [--corpus corpora/demo]``
(reads ``$NARRATIVE_SHARED/corpora/allsides-syria``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--side-backends", action="store_true")
    parser.add_argument("--labels-as-mentions", action="store_true")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--sentiment", default="default", help="the registered backend behind portrayal and voice")
    parser.add_argument("--corpus", default=None, help="a corpus path instead of AllSides (e.g. corpora/demo)")
    args = parser.parse_args()

    from toolkit.corpus import Corpus, load_corpus
    from toolkit.paths import shared_path
    from toolkit.pipeline import analyze

    path = args.corpus or shared_path("corpora", "allsides-syria")
    if path is None:
        sys.exit("allsides-syria not found (set NARRATIVE_SHARED)")
    corpus = Corpus(list(load_corpus(path))[:args.articles], name="allsides-hashes")
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
