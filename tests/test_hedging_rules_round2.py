"""Second round of issue 20: purpose and perception 'could', candidate 'possible', opportunity
'possibility', misinformation 'rumors' and a rule's 'in case of' are no hedges (texts written here)."""

import pytest

from toolkit.hedging import find_hedges, load_hedges
from toolkit.validate.hedge_cv import DECISIONS, without

ROUND2 = {
    "'could be heard' is perception, no hedge": ("The sirens could be heard across the valley.", "could"),
    "'could' in a purpose clause is no hedge": ("The pass was cleared so that the lorries could reach the farms.",
                                                "could"),
    "'determine the possible causes' names candidates, no hedge": (
        "Engineers are examining the possible causes of the flood.", "possible"),
    "'possibility to' is an opportunity, no hedge": ("Students get the possibility to study abroad.", "possibility"),
    "'spreading rumors' names misinformation, no hedge": ("The council warned against spreading rumors online.",
                                                          "rumors"),
    "'in case of' a rule's condition is no hedge": ("The lease ends in case of late payment.", "in case"),
}


@pytest.mark.parametrize("name", sorted(ROUND2))
def test_hedging_round2_rule_removes_the_cue_and_its_decision_restores_it(name):
    text, cue = ROUND2[name]
    lex = load_hedges()
    assert [h.cue for h in find_hedges(text)] == []
    (decision,) = [d for d in DECISIONS if d.name == name]
    assert [h.cue for h in without(lex, (decision,)).find(text)] == [cue]


@pytest.mark.parametrize("text, cue", [
    ("The dam could burst before dawn.", "could"),
    ("The talks stalled, so the envoy could resign.", "could"),
    ("Officials named a possible cause of the fire.", "possible"),
    ("There is a possibility that the dam will burst.", "possibility"),
    ("Rumors spread that the mayor had resigned.", "rumors"),
    ("Take an umbrella in case it rains.", "in case"),
])
def test_hedging_round2_epistemic_uses_are_still_found(text, cue):
    assert [h.cue for h in find_hedges(text)] == [cue]


def test_hedging_not_after_looks_six_words_back_only():
    text = "So that was the plan, said the mayor, and the ferry could leave."
    assert [h.cue for h in find_hedges(text)] == ["could"]
