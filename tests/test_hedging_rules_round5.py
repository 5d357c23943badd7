"""Fifth round of issue 20: a hedge cue in a question is no hedge; an epithet speaker ("the London-based group")
stands for the source named before the quote (texts written here)."""

import dataclasses
from types import SimpleNamespace

import pytest
from mention_stubs import mention_at

from toolkit.hedge_claims import attribute_hedges
from toolkit.hedging import find_hedges, load_hedges


@pytest.mark.parametrize("text, cue", [
    ("What should voters expect from the talks?", "expect"),
    ("If the talks fail, could the truce hold?", "if"),
    ("Is it possible that the convoy never left?", "possible"),
])
def test_hedging_round5_cue_in_a_question_is_no_hedge_and_the_switch_restores_it(text, cue):
    assert find_hedges(text).to_frame().empty
    undone = dataclasses.replace(load_hedges(), questions=True)
    assert cue in [h.cue for h in undone.find(text)]


@pytest.mark.parametrize("text, cue", [
    ("Voters expect the talks to fail. Will they?", "expect"),
    ("The truce could hold until spring.", "could"),
])
def test_hedging_round5_cue_in_a_statement_is_still_found(text, cue):
    assert [h.cue for h in find_hedges(text)] == [cue]


def test_hedging_round5_booster_in_a_question_is_kept():
    assert [(h.cue, h.category) for h in find_hedges("Did the inquiry really confirm it?")] == [("confirm", "booster")]


def _quote(text: str, content: str, speaker: str, actor: str | None):
    start = text.index(content)
    at = text.index(speaker)
    return SimpleNamespace(start=start, end=start + len(content), actor=actor, speaker=speaker, speaker_start=at,
                           cue_start=at + len(speaker) + 1, cue_end=at + len(speaker) + 5, stance="neutral")


def test_hedging_round5_epithet_speaker_is_the_source_named_before():
    text = ('The Syrian Observatory counted new clashes near the dam. '
            '"The toll may rise," the London-based group said.')
    q = _quote(text, "The toll may rise,", "the London-based group", "britain")
    mentions = [mention_at(text, "Syrian Observatory", "syrian_observatory"), mention_at(text, "London", "britain")]
    (claim,) = attribute_hedges(text, find_hedges(text), [q], mentions)
    assert (claim.actor, claim.role, claim.how) == ("syrian_observatory", "own", "quote")


def test_hedging_round5_epithet_speaker_without_an_earlier_source_keeps_the_quote_actor():
    text = '"The toll may rise," the London-based group said.'
    q = _quote(text, "The toll may rise,", "the London-based group", "britain")
    (claim,) = attribute_hedges(text, find_hedges(text), [q], [mention_at(text, "London", "britain")])
    assert claim.actor == "britain"
