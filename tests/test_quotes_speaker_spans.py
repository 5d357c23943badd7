"""Speaker spans that cannot be noun phrases are rejected (round 15); every fixture sentence is original to this file."""

from __future__ import annotations

import pytest

from toolkit.quotes import extract_quotes
from toolkit.quotes.spans import plausible_span


def kept(phrase: str) -> str | None:
    """The part of ``phrase`` kept as the speaker of "<phrase> said ...", or None."""
    text = f"{phrase} said the talks would go on."
    span = plausible_span(text, 0, len(phrase))
    return None if span is None else text[span[0]:span[1]]


@pytest.mark.parametrize("phrase", [")", "-", "in a", "by", "with officials", "swiftly there was no",
                                    "many others were wounded", "the envoy was detained", "reportedly the",
                                    "in 2014", "on 12 May", "for two years", "who was wounded"])
def test_quotes_speaker_spans_reject_fragments(phrase):
    assert kept(phrase) is None


@pytest.mark.parametrize("phrase", ["Mara Quill", "the Vale Front", "he", "Some", "At least two residents",
                                    "early reports from Port Elbe", "the council in Port Elbe",
                                    "In a statement the Vale Council", "Mara Quill, who was minister",
                                    "assembly members", "supply officials", "elderly residents", "hourly workers",
                                    "about 20 residents", "Over 100 doctors", "about twenty", "of 30 guards"])
def test_quotes_speaker_spans_keep_noun_phrases(phrase):
    assert kept(phrase) == phrase


@pytest.mark.parametrize("phrase, name", [("Mara Quill, who was injured", "Mara Quill"),
                                          ("Mara Quill who was wounded", "Mara Quill"),
                                          ("the Vale Front, which was banned", "the Vale Front"),
                                          ("a guard that was injured", "a guard")])
def test_quotes_speaker_spans_passive_relative_clause_cut_to_its_head(phrase, name):
    assert kept(phrase) == name


@pytest.mark.parametrize("text, speaker", [
    ("The convoy turned back, assembly members said.", "assembly members"),
    ("The depot in Port Elbe was empty, supply officials said.", "supply officials"),
    ("About 20 residents told reporters the bridge had fallen.", "About 20 residents"),
    ("Over 100 doctors said the clinic in Port Elbe was closed.", "Over 100 doctors"),
    ("Mara Quill who was wounded said the Vale Front fired first.", "Mara Quill"),
])
def test_quotes_speaker_spans_noun_phrase_speakers_kept_in_statements(text, speaker):
    (q,) = extract_quotes(text, actors=False)
    assert q.speaker == speaker
    assert text[q.speaker_start:q.speaker_end] == speaker


def test_quotes_speaker_spans_clause_walked_back_leaves_no_speaker():
    # text without commas: the walk back from "said" takes the clause before it for the speaker
    text = "The granary caught fire and two carts of seed were scorched said the source in Port Elbe."
    (q,) = extract_quotes(text, actors=False)
    assert q.speaker is None and q.speaker_start is None and q.actor is None


def test_quotes_speaker_spans_prepositional_phrase_is_no_speaker():
    # "in a call on Sunday": the noun "call" read as the cue "call on", its speaker walked back to "in a"
    text = "The talks stalled and the Vale Front was blamed in a call on Sunday by the envoy."
    qs = extract_quotes(text, actors=False)
    assert qs and all(q.speaker is None for q in qs)


def test_quotes_speaker_spans_nested_noun_cue_keeps_outer_statement():
    # "reports" inside the content of "said", with the speaker "by": the frame goes, the statement stays whole
    text = 'The Vale Council said it was "gravely alarmed" by reports of shelling in Port Elbe.'
    (q,) = extract_quotes(text, actors=False)
    assert q.speaker == "Vale Council"
    assert q.text == 'it was "gravely alarmed" by reports of shelling in Port Elbe.'


def test_quotes_speaker_spans_parenthesis_after_quotation_keeps_the_name():
    # text without commas: the walk back from ")" stops twelve tokens back, inside the apposition; the phrase runs
    # from the closing quotation mark, so the name that opens it is in the span
    text = ('Ferries stopped at noon. "The harbour stays shut until the gale passes" Oren Vask director of the '
            'Harbour Office for the Free City of Port Elbe in the Outer Isles (HOPE) told listeners.')
    (q,) = extract_quotes(text, actors=False)
    assert q.kind == "direct"
    assert text[q.speaker_start:q.speaker_end].startswith("Oren Vask director")
    assert text[q.speaker_start:q.speaker_end].endswith("(HOPE)")
