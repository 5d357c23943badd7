"""The repo's own demo corpus (corpora/demo): the files' shape and honesty, and how they load through
the txt reader with their cleaning marks and the manifest's alignments."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from toolkit.corpus import load_corpus
from toolkit.text import paragraphs

DEMO = Path(__file__).resolve().parent.parent / "corpora" / "demo"
FILES = sorted(DEMO.glob("*.txt"))
NAME = re.compile(r"^(novosti|awire|fsvoice)_(2015-(?:09-30|10-[0-3]\d))_[a-z0-9-]+\.txt$")


@pytest.fixture(scope="module")
def meta():
    return yaml.safe_load((DEMO / "corpus.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def demo():
    return load_corpus(DEMO)


def test_corpus_demo_has_at_least_18_articles_six_per_outlet():
    assert len(FILES) >= 18
    counts = Counter(NAME.match(p.name).group(1) for p in FILES)
    assert set(counts) == {"novosti", "awire", "fsvoice"}
    assert all(n >= 6 for n in counts.values()), counts


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_corpus_demo_article_shape(path):
    m = NAME.match(path.name)
    assert m, path.name
    raw = path.read_bytes()
    text = raw.decode("utf-8")  # strict: the file must be valid UTF-8
    n_words = len(text.split())
    assert 250 <= n_words <= 500, n_words
    paras = [p.text for p in paragraphs(text)]
    title, caption = paras[1], paras[2]
    assert re.search(r"\([^()]+\)$", caption), "caption must end with a credit in parentheses"
    assert paras[3] == title, "title must be repeated after the caption"
    assert any(("contributed to this report" in p) or p.startswith("Reporting by") for p in paras[-4:])
    assert "2015" in paras[0]  # copyright / site line


def test_corpus_demo_mixes_typography():
    texts = {p.name: p.read_text(encoding="utf-8") for p in FILES}
    assert sum("\u00a0" in t for t in texts.values()) >= 12
    curly = [n for n, t in texts.items() if "\u201c" in t]
    straight = [n for n, t in texts.items() if '"' in t]
    assert curly and straight
    assert any("\u201c" in t and '"' in t for t in texts.values()), "some article mixes both styles"


def test_corpus_demo_manifest_declares_constructed_text(meta):
    desc = meta["description"].lower()
    assert "constructed" in desc and "fictional" in desc and "not real reporting" in desc
    assert meta["license"] == "CC0-1.0"
    assert meta["format"] == "txt"
    assert meta["alignment"] == {"novosti": "russia", "awire": "us_western", "fsvoice": "opposition"}
    assert set(meta["outlets"]) == {"novosti", "awire", "fsvoice"}


def test_corpus_demo_manifest_lists_every_file_with_its_title(meta):
    listed = {a["file"]: a for a in meta["articles"]}
    assert set(listed) == {p.name for p in FILES}
    for p in FILES:
        a = listed[p.name]
        outlet, date = NAME.match(p.name).groups()
        assert a["outlet"] == outlet and str(a["date"]) == date
        assert a["title"] == paragraphs(p.read_text(encoding="utf-8"))[1].text


def test_corpus_demo_every_file_loads_without_problems(demo):
    assert len(demo) == len(FILES)
    assert demo.problems == []


def test_corpus_demo_articles_have_outlet_date_and_a_title_section(demo):
    for art in demo:
        assert art.outlet and art.date, art.id
        kinds = [s.kind for s in art.sections]
        assert "title" in kinds, art.id
        title = next(s for s in art.sections if s.kind == "title")
        assert art.text[title.start:title.end] == art.title


def test_corpus_demo_site_chrome_and_repeats_are_masked(demo):
    for art in demo:
        kinds = [s.kind for s in art.sections]
        assert "boilerplate" in kinds and "duplicate" in kinds, art.id
        assert len(art.masked_text) == len(art.text)


def test_corpus_demo_alignment_follows_its_manifest(demo, meta):
    for outlet, alignment in meta["alignment"].items():
        assert demo.alignment_of(outlet) == alignment
