"""Attachment rule of issue 20's round 14 (``attributive`` in toolkit.hedge_claims.RULES): an invented sentence is
decided by it, and attached differently with the rule left out. Texts written for these tests."""

from mention_stubs import mention_at
from test_hedge_claims_round6 import _claim, _without


def test_hedge_claims_attributive_hedge_after_a_reason_preposition_is_not_the_subjects_claim():
    for text, cue in (("Ruritania fined three mills for alleged ties to the smugglers.", "alleged"),
                      ("Ruritania detained forty clerks over suspected links to the ring.", "suspected"),
                      ("Ruritania spoke about the grim suspected poisoning of the wells.", "suspected")):
        ms = [mention_at(text, "Ruritania", "ruritania")]
        c = _claim(text, cue, mentions=ms)
        assert (c.actor, c.how) == (None, "outlet"), text
        assert _claim(text, cue, mentions=ms, rules=_without("attributive")).actor == "ruritania"
    # Other positions stay the subject's: no reason or topic preposition, or an adverb rather than an adjective.
    for text, cue in (("Ruritania cited the alleged letter in its reply.", "alleged"),
                      ("Ruritania fined the mills for allegedly hiding grain.", "allegedly")):
        assert _claim(text, cue, mentions=[mention_at(text, "Ruritania", "ruritania")]).actor == "ruritania"


def test_hedge_claims_attributive_hedge_takes_the_agent_of_the_act_it_names():
    text = "Ruritania spoke about the suspected shelling by the Vale Front at dawn."
    ms = [mention_at(text, "Ruritania", "ruritania"), mention_at(text, "Vale Front", "front")]
    c = _claim(text, "suspected", mentions=ms)
    assert (c.actor, c.role) == ("front", "distancing")
    assert _claim(text, "suspected", mentions=ms, rules=_without("attributive")).actor == "ruritania"

