"""A cue carries a stance only when it introduces speech: "claimed the lives of ..." (a death toll) and
"claimed responsibility" (an idiom with a noun-phrase object) are no distancing quotes, while
"X claimed that ...", "X claimed, ..." and '"...," X claimed' stay distancing. Sentences written for
this test."""

from __future__ import annotations

import pytest

from toolkit.quotes import extract_quotes


def claims(text: str) -> list:
    return [q for q in extract_quotes(text) if q.cue and q.cue.lower().startswith("claim")]


@pytest.mark.parametrize("text", [
    "The car bomb claimed the lives of fourteen shoppers in the old market.",
    "The siege of the valley has claimed more than 300 lives since the spring.",
    "The fighting claimed 40 lives on Tuesday alone.",
    "The shelling claimed the life of a nurse at the clinic.",
    "The long war has claimed thousands of victims in the province.",
    "The blast ripped through the depot, claiming the lives of three guards.",
    "A little-known cell claimed responsibility for the ambush on the convoy.",
    "The brigade claimed full responsibility for the raid near the border.",
])
def test_quotes_stance_speech_claim_without_speech_is_no_quote(text):
    assert claims(text) == []
    assert all(q.stance != "distancing" for q in extract_quotes(text))


@pytest.mark.parametrize("text,content", [
    ("The ministry claimed that the convoy had carried only food.", "the convoy had carried only food"),
    ("The governor claimed the rebels were losing ground in the hills.", "the rebels were losing ground in the hills"),
    ("The colonel claimed lives were saved by the early ceasefire.", "lives were saved by the early ceasefire"),
    ("The envoy claimed, \"Nobody in this room wanted the talks to fail.\"",
     "Nobody in this room wanted the talks to fail."),
    ("\"Our units never entered the village,\" the commander claimed.", "Our units never entered the village"),
])
def test_quotes_stance_speech_claim_of_a_statement_stays_distancing(text, content):
    found = claims(text)
    assert len(found) == 1
    assert found[0].stance == "distancing"
    assert content in found[0].text


def test_quotes_stance_speech_toll_sentence_keeps_its_outer_attribution():
    text = "The car bomb claimed the lives of fourteen shoppers in the old market, the police chief said."
    found = extract_quotes(text)
    assert [(q.cue, q.stance) for q in found] == [("said", "neutral")]
    assert found[0].text.startswith("The car bomb claimed the lives")


def test_quotes_stance_speech_responsibility_then_saying_keeps_the_statement():
    text = ("The faction claimed responsibility for the attack on the checkpoint, saying that it had "
            "warned the soldiers to leave.")
    found = extract_quotes(text)
    assert [q.cue for q in found] == ["saying"]
    assert found[0].text.startswith("it had warned the soldiers")
