"""Readers: txt, CSV and JSON/JSONL files as raw records, each record mapped to an :class:`Article`,
and records given as Python dicts (``analyze(records)``) made into Articles the same way.

* A txt file is one article; its first real paragraph is the title, and an ``outlet_YYYY-MM-DD_slug``
  file name gives outlet and date.
* CSV is read strictly (a stray quote is an error, not a record glued to the next); after a
  malformed record the reader goes on where that record ends, read leniently, so its other lines are
  not records of their own and later rows keep their numbers. Rows are numbered like a spreadsheet:
  the header is row 1.
* JSON: a file holding an object or a list of objects; JSON Lines (``.jsonl``, ``.ndjson``) split on
  ``\\n`` only, one object a line, each naming its own fields.
* Fields: ``fields=`` first, then the manifest, then the common names (:data:`COMMON_FIELDS`); the
  raw-text field wins over a tokenised one. A text or field over ``max_chars`` is a problem.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from toolkit.corpus.cleaning import _punctuation_stripped, article_from_text, unique_id
from toolkit.corpus.dates import parse_date
from toolkit.corpus.decoding import _decode, _json_clean, _json_load, _JSONFailure
from toolkit.corpus.records import Article, CleaningNote, LoadProblem
from toolkit.corpus.values import _SURROGATE, _first, _fs, _present, _scalar

__all__ = ["COMMON_FIELDS", "MAX_CHARS", "records", "record_article"]

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
_FILENAME = re.compile(r"^(?P<outlet>[A-Za-z0-9-]+)_(?P<date>\d{4}-\d{2}-\d{2})_(?P<slug>.+)$")
MAX_CHARS = 10_000_000  # default bound on one text or field (load_corpus(max_chars=...))


@dataclass(frozen=True)
class _Raw:
    """One record as read, before cleaning: its fields and where it came from."""

    fields: dict
    path: str
    line: int | None
    unit: str
    title_line: bool = False


def _read_txt(path: Path, encoding, problems, log) -> Iterator[_Raw]:
    """A txt file as one record; its first paragraph may be the title (``title_line``)."""
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
    """The rows of a CSV file as records (numbered from 2, the header is row 1); broken rows are problems."""
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


def _read_json(path: Path, encoding, problems, log) -> Iterator[_Raw]:
    """The objects of a JSON file (one, or a list) or of a JSON Lines file (one a line) as records."""
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


def _pick(fields: dict, names: Iterable[str]) -> str | None:
    """The first of ``names`` that is a field of the record."""
    for n in names:
        if n in fields:
            return n
    return None


def _column_map(sample: dict, given: dict) -> dict[str, str | None]:
    """Role (id, text, title, outlet, date) -> field name: ``given`` first, else the common names found
    in ``sample`` (the raw-text field before a tokenised one); ``None`` when the record has none."""
    cols = {}
    for role, names in COMMON_FIELDS.items():
        if role in given:
            cols[role] = given[role]
        elif role == "text":
            cols[role] = _pick(sample, _TEXT_PREFERENCE)
        else:
            cols[role] = _pick(sample, names)
    return cols


def _too_long(n: int, max_chars: int, unit: str = "characters") -> str:
    """The problem text for a file or field over ``max_chars``, saying how to load it anyway."""
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
