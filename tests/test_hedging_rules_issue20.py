"""Hedges that are hedges (issue 20): reports, ability, nouns and questions are not; CV folds over documents."""

import pytest

from toolkit.hedging import find_hedges, load_hedges
from toolkit.validate.hedge_cv import DECISIONS, cross_validate, sentence_f1, without
from toolkit.validate.szeged import GoldCue, GoldSentence


@pytest.mark.parametrize("text", [
    "Local sources said the bakery had reopened.",
    "Residents told reporters they could hear shelling all night.",
    "A Berlin think tank published the survey.",
    "What do you think of the plan?",
    "Farmers are more likely than traders to back the levy.",
    "Investigators began to investigate the fire on Monday.",
    "Here is what to expect from the summit.",
    "Who would have believed that the old mill would win a prize?",
    "As expected, the council approved the budget.",
    "Police identified suspects in three of the thefts.",
    "The deputy will assume his duties in May.",
    "The new board assumed control of the port.",
    "After the raid the militia cannot claim to be neutral.",
    "Few towns can claim to have an older bridge.",
])
def test_hedging_non_hedges_are_not_found(text):
    assert [h.cue for h in find_hedges(text)] == []


@pytest.mark.parametrize("text, cue", [
    ("The envoy could resign within days.", "could"),
    ("I think the bridge will hold.", "think"),
    ("The talks are likely to fail.", "likely"),
    ("Police will investigate whether the fire was set.", "investigate whether"),
    ("Reporters expect a vote on Friday.", "expect"),
    ("The bridge is believed to be unsafe.", "believed to be"),
    ("Engineers believed the bridge was unsafe.", "believed"),
    ("The ferry is expected to leave at noon.", "expected"),
    ("The mayor suspects that the figures were padded.", "suspects"),
    ("We assume the ferry has left.", "assume"),
    ("The rebels claim to have taken the hill.", "claim"),
])
def test_hedging_real_hedges_are_still_found(text, cue):
    assert [h.cue for h in find_hedges(text)] == [cue]


def test_hedging_decisions_undo_to_the_alternative_entries():
    lex = load_hedges()
    (could,) = [d for d in DECISIONS if d.name.startswith("ability")]
    text = "Neighbours could hear the blast."
    assert [h.cue for h in lex.find(text)] == []
    assert [h.cue for h in without(lex, (could,)).find(text)] == ["could"]
    (claim,) = [d for d in DECISIONS if d.name.startswith("'can(not) claim'")]
    text = "The militia cannot claim to be neutral."
    assert [h.cue for h in lex.find(text)] == []
    assert [h.cue for h in without(lex, (claim,)).find(text)] == ["claim"]


def test_hedging_cross_validation_chooses_rules_on_other_documents():
    # Ten invented one-sentence documents: "could hear" is gold-uncertain in none, so the ability
    # rule helps on every training split and is kept in every fold.
    sents = []
    for d in range(10):
        if d % 2:
            text = "Neighbours could hear the blast."
            cues = ()
        else:
            text = "The dam might break."
            cues = (GoldCue(8, 13, "speculation_modal_possible_"),)
        sents.append(GoldSentence(f"S{d}.1", text, cues, d))
    cv = cross_validate(sents)
    assert cv["folds"] == 5 and len(cv["selected"]) == 5
    assert cv["kept"]["ability 'could' is no hedge"] == 5
    assert cv["selected_mean"] == pytest.approx(1.0) and cv["selected_sd"] == pytest.approx(0.0)
    assert sentence_f1([(True, True), (False, True)]) == pytest.approx(2 / 3)
