"""Property tests on generated corpora that mix good articles and hostile inputs in one folder of .txt
files, one CSV, one JSONL file, one JSON array or one list of records, analysed over chunk boundaries on
one and two workers:

* every good article loads with its id, title, outlet, date and text as given, and its rows in every
  table are identical to analysing that article alone (minus ``source``, which names the row);
* every bad input is a named problem (its file, and its row or line), in ``corpus.problems`` and in
  ``results.problems``; nothing raises;
* ids are unique and stable: the same corpus loaded twice gives the same ids, and the tables do not
  depend on ``chunk_size`` or ``workers``;
* no input is merged with another, lost (neither an article, a problem nor a logged duplicate) or misread.

The hostile kinds are listed in ``TXT_KINDS``, ``CSV_KINDS``, ``JSONL_KINDS``, ``JSON_KINDS`` and
``RECORD_KINDS``; what each must give is written where it is generated (``expect``: an article with its
fields as given, a named problem, either, or a logged duplicate). Besides the generated corpora, one fixed
corpus per format holds every hostile kind between good articles, so each kind runs on every run.

The default run is bounded for CI; ``NARRATIVE_PROPERTY_EXAMPLES=200`` runs every property on that many
examples. ``NARRATIVE_PROPERTY_SUMMARY=<path>`` writes how many corpora, files and hostile inputs ran as
JSON (the counts are also printed with ``pytest -s``). A failing example is not shrunk unless
``NARRATIVE_PROPERTY_SHRINK=1`` (minimising a corpus takes minutes).
"""

from __future__ import annotations

import collections
import csv
import datetime
import io
import json
import os
import re
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from test_properties_strategies import (JUNK_LEADS, OUTLET_NAMES, OUTLETS, article_body, article_dates,
                                        article_text, good_article)
from toolkit.pipeline import TABLES, analyze
from toolkit.corpus import load_corpus

EXAMPLES = int(os.environ.get("NARRATIVE_PROPERTY_EXAMPLES", "0") or 0)
SUMMARY_ENV = "NARRATIVE_PROPERTY_SUMMARY"
EPOCH = 1444435200  # 2015-10-10 00:00 UTC
FIFO_PATIENCE_S = 20  # a loader that opens a FIFO blocks; after this the test unblocks it and fails


# Shrinking a failing mixed corpus can take minutes (every step loads and analyses a corpus): off by default,
# so a failure is reported at once; NARRATIVE_PROPERTY_SHRINK=1 minimises the failing example.
SHRINK = os.environ.get("NARRATIVE_PROPERTY_SHRINK", "") not in ("", "0")
PHASES = tuple(Phase) if SHRINK else (Phase.explicit, Phase.reuse, Phase.generate)


def _settings(default: int):
    return settings(max_examples=EXAMPLES or default, deadline=None, derandomize=True, database=None,
                    phases=PHASES, report_multiple_bugs=False,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.filter_too_much])


# --------------------------------------------------------------------------------------------- counts

STATS: dict = {"corpora": 0, "files": 0, "inputs": 0, "good": 0, "hostile": 0, "analyses": 0,
               "by_format": collections.Counter(), "hostile_kinds": collections.Counter()}


@pytest.fixture(scope="module", autouse=True)
def _report_counts():
    yield
    out = {k: dict(v) if isinstance(v, collections.Counter) else v for k, v in STATS.items()}
    print(f"\nmixed corpora: {out['corpora']} corpora, {out['files']} files, {out['inputs']} inputs "
          f"({out['good']} good, {out['hostile']} hostile), {out['analyses']} analyze runs")
    if os.environ.get(SUMMARY_ENV):
        Path(os.environ[SUMMARY_ENV]).write_text(json.dumps(out, indent=1, sort_keys=True))


def _count(fmt: str, inputs: list, n_files: int) -> None:
    STATS["corpora"] += 1
    STATS["files"] += n_files
    STATS["by_format"][fmt] += 1
    for inp in inputs:
        STATS["inputs"] += 1
        if inp.label == "good":
            STATS["good"] += 1
        else:
            STATS["hostile"] += 1
            STATS["hostile_kinds"][inp.label] += 1


# --------------------------------------------------------------------------------------------- the oracle

_UNSET = object()


@dataclass
class Input:
    """One generated input and what loading it must give.

    ``expect``: ``"article"`` (loads; the fields not left ``_UNSET`` are as given), ``"problem"`` (a named
    problem), ``"either"`` (an article or a named problem, not both), ``"duplicate"`` (dropped with a
    ``duplicate_article`` note naming it). ``rows``: its rows must equal analysing ``alone`` on its own.
    """

    label: str
    expect: str
    path: Path  # the file (for txt corpora: the input itself)
    line: int | None = None  # CSV row / JSONL line / record index
    id: object = _UNSET
    title: object = _UNSET
    outlet: object = _UNSET
    date: object = _UNSET  # a date, None, or a set of acceptable dates (None needs an unparsed_date note)
    text: object = _UNSET
    alone: Path | None = None  # a one-input corpus of the same input
    rows: bool = False
    folder: Path | None = None  # a subfolder holding the file: a problem naming the folder names the file too

    @property
    def where(self) -> str:
        return f"{os.fsdecode(self.path)}" + (f", line/row {self.line}" if self.line is not None else "")


_NOT_ASCII = re.compile(r"\\x[0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}|[^\x00-\x7f]")


