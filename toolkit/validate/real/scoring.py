"""The scoring rule of the gold README: found, best-overlapping quote, camp and speaker accuracy, figures."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from ..metrics import f_score
from .errors import error_class, speaker_error_class
from .gold import CORPUS_NAMES, FIRST_N, SPEAKER_WINDOW, _WORD, GoldStatement, Outcome, Prediction


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The statement's word tokens (``\\w+`` of ``text[start:end]``) as absolute spans."""
    return [(start + m.start(), start + m.end()) for m in _WORD.finditer(text[start:end])]


def _covered(tokens: list[tuple[int, int]], p: Prediction) -> int:
    return sum(1 for s, e in tokens if p.start <= s and e <= p.end)


def _speaker_spans(text: str, g: GoldStatement, window: int = SPEAKER_WINDOW) -> list[tuple[int, int]]:
    """The gold speaker span plus every other occurrence of its words, on word boundaries, within
    ``window`` characters of the statement."""
    if g.speaker_start is None or g.speaker_end is None or g.speaker_end <= g.speaker_start:
        return []
    words = text[g.speaker_start:g.speaker_end]
    spans = [(g.speaker_start, g.speaker_end)]
    lo, hi = max(0, g.start - window), min(len(text), g.end + window)
    for m in re.finditer(r"(?<!\w)" + re.escape(words) + r"(?!\w)", text[lo:hi]):
        span = (lo + m.start(), lo + m.end())
        if span not in spans:
            spans.append(span)
    return spans


def _camp_right(gold_camp: str, pred_camp: str | None) -> bool:
    return gold_camp == "other" or (pred_camp or "unnamed") == gold_camp


def match(text: str, gold: list[GoldStatement], preds: list[Prediction]) -> tuple[list[Outcome], set[int]]:
    """Apply the scoring rule to one article.

    Returns:
        One :class:`Outcome` per gold statement (in order), and the indices of the predicted quotes
        that cover at least half of some gold statement's tokens (the precision numerator).
    """
    outcomes, matched = [], set()
    for g in gold:
        toks = _tokens(text, g.start, g.end)
        o = Outcome(g)
        best_n = 0
        for i, p in enumerate(preds):
            if p.end <= g.start or p.start >= g.end or not toks:
                continue
            n = _covered(toks, p)
            if 2 * n >= len(toks) and n > 0:
                matched.add(i)
                if n > best_n:
                    best_n, o.best = n, i
        if o.found:
            p = preds[o.best]
            o.covered = best_n / len(toks)
            o.pred_camp = p.camp
            o.camp_ok = _camp_right(g.camp, p.camp)
            o.speaker_ok = p.speaker_start is not None and any(
                p.speaker_start < e and s < p.speaker_end for s, e in _speaker_spans(text, g))
        outcomes.append(o)
    return outcomes, matched


def _figures(outcomes: list[Outcome], n_pred: int | None = None, n_matched: int | None = None) -> dict:
    n = len(outcomes)
    found = [o for o in outcomes if o.found]
    out = {"gold": n, "found": len(found), "recall": len(found) / n if n else 0.0,
           "camp_right": sum(o.camp_ok for o in found), "speaker_right": sum(o.speaker_ok for o in found),
           "camp_accuracy": sum(o.camp_ok for o in found) / len(found) if found else 0.0,
           "speaker_accuracy": sum(o.speaker_ok for o in found) / len(found) if found else 0.0}
    if n_pred is not None:
        out.update(predicted=n_pred, matched_predicted=n_matched,
                   precision=n_matched / n_pred if n_pred else 0.0)
        p, r = out["precision"], out["recall"]
        out["f1"] = f_score(p, r)
    return out


