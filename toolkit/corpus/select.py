"""Selecting the articles of a corpus by date range, outlet and topic words: :class:`Selection`,
behind :meth:`Corpus.filter` and ``load_corpus(..., where=...)``.

A selection keeps an article when every condition given holds:

* ``since`` / ``until``: its date lies in the range, both ends included (anything :func:`parse_date`
  reads: ``"2015-09-30"``, a ``datetime.date``). An undated article is left out once either end is
  given, and the selection counts them (``undated``), so a date range never silently keeps them.
* ``outlets``: its outlet key is one of those given (a name or a list; keys are compared lower-case,
  whitespace collapsed, as the loader writes them).
* ``words``: at least one of the words or phrases occurs in its title or text as a whole word, case
  ignored (``"syria"`` matches "Syria" but not "Syriac"); a trailing ``*`` matches any ending
  (``"syria*"`` matches "Syrian"), and a phrase's words may be split by any whitespace. A comma-separated
  string is read as a list (``"syria, aleppo"``). Matching reads :attr:`Article.masked_text`, so a
  word that occurs only in site boilerplate does not select an article.

Limits: word matching is lexical (no stemming, no synonyms: "Damascus" does not select an article on
Syria unless asked for); dates are publication dates as the corpus gives them.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Any, Iterable

from toolkit.corpus.dates import parse_date
from toolkit.corpus.values import _outlet_key

__all__ = ["Selection", "WHERE_KEYS"]

WHERE_KEYS = ("since", "until", "outlets", "words")
"""The keys of a ``where=`` mapping (the keyword arguments of :meth:`Corpus.filter`)."""


def _date(value: Any, name: str) -> datetime.date | None:
    if value is None:
        return None
    date, action, detail = parse_date(value)
    if date is None or action == "unparsed_date":
        raise ValueError(f"{name}={value!r} is not a date (write it as YYYY-MM-DD)")
    return date


def _names(value: Any, name: str) -> tuple[str, ...]:
    """A name, a comma-separated string or a list of names as a tuple of stripped, non-empty strings."""
    if value is None:
        return ()
    items: Iterable = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, (list, tuple, set, frozenset)) and not isinstance(value, str):
        raise TypeError(f"{name} must be a string or a list of strings, not {type(value).__name__}")
    out = []
    for item in items:
        if not isinstance(item, str):
            raise TypeError(f"{name} must be strings, not {type(item).__name__} {item!r}")
        if item.strip():
            out.append(item.strip())
    return tuple(out)


def _word_pattern(word: str) -> str:
    body, star = (word[:-1], True) if word.endswith("*") else (word, False)
    parts = [re.escape(p) for p in body.split()]
    return r"(?<!\w)" + r"\s+".join(parts) + (r"\w*" if star else r"(?!\w)")


@dataclass(frozen=True)
class Selection:
    """Which articles to keep (see the module docstring); empty fields select everything."""

    since: datetime.date | None = None
    until: datetime.date | None = None
    outlets: tuple[str, ...] = ()
    words: tuple[str, ...] = ()

    @classmethod
    def of(cls, since: Any = None, until: Any = None, outlets: Any = None, words: Any = None) -> Selection:
        """A selection from loose values (date strings, a name or list, comma-separated words).

        Raises:
            ValueError: a date that does not parse, or ``since`` after ``until``.
            TypeError: outlets or words that are not strings.
        """
        sel = cls(_date(since, "since"), _date(until, "until"),
                  tuple(_outlet_key(o) for o in _names(outlets, "outlets")), _names(words, "words"))
        if sel.since and sel.until and sel.since > sel.until:
            raise ValueError(f"since={sel.since} is after until={sel.until}")
        return sel

    @classmethod
    def from_where(cls, where: dict | None) -> Selection:
        """A selection from a ``where=`` mapping; an unknown key raises naming the valid ones."""
        if where is None:
            return cls()
        if not isinstance(where, dict):
            raise TypeError(f"where must be a dict with keys {', '.join(WHERE_KEYS)}, not {type(where).__name__}")
        unknown = sorted(set(where) - set(WHERE_KEYS), key=str)
        if unknown:
            raise ValueError(f"unknown where key(s) {', '.join(map(repr, unknown))}; valid: {', '.join(WHERE_KEYS)}")
        return cls.of(**where)

    def __bool__(self) -> bool:
        return bool(self.since or self.until or self.outlets or self.words)

    def _regex(self) -> re.Pattern | None:
        if not self.words:
            return None
        return re.compile("|".join(_word_pattern(w) for w in self.words), re.IGNORECASE)

    def keeps(self, article, regex: re.Pattern | None = None) -> bool:
        """Whether ``article`` (an :class:`~toolkit.corpus.Article`) meets every condition
        (``regex``: the compiled word pattern, when the caller holds it)."""
        if self.since or self.until:
            if article.date is None:
                return False
            if (self.since and article.date < self.since) or (self.until and article.date > self.until):
                return False
        if self.outlets and (article.outlet is None or _outlet_key(article.outlet) not in self.outlets):
            return False
        regex = regex if regex is not None else self._regex()
        return regex is None or bool(regex.search(article.title or "") or regex.search(article.masked_text))

    def apply(self, articles: Iterable) -> tuple[list, int]:
        """The articles kept, and how many undated ones a date range left out."""
        regex = self._regex()  # compiled once for the corpus
        articles = list(articles)
        kept = [a for a in articles if self.keeps(a, regex)]
        undated = sum(1 for a in articles if a.date is None) if self.since or self.until else 0
        return kept, undated

    def describe(self) -> str:
        """The conditions in words, e.g. ``"since 2015-09-30; outlets sana; words syria"``."""
        parts = [f"since {self.since}" if self.since else "", f"until {self.until}" if self.until else "",
                 f"outlets {', '.join(self.outlets)}" if self.outlets else "",
                 f"words {', '.join(self.words)}" if self.words else ""]
        return "; ".join(p for p in parts if p) or "everything"
