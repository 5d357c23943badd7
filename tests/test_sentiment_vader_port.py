"""The VADER port (toolkit.sentiment.lexical._Vader) gives NLTK's own tokens and compound scores."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from toolkit.sentiment.lexical import vader


@pytest.fixture(scope="module")
def nltk_vader():
    import nltk
    import vaderSentiment
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    pkg_dir = os.path.dirname(vaderSentiment.__file__)
    if pkg_dir not in nltk.data.path:
        nltk.data.path.append(pkg_dir)
    return SentimentIntensityAnalyzer(lexicon_file="file:" + os.path.join(pkg_dir, "vader_lexicon.txt"))


_piece = st.sampled_from([
    "good", "GOOD", "bad", "Bad", "not", "isn't", "never", "so", "this", "very", "VERY", "extremely", "barely",
    "kind", "of", "sort", "least", "at", "but", "BUT", "the", "bomb", "yeah", "right", "cut", "mustard",
    "kiss", "death", "hand", "to", "mouth", "just", "enough", "Kremlin", "it's", "U.S.", "a", "x", ":)", ":D",
    "", "e-mail", "without", "love", "hate", "war", "peace", "killed", "great",
])
_mark = st.sampled_from(["", "", "", ".", "!", "?", ",", ";", ":", "-", "'", '"', "!!", "!!!", "??", "?!?", "(", ")",
                         "...", "%"])
_token = st.builds(lambda a, w, b: a + w + b, _mark, _piece, _mark)


@settings(max_examples=600, deadline=None)
@given(st.lists(_token, max_size=14), st.sampled_from([" ", "  ", "\n"]))
def test_sentiment_vader_port_equals_nltk_on_generated_text(nltk_vader, tokens, sep):
    from nltk.sentiment.vader import SentiText

    text = sep.join(tokens)
    c = nltk_vader.constants
    assert vader()._vader.tokens(text) == SentiText(text, c.PUNC_LIST, c.REGEX_REMOVE_PUNCTUATION).words_and_emoticons
    assert repr(vader()._vader.compound(text)) == repr(nltk_vader.polarity_scores(text)["compound"]), text


def test_sentiment_vader_port_equals_nltk_on_written_cases(nltk_vader):
    texts = ["Great!!! The talks, they said, were 'useful'... not bad :)",
             "\"We reject these lies,\" the spokesman said; the strikes were \"terrible.\"",
             "NO progress?! The mayor's plan -- a good one -- failed (again).", "", "?!?!", "ok",
             "It was never so good, but the food was kind of bad and at least not TERRIBLE.",
             "good good bad GOOD, but good: the bomb, yeah right, kiss of death ???",
             "They were not good at first and very good later; never so bad, then bad.",
             "\"Good,\" he said! ,cat cat, ?!?wow wow!!! (bad) it's :) --- ' x U.S. %fine%"]
    for text in texts:
        assert vader().score(text) == nltk_vader.polarity_scores(text)["compound"], text
    assert vader()._vader.lexicon == nltk_vader.lexicon
    # NLTK scores a repeated word in the context of its first occurrence: both "good"s are negated
    assert vader().score("not good and very good") == nltk_vader.polarity_scores("not good and very good")["compound"] < 0


def test_sentiment_vader_port_constants_equal_nltks():
    # the port reads NLTK's VaderConstants from toolkit/lexicons/vader_constants.json, so that scoring never imports
    # NLTK; the copy must stay NLTK's
    from nltk.sentiment.vader import VaderConstants
    from toolkit.sentiment.lexical import vader_constants

    ours = vader_constants()
    names = {n for n in vars(VaderConstants) if n.isupper() and n != "REGEX_REMOVE_PUNCTUATION"}
    assert set(ours) - {"citation"} == names and ours["citation"]
    for name in names:
        theirs = getattr(VaderConstants, name)
        assert (set(ours[name]) == set(theirs)) if isinstance(theirs, (set, frozenset)) else ours[name] == theirs, name
