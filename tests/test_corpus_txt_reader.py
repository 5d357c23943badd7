"""The txt reader: sections (title, caption, boilerplate, duplicate), metadata from names and manifests."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from toolkit.corpus import load_corpus

FIX = Path(__file__).parent / "fixtures" / "corpus"


def _kinds(article):
    return [(s.kind, article.text[s.start:s.end]) for s in article.sections]


@pytest.fixture(scope="module")
def basic():
    return load_corpus(FIX / "txt_basic", outlet="Fallback Gazette")


def test_corpus_folder_loads_every_txt_file(basic):
    assert sorted(a.id for a in basic) == ["harbor_2016-03-04_ceasefire-talks", "undated-note"]
    assert basic.problems == []


def test_corpus_outlet_and_date_come_from_the_file_name_else_the_option(basic):
    named = basic.get("harbor_2016-03-04_ceasefire-talks")
    assert named.outlet == "harbor" and named.date == datetime.date(2016, 3, 4)
    plain = basic.get("undated-note")
    assert plain.outlet == "fallback gazette" and plain.meta["outlet_name"] == "Fallback Gazette"
    assert plain.date is None


def test_corpus_first_non_boilerplate_line_is_the_title(basic):
    art = basic.get("harbor_2016-03-04_ceasefire-talks")
    assert art.title == "Envoys Trade \u201cCautious Hope\u201d Over Truce Plan for Northern Province"
    kinds = _kinds(art)
    assert kinds[0] == ("boilerplate", "\u00a9 2016 Harbor Daily Ledger. All rights reserved.")
    assert kinds[1][0] == "title" and kinds[1][1] == art.title


def test_corpus_captions_repeats_and_site_chrome_are_marked(basic):
    art = basic.get("harbor_2016-03-04_ceasefire-talks")
    kinds = [k for k, _ in _kinds(art)]
    assert kinds == [
        "boilerplate", "title", "caption", "duplicate", "body", "body", "duplicate", "body", "caption",
        "boilerplate", "boilerplate", "boilerplate",
    ]
    dup_notes = [n for n in basic.log if n.article_id == art.id and n.action == "duplicate_paragraph"]
    assert [(n.start, n.end) for n in dup_notes] == [(s.start, s.end) for s in art.sections if s.kind == "duplicate"]


def test_corpus_masked_text_blanks_only_boilerplate_and_duplicates(basic):
    art = basic.get("harbor_2016-03-04_ceasefire-talks")
    masked = art.masked_text
    assert len(masked) == len(art.text)
    assert masked.count("\n") == art.text.count("\n")
    for s in art.sections:
        piece = masked[s.start:s.end]
        if s.kind in ("boilerplate", "duplicate"):
            assert piece.strip() == ""
        else:
            assert piece == art.text[s.start:s.end]
    assert "All rights reserved" not in masked and "Cautious Hope" in masked


def test_corpus_section_at_finds_the_kind_and_defaults_to_body(basic):
    art = basic.get("harbor_2016-03-04_ceasefire-talks")
    caption = next(s for s in art.sections if s.kind == "caption")
    assert art.section_at(caption.start) == "caption"
    assert art.section_at(caption.end - 1) == "caption"
    assert art.section_at(caption.end) == "body"  # the newline after it belongs to no section
    assert art.section_at(0) == "boilerplate"


def test_corpus_manifest_gives_metadata_titles_and_alignment():
    corpus = load_corpus(FIX / "txt_manifest")
    assert corpus.name == "fixture-manifest" and corpus.license == "CC0-1.0"
    a1, a2 = corpus.get("a1"), corpus.get("a2")
    assert (a1.outlet, a1.date) == ("riverpost", datetime.date(2017, 5, 2))
    assert a1.sections[0].kind == "title"
    # a2's manifest title differs from its first line, so that line stays body text
    assert a2.title == "Valley Harvest Shrinks as Fuel Runs Short"
    assert [s.kind for s in a2.sections] == ["body", "body"]
    assert corpus.alignment_of("RiverPost") == "arab"
    assert corpus.alignment_of("valleywire") == "other"  # 'moonbase' is not an alignment
    assert corpus.alignment_of("never heard of it") == "other"
    whys = [p.why for p in corpus.problems]
    assert any("moonbase" in w for w in whys)
    assert any("missing.txt" in w for w in whys)


def test_corpus_single_file_path_loads_one_article():
    corpus = load_corpus(FIX / "txt_basic" / "undated-note.txt")
    assert len(corpus) == 1 and corpus[0].title == "Water Prices Climb in Besieged Suburb"
