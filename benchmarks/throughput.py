"""Words per second of the full analysis (1 and 2 workers) against the naive notebook, in one run.

The naive notebook is what a researcher writes with the design-card packages alone: pysbd
sentences (Sadvilkar & Neumann 2020), then NLTK's VADER (Hutto & Gilbert 2014) and TextBlob on
every sentence. The full default analysis computes far more (mentions, quotes with speakers,
hedges, target-aware sentiment per mention and per quote). Each configuration runs in a fresh
process with the cache off (``cache=False``: no cache hit, and no memo cache warmed by an earlier
configuration, which a forked worker would inherit), after a warm-up on other articles; the ratios
are taken within one run because the machine is shared. Each line also gives words per CPU second
(of the process and its worker processes), which other processes on a shared machine disturb
less, and the load average when the configuration ran. The last lines give the CPU count, the range
of the load, each configuration's medians (words/s, words per CPU second, seconds, load) and the
median of each ratio, among them 2 workers / 1 worker per CPU second (1.0 when the pool costs no
extra CPU per word; the wall-clock ratio can then reach 2 only on 2 idle cores).

With ``--side-backends`` each run also times 1 worker with ``side_backends=True`` (VADER and
TextBlob beside the main backend, the ``*_vader``/``*_textblob`` columns); with ``--trained``,
1 worker with ``sentiment="trained"`` (the fine-tuned encoder of :mod:`toolkit.sentiment.trained`).

Usage: ``python benchmarks/throughput.py [--articles 300] [--repeat 2] [--side-backends] [--trained]``
(the last lines give the median of each ratio over the runs)
(needs ``pip install pysbd``; reads ``$NARRATIVE_SHARED/corpora/allsides-syria``).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time

WARMUP = 10


def _articles(n: int):
    from toolkit.corpus import load_corpus
    from toolkit.paths import shared_path

    path = shared_path("corpora", "allsides-syria")
    if path is None:
        sys.exit("allsides-syria not found (set NARRATIVE_SHARED)")
    articles = list(load_corpus(path))
    return articles[:WARMUP], articles[WARMUP:WARMUP + n]


def _naive(articles) -> None:
    import nltk
    import pysbd
    import vaderSentiment
    from nltk.sentiment.vader import SentimentIntensityAnalyzer
    from textblob import TextBlob

    lexicon_dir = os.path.dirname(vaderSentiment.__file__)
    nltk.data.path.append(lexicon_dir)
    vader = SentimentIntensityAnalyzer(lexicon_file="file:" + os.path.join(lexicon_dir, "vader_lexicon.txt"))
    segmenter = pysbd.Segmenter(language="en", clean=False)
    for article in articles:
        for sentence in segmenter.segment(article.text):
            vader.polarity_scores(sentence)
            TextBlob(sentence).sentiment  # noqa: B018 - the property computes the polarity


def _full(articles, workers: int, sentiment: str = "default", side_backends: bool = False) -> None:
    from toolkit.pipeline import analyze

    analyze(_corpus(articles), workers=workers, cache=False, progress=False, sentiment=sentiment,
            side_backends=side_backends)


def _corpus(articles):
    from toolkit.corpus import Corpus

    return Corpus(articles, name="allsides-sample")


def measure(what: str, n: int) -> dict:
    """Words per second of one method (``naive``, ``1`` or ``2`` workers, ``1:trained``, ``1:side``),
    in this process."""
    warm, articles = _articles(n)
    workers, _, option = what.partition(":")
    sentiment = option if option and option != "side" else "default"
    run = _naive if what == "naive" else (lambda a: _full(a, int(workers), sentiment, option == "side"))
    run(warm)
    words = sum(len(a.text.split()) for a in articles)
    t0, c0, k0 = time.perf_counter(), time.process_time(), _children_cpu()
    run(articles)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0 + _children_cpu() - k0
    return {"what": what, "articles": len(articles), "words": words, "seconds": seconds, "words_per_s": words / seconds,
            "words_per_cpu_s": words / cpu, "load": os.getloadavg()[0]}


def _children_cpu() -> float:
    """CPU seconds of this process's finished child processes (the pool workers, once shut down)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--side-backends", action="store_true", help="also time 1 worker with side_backends=True")
    parser.add_argument("--trained", action="store_true", help="also time 1 worker with sentiment='trained'")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.articles)))
        return
    ratios: dict[str, list[float]] = {"1 worker / naive": [], "1 worker / naive per CPU second": [],
                                      "2 workers / 1 worker": [], "2 workers / 1 worker per CPU second": []}
    runs: dict[str, list[dict]] = {}
    for r in range(args.repeat):
        got = {}
        for what in ("naive", "1", "2") + (("1:side",) if args.side_backends else ()) + (("1:trained",) if args.trained else ()):
            out = subprocess.run([sys.executable, __file__, "--measure", what, "--articles", str(args.articles)],
                                 check=True, capture_output=True, text=True).stdout
            got[what] = json.loads(out.strip().splitlines()[-1])
            runs.setdefault(what, []).append(got[what])
            print(f"run {r + 1}: {what:>9}: {got[what]['words']} words in {got[what]['seconds']:.1f} s = "
                  f"{got[what]['words_per_s']:,.0f} words/s, {got[what]['words_per_cpu_s']:,.0f} words/CPU s "
                  f"(load {got[what]['load']:.1f})", flush=True)
        ratios["1 worker / naive"].append(got["1"]["words_per_s"] / got["naive"]["words_per_s"])
        ratios["1 worker / naive per CPU second"].append(got["1"]["words_per_cpu_s"] / got["naive"]["words_per_cpu_s"])
        ratios["2 workers / 1 worker"].append(got["2"]["words_per_s"] / got["1"]["words_per_s"])
        # 1.0 when the 2 workers spend the CPU per word of 1 worker; below 1, the extra CPU the pool costs
        ratios["2 workers / 1 worker per CPU second"].append(got["2"]["words_per_cpu_s"] / got["1"]["words_per_cpu_s"])
        print(f"run {r + 1}: full 1 worker / naive = {ratios['1 worker / naive'][-1]:.2f}x "
              f"(per CPU second: {ratios['1 worker / naive per CPU second'][-1]:.2f}x), "
              f"2 workers / 1 worker = {ratios['2 workers / 1 worker'][-1]:.2f}x "
              f"(per CPU second: {ratios['2 workers / 1 worker per CPU second'][-1]:.2f}x)", flush=True)
        if args.side_backends:
            print(f"run {r + 1}: full 1 worker with the side backends / default = "
                  f"{got['1:side']['words_per_s'] / got['1']['words_per_s']:.2f}x", flush=True)
        if args.trained:
            print(f"run {r + 1}: full 1 worker with the trained backend / default = "
                  f"{got['1:trained']['words_per_s'] / got['1']['words_per_s']:.2f}x", flush=True)
    print(f"machine: {os.cpu_count()} CPUs; load average over the runs "
          f"{min(m['load'] for ms in runs.values() for m in ms):.1f}-{max(m['load'] for ms in runs.values() for m in ms):.1f}")
    for what, ms in runs.items():
        print(f"{what:>9}: median {statistics.median(m['words_per_s'] for m in ms):,.0f} words/s, "
              f"{statistics.median(m['words_per_cpu_s'] for m in ms):,.0f} words/CPU s, "
              f"{statistics.median(m['seconds'] for m in ms):.1f} s, load {statistics.median(m['load'] for m in ms):.1f}")
    for name, values in ratios.items():  # the machine is shared: one run can be disturbed, the median less so
        print(f"{name}: median {statistics.median(values):.2f}x over {len(values)} runs "
              f"({', '.join(f'{v:.2f}' for v in values)})")

if __name__ == "__main__":
    main()
