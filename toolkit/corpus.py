"""Corpora: reading articles from txt folders, CSV and JSON files into :class:`Article` records.

An :class:`Article` keeps its text exactly as decoded. Cleaning never rewrites it: site boilerplate,
photo captions, the title line and repeated paragraphs are *marked* as :class:`Section` spans, and
:attr:`Article.masked_text` blanks the boilerplate and duplicate spans (and inline markup such as
Sputnik's `` | `` element separators) with spaces, keeping the length and the newlines, so an
extractor can run on the masked text and its offsets still index :attr:`Article.text`.

:func:`load_corpus` picks a reader from the path (a folder or file of ``.txt`` articles, CSV,
JSON/JSONL), reads an optional ``corpus.yml`` manifest beside the data (or a bundled manifest from
``toolkit/manifests/`` for the known shared corpora), and never aborts on bad input: an unreadable
file, a broken CSV row or a JSON syntax error becomes a :class:`LoadProblem` and the rest loads.
Everything the loader changes or drops is written to :attr:`Corpus.log` as :class:`CleaningNote`.

Decisions worth knowing:

* Duplicate articles (same text after :func:`toolkit.text.normalize_quotes`, whitespace collapsing
  and case folding) are dropped, the later one, with a ``duplicate_article`` note naming both ids.
  Placeholder stubs ("DETAILS TO FOLLOW") are exempt: they are different stories without a text.
* A repeated id with a *different* text is kept under a suffixed id (``<id>#2``, ``<id>#3`` ...) with a
  ``duplicate_id`` note, so ids are unique in every corpus; a suffix never takes an id the input holds.
* Ids, titles and outlets are clean strings or ``None`` (``0`` is ``"0"``, NaN and blanks are ``None``);
  dates go through one parser, :func:`parse_date` (also used for records passed to ``analyze``).
* Only regular files inside the corpus folder are opened: subfolders, FIFOs, sockets, devices,
  dangling symlinks and paths leading outside (``allow_outside=False``) are problems. A text or field
  over ``max_chars`` (10 million by default) is a problem too.
* CSV rows are numbered like a spreadsheet: the header is row 1, the first record row 2.
* Outlet keys are lower-case (``"CNN (Web News)"`` becomes ``"cnn (web news)"``); the name as written
  is kept in ``meta["outlet_name"]``.
"""

from __future__ import annotations

import bisect
import collections.abc
import csv
import datetime
import functools
import io
import json
import math
import numbers
import os
import re
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

import pandas as pd

from toolkit.lexicon import LexiconError, line_of, load_yaml
from toolkit.text import LINE_BREAKS, n_words, normalize_quotes, paragraphs
from toolkit.vocab import ALIGNMENTS

__all__ = [
    "Section",
    "Article",
    "LoadProblem",
    "CleaningNote",
    "Corpus",
    "load_corpus",
    "article_from_text",
    "load_outlet_table",
    "parse_date",
]

FORMATS = ("txt", "csv", "json", "jsonl")

_PKG = Path(__file__).resolve().parent
MANIFEST_DIR = _PKG / "manifests"
OUTLETS_FILE = _PKG / "lexicons" / "outlets.yml"

# Field names tried, in order, when neither ``fields=`` nor a manifest names the column.
COMMON_FIELDS = {
    "id": ("id", "ID", "unit_id", "docid", "doc_id", "article_id"),
    "text": ("text", "content", "content_original", "article_content", "body", "texts"),
    "title": ("title", "head", "headline", "article_title"),
    "outlet": ("source", "outlet", "publisher"),
    "date": ("date", "published", "datetime", "time"),
}
# When both are present, the raw-text field wins over the tokenised one (allsides has both).
_TEXT_PREFERENCE = ("content_original", "article_content", "text", "body", "content", "texts")

# Site chrome. A paragraph of at most _BOILER_MAX_WORDS words is boilerplate when it starts like
# _BOILER_START or contains one of _BOILER_PHRASES (lower-case) or matches _BOILER_REGEX; the looser
# _BOILER_SHORT cues ("subscribe", "newsletter") count only in paragraphs of at most _SHORT_MAX_WORDS
# words, so a body sentence that mentions subscribing is left alone.
_BOILER_MAX_WORDS = 40
_SHORT_MAX_WORDS = 12
_BOILER_START = re.compile(
    r"\s*(?:\u00a9|\(c\)\s|copyright\b|advertisement\b|contributing:|(?:additional )?reporting by\b"
    r"|(?:writing|editing) by\b"
    r"|(?:read more|related|more on this)\s*[:.\u2026]*\s*$|(?:close|photo|video)\s*$|\[[\w ]+\]\s*$|[\W_]+$)",
    re.IGNORECASE,
)
_BOILER_PHRASES = (
    "all rights reserved", "want to leave a tip", "leaving a tip", "got a tip", "want to join the conversation",
    "already a subscriber", "contributed this report", "contributed to this report", "contributed this story",
    "contributed to this story", "story has been updated", "article has been updated", "post has been updated",
    "report has been updated", "story continued below", "continue reading the main story", "click here",
    "enlarge this image", "toggle caption", "got a story", "send us a tip", "send our newsroom",
    "comments are moderated", "share this story", "share this article", "terms of use", "privacy policy",
)
_BOILER_REGEX = re.compile(
    r"sign up for (?:our |daily |the )?\w*\s*newsletter|download (?:the|our) .{0,30}\bapp\b"
    r"|\u00a9\s*(?:copyright\s*)?(?:19|20)\d\d\b",  # a copyright notice inside a masthead or bio line
    re.IGNORECASE,
)
_BOILER_SHORT = re.compile(
    r"\bsubscribe\b|\bsubscription\b|\bnewsletters?\b|follow us\b|has been updated\b|sign up\b"
    r"|\bdonat(?:e|es|ion|ions)\b|support (?:our|independent) \w+ journalism",
    re.IGNORECASE,
)
# Photo captions: lead-ins, or a long paragraph ending with a parenthesised photo credit.
_CAPTION_START = re.compile(
    r"^\s*(?:this (?:image|photo|picture|undated)|in this (?:\w+ )?(?:photo|image|picture|file)"
    r"|file(?: photo)?\s*[-\u2013\u2014])",
    re.IGNORECASE,
)
_CAPTION_CREDIT = re.compile(
    r"\(([^()]{2,120})\)\s*$",
)
_CREDIT_WORDS = re.compile(r"\bvia\b|\bphoto\b|/|getty images|^\s*(?:ap|afp|reuters|epa)\s*$", re.IGNORECASE)
_CAPTION_MIN_WORDS = 12
# Sputnik-style photo line: "(c) <credit> | <caption>" (tested on the raw text, before markup is blanked).
_CREDIT_CAPTION = re.compile(r"^\s*\u00a9[^|\n]{1,100}\|\s*\S")
# Repeats of paragraphs shorter than this are structure ("Then:", a speaker's name), not scraping noise.
_DUPLICATE_MIN_WORDS = 5

_STUB = re.compile(r"^\W*(?:more )?details to follow\W*$|^\W*developing story\W*$", re.IGNORECASE)
# Sputnik-style flattened HTML: a pipe standing alone between spaces/line ends, and leftover tags.
_PIPE_MARKUP = re.compile(r"(?:(?<=\s)|^)\|(?=\s|$)|<[^<>\n]{1,300}>", re.MULTILINE)
_PIPE_PARAGRAPH = " | \n | "
# An HTML page instead of plain text: its scripts, styles, comments and tags are blanked as markup.
_HTML_DOC = re.compile(r"\A\ufeff?\s*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)
_HTML_BLOCK = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^<>]{1,1000}>", re.IGNORECASE | re.DOTALL)

