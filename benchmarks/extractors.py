"""Throughput of the two lexicon extractors alone: ``find_mentions`` and ``find_hedges``.

``find_mentions`` runs over every AllSides-Syria article (read from ``../shared`` or
``$NARRATIVE_SHARED``); ``find_hedges`` over the seed article repeated into one big text (300 copies
by default). Lexicons are loaded before the clock starts. Prints mentions/s, characters/s and words/s
(``toolkit.text.n_words``). These timings were once inside the test suite (tests/test_actors_seed.py,
tests/test_hedging_seed.py), which now checks only what they find.

Usage: ``python benchmarks/extractors.py [--copies 300]`` (run from the repository root).
"""

from __future__ import annotations

import argparse
import json
import sys
import time


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=300, help="copies of the seed article for find_hedges")
    args = parser.parse_args()

    from toolkit.actors import find_mentions, load_actors
    from toolkit.hedging import find_hedges, load_hedges
    from toolkit.paths import shared_path
    from toolkit.text import n_words

    folder = shared_path("corpora", "allsides-syria", "data", "jsons")
    seed = shared_path("seed", "000_cfdc8fee49a77273.txt")
    if folder is None or seed is None:
        print("needs ../shared (corpora/allsides-syria and seed/); set NARRATIVE_SHARED", file=sys.stderr)
        return 2
    texts = [json.loads(p.read_text(encoding="utf-8")).get("content_original") or ""
             for p in sorted(folder.glob("*.json"))]
    actors, hedges = load_actors(), load_hedges()

    t0 = time.perf_counter()
    n = sum(len(find_mentions(t, actors)) for t in texts)
    secs = time.perf_counter() - t0
    chars = sum(map(len, texts))
    print(f"find_mentions: {len(texts)} AllSides articles, {chars / 1e6:.1f} M chars, {n} mentions in {secs:.1f} s "
          f"= {n / secs:,.0f} mentions/s, {chars / secs / 1e6:.2f} M chars/s")

    big = "\n".join([seed.read_text(encoding="utf-8")] * args.copies)
    t0 = time.perf_counter()
    found = find_hedges(big, hedges)
    secs = time.perf_counter() - t0
    words = n_words(big)
    print(f"find_hedges: {words} words, {len(big) / 1e6:.1f} MB, {len(found)} cues in {secs:.2f} s "
          f"= {words / secs:,.0f} words/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
