"""Recall rules found on the misses of real news (issue 16, second round), one test per class, on
sentences written for the tests."""

from __future__ import annotations

import pytest

from toolkit.corpus import article_from_text
from toolkit.quotes import extract_quotes


def _stripped(text: str):
    """An Article marked as toolkit.corpus marks a text that lost its commas and apostrophes."""
    article, _notes = article_from_text(text, meta={"flags": ("punctuation_stripped",)})
    return article


@pytest.mark.parametrize("text, content, speaker", [
    ("The bakery ran out of bread by noon a neighbour said.", "The bakery ran out of bread by noon", "a neighbour"),
    ("Two of the wells had dried up the council said in a statement.", "Two of the wells had dried up", "the council"),
])
def test_quotes_stripped_short_sentence_post_posed_speaker(text, content, speaker):
    (q,) = extract_quotes(_stripped(text), actors=False)
    assert (q.text, q.speaker) == (content, speaker)


def test_quotes_stripped_short_sentence_before_a_clause_is_no_post_posed_frame():
    text = "The local radio station citing army officers said Friday the depot burned."
    qs = extract_quotes(_stripped(text), actors=False)
    assert all(not q.text.startswith("The local radio") for q in qs)