def _path_key(p) -> str:
    """A path with every non-ASCII character (or its ``\\xe9``-style escape) as ``?``: a name that is not
    UTF-8 matches however it was decoded or escaped."""
    return _NOT_ASCII.sub("?", os.fsdecode(os.fsencode(str(p))))


def _same_path(a, b) -> bool:
    """Whether a reported path names the file ``b`` (absolute, or relative to a folder above it)."""
    a, b = _path_key(a), _path_key(b)
    return bool(a) and (a == b or (not a.startswith("/") and b.endswith("/" + a)))


def _article_of(corpus, inp: Input, fmt: str):
    """The articles loaded from this input (normally one at most)."""
    if fmt == "txt":
        return [a for a in corpus if _same_path(str(a.meta.get("source", "")).split(", ")[0], inp.path)
                and a.meta.get("line", a.meta.get("row")) is None]
    if fmt == "json":  # items of an array; a one-item array is the file's only article
        return [a for a in corpus if a.meta.get("item", 1) == inp.line]
    unit = "row" if fmt == "csv" else "line"
    return [a for a in corpus if a.meta.get(unit) == inp.line and _same_path(a.meta.get("file"), inp.path.name)]


def _problems_of(corpus, inp: Input, fmt: str):
    if fmt == "txt":
        return [p for p in corpus.problems if _same_path(p.path, inp.path)
                or (inp.folder is not None and _same_path(p.path, inp.folder))]
    if fmt == "json":  # an item is named by its number, as the line or in the reason
        return [p for p in corpus.problems if _same_path(p.path, inp.path)
                and (p.line == inp.line or p.why.startswith(f"item {inp.line}:"))]
    return [p for p in corpus.problems if _same_path(p.path, inp.path) and p.line == inp.line]


def _check_accounting(corpus, inputs: list[Input], fmt: str) -> None:
    """Each input is what it must be; ids are unique; no article or problem comes from nowhere."""
    ids = [a.id for a in corpus]
    assert len(ids) == len(set(ids)), f"repeated ids: {[i for i, n in collections.Counter(ids).items() if n > 1]}"
    assert all(isinstance(i, str) and i for i in ids)
    dup_notes = [n.detail for n in corpus.log if n.action == "duplicate_article"]
    claimed = set()
    for inp in inputs:
        arts, probs = _article_of(corpus, inp, fmt), _problems_of(corpus, inp, fmt)
        dropped = [d for d in dup_notes if inp.where.split(", line")[0] in d
                   and (inp.line is None or f" {inp.line}:" in d)]
        assert len(arts) <= 1, f"{inp.label} {inp.where}: loaded as {len(arts)} articles"
        claimed.update(id(a) for a in arts)
        if inp.expect == "problem":
            assert probs and not arts, f"{inp.label} {inp.where}: not a named problem (articles {arts})"
        elif inp.expect == "either":
            assert bool(arts) != bool(probs), f"{inp.label} {inp.where}: articles {arts}, problems {probs}"
        elif inp.expect == "duplicate":
            assert arts or dropped, f"{inp.label} {inp.where}: neither an article nor a logged duplicate"
        else:
            elsewhere = [a.meta.get("source") for a in corpus if inp.id is not _UNSET and a.id == inp.id]
            assert arts and not probs, (f"{inp.label} {inp.where}: not loaded (problems: {[str(p) for p in probs]}"
                                        f"; its id is loaded from: {elsewhere})")
        for p in probs:
            assert p.why and str(p).startswith(p.path), p
            if fmt in ("csv", "jsonl"):
                assert p.unit == ("row" if fmt == "csv" else "line"), p
        if not arts or inp.expect != "article":
            continue
        (art,) = arts
        if inp.id is not _UNSET:
            assert art.id == inp.id, (inp.label, inp.where, "id", art.id, inp.id)
        if inp.title is not _UNSET:
            assert art.title == inp.title, (inp.label, inp.where, "title", art.title, inp.title)
        if inp.outlet is not _UNSET:
            assert art.outlet == inp.outlet, (inp.label, inp.where, "outlet", art.outlet, inp.outlet)
        if inp.text is not _UNSET:
            assert art.text == inp.text, (inp.label, inp.where, "text", art.text, inp.text)
        if isinstance(inp.date, set):
            noted = any(n.action == "unparsed_date" and n.article_id == art.id for n in corpus.log)
            assert art.date in inp.date or (art.date is None and noted), (inp.label, inp.where, art.date)
        elif inp.date is not _UNSET:
            assert art.date == inp.date, (inp.label, inp.where, "date", art.date, inp.date)
        if inp.label == "good":
            assert "punctuation_stripped" not in art.flags
    # nothing loads from an input that was not written
    stray = [a.meta.get("source") for a in corpus if id(a) not in claimed]
    assert not stray, f"articles from no input: {stray}"


# --------------------------------------------------------------------------------------------- txt folders

_GOOD = st.tuples(st.just("good"), st.one_of(st.none(), st.sampled_from(OUTLETS)), article_dates, good_article,
                  st.sampled_from(["\n\n", "\n", "\r\n", "\n \n"]))
TXT_KINDS = ["empty", "blank", "binary", "undecodable", "cp1252", "notes", "formfeed", "bad_name", "subfolder",
             "fifo", "dangling", "outside", "other_suffix", "duplicate"] + [f"junk_lead:{k}" for k in sorted(JUNK_LEADS)]
