"""Words around a label candidate, for :mod:`toolkit.labels.match` and :mod:`toolkit.labels.resolve`: the word
right before or after it, whether it follows "anti-", and whether it lies in a bracketed credit or a title.

Limits: surface checks on tokens (``toolkit.text.token_bounds``) within one line; no parsing.
"""

from __future__ import annotations

import re

from ..text import token_bounds
from .lexicon import SPACE

__all__ = ["word_before", "word_after", "followed", "after_anti", "preceded", "in_credit", "in_title"]


def word_before(text: str, start: int) -> str:
    """The token right before ``start`` across a space, lower-cased ("" at a line start or after punctuation)."""
    toks = token_bounds(text, max(0, start - 40), start) if text[start - 1:start].isspace() else []
    return text[toks[-1][0]:toks[-1][1]].lower() if toks and toks[-1][1] < start else ""


def word_after(text: str, end: int) -> str:
    """The token right after ``end`` across a space, lower-cased, without a final period."""
    toks = token_bounds(text, end, end + 40) if text[end:end + 1].isspace() else []
    return text[toks[0][0]:toks[0][1]].lower().rstrip(".") if toks else ""


def followed(text: str, end: int, phrases: frozenset[str]) -> bool:
    """The word right after ``end`` is one of ``phrases``, or the words after it begin one of several words
    ("regime of silence": the Russian military's term for a truce)."""
    if word_after(text, end) in phrases:
        return True
    after = " ".join(text[end:end + 80].lower().split()) if text[end:end + 1].isspace() else ""
    return any(" " in p and after.startswith(p) and not after[len(p):len(p) + 1].isalnum() for p in phrases)


def after_anti(text: str, start: int) -> bool:
    """``start`` follows "anti-" ("anti-Daesh"), itself not inside a word."""
    return text[max(0, start - 5):start].lower() == "anti-" and not text[max(0, start - 6):start - 5].strip("-").isalnum()


def preceded(word: str, words: frozenset[str]) -> bool:
    """``word`` is one of ``words`` (``<num>``: any word with a digit, as in "Su-30", "F-16")."""
    return word in words or ("<num>" in words and any(ch.isdigit() for ch in word))


_CREDIT_OPEN = re.compile(r"\((?:(?:Source|Photo|Photos|Credit|Image)s?:)?[^()\n]*$")
_CREDIT_SOURCE = re.compile(r"\((?:Source|Photo|Photos|Credit|Image)s?:[^()\n]*$")
_CREDIT_VIA = re.compile(r"[^()\n]{0,60}\bvia\b[^()\n]*\)")


def in_credit(text: str, start: int, end: int) -> bool:
    """Inside a bracketed credit: "(Source: Syrian Coalition)", "(Free Syrian Army media via ...)"."""
    before = text[max(0, start - 80):start]
    if _CREDIT_OPEN.search(before) is None:
        return False
    return _CREDIT_SOURCE.search(before) is not None or _CREDIT_VIA.match(text, end, end + 120) is not None


# a title holding a label: "Deputy Chief of Staff of the Navy and Army", "army chief of staff"
_TITLE_BEFORE = re.compile(r"\bStaff" + SPACE + r"of" + SPACE + r"(?:the" + SPACE + r")?(?:[\w-]+" + SPACE + r"and"
                           + SPACE + r"(?:the" + SPACE + r")?)?$", re.I)


def in_title(text: str, start: int, end: int) -> bool:
    """Part of a title: after "Staff of (the)" or right before "chief(s)"."""
    return _TITLE_BEFORE.search(text, max(0, start - 60), start) is not None or word_after(text, end) in ("chief", "chiefs")
