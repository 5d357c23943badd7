"""The repo's own demo corpus (corpora/demo) loads through the txt reader with its cleaning marks."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.corpus import load_corpus
from toolkit.lexicon import load_yaml

DEMO = Path(__file__).resolve().parent.parent / "corpora" / "demo"


@pytest.fixture(scope="module")
def demo():
    if not any(DEMO.glob("*.txt")):
        pytest.skip(f"demo corpus not present yet: {DEMO}")
    return load_corpus(DEMO)


def test_every_demo_file_loads_without_problems(demo):
    assert len(demo) == len(list(DEMO.glob("*.txt")))
    assert demo.problems == []


def test_demo_articles_have_outlet_date_and_a_title_section(demo):
    for art in demo:
        assert art.outlet and art.date, art.id
        kinds = [s.kind for s in art.sections]
        assert "title" in kinds, art.id
        title = next(s for s in art.sections if s.kind == "title")
        assert art.text[title.start:title.end] == art.title


def test_demo_site_chrome_and_repeats_are_masked(demo):
    for art in demo:
        kinds = [s.kind for s in art.sections]
        assert "boilerplate" in kinds and "duplicate" in kinds, art.id
        assert len(art.masked_text) == len(art.text)


def test_demo_alignment_follows_its_manifest(demo):
    manifest = DEMO / "corpus.yml"
    if not manifest.exists():
        pytest.skip("corpora/demo/corpus.yml not written yet")
    table = load_yaml(manifest).get("alignment") or {}
    for outlet, alignment in table.items():
        assert demo.alignment_of(outlet) == alignment
