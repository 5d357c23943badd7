"""Backend registry: user backends are registered, created lazily, cached and used."""

import pytest

from toolkit.sentiment import (LinearTargetBackend, SentimentBackend, available_backends, get_backend,
                               packaged_backend, portrayal, register_backend, target_sentiment, unregister_backend,
                               voice)


class KeywordBackend:
    """A toy user model: +1 for 'splendid', -1 for 'dreadful'."""

    name = "keywords"

    def score(self, text):
        low = text.lower()
        return float("splendid" in low) - float("dreadful" in low)

    def word_score(self, word):
        return {"splendid": 1.0, "dreadful": -1.0}.get(word, 0.0)


class SentenceOnlyBackend:
    name = "sentence-only"

    def score(self, text):
        return -0.8 if "gloomy" in text else 0.0


def test_sentiment_registered_word_backend_is_used_target_aware():
    register_backend("test-keywords", KeywordBackend())
    text = "Mirela gave a splendid speech."
    r = target_sentiment(text, 0, 6, backend="test-keywords")
    assert r.label == "positive"
    assert [e.text for e in r.evidence] == ["splendid"]
    assert "test-keywords" in available_backends()
    assert voice("A dreadful idea.", backend="test-keywords") == -1.0


def test_sentiment_factory_is_called_lazily_and_once():
    calls = []

    def factory():
        calls.append(1)
        return KeywordBackend()

    register_backend("test-lazy", factory)
    assert calls == []
    first = get_backend("test-lazy")
    second = get_backend("test-lazy")
    assert first is second and calls == [1]
    assert isinstance(first, SentimentBackend)


def test_sentiment_sentence_only_backend_falls_back_to_sentence_score():
    register_backend("test-sentence", SentenceOnlyBackend())
    text = "It was a gloomy day for Petrosyan."
    r = portrayal(text, [(text.index("Petrosyan"), len(text) - 1)], backend="test-sentence")[0]
    assert r.label == "negative" and r.score == pytest.approx(-0.8)


def test_sentiment_backend_object_can_be_passed_directly():
    r = target_sentiment("A dreadful mistake by Ilse.", 22, 26, backend=KeywordBackend())
    assert r.label == "negative"


def test_sentiment_builtin_backends_are_cached():
    assert get_backend("vader") is get_backend("vader")
    assert {"default", "vader", "textblob"} <= set(available_backends())


def test_sentiment_unknown_backend_error_names_it_and_lists_known():
    with pytest.raises(KeyError, match="no-such-model.*registered: .*vader"):
        target_sentiment("Some text here.", 0, 4, backend="no-such-model")


def test_sentiment_unregister_removes_a_backend_and_restores_a_built_in_one():
    register_backend("test-keywords", KeywordBackend())
    register_backend("default", KeywordBackend())
    assert not packaged_backend("default") and get_backend("default").name == "keywords"
    unregister_backend("test-keywords")
    unregister_backend("default")
    assert "test-keywords" not in available_backends()
    assert packaged_backend("default") and isinstance(get_backend("default"), LinearTargetBackend)
    with pytest.raises(KeyError, match="test-keywords.*registered: .*default"):
        unregister_backend("test-keywords")


def test_sentiment_invalid_registration_is_rejected():
    with pytest.raises(TypeError, match="score"):
        register_backend("test-bad", 42)
    with pytest.raises(ValueError):
        register_backend("", KeywordBackend())


def test_sentiment_vader_punctuation_strip_keeps_nltk_scores():
    import os

    import nltk
    import vaderSentiment
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    pkg_dir = os.path.dirname(vaderSentiment.__file__)
    if pkg_dir not in nltk.data.path:
        nltk.data.path.append(pkg_dir)
    plain = SentimentIntensityAnalyzer(lexicon_file="file:" + os.path.join(pkg_dir, "vader_lexicon.txt"))
    texts = ["Great!!! The talks, they said, were 'useful'... not bad :)",
             "\"We reject these lies,\" the spokesman said; the strikes were \"terrible.\"",
             "NO progress?! The mayor's plan -- a good one -- failed (again).", "", "?!?!", "ok"]
    backend = get_backend("vader")
    for text in texts:
        assert backend.score(text) == plain.polarity_scores(text)["compound"], text


@pytest.mark.parametrize("name", ["vader", "textblob"])
def test_sentiment_lexicon_word_scores_equal_word_score_and_feed_word_terms(name):
    """A lexicon backend's batch ``word_scores`` gives ``word_score`` of each word, and the rule
    terms read through it equal those of a plain per-word callable."""
    from toolkit.sentiment.context import target_context
    from toolkit.sentiment.lexical import textblob, vader
    from toolkit.sentiment.rules import RuleParams, word_terms

    lex = vader() if name == "vader" else textblob()
    words = ["splendid", "dreadful", "the", "ruritania", "not", "good", "horrible", "", "!"]
    assert lex.word_scores(words) == [lex.word_score(w) for w in words]
    assert any(lex.word_scores(words))
    text = "The Vale Front did not welcome the horrible and dreadful raids on Ruritania, a splendid place."
    start = text.index("Ruritania")
    batched = word_terms(target_context(text, start, start + 9), lex.word_score, RuleParams(), False)
    plain = word_terms(target_context(text + " ", start, start + 9), lambda w: lex.word_score(w), RuleParams(), False)
    assert batched and batched == plain


def test_sentiment_backends_textblob_word_polarity_equals_textblobs_lexicon_without_importing_it():
    import subprocess
    import sys

    # the word polarities come from TextBlob's XML file, read without importing TextBlob (which imports NLTK) ...
    probe = ("import sys; from toolkit.sentiment.lexical import textblob, vader; tb = textblob(); vader(); "
             "print(len(tb._lexicon) > 2000, 'textblob' in sys.modules, 'nltk' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["True", "False", "False"]
    # ... and equal what textblob.en.sentiment holds, in its order
    from textblob.en import sentiment
    from toolkit.sentiment.lexical import textblob

    ref = {}
    for word, senses in sentiment.items():
        values = senses.get(None) or next(iter(senses.values()))
        if values and values[0]:
            ref[word.lower()] = float(values[0])
    assert list(textblob()._lexicon.items()) == list(ref.items())
    assert textblob().score("a truly terrible, awful day") == sentiment("a truly terrible, awful day")[0]
