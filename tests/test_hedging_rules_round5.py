"""Fifth round of issue 20: 'possibility' as the topic of talks or an offer and a reduced 'if <participle>' (a
policy's trigger) are no hedges; an epithet speaker ("the London-based group") stands for the source named before
the quote (texts written here)."""

from types import SimpleNamespace

import pytest
from mention_stubs import mention_at

from toolkit.hedge_claims import attribute_hedges
from toolkit.hedging import find_hedges, load_hedges
from toolkit.validate.hedge_cv import DECISIONS, without

ROUND5 = {
    "'possibility' as a topic or an offer is no hedge": (
        "The ministers discussed the possibility of a ceasefire in the north.", "possibility"),
    "a reduced 'if <participle>' is a policy's trigger, no hedge": (
        "The navy said its ships would return fire if attacked.", "if"),
}


@pytest.mark.parametrize("name", sorted(ROUND5))
def test_hedging_round5_rule_removes_the_cue_and_its_decision_restores_it(name):
    text, cue = ROUND5[name]
    assert [h.cue for h in find_hedges(text)] == []
    (decision,) = [d for d in DECISIONS if d.name == name]
    assert [h.cue for h in without(load_hedges(), (decision,)).find(text)] == [cue]


@pytest.mark.parametrize("text, cue", [
    ("Officials raised the possibility that the convoy was never sent.", "possibility"),
    ("The navy said it would return fire if the ships are attacked.", "if"),
    ("There are two possibilities: the dam broke or it was blown up.", "possibilities"),
])
def test_hedging_round5_epistemic_uses_are_still_found(text, cue):
    assert [h.cue for h in find_hedges(text)] == [cue]


def test_hedging_round5_endless_possibilities_are_an_offer():
    assert find_hedges("The brochure promises endless possibilities for new recruits.").to_frame().empty


def _quote(text: str, content: str, speaker: str, actor: str | None):
    start, at = text.index(content), text.index(speaker)
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
