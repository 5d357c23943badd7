"""Each hedge category is found in original example sentences, and is_uncertain ignores boosters."""

import pytest

from toolkit.hedging import CATEGORIES, find_hedges, is_uncertain


def cues(text):
    return [(text[h.start:h.end].lower(), h.category) for h in find_hedges(text)]


@pytest.mark.parametrize(
    "text, cue, category",
    [
        ("The convoy might reach the northern town by dawn.", "might", "epistemic_modal"),
        ("Rebel units may withdraw from the ridge tonight.", "may", "epistemic_modal"),
        ("The shelling could resume within hours.", "could", "epistemic_modal"),
        ("The ceasefire seems fragile after a week of clashes.", "seems", "epistemic_verb"),
        ("Diplomats believe the talks will stall again.", "believe", "epistemic_verb"),
        ("The satellite images suggest a second depot was hit.", "suggest", "epistemic_verb"),
        ("The envoy is expected to arrive in Geneva on Monday.", "expected", "epistemic_verb"),
        ("The commander was reportedly wounded near the airbase.", "reportedly", "epistemic_adverb"),
        ("Militia members allegedly fired on the crowd.", "allegedly", "epistemic_adverb"),
        ("The strike was probably aimed at a weapons store.", "probably", "epistemic_adverb"),
        ("A new offensive is likely before the winter.", "likely", "epistemic_adverb"),
        ("Unconfirmed reports said the minister had left the capital.", "unconfirmed reports", "evidential"),
        ("It is understood that the hostages were moved.", "it is understood", "evidential"),
        ("According to reports, two bridges were destroyed.", "according to reports", "evidential"),
        ("If the corridor opens, aid trucks will cross at once.", "if", "conditional"),
        ("Monitors asked whether the village had been shelled.", "whether", "conditional"),
        ("No talks will happen unless the siege is lifted.", "unless", "conditional"),
        ("Inspectors will investigate whether gas was used.", "investigate whether", "conditional"),
        ("The ministry confirmed the deaths of three soldiers.", "confirmed", "booster"),
        ("The general clearly wanted a quick victory.", "clearly", "booster"),
        ("The mayor was absolutely sure of the date.", "absolutely", "booster"),
    ],
)
def test_hedging_category_cue_found(text, cue, category):
    assert (cue, category) in cues(text)


def test_hedging_every_category_has_a_cited_source():
    from toolkit.hedging import load_hedges

    lex = load_hedges()
    assert set(lex.sources) == set(CATEGORIES)
    assert all(len(src) > 20 for src in lex.sources.values())
    assert {e.category for e in lex.entries} == set(CATEGORIES)


def test_hedging_plain_factual_sentence_has_no_hedge():
    assert find_hedges("The army took the hill on Tuesday and raised its flag over the town hall.") == []


def test_hedging_is_uncertain_counts_hedges_but_not_boosters():
    assert is_uncertain("The talks might collapse before Friday.")
    assert is_uncertain("The road was reportedly closed.")
    assert not is_uncertain("Sources said the road was closed.")  # plain attribution is a quote
    assert not is_uncertain("The ministry confirmed the talks had collapsed, clearly a setback.")
    assert not is_uncertain("The talks collapsed on Friday.")


def test_hedging_records_are_frozen_and_make_a_frame():
    found = find_hedges("Officials believe the bridge could fall.")
    frame = found.to_frame()
    assert list(frame.columns) == ["start", "end", "cue", "category"]
    assert list(frame["cue"]) == ["believe", "could"]
    with pytest.raises(AttributeError):
        found[0].cue = "other"
