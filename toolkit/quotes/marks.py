"""Quotation marks: normalised text, mark pairing within a paragraph, units and content kinds.

Marks are paired within a paragraph; an unclosed mark ends at the paragraph end (the news convention
for a quotation running on into the next paragraph, which opens with a mark again), so an unbalanced
mark never swallows the rest of an article. Sentences (:func:`toolkit.text.sentences`) are merged
where a quotation crosses their boundary, or where a quotation closing on "?" or "!" is followed by a short
sentence without marks (its attribution: '"Why now?" Mara Quill asked.'), giving the *units* the cue patterns read.
The short sentence's limit (10 words) is not tuned: 6, 10, 15 and 25 words give PolNeAR train F1 0.850-0.851.
"""

from __future__ import annotations

import bisect
import re

from ..text import line_sentence_bounds, normalize_quotes

def _opens_only(t: str, pos: int, start: int, end: int) -> bool:
    """Whether the mark at ``pos`` can only open a quotation: after a sentence end and a space, before
    a capital ('... will not change. "This ...'): a closing mark follows the last word or its
    punctuation directly. Limits: 'Mr. "Fix-it"' reads as an opening too."""
    before = t[max(start, pos - 2):pos]
    return (pos + 1 < end and t[pos + 1].isupper() and len(before) == 2 and before[1] == " "
            and before[0] in ".!?")


