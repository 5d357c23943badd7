"""load_corpus(..., alignment=...) and read_alignment: outlet alignments a user gives (invented outlets)."""

from __future__ import annotations

import pytest

from toolkit.corpus import load_corpus, read_alignment
from toolkit.lexicon import LexiconError


@pytest.fixture
def folder(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    for outlet in ("harbor", "ridge"):
        (data / f"{outlet}_2015-10-01_talks.txt").write_text(
            f"Talks resume\n\nDiplomats from {outlet.title()} said the talks would resume on Monday.\n", encoding="utf-8")
    return data


def test_corpus_alignment_mapping_sets_each_outlet(folder):
    corpus = load_corpus(folder, alignment={"Harbor": "russia", "ridge": "opposition"})
    assert corpus.alignment_of("harbor") == "russia" and corpus.alignment_of("ridge") == "opposition"
    assert {a.meta["alignment"] for a in corpus} == {"russia", "opposition"}
    assert load_corpus(folder).alignment_of("harbor") == "other"


def test_corpus_alignment_file_plain_mapping_or_groups(folder, tmp_path):
    plain = tmp_path / "alignment.yml"
    plain.write_text("harbor: us_western\n", encoding="utf-8")
    assert load_corpus(folder, alignment=plain).alignment_of("harbor") == "us_western"
    groups = tmp_path / "outlets.yml"
    groups.write_text("groups:\n  - alignment: iran\n    why: invented for a test\n    source: this test\n"
                      "    outlets: {ridge: Ridge Daily}\n", encoding="utf-8")
    assert read_alignment(groups) == {"ridge": "iran"}
    assert load_corpus(folder, alignment=str(groups)).alignment_of("ridge") == "iran"


def test_corpus_alignment_rejects_a_camp_given_as_alignment(folder, tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("harbor: us\n", encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        load_corpus(folder, alignment=bad)
    assert "bad.yml" in str(err.value) and "us_western" in str(err.value)
    with pytest.raises(TypeError):
        read_alignment(["harbor"])
