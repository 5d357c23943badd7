"""Round 12 of issue 20: finder rules for the non-hedge senses of 'could', 'potential', 'possible', 'whether' and
'if' (texts written here), each undone by its cross-validation decision."""

import pytest

from toolkit.hedging import find_hedges, load_hedges
from toolkit.validate.hedge_cv import DECISIONS, without

ROUND12 = {
    "'could only/neither' states what was (not) done, no hedge": (
        "Residents of Ruritania could only watch the smoke rise.", "could"),
    "'potential' the noun is a capacity, no hedge": ("The Vale Front has the potential to grow.", "potential"),
    "exhaustive 'possible' is no hedge": ("Mara Quill said her team used every means possible.", "possible"),
    "'whether to' names a decision, no hedge": ("The council will decide whether to extend the truce.", "whether"),
    "'asked if', 'what if', 'a matter of if' are no condition": ("Mara Quill was asked if the convoy had left.", "if"),
}


@pytest.mark.parametrize("name", sorted(ROUND12))
def test_hedging_round12_rule_removes_the_cue_and_its_decision_restores_it(name):
    text, cue = ROUND12[name]
    assert [h.cue for h in find_hedges(text)] == []
    (decision,) = [d for d in DECISIONS if d.name == name]
    assert [h.cue for h in without(load_hedges(), (decision,)).find(text)] == [cue]


@pytest.mark.parametrize("text", [
    "The office could neither confirm the report.",
    "Ruritania kept its military potential, the envoy said.",
    "Guards were posted to prevent any possible attack on the dam.",
    "What if the dam breaks before the rains?",
    "A strike on the port is not a matter of if, but when.",
])
def test_hedging_round12_other_forms_of_the_rules_are_no_hedges(text):
    assert [h.cue for h in find_hedges(text) if h.category != "booster"] == []


@pytest.mark.parametrize("text, cue", [
    ("The rebels could still take the bridge.", "could"),
    ("Officials called the Vale Front a potential ally.", "potential"),
    ("Engineers warned of a possible breach.", "possible"),
    ("It is unknown whether the convoy left.", "whether"),
    ("The dam will fail if the rains continue.", "if"),
])
def test_hedging_round12_epistemic_uses_are_still_found(text, cue):
    assert [h.cue for h in find_hedges(text)] == [cue]
