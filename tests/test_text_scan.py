"""``toolkit.text.scan`` finds what ``finditer`` finds, trying the pattern only where a match can begin."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.labels import load_labels
from toolkit.text import scan, trie_regex

# Invented pieces: label terms, prefixes, "anti-", state names and what sits around them.
PIECES = ["rebels", "Rebels", "terrorists", "the regime", "so-called ", "So-called ", "anti-", "Anti-", "Daesh",
          "ISIS", "militants", "fighters", "groups", "forces", "the government", "opposition", "Syria", "Syrian",
          "Iraq", "Iraqi", "Egypt's", "France", "s", "'s", " ", "  ", "\n", "-", ",", ".", "(", ")", "x", "un",
          "A", "Z", "9", "\t", "\u00e9", "over"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40), st.integers(0, 400), st.integers(0, 400))
def test_text_scan_matches_finditer_for_the_label_patterns(pieces, a, b):
    text = "".join(pieces)
    lex = load_labels()
    pos, endpos = min(a, b, len(text)), min(max(a, b), len(text))
    for pattern, starts in ((lex.term_pattern, lex.term_starts), (lex.states_pattern, lex.states_starts)):
        want = [(m.span(), m.groupdict()) for m in pattern.finditer(text, pos, endpos)]
        assert [(m.span(), m.groupdict()) for m in scan(pattern, starts, text, pos, endpos)] == want
        assert [m.span() for m in scan(pattern, starts, text)] == [m.span() for m in pattern.finditer(text)]


def test_text_scan_reads_before_pos_and_stops_at_endpos():
    pattern = re.compile(r"(?<![\w-])(?:cat|dog)s?(?![\w-])")
    starts = re.compile(trie_regex(["cat", "dog"]))
    text = "a cat, bobcats, dogs-x and dogs"
    assert [m.group() for m in scan(pattern, starts, text)] == ["cat", "dogs"]  # "bobcats", "dogs-x" are no words
    assert [m.span() for m in scan(pattern, starts, text, 10)] == [m.span() for m in pattern.finditer(text, 10)] == [(27, 31)]
    assert [m.group() for m in scan(pattern, starts, text, 0, 29)] == ["cat"]  # "do" at endpos: no match