_HOSTILE_TXT = st.tuples(st.sampled_from(TXT_KINDS), good_article)
txt_plans = st.lists(st.one_of(_GOOD, _HOSTILE_TXT), min_size=2, max_size=7).filter(
    lambda plan: any(p[0] == "good" for p in plan))


def _write_txt(root: Path, plan) -> tuple[list[Input], list[Path]]:
    """Write a txt folder; return the inputs and the FIFOs made."""
    inputs, fifos, goods = [], [], []
    outside = Path(tempfile.mkdtemp(prefix="outside-", dir=root.parent))
    for serial, entry in enumerate(plan):
        kind = entry[0]
        if kind == "good":
            _, outlet, date, (words, body), sep = entry
            title, text = article_text(serial, words, body, sep)
            name = f"{outlet}_{date.isoformat()}_story{serial}.txt" if outlet else f"story{serial}.txt"
            path = root / name
            path.write_bytes(text.encode("utf-8"))
            goods.append(path)
            inputs.append(Input("good", "article", path, id=path.stem, title=title, outlet=outlet,
                                date=date if outlet else None, text=text, alone=path, rows=True))
            continue
        words, body = entry[1]
        title, text = article_text(serial, words, body)
        if kind == "empty":
            path = root / f"empty{serial}.txt"
            path.write_bytes(b"")
            inputs.append(Input(kind, "problem", path))
        elif kind == "blank":
            path = root / f"blank{serial}.txt"
            path.write_bytes(b" \n\t\r\n  \n")
            inputs.append(Input(kind, "problem", path))
        elif kind == "binary":
            path = root / f"binary{serial}.txt"
            path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
            inputs.append(Input(kind, "problem", path))
        elif kind == "undecodable":  # neither UTF-8 nor cp1252 (0x81 and 0x9d are undefined there)
            path = root / f"undecodable{serial}.txt"
            path.write_bytes(text.encode("utf-8").replace(b"officials met", b"officials \x81\x9d met"))
            inputs.append(Input(kind, "problem", path))
        elif kind == "cp1252":
            path = root / f"cp1252_{serial}.txt"
            data = text.replace("officials met", "officials from Bogot\u00e1 met").encode("cp1252", "replace")
            path.write_bytes(data)
            inputs.append(Input(kind, "article", path, id=path.stem, title=title, text=data.decode("cp1252"),
                                alone=path, rows=True))
        elif kind == "notes":
            path = root / "notes.txt"
            if path.exists():
                continue
            path.write_text(text, encoding="utf-8")
            inputs.append(Input(kind, "article", path, id="notes", title=title, outlet=None, date=None, text=text,
                                alone=path, rows=True))
        elif kind == "formfeed":
            path = root / f"formfeed{serial}.txt"
            ff = text.replace("\n\n", "\n\f").replace("\n", "\n\f", 1)
            path.write_text(ff, encoding="utf-8")
            inputs.append(Input(kind, "article", path, id=path.stem, title=title, text=ff, alone=path, rows=True))
        elif kind.startswith("junk_lead:"):
            path = root / f"rt_2015-10-0{serial % 9 + 1}_lead{serial}.txt"
            lead = JUNK_LEADS[kind.split(":")[1]]
            data = f"{lead}\n\n{text}"
            path.write_text(data, encoding="utf-8")
            inputs.append(Input(kind, "article", path, id=path.stem, title=title, outlet="rt",
                                date=datetime.date(2015, 10, serial % 9 + 1), text=data, alone=path, rows=True))
        elif kind == "bad_name":  # a file name that is not valid UTF-8
            path = Path(os.fsdecode(os.fsencode(str(root)) + b"/r\xe9sum\xe9-%d.txt" % serial))
            with open(os.fsencode(str(path)), "wb") as fh:
                fh.write(text.encode("utf-8"))
            inputs.append(Input(kind, "either", path))
        elif kind == "subfolder":
            sub = root / f"sub{serial}"
            sub.mkdir()
            path = sub / f"inner{serial}.txt"
            path.write_text(text, encoding="utf-8")
            inputs.append(Input(kind, "either", path, folder=sub))
        elif kind == "fifo":
            path = root / f"pipe{serial}.txt"
            os.mkfifo(path)
            fifos.append(path)
            inputs.append(Input(kind, "problem", path))
        elif kind == "dangling":
            path = root / f"gone{serial}.txt"
            path.symlink_to(root / "does-not-exist.txt")
            inputs.append(Input(kind, "problem", path))
        elif kind == "outside":
            target = outside / f"elsewhere{serial}.txt"
            target.write_text(text, encoding="utf-8")
            path = root / f"outside{serial}.txt"
            path.symlink_to(target)
            inputs.append(Input(kind, "either", path))
        elif kind == "other_suffix":
            path = root / f"photo{serial}.jpg"
            path.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
            inputs.append(Input(kind, "problem", path))
        elif kind == "duplicate":  # a later copy of a good article (sorts after it): dropped and logged
            if not goods:
                continue
            path = root / f"zz-copy{serial}.txt"
            path.write_bytes(goods[-1].read_bytes())
            inputs.append(Input(kind, "duplicate", path))
    return inputs, fifos


def _load_guarded(root: Path, fifos: list[Path]):
    """``load_corpus(root)``, unblocking a reader stuck on a FIFO after a while (the test then fails)."""
    stuck, done = [], threading.Event()

    def unblock():
        if done.wait(FIFO_PATIENCE_S):
            return
        while not done.wait(0.5):
            for f in fifos:
                try:
                    os.close(os.open(f, os.O_WRONLY | os.O_NONBLOCK))
                    stuck.append(f.name)
                except OSError:
                    pass

    watchdog = threading.Thread(target=unblock, daemon=True)
    watchdog.start()
    try:
        corpus = load_corpus(root)
    finally:
        done.set()
        watchdog.join()
    assert not stuck, f"load_corpus blocked reading FIFOs {stuck}"
    return corpus


