"""Finding the label lexicon's terms in a text: the first step of :func:`toolkit.labels.find_labels`.

:func:`match_terms` finds every term of a :class:`toolkit.labels.lexicon.LabelLexicon` (with its prefix,
"so-called") and every head noun ("forces", "troops") where no term matched, less those in bracketed credits,
in titles ("army chief of staff"), an all-capitals term inside capitals, and a term its lexicon entry excludes
by the word before or after it; a name right after "anti-" is kept as a :class:`Hit` that names no label after
it. :func:`closing_cut` is where a closing tag line or footnote starts (nothing after it is read).
Each :class:`Hit` leaves here undecided; :mod:`.resolve` decides its camp, :mod:`.merge` joins neighbours.

Limits: surface matching of listed terms (see :mod:`.find`); the tag-line and footnote patterns were written
from the bundled corpora's closing lines.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ..text import in_capitals, scan
from .lexicon import SPACE, LabelLexicon, Term
from .records import MARKED
from .words import after_anti, followed, in_credit, in_title, preceded, word_after, word_before

__all__ = ["Hit", "category_of", "closing_cut", "match_terms"]


# a Sputnik tag line closing the text: "Tags" and keywords to the end, no sentence end among them
_TAGS = re.compile(r"(?<![\w-])Tags" + SPACE + r"[^.!?]{0,300}$")
# a closing footnote line on a starred name: "Vale Front* is an organisation banned in Ruritania"
_FOOTNOTE = re.compile(r"(?:^|\n)[^\S\n]*[A-Z][\w'’ ()-]{0,60}\*[^\n]*\s*\Z")


def closing_cut(norm: str) -> int:
    """Where a closing tag line or footnote of ``norm`` (quote-normalised text) starts, else its length: neither
    holds labels nor the mentions co-reference reads (no "Tags", no search)."""
    tags = _TAGS.search(norm) if "Tags" in norm else None
    cut = tags.start() if tags is not None else len(norm)
    note = _FOOTNOTE.search(norm, 0, cut) if "*" in norm else None
    return note.start() if note is not None else cut


@dataclass
class Hit:
    """A matched term or head noun and, once decided, the camp it names, its category and how."""

    start: int
    end: int
    term: Term
    prefixed: bool
    camp: str | None = None
    category: str | None = None
    how: str = "unresolved"
    anti: bool = False  # right after "anti-": names no label after it


def category_of(term: Term, camp: str | None) -> str:
    """The category of ``term`` in its sense naming ``camp``, else its most marked one (a head noun: neutral)."""
    for c, category in term.senses:
        if c == camp:
            return category
    return max((cat for _c, cat in term.senses), key=MARKED.__getitem__, default="neutral")  # heads: neutral


def match_terms(norm: str, lex: LabelLexicon, cut: int) -> list[Hit]:
    """The lexicon's terms and head nouns in ``norm[:cut]``, less those in credits and titles."""
    hits = []
    for m in scan(lex.term_pattern, lex.term_starts, norm, 0, cut):
        term = lex.terms[lex.forms[m.group("term")]]
        s, e = m.start("term"), m.end("term")
        if term.not_followed_by and followed(norm, e, term.not_followed_by):
            continue
        if term.not_preceded_by and preceded(word_before(norm, m.start()), term.not_preceded_by):
            continue
        if in_credit(norm, m.start(), m.end()) or in_title(norm, m.start(), m.end()):
            continue
        if term.term.isupper() and in_capitals(norm, s, e):
            continue
        if after_anti(norm, s):  # "anti-Daesh": the name alone ("anti-ISIS groups" are not ISIS groups)
            hits.append(Hit(s, e, term, False, anti=True))
            continue
        hits.append(Hit(m.start(), m.end(), term, m.group("prefix") is not None))
    starts = [h.start for h in hits]
    for m in lex.head_pattern.finditer(norm, 0, cut):  # head nouns where no term matched ("Iranian ground troops")
        i = bisect_right(starts, m.start())
        if (i and hits[i - 1].end > m.start()) or (i < len(hits) and hits[i].start < m.end()):
            continue
        if word_after(norm, m.end()) in lex.head_terms[m.group("noun").lower()].not_followed_by:
            continue
        hits.insert(i, Hit(m.start(), m.end(), lex.head_terms[m.group("noun").lower()], False))
        starts.insert(i, m.start())
    return hits
