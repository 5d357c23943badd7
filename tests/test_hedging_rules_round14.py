"""Round 14 of issue 20: a comparison with what is thought or expected ("faster than people think", "less than
expected") is no hedge (texts written here); its cross-validation decision restores the cues."""

import pytest

from toolkit.hedging import find_hedges, load_hedges
from toolkit.validate.hedge_cv import DECISIONS, without

COMPARISONS = [
    ("The thaw in Ruritania came faster than people think.", "think"),
    ("The Vale Front's harvest was less than expected.", "expected"),
    ("Mara Quill said the dam cost more than most people think.", "think"),
    ("The ferry fills sooner than anyone thinks.", "thinks"),
    ("Turnout in the valley ran higher than we expect.", "expect"),
]


@pytest.mark.parametrize("text, cue", COMPARISONS)
def test_hedging_round14_comparison_with_a_belief_is_no_hedge_and_its_decision_restores_it(text, cue):
    assert [h.cue for h in find_hedges(text)] == []
    (decision,) = [d for d in DECISIONS if d.name == "a comparison with what is thought or expected is no hedge"]
    assert [h.cue for h in without(load_hedges(), (decision,)).find(text)] == [cue]


@pytest.mark.parametrize("text, cue", [
    ("Mara Quill thinks the dam will hold.", "thinks"),
    ("I think the Vale Front will sign.", "think"),
    ("The envoy is expected to arrive on Monday.", "expected"),
    ("Rather than wait, the council thinks it should act.", "thinks"),
    ("Reporters expect a vote in Ruritania on Friday.", "expect"),
])
def test_hedging_round14_beliefs_outside_a_comparison_are_still_hedges(text, cue):
    assert [h.cue for h in find_hedges(text)] == [cue]


@pytest.mark.parametrize("name, text, cue", [
    ("'think tank' and questions are no hedges", "A Ruritanian think tank said so.", "think"),
    ("'what to expect' is no hedge", "Here is what to expect from the Vale Front.", "expect"),
    ("'as expected' is no hedge", "As expected, the council met.", "expected"),
])
def test_hedging_round14_earlier_decisions_of_the_same_cues_still_undo_only_their_rule(name, text, cue):
    (decision,) = [d for d in DECISIONS if d.name == name]
    undone = without(load_hedges(), (decision,))
    assert [h.cue for h in find_hedges(text)] == []
    assert [h.cue for h in undone.find(text)] == [cue]
    assert [h.cue for h in undone.find("The harvest was less than expected, than people think.")] == []