# --------------------------------------------------------------------------------------------- CSV files

CSV_HEADER = ["id", "title", "outlet", "date", "text"]
_GOOD_ROW = st.tuples(st.just("good"), st.sampled_from(OUTLET_NAMES), article_dates, good_article)


def _row_plans(kinds: list[str]):
    """(records, line ending, BOM): good and hostile records of one file."""
    records = st.lists(st.one_of(_GOOD_ROW, st.tuples(st.sampled_from(kinds), good_article)), min_size=2,
                       max_size=8).filter(lambda plan: any(p[0] == "good" for p in plan))
    return st.tuples(records, st.sampled_from(["\n", "\r\n"]), st.booleans())


CSV_KINDS = ["no_title", "no_outlet", "nan_title", "nan_outlet", "int_title", "too_many", "too_few", "bad_quote",
             "no_text", "nan_text", "id_chain", "id_zero", "epoch_date", "us_date", "duplicate", "unclosed",
             "blank_line", "formfeed"]
JSONL_KINDS = ["no_title", "missing_title", "none_title", "nan_title", "int_title", "no_outlet", "none_outlet",
               "nan_outlet", "int_outlet", "no_text", "missing_text", "nan_text", "id_chain", "id_zero", "epoch_date",
               "us_date", "duplicate", "too_many", "too_few", "bad_quote", "unclosed", "lone_surrogate", "big_number",
               "deep_nesting", "blank_line", "formfeed"]
# in one JSON document a number or nesting the parser refuses fails the whole file: not mixed in here
JSON_KINDS = [k for k in JSONL_KINDS if k not in ("big_number", "deep_nesting", "blank_line")]
csv_plans = _row_plans(CSV_KINDS)


def _csv_line(cells, newline: str = "\n") -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator=newline).writerow(cells)
    return buf.getvalue()


def _outlet_key(name: str) -> str:
    return " ".join(name.split()).lower()


ROW_FILES = {"csv": "rows.csv", "jsonl": "items.jsonl", "json": "items.json"}


