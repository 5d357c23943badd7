"""Quotation marks in hostile arrangements (written for these tests): deeply nested, unbalanced,
never closed, straight and curly mixed, marks alone. Quotes stay inside the text, never overlap, and
a speaker never lies inside the quotation attributed to it."""

from __future__ import annotations

import pytest

from toolkit.quotes import extract_quotes

NESTED = 'The warden said "a told b \'c told d "e told f \'g\' h" i\' j" on Friday.'
DEEP = "The clerk said " + "\u201c\u2018" * 40 + "deep" + "\u2019\u201d" * 40 + " in the end."
UNBALANCED = [
    'The porter said "one "two "three "four and then stopped.',
    'The porter said one" two" three" four" and then stopped.',
    "\u201c\u201c\u201c said the porter \u201d",
    '"' * 500,
    "\u00bb backwards \u00ab said the porter.",
    'The porter said "an open quote\nthat crosses a line" and closes.',
]
MIXED = [
    "The mayor said \u201cthe bridge is safe\" and left.",
    "The mayor said \"the bridge is safe\u201d and left.",
    "\u201eThe bridge is safe\u201c, the mayor said.",
    "The mayor said \u00abthe bridge is safe\" in a statement.",
]
ALL = [NESTED, DEEP, *UNBALANCED, *MIXED]


def _check(text):
    quotes = extract_quotes(text)
    for q in quotes:
        assert 0 <= q.start < q.end <= len(text) and text[q.start:q.end] == q.text
    for a, b in zip(quotes, quotes[1:]):
        assert a.end <= b.start
    assert extract_quotes(text) == quotes
    return quotes


@pytest.mark.parametrize("text", ALL)
def test_robustness_hostile_marks_give_sane_quotes(text):
    _check(text)


@pytest.mark.parametrize("text", [
    "The warden said \u201ca told b \u2018c told d\u2019 and e\u201d on Friday.",
    "The warden said \"a told b 'c told d' and e\" on Friday.",
    "The warden said \"a told b 'the clerk's c told d' and e\" on Friday.",
])
def test_robustness_quote_inside_a_quote_stays_inside_the_outer_one(text):
    (q,) = _check(text)
    assert q.speaker == "The warden" and "c told d" in q.text and "and e" in q.text


def test_robustness_same_mark_nesting_is_ambiguous_but_sane():
    """Straight double marks inside straight double marks cannot be paired by direction: the first
    pair wins; what matters is that nothing overlaps and the speaker stays outside."""
    quotes = _check(NESTED)
    assert quotes[0].speaker == "The warden" and quotes[0].speaker_end <= quotes[0].start


def test_robustness_deep_nesting_keeps_the_inner_word():
    quotes = _check(DEEP)
    assert len(quotes) == 1 and "deep" in quotes[0].text and quotes[0].speaker == "The clerk"


@pytest.mark.parametrize("text", MIXED)
def test_robustness_mixed_straight_and_curly_marks_pair_up(text):
    quotes = _check(text)
    assert len(quotes) == 1
    assert "the bridge is safe" in quotes[0].text.lower() and quotes[0].speaker.lower() == "the mayor"


def test_robustness_a_quote_that_never_closes_ends_with_its_paragraph():
    text = 'The porter said "an open quote that never closes\nA new paragraph, said nobody at all.'
    quotes = _check(text)
    assert quotes and all("\n" not in q.text for q in quotes)
    assert quotes[0].speaker == "The porter"


# regression test for robustness finding R2 (quotes.py: fragment speaker taken from inside the quote)
@pytest.mark.parametrize("text", [
    "\u00ab Nous rouvrirons le march\u00e9 lundi \u00bb, a d\u00e9clar\u00e9 le maire devant le conseil.",
    '"Nous rouvrirons le marche lundi", a declare le maire.',
])
def test_robustness_speaker_never_lies_inside_its_quote(text):
    quotes = _check(text)
    assert quotes
    for q in quotes:
        if q.speaker_start is not None:
            assert q.speaker_end <= q.start or q.speaker_start >= q.end, q