def _quote_pairs(t: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """Pairs of double quotation marks in ``t[start:end]``: (open mark, close mark or end, closed).

    Marks pair in order, except that a mark which can only open (after ". ", before a capital) while
    a quotation is open means that quotation was never closed: it ends, unclosed, at the sentence end
    before the new mark ('said "A. "B" he added': "A." and "B" are two quotations, not one spanning
    the rest of the paragraph)."""
    marks = [start + m.start() for m in re.finditer('"', t[start:end])]
    pairs = []
    i = 0
    while i < len(marks):
        o = marks[i]
        if i + 1 >= len(marks):
            pairs.append((o, end, False))
            break
        c = marks[i + 1]
        if _opens_only(t, c, start, end):
            pairs.append((o, c - 1, False))
            i += 1
            continue
        pairs.append((o, c, True))
        i += 2
    return pairs


def _pair_before(pairs: list[tuple[int, int, bool]], starts: list[int], pos: int) -> tuple[int, int, bool] | None:
    """The last pair opening before ``pos`` (pairs are sorted and disjoint, so only it can enclose ``pos``)."""
    i = bisect.bisect_left(starts, pos) - 1
    return pairs[i] if i >= 0 else None


def _pairs_in(pairs: list, starts: list[int], s: int, e: int) -> list:
    """Pairs whose opening mark lies in ``[s, e)``."""
    return pairs[bisect.bisect_left(starts, s):bisect.bisect_left(starts, e)]


def _units(t: str, para_start: int, para_end: int, pairs: list[tuple[int, int, bool]],
           starts: list[int], cue: re.Pattern) -> list[tuple[int, int]]:
    """Sentences of a paragraph (``t[para_start:para_end]``, one of :func:`toolkit.text.paragraphs`),
    merged where a quotation crosses a sentence boundary or where a unit that opens with a quotation closing on
    "?"/"!" is followed by its short attribution (:func:`_signs_question`, with ``cue`` the speech verbs'
    pattern, :attr:`toolkit.quotes.verbs.Verbs.pattern`)."""
    sents = [(para_start + s, para_start + e) for s, e in line_sentence_bounds(t[para_start:para_end])]
    units: list[tuple[int, int]] = []
    for s, e in sents:
        prev = _pair_before(pairs, starts, s)
        if units and (prev is not None and prev[0] >= units[-1][0] and prev[1] >= s
                      or _signs_question(t, units[-1], s, e, cue)):
            units[-1] = (units[-1][0], e)
        else:
            units.append((s, e))
    return units


# A quotation closing on "?" or "!" ends its sentence for the splitter; a short sentence after it without a mark of
# its own ('"Why now?" Mara Quill asked the council.') is its attribution.
_SIGNATURE_WORDS = 10


def _signs_question(t: str, prev: tuple[int, int], s: int, e: int, cue: re.Pattern) -> bool:
    """Whether sentence ``t[s:e]`` is the attribution of the quotation that the unit before it (``prev``) opens and
    ends on "?" or "!": at most :data:`_SIGNATURE_WORDS` words, no quotation mark, a speech verb (``cue``). Not
    'Mara Quill asked, "Will it hold?" The council adjourned.' (the unit does not open with the quotation, and
    the sentence has no cue). Limits: a cue on another verb ("... ?" The council said nothing) still merges."""
    tail = t[prev[0]:prev[1]].rstrip()
    return (tail.lstrip().startswith('"') and tail.endswith(('?"', '!"')) and '"' not in t[s:e]
            and len(t[s:e].split()) <= _SIGNATURE_WORDS and cue.search(t, s, e) is not None)


def _strip(t: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (t[s].isspace() or t[s] in ",;:-"):
        s += 1
    while e > s and (t[e - 1].isspace() or t[e - 1] in ",;:-"):
        e -= 1
    return s, e


def _kind_and_span(t: str, s: int, e: int, pairs, starts: list[int]) -> tuple[str, int, int]:
    """Classify content as direct/mixed/indirect; a content that is one quotation keeps its inside."""
    s, e = _strip(t, s, e)
    inner = [(o, c) for o, c, _ in _pairs_in(pairs, starts, s, e)]
    if not inner:
        return "indirect", s, e
    o, c = inner[0]
    rest_before = t[s:o].strip(" ,:")
    rest_after = t[min(c + 1, e):e].strip(" .,;!?")
    if len(inner) == 1 and not rest_before and not rest_after:
        return ("direct",) + _strip_marks(t, o + 1, c)
    return "mixed", s, e


def _strip_marks(t: str, s: int, e: int) -> tuple[int, int]:
    while s < e and t[s].isspace():
        s += 1
    while e > s and (t[e - 1].isspace() or t[e - 1] in ",;:"):
        e -= 1
    return s, e


_DOUBLED = re.compile(r"''|``")


def _doubled(m: re.Match) -> str:
    """Doubled single marks (``''`` / ````` ``, some wire styles) as one double mark, same length."""
    s = m.string
    opening = m.start() == 0 or s[m.start() - 1].isspace() or s[m.start() - 1] in "([-"
    return ' "' if opening else '" '


def prepared(text: str) -> str:
    """The text the patterns read: :func:`toolkit.text.normalize_quotes` (curly marks to straight,
    non-breaking spaces to spaces) and doubled single marks as one double mark; same length as ``text``."""
    return _DOUBLED.sub(_doubled, normalize_quotes(text))


# A quotation signed by its speaker: '"..." ― Ana Ruiz' at the end of its line (readers' voices, epigraphs),
# or a transcript line '"RUIZ: ..."' whose label names the speaker.
_DASH_NAME = re.compile(r"[ \t]*(?:\u2015|\u2014|\u2013|--?)[ \t]*([A-Z][\w.'\u2019-]*(?:[ \t]+[A-Z][\w.'\u2019-]*){0,4})"
                        r"[ \t]*(?=\n|$)")
_LABEL = re.compile(r"([A-Z][A-Z.'\u2019-]+(?:[ \t]+[A-Z][A-Z.'\u2019-]+){0,2}):[ \t]+")


def _signed(t: str, qs: int, qe: int, close: int, end: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """Content and speaker spans of a quotation (inside ``qs``-``qe``, closing mark at ``close``) signed by a
    dash and a name that end its line, or opened by a transcript label ("WALLACE: ..."), else ``None``."""
    m = _DASH_NAME.match(t, close + 1, end)
    if m is not None:
        return (qs, qe), m.span(1)
    m = _LABEL.match(t, qs, qe)
    if m is not None and m.end() < qe and len(m.group(1)) >= 2:
        return (m.end(), qe), m.span(1)
    return None