_NOT_NEWLINE = re.compile(f"[^{LINE_BREAKS}]")
_SPACES = re.compile(r"\s+")
_FILENAME = re.compile(r"^(?P<outlet>[A-Za-z0-9-]+)_(?P<date>\d{4}-\d{2}-\d{2})_(?P<slug>.+)$")
_DATE_FORMATS = ("%Y-%m-%d", "%m/%d/%Y", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%d %B %Y", "%B %d, %Y")
_PUNCT_MIN_WORDS = 80  # an article this long with no comma and no apostrophe had its punctuation stripped
MAX_CHARS = 10_000_000  # default bound on one text or field (load_corpus(max_chars=...))
# Unix-seconds dates are believed only in this range (1990-01-01 to 2100-01-01); other numbers are unparsed.
_EPOCH_RANGE = (631152000, 4102444800)
_EPOCH = re.compile(r"^\d{9,10}(?:\.\d+)?$")
_SLASHED = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/\d{4}\s*$")
_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
# A paragraph that can be a title: some letter once tags and invisible format characters are removed.
_TAGS = re.compile(r"<[^<>]{0,300}>")


# --------------------------------------------------------------------------------------------- records


@dataclass(frozen=True)
class Section:
    """A marked span ``[start, end)`` of :attr:`Article.text`; ``kind`` is one of :data:`SECTION_KINDS`."""

    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class Article:
    """One article: raw text plus the spans that cleaning marked.

    Attributes:
        id: Unique id within its corpus (file stem, CSV/JSON id field, or ``<id>#2`` for a repeated id).
        outlet: Lower-case outlet key, or ``None`` when unknown.
        date: Publication date, or ``None`` when missing or unparseable.
        title: The title, from a field, the manifest or the first text line.
        text: The text exactly as decoded; never rewritten.
        sections: The text's paragraphs in order, each marked with its kind.
        meta: Source file, row/line, alignment, ``flags`` (a tuple) and all other input fields.
        markup: Spans of inline markup (e.g. Sputnik's `` | ``) that :attr:`masked_text` blanks.
    """

    id: str
    outlet: str | None
    date: datetime.date | None
    title: str | None
    text: str
    sections: tuple[Section, ...]
    meta: dict = field(default_factory=dict)
    markup: tuple[tuple[int, int], ...] = ()

    @functools.cached_property
    def masked_text(self) -> str:
        """The text with boilerplate, duplicate and markup spans replaced by spaces (newlines kept).

        Same length as :attr:`text`, so offsets found in it index the raw text.
        """
        spans = [(s.start, s.end) for s in self.sections if s.kind in ("boilerplate", "duplicate")]
        return _blank(self.text, spans + list(self.markup))

    @functools.cached_property
    def _starts(self) -> list[int]:
        return [s.start for s in self.sections]

    def section_at(self, offset: int) -> str:
        """The kind of the section containing ``offset`` (``"body"`` outside every section)."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self.sections[i].end:
            return self.sections[i].kind
        return "body"

    @property
    def flags(self) -> tuple[str, ...]:
        """The article's flags (``meta["flags"]``), e.g. ``("punctuation_stripped",)``."""
        return tuple(self.meta.get("flags", ()))


@dataclass(frozen=True)
class LoadProblem:
    """A file, row or line that could not be read. ``unit`` is ``"row"`` (CSV) or ``"line"``."""

    path: str
    line: int | None
    why: str
    unit: str = "line"

    def __str__(self) -> str:
        where = f"{self.path}, {self.unit} {self.line}" if self.line is not None else self.path
        return f"{where}: {self.why}"


@dataclass(frozen=True)
class CleaningNote:
    """One thing cleaning did: ``boilerplate``, ``duplicate_paragraph``, ``duplicate_article``,
    ``duplicate_id``, ``punctuation_stripped``, ``encoding_fallback``, ``stub``, ``unparsed_date``,
    ``ambiguous_date`` (a slashed date read month first), ``epoch_date`` (a number read as Unix
    seconds), ``lone_surrogate`` (replaced by U+FFFD), ``unsafe_filename`` (a file name that is not
    UTF-8, shown with ``\\x`` escapes), ``ignored_field`` (a list or mapping where a value belongs),
    ``html_markup``."""

    article_id: str
    action: str
    start: int | None
    end: int | None
    detail: str


# --------------------------------------------------------------------------------------------- corpus


class Corpus(collections.abc.Sequence):
    """An ordered, read-only collection of :class:`Article` with its provenance and cleaning log.

    Args:
        articles: The articles, in order.
        name, description, source, license: From the manifest (empty when none).
        alignment: Outlet key -> alignment; unknown outlets are ``"other"``.
        problems: What could not be read.
        log: What cleaning did.
        flags: Corpus-level flags such as ``"punctuation_stripped"``.
    """

    def __init__(
        self,
        articles: Iterable[Article],
        *,
        name: str = "",
        description: str = "",
        source: str = "",
        license: str = "",  # noqa: A002 - the manifest's field name
        alignment: dict[str, str] | None = None,
        problems: list[LoadProblem] | None = None,
        log: list[CleaningNote] | None = None,
        flags: set[str] | None = None,
    ):
        self._articles = list(articles)
        self._by_id = {a.id: a for a in self._articles}
        self.name, self.description, self.source, self.license = name, description, source, license
        self.alignment = {k.lower(): v for k, v in (alignment or {}).items()}
        self.problems = list(problems or [])
        self.log = list(log or [])
        self.flags = set(flags or ())

    def __len__(self) -> int:
        return len(self._articles)

    def __getitem__(self, index):
        return self._articles[index]

    def __iter__(self) -> Iterator[Article]:
        return iter(self._articles)

    def __repr__(self) -> str:
        return f"<Corpus {self.name or '(unnamed)'}: {len(self)} articles, {len(self.problems)} problems>"

    def get(self, article_id: str) -> Article | None:
        """The article with this id, or ``None``."""
        return self._by_id.get(article_id)

    def alignment_of(self, outlet: str | None) -> str:
        """The alignment of an outlet (case-insensitive); ``"other"`` if unknown."""
        if not outlet:
            return "other"
        return self.alignment.get(_outlet_key(outlet), "other")

    def rows(self) -> list[dict]:
        """One dict of plain Python values per article: id, outlet, alignment, date, title, n_chars,
        n_words, flags, source (the rows of :meth:`to_frame`, and of the ``articles`` table).

        ``n_words`` counts words in :attr:`Article.masked_text`; ``flags`` is a ``;``-joined string.
        """
        return [
            {
                "id": a.id,
                "outlet": a.outlet,
                "alignment": self.alignment_of(a.outlet),
                "date": a.date,
                "title": a.title,
                "n_chars": len(a.text),
                "n_words": n_words(a.masked_text),
                "flags": ";".join(a.flags),
                "source": a.meta.get("source", ""),
            }
            for a in self._articles
        ]

    def to_frame(self) -> pd.DataFrame:
        """One row per article: id, outlet, alignment, date, title, n_chars, n_words, flags, source
        (see :meth:`rows`)."""
        cols = ["id", "outlet", "alignment", "date", "title", "n_chars", "n_words", "flags", "source"]
        return pd.DataFrame(self.rows(), columns=cols)

    def summary(self) -> str:
        """A plain-text report: counts, outlets, dates, what cleaning removed, problems and flags."""
        actions = collections.Counter(n.action for n in self.log)
        outlets = collections.Counter(a.outlet or "(none)" for a in self._articles)
        dates = sorted(a.date for a in self._articles if a.date)
        undated = sum(1 for a in self._articles if a.date is None)
        lines = [f"Corpus {self.name or '(unnamed)'}: {len(self)} articles"]
        if self.description:
            lines.append(f"  {self.description}")
        if self.source:
            lines.append(f"  source: {self.source}")
        if self.license:
            lines.append(f"  license: {self.license}")
        lines.append(f"Outlets ({len(outlets)}): " + ", ".join(
            f"{o} {n} [{self.alignment_of(o)}]" for o, n in outlets.most_common()))
        if dates:
            lines.append(f"Dates: {dates[0]} to {dates[-1]}; {undated} undated")
        else:
            lines.append(f"Dates: none; {undated} undated")
        lines.append(
            f"Cleaning: {actions['duplicate_article']} duplicate articles dropped, "
            f"{actions['duplicate_id']} repeated ids renamed, "
            f"{actions['boilerplate']} boilerplate paragraphs and "
            f"{actions['duplicate_paragraph']} repeated paragraphs masked, "
            f"{actions['stub']} stubs flagged, {actions['encoding_fallback']} encoding fallbacks, "
            f"{actions['unparsed_date']} unparsed dates"
        )
        others = [f"{n} {act}" for act, n in sorted(actions.items()) if act in _OTHER_ACTIONS]
        if others:
            lines.append("  also: " + ", ".join(others))
        if self.flags:
            lines.append("Flags: " + ", ".join(sorted(self.flags)))
        if "punctuation_stripped" in self.flags:
            lines.append(
                "  punctuation_stripped: the source removed commas and apostrophes; "
                "punctuation-based quote attribution and sentiment are unreliable here"
            )
        lines.append(f"Problems: {len(self.problems)}")
        lines.extend(f"  {p}" for p in self.problems)
        return "\n".join(lines)


# Notes the summary lists on their own line, when present.
_OTHER_ACTIONS = ("ambiguous_date", "epoch_date", "lone_surrogate", "unsafe_filename", "ignored_field")

# --------------------------------------------------------------------------------------------- cleaning


def _blank(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with the characters of ``spans`` replaced by spaces, except line breaks."""
    out, pos = [], 0
    for start, end in sorted(spans):
        start = max(start, pos)
        if start >= end:
            continue
        out.append(text[pos:start])
        out.append(_NOT_NEWLINE.sub(" ", text[start:end]))
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _quote_pattern() -> re.Pattern:
    """A character class of the non-space characters that :func:`normalize_quotes` changes."""
    sample = "".join(map(chr, range(128, 0x10000)))
    changed = [a for a, b in zip(sample, normalize_quotes(sample)) if a != b and not a.isspace()]
    return re.compile("[" + re.escape("".join(changed)) + "]")


_QUOTES = _quote_pattern()


def _norm(text: str) -> str:
    """Key for duplicate detection: quotes as :func:`normalize_quotes` maps them, whitespace collapsed,
    case folded. Only the quote characters go through ``normalize_quotes`` (much faster on long texts)."""
    return " ".join(_QUOTES.sub(lambda m: normalize_quotes(m.group()), text).split()).casefold()


def _is_boilerplate(para: str, n_words: int) -> bool:
    if n_words > _BOILER_MAX_WORDS:
        return False
    if _BOILER_START.match(para):
        return True
    low = para.lower()
    if any(p in low for p in _BOILER_PHRASES):
        return True
    if ("newsletter" in low or "download" in low or "\u00a9" in low) and _BOILER_REGEX.search(para):
        return True
    return n_words <= _SHORT_MAX_WORDS and bool(_BOILER_SHORT.search(para))


def _is_caption(para: str) -> bool:
    if _CAPTION_START.match(para):
        return True
    if not para.endswith(")"):
        return False
    m = _CAPTION_CREDIT.search(para, max(0, len(para) - 125))
    return bool(m) and len(para.split()) >= _CAPTION_MIN_WORDS and bool(_CREDIT_WORDS.search(m.group(1)))


def _pipe_markup(text: str) -> tuple[tuple[int, int], ...]:
    return tuple((m.start(), m.end()) for m in _PIPE_MARKUP.finditer(text))


def article_from_text(
    text: str,
    id: str = "text",  # noqa: A002 - the record's field name
    *,
    outlet: str | None = None,
    date: datetime.date | None = None,
    title: str | None = None,
    title_line: bool = False,
    markup: bool | None = None,
    meta: dict | None = None,
) -> tuple[Article, list[CleaningNote]]:
    """Mark the sections of one text and build its :class:`Article`.

    Args:
        text: The raw text; kept as is.
        id: The article id.
        outlet, date, title: Metadata; ``outlet`` is lower-cased.
        title_line: If true, the first paragraph of real text is the title (txt files): boilerplate
            ("Advertisement"), photo captions and paragraphs with no letter once tags and invisible
            characters are removed (punctuation, emoji, zero-width spaces, ``<p></p>``) are passed
            over, and there is no title if no paragraph qualifies; otherwise only a first paragraph
            equal to ``title`` is marked ``title``.
        markup: Blank Sputnik-style `` | `` element separators and leftover tags; ``None`` detects
            them (the paragraph separator `` | \\n | `` is present).
        meta: Extra metadata (copied).

    Returns:
        The article and the cleaning notes for it (boilerplate, duplicate paragraphs, stub).
    """
    notes: list[CleaningNote] = []
    html = markup is None and bool(_HTML_DOC.match(text))
    if markup is None:
        markup = _PIPE_PARAGRAPH in text or html
    marks = _pipe_markup(text) if markup else ()
    if html:  # a web page saved as text: blank script/style/comment blocks and every tag
        marks = tuple(sorted(marks + tuple((m.start(), m.end()) for m in _HTML_BLOCK.finditer(text))))
        notes.append(CleaningNote(id, "html_markup", None, None, f"HTML page: {len(marks)} tag and script spans blanked"))
    view = _blank(text, marks) if marks else text
    sections: list[Section] = []
    seen: dict[str, int] = {}
    title_key = _norm(title) if title else None
    need_title = True
    for para in paragraphs(view):
        raw = text[para.start:para.end]
        para_words = len(para.text.split())
        key = _norm(para.text) if para_words >= _DUPLICATE_MIN_WORDS or title_key else None
        if _CREDIT_CAPTION.match(raw):
            kind = "caption"
        elif _is_boilerplate(para.text, para_words):
            kind = "boilerplate"
            notes.append(CleaningNote(id, "boilerplate", para.start, para.end, para.text[:60]))
        elif key in seen and para_words >= _DUPLICATE_MIN_WORDS:
            kind = "duplicate"
            notes.append(CleaningNote(id, "duplicate_paragraph", para.start, para.end,
                                      f"repeats the paragraph at offset {seen[key]}"))
        elif need_title and (title_line and _titled(para.text) if title_line
                             else key is not None and key == title_key):
            kind = "title"
            if title is None:
                title = " ".join(para.text.split()) if html else para.text
        elif _is_caption(para.text):
            kind = "caption"
        else:
            kind = "body"
        if kind not in ("boilerplate", "duplicate"):
            if not (title_line and kind != "title" and not _titled(para.text)):
                need_title = False
            if key is not None:
                seen.setdefault(key, para.start)
        sections.append(Section(para.start, para.end, kind))
    meta = dict(meta or {})
    flags = set(meta.get("flags", ()))
    body = " ".join(view[s.start:s.end] for s in sections if s.kind == "body")
    if _STUB.match(body or view) or str(meta.get("is_stub", "")).strip() in ("1", "true", "True"):
        flags.add("stub")
        notes.append(CleaningNote(id, "stub", None, None, "placeholder text, no article body"))
    meta["flags"] = tuple(sorted(flags))
    article = Article(id, _outlet_key(outlet) if outlet else None, date, title, text, tuple(sections),
                      meta, marks)
    return article, notes


def _titled(para: str) -> bool:
    """True if a txt paragraph can be the title: it has a letter once tags and format characters
    (zero-width spaces, joiners, BOM) are removed, and it is not a photo caption."""
    bare = _TAGS.sub("", para) if "<" in para else para
    return any(ch.isalpha() for ch in bare) and not _is_caption(para) and not _CREDIT_CAPTION.match(para)


def _outlet_key(outlet: str) -> str:
    return _SPACES.sub(" ", str(outlet)).strip().lower()


def parse_date(value: Any, fmt: str | None = None) -> tuple[datetime.date | None, str | None, str]:
    """The one date parser of the package: ``(date, note action, detail)``.

    ``value`` may be a date, a string (``fmt`` first, then ISO, M/D/YYYY, "1 May 2015", ...), or a
    number of Unix seconds. The action is ``None`` when nothing needs saying, ``"epoch_date"`` when a
    number was read as Unix seconds (only between 1990 and 2100), ``"ambiguous_date"`` when a slashed
    date with both parts at most 12 was read month first (a manifest ``date_format`` silences it),
    or ``"unparsed_date"`` (the date is then ``None``). Missing values (``None``, NaN, NaT, ``""``,
    ``"nan"``) give ``(None, None, "")``.
    """
    if value is None or value is pd.NaT:
        return None, None, ""
    if isinstance(value, datetime.datetime):
        return value.date(), None, ""
    if isinstance(value, datetime.date):
        return value, None, ""
    if isinstance(value, bool):
        return None, "unparsed_date", repr(value)
    if isinstance(value, numbers.Real):
        if isinstance(value, float) and not math.isfinite(value):
            return None, None, ""
        return _epoch(float(value), repr(value))
    if not isinstance(value, str):
        return None, "unparsed_date", f"{type(value).__name__} {str(value)[:60]!r}"
    s = value.strip()
    if not s or s.lower() in ("nan", "none", "null", "na", "nat"):
        return None, None, ""
    for f in ((fmt,) if fmt else ()) + _DATE_FORMATS:
        try:
            date = datetime.datetime.strptime(s, f).date()
        except ValueError:
            continue
        m = _SLASHED.match(s) if f == "%m/%d/%Y" and not fmt else None
        if m and m.group(1) != m.group(2) and int(m.group(1)) <= 12 and int(m.group(2)) <= 12:
            return date, "ambiguous_date", f"{s!r} read month first as {date}; set date_format in corpus.yml"
        return date, None, ""
    try:
        return datetime.date.fromisoformat(s[:10]), None, ""
    except ValueError:
        pass
    if _EPOCH.match(s):
        return _epoch(float(s), repr(s))
    return None, "unparsed_date", repr(s[:200])


def _epoch(seconds: float, shown: str) -> tuple[datetime.date | None, str, str]:
    if _EPOCH_RANGE[0] <= seconds < _EPOCH_RANGE[1]:
        date = datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc).date()
        return date, "epoch_date", f"{shown} read as Unix seconds: {date}"
    return None, "unparsed_date", f"{shown} (a number, not plausible as Unix seconds 1990-2100)"


def _parse_date(value: Any, fmt: str | None = None) -> datetime.date | None | str:
    """A date from a value; ``None`` if empty; the value as a string if unparseable (see :func:`parse_date`)."""
    date, action, _detail = parse_date(value, fmt)
    if action == "unparsed_date":
        return str(value)
    return date


def _scalar(value: Any) -> str | None:
    """A metadata value (id, title, outlet) as a clean string, or ``None`` when missing.

    ``None``, NaN, blank strings and containers give ``None``; numbers are written as integers when
    whole (``5`` and ``5.0`` give ``"5"``); lone surrogates become U+FFFD.
    """
    if value is None or isinstance(value, (dict, list, tuple, set)) or value is pd.NaT:
        return None
    if isinstance(value, float) or (isinstance(value, numbers.Real) and not isinstance(value, numbers.Integral)):
        value = float(value)
        if not math.isfinite(value):
            return None
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return str(int(value))
    text = value if isinstance(value, str) else str(value)
    if not text.strip():
        return None
    return _SURROGATE.sub("\ufffd", text)


def _first(*values: Any) -> Any:
    """The first value that is not ``None`` (so ``0`` and ``False`` count; ``or`` would skip them)."""
    for v in values:
        if v is not None:
            return v
    return None


def _fs(path: Any) -> str:
    """A path as a string that encodes as UTF-8: undecodable file-name bytes as ``\\xff`` escapes."""
    s = str(path)
    try:
        s.encode("utf-8")
        return s
    except UnicodeEncodeError:
        pass
    try:
        raw = os.fsencode(s)
    except UnicodeEncodeError:
        raw = s.encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "backslashreplace")


def _scrub(value: Any, count: list) -> Any:
    """``value`` (parsed JSON) with every lone surrogate in its strings replaced by U+FFFD, counted."""
    if isinstance(value, str):
        fixed, n = _SURROGATE.subn("\ufffd", value)
        count[0] += n
        return fixed
    if isinstance(value, dict):
        return {_scrub(k, count): _scrub(v, count) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrub(v, count) for v in value]
    return value


def _punctuation_stripped(text: str, min_words: int = _PUNCT_MIN_WORDS) -> bool:
    """True if ``text`` has no comma and no apostrophe in at least ``min_words`` words."""
    return ("," not in text and "'" not in text and "\u2019" not in text
            and n_words(text) >= min_words)


def _long(article: Article) -> bool:
    return n_words(article.masked_text) >= _PUNCT_MIN_WORDS


# --------------------------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class _Raw:
    """One record as read, before cleaning: its fields and where it came from."""

    fields: dict
    path: str
    line: int | None
    unit: str
    title_line: bool = False


def _decode(path: Path, encoding: str | None, problems: list, log: list) -> str | None:
    """Read and decode a file: UTF-8 (with or without BOM), then cp1252 (logged); problems recorded.

    Only a regular file is opened (a FIFO would block forever); a file name that is not valid UTF-8
    is logged (``unsafe_filename``) and shown with ``\\x`` escapes.
    """
    shown = _fs(path)
    if shown != str(path):
        log.append(CleaningNote(_fs(path.name), "unsafe_filename", None, None,
                                f"{shown}: file name is not valid UTF-8; its bytes are shown as \\x escapes"))
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            problems.append(LoadProblem(shown, None, "not a regular file (never opened)"))
            return None
        data = path.read_bytes()
    except OSError as exc:
        problems.append(LoadProblem(shown, None, f"cannot read file ({exc.strerror or exc})"))
        return None
    if not data.strip():
        problems.append(LoadProblem(shown, None, "empty file"))
        return None
    if b"\x00" in data[:8192]:
        problems.append(LoadProblem(shown, None, "binary file (contains NUL bytes), not text"))
        return None
    tried = (encoding,) if encoding else ("utf-8-sig", "cp1252")
    for enc in tried:
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        if enc != tried[0]:
            log.append(CleaningNote(_fs(path.name), "encoding_fallback", None, None,
                                    f"{shown}: not valid {tried[0]}, decoded as {enc}"))
        return text
    problems.append(LoadProblem(shown, None, f"cannot decode as {' or '.join(tried)}"))
    return None


def _read_txt(path: Path, encoding, problems, log) -> Iterator[_Raw]:
    text = _decode(path, encoding, problems, log)
    if text is not None:
        yield _Raw({"text": text, "_file": _fs(path.name)}, _fs(path), None, "line", title_line=True)


class _Lines:
    """The lines of a text (line ends kept) as an iterator whose position can be moved, so the CSV
    reader can go on after a malformed record at the line where the next record starts."""

    def __init__(self, text: str):
        self.lines = io.StringIO(text, newline="").readlines()
        self.pos = 0

    def __iter__(self):
        return self

    def __next__(self) -> str:
        if self.pos >= len(self.lines):
            raise StopIteration
        self.pos += 1
        return self.lines[self.pos - 1]

    def record_end(self, start: int) -> int:
        """Where the record starting at line index ``start`` ends, read leniently (a stray quote is
        taken as text, a quoted field may span lines): the index of the line after it."""
        lenient = csv.reader(iter(self.lines[start:]), strict=False)
        try:
            next(lenient)
        except (StopIteration, csv.Error):
            return len(self.lines)
        return start + max(lenient.line_num, 1)


def _read_csv(path: Path, encoding, problems, log) -> Iterator[_Raw]:
    text = _decode(path, encoding, problems, log)
    if text is None:
        return
    csv.field_size_limit(1 << 30)
    lines = _Lines(text)
    # strict: a stray quote raises instead of silently gluing the next record into this one
    reader = csv.reader(lines, strict=True)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        problems.append(LoadProblem(_fs(path), 1, f"no CSV header ({exc})", "row"))
        return
    header = [h.strip() for h in header]
    row = 1
    while True:
        row += 1
        start = lines.pos
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            # go on where the broken record ends (read leniently), so its other lines are not read as
            # records of their own and the rows after it keep their numbers
            lines.pos = lines.record_end(start)
            reader = csv.reader(lines, strict=True)
            if lines.pos <= start + 1:
                where = f"line {start + 1} is skipped"
            else:
                where = (f"lines {start + 1}-{lines.pos} are skipped (one record whose quoted field spans them, "
                         "or an open quote that ran on: then records on them are lost)")
            problems.append(LoadProblem(_fs(path), row, f"malformed CSV ({exc}); {where}", "row"))
            continue
        if not values:
            continue
        if len(values) != len(header):
            hint = " (an unclosed quote?)" if len(values) < len(header) and any("\n" in v for v in values) else ""
            problems.append(LoadProblem(_fs(path), row, f"expected {len(header)} fields, got {len(values)}{hint}",
                                        "row"))
            continue
        yield _Raw(dict(zip(header, values)), _fs(path), row, "row")


def _json_load(text: str) -> Any:
    """``json.loads``, raising :class:`_JSONFailure` with a line and a reason instead of the many
    ways the parser can fail (syntax, a number over Python's digit limit, nesting too deep)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise _JSONFailure(exc.lineno, f"not JSON ({exc.msg})") from None
    except RecursionError:
        off = _too_deep(text)
        raise _JSONFailure(text.count("\n", 0, off) + 1 if off is not None else None,
                           "JSON nested too deeply to read (thousands of levels)") from None
    except ValueError as exc:  # e.g. an integer with more digits than sys.get_int_max_str_digits()
        m = re.search(r"\d{%d,}" % _int_digits(), text)
        line = text.count("\n", 0, m.start()) + 1 if m else None
        digits = f"a number of {len(m.group())} digits; " if m else ""
        raise _JSONFailure(line, f"unreadable JSON value ({digits}{exc})") from None


class _JSONFailure(Exception):
    def __init__(self, line: int | None, why: str):
        super().__init__(why)
        self.line, self.why = line, why


def _int_digits() -> int:
    limit = getattr(sys, "get_int_max_str_digits", lambda: 4300)()
    return (limit or 4300) + 1


def _too_deep(text: str, depth: int = 500) -> int | None:
    """The offset where JSON brackets (outside strings) first nest ``depth`` deep, if they do."""
    level = 0
    for m in re.finditer(r'"(?:[^"\\]|\\.)*"|[\[{]|[\]}]', text):
        c = m.group()
        if c in "[{":
            level += 1
            if level >= depth:
                return m.start()
        elif c in "]}":
            level -= 1
    return None


def _json_clean(obj: Any, line_text: str, path: Path, where: str, log: list) -> Any:
    """Replace lone surrogate escapes (``"\\ud83d"``: not encodable as UTF-8) by U+FFFD, logged."""
    if not _SURROGATE_ESCAPE.search(line_text):
        return obj
    count = [0]
    obj = _scrub(obj, count)
    if count[0]:
        log.append(CleaningNote(_fs(path.name), "lone_surrogate", None, None,
                                f"{where}: {count[0]} lone surrogate escapes replaced by U+FFFD"))
    return obj


def _read_json(path: Path, encoding, problems, log) -> Iterator[_Raw]:
    text = _decode(path, encoding, problems, log)
    if text is None:
        return
    shown = _fs(path)
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        # JSON Lines are separated by \n only: str.splitlines() would also split inside strings that hold
        # U+2028, U+0085 or a form feed, which JSON allows unescaped
        for n, line in enumerate(text.split("\n"), 1):
            if not line.strip():
                continue
            try:
                obj = _json_load(line)
            except _JSONFailure as exc:
                problems.append(LoadProblem(shown, n, exc.why))
                continue
            if not isinstance(obj, dict):
                problems.append(LoadProblem(shown, n, f"expected a JSON object, got {type(obj).__name__}"))
                continue
            try:
                obj = _json_clean(obj, line, path, f"{shown}, line {n}", log)
            except RecursionError:
                problems.append(LoadProblem(shown, n, "JSON nested too deeply to read"))
                continue
            yield _Raw(obj, shown, n, "line")
        return
    try:
        obj = _json_load(text)
        obj = _json_clean(obj, text, path, shown, log)
    except _JSONFailure as exc:
        problems.append(LoadProblem(shown, exc.line, exc.why))
        return
    except RecursionError:
        problems.append(LoadProblem(shown, None, "JSON nested too deeply to read"))
        return
    items = obj if isinstance(obj, list) else [obj]
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict):
            problems.append(LoadProblem(shown, None, f"item {n}: expected a JSON object, got "
                                                     f"{type(item).__name__}"))
            continue
        yield _Raw(item, shown, None if len(items) == 1 else n, "item" if len(items) > 1 else "line")


_READERS = {"txt": _read_txt, "csv": _read_csv, "json": _read_json, "jsonl": _read_json}
_SUFFIXES = {".txt": "txt", ".csv": "csv", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl"}


def _inside(target: Path, root: Path) -> bool:
    return target == root or root in target.parents


def _refusal(p: Path, root: Path, allow_outside: bool) -> str | None:
    """Why a folder entry is not read (``None``: a regular file to read). Uses ``lstat``/``stat`` only:
    nothing is opened, so a FIFO cannot block."""
    try:
        st = os.lstat(p)
    except OSError as exc:
        return f"cannot read ({exc.strerror or exc})"
    if stat.S_ISLNK(st.st_mode):
        try:
            target = p.resolve(strict=True)
            st = os.stat(p)
        except (OSError, RuntimeError):
            return "skipped: a dangling symlink (its target does not exist)"
        if not allow_outside and not _inside(target, root):
            return (f"refused: a symlink to {_fs(target)}, outside the corpus folder "
                    "(pass load_corpus(..., allow_outside=True) to read it)")
    mode = st.st_mode
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "skipped: a subfolder; files in subfolders are not read (load that folder on its own)"
    kind = ("a FIFO (named pipe)" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device file" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "a special file")
    return f"skipped: {kind}, not a regular file (never opened)"


def _folder_files(path: Path, root: Path, allow_outside: bool, problems: list) -> list[Path]:
    """The regular files directly in ``path`` (sorted; hidden names left out) and a problem for each
    other entry: subfolders, FIFOs, sockets, devices, dangling symlinks, symlinks leaving ``root``."""
    try:
        names = sorted(os.listdir(path))
    except OSError as exc:
        problems.append(LoadProblem(_fs(path), None, f"cannot list folder ({exc.strerror or exc})"))
        return []
    out = []
    for name in names:
        if name.startswith("."):
            continue
        p = path / name
        why = _refusal(p, root, allow_outside)
        if why is None:
            out.append(p)
        else:
            problems.append(LoadProblem(_fs(p), None, why))
    return out


def _detect_format(path: Path, files: list[Path] | None = None) -> str | None:
    if files is None:
        return _SUFFIXES.get(path.suffix.lower())
    counts = collections.Counter(_SUFFIXES.get(p.suffix.lower()) for p in files)
    counts.pop(None, None)
    return counts.most_common(1)[0][0] if counts else None


# Files a folder may hold beside its articles without being reported (documentation, manifests).
_DOC_SUFFIXES = (".md", ".yml", ".yaml")


def _skipped_files(files: list[Path], fmt: str) -> list[LoadProblem]:
    """A problem for each file of a manifest-less folder that is not read as ``fmt``, so none is lost silently."""
    out = []
    read = {s for s, f in _SUFFIXES.items() if f == fmt or (fmt == "json" and f == "jsonl")}
    for p in files:
        suffix = p.suffix.lower()
        if suffix in read or suffix in _DOC_SUFFIXES:
            continue
        if suffix in _SUFFIXES:
            why = (f"skipped: a {_SUFFIXES[suffix]} file in a folder read as {fmt} "
                   "(load it on its own, or name the format in a corpus.yml)")
        else:
            why = f"skipped: not a corpus file ({suffix or 'no suffix'}); expected .txt, .csv, .json or .jsonl"
        out.append(LoadProblem(_fs(p), None, why))
    return out


def _data_files(files: list[Path], fmt: str) -> list[Path]:
    suffixes = {s for s, f in _SUFFIXES.items() if f == fmt or (fmt == "json" and f == "jsonl")}
    return [p for p in files if p.suffix.lower() in suffixes]


# --------------------------------------------------------------------------------------------- manifests


def load_outlet_table(path: str | Path = OUTLETS_FILE) -> dict[str, str]:
    """Outlet key -> alignment from an outlets YAML file (``groups:`` of outlets sharing an alignment).

    Raises:
        LexiconError: naming file and line, when the file is malformed or an alignment is unknown.
    """
    data = load_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("groups"), list):
        raise LexiconError(path, line_of(data, 1), "expected a mapping with a 'groups' list")
    table: dict[str, str] = {}
    for group in data["groups"]:
        line = line_of(group, line_of(data["groups"]))
        if not isinstance(group, dict) or group.get("alignment") not in ALIGNMENTS:
            raise LexiconError(path, line, f"each group needs an alignment in {ALIGNMENTS}")
        if not group.get("why") or not group.get("source"):
            raise LexiconError(path, line, "each group needs a 'why' and a 'source'")
        outlets = group.get("outlets")
        if not isinstance(outlets, dict) or not outlets:
            raise LexiconError(path, line, "'outlets' must map outlet keys to display names")
        for key in outlets:
            if not isinstance(key, str) or not key.strip():
                raise LexiconError(path, line_of(outlets, line), f"outlet key {key!r} is not a name (quote it)")
            table[_outlet_key(key)] = group["alignment"]
    return table


@functools.lru_cache(maxsize=1)
def _default_outlets() -> dict[str, str]:
    return load_outlet_table(OUTLETS_FILE)


def _bundled_manifest(path: Path) -> tuple[Path, dict] | None:
    """The bundled manifest whose ``match`` suffixes end ``path`` (e.g. ``corpora/fakes``)."""
    parts = path.resolve().parts
    for mf in sorted(MANIFEST_DIR.glob("*.yml")):
        data = load_yaml(mf)
        for suffix in data.get("match", []):
            want = tuple(Path(suffix).parts)
            if parts[-len(want):] == want:
                return mf, data
    return None


def _manifest(path: Path, manifest, problems: list) -> tuple[dict, Path | None, str]:
    """The manifest to use, the folder its relative paths start from, and its name for problems."""
    if isinstance(manifest, dict):
        return manifest, path if path.is_dir() else path.parent, "manifest"
    candidates = []
    if manifest is not None:
        candidates.append(Path(manifest))
    else:
        folder = path if path.is_dir() else path.parent
        candidates.append(folder / "corpus.yml")
    for mf in candidates:
        if not mf.exists():
            if manifest is not None:
                problems.append(LoadProblem(str(mf), None, "manifest not found"))
            continue
        try:
            data = load_yaml(mf)
        except LexiconError as exc:
            problems.append(LoadProblem(_fs(exc.path), exc.line, f"manifest ignored: {exc.why}"))
            continue
        if not isinstance(data, dict):
            problems.append(LoadProblem(_fs(mf), None, "manifest ignored: not a mapping"))
            continue
        return data, mf.parent, _fs(mf)
    found = _bundled_manifest(path)
    if found:
        return found[1], None, _fs(found[0])
    return {}, None, "manifest"


# The type each manifest field must have; a field of another type is a problem and is ignored.
_MANIFEST_TYPES = {
    "name": str, "description": str, "source": str, "license": str, "format": str, "data": str,
    "outlet": str, "date_format": str, "markup": str, "default_alignment": str,
    "fields": dict, "alignment": dict, "articles": list, "match": list,
}
_TYPE_WORDS = {str: "a string", dict: "a mapping", list: "a list"}


def _key_line(mf_name: str, key: str) -> int | None:
    """The line of a top-level ``key:`` in a manifest file (scalars do not keep their line)."""
    try:
        if not stat.S_ISREG(os.stat(mf_name).st_mode):
            return None
        with open(mf_name, encoding="utf-8-sig", errors="replace") as fh:
            for n, line in enumerate(fh, 1):
                if re.match(rf"{re.escape(key)}\s*:", line):
                    return n
    except OSError:
        return None
    return None


def _checked_manifest(mf: dict, mf_name: str, problems: list) -> dict:
    """The manifest with every wrongly typed or invalid field dropped, each a problem naming its line."""
    out: dict = {}

    def bad(key, value, expected, parent=None):
        line = line_of(value) or line_of(parent) or _key_line(mf_name, key.split(".")[0]) or line_of(mf)
        got = type(value).__name__
        problems.append(LoadProblem(mf_name, line, f"manifest field {key!r} ignored: expected {expected}, "
                                                   f"got {got} {str(value)[:60]!r}"))

    for key, value in mf.items():
        want = _MANIFEST_TYPES.get(key) if isinstance(key, str) else None
        if want is None or value is None:
            if value is not None:
                out[key] = value
            continue
        if want is str and key in ("name", "description", "source", "license", "outlet") \
                and isinstance(value, (int, float)) and not isinstance(value, bool):
            value = _scalar(value)
        if not isinstance(value, want):
            bad(key, value, _TYPE_WORDS[want])
            continue
        if key == "format" and value not in FORMATS:
            bad(key, value, f"one of {FORMATS}")
            continue
        if key == "default_alignment" and value not in ALIGNMENTS:
            bad(key, value, f"one of {ALIGNMENTS}")
            continue
        if key == "markup" and value.lower() not in ("pipe", "none"):
            bad(key, value, "'pipe' or 'none'")
            continue
        if key == "fields":
            kept = {}
            for role, col in value.items():
                if role not in COMMON_FIELDS or not isinstance(col, str):
                    bad(f"fields.{role}", col, f"a column name (string) for one of {tuple(COMMON_FIELDS)}", value)
                else:
                    kept[role] = col
            value = kept
        if key == "alignment":
            kept = {}
            for outlet_name, align in value.items():
                if not isinstance(outlet_name, (str, int)) or not isinstance(align, str):
                    bad(f"alignment.{outlet_name}", align, "outlet: alignment (strings)", value)
                else:
                    kept[str(outlet_name)] = align
            value = type(mf.get("alignment"))(kept) if isinstance(mf.get("alignment"), dict) else kept
            if hasattr(mf.get("alignment"), "line"):
                value.line = mf["alignment"].line
        out[key] = value
    return out


def _check_alignment(table, mf_path: str, problems: list) -> dict[str, str]:
    out = {}
    for outlet, value in (table or {}).items():
        if value not in ALIGNMENTS:
            problems.append(LoadProblem(mf_path, line_of(table),
                                        f"alignment {value!r} of {outlet!r} is not one of {ALIGNMENTS}; using 'other'"))
            value = "other"
        out[_outlet_key(outlet)] = value
    return out


# --------------------------------------------------------------------------------------------- load


def _pick(fields: dict, names: Iterable[str]) -> str | None:
    for n in names:
        if n in fields:
            return n
    return None


def _column_map(sample: dict, given: dict) -> dict[str, str | None]:
    cols = {}
    for role, names in COMMON_FIELDS.items():
        if role in given:
            cols[role] = given[role]
        elif role == "text":
            cols[role] = _pick(sample, _TEXT_PREFERENCE)
        else:
            cols[role] = _pick(sample, names)
    return cols


def load_corpus(
    path: str | Path,
    *,
    format: str | None = None,  # noqa: A002 - public option name
    fields: dict[str, str] | None = None,
    manifest: str | Path | dict | None = None,
    outlet: str | None = None,
    dedupe: bool = True,
    encoding: str | None = None,
    max_chars: int | None = MAX_CHARS,
    allow_outside: bool = False,
) -> Corpus:
    """Load a corpus from a folder or file of txt, CSV or JSON/JSONL articles.

    Args:
        path: A folder (of ``.txt``/``.json``/``.csv`` files, optionally with a ``corpus.yml``), a data
            file, or a ``corpus.yml``.
        format: ``"txt"``, ``"csv"``, ``"json"`` or ``"jsonl"``; detected from the path when ``None``.
        fields: Column/key names for the roles ``id``, ``title``, ``text``, ``outlet``, ``date``; roles
            left out come from the manifest, else from common names (see :data:`COMMON_FIELDS`).
        manifest: A ``corpus.yml`` path or an already-parsed dict; default: ``corpus.yml`` beside the
            data, else a bundled manifest for the known shared corpora.
        outlet: The outlet of articles that name none (e.g. a single-outlet corpus).
        dedupe: Drop repeated articles (same normalised text), logging each.
        encoding: Force a text encoding instead of UTF-8 with a cp1252 fallback.
        max_chars: The longest text (or other field) one article may have, in characters (default
            10 million); a longer record is a problem saying so. ``None`` for no limit.
        allow_outside: Read files outside the corpus folder: symlinks, a manifest ``data:`` path or
            ``articles: - file:`` entries that resolve elsewhere (``../../etc/passwd``). By default
            they are refused, each as a problem.

    Folder entries that are not regular files (subfolders, FIFOs, sockets, devices, dangling
    symlinks) are never opened; each is a problem. A manifest field of the wrong type is a problem
    naming the manifest line, and is ignored.

    Returns:
        The :class:`Corpus`. Unreadable files and rows are in ``problems``; nothing raises for bad data.

    Raises:
        FileNotFoundError: if ``path`` does not exist.
        ValueError: if ``format`` is not one of the supported formats.
    """
    path = Path(path)
    if not os.path.lexists(path):
        raise FileNotFoundError(f"corpus path not found: {_fs(path)}")
    problems: list[LoadProblem] = []
    log: list[CleaningNote] = []
    if path.is_file() and path.suffix.lower() in (".yml", ".yaml"):
        manifest, path = manifest or path, path.parent
    root = (path if path.is_dir() else path.parent).resolve()
    mf, base, mf_name = _manifest(path, manifest, problems)
    mf = _checked_manifest(mf, mf_name, problems)
    if mf.get("data") and path.is_dir():
        data_path = path / mf["data"]
        if not allow_outside and os.path.lexists(data_path) and not _inside(data_path.resolve(), root):
            problems.append(LoadProblem(mf_name, _key_line(mf_name, "data"),
                                        f"data path {mf['data']!r} refused: outside the corpus folder "
                                        "(pass load_corpus(..., allow_outside=True) to read it)"))
        elif os.path.lexists(data_path):
            path = data_path
        else:
            problems.append(LoadProblem(mf_name, _key_line(mf_name, "data"),
                                        f"data path {mf['data']!r} not found; reading {_fs(path)}"))
    listing = None
    if path.is_dir():
        listing = _folder_files(path, root, allow_outside, problems)
    else:
        why = _refusal(path, root, True)
        if why is not None:
            problems.append(LoadProblem(_fs(path), None, why))
            return Corpus([], name=_fs(mf.get("name", path.name)), problems=problems, log=log)
    fmt = format or mf.get("format") or _detect_format(path, listing)
    if fmt not in FORMATS:
        if format is not None:
            raise ValueError(f"unknown format {format!r}; expected one of {FORMATS}")
        problems.append(LoadProblem(_fs(path), None, "no readable articles found (no .txt, .csv, .json files)"))
        return Corpus([], name=_fs(mf.get("name", path.name)), problems=problems, log=log)
    given = {**(mf.get("fields") or {}), **(fields or {})}
    default_outlet = _first(_scalar(outlet), mf.get("outlet"))
    date_format = mf.get("date_format")
    markup = {"pipe": True, "none": False}.get(str(mf.get("markup", "")).lower())
    entries = {}
    for entry in mf.get("articles") or []:
        name = _scalar(entry.get("file")) if isinstance(entry, dict) else None
        if name is None:
            problems.append(LoadProblem(mf_name, line_of(entry, line_of(mf.get("articles"))),
                                        "articles entry needs a 'file' (a file name)"))
            continue
        if base and not allow_outside and not _inside((base / name).resolve(), root):
            problems.append(LoadProblem(mf_name, line_of(entry), f"listed file {name} refused: outside the "
                                        "corpus folder (pass load_corpus(..., allow_outside=True) to read it)"))
            continue
        bad_keys = [k for k in ("id", "title", "outlet") if isinstance(entry.get(k), (dict, list))]
        for k in bad_keys:
            problems.append(LoadProblem(mf_name, line_of(entry), f"articles entry {name}: {k!r} ignored: "
                                        f"expected a string, got {type(entry[k]).__name__}"))
        entries[name] = {k: v for k, v in entry.items() if k not in bad_keys}
    files = _data_files(listing, fmt) if listing is not None else [path]
    if listing is not None and not mf:
        problems.extend(_skipped_files(listing, fmt))
    if fmt == "txt" and base:
        for name, entry in entries.items():
            if not (base / name).exists():
                problems.append(LoadProblem(mf_name, line_of(entry), f"listed file {name} not found"))

    articles: list[Article] = []
    columns = None
    reader = _READERS[fmt]
    for file in files:
        if fmt == "txt" and max_chars is not None:
            try:
                size = os.stat(file).st_size
            except OSError:
                size = 0
            if size > 4 * max_chars:  # a UTF-8 character is at most 4 bytes: surely over the bound
                problems.append(LoadProblem(_fs(file), None, _too_long(size, max_chars, "bytes")))
                continue
        for raw in reader(file, encoding, problems, log):
            rec = raw.fields
            if columns is None or fmt != "csv":  # a CSV has one header; each JSON object names its own keys
                columns = _column_map(rec, given)
            art = _build(raw, columns, entries, default_outlet, date_format, markup, problems, log, len(articles),
                         max_chars)
            if art is not None:
                articles.append(art)

    articles = _dedupe(articles, log, dedupe)
    table = {**_default_outlets(), **_check_alignment(mf.get("alignment"), mf_name, problems)}
    fallback = mf.get("default_alignment", "other")
    alignment = {}
    for a in articles:
        if a.outlet and a.outlet not in alignment:
            alignment[a.outlet] = table.get(a.outlet, fallback)
    for key, value in table.items():
        alignment.setdefault(key, value)
    flags: set[str] = set()
    long_enough = [a for a in articles if "punctuation_stripped" in a.flags or _long(a)]
    stripped = [a for a in long_enough if "punctuation_stripped" in a.flags]
    if stripped and len(stripped) >= 0.9 * len(long_enough):
        flags.add("punctuation_stripped")
    final = []
    for a in articles:
        a.meta["alignment"] = alignment.get(a.outlet, "other") if a.outlet else "other"
        if "punctuation_stripped" in flags and "punctuation_stripped" not in a.flags \
                and _punctuation_stripped(a.masked_text, min_words=0):
            a.meta["flags"] = tuple(sorted({*a.flags, "punctuation_stripped"}))
        if "punctuation_stripped" in a.flags:
            log.append(CleaningNote(a.id, "punctuation_stripped", None, None, "no commas or apostrophes in the text"))
        final.append(a)
    return Corpus(
        final,
        name=_fs(mf.get("name", path.stem if path.is_file() else path.name)),
        description=str(mf.get("description", "")),
        source=str(mf.get("source", "")),
        license=str(mf.get("license", "")),
        alignment=alignment,
        problems=problems,
        log=log,
        flags=flags,
    )


def _too_long(n: int, max_chars: int, unit: str = "characters") -> str:
    return (f"too long: {n:,} {unit}, over max_chars={max_chars:,}; to load it pass "
            "load_corpus(..., max_chars=N) with a larger N, or max_chars=None for no limit")


def _build(raw: _Raw, columns, entries, default_outlet, date_format, markup, problems, log, index,
           max_chars: int | None = MAX_CHARS) -> Article | None:
    """One :class:`Article` from a raw record, or ``None`` (with a problem) when it has no text."""
    rec = raw.fields
    text_col = columns["text"]
    text = rec.get(text_col) if text_col else None
    where = f"{raw.path}" + (f", {raw.unit} {raw.line}" if raw.line is not None else "")
    if not isinstance(text, str) or not text.strip():
        why = f"no text (field {text_col!r} empty)" if text_col else "no text field found"
        if text_col and text is not None and not isinstance(text, str):
            why = f"no text (field {text_col!r} holds {type(text).__name__} {str(text)[:40]!r}, not a string)"
        problems.append(LoadProblem(raw.path, raw.line, why, raw.unit))
        return None
    if max_chars is not None:
        longest = max(((len(v), k) for k, v in rec.items() if isinstance(v, str)), default=(0, None))
        if longest[0] > max_chars:
            problems.append(LoadProblem(raw.path, raw.line, f"field {longest[1]!r} " + _too_long(longest[0], max_chars),
                                        raw.unit))
            return None
    file_name = rec.get("_file")
    entry = entries.get(file_name, {}) if file_name else {}
    named = _FILENAME.match(Path(file_name).stem) if file_name else None

    def value(role):
        col = columns.get(role)
        return rec.get(col) if col else None

    art_id = _first(_scalar(entry.get("id")), _scalar(value("id")), _scalar(Path(file_name).stem) if file_name else None)
    art_id = art_id if art_id is not None else f"{Path(raw.path).stem}:{raw.line or index + 1}"
    outlet_name = _first(_scalar(entry.get("outlet")), _scalar(value("outlet")),
                         named.group("outlet") if named else None, default_outlet)
    raw_date = _first(*(v for v in (entry.get("date"), value("date")) if _present(v)),
                      named.group("date") if named else None)
    date, action, detail = parse_date(raw_date, date_format)
    if action:
        log.append(CleaningNote(art_id, action, None, None, f"{where}: {detail}"))
    title = _first(_scalar(entry.get("title")), _scalar(value("title")))
    for role in ("id", "title", "outlet"):
        v = value(role)
        if isinstance(v, (dict, list)):
            log.append(CleaningNote(art_id, "ignored_field", None, None,
                                    f"{where}: {role} field holds a {type(v).__name__}, not a value; ignored"))
    meta = {k: v for k, v in rec.items() if k != text_col and not k.startswith("_")}
    meta.update(file=_fs(Path(raw.path).name), source=where)
    if raw.line is not None:
        meta[raw.unit] = raw.line
    if outlet_name is not None:
        meta["outlet_name"] = outlet_name
    art, notes = article_from_text(text, art_id, outlet=outlet_name, date=date, title=title,
                                   title_line=raw.title_line and title is None, markup=markup, meta=meta)
    if _punctuation_stripped(art.masked_text):
        art.meta["flags"] = tuple(sorted({*art.flags, "punctuation_stripped"}))
    log.extend(notes)
    return art


def _present(value: Any) -> bool:
    """False for a missing value: ``None``, NaN, a blank string."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return False
    return not (isinstance(value, str) and not value.strip())


def _dedupe(articles: list[Article], log: list[CleaningNote], dedupe: bool) -> list[Article]:
    """Drop repeated texts (unless ``dedupe`` is false) and make ids unique with ``#n`` suffixes.

    A suffix is never one of the ids the input holds (``a``, ``a#2``, ``a`` gives ``a``, ``a#2``, ``a#3``).
    """
    first_by_text: dict[str, Article] = {}
    used = {a.id for a in articles}
    taken: set[str] = set()
    out = []
    for a in articles:
        key = _norm(a.text)
        earlier = first_by_text.get(key)
        if dedupe and earlier is not None and "stub" not in a.flags:
            differ = sorted(k for k in set(a.meta) | set(earlier.meta)
                            if k not in ("source", "row", "line", "item", "file", "flags")
                            and a.meta.get(k) != earlier.meta.get(k))
            same = "repeats id" if earlier.id == a.id else "same text as"
            detail = f"{a.meta.get('source')}: {a.id} {same} {earlier.id} ({earlier.meta.get('source')})"
            if differ:
                detail += "; fields differ: " + ", ".join(differ)
            log.append(CleaningNote(a.id, "duplicate_article", None, None, detail))
            continue
        first_by_text.setdefault(key, a)
        if a.id in taken:
            new_id = unique_id(a.id, used)
            log.append(CleaningNote(new_id, "duplicate_id", None, None,
                                    f"{a.meta.get('source')}: id {a.id} already used by a different text; "
                                    f"renamed {new_id}"))
            a = Article(new_id, a.outlet, a.date, a.title, a.text, a.sections, {**a.meta, "original_id": a.id},
                        a.markup)
        taken.add(a.id)
        out.append(a)
    return out


def unique_id(article_id: str, used: set[str]) -> str:
    """``<id>#n`` for the smallest n >= 2 not in ``used``; the new id is added to ``used``."""
    n = 2
    while f"{article_id}#{n}" in used:
        n += 1
    new_id = f"{article_id}#{n}"
    used.add(new_id)
    return new_id


def records(items: Iterable, problems: list[LoadProblem]) -> Iterator:
    """Records (dicts with ``id`` and ``text``) and Articles made safe for analysis, lazily.

    A record without a ``text`` key, or whose text is not a string (``None``, NaN, a number) or is
    blank, is left out as a problem; a missing id becomes the record's position; a repeated id becomes ``<id>#n`` (``original_id`` keeps
    the id given). Used by :func:`toolkit.analyze` for records passed without a Corpus.
    """
    used: set[str] = set()
    for i, item in enumerate(items):
        if isinstance(item, Article):
            if item.id in used:
                new_id = unique_id(item.id, used)
                item = Article(new_id, item.outlet, item.date, item.title, item.text, item.sections,
                               {**item.meta, "original_id": item.id}, item.markup)
            used.add(item.id)
            yield item
            continue
        if not isinstance(item, dict):
            problems.append(LoadProblem("records", i + 1, f"expected a dict or an Article, got {type(item).__name__}",
                                        "item"))
            continue
        text = item.get("text")
        if "text" not in item:
            keys = ", ".join(sorted(map(str, item))[:8]) or "none"
            problems.append(LoadProblem("records", i + 1, f"no 'text' field (keys: {keys})", "item"))
            continue
        if not isinstance(text, str) or not text.strip():
            got = "missing" if text is None else f"{type(text).__name__} {str(text)[:40]!r}"
            problems.append(LoadProblem("records", i + 1, f"no text (field 'text' {got})", "item"))
            continue
        art_id = _first(_scalar(item.get("id")), str(i))
        rec = {**item, "id": art_id}
        if art_id in used:
            rec["id"] = unique_id(art_id, used)
            rec["original_id"] = item.get("id")
        used.add(rec["id"])
        yield rec


def record_article(item: dict, i: int) -> tuple[Article, list[CleaningNote]]:
    """An :class:`Article` from one record (dict with ``id`` and ``text``), cleaned like a txt article;
    metadata cleaned and the date parsed as :func:`load_corpus` does (see :func:`parse_date`)."""
    text = item.get("text")
    if not isinstance(text, str):
        raise ValueError(f"record {i} has no text string")
    text = _SURROGATE.sub("\ufffd", text)
    art_id = _first(_scalar(item.get("id")), str(i))
    meta = {k: v for k, v in item.items() if k not in ("id", "text", "outlet", "date", "title")}
    date, action, detail = parse_date(item.get("date"))
    notes = [CleaningNote(art_id, action, None, None, f"record {i}: {detail}")] if action else []
    article, more = article_from_text(text, art_id, outlet=_scalar(item.get("outlet")), date=date,
                                      title=_scalar(item.get("title")), meta=meta)
    return article, notes + more
