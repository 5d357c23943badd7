"""Words per second of the full analysis (1 and 2 workers) against the naive notebook, in one run.

The naive notebook is what a researcher writes with the design-card packages alone: pysbd
sentences (Sadvilkar & Neumann 2020), then NLTK's VADER (Hutto & Gilbert 2014) and TextBlob on
every sentence. The full analysis computes far more (mentions, quotes with speakers, hedges,
three target-aware sentiment backends per mention and per quote). Each measurement runs in a
fresh process (no warm caches carried over), after a warm-up on other articles; the ratios are
taken within one run because the machine is shared (the in-process runs also report words per CPU
second, which other processes on a shared machine disturb less).

With ``--trained`` each run also times the full analysis on 1 worker with ``sentiment="trained"``
(the fine-tuned encoder of :mod:`toolkit.finetune` behind portrayal, beside the lexicon backends).

Usage: ``python benchmarks/throughput.py [--articles 300] [--repeat 2] [--trained]`` (the last
lines give the median of each ratio over the runs)
(needs ``pip install pysbd``; reads ``$NARRATIVE_SHARED/corpora/allsides-syria``).
"""

from __future__ import annotations

import argparse
import json
import os
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


def _full(articles, workers: int, sentiment: str = "default") -> None:
    from toolkit.pipeline import analyze

    analyze(_corpus(articles), workers=workers, cache=False, progress=False, sentiment=sentiment)


def _corpus(articles):
    from toolkit.corpus import Corpus

    return Corpus(articles, name="allsides-sample")


def measure(what: str, n: int) -> dict:
    """Words per second of one method (``naive``, ``1`` or ``2`` workers, ``1:trained``), in this process."""
    warm, articles = _articles(n)
    workers, _, sentiment = what.partition(":")
    run = _naive if what == "naive" else (lambda a: _full(a, int(workers), sentiment or "default"))
    run(warm)
    words = sum(len(a.text.split()) for a in articles)
    t0, c0 = time.perf_counter(), time.process_time()
    run(articles)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    return {"what": what, "articles": len(articles), "words": words, "seconds": seconds, "words_per_s": words / seconds,
            "words_per_cpu_s": words / cpu}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--trained", action="store_true", help="also time 1 worker with sentiment='trained'")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.articles)))
        return
    ratios: dict[str, list[float]] = {"1 worker / naive": [], "2 workers / 1 worker": []}
    for r in range(args.repeat):
        got = {}
        for what in ("naive", "1", "2") + (("1:trained",) if args.trained else ()):
            out = subprocess.run([sys.executable, __file__, "--measure", what, "--articles", str(args.articles)],
                                 check=True, capture_output=True, text=True).stdout
            got[what] = json.loads(out.strip().splitlines()[-1])
            print(f"run {r + 1}: {what:>5}: {got[what]['words']} words in {got[what]['seconds']:.1f} s = "
                  f"{got[what]['words_per_s']:,.0f} words/s", flush=True)
        print(f"run {r + 1}: full 1 worker / naive = {got['1']['words_per_s'] / got['naive']['words_per_s']:.2f}x "
              f"(per CPU second of this process: {got['1']['words_per_cpu_s'] / got['naive']['words_per_cpu_s']:.2f}x), "
              f"2 workers / 1 worker = {got['2']['words_per_s'] / got['1']['words_per_s']:.2f}x", flush=True)
        ratios["1 worker / naive"].append(got["1"]["words_per_s"] / got["naive"]["words_per_s"])
        ratios["2 workers / 1 worker"].append(got["2"]["words_per_s"] / got["1"]["words_per_s"])
        if args.trained:
            print(f"run {r + 1}: full 1 worker with the trained backend / default = "
                  f"{got['1:trained']['words_per_s'] / got['1']['words_per_s']:.2f}x", flush=True)
    for name, values in ratios.items():  # the machine is shared: one run can be disturbed, the median less so
        print(f"{name}: median {statistics.median(values):.2f}x over {len(values)} runs "
              f"({', '.join(f'{v:.2f}' for v in values)})")


if __name__ == "__main__":
    main()
