"""Is a text English? An offline check with no model: the script of its letters, then the share of
English function words among its words (:func:`guess_language`).

Every measure of the toolkit (actor names, attribution verbs, hedges, labels, the sentiment
lexicons) is English-only, so an article in another language yields no mentions or quotes rather
than an error. The loader flags such articles (``not_english`` in ``Article.flags``, a problem
naming the article) so a near-empty row is read as "not analysable", not as "no actor quoted".

Method: (1) script: when more than half of the letters belong to a non-Latin script (Cyrillic,
Arabic, Hebrew, Greek, Devanagari, CJK, Hangul, Thai ...), the text is not English. (2) function
words: in English prose about 40-50% of the word tokens are closed-class words (articles, pronouns,
prepositions, auxiliaries; the stop-word idea of Luhn 1958 and Grefenstette 1995's short-word
language identifier); a Latin-script text with under :data:`MIN_ENGLISH_SHARE` of them among at
least :data:`MIN_WORDS` words is taken as another language. Limits: texts under ``MIN_WORDS`` words
in Latin script are not judged; it tells English from not English only (it names a script, not a
language); mixed-language articles are judged by the majority of their first 20,000 characters.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["LanguageGuess", "guess_language", "english_only", "ENGLISH_FUNCTION_WORDS", "MIN_ENGLISH_SHARE",
           "MIN_WORDS", "SAMPLE_CHARS"]

# Closed-class English words, written for this project (no word shared with the frequent French,
# Spanish, Italian, German, Portuguese or Dutch function words except "a", "in", "so" and "also").
ENGLISH_FUNCTION_WORDS = frozenset("""
the of and to a in that is was it for on with as by at from this be are were been has have had
not but or an which who whom whose they their them he his him she her its we our us you your i my me
will would could should shall can may might must do does did there here these those than then when
where while what if into about after before over under between against during through because so
also any each other such no only very more most some all both just off out up down again
""".split())
MIN_ENGLISH_SHARE = 0.15
"""The least share of English function words among the words of an English text."""
MIN_WORDS = 20
"""The fewest words a Latin-script text needs to be judged."""
SAMPLE_CHARS = 20000
"""How much of a text is read: about 3,000 words, far more than the verdict needs."""

_WORDS = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
_NOT_ASCII_LETTER = bytes(b for b in range(128) if not chr(b).isalpha())
"""The ASCII bytes that are no letter: deleted from a text's ASCII bytes, what is left are its A-Z, a-z."""
_OTHER_LETTER = re.compile(r"[^\W\d_\x00-\x7f]")  # a letter outside ASCII


@dataclass(frozen=True)
class LanguageGuess:
    """The verdict on one text.

    Attributes:
        english: ``True``, ``False``, or ``None`` when the text is too short to judge.
        script: The majority script of its letters (``"latin"``, ``"cyrillic"``, ``"arabic"`` ...).
        english_share: Share of its words that are English function words (0 when none).
        n_words: Words counted.
        reason: Why, in words (empty for English).
    """

    english: bool | None
    script: str
    english_share: float
    n_words: int
    reason: str = ""


def _script(ch: str) -> str:
    """The script of one letter from its Unicode name (``"CYRILLIC SMALL LETTER A"`` -> ``"cyrillic"``)."""
    name = unicodedata.name(ch, "")
    first = name.split(" ", 1)[0].lower()
    if first in ("cjk", "hiragana", "katakana"):
        return "cjk"
    return first or "unknown"


def _ascii_letters(text: str) -> int:
    """How many of ``text``'s characters are ASCII letters (A-Z, a-z), counted on its bytes (a
    regex ``findall`` of them made a string per letter: 45% of the check's time)."""
    return len(text.encode("ascii", "ignore").translate(None, _NOT_ASCII_LETTER))


def guess_language(text: str) -> LanguageGuess:
    """Whether ``text`` is English (see the module docstring for the method and its limits), judged on
    its first :data:`SAMPLE_CHARS` characters (so a long article costs no more than a short one)."""
    text = text[:SAMPLE_CHARS]
    counts: dict[str, int] = {"latin": _ascii_letters(text)}
    for ch in _OTHER_LETTER.findall(text):  # only the letters outside ASCII need their script looked up
        s = _script(ch)
        counts[s] = counts.get(s, 0) + 1
    n_letters = sum(counts.values())
    script = max(counts, key=counts.get)
    words = _WORDS.findall(text)
    share = sum(map(ENGLISH_FUNCTION_WORDS.__contains__, map(str.lower, words))) / len(words) if words else 0.0
    if script != "latin" and counts[script] > 0.5 * n_letters and n_letters >= 10:
        return LanguageGuess(False, script, share, len(words),
                             f"{counts[script] / n_letters:.0%} of its letters are {script} script")
    if len(words) < MIN_WORDS:
        return LanguageGuess(None, script, share, len(words))
    if share < MIN_ENGLISH_SHARE:
        return LanguageGuess(False, script, share, len(words),
                             f"{share:.0%} of its {len(words)} words are English function words "
                             f"(English text has about 40%)")
    return LanguageGuess(True, script, share, len(words))


def english_only(article_id: str, detail: str) -> str:
    """The ``why`` of the problem naming an article flagged ``not_english`` (``detail``: the cleaning
    note's, e.g. ``"not English: 90% of its letters are cyrillic script"``)."""
    return f"article {article_id}: {detail}; the measures are English-only (its rows will be empty or wrong)"
