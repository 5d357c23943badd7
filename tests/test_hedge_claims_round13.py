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
    assert (c.actor, c.how) == ("vane", "impersonal")
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