def _write_rows(root: Path, plan, fmt: str) -> list[Input]:
    """Write one CSV, JSONL or JSON-array file of good and hostile records (``plan`` is the records, the line
    ending and whether the file starts with a BOM); the alone copies go under root/alone-N/."""
    plan, newline, bom = plan
    path = root / ROW_FILES[fmt]
    # records, numbered from 2 in a CSV (the header is row 1), from 1 in JSONL (file lines) and JSON (items);
    # a CSV record may span lines, a blank line takes a row (CSV) or a line number (JSONL)
    lines: list[str] = []
    inputs: list[Input] = []
    last_good = None
    plan = sorted(plan, key=lambda p: p[0] == "unclosed")  # an unclosed quote swallows what follows it

    def encode(rec: dict, serial: int) -> str:
        if fmt == "csv":
            return _csv_line([rec[c] for c in CSV_HEADER if c in rec], newline)
        return json.dumps(rec, ensure_ascii=serial % 2 == 0)

    for serial, entry in enumerate(plan):
        kind = entry[0]
        n = len(lines) + (2 if fmt == "csv" else 1)  # CSV: header is row 1
        if kind == "good":
            _, outlet_name, date, (words, body) = entry
            title, text = f"Dispatch {serial}: {words}", article_body(serial, body)
            rec = {"id": f"g{serial}", "title": title, "outlet": outlet_name, "date": date.isoformat(), "text": text}
            inputs.append(Input("good", "article", path, n, id=f"g{serial}", title=title,
                                outlet=_outlet_key(outlet_name), date=date, text=text, rows=True))
            lines.append(encode(rec, serial))
            last_good = rec
            continue
        words, body = entry[1]
        title, text = f"Report {serial}: {words}", article_body(serial, body)
        rec = {"id": f"h{serial}", "title": title, "outlet": "Reuters", "date": "2016-03-01", "text": text}
        inp = Input(kind, "article", path, n, id=f"h{serial}", text=text)
        csv_ = fmt == "csv"
        if kind in ("no_title", "none_title", "missing_title"):
            rec["title"] = {"no_title": "", "none_title": None}.get(kind)
            if kind == "missing_title":
                del rec["title"]
            inp.title = None
        elif kind in ("no_outlet", "none_outlet"):
            rec["outlet"] = "" if kind == "no_outlet" else None
            inp.outlet = None
        elif kind in ("nan_title", "nan_outlet"):  # NaN: missing, like None (a CSV cell "NaN" may be either)
            rec[kind[4:]] = "NaN" if csv_ else float("nan")
            setattr(inp, kind[4:], _UNSET if csv_ else None)
        elif kind == "int_title":
            rec["title"] = "42" if csv_ else 42
            inp.title = "42"
        elif kind == "int_outlet":
            rec["outlet"] = 7
            inp.outlet = "7"
        elif kind in ("no_text", "missing_text"):
            rec["text"] = ""
            if kind == "missing_text":
                del rec["text"]
            inp.expect = "problem"
        elif kind == "nan_text":
            rec["text"] = "NaN" if csv_ else float("nan")
            inp.expect = "either" if csv_ else "problem"
        elif kind == "id_chain":  # ids a, a#2, a with different texts: three articles, unique ids
            for k, rid in enumerate(("a", "a#2", "a")):
                r = dict(rec, id=rid, text=f"Chain {serial}.{k}, the clerk said it's open. " + text)
                lines.append(encode(r, serial))
                inputs.append(Input(kind, "article", path, n + k, text=r["text"]))
            continue
        elif kind == "id_zero":  # a falsy id; a second one in the file is a repeated id (renamed)
            rec["id"] = "id: 0" if csv_ else 0
            first_zero = not any(i.label == "id_zero" for i in inputs)
            inp.id = ("id: 0" if csv_ else "0") if first_zero else _UNSET
        elif kind == "formfeed":  # paragraphs separated by form feeds (and a vertical tab)
            rec["text"] = inp.text = text.replace("\n\n", "\f", 1).replace("\n\n", "\f\v")
        elif kind == "epoch_date":
            rec["date"] = str(EPOCH) if csv_ else EPOCH
            inp.date = {datetime.date(2015, 10, 10)}
        elif kind == "us_date":
            rec["date"] = "09/10/2015"
            inp.date = {datetime.date(2015, 9, 10), datetime.date(2015, 10, 9)}
        elif kind == "duplicate":
            if last_good is None:
                continue
            rec = dict(last_good, id=f"copy{serial}")
            inp = Input(kind, "duplicate", path, n)
        elif kind in ("too_many", "too_few", "bad_quote", "unclosed"):
            raw = {"csv": {"too_many": f"h{serial},{title},Reuters,2016-03-01,text,extra field{newline}",
                           "too_few": f"h{serial},{title}{newline}",
                           "bad_quote": f'h{serial},"{title}"x,Reuters,2016-03-01,"{text}"{newline}',
                           "unclosed": f'h{serial},"{title},Reuters,2016-03-01,the text runs on{newline}'},
                   "jsonl": {"too_many": '{"id": "x"} {"id": "y"}', "too_few": "[1, 2]", "bad_quote": '{"id": "q", text}',
                             "unclosed": '{"id": "u", "text": "runs on'},
                   "json": {"too_many": "1", "too_few": "null", "bad_quote": '"just a string"',
                            "unclosed": "[1, 2]"}}[fmt][kind]  # items of an array that are not objects
            lines.append(raw)
            inputs.append(Input(kind, "problem", path, n))
            continue
        elif kind == "blank_line":
            if fmt != "json":
                lines.append(newline if csv_ else "")
            continue
        line = encode(rec, serial)
        if kind == "lone_surrogate":  # a JSON escape of half a surrogate pair
            line = json.dumps(rec).replace("officials met", "officials \\ud83d met")
            inp.expect, inp.text = "either", _UNSET
        elif kind == "big_number":  # more digits than int() accepts by default
            line = line[:-1] + ', "views": 1' + "2" * 5000 + "}"
            inp.expect = "either"
        elif kind == "deep_nesting":
            line = line[:-1] + ', "extra": ' + "[" * 100_000 + "]" * 100_000 + "}"
            inp.expect = "either"
        lines.append(line)
        inputs.append(inp)
    def file_text(records: list[str]) -> str:
        if fmt == "csv":
            return _csv_line(CSV_HEADER, newline) + "".join(records)
        if fmt == "jsonl":
            return "".join(r + newline for r in records)
        return "[" + newline + ("," + newline).join(records) + newline + "]" + newline

    prefix = "\ufeff" if bom else ""
    path.write_bytes((prefix + file_text(lines)).encode("utf-8"))
    first = 2 if fmt == "csv" else 1
    for inp in inputs:
        if inp.expect != "article":
            continue
        alone = root / f"alone-{inp.line}" / path.name
        alone.parent.mkdir()
        alone.write_bytes((prefix + file_text([lines[inp.line - first]])).encode("utf-8"))
        inp.alone = alone
        inp.rows = inp.id is not _UNSET  # an id of its own: the same alone
    return inputs


jsonl_plans = _row_plans(JSONL_KINDS)
json_plans = _row_plans(JSON_KINDS)


# --------------------------------------------------------------------------------------------- records

RECORD_KINDS = ["missing_title", "none_title", "nan_title", "int_title", "empty_title", "missing_outlet", "none_outlet",
                "nan_outlet", "int_outlet", "missing_text", "none_text", "nan_text", "empty_text", "int_text",
                "epoch_date", "us_date", "nan_date", "id_chain", "id_zero", "none_id", "missing_id"]
_HOSTILE_RECORD = st.tuples(st.sampled_from(RECORD_KINDS), good_article)
record_plans = st.lists(st.one_of(_GOOD_ROW, _HOSTILE_RECORD), min_size=2, max_size=7).filter(
    lambda plan: any(p[0] == "good" for p in plan))


@dataclass
class Record:
    label: str
    expect: str  # "article" or "problem"
    record: dict
    index: int
    title: object = _UNSET
    outlet: object = _UNSET
    date: object = _UNSET


