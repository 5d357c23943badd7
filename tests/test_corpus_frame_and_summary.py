"""Corpus as a sequence, its DataFrame and its summary; duplicate detection across quote styles."""

from __future__ import annotations

import datetime
from pathlib import Path

from toolkit.corpus import Article, Corpus, Section, article_from_text, load_corpus

FIX = Path(__file__).parent / "fixtures" / "corpus"


def test_corpus_to_frame_has_one_row_per_article_with_the_contract_columns():
    corpus = load_corpus(FIX / "broken.csv")
    frame = corpus.to_frame()
    assert list(frame.columns) == ["id", "outlet", "alignment", "date", "title", "n_chars", "n_words", "flags",
                                   "source"]
    assert list(frame["id"]) == [a.id for a in corpus]
    row = frame.set_index("id").loc["r1"]
    assert row["n_words"] == 12 and row["n_chars"] == len(corpus.get("r1").text)
    assert row["source"].endswith("broken.csv, row 2") and row["date"] == datetime.date(2016, 3, 14)


def test_corpus_summary_reports_counts_cleaning_and_problems():
    text = load_corpus(FIX / "broken.csv").summary()
    assert "4 articles" in text
    assert "1 duplicate articles dropped" in text and "1 repeated ids renamed" in text
    assert "Problems: 2" in text and "broken.csv, row 3: expected 5 fields, got 3" in text
    assert "Dates: 2016-03-14 to 2016-03-17; 1 undated" in text


def test_corpus_curly_and_straight_quotes_count_as_the_same_text(tmp_path):
    (tmp_path / "one.txt").write_text("Headline\n\nShe said \u201cno deal\u201d and left.\n", encoding="utf-8")
    (tmp_path / "two.txt").write_text("Headline\n\nShe said  \"no deal\" and left.\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert [a.id for a in corpus] == ["one"]
    (note,) = [n for n in corpus.log if n.action == "duplicate_article"]
    assert note.article_id == "two" and "one" in note.detail


def test_corpus_article_from_text_marks_a_plain_string():
    text = "Story Title\nBody line one says something.\nAdvertisement\nBody line one says something.\n"
    art, notes = article_from_text(text, "t1", title="Story Title")
    assert [s.kind for s in art.sections] == ["title", "body", "boilerplate", "duplicate"]
    assert [n.action for n in notes] == ["boilerplate", "duplicate_paragraph"]
    assert art.masked_text.splitlines()[2].strip() == ""


def test_corpus_is_a_sequence_built_from_articles():
    arts = [Article(f"a{i}", "somepaper", None, None, "Text.", (Section(0, 5, "body"),)) for i in range(3)]
    corpus = Corpus(arts, name="hand-made", alignment={"SomePaper": "turkey"})
    assert len(corpus) == 3 and corpus[1].id == "a1" and [a.id for a in corpus[1:]] == ["a1", "a2"]
    assert corpus.alignment_of("somepaper") == "turkey" and corpus.alignment_of(None) == "other"
    assert arts[0].masked_text == "Text." and arts[0].section_at(2) == "body"
