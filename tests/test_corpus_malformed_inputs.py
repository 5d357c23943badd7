"""Hostile inputs: empty, binary, cp1252 and BOM files, broken manifests. Nothing aborts the corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.corpus import LoadProblem, load_corpus

FIX = Path(__file__).parent / "fixtures" / "corpus"


def test_corpus_bad_files_become_problems_and_the_rest_loads():
    corpus = load_corpus(FIX / "hostile")
    assert sorted(a.id for a in corpus) == ["bom", "cp1252", "good"]
    problems = {Path(p.path).name: p.why for p in corpus.problems}
    assert problems == {"empty.txt": "empty file", "archive.txt": "binary file (contains NUL bytes), not text"}
    assert "empty.txt: empty file" in corpus.summary()


def test_corpus_cp1252_fallback_decodes_and_is_logged():
    corpus = load_corpus(FIX / "hostile")
    art = corpus.get("cp1252")
    assert "\u201cmost homes\u201d" in art.text and "\u2013 weather" in art.text
    notes = [n for n in corpus.log if n.action == "encoding_fallback"]
    assert len(notes) == 1 and "cp1252" in notes[0].detail
    assert art.title == "Storm Cuts Power to Coastal Towns"  # \r\n line ends are paragraph breaks too


def test_corpus_bom_is_not_part_of_the_text():
    art = load_corpus(FIX / "hostile").get("bom")
    assert art.text.startswith("BOM Headline") and art.title == "BOM Headline About a Harbour"


def test_corpus_forced_encoding_that_fails_is_a_problem():
    corpus = load_corpus(FIX / "hostile" / "cp1252.txt", encoding="utf-8")
    assert len(corpus) == 0
    assert corpus.problems[0].why == "cannot decode as utf-8"


def test_corpus_broken_manifest_is_reported_with_its_line_and_data_still_loads():
    corpus = load_corpus(FIX / "bad_manifest")
    assert [a.id for a in corpus] == ["orchard_2015-10-01_apples"]
    assert corpus[0].outlet == "orchard"
    (problem,) = corpus.problems
    assert problem.path.endswith("corpus.yml") and problem.line is not None
    assert "manifest ignored" in problem.why


def test_corpus_problem_strings_name_file_and_row_or_line():
    assert str(LoadProblem("a.csv", 12, "bad", "row")) == "a.csv, row 12: bad"
    assert str(LoadProblem("b.txt", 3, "bad")) == "b.txt, line 3: bad"
    assert str(LoadProblem("c.json", None, "empty file")) == "c.json: empty file"


def test_corpus_missing_path_and_unknown_format_raise(tmp_path):
    with pytest.raises(FileNotFoundError):
        load_corpus(tmp_path / "nope")
    with pytest.raises(ValueError, match="unknown format"):
        load_corpus(FIX / "broken.csv", format="xml")


def test_corpus_folder_without_articles_is_an_empty_corpus_with_a_problem(tmp_path):
    (tmp_path / "notes.md").write_text("nothing to read here", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert len(corpus) == 0 and "no readable articles" in corpus.problems[0].why
