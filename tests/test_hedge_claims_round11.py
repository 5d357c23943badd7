"""Attachment rules of issue 20's round 11 (``but_clause``, ``relative_it``, ``passive_agent``,
``speaker_head``, ``quoted_conjunct``, ``bare_surname``, ``what_clause`` in toolkit.hedge_claims.RULES): each
decides an invented sentence, and the same sentence is attached differently with the rule left out. Texts written
for these tests."""

from mention_stubs import mention_at
from test_hedge_claims_round6 import _Q, _claim, _Lexicon, _quote, _without


def test_hedge_claims_round11_impersonal_hedge_stops_at_a_but_clause():
    text = "It was not clear who fired the shells, but the Vale Watch said the road was closed."
    ms = [mention_at(text, "Vale Watch", "watch")]
    c = _claim(text, "not clear", mentions=ms)
    assert (c.actor, c.how) == (None, "outlet")
    assert _claim(text, "not clear", mentions=ms, rules=_without("but_clause")).actor == "watch"
    # a mention before the "but" is still the complement's actor
    text = "It was not clear whether the Vale Front fired, but the road was closed."
    ms = [mention_at(text, "Vale Front", "front")]
    assert _claim(text, "not clear", mentions=ms).actor == "front"


def test_hedge_claims_round11_relative_clause_pronoun_stands_for_the_clause_subject():
    text = "Ruritania is also arming militias in the hills that it believes are loyal to the crown."
    ms = [mention_at(text, "Ruritania", "ruritania")]
    lex = _Lexicon(ruritania="country")
    c = _claim(text, "believes", mentions=ms, actors=lex)
    assert (c.actor, c.role, c.how) == ("ruritania", "distancing", "subject")
    assert _claim(text, "believes", mentions=ms, actors=lex, rules=_without("relative_it")).actor is None
    # "it" is no person, and a prepositional object is no subject
    text = "Mara Quill spoke of weapons in Ruritania that it could use."
    ms = [mention_at(text, "Mara Quill", "quill"), mention_at(text, "Ruritania", "ruritania")]
    assert _claim(text, "could", mentions=ms, actors=_Lexicon(quill="person", ruritania="country")).actor is None


def test_hedge_claims_round11_passive_agent_after_the_hedge_is_the_actor():
    text = "Most of the herds are believed to have been stolen by the Vale Front."
    ms = [mention_at(text, "Vale Front", "front")]
    c = _claim(text, "believed", mentions=ms)
    assert (c.actor, c.role, c.how) == ("front", "distancing", "subject")
    assert _claim(text, "believed", mentions=ms, rules=_without("passive_agent")).how == "outlet"
    # "by" too far after the hedge (more than five words) is no agent of it
    text = "The villagers are believed to have left the town in the night by the Vale Front road."
    assert _claim(text, "believed", mentions=[mention_at(text, "Vale Front", "front")]).how == "outlet"


def test_hedge_claims_round11_speaker_phrase_ending_with_a_mention_is_that_mentions():
    text = "Vale shelling killed ten in Osterlich the Relief Agency said ten more may have died."
    ms = [mention_at(text, "Vale", "vale"), mention_at(text, "Relief Agency", "relief")]
    # the extractor's speaker phrase ran back to "Vale shelling ..." and took its first mention
    s, c = text.index("Vale"), text.index("ten more")
    quotes = [_Q(c, len(text) - 1, "vale", "Vale", s, text.index(" said"))]
    assert _claim(text, "may", quotes, ms).actor == "relief"
    assert _claim(text, "may", quotes, ms, rules=_without("speaker_head")).actor == "vale"
    # a comma-set aside is no head: "Mara Quill, speaking at the Relief Agency, said" stays Quill's
    aside = "Mara Quill, speaking at the Relief Agency, said ten more may have died."
    aside_ms = [mention_at(aside, "Mara Quill", "quill"), mention_at(aside, "Relief Agency", "relief")]
    aside_q = [_Q(aside.index("ten more"), len(aside) - 1, "quill", "Mara Quill", 0, aside.index(" said"))]
    assert _claim(aside, "may", aside_q, aside_ms).actor == "quill"
    # one mention in the phrase: the extractor's actor stays
    quotes = [_Q(c, len(text) - 1, "vale", "Relief Agency", text.index("the Relief"), text.index(" said"))]
    assert _claim(text, "may", quotes, ms[1:]).actor == "vale"


def test_hedge_claims_round11_mention_ending_the_quote_is_no_coordinated_speaker():
    text = "Vale probably expects a cold reply from Mara Quill, the analyst added."
    ms = [mention_at(text, "Vale", "vale"), mention_at(text, "Mara Quill", "quill")]
    quotes = [_quote(text, "Vale probably expects a cold reply from Mara Quill", "the analyst", None)]
    assert _claim(text, "probably", quotes, ms).actor is None
    assert _claim(text, "probably", quotes, ms, rules=_without("quoted_conjunct")).actor == "quill"


def test_hedge_claims_round11_bare_surname_names_the_person_as_subject_and_speaker():
    text = "Senator Mara Quill filed the bill. Quill reportedly wants a vote. Quill said the vote could slip."
    ms = [mention_at(text, "Mara Quill", "quill")]
    lex = _Lexicon(quill="person")
    c = _claim(text, "reportedly", mentions=ms, actors=lex)
    assert (c.actor, c.how) == ("quill", "subject")
    assert _claim(text, "reportedly", mentions=ms, actors=lex, rules=_without("bare_surname")).actor is None
    at = text.index("Quill said")
    quotes = [_quote(text, "the vote could slip", "Quill", None, at="Quill said")]  # the extractor left it unresolved
    assert at == quotes[0].speaker_start
    assert _claim(text, "could", quotes, ms, lex).actor == "quill"
    assert _claim(text, "could", quotes, ms, lex, rules=_without("bare_surname")).actor is None
    # a surname of no person (an organisation's last word) is no mention
    text = "The Vale Front met. Front reportedly left."
    assert _claim(text, "reportedly", mentions=[mention_at(text, "Vale Front", "front")],
                  actors=_Lexicon(front="group")).actor is None


def test_hedge_claims_round11_free_relative_what_has_its_own_subject():
    text = "Donors pressed Ruritania to fix what is widely considered the worst drought in decades."
    ms = [mention_at(text, "Ruritania", "ruritania")]
    assert _claim(text, "considered", mentions=ms).actor is None
    assert _claim(text, "considered", mentions=ms, rules=_without("what_clause")).actor == "ruritania"
