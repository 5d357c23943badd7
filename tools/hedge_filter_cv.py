"""A learned cue filter for the hedge lexicon, tried and not shipped: document-fold CV on FactBank.

Usage: ``python tools/hedge_filter_cv.py`` (``NARRATIVE_SHARED`` with the Szeged FactBank dev file and
the shared corpora for the real-news spot records).

The idea (issue 20): instead of one lexicon rule per false hedge, a second look at each lexicon match,
learned. L2-regularised logistic regression (scikit-learn) over binary features of a cue's local
context, no part-of-speech tagger: the cue and its category, the one and two words before and after
it, the cue paired with each of those, the first content word after it (auxiliaries, "not" and
adverbs skipped: "could be seen" -> "seen"), negation before or right after, the person of a pronoun
subject right before it, inside quotation marks, a question, a sentence start. A match of the
Szeged-comparable categories (:data:`JUDGED`) is dropped when its probability is under a threshold.

Training data: every lexicon match in the FactBank dev documents of the training folds (label:
overlaps a Szeged gold cue), optionally with the hand-labelled spot records of the real-news dev sets
(label: a real hedge; a record's fold is its article's SHA-256 of the id mod 5). Each grid point
(C, threshold, class weights, with or without the news records) is scored out of fold: FactBank
sentence F1 over the 5 document folds and the precision of the news records of the held-out fold.

Result (default grid, lexicon of commit 947e997; about 45 CPU-seconds): nothing the filter changes
helps. FactBank has 322 matches, 273 of them gold cues, and the news records' false hedges ("could be
seen", "to determine" a thing, a concessive "whether in X or Y") are one-offs whose features the training folds
do not hold. With no filter (threshold 0) FactBank CV is 0.848 +- 0.048 and the 143 matched news
records of the four dev sets have out-of-fold precision 0.853 (122 real); every grid point that drops
anything lowers FactBank CV (0.847 down to 0.662) and moves news precision only within 0.848-0.867,
except C 0.3 balanced with the news records at threshold 0.7 (0.904, but 37 of the 122 real hedges
lost and CV 0.662). The rule "keep it only if CV does not fall" rejects it: the toolkit ships the
lexicon rules alone.

Round 5 (lexicon of branch h-hedges, the six dev sets of ``DEV_SETS`` once ``hedges_real_fresh4.jsonl`` and the
120 records of ``hedges_real_train.jsonl`` are dev; about 20 CPU-seconds): 321 FactBank matches, 295 matched news
records (233 real). Unfiltered: FactBank CV 0.848, news out-of-fold precision 0.790. With real kept >= 0.95 the
best point (C 0.3, balanced, with the news records, threshold 0.5) reaches 0.804 but FactBank CV 0.807; every
point that drops a match lowers FactBank CV. Rejected again.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import re
import statistics

from toolkit.hedging import load_hedges
from toolkit.paths import shared_path
from toolkit.text import token_bounds
from toolkit.validate.hedge_cv import FOLDS, sentence_f1
from toolkit.validate.spot import DEV_SETS, read_spot
from toolkit.validate.szeged import read_gold

JUDGED = ("epistemic_modal", "epistemic_verb", "epistemic_adverb", "conditional")
_WINDOW = 120  # characters read on each side of a cue
_AUX = frozenset("be been being have has had not n't also still only even well then just never".split())
_NEG = frozenset("not n't no never nobody nothing without".split())
_PERSON = {"i": "1", "we": "1", "you": "2", "he": "3", "she": "3", "it": "3", "they": "3"}
_QUOTES = re.compile("[\"\u201c\u201d]")
_SENT_END = re.compile(r"[.!?\n]")
NEWS_SETS = DEV_SETS


def _words(text: str, start: int, end: int) -> list[str]:
    return [text[a:b].lower().replace("\u2019", "'") for a, b in token_bounds(text, start, end)]


def cue_features(text: str, start: int, end: int, cue: str, category: str) -> list[str]:
    """The binary features of the cue ``text[start:end]`` (lexicon phrase ``cue``) in its context."""
    lo = max(0, start - _WINDOW)
    back = text[lo:start]
    cut = max((m.end() for m in _SENT_END.finditer(back)), default=0)
    before = _words(text, lo + cut, start)
    ahead = text[end:end + _WINDOW]
    stop = _SENT_END.search(ahead)
    after = _words(text, end, end + (stop.start() if stop else len(ahead)))
    p1, p2 = (before[-1] if before else "<s>"), (before[-2] if len(before) > 1 else "<s>")
    n1, n2 = (after[0] if after else "</s>"), (after[1] if len(after) > 1 else "</s>")
    verb = next((w for w in after if w not in _AUX and w.isalpha() and not w.endswith("ly")), "</s>")
    f = [f"cue={cue}", f"cat={category}", f"p1={p1}", f"p2={p2}", f"n1={n1}", f"n2={n2}", f"n12={n1}_{n2}",
         f"cue|p1={cue}|{p1}", f"cue|n1={cue}|{n1}", f"cue|n12={cue}|{n1}_{n2}", f"cue|verb={cue}|{verb}",
         f"cat|verb={category}|{verb}"]
    if any(w in _NEG for w in before[-3:]):
        f.append("neg_before")
    if after[:1] and after[0] in _NEG:
        f.append("neg_after")
    if p1 in _PERSON:
        f.append(f"person={_PERSON[p1]}")
    if len(_QUOTES.findall(back, cut)) % 2:
        f.append("in_quote")
    if stop is not None and ahead[stop.start()] == "?":
        f.append("question")
    if not before:
        f.append("initial")
    return f


def _fit(examples: list[tuple[list[str], bool]], c: float, balanced: bool) -> tuple[dict[str, float], float]:
    """Feature weights and bias of the logistic regression on ``(features, is_hedge)`` examples."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform([{k: 1 for k in feats} for feats, _y in examples])
    model = LogisticRegression(C=c, max_iter=2000, class_weight="balanced" if balanced else None)
    model.fit(x, [int(y) for _f, y in examples])
    return dict(zip(vec.get_feature_names_out(), model.coef_[0].tolist())), float(model.intercept_[0])


