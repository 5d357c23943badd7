"""sentence_of reads the text's own sentence split: the same sentence as splitting the mention's line alone."""

import pytest

from toolkit.sentiment.context import sentence_of
from toolkit.text import sentence_bounds

_TEXT = ("  The council met on Monday. Its chair, Dr. Amal Reyes, said \"we will vote soon.\" Nobody objected.\n"
         "\n"
         "\t \n"
         "Rebels shelled the depot near Tall Kafr late on Sunday; the ministry denied it.\r\n"
         "A line without an end mark\u2028and one after a line separator! Was it? Yes.\n"
         "Last line, no break")


def _line_split(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence of [start, end) found by splitting only its line (the former method)."""
    lo = max(text.rfind(c, 0, start) for c in "\n\r\u2028") + 1
    his = [i for i in (text.find(c, end) for c in "\n\r\u2028") if i >= 0]
    hi = min(his) if his else len(text)
    for s, e in sentence_bounds(text[lo:hi]):
        if s + lo <= start < e + lo:
            return s + lo, max(e + lo, end)
    return lo, hi


@pytest.mark.parametrize("word", ["council", "Reyes", "vote", "Nobody", "Rebels", "ministry", "without",
                                  "separator", "Was", "Yes", "Last", "break"])
def test_sentiment_context_sentence_of_matches_the_line_split(word):
    start = _TEXT.index(word)
    end = start + len(word)
    assert sentence_of(_TEXT, start, end) == _line_split(_TEXT, start, end)


def test_sentiment_context_sentence_of_holds_the_mention():
    for word in ("Monday", "depot", "one"):
        start = _TEXT.index(word)
        s, e = sentence_of(_TEXT, start, start + len(word))
        assert s <= start and start + len(word) <= e
        assert "\n" not in _TEXT[s:e]
