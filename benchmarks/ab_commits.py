"""Side-by-side CPU cost of the full analysis at two commits, in one process.

A fresh-process benchmark (``benchmarks/throughput.py``) compares the toolkit with the naive notebook;
between two versions of the toolkit its run-to-run noise on a shared 2-core machine (several percent)
is as large as the changes. This script loads both versions in one process as renamed copies of the
package (``git archive`` of each commit, imports rewritten to ``toolkit_a`` / ``toolkit_b``), warms
both on 10 articles, then analyses the same articles (``cache=False``, ``workers=1``) in blocks,
alternating the order (ABBA, across blocks and repeats) and keeping each side's fastest of ``--repeat`` runs
per block, and prints the CPU seconds (``time.process_time``) of each side. Use it to check that a change does not
cost throughput; use ``throughput.py`` for the ratios the README reports. A repeated block finds the
paragraph splits and sentence analyses of its first run in the memo caches, so ``--repeat 1`` measures
what a cold run (each article analysed once) costs, the case of ``throughput.py`` and of a real corpus. Limits: both copies share
the process's memory and imported libraries (syntok, VADER), so start-up costs are not compared.

    python benchmarks/ab_commits.py e721c18 HEAD --articles 300 [--sentiment static]
"""

from __future__ import annotations

import argparse
import importlib
import re
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _copy(commit: str, name: str, into: Path) -> None:
    """The ``toolkit`` package at ``commit`` as package ``name`` under ``into``."""
    blob = subprocess.run(["git", "archive", commit, "toolkit"], cwd=ROOT, capture_output=True, check=True).stdout
    with tarfile.open(fileobj=BytesIO(blob)) as tar:
        tar.extractall(into / "_extract", filter="data")
    (into / "_extract" / "toolkit").rename(into / name)
    for path in (into / name).rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"\b(from|import) toolkit\.", rf"\1 {name}.", text), encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("a", help="first commit (e.g. the session's start)")
    ap.add_argument("b", help="second commit (e.g. HEAD)")
    ap.add_argument("--articles", type=int, default=300, help="AllSides-Syria articles after the 10 warm-up ones")
    ap.add_argument("--block", type=int, default=10, help="articles per block")
    ap.add_argument("--repeat", type=int, default=3, help="runs per block and side (the fastest counts; from the "
                    "second on, the memo caches of paragraph splits and sentence analyses are warm: --repeat 1 "
                    "times every article cold, as throughput.py does)")
    ap.add_argument("--sentiment", default="default", help="the sentiment backend of both sides (e.g. static)")
    args = ap.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="ab-commits-"))
    sides = {}
    for key, commit in (("toolkit_a", args.a), ("toolkit_b", args.b)):
        _copy(commit, key, tmp)
    sys.path.insert(0, str(tmp))
    for key in ("toolkit_a", "toolkit_b"):
        pipeline, corpus = importlib.import_module(key + ".pipeline"), importlib.import_module(key + ".corpus")
        paths = importlib.import_module(key + ".paths")
        articles = list(corpus.load_corpus(paths.shared_path("corpora", "allsides-syria")))
        pipeline.analyze(corpus.Corpus(articles[:10], name="warm"), workers=1, cache=False, progress=False,
                          sentiment=args.sentiment)
        sides[key] = (pipeline.analyze, corpus.Corpus, articles[10:10 + args.articles])
    cpu = dict.fromkeys(sides, 0.0)
    n = len(sides["toolkit_b"][2])
    for start in range(0, n, args.block):
        best = dict.fromkeys(sides, float("inf"))
        for r in range(args.repeat):
            for key in (("toolkit_a", "toolkit_b") if (r + start // args.block) % 2 == 0 else ("toolkit_b", "toolkit_a")):
                analyze, Corpus, arts = sides[key]
                c0 = time.process_time()
                analyze(Corpus(arts[start:start + args.block], name="ab"), workers=1, cache=False, progress=False,
                        sentiment=args.sentiment)
                best[key] = min(best[key], time.process_time() - c0)
        for key in sides:
            cpu[key] += best[key]
    a, b = cpu["toolkit_a"], cpu["toolkit_b"]
    print(f"{n} articles, sentiment={args.sentiment}, blocks of {args.block}, fastest of {args.repeat} per block: "
          f"{args.a} {a:.2f} CPU s, {args.b} {b:.2f} CPU s, {args.b} uses {100 * (b / a - 1):+.1f}%")


if __name__ == "__main__":
    main()
