"""Noun-phrase contents after a cue ("denied responsibility", "reported heavy fighting", "called for an
inquiry", "vowed to stay"): ``object_content`` in verbs.yml. Every sentence is original to this file."""

from __future__ import annotations

import pytest

from toolkit.quotes import extract_quotes, load_verbs


def quotes(text, **kw):
    qs = extract_quotes(text, actors=False, **kw)
    for q in qs:
        assert text[q.start:q.end] == q.text
    return qs


@pytest.mark.parametrize("text, content, speaker", [
    ("The ministry has strongly denied responsibility.", "responsibility.", "The ministry"),
    ("The monitor reported heavy fighting in the eastern districts.", "heavy fighting in the eastern districts.",
     "The monitor"),
    ("The council called for an independent inquiry into the raid.", "an independent inquiry into the raid.",
     "The council"),
    ("The agency has vowed to keep its clinics open.", "to keep its clinics open.", "The agency"),
    ("Mayor Dana Holt confirmed two deaths at the depot.", "two deaths at the depot.", "Dana Holt"),
])
def test_quotes_object_content_after_the_cue(text, content, speaker):
    (q,) = quotes(text)
    assert (q.text, q.kind, q.speaker) == (content, "indirect", speaker)


@pytest.mark.parametrize("text", [
    "The ministry denied it.",  # a lone pronoun object names no content
    "The council sounded a call for calm.",  # "a call for": a noun
    "Staff reported to the police at noon.",  # "to" + a determiner: no infinitive
    "Farmers reporting losses were paid first.",  # an -ing form modifying a noun
    "The audit report provides few details.",  # "report" + a verb in -s: a noun phrase's head
])
def test_quotes_object_content_not_taken(text):
    assert len(quotes(text)) == 0


def test_quotes_object_cue_inside_a_statement_keeps_the_outer_speaker():
    text = "Rhee says the mayor promised to reopen the bridge and said she would not resign."
    qs = quotes(text)
    assert [q.speaker for q in qs] == ["Rhee", "Rhee"]
    assert qs[0].text == "the mayor promised to reopen the bridge"


def test_quotes_object_content_ends_before_a_participle():
    text = "Crowds called for new elections, marching past the station while chanting slogans against the mayor."
    (q,) = quotes(text)
    assert (q.text, q.cue, q.speaker) == ("new elections", "called for", "Crowds")


def test_quotes_object_content_lemmas_must_be_cues(tmp_path):
    from toolkit.lexicon import LexiconError

    path = tmp_path / "verbs.yml"
    path.write_text("source: test\nstances:\n  neutral:\n    source: test\n    verbs: [say]\n"
                    "object_content:\n  - deplore\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="deplore"):
        load_verbs(path, extend=False)
    assert "denied" in load_verbs().objects and "said" not in load_verbs().objects


@pytest.mark.parametrize("text, content", [
    ('The senator called the raid "a plain crime against farmers."', 'the raid "a plain crime against farmers."'),
    ("The envoy called the new strikes a grave mistake.", "the new strikes a grave mistake."),
])
def test_quotes_called_with_an_object_and_its_complement_is_a_verdict(text, content):
    (q,) = quotes(text)
    assert q.text == content and q.cue == "called" and q.stance == "assertive"


@pytest.mark.parametrize("text", [
    "They joined a group called the River Front last year.",
    "The mayor called the fire brigade at noon.",
    "The minister was called a traitor by the crowd.",
])
def test_quotes_called_without_a_verdict_is_no_cue(text):
    assert len(quotes(text)) == 0


@pytest.mark.parametrize("text, content, cue", [
    ("The council described the vote as a farce from the start.", "the vote as a farce from the start.", "described"),
    ("The mayor cited the floods as the reason for the delay.", "the floods as the reason for the delay.", "cited"),
    ("The envoy expressed concern that the truce would fail.", "concern that the truce would fail.", "expressed"),
])
def test_quotes_reports_of_content_or_attitude_with_their_object(text, content, cue):
    (q,) = quotes(text)
    assert (q.text, q.cue) == (content, cue)


@pytest.mark.parametrize("text", [
    "The mayor cited the floods in her letter.",  # cite without "as": a source, no claim
    "The farmers expressed their goods to the port.",  # express without an attitude noun
])
def test_quotes_cues_needing_their_object_without_it_give_no_quote(text):
    assert len(quotes(text)) == 0
