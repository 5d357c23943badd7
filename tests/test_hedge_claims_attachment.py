"""Attachment rules of issue 20's second round (toolkit.hedge_claims): reporting verbs, reported claims,
auxiliaries before a pronoun, relative clauses and coordinated actors. Texts written for these tests."""

from claim_stubs import StubQuote
from mention_stubs import mention_at

from toolkit.hedge_claims import HOWS, attribute_hedges
from toolkit.hedging import find_hedges


def _quote(text, cue, content_from, actor, speaker, stance="neutral"):
    c = text.index(cue)
    return StubQuote(text.index(content_from), len(text) - 1, actor, speaker=speaker, speaker_start=text.index(speaker),
                     cue_start=c, cue_end=c + len(cue), stance=stance)


def _claim(text, quotes=(), mentions=(), cue=None):
    claims = attribute_hedges(text, find_hedges(text), quotes, mentions)
    return next(c for c in claims if cue is None or text[c.start:c.end] == cue)


def test_hedge_claims_named_speakers_reporting_verb_is_no_hedge():
    text = "Senator Vale suggested that the vote would be close."
    q = _quote(text, "suggested", "the vote", None, "Senator Vale")
    c = _claim(text, [q], cue="suggested")
    assert (c.actor, c.role, c.how) == (None, "reporting", "reporting_cue") and "reporting_cue" in HOWS
    # evidence "suggesting" (no named speaker) still hedges, and a distancing verb stays a hedge
    text = "Tension grew, with columns in the daily papers suggesting that the deal may fail."
    q = _quote(text, "suggesting", "the deal", None, "columns in the daily papers")
    assert _claim(text, [q], cue="suggesting").role != "reporting"
    text = "Senator Vale claimed that the vote was rigged."
    q = _quote(text, "claimed", "the vote", None, "Senator Vale", stance="distancing")
    assert _claim(text, [q], cue="claimed").role != "reporting"


def test_hedge_claims_first_of_coordinated_speakers_owns_the_hedge():
    text = "Minister Orla and other cabinet aides warn that if talks fail, prices could rise."
    q = _quote(text, "warn", "if talks", "aides_x", "other cabinet aides")
    c = _claim(text, [q], [mention_at(text, "Minister Orla", "orla"), mention_at(text, "cabinet aides", "aides_x")], cue="if")
    assert (c.actor, c.role, c.how) == ("orla", "own", "quote")


def test_hedge_claims_actor_with_that_clause_owns_the_reported_claim():
    text = "On Monday Vale indicated that Ruritania and Osterlich could join the pact."
    ms = [mention_at(text, "Vale", "vale"), mention_at(text, "Ruritania", "ruritania"), mention_at(text, "Osterlich", "osterlich")]
    c = _claim(text, mentions=ms, cue="could")
    assert (c.actor, c.role, c.how) == ("vale", "own", "reported")
    # "that" as a relative pronoun after a noun phrase is no report: the subject rule decides
    text = "Vale held the town that may fall next."
    c = _claim(text, mentions=[mention_at(text, "Vale", "vale")], cue="may")
    assert c.how != "reported"


def test_hedge_claims_pronoun_found_past_an_auxiliary():
    text = "Vale will tour the north. There he is expected to meet the governor."
    c = _claim(text, mentions=[mention_at(text, "Vale", "vale")], cue="expected")
    assert (c.actor, c.role, c.how) == ("vale", "distancing", "pronoun")


def test_hedge_claims_relative_clause_has_its_own_subject():
    text = "The militia held the valley, where some 2000 families are thought to live."
    c = _claim(text, mentions=[mention_at(text, "militia", "militia_x")], cue="thought to")
    assert (c.actor, c.role, c.how) == (None, "none", "outlet")
    text = "The militia is thought to hold the valley."
    assert _claim(text, mentions=[mention_at(text, "militia", "militia_x")]).actor == "militia_x"


def test_hedge_claims_first_of_coordinated_subjects_is_distanced():
    text = "Local monitors, rescue crews and nurses allege that gas was used."
    ms = [mention_at(text, "Local monitors", "monitors_x"), mention_at(text, "rescue crews", "crews_x")]
    c = _claim(text, mentions=ms, cue="allege")
    assert (c.actor, c.role, c.how) == ("monitors_x", "distancing", "subject")
