"""Lexicon backends: VADER and TextBlob word and sentence polarity.

Both are target-blind: ``score(text)`` is a sentence's polarity and ``word_score(word)`` one word's.
:class:`toolkit.sentiment.rules.RuleTargetBackend` turns them into target-aware scorers.
:func:`vader` and :func:`textblob` give the one instance of each per process, which the registry's
backends and the ``default`` model's features share (so VADER's memo of sentence scores is shared).
"""

from __future__ import annotations

import functools
import os
import string

__all__ = ["VaderBackend", "TextBlobBackend", "vader", "textblob"]


class _PunctuationStripper:
    """``sub("", text)`` of the pattern ``[<string.punctuation>]``, by ``str.translate``."""

    _table = str.maketrans("", "", string.punctuation)

    def sub(self, repl: str, text: str) -> str:
        if repl:
            raise ValueError("only deletion is supported")
        return text.translate(self._table)


@functools.cache
def _fast_sentitext():
    """NLTK's ``SentiText`` with ``_words_and_emoticons`` computed without the word x punctuation dict.

    NLTK builds ``{p + w: w, w + p: w}`` for every punctuation mark ``p`` of ``PUNC_LIST`` and every
    word ``w`` of the text stripped of ``string.punctuation``, then maps each token through it: ~8% of
    a corpus run. A ``w`` holds no punctuation, so a token is ``p + w`` only when ``p`` is its whole
    leading punctuation run (and ``w + p`` only for its trailing run, never both): checking that run
    gives the same tokens (tests/test_sentiment_vader_tokens.py compares the two on generated text).
    Built once, on NLTK's own class (before :class:`VaderBackend` installs it in its place).
    """
    from nltk.sentiment.vader import SentiText

    class FastSentiText(SentiText):
        def _words_and_emoticons(self):
            words = {w for w in self.REGEX_REMOVE_PUNCTUATION.sub("", self.text).split() if len(w) > 1}
            marks = set(self.PUNC_LIST)
            out = []
            for we in self.text.split():
                if len(we) <= 1:
                    continue
                lead = len(we) - len(we.lstrip(string.punctuation))
                trail = 0 if lead else len(we) - len(we.rstrip(string.punctuation))
                if lead and we[:lead] in marks and we[lead:] in words:
                    we = we[lead:]
                elif trail and we[-trail:] in marks and we[:-trail] in words:
                    we = we[:-trail]
                out.append(we)
            return out

    return FastSentiText


class VaderBackend:
    """VADER (Hutto & Gilbert 2014) through NLTK, with the lexicon shipped in ``vaderSentiment``.

    ``score`` is VADER's compound score; ``word_score`` is the lexicon valence / 4, clipped.
    """

    name = "vader"

    def __init__(self) -> None:
        import nltk
        import vaderSentiment
        from nltk.sentiment import vader as vader_module
        from nltk.sentiment.vader import SentimentIntensityAnalyzer

        pkg_dir = os.path.dirname(vaderSentiment.__file__)
        if pkg_dir not in nltk.data.path:
            nltk.data.path.append(pkg_dir)
        self._analyzer = SentimentIntensityAnalyzer(lexicon_file="file:" + os.path.join(pkg_dir, "vader_lexicon.txt"))
        # NLTK strips punctuation with a one-character-class regex run through its ReDoS guard
        # (nltk.redos: the `regex` engine under a timeout), ~6% of a corpus run; str.translate
        # deletes the same characters (string.punctuation), so the scores are unchanged.
        self._analyzer.constants.REGEX_REMOVE_PUNCTUATION = _PunctuationStripper()
        # polarity_scores builds its SentiText by the module's global name: the exact faster one above.
        vader_module.SentiText = _fast_sentitext()
        self._lexicon = {w: max(-1.0, min(1.0, v / 4.0)) for w, v in self._analyzer.lexicon.items()}

    @functools.lru_cache(maxsize=8192)  # noqa: B019 - one instance per process (vader())
    def score(self, text: str) -> float:
        """VADER compound score of ``text``, memoised: the default backend's ``score`` is VADER's
        too, so ``voice`` of one quote with both backends runs VADER once."""
        return float(self._analyzer.polarity_scores(text)["compound"])

    def word_score(self, word: str) -> float:
        """Valence of one lowercased word (0.0 when not in the lexicon)."""
        return self._lexicon.get(word, 0.0)


class TextBlobBackend:
    """TextBlob's pattern-based polarity (Loria, TextBlob; lexicon of De Smedt & Daelemans 2012).

    ``word_score`` is the polarity of the word's untagged sense in TextBlob's lexicon.
    """

    name = "textblob"

    def __init__(self) -> None:
        from textblob.en import sentiment as lexicon

        self._polarity = lexicon  # what TextBlob(text).sentiment calls, without a blob and a namedtuple class per call
        self._lexicon = {}
        for word, senses in lexicon.items():
            values = senses.get(None) or next(iter(senses.values()))
            if values and values[0]:
                self._lexicon[word.lower()] = float(values[0])

    def score(self, text: str) -> float:
        """TextBlob polarity of ``text`` (the PatternAnalyzer's, as ``TextBlob(text).sentiment.polarity``)."""
        return float(self._polarity(text)[0])

    def word_score(self, word: str) -> float:
        """Polarity of one lowercased word (0.0 when not in the lexicon)."""
        return self._lexicon.get(word, 0.0)


@functools.cache
def vader() -> VaderBackend:
    """The process's :class:`VaderBackend` (loaded on first use)."""
    return VaderBackend()


@functools.cache
def textblob() -> TextBlobBackend:
    """The process's :class:`TextBlobBackend` (loaded on first use)."""
    return TextBlobBackend()
