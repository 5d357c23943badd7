"""The VADER port (toolkit.sentiment.lexical) against NLTK's own ``polarity_scores``, on real text.

Scores every quote text, sentence and paragraph of the three shared corpora (AllSides, FA-KES,
Sputnik) and every NewsMTSC sentence with both and counts the texts whose compound differs
(must be 0). The port no longer patches NLTK, so NLTK here is NLTK as installed.

Usage: ``python benchmarks/vader_check.py [--articles N]`` (N per corpus, default all; reads
``$NARRATIVE_SHARED``). Prints texts, differences and both CPU seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _texts(limit: int | None) -> list[str]:
    from toolkit.corpus import load_corpus
    from toolkit.paths import shared_path
    from toolkit.quotes import extract_quotes
    from toolkit.text import paragraphs, sentence_bounds

    texts: dict[str, None] = {}
    for name in ("allsides-syria", "fakes", "sputnik-seededlda"):
        path = shared_path("corpora", name)
        if path is None:
            sys.exit(f"{name} not found (set NARRATIVE_SHARED)")
        for n, article in enumerate(load_corpus(path)):
            if limit is not None and n >= limit:
                break
            text = article.text
            texts.update((text[s:e], None) for s, e in sentence_bounds(text))
            texts.update((p.text, None) for p in paragraphs(text))
            texts.update((q.text, None) for q in extract_quotes(article))
    gold = shared_path("gold", "newsmtsc")
    if gold is not None:
        for fname in ("train.jsonl", "dev-mt.jsonl", "dev-rw.jsonl"):
            with open(os.path.join(gold, fname), encoding="utf-8") as fh:
                texts.update((json.loads(line)["sentence_normalized"], None) for line in fh if line.strip())
    return list(texts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=None)
    args = parser.parse_args()

    import nltk
    import vaderSentiment
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    from toolkit.sentiment.lexical import vader

    texts = _texts(args.articles)
    pkg_dir = os.path.dirname(vaderSentiment.__file__)
    nltk.data.path.append(pkg_dir)
    plain = SentimentIntensityAnalyzer(lexicon_file="file:" + os.path.join(pkg_dir, "vader_lexicon.txt"))
    port = vader()._vader
    t0 = _cpu()
    ours = [port.compound(t) for t in texts]
    t1 = _cpu()
    theirs = [plain.polarity_scores(t)["compound"] for t in texts]
    t2 = _cpu()
    bad = [t for t, a, b in zip(texts, ours, theirs) if repr(a) != repr(b)]
    print(f"{len(texts):,} texts, {len(bad)} differ; port {t1 - t0:.2f} CPU s, NLTK {t2 - t1:.2f} CPU s")
    if bad:
        sys.exit(1)


if __name__ == "__main__":
    main()
