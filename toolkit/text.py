"""Paragraphs, sentences and tokens as character spans into the raw text.

Sentence boundaries are those of ``syntok`` (Leitner, https://github.com/fnl/syntok), a rule-based
segmenter that knows news abbreviations ("Sen.", "U.S.", "Sept.", "(R-Ariz.)") and needs no
downloaded model; its rules run in :mod:`toolkit.syntok_port` (same bounds, faster). Paragraphs are lines: scraped news puts one paragraph per line, and a sentence
never crosses a line break. Page and section separators (form feed, vertical tab, U+001C-U+001E,
U+0085, U+2028, U+2029) break lines too, as :meth:`str.splitlines` does. Tokens come from one compiled regular expression (fast, offset-exact).

Every record holds ``start``/``end`` offsets into the string it was computed from, so
``text[s.start:s.end] == s.text`` always holds.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from syntok import segmenter

from .syntok_port import split as syntok_split

__all__ = ["Span", "Sentence", "Token", "paragraphs", "sentences", "sentence_bounds", "line_sentence_bounds", "tokens", "n_words", "word_bounds", "word_counts", "normalize_quotes", "in_capitals", "scan"]


@dataclass(frozen=True)
class Span:
    """A half-open character span ``[start, end)`` with the text it covers."""

    start: int
    end: int
    text: str


Sentence = Span
Token = Span

# Line breaks: the characters str.splitlines() splits on (\f, \v and the information separators
# U+001C-U+001E included, so a form-feed separated page is not read as one paragraph).
LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_LINE = re.compile(f"[^{LINE_BREAKS}]+")
# A word ending in an abbreviation's period ("U.S."), else a word with inner hyphens, apostrophes and
# ampersands. The lookahead only skips the first branch where it cannot match (no period before the
# word's end), which spares its backtracking on most words: same tokens, ~40% less time counting.
# Both branches open with the word's first character, taken once before them (``\w+`` is ``\w\w*``,
# and the lookahead read from the second character instead of the first, which its class holds):
# the same matches, and a pattern that opens with a character class, which ``re`` skips ahead to in
# C instead of entering the matcher at every space and mark (about 15% less time per scan).
_WORD_PATTERN = r"\w(?:(?=[\w\-'\u2019&]*\.)\w*(?:[-'\u2019.&]\w+)*\.?(?<=[A-Z]\.)|\w*(?:[-'\u2019&]\w+)*)"
_TOKEN = re.compile(_WORD_PATTERN + r"|[^\w\s]", re.UNICODE)
_WORD = re.compile(_WORD_PATTERN, re.UNICODE)  # the word tokens of _TOKEN, without the punctuation ones

# Straight and typographic quotation marks mapped to ASCII. Same length, so offsets stay valid.
_QUOTE_MAP = {
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2033": '"', "\uff02": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ",
}


def normalize_quotes(text: str) -> str:
    """Map curly quotes, guillemets and non-breaking spaces to ASCII, one character for one.

    The result has the same length as ``text``, so offsets computed on it index the raw text.
    (A chain of ``str.replace`` calls: several times faster than ``str.translate`` on non-ASCII text.)
    """
    if text.isascii():
        return text
    for src, dst in _QUOTE_MAP.items():
        if src in text:
            text = text.replace(src, dst)
    return text


def trie_regex(words: Iterable[str], unit: Callable[[str], str] = re.escape) -> str:
    """One regex alternation for ``words``, built as a character trie (longest match first).

    Python's ``re`` tries the alternatives of ``a|b|c`` one by one; a trie shares prefixes, so a
    text position costs one walk down the trie instead of one attempt per word. ``unit`` gives the
    regex of one character (default: the character, escaped; e.g. ``\\s+`` for a space).
    """
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [unit(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


def scan(pattern: re.Pattern, starts: re.Pattern, text: str, pos: int = 0,
         endpos: int | None = None) -> Iterator[re.Match]:
    """``pattern.finditer(text, pos, endpos)`` for a ``pattern`` that never matches the empty string
    and whose every match begins where ``starts`` matches: ``pattern`` is tried only at the
    positions ``starts`` finds, in order, each one at or after the end of the last match.

    A pattern that opens with a lookbehind (``(?<![\\w-])``, a word boundary) leaves ``re`` no
    literal or character set to skip ahead to, so its search enters the matcher at every position
    of the text; ``starts`` (e.g. a :func:`trie_regex` of the words a match can begin with, which
    opens with literals) is scanned for in C. Same matches as ``finditer``: a search from ``pos``
    finds the leftmost position where ``pattern`` matches, and no match begins where ``starts``
    does not. A lookbehind of ``pattern`` reads the characters before each tried position as
    ``finditer`` does (``re`` lets it read before ``pos``).
    """
    endpos = len(text) if endpos is None else endpos
    search, match = starts.search, pattern.match
    candidate = search(text, pos, endpos)
    while candidate is not None:
        at = candidate.start()
        m = match(text, at, endpos)
        if m is not None:
            yield m
            at = m.end() - 1
        candidate = search(text, at + 1, endpos)


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """``(start, line)`` of each non-blank line of ``text``, leading/trailing whitespace trimmed."""
    for m in _LINE.finditer(text):
        line = m.group()
        stripped = line.strip()
        if stripped:
            yield m.start() + (len(line) - len(line.lstrip())), stripped


def paragraphs(text: str) -> list[Span]:
    """Non-blank lines of ``text`` as spans (leading/trailing whitespace trimmed); each call is a fresh list."""
    return list(_paragraph_spans(text))


@functools.lru_cache(maxsize=8)
def _paragraph_spans(text: str) -> tuple[Span, ...]:
    """:func:`paragraphs`, cached on the text: quote extraction and labels (twice) ask for one
    article's paragraphs (spans are frozen, so the calls share them)."""
    return tuple(Span(start, start + len(line), line) for start, line in _lines(text))