def _records(plan) -> list[Record]:
    out = []
    for serial, entry in enumerate(plan):
        kind = entry[0]
        if kind == "good":
            _, outlet_name, date, (words, body) = entry
            title = f"Dispatch {serial}: {words}"
            rec = {"id": f"g{serial}", "title": title, "outlet": outlet_name, "date": date.isoformat(),
                   "text": article_text(serial, words, body)[1]}
            out.append(Record("good", "article", rec, len(out), title, _outlet_key(outlet_name), date))
            continue
        words, body = entry[1]
        rec = {"id": f"h{serial}", "title": f"Report {serial}", "outlet": "Reuters", "date": "2016-03-01",
               "text": article_text(serial, words, body)[1]}
        r = Record(kind, "article", rec, len(out))
        if kind.endswith("_text") or kind.endswith("_title") or kind.endswith("_outlet"):
            field_ = kind.rsplit("_", 1)[1]
            how = kind.rsplit("_", 1)[0]
            value = {"none": None, "nan": float("nan"), "int": 42, "empty": ""}.get(how)
            if how == "missing":
                del rec[field_]
            else:
                rec[field_] = value
            if field_ == "text":
                r.expect = "problem"  # a record with no text (an integer is not a text either)
            else:
                setattr(r, field_, "42" if how == "int" else None)
        elif kind == "epoch_date":
            rec["date"] = EPOCH
            r.date = {datetime.date(2015, 10, 10), None}
        elif kind == "us_date":
            rec["date"] = "09/10/2015"
            r.date = {datetime.date(2015, 9, 10), datetime.date(2015, 10, 9), None}
        elif kind == "nan_date":
            rec["date"] = float("nan")
            r.date = None
        elif kind == "id_chain":
            for k, rid in enumerate(("a", "a#2", "a")):
                out.append(Record(kind, "article", dict(rec, id=rid, text=f"Chain {serial}.{k}, it's open. "
                                                        + rec["text"]), len(out)))
            continue
        elif kind == "id_zero":
            rec["id"] = 0
        elif kind == "none_id":
            rec["id"] = None
        elif kind == "missing_id":
            del rec["id"]
        out.append(r)
    return out


# --------------------------------------------------------------------------------------------- helpers

def _build(fmt: str, plan, tmp: Path):
    """Write the corpus; return (path to load, inputs, FIFOs, number of files written)."""
    if fmt == "txt":
        root = tmp / "corpus"
        root.mkdir()
        inputs, fifos = _write_txt(root, plan)
        return root, inputs, fifos, len(os.listdir(root)) + sum(i.label == "subfolder" for i in inputs)
    inputs = _write_rows(tmp, plan, fmt)
    return tmp / ROW_FILES[fmt], inputs, [], 1


def _load(path: Path, fifos: list[Path]):
    return _load_guarded(path, fifos) if fifos else load_corpus(path)


def _rows(results, table: str, article_id: str) -> pd.DataFrame:
    frame = getattr(results, table)
    frame = frame[frame["article_id"] == article_id].drop(columns=["source"], errors="ignore")
    return frame.reset_index(drop=True)


def _assert_same_rows(mixed, alone, article_id: str, what: str) -> None:
    for table in TABLES[:-1]:
        got, want = _rows(mixed, table, article_id), _rows(alone, table, article_id)
        assert len(want) or table not in ("articles", "sentences"), (what, table, "nothing alone")
        pd.testing.assert_frame_equal(got, want, check_dtype=False, obj=f"{what}: {table}")


def _sorted_problems(rows) -> list[tuple]:
    return sorted(rows, key=lambda p: (p[0], -1 if p[1] is None else p[1], str(p[2]), p[3]))


def _problem_tuples(problems) -> list[tuple]:
    return _sorted_problems((str(p.path), None if p.line is None else int(p.line), p.unit, p.why) for p in problems)


def _result_problems(results) -> list[tuple]:
    return _sorted_problems((str(r.path), None if pd.isna(r.line) else int(r.line), r.unit, r.why)
                            for r in results.problems.itertuples())


def _check_results_account_for_corpus(results, corpus) -> None:
    """The results hold the corpus's articles in order and all its problems; an article missing from the
    results is named by a problem of its own (an article whose analysis failed)."""
    got = list(results.articles["article_id"])
    assert len(got) == len(set(got)), f"repeated ids in results.articles: {got}"
    want = [a.id for a in corpus]
    missing = [i for i in want if i not in set(got)]
    assert [i for i in want if i in set(got)] == got, (got, want)  # nothing from nowhere, same order
    problems = collections.Counter(_result_problems(results))
    problems.subtract(collections.Counter(_problem_tuples(corpus.problems)))
    assert not [p for p, n in problems.items() if n < 0], "a load problem is missing from results.problems"
    extra = [p for p, n in problems.items() if n > 0]
    for aid in missing:
        assert any(aid in f"{p[0]} {p[3]}" for p in extra), f"article {aid} dropped from the results unnamed"
    assert len(extra) == len(missing), f"problems that name no dropped article: {extra}"


def _analyze(data, **kw):
    STATS["analyses"] += 1
    kw.setdefault("cache", False)
    return analyze(data, progress=False, **kw)


PLANS = {"txt": txt_plans, "csv": csv_plans, "jsonl": jsonl_plans, "json": json_plans}


def _check_load(fmt: str, plan) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path, inputs, fifos, n_files = _build(fmt, plan, Path(tmp))
        _count(fmt, inputs, n_files)
        corpus = _load(path, fifos)
        _check_accounting(corpus, inputs, fmt)
        again = _load(path, fifos)
        assert [a.id for a in again] == [a.id for a in corpus]
        assert [a.text for a in again] == [a.text for a in corpus]
        assert _problem_tuples(again.problems) == _problem_tuples(corpus.problems)


# --------------------------------------------------------------------------------------------- properties


