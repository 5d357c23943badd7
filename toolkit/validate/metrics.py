"""Span matching and precision/recall/F1 shared by the validators: the one place scores are computed.

Label-per-item scores (macro-F1 and accuracy of the sentiment labels) are scikit-learn's
(``sklearn.metrics.f1_score``, ``accuracy_score``). Span scores come from counts of one-to-one
matches, which scikit-learn has no form for: :func:`prf` turns the counts into precision and
recall and :func:`f_score` is their harmonic mean, the F1 of every validator.

Quote matching follows the PolNeAR/PARC convention used in this project: a predicted span matches a
gold span when their *token* overlap has F >= 0.5 (Pareti 2016; Newell et al. 2018), and matching
is one-to-one (greedy by best overlap).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..text import tokens

__all__ = ["token_set", "overlap_f", "match_spans", "prf", "f_score", "macro_f1", "accuracy", "spans_overlap"]


def token_set(text: str, start: int, end: int) -> frozenset[int]:
    """Start offsets of the word tokens in ``text[start:end]`` (punctuation ignored)."""
    return frozenset(t.start for t in tokens(text, start, end) if t.text[0].isalnum())


def overlap_f(a: frozenset[int], b: frozenset[int]) -> float:
    """Dice/F1 overlap of two token sets."""
    if not a or not b:
        return 0.0
    common = len(a & b)
    return 2 * common / (len(a) + len(b))


def spans_overlap(a_start, a_end, b_start, b_end) -> bool:
    """True when two half-open spans share at least one character (None never overlaps)."""
    if None in (a_start, a_end, b_start, b_end):
        return False
    return a_start < b_end and b_start < a_end


def match_spans(text: str, pred: Sequence[tuple[int, int]], gold: Sequence[tuple[int, int]],
                threshold: float = 0.5) -> list[tuple[int, int, float]]:
    """One-to-one matches ``(pred_index, gold_index, f)`` with token-overlap F >= ``threshold``."""
    p_tok = [token_set(text, s, e) for s, e in pred]
    g_tok = [token_set(text, s, e) for s, e in gold]
    candidates = []
    for i, (ps, pe) in enumerate(pred):
        for j, (gs, ge) in enumerate(gold):
            if ps < ge and gs < pe:
                f = overlap_f(p_tok[i], g_tok[j])
                if f >= threshold:
                    candidates.append((f, i, j))
    used_p, used_g, out = set(), set(), []
    for f, i, j in sorted(candidates, reverse=True):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j, f))
    return out


def f_score(precision: float, recall: float) -> float:
    """F1: the harmonic mean of precision and recall (0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    """Precision, recall and F1 from counts (0 where undefined)."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"precision": p, "recall": r, "f1": f_score(p, r), "tp": tp, "n_pred": n_pred, "n_gold": n_gold}


def macro_f1(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]) -> float:
    """Mean F1 over ``labels`` (``sklearn.metrics.f1_score``, macro average; a label absent from
    both ``gold`` and ``pred`` counts as F1 0, as does an empty ``gold``)."""
    from sklearn.metrics import f1_score

    if not len(gold):
        return 0.0
    return float(f1_score(list(gold), list(pred), labels=list(labels), average="macro", zero_division=0))


def accuracy(gold: Sequence[str], pred: Sequence[str]) -> float:
    """Share of items whose predicted label is the gold one (``sklearn.metrics.accuracy_score``; 0 when empty)."""
    from sklearn.metrics import accuracy_score

    return float(accuracy_score(list(gold), list(pred))) if len(gold) else 0.0
