"""Speaker spans that cannot be noun phrases are rejected (round 15); every fixture sentence is original to this file."""

from __future__ import annotations

import pytest

from toolkit.quotes import extract_quotes
from toolkit.quotes.spans import plausible_speaker


def span_ok(phrase: str) -> bool:
    text = f"{phrase} said the talks would go on."
    return plausible_speaker(text, 0, len(phrase))


@pytest.mark.parametrize("phrase", [")", "-", "in a", "by", "with officials", "swiftly there was no",
                                    "many others were wounded", "the envoy was detained"])
def test_quotes_speaker_spans_reject_fragments(phrase):
    assert not span_ok(phrase)


@pytest.mark.parametrize("phrase", ["Mara Quill", "the Vale Front", "he", "Some", "At least two residents",
                                    "early reports from Port Elbe", "the council in Port Elbe",
                                    "In a statement the Vale Council", "Mara Quill, who was minister"])
def test_quotes_speaker_spans_keep_noun_phrases(phrase):
    assert span_ok(phrase)


def test_quotes_speaker_spans_clause_walked_back_leaves_no_speaker():
    # text without commas: the walk back from "said" takes the clause before it for the speaker
    text = "Five fighters were killed and many others were wounded said the source in Port Elbe."
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
    text = ('The convoy left at dawn. "We are sending a convoy into a besieged area of rural Vale today" Mara Quill '
            'spokesman for the Ruritanian Bureau of Grain Supply in the Vale Marches (RBGS) told a radio host.')
    (q,) = extract_quotes(text, actors=False)
    assert q.kind == "direct"
    assert text[q.speaker_start:q.speaker_end].startswith("Mara Quill spokesman")
    assert text[q.speaker_start:q.speaker_end].endswith("(RBGS)")
