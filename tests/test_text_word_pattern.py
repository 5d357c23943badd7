"""The word pattern's lookahead (it skips the abbreviation branch where that cannot match) changes no token."""

from __future__ import annotations

import random
import re

from toolkit.text import n_words, token_bounds, tokens

# The pattern as first written, without the lookahead: the reference.
_PLAIN_WORD = r"\w+(?:[-'\u2019.&]\w+)*\.?(?<=[A-Z]\.)|\w+(?:[-'\u2019&]\w+)*"
_PLAIN_TOKEN = re.compile(_PLAIN_WORD + r"|[^\w\s]")
PIECES = ["a", "B", "U", "S", ".", "-", "'", "\u2019", "&", " ", "9", "_", "\u00e9", "A.", "x.", ",", "\n", "U.S.",
          "word", "Russia's", "pre-emptive", "AT&T", "e.g.", "..."]


def test_text_tokens_equal_the_plain_word_pattern_on_generated_text():
    rng = random.Random(11)
    for _ in range(20000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 16)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert token_bounds(text) == [m.span() for m in _PLAIN_TOKEN.finditer(text)], text
        assert token_bounds(text, start, end) == [m.span() for m in _PLAIN_TOKEN.finditer(text, start, end)], text
        assert n_words(text, start, end) == len(re.findall(_PLAIN_WORD, text[start:end])), text


def test_text_tokens_keep_abbreviations_and_inner_marks():
    text = "The U.S.-backed forces, Russia's pre-emptive AT&T deal (e.g. 3.5 m)."
    assert [t.text for t in tokens(text)][:8] == ["The", "U.S.", "-", "backed", "forces", ",", "Russia's", "pre-emptive"]
    assert n_words(text) == 13  # "e.g." and "3.5" are two words each (lower-case, digits)
