"""Attachment rules of issue 20's round 9 (``descriptions``, ``partitive`` in toolkit.hedge_claims.RULES): each decides
an invented sentence, and the same sentence is attached differently with the rule left out. Texts written for
these tests."""

from test_hedge_claims_round6 import _claim, _Lexicon, _without

from mention_stubs import mention_at


def test_hedge_claims_round9_definite_description_stands_for_the_last_organisation():
    text = ("The Ruritanian Health Watch counted the dead in Vale. The monitor believes the toll will rise.")
    ms = [mention_at(text, "Ruritanian Health Watch", "watch")]
    lex = _Lexicon(watch="organization", vale="place")
    c = _claim(text, "believes", mentions=ms, actors=lex)
    assert (c.actor, c.role, c.how) == ("watch", "distancing", "subject")
    assert _claim(text, "believes", mentions=ms, actors=lex, rules=_without("descriptions")).how == "outlet"
    # "the London-based group" as well; a person or a country is no antecedent of "the group"
    text = "Mayor Ana Lopez met Ruritania. The Vienna-based group is believed to hold the files."
    ms = [mention_at(text, "Mayor Ana Lopez", "lopez"), mention_at(text, "Ruritania", "ruritania")]
    lex = _Lexicon(lopez="person", ruritania="country")
    assert _claim(text, "believed", mentions=ms, actors=lex).how == "outlet"
    # without a lexicon that gives kinds nothing is resolved
    assert _claim("The Watch met. The monitor believes it.", "believes",
                  mentions=[mention_at("The Watch met. The monitor believes it.", "Watch", "watch")]).how == "outlet"


def test_hedge_claims_round9_members_of_a_group_are_the_subject_not_a_prepositional_object():
    text = "Members of the Vale Front reportedly refused the offer."
    ms = [mention_at(text, "Vale Front", "vale_front")]
    c = _claim(text, "reportedly", mentions=ms)
    assert (c.actor, c.role, c.how) == ("vale_front", "distancing", "subject")
    text = "Members of Vale Front reportedly refused the offer."
    ms = [mention_at(text, "Vale Front", "vale_front")]
    assert _claim(text, "reportedly", mentions=ms).actor == "vale_front"
    assert _claim(text, "reportedly", mentions=ms, rules=_without("partitive")).actor is None
    text = "Ada Lorne, a member of the Vale Front, claimed that the road was open."
    assert _claim(text, "claimed", mentions=[mention_at(text, "Vale Front", "vale_front")]).actor == "vale_front"


def test_hedge_claims_round9_object_after_a_determiner_is_still_a_prepositional_object():
    # "to the rebels": the object of "to" behind "the" is not the subject; the subject before it is
    text = "The minister Ada Lorne kept grain from the rebels for fear that they would hoard it."
    ms = [mention_at(text, "Ada Lorne", "lorne"), mention_at(text, "rebels", "rebels")]
    assert _claim(text, "fear that", mentions=ms).actor == "lorne"
    assert _claim(text, "fear that", mentions=ms, rules=_without("partitive")).actor == "rebels"
