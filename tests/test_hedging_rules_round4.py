"""Fourth round of issue 20: perception 'could be seen', 'before they could', purpose 'to determine' and 'if you look
at' are no hedges; an impersonal cue ('it is reported that') and 'X said on <programme> that' attach the claim
(texts written here)."""

import pytest
from mention_stubs import mention_at

from toolkit.hedge_claims import attribute_hedges
from toolkit.hedging import find_hedges, load_hedges
from toolkit.validate.hedge_cv import DECISIONS, without

ROUND4 = {
    "'could be seen' is perception, no hedge": ("Flames could be seen from the harbour.", "could"),
    "'before they could' is an event prevented, no hedge": (
        "Guards stopped the lorries before they could cross the bridge.", "could"),
    "'to determine' a thing is a purpose, no hedge": ("The panel met to determine the winners.", "to determine"),
    "'if you look at' invites, it states no condition": ("If you look at the ledger, the pattern is plain.", "if"),
}


@pytest.mark.parametrize("name", sorted(ROUND4))
def test_hedging_round4_rule_removes_the_cue_and_its_decision_restores_it(name):
    text, cue = ROUND4[name]
    assert [h.cue for h in find_hedges(text)] == []
    (decision,) = [d for d in DECISIONS if d.name == name]
    assert [h.cue for h in without(load_hedges(), (decision,)).find(text)] == [cue]


@pytest.mark.parametrize("text, cue", [
    ("The strike could be seen as a warning.", "seen as"),
    ("The bridge could collapse before winter.", "could"),
    ("Inspectors came to determine whether the dam had cracked.", "determine whether"),
    ("If you leave now, the ferry will wait.", "if"),
])
def test_hedging_round4_epistemic_uses_are_still_found(text, cue):
    assert [h.cue for h in find_hedges(text)] == [cue]




def test_hedging_round4_impersonal_cue_distances_from_the_actor_after_it():
    text = "Meanwhile it is reported that ISIS fighters gathered near the dam."
    (claim,) = attribute_hedges(text, find_hedges(text), [], [mention_at(text, "ISIS", "isis")])
    assert (claim.actor, claim.role, claim.how) == ("isis", "distancing", "impersonal")


def test_hedging_round4_speech_verb_and_phrase_before_that_is_a_reported_claim():
    text = 'The Speaker said on the "Morning Hour" show that the army may have to stay if the truce fails.'
    mentions = [mention_at(text, "Speaker", "boehner"), mention_at(text, "army", "syrian_army")]
    claims = attribute_hedges(text, find_hedges(text), [], mentions)
    assert [(c.actor, c.role, c.how) for c in claims] == [("boehner", "own", "reported")] * 2
