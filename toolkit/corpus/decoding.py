"""From bytes to text: file decoding, JSON text, lone surrogates and inline markup.

* A file is UTF-8 (a BOM is dropped), else cp1252 (an ``encoding_fallback`` note), unless an
  ``encoding`` is forced; only regular files are opened; empty and binary (NUL) files are problems.
* JSON goes through :func:`_json_load`, which turns every way the parser fails (syntax, a number
  over Python's digit limit, nesting thousands deep) into a line and a reason.
* Lone surrogate escapes (``"\\ud83d"``) cannot be written as UTF-8: they become U+FFFD, counted in a
  ``lone_surrogate`` note.
* Markup is found, never removed: Sputnik-style `` | `` separators and stray tags, or a whole HTML
  page (scripts, styles, comments, tags), come back as spans that :attr:`Article.masked_text` blanks.
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys
from pathlib import Path
from typing import Any

from toolkit.corpus.records import CleaningNote, LoadProblem
from toolkit.corpus.values import _SURROGATE, _fs

# Sputnik-style flattened HTML: a pipe standing alone between spaces/line ends, and leftover tags.
_PIPE_MARKUP = re.compile(r"(?:(?<=\s)|^)\|(?=\s|$)|<[^<>\n]{1,300}>", re.MULTILINE)
_PIPE_PARAGRAPH = " | \n | "
# An HTML page instead of plain text: its scripts, styles, comments and tags are blanked as markup.
_HTML_DOC = re.compile(r"\A\ufeff?\s*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)
_HTML_BLOCK = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^<>]{1,1000}>", re.IGNORECASE | re.DOTALL)
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _pipe_markup(text: str) -> tuple[tuple[int, int], ...]:
    """The Sputnik-style `` | `` separators and leftover tags of a flattened web page, as spans."""
    return tuple((m.start(), m.end()) for m in _PIPE_MARKUP.finditer(text))


def _html_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The script, style and comment blocks and the tags of an HTML page, as spans."""
    return tuple((m.start(), m.end()) for m in _HTML_BLOCK.finditer(text))


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

