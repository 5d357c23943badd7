"""Hostile corpus inputs, generated here: odd titles and ids, dates, surrogates, undecodable file names,
JSON limits, wrong-typed manifests, special files, paths outside the corpus, page separators, size bounds.
Loading never aborts: each bad unit is a LoadProblem naming file and line, each change a CleaningNote."""

from __future__ import annotations

import datetime
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from toolkit.corpus import Corpus, article_from_text, load_corpus, parse_date, record_article, records
from toolkit.text import paragraphs

BODY = "The council met on Tuesday, and the mayor said the bridge would reopen next month."


def _clean(corpus: Corpus) -> None:
    """The contract on every article's fields."""
    ids = [a.id for a in corpus]
    assert len(ids) == len(set(ids))
    for a in corpus:
        assert isinstance(a.id, str) and a.id
        a.id.encode("utf-8")
        a.text.encode("utf-8")
        str(a.meta.get("source", "")).encode("utf-8")
        for value in (a.title, a.outlet):
            assert value is None or (isinstance(value, str) and value.strip())
        assert a.date is None or type(a.date) is datetime.date
    for p in corpus.problems:
        p.path.encode("utf-8")


def _jsonl(tmp_path: Path, rows: list, name: str = "items.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


# --------------------------------------------------------------------------- 1 titles and outlets


def test_corpus_missing_null_nan_and_number_titles_are_clean(tmp_path):
    path = _jsonl(tmp_path, [
        {"id": "a", "text": BODY + " 1", "title": 5, "outlet": ""},
        {"id": "b", "text": BODY + " 2", "title": None, "outlet": None},
        '{"id": "c", "text": "' + BODY + ' 3", "title": NaN, "outlet": NaN}',
        {"id": "d", "text": BODY + " 4"},
        {"id": "e", "text": BODY + " 5", "title": "  ", "outlet": 7},
    ])
    corpus = load_corpus(path)
    _clean(corpus)
    got = {a.id: (a.title, a.outlet) for a in corpus}
    assert got == {"a": ("5", None), "b": (None, None), "c": (None, None), "d": (None, None), "e": (None, "7")}


def test_corpus_csv_empty_title_and_outlet_cells_are_none(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text(f'id,title,source,text\n1,,,"{BODY}"\n2,Headline,cnn,"{BODY} again"\n', encoding="utf-8")
    corpus = load_corpus(path)
    _clean(corpus)
    assert [(a.title, a.outlet) for a in corpus] == [(None, None), ("Headline", "cnn")]


@pytest.mark.parametrize("first", [
    "* * *", "\U0001F600\U0001F4F0", "\u200b\u200b", "Advertisement", "<p></p><br/>", "2015",
    "In this photo taken on Monday, a crane lifts a beam over the river (Photo: Jo Doe/AP)",
])
def test_corpus_txt_title_skips_paragraphs_that_are_not_text(tmp_path, first):
    (tmp_path / "notes.txt").write_text(f"{first}\nBridge Reopens Early\n{BODY}\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    _clean(corpus)
    (art,) = corpus
    assert art.title == "Bridge Reopens Early"
    assert art.outlet is None  # no outlet in the file name


def test_corpus_txt_with_no_text_paragraph_has_no_title(tmp_path):
    art, _ = article_from_text("***\n\u200b\n<br>", "x", title_line=True)
    assert art.title is None


# --------------------------------------------------------------------------- 2 file names


def test_corpus_file_name_that_is_not_utf8_loads_with_a_sanitised_id(tmp_path):
    raw = os.fsencode(tmp_path) + b"/\xff\xfe.txt"
    fd = os.open(raw, os.O_WRONLY | os.O_CREAT, 0o644)
    os.write(fd, f"Title Here\n{BODY}\n".encode())
    os.close(fd)
    corpus = load_corpus(tmp_path)
    _clean(corpus)
    (art,) = corpus
    assert art.id == "\\xff\\xfe" and art.title == "Title Here"
    assert "\\xff\\xfe.txt" in art.meta["source"]
    assert [n.action for n in corpus.log] == ["unsafe_filename"]
    corpus.to_frame().to_parquet(tmp_path / "frame.parquet")  # ids and sources encode as UTF-8


# --------------------------------------------------------------------------- 3 JSON limits


def test_corpus_lone_surrogate_escape_becomes_replacement_character(tmp_path):
    path = tmp_path / "one.json"
    path.write_text('{"id": "s", "title": "Bad \\ud83d title", "text": "' + BODY + ' \\ud83d end"}', encoding="utf-8")
    corpus = load_corpus(path)
    _clean(corpus)
    (art,) = corpus
    assert art.text.endswith(" \ufffd end") and art.title == "Bad \ufffd title"
    assert [n.action for n in corpus.log] == ["lone_surrogate"]
    assert "2 lone surrogate" in corpus.log[0].detail


def test_corpus_huge_number_and_deep_nesting_are_problems_with_their_line(tmp_path):
    path = _jsonl(tmp_path, [
        {"id": "ok", "text": BODY},
        '{"id": "n", "text": "x", "n": ' + "9" * 5000 + "}",
        '{"id": "d", "text": "x", "deep": ' + "[" * 100_000 + "]" * 100_000 + "}",
    ])
    corpus = load_corpus(path)
    assert [a.id for a in corpus] == ["ok"]
    assert [(p.line, "digits" in p.why, "nested" in p.why) for p in corpus.problems] == [
        (2, True, False), (3, False, True)]
    whole = tmp_path / "whole.json"
    whole.write_text('[\n{"id": "a", "text": "t"},\n{"deep": ' + "{\"a\": " * 100_000 + "1" + "}" * 100_001 + "]")
    (problem,) = load_corpus(whole).problems
    assert problem.line == 3 and "nested" in problem.why


# --------------------------------------------------------------------------- 4 manifests


@pytest.mark.parametrize("field, value", [
    ("date_format", "5"), ("fields", "text"), ("articles", "3"), ("alignment", "[a, b]"), ("data", "[x]"),
    ("outlet", "{a: 1}"), ("format", "pdf"), ("markup", "[1]"), ("name", "{x: y}"), ("default_alignment", "mars"),
    ("fields", "{text: [a]}"), ("alignment", "{cnn: [x]}"), ("articles", "[5, {file: {a: 1}}]"),
])
def test_corpus_wrong_typed_manifest_field_is_a_problem_with_its_line(tmp_path, field, value):
    (tmp_path / "a.txt").write_text(f"Title\n{BODY}\n", encoding="utf-8")
    (tmp_path / "corpus.yml").write_text(f"description: generated\n{field}: {value}\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    _clean(corpus)
    assert [a.id for a in corpus] == ["a"]
    assert corpus.problems, "the bad field must be reported"
    for p in corpus.problems:
        assert p.path == str(tmp_path / "corpus.yml") and p.line == 2
    assert field in corpus.problems[0].why or "articles entry" in corpus.problems[0].why


def test_corpus_manifest_fuzz_never_raises(tmp_path):
    (tmp_path / "a.txt").write_text(f"Title\n{BODY}\n", encoding="utf-8")
    values = ["5", "-1.5", "true", "null", "[]", "{}", "[a, b]", "{a: 1}", "[[1]]", "''", "'x'", "[{file: 3}]"]
    fields = ["name", "description", "source", "license", "format", "data", "outlet", "date_format", "markup",
              "default_alignment", "fields", "alignment", "articles", "match"]
    for i, field in enumerate(fields):
        for value in values:
            (tmp_path / "corpus.yml").write_text(f"{field}: {value}\n", encoding="utf-8")
            corpus = load_corpus(tmp_path)
            _clean(corpus)
            assert len(corpus) == 1, (field, value)
            corpus.summary()


# --------------------------------------------------------------------------- 5 ids


def test_corpus_ids_a_a2_a_stay_distinct(tmp_path):
    path = _jsonl(tmp_path, [{"id": "a", "text": "first text"}, {"id": "a#2", "text": "second text"},
                             {"id": "a", "text": "third text"}, {"id": 0, "text": "fourth text"}])
    corpus = load_corpus(path)
    _clean(corpus)
    assert [a.id for a in corpus] == ["a", "a#2", "a#3", "0"]
    assert corpus.get("a#3").meta["original_id"] == "a"


def test_corpus_csv_id_zero_is_kept(tmp_path):
    path = tmp_path / "z.csv"
    path.write_text(f'id,text,date\n0,"{BODY}",0\n', encoding="utf-8")
    corpus = load_corpus(path)
    assert [a.id for a in corpus] == ["0"]
    assert [n.action for n in corpus.log] == ["unparsed_date"]


def test_corpus_records_with_repeated_ids_and_no_text():
    problems: list = []
    out = list(records([{"id": "a", "text": "one"}, {"id": "a#2", "text": "two"}, {"id": "a", "text": "three"},
                        {"id": "b", "text": float("nan")}, {"id": "c", "text": None}, {"text": "no id"}], problems))
    assert [r["id"] for r in out] == ["a", "a#2", "a#3", "5"]
    assert [(p.line, "no text" in p.why) for p in problems] == [(4, True), (5, True)]


def test_corpus_analyze_records_get_unique_ids_and_parsed_dates():
    from toolkit.pipeline import analyze

    res = analyze([{"id": "a", "text": BODY, "date": 1_450_000_000},
                   {"id": "a", "text": BODY + " More.", "date": 5},
                   {"id": "n", "text": float("nan")}], cache=False, workers=1)
    arts = res.articles.set_index("article_id")
    assert sorted(arts.index) == ["a", "a#2"]
    assert str(arts.loc["a", "date"])[:10] == "2015-12-13"
    assert arts.loc["a#2", "date"] is None or str(arts.loc["a#2", "date"]) in ("None", "NaT", "nan")
    assert len(res.problems) == 1 and "no text" in res.problems["why"].iloc[0]


# --------------------------------------------------------------------------- 6 dates


@pytest.mark.parametrize("value, date, action", [
    (1_450_000_000, datetime.date(2015, 12, 13), "epoch_date"),
    (1_450_000_000.5, datetime.date(2015, 12, 13), "epoch_date"),
    ("1450000000", datetime.date(2015, 12, 13), "epoch_date"),
    (5, None, "unparsed_date"),
    (99_999_999_999, None, "unparsed_date"),
    ("09/10/2015", datetime.date(2015, 9, 10), "ambiguous_date"),
    ("09/09/2015", datetime.date(2015, 9, 9), None),
    ("09/13/2015", datetime.date(2015, 9, 13), None),
    ("2015-09-10", datetime.date(2015, 9, 10), None),
    (float("nan"), None, None),
    (None, None, None),
    ("nan", None, None),
    (True, None, "unparsed_date"),
    ("soon", None, "unparsed_date"),
])
def test_corpus_parse_date_cases(value, date, action):
    got, got_action, _detail = parse_date(value)
    assert (got, got_action) == (date, action)


def test_corpus_manifest_date_format_silences_ambiguous_dates(tmp_path):
    path = tmp_path / "d.csv"
    path.write_text(f'id,date,text\n1,09/10/2015,"{BODY}"\n', encoding="utf-8")
    loose = load_corpus(path)
    assert loose[0].date == datetime.date(2015, 9, 10)
    assert [n.action for n in loose.log] == ["ambiguous_date"]
    strict = load_corpus(path, manifest={"date_format": "%d/%m/%Y"})
    assert strict[0].date == datetime.date(2015, 10, 9) and strict.log == []


def test_corpus_record_article_uses_the_corpus_date_parser():
    art, notes = record_article({"id": 0, "text": BODY, "date": 0, "title": float("nan"), "outlet": 3}, 0)
    assert (art.id, art.date, art.title, art.outlet) == ("0", None, None, "3")
    assert [n.action for n in notes] == ["unparsed_date"]
    with pytest.raises(ValueError):
        record_article({"id": "x", "text": None}, 1)


# --------------------------------------------------------------------------- 7 folder walking


def test_corpus_special_entries_are_problems_and_never_opened(tmp_path):
    (tmp_path / "good.txt").write_text(f"Good Title\n{BODY}\n", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "inner.txt").write_text(f"Inner\n{BODY} inner\n", encoding="utf-8")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock_path = tmp_path / "s.txt"
    try:
        sock.bind(str(sock_path))
    except OSError:
        sock_path = None
    outside = tmp_path.parent / f"{tmp_path.name}-outside.txt"
    outside.write_text(f"Outside\n{BODY} outside\n", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(outside)
    try:
        corpus = load_corpus(tmp_path)  # would block forever if the FIFO were opened
        why = {Path(p.path).name: p.why for p in corpus.problems}
        assert [a.id for a in corpus] == ["good"]
        assert "FIFO" in why["pipe.txt"] and "subfolder" in why["sub"] and "dangling" in why["dangling.txt"]
        assert "outside the corpus folder" in why["link.txt"] and "allow_outside=True" in why["link.txt"]
        if sock_path is not None:
            assert "socket" in why["s.txt"]
        allowed = load_corpus(tmp_path, allow_outside=True)
        assert sorted(a.id for a in allowed) == ["good", "link"]
        direct = load_corpus(tmp_path / "pipe.txt")
        assert len(direct) == 0 and "FIFO" in direct.problems[0].why
        assert "device file" in load_corpus("/dev/null").problems[0].why
    finally:
        sock.close()
        outside.unlink()


def test_corpus_manifest_paths_outside_the_folder_are_refused(tmp_path):
    corpus_dir = tmp_path / "c"
    corpus_dir.mkdir()
    (corpus_dir / "a.txt").write_text(f"Title\n{BODY}\n", encoding="utf-8")
    (tmp_path / "secret.csv").write_text(f'id,text\nsecret,"{BODY}"\n', encoding="utf-8")
    (corpus_dir / "corpus.yml").write_text(
        "name: c\ndata: ../secret.csv\narticles:\n  - file: ../../etc/passwd\n    id: pw\n", encoding="utf-8")
    corpus = load_corpus(corpus_dir)
    assert [a.id for a in corpus] == ["a"]
    whys = [(p.line, p.why) for p in corpus.problems]
    assert whys[0][0] == 2 and "refused" in whys[0][1]
    assert whys[1][0] == 4 and "refused" in whys[1][1]
    assert [a.id for a in load_corpus(corpus_dir, allow_outside=True)] == ["secret"]


# --------------------------------------------------------------------------- 8 page separators


@pytest.mark.parametrize("sep", ["\f", "\u2029", "\v", "\x1c", "\x1d", "\x1e"])
def test_corpus_page_separators_break_paragraphs(tmp_path, sep):
    (tmp_path / "paged.txt").write_text(f"Page One Title{sep}{BODY}{sep}{BODY} Second page.", encoding="utf-8")
    (art,) = load_corpus(tmp_path)
    assert art.title == "Page One Title"
    assert [s.kind for s in art.sections] == ["title", "body", "body"]
    assert len(art.masked_text) == len(art.text) and art.masked_text.count(sep) == 2
    assert len(paragraphs(f"a{sep}b")) == 2


# --------------------------------------------------------------------------- 9 size bound


def test_corpus_text_over_max_chars_is_a_problem_saying_how_to_raise_it(tmp_path):
    path = tmp_path / "big.csv"
    long_text = ("word " * 400_000)[:2_000_000]
    path.write_text(f'id,text\nbig,"{long_text}"\nsmall,"{BODY}"\n', encoding="utf-8")
    corpus = load_corpus(path, max_chars=1_000_000)
    assert [a.id for a in corpus] == ["small"]
    (problem,) = corpus.problems
    assert problem.line == 2 and "max_chars" in problem.why and "2,000,000" in problem.why
    assert sorted(a.id for a in load_corpus(path)) == ["big", "small"]  # default bound: 10 million
    assert sorted(a.id for a in load_corpus(path, max_chars=None)) == ["big", "small"]
    (tmp_path / "big.txt").write_text(long_text, encoding="utf-8")
    txt = load_corpus(tmp_path / "big.txt", max_chars=400_000)
    assert len(txt) == 0 and "max_chars" in txt.problems[0].why


# --------------------------------------------------------------------------- 10 command line


def test_corpus_cli_prints_every_problem(tmp_path):
    (tmp_path / "good.txt").write_text(f"Good Title\n{BODY}\n", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "corpus.yml").write_text("name: gen\ndate_format: 5\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "toolkit", "corpus", str(tmp_path)], capture_output=True,
                         text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])})
    assert out.returncode == 0, out.stderr
    assert "Problems: 2" in out.stdout
    assert "corpus.yml, line 2: manifest field 'date_format' ignored" in out.stdout
    assert "pipe.txt: skipped: a FIFO" in out.stdout


def test_corpus_summary_counts_the_new_notes(tmp_path):
    path = tmp_path / "d.csv"
    path.write_text(f'id,date,text\n1,09/10/2015,"{BODY}"\n2,1450000000,"{BODY} two"\n', encoding="utf-8")
    assert "  also: 1 ambiguous_date, 1 epoch_date" in load_corpus(path).summary()


def test_corpus_bad_value_inside_fields_names_the_mapping_line(tmp_path):
    (tmp_path / "a.txt").write_text(f"Title\n{BODY}\n", encoding="utf-8")
    (tmp_path / "corpus.yml").write_text("name: x\nfields:\n  text: 5\n", encoding="utf-8")
    (problem,) = load_corpus(tmp_path).problems
    assert problem.line == 3 and "fields.text" in problem.why


def test_corpus_csv_goes_on_after_a_malformed_multiline_record(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text('id,title,text\n'
                    'a1,"Harbour news"x,"The ferry left at dawn.\n\nIt returned at noon, a clerk said."\n'
                    'a2,Market day,"Stalls opened early, traders said."\n', encoding="utf-8")
    corpus = load_corpus(path)
    assert [(a.id, a.meta["row"]) for a in corpus] == [("a2", 3)]
    (problem,) = corpus.problems
    assert problem.line == 2 and "lines 2-4 are skipped" in problem.why


def test_corpus_jsonl_lines_name_their_own_fields(tmp_path):
    path = tmp_path / "items.jsonl"
    path.write_text('{"id": "j1", "body": "The port reopened, officials said."}\n'
                    '{"id": "j2", "title": "Port news", "text": "Ships docked again, a pilot said."}\n',
                    encoding="utf-8")
    corpus = load_corpus(path)
    assert [(a.id, a.title) for a in corpus] == [("j1", None), ("j2", "Port news")]
    assert "reopened" in corpus.get("j1").text
