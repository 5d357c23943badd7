"""The seed article: every attributed statement is found with the right speaker (read from ../shared)."""

from __future__ import annotations

import pytest

from toolkit.quotes import extract_quotes

SEED = ("seed", "000_cfdc8fee49a77273.txt")


@pytest.fixture
def seed_quotes(shared):
    text = shared(*SEED).read_text(encoding="utf-8")
    return text, extract_quotes(text, actors=False)


def _find(text, quotes, cue, opening):
    """The quote whose cue is ``cue`` and whose content starts with ``opening`` (a few words)."""
    hits = [q for q in quotes if q.cue == cue and q.text.startswith(opening)] if cue else \
        [q for q in quotes if q.text.startswith(opening)]
    assert hits, f"no quote with cue {cue!r} starting {opening!r}"
    return hits[0]


@pytest.mark.parametrize("cue,opening,speaker,kind", [
    ("denied", "reports that civilians", "Vladimir Putin", "indirect"),
    ("said", "We are ready", "Vladimir Putin", "direct"),           # he = Putin
    ("told", "he could", "John McCain", "mixed"),
    ("say", "the strikes were", "McCain", "mixed"),
    ("insisted", "civilian areas", "Konashenkov", "indirect"),     # he = Konashenkov
    ("said", "Russia was going after", "Dmitry Peskov", "mixed"),  # Peskov's "list"
    ("said", "These organizations", "Dmitry Peskov", "direct"),    # he = Peskov
    ("said", "the operation", "Sergei Ivanov", "direct"),
    ("said", "Russia would be fighting", "Putin", "mixed"),
    ("said", "the Russians appeared", "Ash Carter", "indirect"),
    ("said", "the Russians should not", "Carter", "mixed"),
    ("said", "Our goals for this meeting", "Carter", "direct"),
    ("said", "Russian \"airstrikes", "a Lebanese source", "mixed"),
    ("told", "It is possible", "this source", "direct"),
    ("confirmed", "it \"has always", "U.S. defense officials", "mixed"),
    ("claimed", "the targets included", "some activists", "indirect"),
    ("said", "airstrikes in the central", "Syrian Observatory for Human Rights", "indirect"),
])
def test_quotes_seed_attributions(seed_quotes, cue, opening, speaker, kind):
    text, quotes = seed_quotes
    q = _find(text, quotes, cue, opening)
    assert q.speaker == speaker
    assert q.kind == kind
    assert text[q.start:q.end] == q.text and text[q.cue_start:q.cue_end] == q.cue


def test_quotes_seed_pronoun_spans_point_at_pronoun(seed_quotes):
    text, quotes = seed_quotes
    q = _find(text, quotes, "said", "These organizations")
    assert text[q.speaker_start:q.speaker_end] == "he"


def test_quotes_seed_records_never_overlap(seed_quotes):
    text, quotes = seed_quotes
    spans = sorted((q.start, q.end) for q in quotes)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    assert all(0 <= s < e <= len(text) for s, e in spans)


def test_quotes_seed_actor_camps(shared):
    pytest.importorskip("toolkit.actors")
    text = shared(*SEED).read_text(encoding="utf-8")
    quotes = extract_quotes(text)
    q = _find(text, quotes, "said", "These organizations")
    assert q.actor == "peskov" and q.camp == "russia"
    q = _find(text, quotes, "told", "he could")
    assert q.camp == "us"
