"""Words per CPU second of the analysis with the ``linear`` and the ``default`` (static) sentiment backend, in one process.

``toolkit.analyze(..., cache=False, workers=1)`` on ``--articles`` AllSides-Syria articles (after
the first 10, which warm up both backends), the backends taking turns ``--repeat`` times; CPU
seconds of this process (``resource.getrusage``), which other processes on a shared machine
disturb less than wall-clock time. Prints one JSON line per run and the median per backend, with
the CPU seconds spent in :func:`toolkit.sentiment.portrayal` alone (the pipeline's calls timed in
place, so the script also times another checkout's package put first on ``PYTHONPATH``).

Usage: ``python tools/static_cost.py [--articles 200] [--repeat 2] [--backends linear default]`` (reads
``$NARRATIVE_SHARED``); the ratio printed is the last backend's words per CPU second over the first's.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys

import toolkit.sentiment as sentiment
from toolkit.corpus import Corpus, load_corpus
from toolkit.paths import shared_path
from toolkit.pipeline import analyze
from toolkit.text import n_words

BACKENDS = ("linear", "default")


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--backends", nargs="+", default=list(BACKENDS), help="registered backend names, first the reference")
    args = ap.parse_args(argv)
    backends = tuple(args.backends)
    path = shared_path("corpora", "allsides-syria")
    if path is None:
        print("allsides-syria not found (set NARRATIVE_SHARED)", file=sys.stderr)
        return 2
    articles = list(load_corpus(path))
    warm, sample = Corpus(articles[:10], name="warm-up"), Corpus(articles[10:10 + args.articles], name="sample")
    words = sum(n_words(a.text) for a in sample)
    spent = [0.0]
    inner = sentiment.portrayal

    def timed(*args, **kwargs):  # the pipeline looks portrayal up on toolkit.sentiment at each call
        start = _cpu()
        try:
            return inner(*args, **kwargs)
        finally:
            spent[0] += _cpu() - start

    sentiment.portrayal = timed
    for backend in backends:
        analyze(warm, cache=False, workers=1, progress=False, sentiment=backend)
    per: dict[str, list[float]] = {b: [] for b in backends}
    portrayal_s: dict[str, list[float]] = {b: [] for b in backends}
    for run in range(args.repeat):
        for backend in backends:
            before, spent[0] = _cpu(), 0.0
            analyze(sample, cache=False, workers=1, progress=False, sentiment=backend)
            cpu = _cpu() - before
            per[backend].append(words / cpu)
            portrayal_s[backend].append(spent[0])
            print(json.dumps({"run": run, "backend": backend, "words": words, "cpu_s": round(cpu, 2),
                              "portrayal_cpu_s": round(spent[0], 3), "words_per_cpu_s": round(words / cpu)}))
    med = {b: round(statistics.median(v)) for b, v in per.items()}
    first, last = backends[0], backends[-1]
    print(json.dumps({"median_words_per_cpu_s": med, f"{last}/{first}": round(med[last] / med[first], 3),
                      "median_portrayal_cpu_s": {b: round(statistics.median(v), 3) for b, v in portrayal_s.items()}}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
