"""Linear-time lookups of the per-article pipeline give the answers of the plain scans they replace.

The binary searches (quote containment and hedge owners in ``analyze_article``, the sentence
around a mention in ``sentiment.context.sentence_of``) are checked
against brute-force versions on generated spans and texts, and a long article built from the demo
corpus's own text is checked against what its tables must satisfy by definition.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.corpus import article_from_text
from toolkit.pipeline.measures import UNRESOLVED_SPEAKERS, _inside, analyze_article
from toolkit.records import Spans
from toolkit.quotes.extract import _Holding
from toolkit.sentiment import context
from toolkit.text import sentences

DEMO = Path(__file__).resolve().parents[1] / "corpora" / "demo"

spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 30)).map(lambda p: (p[0], p[0] + p[1])), max_size=25)
queries = st.lists(st.tuples(st.integers(-2, 95), st.integers(0, 12)).map(lambda p: (p[0], p[0] + p[1])), max_size=20)


def _first_brute(start: int, end: int, given_spans) -> int | None:
    return next((i for i, (s, e) in enumerate(given_spans) if s <= start and end <= e), None)


@settings(max_examples=300, deadline=None)
@given(spans, queries, st.booleans())
def test_pipeline_span_lookup_equals_the_scan(given_spans, qs, sort):
    if sort:  # quotes come sorted by start; unsorted lists take the fallback and must agree too
        given_spans = sorted(given_spans, key=lambda p: p[0])
    prepared = Spans(given_spans)
    for start, end in qs:
        assert prepared.first(start, end) == _first_brute(start, end, given_spans)
        assert _inside(start, end, prepared) == any(s <= start and end <= e for s, e in given_spans)


def _sentence_of_scan(text: str, start: int, end: int) -> tuple[int, int]:
    """The former ``sentiment._sentence_of``: rfind to the line start, scan of the line's sentences."""
    lo = max(text.rfind(c, 0, start) for c in "\n\r\u2028\u2029") + 1
    m = re.compile(r"[\n\r\u2028\u2029]").search(text, end)
    hi = m.start() if m else len(text)
    for x in sentences(text[lo:hi]):  # the public splitter, as the scan did before sentence_bounds
        if x.start + lo <= start < x.end + lo:
            return x.start + lo, max(x.end + lo, end)
    return lo, hi


pieces = st.sampled_from(["The Kremlin said.", " ", "Rep. Dora Penn spoke", "\n", "\r\n", "\u2028", "U.S. ",
                          "officials", "  ", ". ", "Putin! ", "\"Quote,\" he said. ", "(R-Ariz.) ", "x"])


@settings(max_examples=300, deadline=None)
@given(st.lists(pieces, min_size=1, max_size=30), st.lists(st.tuples(st.integers(0, 400), st.integers(1, 8)), max_size=10))
def test_sentiment_sentence_of_equals_the_scan(parts, targets):
    text = "".join(parts)
    for start, width in targets:
        if start >= len(text):
            continue
        end = min(len(text), start + width)
        assert context.sentence_of(text, start, end) == _sentence_of_scan(text, start, end)


def _long_text(copies: int, flat: bool) -> str:
    """Demo articles repeated, every paragraph of a copy ending in a sentence naming the copy."""
    out = []
    for k in range(copies):
        for path in sorted(DEMO.glob("*.txt")):
            for j, para in enumerate(p.strip() for p in path.read_text(encoding="utf-8").splitlines()):
                if para:
                    out.append(f"{para} Filed as report {k}.{j}.")
    return (" " if flat else "\n").join(out)


@pytest.mark.parametrize("flat", [False, True], ids=["lines", "flat"])
def test_pipeline_long_article_tables_agree_with_their_definitions(flat):
    article, _notes = article_from_text(_long_text(3, flat), "long")
    rows = analyze_article(article)
    text = article.masked_text
    quotes = rows["quotes"]
    assert len(text) > 100_000 and len(quotes) > 100 and len(rows["hedges"]) > 100
    assert len(text.replace(" ", "").replace("\n", "")) > 0.8 * len(article.text.replace(" ", "").replace("\n", ""))
    sent_starts = [s["start"] for s in rows["sentences"]]
    assert sent_starts == sorted(sent_starts)
    for m in rows["mentions"]:
        assert m["in_quote"] == any(q["start"] <= m["start"] and m["end"] <= q["end"] for q in quotes)
        assert m["sentence"] == max(0, sum(1 for s in sent_starts if s <= m["start"]) - 1)
    for h in [h for h in rows["hedges"] if h["role"] != "filtered"]:  # the news hedge filter's drops have no owner
        owner = next((q for q in quotes if q["start"] <= h["start"] and h["end"] <= q["end"]), None)
        if owner is not None:  # the quote's own actor (the table's stand-ins for unknown speakers aside)
            assert h["role"] == "own"
            stand_in = owner["actor"] in UNRESOLVED_SPEAKERS.values()
            assert h["actor"] == owner["actor"] or (stand_in and h["actor"] is None)
        else:  # outside quotes: the outlet's, or a claim reported by a named source ("X said the talks likely ...")
            assert h["role"] in ("distancing", "reporting", "none") or (h["role"] == "own" and h["how"] in ("according", "reported"))
    # portrayal is scored for outlet mentions only: an actor named only inside quotes has none
    outlet = {m["actor"] for m in rows["mentions"] if not m["in_quote"]}
    for am in rows["actor_measures"]:
        assert (am["portrayal"] == am["portrayal"]) == (am["actor"] in outlet)  # NaN exactly when none


def test_pipeline_long_article_sentences_are_the_pieces_sentences_shifted():
    """Sentences never cross a line break, so the sentences of articles joined by line breaks are
    each article's sentences, shifted by its offset."""
    texts = [_long_text(1, False), _long_text(2, False)[len(_long_text(1, False)) + 1:]]
    whole, _notes = article_from_text("\n".join(texts), "whole")
    expected, offset = [], 0
    for i, t in enumerate(texts):
        part, _notes = article_from_text(t, f"part{i}")
        expected += [(s["start"] + offset, s["end"] + offset) for s in analyze_article(part)["sentences"]]
        offset += len(t) + 1
    got = [(s["start"], s["end"]) for s in analyze_article(whole)["sentences"]]
    assert got == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(spans.map(lambda s: ("add", s)), st.integers(-2, 95).map(lambda o: ("ask", o))), max_size=40),
       st.integers(0, 3), st.booleans())
def test_quotes_holding_equals_the_scan(steps, first, increasing):
    """Records appended between questions; positions increasing (as a paragraph's marks) or not."""
    found = [(0, 5, "x")] * first
    held = _Holding(found, first)
    top = -2
    for what, value in steps:
        if what == "add":
            found.extend((s, e, "x") for s, e in value)
        else:
            if increasing:
                top = value = max(top, value)
            assert held.holds(value) == any(f[0] <= value < f[1] for f in found[first:])
