"""The embedded demo corpus: shape, metadata and honesty of corpora/demo/."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from toolkit.text import paragraphs

DEMO = Path(__file__).resolve().parent.parent / "corpora" / "demo"
FILES = sorted(DEMO.glob("*.txt"))
NAME = re.compile(r"^(novosti|awire|fsvoice)_(2015-(?:09-30|10-[0-3]\d))_[a-z0-9-]+\.txt$")


@pytest.fixture(scope="module")
def meta():
    return yaml.safe_load((DEMO / "corpus.yml").read_text(encoding="utf-8"))


def test_at_least_18_articles_six_per_outlet():
    assert len(FILES) >= 18
    counts = Counter(NAME.match(p.name).group(1) for p in FILES)
    assert set(counts) == {"novosti", "awire", "fsvoice"}
    assert all(n >= 6 for n in counts.values()), counts


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_article_shape(path):
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


def test_typography_mix():
    texts = {p.name: p.read_text(encoding="utf-8") for p in FILES}
    assert sum("\u00a0" in t for t in texts.values()) >= 12
    curly = [n for n, t in texts.items() if "\u201c" in t]
    straight = [n for n, t in texts.items() if '"' in t]
    assert curly and straight
    assert any("\u201c" in t and '"' in t for t in texts.values()), "some article mixes both styles"


def test_corpus_yml_declares_constructed_text(meta):
    desc = meta["description"].lower()
    assert "constructed" in desc and "fictional" in desc and "not real reporting" in desc
    assert meta["license"] == "CC0-1.0"
    assert meta["format"] == "txt"
    assert meta["alignment"] == {"novosti": "russia", "awire": "us_western", "fsvoice": "opposition"}
    assert set(meta["outlets"]) == {"novosti", "awire", "fsvoice"}


def test_corpus_yml_lists_every_file_with_its_title(meta):
    listed = {a["file"]: a for a in meta["articles"]}
    assert set(listed) == {p.name for p in FILES}
    for p in FILES:
        a = listed[p.name]
        outlet, date = NAME.match(p.name).groups()
        assert a["outlet"] == outlet and str(a["date"]) == date
        assert a["title"] == paragraphs(p.read_text(encoding="utf-8"))[1].text
