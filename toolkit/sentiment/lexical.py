"""Lexicon backends: VADER and TextBlob word and sentence polarity.

Both are target-blind: ``score(text)`` is a sentence's polarity and ``word_score(word)`` one word's.
:class:`toolkit.sentiment.rules.RuleTargetBackend` turns them into target-aware scorers.
:func:`vader` and :func:`textblob` give the one instance of each per process, which the registry's
backends and the ``default`` model's features share (so VADER's memo of sentence scores is shared).
"""

from __future__ import annotations

import functools
import itertools
import json
import math
import os
import string
from collections.abc import Sequence

from ..lexicon import DEFAULT_DIR

__all__ = ["VaderBackend", "TextBlobBackend", "vader", "textblob"]


_PUNCT = string.punctuation
_STRIP = str.maketrans("", "", _PUNCT)
_CONSTANTS = DEFAULT_DIR / "vader_constants.json"


def vader_constants() -> dict:
    """NLTK's ``VaderConstants`` (``B_INCR``, ``B_DECR``, ``C_INCR``, ``N_SCALAR``, ``NEGATE``, ``PUNC_LIST``,
    ``BOOSTER_DICT``, ``SPECIAL_CASE_IDIOMS``) as shipped in ``toolkit/lexicons/vader_constants.json``."""
    with open(_CONSTANTS, encoding="utf-8") as f:
        return json.load(f)


def textblob_word_polarity(path: str) -> dict[str, float]:
    """The polarity of each word's untagged sense in TextBlob's English lexicon ``en-sentiment.xml`` at ``path``,
    keyed by the lowercased word, non-zero ones only: what ``textblob.en.sentiment`` holds under ``[word][None][0]``
    (each part of speech's senses averaged, then the parts of speech; adjectives' "-ly" adverbs annotated with the
    adjective's scores, as ``textblob.en.Sentiment.load`` does), read without importing TextBlob, whose import
    loads NLTK. tests/test_sentiment_backends.py checks it against TextBlob's own."""
    from xml.etree import ElementTree

    def avg(values: Sequence[float]) -> float:
        return sum(values) / float(len(values) or 1)

    words: dict = {}
    for w in ElementTree.parse(path).getroot().findall("word"):
        form = w.attrib.get("form")
        if form:
            psi = (float(w.attrib.get("polarity", 0.0)), float(w.attrib.get("subjectivity", 0.0)),
                   float(w.attrib.get("intensity", 1.0)))
            words.setdefault(form, {}).setdefault(w.attrib.get("pos"), []).append(psi)
    for form, by_pos in words.items():
        senses = {pos: [avg(each) for each in zip(*psi)] for pos, psi in by_pos.items()}
        senses[None] = [avg(each) for each in zip(*senses.values())]
        words[form] = senses
    for form, senses in list(words.items()):
        if "JJ" in senses:
            if form.endswith("y"):
                form = form[:-1] + "i"
            if form.endswith("le"):
                form = form[:-2]
            adverb = words.setdefault(form + "ly", {})
            adverb["RB"] = adverb[None] = tuple(senses["JJ"])
    out = {}
    for form, senses in words.items():
        values = senses.get(None) or next(iter(senses.values()))
        if values and values[0]:
            out[form.lower()] = float(values[0])
    return out