@_settings(60)
@given(txt_plans)
def test_properties_mixed_txt_folder_accounts_for_every_file(plan):
    """Each file of a folder mixing good articles and hostile files is an article with its fields as
    given, a named problem or a logged duplicate; ids are unique and the same on a second load."""
    _check_load("txt", plan)


@_settings(60)
@given(csv_plans)
def test_properties_mixed_csv_accounts_for_every_row(plan):
    """Each row of one CSV mixing good and hostile rows is an article with its fields as given, a problem
    naming its row, or a logged duplicate; ids are unique and the same on a second load."""
    _check_load("csv", plan)


@_settings(60)
@given(jsonl_plans)
def test_properties_mixed_jsonl_accounts_for_every_line(plan):
    """Each line of one JSONL mixing good and hostile records is an article with its fields as given, a
    problem naming its line, or a logged duplicate; ids are unique and the same on a second load."""
    _check_load("jsonl", plan)


@_settings(60)
@given(json_plans)
def test_properties_mixed_json_array_accounts_for_every_item(plan):
    """Each item of one JSON array mixing good records, hostile records and items that are not objects is
    an article with its fields as given, a problem naming its item, or a logged duplicate."""
    _check_load("json", plan)


def _check_analysis(fmt: str, plan, chunk_size: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path, inputs, fifos, n_files = _build(fmt, plan, Path(tmp))
        _count(fmt, inputs, n_files)
        corpus = _load(path, fifos)
        results = _analyze(corpus, chunk_size=chunk_size)
        _check_results_account_for_corpus(results, corpus)
        for inp in inputs:
            arts = _article_of(corpus, inp, fmt)
            if not inp.rows or len(arts) != 1:
                continue
            (art,) = arts
            if inp.id is not _UNSET and art.id != inp.id:
                continue  # misnumbered or misread: the load properties report it
            alone_corpus = load_corpus(inp.alone)
            assert [a.id for a in alone_corpus] == [art.id] and not alone_corpus.problems, (
                f"{inp.label} {inp.where}: id {art.id} here, alone {[a.id for a in alone_corpus]}")
            _assert_same_rows(results, _analyze(alone_corpus), art.id, f"{inp.label} {inp.where}")
            row = results.articles[results.articles["article_id"] == art.id].iloc[0]
            for field_ in ("title", "outlet", "date"):
                got = row[field_] if isinstance(row[field_], (str, datetime.date)) else None
                assert got == getattr(art, field_), (inp.label, inp.where, field_, row[field_], getattr(art, field_))


def _check_chunking(fmt: str, plan) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path, inputs, fifos, n_files = _build(fmt, plan, Path(tmp))
        _count(fmt, inputs, n_files)
        first, second = _load(path, fifos), _load(path, fifos)
        assert [a.id for a in first] == [a.id for a in second]
        one = _analyze(first, chunk_size=2)
        two = _analyze(second, chunk_size=3, workers=2, cache=Path(tmp) / "cache")
        cached = _analyze(second, chunk_size=3, cache=Path(tmp) / "cache")
        assert list(one.articles["article_id"]) == [a.id for a in first]
        for table in TABLES:
            for other, how in ((two, "chunks of 3 on 2 workers"), (cached, "from the cache")):
                pd.testing.assert_frame_equal(getattr(one, table), getattr(other, table), check_dtype=False,
                                              obj=f"{table} ({how})")
        # the same files in another folder, through the same cache: that folder's sources and problems
        (Path(tmp) / "copy").mkdir()
        copy_path, _, copy_fifos, _ = _build(fmt, plan, Path(tmp) / "copy")
        copy = _load(copy_path, copy_fifos)
        via_cache = _analyze(copy, chunk_size=3, cache=Path(tmp) / "cache")
        fresh = _analyze(copy, chunk_size=2)
        for table in TABLES:
            pd.testing.assert_frame_equal(getattr(via_cache, table), getattr(fresh, table), check_dtype=False,
                                          obj=f"{table} (a copy of the corpus elsewhere, through the same cache)")


# Each example analyses a corpus and then every input alone (about 0.25 CPU-s an example); the corpus
# holding every hostile kind below runs each kind on every run, so the generated ones add mixtures only:
# 8 a format (and 15 record lists) by default, NARRATIVE_PROPERTY_EXAMPLES=N for a deeper run.
@pytest.mark.parametrize("fmt", sorted(PLANS))
@_settings(8)
@given(data=st.data(), chunk_size=st.sampled_from([2, 3]))
def test_properties_mixed_analysis_keeps_every_good_article(fmt, data, chunk_size):
    """Analysed in chunks of 2 or 3, the rows of every article loaded from a good input (and from a hostile
    one with an id of its own) in every table equal analysing that input alone, its articles row keeps the
    article's title, outlet and date, every load problem is in ``results.problems`` and the results hold
    the corpus's articles, in order. (Whether each input loads as it must is the load properties' job.)"""
    _check_analysis(fmt, data.draw(PLANS[fmt], label="plan"), chunk_size)


@pytest.mark.parametrize("fmt", sorted(PLANS))
@_settings(5)
@given(data=st.data())
def test_properties_mixed_tables_do_not_depend_on_chunks_or_workers(fmt, data):
    """The same corpus loaded twice and analysed in chunks of 2 on one worker, in chunks of 3 on two
    workers (into a cache) and again from that cache gives the same ids and identical tables; a copy of
    the corpus in another folder analysed through that cache gives its own sources and problems."""
    _check_chunking(fmt, data.draw(PLANS[fmt], label="plan"))


# Every hostile kind of a format in one corpus, between good articles: a fixed example beside the
# generated ones (those draw a few kinds per corpus), so each kind is exercised on every run.


def _every_kind(fmt: str):
    kinds = {"txt": TXT_KINDS, "csv": CSV_KINDS, "jsonl": JSONL_KINDS, "json": JSON_KINDS}[fmt]
    body = ["\u201cThe convoy will not stop,\u201d said the mayor.", "According to a witness, aid arrived."]
    plan = []
    for i, kind in enumerate(kinds):
        date = datetime.date(2015, 1 + i % 12, 1 + i % 28)
        if fmt == "txt":
            plan.append(("good", [None, *OUTLETS][i % (len(OUTLETS) + 1)], date, (f"Talks {i}", body),
                         ["\n\n", "\n", "\r\n"][i % 3]))
        else:
            plan.append(("good", OUTLET_NAMES[i % len(OUTLET_NAMES)], date, (f"Talks {i}", body)))
        plan.append((kind, (f"Aid {i}", body[::-1])))
    return plan if fmt == "txt" else (plan, "\n", False)


@pytest.mark.parametrize("fmt", sorted(PLANS))
def test_properties_mixed_every_hostile_kind_in_one_corpus_is_accounted_for(fmt):
    """One corpus per format holding every hostile kind between good articles loads as it must."""
    _check_load(fmt, _every_kind(fmt))


@pytest.mark.parametrize("fmt", sorted(PLANS))
def test_properties_mixed_every_hostile_kind_analysed_keeps_every_good_article(fmt):
    """That corpus analysed in chunks of 3 keeps every good article as analysed alone; in chunks of 2 on one
    worker and of 3 on two workers it gives identical tables."""
    _check_analysis(fmt, _every_kind(fmt), 3)
    _check_chunking(fmt, _every_kind(fmt))


@_settings(15)
@given(record_plans, st.sampled_from([2, 3]))
def test_properties_mixed_records_keep_every_good_record(plan, chunk_size):
    """Records (dicts) given to ``analyze`` directly: a record without a usable text is a named problem,
    nothing raises, ids are unique, and each good record's rows equal analysing it alone, with its title,
    outlet and date as given (None, NaN and a missing key all mean no value)."""
    _check_records(plan, chunk_size)


def test_properties_mixed_every_hostile_record_in_one_list_keeps_every_good_record():
    """Every hostile record kind between good records, in one list, in chunks of 3."""
    plan = [entry for i, (good, kind) in enumerate(zip(_every_kind("csv")[0][::2], RECORD_KINDS))
            for entry in (good, (kind, (f"Aid {i}", ["According to a witness, aid arrived."])))]
    _check_records(plan, 3)


def _check_records(plan, chunk_size: int) -> None:
    records = _records(plan)
    STATS["corpora"] += 1
    STATS["by_format"]["records"] += 1
    for r in records:
        STATS["inputs"] += 1
        STATS["good" if r.label == "good" else "hostile"] += 1
        if r.label != "good":
            STATS["hostile_kinds"][f"record:{r.label}"] += 1
    results = _analyze([r.record for r in records], chunk_size=chunk_size)
    ids = list(results.articles["article_id"])
    assert len(ids) == len(set(ids)), f"repeated ids {ids}"
    bad = [r for r in records if r.expect == "problem"]
    assert len(ids) == len(records) - len(bad), (f"articles {ids} from records {[r.record.get('id') for r in records]}"
                                                 f" of which {[r.label for r in bad]} have no text")
    assert len(results.problems) == len(bad), (f"problems {results.problems.to_dict('records')} for records "
                                               f"without a text {[r.label for r in bad]}")
    for r, p in zip(bad, results.problems.itertuples()):
        assert p.why and (p.line in (r.index, r.index + 1) or str(r.record.get("id")) in f"{p.path} {p.why}"), p
    for r in records:
        if r.label != "good":
            continue
        aid = r.record["id"]
        assert aid in ids, f"good record {aid} is missing from {ids}"
        _assert_same_rows(results, _analyze([r.record]), aid, f"record {r.index}")
        row = results.articles[results.articles["article_id"] == aid].iloc[0]
        assert (row["title"], row["outlet"], row["date"]) == (r.title, r.outlet, r.date)
    loaded = [r for r in records if r.expect == "article"]
    for r, (_, row) in zip(loaded, results.articles.iterrows()):  # in order, the records that load
        if r.label in ("good", "id_chain"):
            continue
        if r.label in ("id_zero", "none_id", "missing_id"):
            assert row["article_id"] not in ("None", "nan", ""), (r.label, row["article_id"])
            first_zero = r is next(x for x in loaded if x.label == "id_zero") if r.label == "id_zero" else False
            assert not first_zero or row["article_id"] == "0", (r.label, row["article_id"])
            continue
        assert row["article_id"] == r.record["id"], (r.label, row["article_id"])
        for field_ in ("title", "outlet"):
            want = getattr(r, field_)
            if want is not _UNSET:
                got = row[field_] if isinstance(row[field_], str) else None
                assert got == want, (r.label, field_, row[field_])
        if isinstance(r.date, set):
            got = row["date"] if isinstance(row["date"], datetime.date) else None
            assert got in r.date, (r.label, row["date"])
        elif r.date is not _UNSET:
            assert not isinstance(row["date"], datetime.date), (r.label, row["date"])
