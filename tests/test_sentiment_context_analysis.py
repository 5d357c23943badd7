"""analyse_sentence skips the per-token work a sentence does not need (no quotation mark, no negator) and
target_context finds the target's tokens by binary search: the same analysis as the plain token loop and scan
(kept here as the reference). Sentences are our own."""

from __future__ import annotations

import pytest

from toolkit.sentiment.context import analyse_sentence, role_cues, sentence_of, target_context
from toolkit.text import normalize_quotes, token_bounds

SENTENCES = [
    "Orlov praised the council of Varna warmly.",
    "Orlov did not praise the council, and Vance never thanked him; nobody did.",
    'Vance said "the council is failing Varna" and "Orlov lies" today.',
    "The council wasn\u2019t told, but Orlov CAN\u2019T deny it: the raids continued.",
    "\u201cN\u00c9VER again,\u201d said Vance \u2014 although the council didn't listen.",
    '"Unclosed quotation from Orlov, without end',
    "",
    "...",
]


def _reference(text: str, s: int, e: int):
    """The analysis as the token loop computes it."""
    cues = role_cues()
    toks = tuple(token_bounds(text, s, e))
    norm = normalize_quotes(text[s:e])
    lower = tuple(norm[a - s:b - s].lower() for a, b in toks)
    quote, negated, breaks = [], [], []
    region, inside, last_neg, n = 0, False, -99, 0
    for i, w in enumerate(lower):
        if w == '"':
            quote.append(region)
            if inside:
                region += 1
            inside = not inside
        else:
            quote.append(region if inside else -1)
        negated.append(i - last_neg <= 3)
        if w in cues.negators or w.endswith("n't"):
            last_neg = i
        elif w in cues.breaks:
            last_neg = -99
        n += w in cues.breaks
        breaks.append(n)
    return toks, lower, tuple(quote), tuple(negated), tuple(breaks)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_sentiment_context_analysis_equals_the_token_loop(sentence):
    text = f"Intro line.\n{sentence}\nOutro."
    s, e = 12, 12 + len(sentence)
    got = analyse_sentence(text, s, e)
    toks, lower, quote, negated, breaks = _reference(text, s, e)
    assert (got.toks, got.lower, got.quote, got.negated, got.breaks) == (toks, lower, quote, negated, breaks)
    assert all(type(b) is int for b in got.breaks)


@pytest.mark.parametrize("sentence", [s for s in SENTENCES if s.strip(".")])
def test_sentiment_context_analysis_target_tokens_equal_a_scan(sentence):
    text = f"Intro line.\n{sentence} Then more.\n"
    for start in range(12, 12 + len(sentence)):
        for end in range(start + 1, min(start + 12, len(text)) + 1):
            ctx = target_context(text, start, end)
            toks = analyse_sentence(text, *sentence_of(text, start, end)).toks
            idx = [i for i, (a, b) in enumerate(toks) if b > start and a < end]
            if not idx:
                idx = [min(range(len(toks)), key=lambda i: abs(toks[i][0] - start))]
            assert (ctx.t0, ctx.t1) == (idx[0], idx[-1]), (start, end)