class _Vader:
    """A port of NLTK's ``SentimentIntensityAnalyzer.polarity_scores(text)["compound"]`` (NLTK 3.x,
    Hutto & Gilbert 2014), the same arithmetic in the same order, without NLTK's per-call objects.

    Same as NLTK, quirks included: a token's context is that of its *first* occurrence, idioms and
    the "never so" checks are case-sensitive, the "but" rule uses the first "but". Tokens are
    NLTK's: whitespace split, tokens of one character dropped, one leading or trailing run of a
    ``PUNC_LIST`` mark stripped when the rest is a word of the punctuation-free text (checked by the
    run instead of NLTK's word x mark dict). Only ``compound`` is computed (NLTK's neg/neu/pos are not).
    The constants are NLTK's own (``VaderConstants``, kept in ``toolkit/lexicons/vader_constants.json`` so that
    scoring does not import NLTK, about 1.7 CPU-s a process); the lexicon is read as NLTK reads it.
    tests/test_sentiment_vader_port.py compares the constants and the scores with NLTK's on generated and
    written text.
    """

    def __init__(self, lexicon_path: str) -> None:
        raw = open(lexicon_path, "rb").read()
        try:
            data = raw.decode("utf-8")
        except UnicodeDecodeError:
            data = raw.decode("latin-1")
        self.lexicon = {}
        for line in data.split("\n"):
            word, measure = line.strip().split("\t")[0:2]
            self.lexicon[word] = float(measure)
        c = vader_constants()
        self._marks = frozenset(c["PUNC_LIST"])
        self._negate = frozenset(c["NEGATE"])
        self._booster = dict(c["BOOSTER_DICT"])
        self._idioms = dict(c["SPECIAL_CASE_IDIOMS"])
        self._c_incr, self._b_decr, self._n_scalar = c["C_INCR"], c["B_DECR"], c["N_SCALAR"]

    def tokens(self, text: str) -> list[str]:
        """NLTK's ``SentiText.words_and_emoticons`` of ``text``."""
        words = {w for w in text.translate(_STRIP).split() if len(w) > 1}
        marks = self._marks
        out = []
        for we in text.split():
            if len(we) <= 1:
                continue
            lead = len(we) - len(we.lstrip(_PUNCT))
            trail = 0 if lead else len(we) - len(we.rstrip(_PUNCT))
            if lead and we[:lead] in marks and we[lead:] in words:
                we = we[lead:]
            elif trail and we[-trail:] in marks and we[:-trail] in words:
                we = we[:-trail]
            out.append(we)
        return out

    def compound(self, text: str) -> float:
        """VADER's compound score of ``text``, rounded to 4 places as NLTK rounds it."""
        tokens = self.tokens(text)
        if not tokens:
            return 0.0
        lexicon, booster = self.lexicon, self._booster
        lower = [t.lower() for t in tokens]
        n = len(tokens)
        caps = sum(1 for t in tokens if t.isupper())
        cap_diff = 0 < n - caps < n
        first: dict[str, int] = {}
        for idx, token in enumerate(tokens):
            first.setdefault(token, idx)
        known: dict[str, float] = {}
        sentiments = []
        for item in tokens:
            i = first[item]
            low = lower[i]
            if low not in lexicon or low in booster or (low == "kind" and i < n - 1 and lower[i + 1] == "of"):
                sentiments.append(0)
                continue
            if item not in known:
                known[item] = self._valence(tokens, lower, i, cap_diff)
            sentiments.append(known[item])
        if "but" in lower:
            bi = lower.index("but")
            for sidx, sentiment in enumerate(sentiments):
                if sidx < bi:
                    sentiments[sidx] = sentiment * 0.5
                elif sidx > bi:
                    sentiments[sidx] = sentiment * 1.5
        sum_s = float(sum(sentiments))
        ep_amplifier = min(text.count("!"), 4) * 0.292
        qm_count = text.count("?")
        qm_amplifier = 0
        if qm_count > 1:
            qm_amplifier = qm_count * 0.18 if qm_count <= 3 else 0.96
        amplifier = ep_amplifier + qm_amplifier
        if sum_s > 0:
            sum_s += amplifier
        elif sum_s < 0:
            sum_s -= amplifier
        return round(sum_s / math.sqrt((sum_s * sum_s) + 15), 4)

    def _negated(self, low: str) -> bool:
        return low in self._negate or "n't" in low

    def _valence(self, w: list[str], lower: list[str], i: int, cap_diff: bool) -> float:
        """NLTK's ``sentiment_valence`` of the lexicon token at ``i`` (with its never/idiom/least checks)."""
        lexicon, booster, n_scalar = self.lexicon, self._booster, self._n_scalar
        valence = lexicon[lower[i]]
        if w[i].isupper() and cap_diff:
            valence = valence + self._c_incr if valence > 0 else valence - self._c_incr
        for start_i in range(3):
            if i > start_i and lower[i - (start_i + 1)] not in lexicon:
                s = 0.0
                prev, prev_low = w[i - (start_i + 1)], lower[i - (start_i + 1)]
                if prev_low in booster:
                    s = booster[prev_low]
                    if valence < 0:
                        s *= -1
                    if prev.isupper() and cap_diff:
                        s = s + self._c_incr if valence > 0 else s - self._c_incr
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                valence = valence + s
                if start_i == 0:
                    if self._negated(lower[i - 1]):
                        valence = valence * n_scalar
                elif start_i == 1:
                    if w[i - 2] == "never" and w[i - 1] in ("so", "this"):
                        valence = valence * 1.5
                    elif self._negated(lower[i - 2]):
                        valence = valence * n_scalar
                else:
                    if (w[i - 3] == "never" and w[i - 2] in ("so", "this")) or w[i - 1] in ("so", "this"):
                        valence = valence * 1.25
                    elif self._negated(lower[i - 3]):
                        valence = valence * n_scalar
                    valence = self._idioms_check(valence, w, i)
        if i > 1 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
            if lower[i - 2] != "at" and lower[i - 2] != "very":
                valence = valence * n_scalar
        elif i > 0 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
            valence = valence * n_scalar
        return valence

    def _idioms_check(self, valence: float, w: list[str], i: int) -> float:
        idioms = self._idioms
        twoone = f"{w[i - 2]} {w[i - 1]}"
        threetwo = f"{w[i - 3]} {w[i - 2]}"
        for seq in (f"{w[i - 1]} {w[i]}", f"{w[i - 2]} {w[i - 1]} {w[i]}", twoone,
                    f"{w[i - 3]} {w[i - 2]} {w[i - 1]}", threetwo):
            if seq in idioms:
                valence = idioms[seq]
                break
        if len(w) - 1 > i and f"{w[i]} {w[i + 1]}" in idioms:
            valence = idioms[f"{w[i]} {w[i + 1]}"]
        if len(w) - 1 > i + 1 and f"{w[i]} {w[i + 1]} {w[i + 2]}" in idioms:
            valence = idioms[f"{w[i]} {w[i + 1]} {w[i + 2]}"]
        if threetwo in self._booster or twoone in self._booster:
            valence = valence + self._b_decr
        return valence


