"""Sentence bounds of ``toolkit.text`` against syntok's own, on every paragraph of the shared corpora.

``toolkit.text`` splits a paragraph with its fast paths and :mod:`toolkit.syntok_port` instead of
syntok's ``segmenter.analyze``; both must give syntok's bounds (before the title-abbreviation join,
which is the toolkit's own rule). This script compares them on every distinct paragraph (quotation
marks straightened, as ``toolkit.text.sentences`` splits them) of the raw and masked text of the
three shared corpora and the demo corpus, prints the counts and each paragraph that differs, by
corpus, article id and offset only (the shared text is not printed), and exits 1 on any difference.

Usage: ``python benchmarks/splitter_check.py`` (reads ``$NARRATIVE_SHARED/corpora``).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from toolkit.corpus import load_corpus
from toolkit.paths import shared_path
from toolkit.syntok_port import syntok_bounds
from toolkit.text import _segment, normalize_quotes, paragraphs

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ("allsides-syria", "fakes", "sputnik-seededlda")


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args(argv)
    sources = [(name, shared_path("corpora", name)) for name in CORPORA] + [("demo", ROOT / "corpora" / "demo")]
    seen: set[str] = set()
    differ = 0
    cost = {"syntok": 0.0, "toolkit": 0.0}
    for name, path in sources:
        if path is None:
            print(f"{name}: not found (set NARRATIVE_SHARED)")
            continue
        n = 0
        for article in load_corpus(path):
            for text in (article.text, article.masked_text):
                for para in paragraphs(text):
                    norm = normalize_quotes(para.text)
                    if norm in seen:
                        continue
                    seen.add(norm)
                    n += 1
                    c0 = time.process_time()
                    want = syntok_bounds(norm)
                    c1 = time.process_time()
                    got = _segment(norm)
                    cost["syntok"] += c1 - c0
                    cost["toolkit"] += time.process_time() - c1
                    if got != want:
                        differ += 1
                        print(f"DIFFERS {name} article {article.id} paragraph at {para.start}: "
                              f"{len(want)} sentences by syntok, {len(got)} by toolkit.text")
        print(f"{name}: {n} distinct paragraphs checked")
    print(f"{len(seen)} paragraphs, {differ} differ; CPU s syntok {cost['syntok']:.2f}, toolkit.text {cost['toolkit']:.2f}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
