"""The rule extractor, the trained tagger and their unions, side by side on PolNeAR dev and real-quotes dev.

``union`` adds every tagged quote that overlaps no rule quote; ``union-cue`` only those whose cue holds an
attribution verb of ``verbs.yml`` (:func:`toolkit.quotes.tagger.union_quotes` with ``cue_verbs``; no setting).

Each article is extracted once per backend (the union reuses both), timed in CPU seconds of this
process (less disturbed than wall time on a shared machine); throughput is ``\\w+`` words of the
text read over those seconds. Scoring calls the validators' own functions
(:func:`toolkit.validate.polnear.score`, :func:`toolkit.validate.real.score`), so the figures are
those of ``python -m toolkit validate quotes`` / ``validate real`` for the rules. PolNeAR dev is
also scored on its two halves of articles (sorted order), real-quotes on the validator's halves,
as the spread of the figures.

Usage: ``python benchmarks/quote_backends.py [--model DIR] [--threads 2] [--json FILE]``
(needs a model from ``python -m toolkit train quotes``; reads ``$NARRATIVE_SHARED/gold/polnear`` and
``gold/real-quotes``).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import time

_WORD = re.compile(r"\w+")
BACKENDS = ("rules", "tagger", "union", "union-cue")


def _extract_all(items, model, actors, verbs):
    """``{backend: {key: quotes}}`` and CPU seconds per backend over ``items`` (key, source)."""
    from toolkit.quotes import extract_quotes
    from toolkit.quotes.tagger import extract_quotes_tagged, union_quotes

    quotes = {b: {} for b in BACKENDS}
    seconds = {b: 0.0 for b in BACKENDS}
    for key, source in items:
        t0 = time.process_time()
        quotes["rules"][key] = extract_quotes(source, actors=actors, verbs=verbs)
        t1 = time.process_time()
        quotes["tagger"][key] = extract_quotes_tagged(source, model, actors=actors, verbs=verbs)
        t2 = time.process_time()
        quotes["union"][key] = union_quotes(quotes["rules"][key], quotes["tagger"][key])
        t3 = time.process_time()
        quotes["union-cue"][key] = union_quotes(quotes["rules"][key], quotes["tagger"][key], verbs)
        t4 = time.process_time()
        seconds["rules"] += t1 - t0
        seconds["tagger"] += t2 - t1
        seconds["union"] += (t1 - t0) + (t3 - t1)
        seconds["union-cue"] += (t1 - t0) + (t2 - t1) + (t4 - t3)
    return quotes, seconds


def polnear_dev(folder, model, actors, verbs) -> dict:
    from toolkit.validate import polnear

    docs = polnear.load_gold(folder)
    quotes, seconds = _extract_all([(stem, text) for stem, text, _g in docs], model, actors, verbs)
    words = sum(len(_WORD.findall(text)) for _s, text, _g in docs)
    half = len(docs) // 2
    out = {}
    for b in BACKENDS:
        by_text = {text: quotes[b][stem] for stem, text, _g in docs}

        def predict(text):
            return polnear.attributions(by_text[text])

        out[b] = {"all": polnear.score(docs, predict), "half_1": polnear.score(docs[:half], predict),
                  "half_2": polnear.score(docs[half:], predict),
                  "words_per_cpu_second": round(words / seconds[b]) if seconds[b] else None}
    return {"articles": len(docs), "words": words, "backends": out}


def real_dev(folder, model, actors, verbs) -> dict:
    from toolkit.paths import shared_path
    from toolkit.validate import real

    gold = real.load_gold(folder)
    articles = real.load_articles(gold, shared_path("corpora"))
    quotes, seconds = _extract_all(list(articles.items()), model, actors, verbs)
    words = sum(len(_WORD.findall(a.masked_text)) for a in articles.values())
    ids = {id(a): aid for aid, a in articles.items()}
    out = {}
    for b in BACKENDS:
        def predict(article):
            return [real.Prediction(q.start, q.end, q.speaker_start, q.speaker_end, q.camp, q.speaker, q.kind, q.actor)
                    for q in quotes[b][ids[id(article)]]]

        res = real.score(articles, gold, predict, frozenset(actors.actors))
        out[b] = {k: res[k] for k in ("pooled", "halves", "by_corpus", "by_camp")}
        out[b]["min_article_recall"] = min(f["recall"] for f in res["by_article"].values())
        out[b]["words_per_cpu_second"] = round(words / seconds[b]) if seconds[b] else None
    return {"articles": len(articles), "statements": len(gold), "words": words, "backends": out}


def _print(res: dict) -> None:
    p = res["polnear"]
    print(f"PolNeAR dev ({p['articles']} articles, {p['words']} words)")
    print(f"{'':10}{'P':>7}{'R':>7}{'F1':>7}{'spk':>7}{'direct':>8}{'mixed':>7}{'indir':>7}"
          f"{'F1 h1':>7}{'F1 h2':>7}{'words/cpu-s':>13}")
    for b, r in p["backends"].items():
        a, k = r["all"], r["all"]["recall_by_gold_kind"]
        print(f"{b:10}{a['precision']:7.3f}{a['recall']:7.3f}{a['f1']:7.3f}{a['speaker_accuracy']:7.3f}"
              f"{k.get('direct', 0):8.3f}{k.get('mixed', 0):7.3f}{k.get('indirect', 0):7.3f}"
              f"{r['half_1']['f1']:7.3f}{r['half_2']['f1']:7.3f}{r['words_per_cpu_second']:13,}")
    q = res["real"]
    print(f"\nreal-quotes dev ({q['articles']} articles, {q['statements']} statements, {q['words']} words)")
    print(f"{'':10}{'R':>7}{'P':>7}{'camp':>7}{'spk':>7}{'min art R':>10}{'R halves':>13}{'camp halves':>13}"
          f"{'FA-KES R':>9}{'words/cpu-s':>13}")
    for b, r in q["backends"].items():
        f, h = r["pooled"], list(r["halves"].values())
        print(f"{b:10}{f['recall']:7.3f}{f['precision']:7.3f}{f['camp_accuracy']:7.3f}{f['speaker_accuracy']:7.3f}"
              f"{r['min_article_recall']:10.3f}{h[0]['recall']:7.3f}/{h[1]['recall']:.3f}"
              f"{h[0]['camp_accuracy']:7.3f}/{h[1]['camp_accuracy']:.3f}"
              f"{r['by_corpus'].get('FA-KES', {}).get('recall', 0):9.3f}{r['words_per_cpu_second']:13,}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", default=None, help="tagger folder (default: the newest cached one)")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--json", default=None, help="write the figures to FILE")
    args = parser.parse_args(argv)

    from toolkit.actors import load_actors
    from toolkit.paths import shared_path
    from toolkit.quotes import load_verbs
    from toolkit.quotes.tagger import QuoteTagger, latest_tagger

    polnear_dir, real_dir = shared_path("gold", "polnear", "data", "dev"), shared_path("gold", "real-quotes")
    if polnear_dir is None or real_dir is None:
        raise SystemExit("needs $NARRATIVE_SHARED/gold/polnear and gold/real-quotes")
    model = QuoteTagger(args.model or latest_tagger(), threads=args.threads)
    actors, verbs = load_actors(), load_verbs()
    load = os.getloadavg()
    res = {"model": str(model.path), "threads": args.threads, "load_average_start": load,
           "polnear": polnear_dev(polnear_dir, model, actors, verbs), "real": real_dev(real_dir, model, actors, verbs),
           "load_average_end": os.getloadavg()}
    _print(res)
    print(f"\nmodel {res['model']}; load average {load[0]:.1f} at start, {res['load_average_end'][0]:.1f} at end")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(res, fh, indent=2)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
