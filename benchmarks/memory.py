"""Peak memory of ``analyze`` as the corpus grows: allsides-syria repeated k times with new ids.

Each size runs in a fresh process that streams the articles (a generator re-reading the JSON
files, ids suffixed with the copy number) into ``analyze`` with a cache folder, so chunks are
written as Parquet parts and no table is held in memory. Peak resident memory is the process's
``ru_maxrss`` (getrusage); the figure to watch is the ratio of the largest to the smallest size.

Usage: ``python benchmarks/memory.py [--base 1167] [--times 1 10] [--workers 1]``
(reads ``$NARRATIVE_SHARED/corpora/allsides-syria``; ``--base`` takes the first N files).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _files(base: int) -> list[Path]:
    from toolkit.paths import shared_path

    folder = shared_path("corpora", "allsides-syria", "data", "jsons")
    if folder is None:
        sys.exit("allsides-syria not found (set NARRATIVE_SHARED)")
    return sorted(folder.glob("*.json"))[:base]


def _records(files: list[Path], times: int):
    """The articles of ``files`` as records, ``times`` over, read lazily (one file at a time)."""
    for copy in range(times):
        for path in files:
            doc = json.loads(path.read_text(encoding="utf-8"))
            yield {"id": f"{doc['ID']}-{copy}", "outlet": doc.get("source"), "date": doc.get("date"),
                   "title": doc.get("title"), "text": doc.get("content_original") or doc.get("content") or ""}


def measure(base: int, times: int, workers: int) -> dict:
    """Run analyze on ``times`` copies of ``base`` articles in this process; peak RSS in MiB."""
    from toolkit.pipeline import analyze

    files = _files(base)
    with tempfile.TemporaryDirectory() as cache:
        t0 = time.perf_counter()
        results = analyze(_records(files, times), cache=cache, workers=workers, progress=False)
        seconds = time.perf_counter() - t0
        n_articles = results.dataset("articles").count_rows()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"times": times, "articles": n_articles, "seconds": seconds, "peak_rss_mib": peak,
            "worker_peak_rss_mib": children}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=int, default=100_000, help="first N allsides files (default: all)")
    parser.add_argument("--times", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--measure", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.base, args.measure, args.workers)))
        return
    got = []
    for times in args.times:
        out = subprocess.run([sys.executable, __file__, "--measure", str(times), "--base", str(args.base),
                              "--workers", str(args.workers)], check=True, capture_output=True, text=True).stdout
        got.append(json.loads(out.strip().splitlines()[-1]))
        r = got[-1]
        print(f"x{times}: {r['articles']} articles in {r['seconds']:.0f} s, peak RSS {r['peak_rss_mib']:.0f} MiB"
              f" (workers' peak {r['worker_peak_rss_mib']:.0f} MiB)", flush=True)
    print(f"peak RSS x{got[-1]['times']} / x{got[0]['times']} = {got[-1]['peak_rss_mib'] / got[0]['peak_rss_mib']:.2f}")


if __name__ == "__main__":
    main()
