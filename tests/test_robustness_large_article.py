"""A 5 MB single-line article (generated here, not committed) loads and goes through the text layer,
actor mentions and hedges with exact offsets.

extract_quotes runs on it too (it was quadratic on one long paragraph: robustness finding R1, fixed in quotes.py)."""

from __future__ import annotations

import random

import pytest

from toolkit.actors import find_mentions
from toolkit.corpus import load_corpus
from toolkit.hedging import find_hedges
from toolkit.quotes import extract_quotes
from toolkit.text import paragraphs, sentences, tokens

FRAGMENTS = [
    "The Kremlin said \u201cthe campaign will continue\u201d on Tuesday. ",
    "Rebels reportedly claimed that the convoy may have been hit. ",
    "A spokesman for the Pentagon said it was \"deeply concerned\", ",
    "in Aleppo and Idlib, officials said. ",
    "Lavrov insisted \"we never hide anything ",
    "Caf\u00e9 owners in the old quarter appeared to agree. ",
    "\u00ab\u00a0Nobody knows\u00a0\u00bb, a diplomat added. ",
]


def _line(n_bytes: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    parts, size = ["Long Article "], 0
    while size < n_bytes:
        frag = rng.choice(FRAGMENTS)
        parts.append(frag)
        size += len(frag.encode("utf-8"))
    return "".join(parts)


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    path = tmp_path_factory.mktemp("big") / "huge.txt"
    text = _line(5 * 1024 * 1024)
    path.write_text(text, encoding="utf-8")
    return path, text


def test_robustness_five_megabyte_single_line_loads_whole(big):
    path, text = big
    assert path.stat().st_size >= 5 * 1024 * 1024 and "\n" not in text
    corpus = load_corpus(path)
    assert corpus.problems == [] and len(corpus) == 1
    art = corpus[0]
    assert art.text == text and len(art.masked_text) == len(text)
    assert [(s.start, s.end) for s in art.sections] == [(0, len(text.rstrip()))]


def test_robustness_five_megabyte_line_text_layer_and_extractors_keep_exact_offsets(big):
    _, text = big
    assert paragraphs(text)[0].end == len(text.rstrip())
    sents = sentences(text)
    assert len(sents) > 10_000
    assert all(text[s.start:s.end] == s.text for s in sents[:: max(1, len(sents) // 2000)])
    assert all(a.end <= b.start for a, b in zip(sents, sents[1:]))
    toks = tokens(text, 0, 200_000)
    assert all(text[t.start:t.end] == t.text for t in toks)
    mentions = find_mentions(text)
    assert len(mentions) > 10_000 and all(text[m.start:m.end] == m.text for m in mentions)
    hedges = find_hedges(text)
    assert len(hedges) > 10_000 and all(0 <= h.start < h.end <= len(text) for h in hedges)
    assert {h.cue for h in hedges} >= {"reportedly", "claimed", "may"}


def test_robustness_long_single_line_quotes_do_not_overlap_and_read_back():
    text = _line(200 * 1024, seed=3)
    quotes = extract_quotes(text)
    assert len(quotes) > 500
    for a, b in zip(quotes, quotes[1:]):
        assert a.end <= b.start
    assert all(text[q.start:q.end] == q.text for q in quotes)


def test_robustness_five_megabyte_line_quotes_read_back_and_never_overlap(big):
    _, text = big
    quotes = extract_quotes(text)
    assert len(quotes) > 10_000
    assert all(a.end <= b.start for a, b in zip(quotes, quotes[1:]))
    assert all(text[q.start:q.end] == q.text for q in quotes)
    assert {q.kind for q in quotes} <= {"direct", "mixed", "indirect"}
