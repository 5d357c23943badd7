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

Where the 2-worker run's time goes: each pool worker records its own CPU seconds at the end of each
chunk (a forked process counts from the fork, so that is its start-up and its chunks; what it spends
after its last chunk, shutting down, is the rest of the children's CPU). From these, each run also
prints the 2-worker run's critical path on 2 idle cores: all the parent's CPU (the key pass, the
articles pickled out, the tables unpickled and gathered; counted as if none of it overlapped the
workers) plus the busiest worker's CPU, and the ratio of the 1-worker run's CPU to it: what the
wall-clock ratio would be on a machine with 2 free cores (an estimate from CPU accounting, not a
measured wall time; it leaves out the cores' contention for memory and caches, which the per-CPU-second
ratio shows). ``cores`` is each run's CPU over its wall time: how much of the machine it got.

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


_PROBE_DIR = None  # where pool workers record their CPU seconds (a folder per measured run)


def _probed_chunk(items, start, *args):
    """``_run_chunk`` in a pool worker, then the worker's own CPU seconds so far (since its fork)
    written to ``_PROBE_DIR/<pid>`` (the last line is the worker's CPU up to its last chunk)."""
    from toolkit.pipeline.chunk import _run_chunk

    out = _run_chunk(items, start, *args)
    with open(os.path.join(_PROBE_DIR, str(os.getpid())), "a") as fh:
        fh.write(f"{time.process_time()!r}\n")
    return out


def _probe_workers(folder: str) -> bool:
    """Have pool workers record their CPU seconds in ``folder`` (only under ``fork``, where a worker
    runs this module's functions as the parent holds them)."""
    global _PROBE_DIR
    import multiprocessing

    import toolkit.pipeline.engines as engines

    if multiprocessing.get_start_method() != "fork":
        return False
    _PROBE_DIR = folder
    engines._run_chunk = _probed_chunk
    return True


def _worker_cpu(folder: str) -> list[float]:
    """Each probed worker's CPU seconds up to the end of its last chunk."""
    return [float(open(os.path.join(folder, name)).read().split()[-1]) for name in sorted(os.listdir(folder))]


def measure(what: str, n: int) -> dict:
    """Words per second of one method (``naive``, ``1`` or ``2`` workers, ``1:trained``, ``1:side``),
    in this process; for a pool run also the parent's and each worker's CPU seconds."""
    import tempfile

    warm, articles = _articles(n)
    workers, _, option = what.partition(":")
    sentiment = option if option and option != "side" else "default"
    run = _naive if what == "naive" else (lambda a: _full(a, int(workers), sentiment, option == "side"))
    run(warm)
    words = sum(len(a.text.split()) for a in articles)
    with tempfile.TemporaryDirectory() as folder:
        probed = what != "naive" and int(workers) > 1 and _probe_workers(folder)
        t0, c0, k0 = time.perf_counter(), time.process_time(), _children_cpu()
        run(articles)
        seconds, parent = time.perf_counter() - t0, time.process_time() - c0
        children = _children_cpu() - k0
        worker_cpu = _worker_cpu(folder) if probed else []
    cpu = parent + children
    out = {"what": what, "articles": len(articles), "words": words, "seconds": seconds, "words_per_s": words / seconds,
           "words_per_cpu_s": words / cpu, "cpu": cpu, "cores": cpu / seconds, "load": os.getloadavg()[0]}
    if worker_cpu:  # the workers' CPU after their last chunk (exit) shared out among them
        rest = max(children - sum(worker_cpu), 0.0) / len(worker_cpu)
        out.update(parent_cpu=parent, worker_cpu=[w + rest for w in worker_cpu],
                   critical_cpu=parent + max(worker_cpu) + rest)
    return out


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
                  f"{got[what]['words_per_s']:,.0f} words/s, {got[what]['words_per_cpu_s']:,.0f} words/CPU s, "
                  f"{got[what]['cpu']:.2f} CPU s on {got[what]['cores']:.2f} cores (load {got[what]['load']:.1f})",
                  flush=True)
            if "critical_cpu" in got[what]:
                print(f"run {r + 1}: {what:>9}: parent {got[what]['parent_cpu']:.2f} CPU s, workers "
                      f"{', '.join(f'{w:.2f}' for w in got[what]['worker_cpu'])} CPU s; critical path on idle cores "
                      f"{got[what]['critical_cpu']:.2f} CPU s", flush=True)
        ratios["1 worker / naive"].append(got["1"]["words_per_s"] / got["naive"]["words_per_s"])
        ratios["1 worker / naive per CPU second"].append(got["1"]["words_per_cpu_s"] / got["naive"]["words_per_cpu_s"])
        ratios["2 workers / 1 worker"].append(got["2"]["words_per_s"] / got["1"]["words_per_s"])
        # 1.0 when the 2 workers spend the CPU per word of 1 worker; below 1, the extra CPU the pool costs
        ratios["2 workers / 1 worker per CPU second"].append(got["2"]["words_per_cpu_s"] / got["1"]["words_per_cpu_s"])
        if "critical_cpu" in got["2"]:  # the wall-clock ratio 2 free cores would give, from CPU accounting
            ratios.setdefault("2 workers / 1 worker on 2 idle cores (critical path)", []).append(
                got["1"]["cpu"] / got["2"]["critical_cpu"])
        print(f"run {r + 1}: full 1 worker / naive = {ratios['1 worker / naive'][-1]:.2f}x "
              f"(per CPU second: {ratios['1 worker / naive per CPU second'][-1]:.2f}x), "
              f"2 workers / 1 worker = {ratios['2 workers / 1 worker'][-1]:.2f}x "
              f"(per CPU second: {ratios['2 workers / 1 worker per CPU second'][-1]:.2f}x"
              + (f"; on 2 idle cores: {ratios['2 workers / 1 worker on 2 idle cores (critical path)'][-1]:.2f}x"
                 if "critical_cpu" in got["2"] else "") + ")", flush=True)
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
              f"{statistics.median(m['cpu'] for m in ms):.2f} CPU s, {statistics.median(m['seconds'] for m in ms):.1f} s, "
              f"{statistics.median(m['cores'] for m in ms):.2f} cores, load {statistics.median(m['load'] for m in ms):.1f}")
    for name, values in ratios.items():  # the machine is shared: one run can be disturbed, the median less so
        print(f"{name}: median {statistics.median(values):.2f}x over {len(values)} runs "
              f"({', '.join(f'{v:.2f}' for v in values)})")

if __name__ == "__main__":
    main()
