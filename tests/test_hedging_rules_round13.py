"""Round 13 of issue 20: finder rules for evident 'apparent', the plural noun 'beliefs', the concessive
'whether'/'if' and the exhaustive or topic 'potential' (texts written here), each undone by its cross-validation decision."""

import pytest

from toolkit.hedging import find_hedges, load_hedges
from toolkit.validate.hedge_cv import BUILDERS, DECISIONS, without

ROUND13 = {
    "'became apparent' means evident, no hedge": (
        "It became apparent to the scouts that the Vale Front had left the pass.", "apparent"),
    "'beliefs' the plural noun names convictions, no hedge": (
        "The envoy said Ruritania respects their religious beliefs.", "beliefs"),
    "concessive 'whether it be', 'no matter if' are no condition": (
        "Mara Quill will visit, whether it be by road or by sea.", "whether"),
    "exhaustive or topic 'potential' is no hedge": (
        "Any potential breach of the truce goes to the Ruritanian council.", "potential"),
}


@pytest.mark.parametrize("name", sorted(ROUND13))
def test_hedging_round13_rule_removes_the_cue_and_its_decision_restores_it(name):
    text, cue = ROUND13[name]
    assert [h.cue for h in find_hedges(text)] == []
    (decision,) = [d for d in DECISIONS if d.name == name]
    assert [h.cue for h in without(load_hedges(), (decision,)).find(text)] == [cue]


@pytest.mark.parametrize("text", [
    "As the siege went on it became increasingly apparent who held the town.",
    "Ruritania will keep its word no matter if the talks fail.",
    "The pact binds Ruritania, whether you like it or loathe it.",
    "The envoys met to discuss potential routes for the convoy.",
])
def test_hedging_round13_other_forms_of_the_rules_are_no_hedges(text):
    assert [h.cue for h in find_hedges(text) if h.category != "booster"] == []


def test_hedging_round13_concessive_decision_restores_both_cues():
    (decision,) = [d for d in DECISIONS if d.name.startswith("concessive")]
    text = "No matter if the talks fail, the pact binds Ruritania whether you like it or loathe it."
    assert [h.cue for h in without(load_hedges(), (decision,)).find(text)] == ["if", "whether"]


@pytest.mark.parametrize("text, cue", [
    ("Officials described an apparent raid on the depot.", "apparent"),
    ("Their belief that the dam would hold was wrong.", "belief"),
    ("Nobody knows whether the convoy left.", "whether"),
    ("The Vale Front called it a potential breach of the truce.", "potential"),
    ("The dam will fail if the rains continue.", "if"),
])
def test_hedging_round13_epistemic_uses_are_still_found(text, cue):
    assert [h.cue for h in find_hedges(text)] == [cue]


@pytest.mark.parametrize("text, cue", [
    ("Nobody knows whether they like the new plan.", "whether"),
    ("Mara Quill asked the envoys about their beliefs that the dam would hold.", "beliefs"),
])
def test_hedging_round13_concessive_and_plural_noun_rules_spare_the_open_uses(text, cue):
    assert [h.cue for h in find_hedges(text)] == [cue]


_PATTERNS = ("followed_by", "not_followed_by", "preceded_by", "not_preceded_by", "not_after")


def _as_sets(entries):
    """Entries with each condition as a set of phrases (their order does not change what matches)."""
    return {(e.cue, e.category, e.lowercase, *(frozenset(getattr(e, f)) for f in _PATTERNS)) for e in entries}


@pytest.mark.parametrize("builder", sorted(BUILDERS))
def test_hedge_cv_builder_with_every_flag_on_equals_the_shipped_entries(builder):
    built = dict(BUILDERS[builder]())
    shipped = [e for e in load_hedges().entries if e.cue in built]
    assert _as_sets(shipped) == _as_sets(e for group in built.values() for e in group)


def test_hedge_cv_cues_outside_the_builders_are_undone_by_one_decision_each():
    cues = [c for d in DECISIONS for c, _e in d.alternative]
    assert len(cues) == len(set(cues)) and not set(cues) & {c for b in BUILDERS.values() for c, _e in b()}


@pytest.mark.parametrize("first, second, text", [
    ("'could be heard' is perception, no hedge", "'could' in a purpose clause is no hedge",
     "The blasts could be heard in Ruritania, so that the guards could rest."),
    ("'potential' the noun is a capacity, no hedge", "exhaustive or topic 'potential' is no hedge",
     "The Vale Front has the potential to grow; any potential breach goes to the council."),
])
def test_hedge_cv_dropping_two_decisions_of_one_cue_undoes_both(first, second, text):
    by_name = {d.name: d for d in DECISIONS}
    lexicon = load_hedges()
    cue = by_name[first].undo[0][0]
    one = [len([h for h in without(lexicon, (by_name[n],)).find(text) if h.cue == cue]) for n in (first, second)]
    both = [len([h for h in without(lexicon, pair).find(text) if h.cue == cue])
            for pair in ((by_name[first], by_name[second]), (by_name[second], by_name[first]))]
    assert one == [1, 1] and both == [2, 2]
