"""Hostile inputs (tests/fixtures/hostile, all written for these tests): every file is either an
article in the results or a named problem; a corpus run continues past bad files and reports them
in ``Results.problems`` and in the CLI summary. Nothing is dropped silently."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from toolkit.pipeline import analyze
from toolkit.corpus import load_corpus
from toolkit.quotes import extract_quotes

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"
TXT = HOSTILE / "txt"
DOCS = {"README.md"}  # documentation beside the data: neither article nor problem

# file -> the reason its problem must give (files not listed here must load as articles)
BAD_TXT = {
    "empty.txt": "empty file",
    "blank.txt": "empty file",
    "binary.txt": "binary file",
    "invalid_bytes.txt": "cannot decode",
    "stray.html": "not a corpus file",
}
# files that load as articles and are named problems too: the measures are English-only (toolkit.corpus.language)
NOT_ENGLISH = {
    "arabic.txt": "arabic script",
    "russian.txt": "cyrillic script",
    "french.txt": "English function words",
}
PROBLEMS = {**BAD_TXT, **NOT_ENGLISH}


def _accounted(corpus) -> tuple[set[str], set[str]]:
    articles = {a.meta["file"] for a in corpus}
    problems = {Path(p.path).name for p in corpus.problems}
    return articles, problems


@pytest.fixture(scope="module")
def txt_corpus():
    return load_corpus(TXT)


@pytest.fixture(scope="module")
def txt_results(txt_corpus):
    return analyze(txt_corpus, cache=False, progress=False)


def test_robustness_every_txt_file_is_an_article_or_a_named_problem(txt_corpus):
    files = {p.name for p in TXT.iterdir()} - DOCS
    articles, problems = _accounted(txt_corpus)
    assert articles | problems == files
    assert articles & problems == set(NOT_ENGLISH)
    assert problems == set(PROBLEMS)
    for p in txt_corpus.problems:
        name = Path(p.path).name
        assert PROBLEMS[name] in p.why, (name, p.why)
        assert str(p).startswith(p.path)  # the message names the file
    assert len(txt_corpus) == len(files) - len(BAD_TXT) == 13


def test_robustness_analysis_keeps_every_article_and_every_problem(txt_corpus, txt_results):
    assert sorted(txt_results.articles["article_id"]) == sorted(a.id for a in txt_corpus)
    assert {Path(p).name for p in txt_results.problems["path"]} == set(PROBLEMS)
    assert len(txt_results.problems) == len(PROBLEMS)
    summary = txt_results.summary()
    assert f"{len(PROBLEMS)} problems" in summary
    for name in PROBLEMS:
        assert name in summary


def test_robustness_every_offset_in_the_results_reads_back_its_text(txt_corpus, txt_results):
    texts = {a.id: a.text for a in txt_corpus}
    assert len(txt_results.sentences) > 0 and len(txt_results.quotes) > 0
    for row in txt_results.sentences.itertuples():
        span = texts[row.article_id][row.start:row.end]
        assert span and span == span.strip() and "\n" not in span, row
    for table in ("mentions", "quotes"):
        for row in getattr(txt_results, table).itertuples():
            assert texts[row.article_id][row.start:row.end] == row.text, (table, row)
    for row in txt_results.quotes.dropna(subset=["speaker_start"]).itertuples():
        text = texts[row.article_id]
        assert 0 <= row.speaker_start < row.speaker_end <= len(text)
    for row in txt_results.hedges.itertuples():
        text = texts[row.article_id]
        assert 0 <= row.start < row.end <= len(text)
        assert " ".join(text[row.start:row.end].lower().replace("\u2019", "'").split()) == row.cue


def test_robustness_encodings_decode_to_the_intended_characters(txt_corpus):
    bom = txt_corpus.get("bom")
    assert not bom.text.startswith("\ufeff") and bom.title == "Harbour Council Meets Again"
    cp = txt_corpus.get("cp1252")
    assert "\u201cthe looms are running again\u201d" in cp.text and "\u2013 a first" in cp.text
    lat = txt_corpus.get("latin1")
    assert "Jos\u00e9 Nu\u00f1ez" in lat.text and "cr\u00e8me br\u00fbl\u00e9e" in lat.text
    fallbacks = {n.article_id for n in txt_corpus.log if n.action == "encoding_fallback"}
    assert fallbacks == {"cp1252.txt", "latin1.txt"}


def test_robustness_cp1252_curly_quote_is_extracted_with_its_speaker(txt_results):
    q = txt_results.quotes[txt_results.quotes["article_id"] == "cp1252"]
    assert len(q) == 1
    assert "the looms are running again" in q.iloc[0]["text"]
    assert q.iloc[0]["speaker"] == "A union organiser"


def test_robustness_html_page_has_tags_and_scripts_masked_but_keeps_its_quote(txt_corpus, txt_results):
    page = txt_corpus.get("page")
    masked = page.masked_text
    assert len(masked) == len(page.text)
    assert "<" not in masked and ">" not in masked
    assert "the script said nothing" not in masked and "color" not in masked
    assert "quoted" not in masked  # the HTML comment
    assert "the winter timetable starts on Monday" in masked
    assert any(n.action == "html_markup" for n in load_corpus(TXT / "page.txt").log)
    q = txt_results.quotes[txt_results.quotes["article_id"] == "page"]
    assert list(q["speaker"]) == ["The ferry operator"]
    assert "the winter timetable starts on Monday" in q.iloc[0]["text"]
    h = txt_results.hedges[txt_results.hedges["article_id"] == "page"]
    assert list(h["cue"]) == ["reportedly"]  # inside <b>...</b>: the tags are blanked, the word is kept


@pytest.mark.parametrize("name", ["nested_quotes", "unclosed_quote", "mixed_marks", "only_marks", "line_breaks"])
def test_robustness_unbalanced_and_mixed_marks_give_non_overlapping_quotes_inside_the_text(txt_corpus, name):
    art = txt_corpus.get(name)
    quotes = extract_quotes(art.masked_text, sections=art.sections)
    assert quotes == extract_quotes(art.masked_text, sections=art.sections)  # deterministic
    last_end = 0
    for q in quotes:
        assert 0 <= q.start < q.end <= len(art.text)
        assert art.text[q.start:q.end] == q.text
        assert q.start >= last_end
        last_end = q.end
        if q.cue_start is not None:
            assert art.text[q.cue_start:q.cue_end].lower() == q.cue.lower()
    if name in ("nested_quotes", "mixed_marks", "unclosed_quote"):
        assert quotes, name  # each of these holds at least one attributed statement


def test_robustness_quote_that_never_closes_stops_at_its_paragraph(txt_corpus):
    art = txt_corpus.get("unclosed_quote")
    quotes = extract_quotes(art.text)
    first = next(q for q in quotes if "lighthouse" in q.text)
    assert "\n" not in first.text
    assert first.speaker == "The harbour master"


def test_robustness_non_english_articles_load_with_their_text_intact(txt_corpus, txt_results):
    for name, word in (("french", "march\u00e9"), ("russian", "\u041c\u043e\u0441\u0442"),
                       ("arabic", "\u0627\u0644\u0645\u0643\u062a\u0628\u0629"), ("cjk_emoji", "\U0001f6a2")):
        art = txt_corpus.get(name)
        assert word in art.text, name
        assert (txt_results.sentences["article_id"] == name).sum() >= 2, name


def test_robustness_csv_with_broken_rows_names_each_row():
    corpus = load_corpus(HOSTILE / "broken_row.csv")
    assert [a.id for a in corpus] == ["r2", "r4", "r5"]
    bad = {p.line: p for p in corpus.problems}
    assert set(bad) == {3, 6, 7}
    assert all(p.unit == "row" and p.path.endswith("broken_row.csv") for p in bad.values())
    assert "expected 4 fields, got 6" in bad[3].why and ", row 3:" in str(bad[3])
    assert "no text" in bad[6].why
    # the unclosed field of row 7 runs into row 8 (file lines 7-8): the problem names both lines,
    # so the swallowed record is not lost silently
    assert "lines 7-8 are skipped" in bad[7].why
    loaded = {a.meta["row"] for a in corpus}
    assert loaded | set(bad) | {8} == set(range(2, 9))


def test_robustness_json_that_is_not_json_is_a_problem_with_its_line():
    for name, line in (("not_json.json", 3), ("xml_as.json", 1)):
        corpus = load_corpus(HOSTILE / name)
        assert len(corpus) == 0
        (problem,) = corpus.problems
        assert problem.path.endswith(name) and problem.line == line and "not JSON" in problem.why


def test_robustness_jsonl_bad_lines_are_named_and_good_lines_load():
    corpus = load_corpus(HOSTILE / "lines.jsonl")
    assert [a.id for a in corpus] == ["l1", "l6"]
    assert {p.line for p in corpus.problems} == {2, 3, 4, 5}
    assert {a.meta["line"] for a in corpus} | {p.line for p in corpus.problems} == set(range(1, 7))


def test_robustness_mixed_folder_reports_files_of_other_formats(tmp_path):
    (tmp_path / "one.txt").write_text("Title One\nThe clerk said the office opens at nine.\n", encoding="utf-8")
    (tmp_path / "two.txt").write_text("Title Two\nThe porter said the door sticks.\n", encoding="utf-8")
    (tmp_path / "rows.csv").write_text("id,text\na,some text\n", encoding="utf-8")
    (tmp_path / "doc.json").write_text('{"id": "x", "text": "y"}', encoding="utf-8")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4 not really")
    (tmp_path / ".hidden").write_text("editor state", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert sorted(a.id for a in corpus) == ["one", "two"]
    why = {Path(p.path).name: p.why for p in corpus.problems}
    assert set(why) == {"rows.csv", "doc.json", "scan.pdf"}
    assert "csv file in a folder read as txt" in why["rows.csv"]
    assert "not a corpus file (.pdf)" in why["scan.pdf"]


def test_robustness_generated_invalid_byte_sequences_never_raise(tmp_path):
    """Every single byte 0x80-0xFF and a few broken UTF-8 sequences, one file each: article or problem."""
    blobs = {f"b{b:02x}.txt": b"Title\nThe clerk said " + bytes([b]) + b" twice.\n" for b in range(0x80, 0x100)}
    blobs.update({
        "overlong.txt": b"Title\nOverlong \xc0\xaf slash said the clerk.\n",
        "surrogate.txt": b"Title\nA lone surrogate \xed\xa0\x80 here.\n",
        "truncated.txt": b"Title\nTruncated at the end \xe2\x80",
        "nul_late.txt": b"Title\n" + b"a" * 9000 + b"\x00 late NUL byte\n",
    })
    for name, data in blobs.items():
        (tmp_path / name).write_bytes(data)
    corpus = load_corpus(tmp_path, dedupe=False)
    articles, problems = _accounted(corpus)
    assert articles | problems == set(blobs) and not articles & problems
    for a in corpus:
        assert a.text.startswith("Title\n") and a.title == "Title" and a.sections[-1].kind == "body"
    for p in corpus.problems:
        assert "cannot decode" in p.why
    # the bytes cp1252 leaves undefined are the only ones that fail
    assert problems == {f"b{b:02x}.txt" for b in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}


def test_robustness_cli_analyze_prints_the_problems(tmp_path):
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "toolkit", "analyze", str(TXT), "--out", str(out), "--cache", str(tmp_path / "c")],
        capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    assert f"{len(PROBLEMS)} problems" in proc.stdout
    for name, why in PROBLEMS.items():
        line = next(l for l in proc.stdout.splitlines() if name in l)
        assert why in line
    assert (out / "problems.parquet").exists() and (out / "articles.parquet").exists()


def test_robustness_csv_problems_keep_their_row_in_results():
    corpus = load_corpus(HOSTILE / "broken_row.csv")
    results = analyze(corpus, cache=False, progress=False)
    assert len(results.articles) == len(corpus) == 3 and len(results.problems) == 3
    summary = results.summary()
    assert "broken_row.csv, row 3: expected 4 fields, got 6" in summary