def _prob(model: tuple[dict[str, float], float], feats: list[str]) -> float:
    weights, bias = model
    return 1.0 / (1.0 + math.exp(-(bias + sum(weights.get(f, 0.0) for f in feats))))


def _data():
    """FactBank matches ``(fold, sentence, features, gold cue, category)``, gold sentence flags ``(uncertain,
    fold)`` and news records ``(fold, features, real, category, set)`` of the records the finder matches."""
    lex = load_hedges()
    sents = read_gold(shared_path("gold", "szeged-uncertainty", "factbank-dev.xml"))
    fb = [(s.doc % FOLDS, i, cue_features(s.text, h.start, h.end, h.cue, h.category),
           any(h.start < g.end and g.start < h.end for g in s.cues), h.category)
          for i, s in enumerate(sents) for h in lex.find(s.text) if h.category != "booster"]
    news = []
    for name in NEWS_SETS:
        for r, article in read_spot(name, shared_path("corpora")):
            text = article.masked_text
            h = next((h for h in lex.find(text) if h.start < r["end"] and r["start"] < h.end
                      and h.category not in ("booster", "reporting")), None)
            if h is not None:
                fold = int(hashlib.sha256(r["doc_id"].encode()).hexdigest(), 16) % FOLDS
                news.append((fold, cue_features(text, h.start, h.end, h.cue, h.category), r["real"], h.category, name))
    return fb, [(bool(s.cues), s.doc % FOLDS) for s in sents], news


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--c", type=float, nargs="+", default=[0.3, 1.0, 3.0])
    ap.add_argument("--thresholds", type=float, nargs="+", default=[0.0, 0.3, 0.5, 0.7])
    args = ap.parse_args()
    fb, flags, news = _data()
    print(f"FactBank matches {len(fb)} ({sum(x[3] for x in fb)} gold cues); news records matched {len(news)}")
    for balanced in (False, True):
        for with_news in (False, True):
            for c in args.c:
                f1s = {t: [] for t in args.thresholds}
                kept = {t: [] for t in args.thresholds}
                for f in range(FOLDS):
                    ex = [(x, y) for fo, _i, x, y, cat in fb if fo != f and cat in JUDGED]
                    ex += [(x, y) for fo, x, y, cat, _n in news if with_news and fo != f and cat in JUDGED]
                    model = _fit(ex, c, balanced)
                    for t in args.thresholds:
                        pred: dict[int, bool] = {}
                        for fo, i, x, _y, cat in fb:
                            if fo == f:
                                pred[i] = pred.get(i, False) or cat not in JUDGED or _prob(model, x) >= t
                        f1s[t].append(sentence_f1([(g, pred.get(i, False)) for i, (g, fo) in enumerate(flags) if fo == f]))
                        kept[t] += [y for fo, x, y, cat, _n in news
                                    if fo == f and (cat not in JUDGED or _prob(model, x) >= t)]
                for t in args.thresholds:
                    real = sum(x[2] for x in news)
                    print(f"balanced={balanced!s:5} news={with_news!s:5} C={c:<4} t={t:.1f}  FactBank CV "
                          f"{statistics.mean(f1s[t]):.4f} +- {statistics.stdev(f1s[t]):.4f}  news out of fold: "
                          f"precision {sum(kept[t]) / max(1, len(kept[t])):.3f}, real kept {sum(kept[t])}/{real}")


if __name__ == "__main__":
    main()
