"""Attachment rules of issue 20's round 13 (``raising_it`` and ``cleft`` in toolkit.hedge_claims.RULES): each decides
an invented sentence, and the same sentence is attached differently with the rule left out. Texts written for these
tests."""

from mention_stubs import mention_at
from test_hedge_claims_round6 import _claim, _Lexicon, _without


def test_hedge_claims_raising_it_gives_the_claim_to_the_complement():
    for text in ("It appears the Vale Front patrols now reach the lower mills.",
                 "The pass fell, yet it seems Vale Front columns had turned back by dusk."):
        cue = "appears" if "appears" in text else "seems"
        ms = [mention_at(text, "Vale Front", "front")]
        c = _claim(text, cue, mentions=ms)
        assert (c.actor, c.role, c.how) == ("front", "distancing", "impersonal")
        assert _claim(text, cue, mentions=ms, rules=_without("raising_it")).actor is None


def test_hedge_claims_cleft_gives_the_claim_to_the_wh_clause_subject():
    text = "The envoy left early. This was reportedly where Mara Quill drew the line on tariffs."
    ms = [mention_at(text, "Mara Quill", "quill")]
    c = _claim(text, "reportedly", mentions=ms)
    assert (c.actor, c.role, c.how) == ("quill", "distancing", "impersonal")
    assert _claim(text, "reportedly", mentions=ms, rules=_without("cleft")).actor is None


def test_hedge_claims_cleft_resolves_a_pronoun_subject():
    text = "Piet Vane toured the flooded mills of Osterlich. That\u2019s apparently why he dropped the grain levy."
    ms = [mention_at(text, "Piet Vane", "vane"), mention_at(text, "Osterlich", "osterlich")]
    lex = _Lexicon(vane="person", osterlich="country")
    c = _claim(text, "apparently", mentions=ms, actors=lex)
    assert (c.actor, c.how) == ("vane", "pronoun")
    assert _claim(text, "apparently", mentions=ms, actors=lex, rules=_without("cleft")).actor is None


def test_hedge_claims_lexicon_written_forms_of_civil_defence_the_foreign_office_and_other_officials():
    from toolkit.actors import find_mentions, load_actors
    from toolkit.hedge_claims import attribute_hedges
    from toolkit.hedging import find_hedges

    actors = load_actors()
    for text, actor in (("Civil-defense units reportedly reached the market in Osterlich.", "white_helmets"),
                        ("The FCO reportedly warned travellers to avoid the Vale.", "britain"),
                        ("German officials reportedly left Osterlich.", "other_officials")):
        claims = attribute_hedges(text, find_hedges(text), [], find_mentions(text, actors), actors)
        assert [(c.actor, c.how) for c in claims if text[c.start:c.end] == "reportedly"] == [(actor, "subject")]


def test_hedge_claims_raising_it_leaves_a_speech_verbs_claim_to_its_speaker():
    text = "Mara Quill said it seems the Vale Front has withdrawn."
    ms = [mention_at(text, "Mara Quill", "quill"), mention_at(text, "Vale Front", "front")]
    c = _claim(text, "seems", mentions=ms)
    assert (c.actor, c.role, c.how) == ("quill", "own", "reported")


def test_hedge_claims_raising_it_skips_an_actor_mentioned_before_it_and_a_parenthetical():
    for text in ("Ruritania knows it seems weak to the Vale Front.",
                 "Ruritania, it seems, still trusts the Vale Front."):
        ms = [mention_at(text, "Ruritania", "ruritania"), mention_at(text, "Vale Front", "front")]
        assert _claim(text, "seems", mentions=ms).how != "impersonal"
    text = "The pass is a prize for Ruritania, although it seems the Vale Front still holds the mills."
    ms = [mention_at(text, "Ruritania", "ruritania"), mention_at(text, "Vale Front", "front")]
    assert (_claim(text, "seems", mentions=ms).actor, _claim(text, "seems", mentions=ms).how) == ("front", "impersonal")


def test_hedge_claims_raising_it_before_to_is_a_referential_it_but_to_us_is_not():
    text = "The Vale Front shelled the ridge. It seems to have lost ground to Ruritania."
    ms = [mention_at(text, "Vale Front", "front"), mention_at(text, "Ruritania", "ruritania")]
    assert _claim(text, "seems", mentions=ms).actor is None
    text = "It seems to us, sadly, that the Vale Front has withdrawn."
    c = _claim(text, "seems", mentions=[mention_at(text, "Vale Front", "front")])
    assert (c.actor, c.how) == ("front", "impersonal")


def test_hedge_claims_raising_it_after_a_preposition_is_no_expletive():
    text = "Much of it appears aimed at the Vale Front."
    c = _claim(text, "appears", mentions=[mention_at(text, "Vale Front", "front")])
    assert (c.actor, c.how) == (None, "outlet")
