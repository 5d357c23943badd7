"""Corpus.filter and load_corpus(where=...): dates, outlets and topic words (invented articles)."""

from __future__ import annotations

import datetime

import pytest

from toolkit.corpus import WHERE_KEYS, load_corpus

ARTICLES = {
    "harbor_2015-09-30_strikes.txt": "Jets strike near Homs\n\nWarplanes struck two villages near Homs, the monitor said.\n",
    "harbor_2015-10-12_talks.txt": "Talks in Vienna\n\nEnvoys gathered in Vienna to talk about a truce for Syria.\n",
    "ridge_2015-10-20_aid.txt": "Aid convoy waits\n\nA convoy of Syrian aid trucks waited at the border crossing.\n",
    "ridge_2015-11-02_syriac.txt": "Old church repaired\n\nThe Syriac community repaired an old church in the valley.\n",
}


@pytest.fixture
def folder(tmp_path):
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "undated.txt").write_text("Undated note\n\nA short undated note about Syria and its people.\n",
                                          encoding="utf-8")
    return tmp_path


def test_corpus_filter_keeps_a_closed_date_range_and_leaves_out_undated(folder):
    corpus = load_corpus(folder)
    kept = corpus.filter(since="2015-10-01", until=datetime.date(2015, 10, 20))
    assert [a.id for a in kept] == ["harbor_2015-10-12_talks", "ridge_2015-10-20_aid"]
    assert "2 of 5 articles" in kept.selection and "1 undated left out" in kept.selection
    assert kept.name == corpus.name and kept.alignment == corpus.alignment
    assert "selected: 2 of 5 articles" in kept.summary()


def test_corpus_filter_by_outlet_is_case_insensitive(folder):
    kept = load_corpus(folder).filter(outlets="RIDGE")
    assert {a.outlet for a in kept} == {"ridge"} and len(kept) == 2


def test_corpus_filter_words_match_whole_words_and_a_trailing_star(folder):
    corpus = load_corpus(folder)
    whole = {a.id for a in corpus.filter(words="syria")}
    assert whole == {"harbor_2015-10-12_talks", "undated"}  # "Syrian" and "Syriac" are other words
    star = {a.id for a in corpus.filter(words=["syria*"])}
    assert star == whole | {"ridge_2015-10-20_aid", "ridge_2015-11-02_syriac"}
    assert {a.id for a in corpus.filter(words="border crossing, homs")} == {"ridge_2015-10-20_aid",
                                                                           "harbor_2015-09-30_strikes"}


def test_corpus_filter_conditions_combine_and_the_log_follows_the_articles(folder):
    corpus = load_corpus(folder)
    kept = corpus.filter(since="2015-10-01", outlets=["harbor", "ridge"], words="syria*")
    assert [a.id for a in kept] == ["harbor_2015-10-12_talks", "ridge_2015-10-20_aid", "ridge_2015-11-02_syriac"]
    ids = {a.id for a in kept}
    assert all(n.article_id in ids or n.article_id not in {a.id for a in corpus} for n in kept.log)
    again = kept.filter(outlets="ridge")
    assert len(again) == 2 and "; then " in again.selection


def test_corpus_load_with_where_equals_filter_after_loading(folder):
    where = {"since": "2015-10-01", "words": ["syria*"]}
    assert [a.id for a in load_corpus(folder, where=where)] == [a.id for a in load_corpus(folder).filter(**where)]


def test_corpus_where_rejects_unknown_keys_naming_the_valid_ones(folder):
    with pytest.raises(ValueError) as err:
        load_corpus(folder, where={"outlet": "ridge"})
    assert "'outlet'" in str(err.value) and all(k in str(err.value) for k in WHERE_KEYS)


def test_corpus_filter_rejects_bad_dates_and_an_empty_range(folder):
    corpus = load_corpus(folder)
    with pytest.raises(ValueError, match="not a date"):
        corpus.filter(since="the autumn")
    with pytest.raises(ValueError, match="after"):
        corpus.filter(since="2015-11-01", until="2015-10-01")
    with pytest.raises(TypeError):
        corpus.filter(words=7)


def test_corpus_fields_reject_an_unknown_role(folder):
    with pytest.raises(ValueError) as err:
        load_corpus(folder, fields={"body": "content"})
    assert "'body'" in str(err.value) and "text" in str(err.value)
