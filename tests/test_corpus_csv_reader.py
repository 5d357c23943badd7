"""The CSV reader: column mapping, broken rows, dates, duplicates, Sputnik-style markup and stubs."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from toolkit.corpus import load_corpus

FIX = Path(__file__).parent / "fixtures" / "corpus"


@pytest.fixture(scope="module")
def broken():
    return load_corpus(FIX / "broken.csv")


def test_corpus_good_rows_load_with_common_field_names(broken):
    ids = [a.id for a in broken]
    assert ids == ["r1", "r3", "r5", "r3#2"]
    r1 = broken.get("r1")
    assert r1.outlet == "cedarnews" and r1.title == "Bridge reopens"
    assert r1.date == datetime.date(2016, 3, 14)
    assert broken.get("r3").date == datetime.date(2016, 3, 15)
    assert r1.meta["row"] == 2 and r1.meta["file"] == "broken.csv"


def test_corpus_broken_and_empty_rows_are_problems_with_row_numbers(broken):
    rendered = [str(p) for p in broken.problems]
    assert len(rendered) == 2
    assert rendered[0].endswith("broken.csv, row 3: expected 5 fields, got 3")
    assert "row 5" in rendered[1] and "no text" in rendered[1]


def test_corpus_unparseable_date_is_none_and_logged(broken):
    assert broken.get("r5").date is None
    notes = [n for n in broken.log if n.action == "unparsed_date"]
    assert len(notes) == 1 and notes[0].article_id == "r5" and "sometime in spring" in notes[0].detail


def test_corpus_duplicate_text_is_dropped_naming_both_ids(broken):
    notes = [n for n in broken.log if n.action == "duplicate_article"]
    assert len(notes) == 1
    assert notes[0].article_id == "r6" and "r1" in notes[0].detail
    assert broken.get("r6") is None


def test_corpus_repeated_id_with_new_text_is_renamed(broken):
    renamed = broken.get("r3#2")
    assert renamed.meta["original_id"] == "r3" and renamed.title == "Market fire follow-up"
    assert any(n.action == "duplicate_id" and n.article_id == "r3#2" for n in broken.log)


def test_corpus_dedupe_off_keeps_the_copy():
    corpus = load_corpus(FIX / "broken.csv", dedupe=False)
    assert corpus.get("r6") is not None and len(corpus) == 5


def test_corpus_explicit_fields_override_detection(tmp_path):
    path = tmp_path / "custom.csv"
    path.write_text("key,headline,words,paper,when\nk1,A headline,Some words of an invented story.,Daily Owl,2020-02-02\n",
                    encoding="utf-8")
    corpus = load_corpus(path, fields={"id": "key", "title": "headline", "text": "words", "outlet": "paper",
                                       "date": "when"})
    art = corpus[0]
    assert (art.id, art.title, art.outlet, art.date) == ("k1", "A headline", "daily owl", datetime.date(2020, 2, 2))


def test_corpus_stray_quote_is_reported_and_other_rows_survive():
    corpus = load_corpus(FIX / "unclosed.csv")
    # the stray quote in row 3 must not glue row 4 into row 3's text; later rows load again
    assert [a.id for a in corpus] == ["u1", "u4"]
    assert len(corpus.problems) == 1 and corpus.problems[0].line == 3
    assert "malformed CSV" in corpus.problems[0].why and "lines 3-4 are skipped" in corpus.problems[0].why


def test_corpus_pipe_markup_is_masked_and_stubs_are_flagged():
    corpus = load_corpus(FIX / "pipes.csv", outlet="Wire")
    art = corpus.get("p1")
    assert art.markup, "the ' | ' separators should be detected"
    masked = art.masked_text
    assert len(masked) == len(art.text)
    assert "|" not in masked and "<iframe" not in masked
    assert "signed    a lease    with" in masked
    kinds = [(s.kind, masked[s.start:s.end]) for s in art.sections]
    assert kinds[0][1].startswith("LATAKIA (Wire)")
    assert ("caption", art.text[art.sections[2].start:art.sections[2].end]) == (kinds[2][0],
                                                                                art.text[art.sections[2].start:
                                                                                         art.sections[2].end])
    assert kinds[2][0] == "caption"
    # both stubs stay (different stories, no text yet) and are flagged
    stubs = [a for a in corpus if "stub" in a.flags]
    assert [a.id for a in stubs] == ["p2", "p3"]
    assert not any(n.action == "duplicate_article" for n in corpus.log)
