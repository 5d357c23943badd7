"""Speakers the actor lexicon does not know: named ones are camp 'other', descriptive ones 'unnamed'."""

from __future__ import annotations

from toolkit.quotes import extract_quotes


def _camps(text):
    return {q.speaker: q.camp for q in extract_quotes(text)}


def test_quotes_unknown_named_speaker_is_other():
    camps = _camps('"The bakery is gone," said Hadiya Nour, a teacher in the town.\n')
    assert camps == {"Hadiya Nour": "other"}


def test_quotes_descriptive_speakers_are_unnamed():
    camps = _camps('Engineers said the bridge would hold.\n\n"We saw four jets," one resident said.\n')
    assert set(camps.values()) == {"unnamed"}
    assert len(camps) == 2


def test_quotes_lexicon_speaker_keeps_its_camp():
    camps = _camps('"We will not be drawn in," Defense Secretary Ash Carter said.\n')
    assert camps == {"Ash Carter": "us"}