def score(articles: dict, gold: list[GoldStatement], predict, lexicon_ids=frozenset()) -> dict:
    """Score ``predict(article) -> [Prediction]`` on the gold statements of the loaded articles.

    ``lexicon_ids`` (the actor lexicon's ids) only refines the camp error classes (:func:`error_class`).

    Returns:
        ``{"pooled", "by_corpus", "by_camp", "by_article", "first12", "halves", "camp_confusion", "misses",
        "camp_errors", "error_classes", "speaker_errors", "speaker_error_classes"}``; ``halves`` splits the articles in file order into a first and a
        second half ("1-15", "16-30"): a document split to check that a change helps on articles not read: figure dicts have gold, found, recall, camp/speaker
        accuracy (on found statements) and, where predictions are counted (pooled, per corpus, per
        article, first 12), predicted, matched_predicted, precision and f1. Misses and camp errors
        are offsets, camps and the predicted speaker's offsets (no article text).
    """
    by_article: dict[str, list[GoldStatement]] = defaultdict(list)
    for g in gold:
        by_article[g.article].append(g)
    order = list(by_article)
    all_outcomes: list[Outcome] = []
    per_article, pred_counts = {}, {}
    misses, camp_errors, speaker_errors = [], [], []
    confusion: dict[str, Counter] = defaultdict(Counter)
    classes, speaker_classes = Counter(), Counter()
    for aid in order:
        art = articles[aid]
        text = art.text
        preds = predict(art)
        outcomes, matched = match(text, by_article[aid], preds)
        pred_counts[aid] = (len(preds), len(matched))
        per_article[aid] = {"corpus": by_article[aid][0].corpus, "outlet": art.outlet,
                            **_figures(outcomes, len(preds), len(matched))}
        for o in outcomes:
            g = o.gold
            if not o.found:
                misses.append({"article": aid, "start": g.start, "end": g.end, "camp": g.camp, "kind": g.kind,
                               "section": g.section})
                continue
            confusion[g.camp][o.pred_camp or "unnamed"] += 1
            if not o.speaker_ok and g.speaker_start is not None:
                p = preds[o.best]
                cls = speaker_error_class(text, o, preds)
                speaker_classes[cls] += 1
                speaker_errors.append({"article": aid, "start": g.start, "end": g.end, "gold_actor": g.actor,
                                       "pred_actor": p.actor, "pred_speaker_start": p.speaker_start,
                                       "pred_speaker_end": p.speaker_end, "gold_speaker_start": g.speaker_start,
                                       "gold_speaker_end": g.speaker_end, "class": cls})
            if not o.camp_ok:
                p = preds[o.best]
                cls = error_class(text, o, preds, lexicon_ids)
                classes[cls] += 1
                camp_errors.append({"article": aid, "start": g.start, "end": g.end, "gold_camp": g.camp,
                                    "gold_actor": g.actor, "pred_camp": p.camp or "unnamed",
                                    "pred_start": p.start, "pred_end": p.end,
                                    "pred_speaker_start": p.speaker_start, "pred_speaker_end": p.speaker_end,
                                    "gold_speaker_start": g.speaker_start, "gold_speaker_end": g.speaker_end,
                                    "speaker_right": o.speaker_ok, "class": cls})
        all_outcomes += outcomes

    def counted(aids):
        return sum(pred_counts[a][0] for a in aids), sum(pred_counts[a][1] for a in aids)

    by_corpus = {}
    for corpus in dict.fromkeys(g.corpus for g in gold):
        aids = [a for a in order if by_article[a][0].corpus == corpus]
        by_corpus[CORPUS_NAMES.get(corpus, corpus)] = {
            "articles": len(aids), **_figures([o for o in all_outcomes if o.gold.corpus == corpus], *counted(aids))}
    by_camp = {camp: _figures([o for o in all_outcomes if o.gold.camp == camp])
               for camp in sorted({g.camp for g in gold})}
    first = order[:FIRST_N]
    half = (len(order) + 1) // 2
    halves = {}
    for lo, part in ((1, order[:half]), (half + 1, order[half:])):
        if part:
            ids = set(part)
            halves[f"{lo}-{lo + len(part) - 1}"] = {
                "articles": len(part), **_figures([o for o in all_outcomes if o.gold.article in ids], *counted(part))}
    return {
        "articles": len(order),
        "pooled": _figures(all_outcomes, *counted(order)),
        "first12": {"articles": len(first),
                    **_figures([o for o in all_outcomes if o.gold.article in set(first)], *counted(first))},
        "halves": halves,
        "by_corpus": by_corpus,
        "by_camp": by_camp,
        "by_article": per_article,
        "camp_confusion": {g: dict(c) for g, c in sorted(confusion.items())},
        "error_classes": dict(classes.most_common()),
        "speaker_error_classes": dict(speaker_classes.most_common()),
        "misses": misses,
        "camp_errors": camp_errors,
        "speaker_errors": speaker_errors,
    }