# A paragraph of words, spaces, commas, colons, quotation marks, dashes and a few symbols, with at most one
# final terminal mark: syntok returns it whole as one sentence, so it is not segmented.
_ONE_SENTENCE = re.compile(r"[\"']?\w[\w ,:'\"%$&/\-\u2013\u2014]*[.!?]?[\"']?", re.ASCII)
# A word of three letters or more, lower-case or capitalised, standing alone after a space (or at the
# start: not after a dot, hyphen, @ or /, where syntok's token would be "U.S.-backed") and not one of
# syntok's abbreviations or months ("approx.", "Gen.", "Sept."), or a number of two digits or more
# standing alone ("in 2015."), ending in . ! ? (and at most one closing quotation mark: 'said." The')
# before a space and a capitalised word (or an opening quotation mark and one: 'said. "The') that
# does not begin with one of syntok's months (after a number syntok keeps "5. Sept" together, and its
# tokeniser cuts "SeptMr" in two): syntok always ends a sentence there, outside brackets. Its
# decision reads the token before the mark and the one after it (the quotation mark when there is
# one), and this is the case where every rule of ``_move_and_maybe_extract_terminal`` but its last
# (a split) is ruled out. The pattern gives the candidates, the word or number (group 1) and the
# next word (group 2); abbreviations and months are ruled out on its matches (:func:`_sure_cuts`),
# not by a lookahead tried at every word of the text (a third less time scanning).
_SYNTOK_KEEPS = frozenset(w for w in segmenter.State.abbreviations | segmenter.State.months
                          if len(w) >= 3 and w.isascii() and w.isalpha())
