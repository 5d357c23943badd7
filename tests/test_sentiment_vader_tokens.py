"""VADER's faster token step (toolkit.sentiment.lexical) gives NLTK's own tokens and scores."""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st
from toolkit.sentiment.lexical import _PunctuationStripper, _fast_sentitext, vader

PUNC_LIST = vader()._analyzer.constants.PUNC_LIST
FAST = _fast_sentitext()
SentiText = FAST.__bases__[0]  # NLTK's own class, whatever the module's global now holds
STRIP = _PunctuationStripper()

_piece = st.sampled_from(["good", "bad", "not", "very", "Kremlin", "it's", "U.S.", "a", "x", ":)", ":D", "", "e-mail"])
_mark = st.sampled_from(["", "", ".", "!", "?", ",", ";", ":", "-", "'", '"', "!!", "!!!", "??", "?!?", "(", ")", "...", "%"])
_token = st.builds(lambda a, w, b: a + w + b, _mark, _piece, _mark)


@settings(max_examples=400, deadline=None)
@given(st.lists(_token, max_size=12), st.sampled_from([" ", "  ", "\n"]))
def test_sentiment_fast_vader_tokens_equal_nltks(tokens, sep):
    text = sep.join(tokens)
    assert FAST(text, PUNC_LIST, STRIP).words_and_emoticons == SentiText(text, PUNC_LIST, STRIP).words_and_emoticons


def test_sentiment_fast_vader_tokens_on_written_cases():
    text = "\"Good,\" he said! ,cat cat, ?!?wow wow!!! (bad) it's :) --- ' x U.S. %fine%"
    assert FAST(text, PUNC_LIST, STRIP).words_and_emoticons == SentiText(text, PUNC_LIST, STRIP).words_and_emoticons
    assert set(string.punctuation) >= set("".join(PUNC_LIST))