class _WordScores:
    """One word's score from the backend's ``_lexicon`` (lowercased word -> score in [-1, 1]), the lookups
    :class:`VaderBackend` and :class:`TextBlobBackend` share."""

    _lexicon: dict[str, float]

    def word_score(self, word: str) -> float:
        """Score of one lowercased word (0.0 when not in the lexicon)."""
        return self._lexicon.get(word, 0.0)

    def word_scores(self, words: Sequence[str]) -> list[float]:
        """:meth:`word_score` of each of ``words`` (one dictionary lookup per word, mapped in C)."""
        return list(map(self._lexicon.get, words, itertools.repeat(0.0)))


class VaderBackend(_WordScores):
    """VADER (Hutto & Gilbert 2014), NLTK's scoring ported in :class:`_Vader`, with the lexicon shipped in ``vaderSentiment``.

    ``score`` is VADER's compound score; ``word_score`` is the lexicon valence / 4, clipped.
    """

    name = "vader"

    def __init__(self) -> None:
        import vaderSentiment

        self._vader = _Vader(os.path.join(os.path.dirname(vaderSentiment.__file__), "vader_lexicon.txt"))
        self._lexicon = {w: max(-1.0, min(1.0, v / 4.0)) for w, v in self._vader.lexicon.items()}

    @functools.lru_cache(maxsize=8192)  # noqa: B019 - one instance per process (vader())
    def score(self, text: str) -> float:
        """VADER compound score of ``text``, memoised: the default backend's ``score`` is VADER's
        too, so ``voice`` of one quote with both backends runs VADER once."""
        return float(self._vader.compound(text))


class TextBlobBackend(_WordScores):
    """TextBlob's pattern-based polarity (Loria, TextBlob; lexicon of De Smedt & Daelemans 2012).

    ``word_score`` is the polarity of the word's untagged sense in TextBlob's lexicon.
    """

    name = "textblob"

    def __init__(self) -> None:
        import importlib.util

        package = importlib.util.find_spec("textblob").submodule_search_locations[0]  # found, not imported
        self._lexicon = textblob_word_polarity(os.path.join(package, "en", "en-sentiment.xml"))

    @functools.cached_property
    def _polarity(self):
        """TextBlob's English sentiment, what ``TextBlob(text).sentiment`` calls, without a blob and a namedtuple
        class per call; imported on the first sentence score (it imports NLTK)."""
        from textblob.en import sentiment

        return sentiment

    def score(self, text: str) -> float:
        """TextBlob polarity of ``text`` (the PatternAnalyzer's, as ``TextBlob(text).sentiment.polarity``)."""
        return float(self._polarity(text)[0])


@functools.cache
def vader() -> VaderBackend:
    """The process's :class:`VaderBackend` (loaded on first use)."""
    return VaderBackend()


@functools.cache
def textblob() -> TextBlobBackend:
    """The process's :class:`TextBlobBackend` (loaded on first use)."""
    return TextBlobBackend()
