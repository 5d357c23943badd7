"""The outlet -> alignment table: vocabulary, coverage of the FA-KES outlets, errors with lines."""

from __future__ import annotations

import pytest

from toolkit.corpus import OUTLETS_FILE, default_outlets, load_corpus, load_outlet_table
from toolkit.vocab import ALIGNMENTS
from toolkit.lexicon import LexiconError, load_yaml

FAKES_OUTLETS = {
    "sputnik": "russia", "tass": "russia", "sana": "syria_government", "etilaf": "opposition",
    "reuters": "us_western", "manar": "iran", "alalam": "iran", "dailysabah": "turkey", "trt": "turkey",
    "ahram": "arab", "alaraby": "arab", "arabiya": "arab", "asharqalawsat": "arab", "jordantimes": "arab",
    "nna": "arab",
}


def test_corpus_bundled_table_covers_fakes_outlets_with_the_agreed_alignments():
    table = load_outlet_table()
    assert {k: table[k] for k in FAKES_OUTLETS} == FAKES_OUTLETS
    assert set(table.values()) <= set(ALIGNMENTS)


def test_corpus_every_group_is_justified_and_cited():
    data = load_yaml(OUTLETS_FILE)
    assert data["source"]
    for group in data["groups"]:
        assert len(group["why"].split()) >= 15, group["alignment"]
        assert group["source"]


def test_corpus_unknown_alignment_raises_with_the_line(tmp_path):
    bad = tmp_path / "outlets.yml"
    bad.write_text(
        "source: invented for a test\n"
        "groups:\n"
        "  - alignment: russia\n"
        "    why: a reason\n"
        "    source: a citation\n"
        "    outlets: {moscowwire: Moscow Wire}\n"
        "  - alignment: martian\n"
        "    why: a reason\n"
        "    source: a citation\n"
        "    outlets: {redplanet: Red Planet Daily}\n",
        encoding="utf-8",
    )
    with pytest.raises(LexiconError) as err:
        load_outlet_table(bad)
    assert err.value.line == 7 and "alignment" in err.value.why


def test_corpus_group_without_citation_is_rejected(tmp_path):
    bad = tmp_path / "outlets.yml"
    bad.write_text("groups:\n  - alignment: iran\n    why: a reason\n    outlets: {x: X}\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="'why' and a 'source'"):
        load_outlet_table(bad)


@pytest.mark.parametrize("text, line, why", [
    ("5\n", 1, "'groups' list"),
    ("groups:\n  - 0\n", 2, "alignment"),
    ("groups:\n  - alignment: iran\n    why: a reason\n    source: a citation\n    outlets: {null: Teheran Star}\n",
     5, "not a name"),
    ("groups:\n  - alignment: iran\n    why: a reason\n    source: a citation\n    outlets:\n      1: Teheran Star\n",
     6, "not a name"),
])
def test_corpus_outlet_table_errors_name_a_line(tmp_path, text, line, why):
    bad = tmp_path / "outlets.yml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        load_outlet_table(bad)
    assert err.value.line == line and why in err.value.why


def test_corpus_camp_us_as_an_outlet_alignment_is_refused_naming_us_western(tmp_path):
    bad = tmp_path / "outlets.yml"
    bad.write_text("groups:\n  - alignment: us\n    why: a reason\n    source: a citation\n    outlets: {x: X}\n",
                   encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        load_outlet_table(bad)
    assert err.value.line == 2 and "'us' is a speaker camp" in err.value.why and "'us_western'" in err.value.why


def test_corpus_manifest_alignment_us_is_a_problem_naming_file_line_and_us_western(tmp_path):
    (tmp_path / "cnn_2015-10-01_strikes.txt").write_text("Strikes Hit Idlib\n\nA short invented text.\n",
                                                        encoding="utf-8")
    (tmp_path / "corpus.yml").write_text("name: t\nformat: txt\ndefault_alignment: us\nalignment:\n  cnn: us\n",
                                         encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert corpus.alignment_of("cnn") == "other" and corpus[0].meta["alignment"] == "other"
    by_line = {p.line: p for p in corpus.problems}
    assert set(by_line) == {3, 5}, corpus.problems
    for problem in by_line.values():
        assert problem.path == str(tmp_path / "corpus.yml")
        assert "'us' is a speaker camp" in problem.why and "'us_western'" in problem.why


def test_corpus_default_outlets_is_the_bundled_table_and_a_copy():
    table = default_outlets()
    assert table == load_outlet_table()
    table["reuters"] = "russia"
    assert default_outlets()["reuters"] == "us_western"
