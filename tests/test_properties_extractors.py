"""Property tests on quotes, actor mentions and hedges: no exception on arbitrary Unicode mixed with
news-like fragments, offsets inside the text reading back the reported substring, quotes never
overlapping, the same input always giving the same output."""

from __future__ import annotations

from hypothesis import given

from test_properties_strategies import PROFILE, any_text, news_text
from toolkit.actors import find_mentions
from toolkit.hedging import CATEGORIES, find_hedges
from toolkit.quotes import extract_quotes
from toolkit.vocab import QUOTE_KINDS, STANCES


def _key(s: str) -> str:
    return " ".join(s.replace("\u2019", "'").lower().split())


@PROFILE
@given(any_text)
def test_properties_quotes_are_inside_the_text_ordered_and_never_overlap(text):
    quotes = extract_quotes(text)
    for q in quotes:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start:q.end] == q.text
        assert q.kind in QUOTE_KINDS and (q.stance is None or q.stance in STANCES)
        if q.cue_start is not None:
            assert 0 <= q.cue_start < q.cue_end <= len(text)
        if q.speaker_start is not None:
            assert 0 <= q.speaker_start < q.speaker_end <= len(text)
    for a, b in zip(quotes, quotes[1:]):
        assert a.end <= b.start, (a, b)
    assert extract_quotes(text) == quotes


@PROFILE
@given(news_text)
def test_properties_quote_speaker_and_cue_lie_outside_the_quote(text):
    for q in extract_quotes(text):
        if q.cue_start is not None:
            assert q.cue_end <= q.start or q.cue_start >= q.end, q
        if q.speaker_start is not None:
            assert q.speaker_end <= q.start or q.speaker_start >= q.end, q


@PROFILE
@given(any_text)
def test_properties_mentions_read_back_and_do_not_overlap(text):
    mentions = find_mentions(text)
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
    for a, b in zip(mentions, mentions[1:]):
        assert a.end <= b.start
    assert find_mentions(text) == mentions


@PROFILE
@given(any_text)
def test_properties_hedges_read_back_their_cue(text):
    hedges = find_hedges(text)
    for h in hedges:
        assert 0 <= h.start < h.end <= len(text)
        assert _key(text[h.start:h.end]) == h.cue
        assert h.category in CATEGORIES
    for a, b in zip(hedges, hedges[1:]):
        assert a.end <= b.start
    assert find_hedges(text) == hedges