_SYNTOK_MONTHS = tuple(sorted(w for w in segmenter.State.months if w.isascii() and w.isalpha()))
_SURE_END = re.compile(r"(?<!\S)([a-z]{3,}|[A-Z][a-z]{2,}|\d{2,})[.!?]\"?(?= \"?([A-Z][a-z]+))")
# syntok skips bracketed text (up to 70 characters) when it decides a split, and reads past the
# brackets what comes after them: no cuts in a paragraph with an opening bracket (cuts outside the
# brackets, tried too, did not always give syntok's bounds on generated paragraphs).
_OPENING_BRACKET = re.compile("[" + re.escape("".join(sorted(segmenter.State.opening_brackets))) + "]")


def _sure_cuts(para: str) -> list[int]:
    """The ends of :data:`_SURE_END` in ``para`` (none in a paragraph with an opening bracket)."""
    if _OPENING_BRACKET.search(para):
        return []
    return [m.end() for m in _SURE_END.finditer(para)
            if m.group(1) not in _SYNTOK_KEEPS and not m.group(2).startswith(_SYNTOK_MONTHS)]


# Title abbreviations that precede a name: syntok ends a sentence after "Rep." or "Gov." in
# "said Rep. Dora Penn"; a sentence ending in one of them and followed by a capitalised word is
# joined to the next (AP Stylebook abbreviated titles; "Sen.", "Dr.", "Mr." are already kept by syntok).
_TITLE_ABBREVIATION = re.compile(
    r"(?<![\w.])(?:Rep|Reps|Gov|Govs|Sen|Sens|Lt|Col|Gen|Gens|Adm|Capt|Cmdr|Sgt|Maj|Brig|Cpl|Pvt|Rev|"
    r"Amb|Atty|Supt|Prof|Dr|Mr|Mrs|Ms|Messrs)\.$")


@functools.lru_cache(maxsize=32768)
def _paragraph_sentences(para: str) -> tuple[tuple[int, int], ...]:
    """Sentence bounds ``(start, end)`` within one paragraph: syntok's, with title abbreviations
    joined to the name that follows (:data:`_TITLE_ABBREVIATION`).

    Cached: the pipeline splits each paragraph several times (the article's sentence table,
    quotation units, the sentence around each mention), and syntok is the costliest step. The
    cache holds the paragraphs of a 2 MB article, so a long article is still split once, not
    once per pass.
    """
    out: list[tuple[int, int]] = []
    for s, e in _segment(para):
        if out and _TITLE_ABBREVIATION.search(para, out[-1][0], out[-1][1]) and para[s:s + 1].isupper():
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return tuple(out)


def _segment(para: str) -> list[tuple[int, int]]:
    """Sentence bounds within one paragraph, as syntok's segmenter gives them.

    The paragraph is first cut where syntok surely ends a sentence, and pieces that are plainly one
    sentence are not segmented; both rules give syntok's own bounds on every paragraph of the shared
    corpora (31,899 of their 42,842 paragraphs are decided by them) and on generated strings
    (tests/test_text_fast_path.py). The other pieces go to :func:`toolkit.syntok_port.split`,
    syntok's rules re-implemented over flat token lists (same bounds, about a quarter of the cost).
    """
    if _ONE_SENTENCE.fullmatch(para):
        return [(0, len(para))]
    cuts = _sure_cuts(para)
    out: list[tuple[int, int]] = []
    for s, e in zip([0, *(c + 1 for c in cuts)], [*cuts, len(para)]):
        piece = para[s:e]
        if _ONE_SENTENCE.fullmatch(piece):
            out.append((s, e))
        else:
            out += [(s + a, s + b) for a, b in syntok_split(piece)]
    return out


def sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` in order, as spans; none crosses a line break.

    Uses syntok's rules on each paragraph (line, :func:`_segment`) and maps their offsets back. Paragraphs
    are split with their quotation marks straightened (:func:`normalize_quotes`, same length:
    syntok splits curly and straight quotes alike), so raw and normalised copies of one paragraph
    share the cached split.
    """
    return [Span(s, e, text[s:e]) for s, e in sentence_bounds(text)]


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of :func:`sentences`, without building spans (for hot loops)."""
    return list(_text_bounds(text))


def line_sentence_bounds(line: str) -> tuple[tuple[int, int], ...]:
    """:func:`sentence_bounds` of one paragraph as :func:`paragraphs` gives it (a non-blank line,
    whitespace trimmed, no line break), read from the cache of paragraph splits without scanning
    it for lines first (quotation units ask for every paragraph of an article)."""
    return _paragraph_sentences(normalize_quotes(line))


@functools.lru_cache(maxsize=8)
def _text_bounds(text: str) -> tuple[tuple[int, int], ...]:
    """:func:`sentence_bounds`, cached on the text: the pipeline asks for one article's sentences
    several times (its sentence table, hedge claims, labels); each call is a fresh list."""
    out: list[tuple[int, int]] = []
    for base, line in _lines(text):
        out += [(base + s, base + e) for s, e in _paragraph_sentences(normalize_quotes(line))]
    return tuple(out)


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Word and punctuation tokens of ``text[start:end]`` with offsets into ``text``.

    Words keep inner hyphens and apostrophes ("pre-emptive", "Russia's") and abbreviations keep
    their periods ("U.S.").
    """
    end = len(text) if end is None else end
    return [Span(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


def token_bounds(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of each token of :func:`tokens`, without building spans (for hot loops)."""
    return [m.span() for m in _TOKEN.finditer(text, start, len(text) if end is None else end)]


def n_words(text: str, start: int = 0, end: int | None = None) -> int:
    """The number of word tokens of :func:`tokens` in ``text[start:end]`` (punctuation not counted).

    The one word count of the toolkit: ``n_words`` in the ``articles``, ``sentences`` and ``quotes``
    tables and ``quoted_words`` in ``actor_measures`` all use it ("U.S." and "Russia's" are one word each).
    """
    return len(_WORD.findall(text, start, len(text) if end is None else end))


def word_bounds(text: str) -> tuple[list[int], list[int]]:
    """The starts and the ends of the words of :func:`n_words` in all of ``text`` (one scan)."""
    starts, ends = [], []
    for m in _WORD.finditer(text):
        a, b = m.span()
        starts.append(a)
        ends.append(b)
    return starts, ends


def word_counts(text: str, spans: Iterable[tuple[int, int]],
                words: tuple[list[int], list[int]] | None = None) -> list[int]:
    """``n_words(text, s, e)`` for each ``(s, e)`` of ``spans``, counted on :func:`word_bounds`
    (``words``, when already at hand) by binary search.

    A scan of the whole text and a scan of ``text[s:e]`` find the same words inside the span
    unless a word of the whole scan crosses ``s`` or ``e`` (the pattern's lookahead and
    lookbehind read only characters of the word itself); such a span is counted by
    :func:`n_words` itself.
    """
    starts, ends = words if words is not None else word_bounds(text)
    out = []
    for s, e in spans:
        i = bisect.bisect_left(starts, s)  # the words from i on start at or after s
        j = bisect.bisect_right(ends, e)  # the words before j end at or before e
        if (i and ends[i - 1] > s) or (j < len(starts) and starts[j] < e):  # a word crosses s or e
            out.append(n_words(text, s, e))
        else:
            out.append(max(j - i, 0))
    return out


_CAPS_WORD_BEFORE = re.compile(r"\b[A-Z]{2,}[\s,:]+$")
_CAPS_WORD_AFTER = re.compile(r"[\s,:]+[A-Z]{2,}\b")


def in_capitals(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is an all-capitals word between other all-capitals words (within 30
    characters before it): a shouted headline ("RUSSIA SAYS IS TARGETED"), not an acronym ("IS").
    Used by the actor matcher and the label matcher alike."""
    return _CAPS_WORD_BEFORE.search(text, max(0, start - 30), start) is not None and \
        _CAPS_WORD_AFTER.match(text, end) is not None
