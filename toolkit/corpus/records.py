"""The records of a corpus: :class:`Section`, :class:`Article`, :class:`LoadProblem`,
:class:`CleaningNote` and the :class:`Corpus` that holds them (frozen dataclasses, and a read-only
sequence with tidy rows at its edge)."""

from __future__ import annotations

import bisect
import collections.abc
import datetime
import functools
import re
from dataclasses import dataclass, field
from typing import Iterable, Iterator

import pandas as pd

from toolkit.corpus.select import Selection
from toolkit.corpus.values import _outlet_key
from toolkit.text import LINE_BREAKS, word_bounds

__all__ = ["Section", "Article", "LoadProblem", "CleaningNote", "Corpus"]

_NOT_NEWLINE = re.compile(f"[^{LINE_BREAKS}]")


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
    def words(self) -> tuple[list[int], list[int]]:
        """The starts and ends of the words of :attr:`masked_text` (:func:`toolkit.text.word_bounds`),
        found once for the article's word counts."""
        return word_bounds(self.masked_text)

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
    ``html_markup``, ``not_english`` (see :mod:`toolkit.corpus.language`)."""

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
        selection: What :meth:`filter` kept, in words (empty when nothing was filtered).
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
        selection: str = "",
    ):
        self._articles = list(articles)
        self._by_id = {a.id: a for a in self._articles}
        self.name, self.description, self.source, self.license = name, description, source, license
        self.alignment = {k.lower(): v for k, v in (alignment or {}).items()}
        self.problems = list(problems or [])
        self.log = list(log or [])
        self.flags = set(flags or ())
        self.selection = selection

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

    def filter(self, *, since=None, until=None, outlets=None, words=None) -> Corpus:
        """The articles published ``since``/``until`` (dates, both included), by ``outlets`` and
        mentioning ``words``, as a new :class:`Corpus` with the same name, alignments, problems and
        flags (see :mod:`toolkit.corpus.select` for how each condition matches).

        The cleaning log keeps the notes of the articles kept (and those of dropped duplicates);
        :attr:`selection` says what was kept, e.g. ``"40 of 804 articles (since 2015-09-30)"``.

        Raises:
            ValueError: a date that does not parse, or ``since`` after ``until``.
        """
        sel = Selection.of(since, until, outlets, words)
        kept, undated = sel.apply(self._articles)
        ids, known = {a.id for a in kept}, set(self._by_id)
        note = f"{len(kept)} of {len(self)} articles ({sel.describe()})"
        if undated:
            note += f"; {undated} undated left out"
        return Corpus(kept, name=self.name, description=self.description, source=self.source, license=self.license,
                      alignment=self.alignment, problems=self.problems,
                      log=[n for n in self.log if n.article_id in ids or n.article_id not in known],
                      flags=self.flags, selection="; then ".join(filter(None, [self.selection, note])))

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
                "n_words": len(a.words[0]),
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
        if self.selection:
            lines.append(f"  selected: {self.selection}")
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
        if actions["not_english"]:
            lines.append(f"Languages: {actions['not_english']} articles not English (flag not_english); "
                         "the measures are English-only")
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
