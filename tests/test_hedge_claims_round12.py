"""Attachment rule of issue 20's round 12 (``nested_belief`` in toolkit.hedge_claims.RULES): a belief verb inside
another speaker's words is held by its own subject; the same sentence is attached to the speaker with the rule left
out. Texts written for these tests."""

from mention_stubs import mention_at
from test_hedge_claims_round6 import _claim, _Lexicon, _quote, _without


def test_hedge_claims_round12_belief_verb_in_a_quote_is_its_subjects():
    text = "Mara Quill said the Vale Front also believes the pass may fall."
    ms = [mention_at(text, "Mara Quill", "quill"), mention_at(text, "Vale Front", "front")]
    quotes = [_quote(text, "the Vale Front also believes the pass may fall", "Mara Quill", "quill")]
    c = _claim(text, "believes", quotes, ms)
    assert (c.actor, c.role, c.how) == ("front", "own", "quote")
    assert _claim(text, "believes", quotes, ms, rules=_without("nested_belief")).actor == "quill"
    # another hedge of the quote stays the speaker's, and so does a belief of "we"
    assert _claim(text, "may", quotes, ms).actor == "quill"
    text = "Mara Quill said we believe the Vale Front will retreat."
    ms = [mention_at(text, "Mara Quill", "quill"), mention_at(text, "Vale Front", "front")]
    quotes = [_quote(text, "we believe the Vale Front will retreat", "Mara Quill", "quill")]
    assert _claim(text, "believe", quotes, ms).actor == "quill"


def test_hedge_claims_round12_belief_of_he_in_a_quote_is_the_last_person():
    text = "Piet Vane spoke in Osterlich. The Ruritania envoy said he believed the talks would resume."
    ms = [mention_at(text, "Piet Vane", "vane"), mention_at(text, "Osterlich", "osterlich"),
          mention_at(text, "Ruritania", "ruritania")]
    lex = _Lexicon(vane="person", osterlich="country", ruritania="country")
    quotes = [_quote(text, "he believed the talks would resume", "The Ruritania envoy", "ruritania")]
    assert _claim(text, "believed", quotes, ms, actors=lex).actor == "vane"
    assert _claim(text, "believed", quotes, ms, actors=lex, rules=_without("nested_belief")).actor == "ruritania"
