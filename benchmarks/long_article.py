"""Seconds per article as one article grows: the analysis should cost time linear in its length.

Builds single articles of 50 KB to 1 MB from the demo corpus's own (constructed) text: the demo
articles are concatenated over and over, each copy's paragraphs ending in a sentence that names
the copy ("Filed as report 12."), so the duplicate-paragraph masking of
:func:`toolkit.corpus.article_from_text` does not blank the repeats. Two layouts:

* ``lines``: one paragraph per line, as scraped news;
* ``flat``: the same text with every line break replaced by a space (one paragraph per article,
  the worst case for anything that scans to a line end).

Each size is analysed with ``toolkit.analyze([record], cache=False)`` in a fresh process, after a
warm-up on a short article in that process (lexicons and sentiment backends loaded). The table
gives seconds, milliseconds per KB and the fitted exponent ``b`` of ``time ~ size ** b`` (least
squares of log time on log size; 1.0 is linear, 2.0 quadratic).

Usage: ``python benchmarks/long_article.py [--sizes 50,100,200,400,800,1000] [--layout lines,flat]
[--repeat 1] [--against OTHER_CHECKOUT]`` (run from the repository root; prints one row per size
and the exponent per layout). ``--against`` times another checkout of the toolkit (e.g. the
commit before a change, from ``git worktree add``) on the same articles, alternating with this
one size by size, so both see the same load on a shared machine.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "corpora" / "demo"


def build(kb: int, layout: str = "lines") -> str:
    """One article of about ``kb`` KB (UTF-8) of demo text, each repeat's paragraphs made unique."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(DEMO.glob("*.txt"))]
    want = kb * 1000
    out: list[str] = []
    size = 0
    copy = 0
    while size < want:
        for t in texts:
            paras = [p.strip() for p in t.splitlines() if p.strip()]
            for j, para in enumerate(paras):
                line = f"{para} Filed as report {copy}.{j}." if len(para.split()) > 3 else para
                out.append(line)
                size += len(line.encode("utf-8")) + 1
            copy += 1
            if size >= want:
                break
    return ("\n" if layout == "lines" else " ").join(out)


def _measure(kb: int, layout: str) -> dict:
    """Analyse one built article in this process (after a warm-up); seconds and table sizes."""
    from toolkit import analyze

    analyze([{"id": "warm", "text": build(5, layout)}], cache=False, progress=False)
    text = build(kb, layout)
    t0 = time.perf_counter()
    res = analyze([{"id": f"long-{kb}", "text": text}], cache=False, progress=False)
    seconds = time.perf_counter() - t0
    from toolkit.pipeline.source import _article

    masked = _article({"id": "x", "text": text}, 0).masked_text
    return {"kb": kb, "layout": layout, "seconds": seconds, "bytes": len(text.encode("utf-8")),
            "blank_share": round(1 - len(masked.replace(" ", "").replace("\n", "")) /
                                 max(1, len(text.replace(" ", "").replace("\n", ""))), 3),
            "sentences": len(res.sentences), "mentions": len(res.mentions), "quotes": len(res.quotes),
            "hedges": len(res.hedges)}


def exponent(points: list[tuple[float, float]]) -> float:
    """Slope of the least-squares line of log(seconds) on log(size)."""
    xs = [math.log(s) for s, _t in points]
    ys = [math.log(t) for _s, t in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="50,100,200,400,800,1000", help="sizes in KB, comma-separated")
    ap.add_argument("--layout", default="lines,flat", help="lines, flat or both")
    ap.add_argument("--repeat", type=int, default=1, help="runs per size (the minimum is kept)")
    ap.add_argument("--against", help="another checkout's root, timed alternately on the same articles")
    ap.add_argument("--one", nargs=2, metavar=("KB", "LAYOUT"), help=argparse.SUPPRESS)  # child process
    args = ap.parse_args()
    if args.one:
        print(json.dumps(_measure(int(args.one[0]), args.one[1])))
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    trees = {"this": ROOT} | ({"other": Path(args.against).resolve()} if args.against else {})
    for layout in args.layout.split(","):
        points: dict[str, list] = {name: [] for name in trees}
        for name, root in trees.items():
            print(f"layout {layout}, {name}: {root}")
        print(f"{'KB':>6} {'tree':>5} {'seconds':>8} {'ms/KB':>7} {'blank':>6} {'sents':>6} {'mentions':>8} "
              f"{'quotes':>6} {'hedges':>6}")
        for kb in sizes:
            runs: dict[str, list] = {name: [] for name in trees}
            for _ in range(args.repeat):
                for name, root in trees.items():  # alternate, so both trees see the same load
                    env = dict(os.environ, PYTHONPATH=str(root))
                    out = subprocess.run([sys.executable, __file__, "--one", str(kb), layout], check=True,
                                         capture_output=True, text=True, cwd=root, env=env).stdout
                    runs[name].append(json.loads(out.strip().splitlines()[-1]))
            for name in trees:
                r = min(runs[name], key=lambda r: r["seconds"])
                points[name].append((r["bytes"], r["seconds"]))
                print(f"{kb:>6} {name:>5} {r['seconds']:>8.2f} {1000 * r['seconds'] / (r['bytes'] / 1000):>7.2f} "
                      f"{r['blank_share']:>6.1%} {r['sentences']:>6} {r['mentions']:>8} {r['quotes']:>6} "
                      f"{r['hedges']:>6}", flush=True)
        for name in trees:
            if len(points[name]) > 1:
                print(f"fitted exponent ({layout}, {name}): {exponent(points[name]):.2f}", flush=True)


if __name__ == "__main__":
    main()
