"""Attachment rules of issue 20's round 6 (toolkit.hedge_claims.RULES): each decides an invented sentence, and the
same sentence is attached differently with the rule left out. Texts written for these tests."""

from dataclasses import dataclass

from mention_stubs import mention_at

from toolkit.hedge_claims import HOWS, RULES, attribute_hedges
from toolkit.hedging import find_hedges


@dataclass(frozen=True)
class _Q:
    start: int
    end: int
    actor: str | None
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    stance: str | None = "neutral"


@dataclass(frozen=True)
class _Actor:
    kind: str
    gender: str | None = None


class _Lexicon:
    def __init__(self, **kinds):
        self.kinds = kinds

    def get(self, actor_id):
        return _Actor(self.kinds[actor_id])


def _quote(text, content, speaker, actor, at=None):
    """A quote of ``content`` (its first occurrence) spoken by the occurrence of ``speaker`` from ``at`` on."""
    s = text.index(speaker, text.index(at) if at else 0)
    c = text.index(content)
    return _Q(c, c + len(content), actor, speaker, s, s + len(speaker))


def _claim(text, cue, quotes=(), mentions=(), actors=None, rules=RULES):
    claims = attribute_hedges(text, find_hedges(text), quotes, mentions, actors, rules)
    return next(c for c in claims if text[c.start:c.end].lower() == cue.lower())


def _without(rule):
    return tuple(r for r in RULES if r != rule)


def test_hedge_claims_round6_hows_and_rules_are_listed():
    assert "complement" in HOWS and len(set(RULES)) == len(RULES) == 20


def test_hedge_claims_round6_unresolved_name_takes_the_organisation_of_its_title():
    text = 'Ruritania envoy Mara Quill met the council. "The vote may slip," Quill said.'
    q = _quote(text, "The vote may slip", "Quill", None, at='"')
    ms = [mention_at(text, "Ruritania", "ruritania")]
    lex = _Lexicon(ruritania="country", orla="person")
    c = _claim(text, "may", [q], ms, lex)
    assert (c.actor, c.role, c.how) == ("ruritania", "own", "quote")
    assert _claim(text, "may", [q], ms, lex, _without("speaker_title")).actor is None
    # a person before the name is no title ("Minister Orla and Piet Vane")
    text = 'Minister Orla and Piet Vane met. "Prices may rise," Vane said.'
    q = _quote(text, "Prices may rise", "Vane", None, at='"')
    assert _claim(text, "may", [q], [mention_at(text, "Minister Orla", "orla")], lex).actor is None


def test_hedge_claims_round6_unlisted_name_resolved_by_context_has_no_actor():
    text = 'The council met in Vienna. The Wellcome Health Board said the outbreak may spread.'
    q = _quote(text, "the outbreak may spread", "The Wellcome Health Board", "un_council")
    ms = [mention_at(text, "council", "un_council")]
    c = _claim(text, "may", [q], ms)
    assert (c.actor, c.role, c.how) == (None, "own", "quote")
    assert _claim(text, "may", [q], ms, rules=_without("unlisted_name")).actor == "un_council"
    # a surname the actor's mention holds is that actor ("Piet Vane ... Vane said")
    text = 'Piet Vane spoke first. "Prices may rise," Vane said.'
    q = _quote(text, "Prices may rise", "Vane", "vane", at='"')
    assert _claim(text, "may", [q], [mention_at(text, "Piet Vane", "vane")]).actor == "vane"


def test_hedge_claims_round6_short_form_of_an_earlier_mention_is_the_subject():
    text = "Prime Minister Ada Lorne wrote to the party. Mrs. Lorne repeated in the alleged letter that talks were over."
    ms = [mention_at(text, "Prime Minister Ada Lorne", "lorne")]
    c = _claim(text, "alleged", mentions=ms)
    assert (c.actor, c.role, c.how) == ("lorne", "distancing", "subject")
    assert _claim(text, "alleged", mentions=ms, rules=_without("short_forms")).how == "outlet"
    text = "A blast was reported by Ruritanian state radio. State radio apparently blamed the rebels."
    ms = [mention_at(text, "Ruritanian state radio", "ruritania_radio"), mention_at(text, "rebels", "rebels")]
    assert _claim(text, "apparently", mentions=ms).actor == "ruritania_radio"


def test_hedge_claims_round6_speech_verb_before_the_hedge_makes_it_the_speakers_claim():
    text = "Mr. Dunn, a former envoy who served in the Vale cabinet, said the talks likely failed."
    ms = [mention_at(text, "Vale", "vale")]
    c = _claim(text, "likely", mentions=ms)
    assert (c.actor, c.role, c.how) == (None, "own", "reported")
    # without the rule the outlet's hedge (round 9's partitive rule reads "in the Vale cabinet" as a prepositional
    # object); without both, the mention inside the subject
    assert _claim(text, "likely", mentions=ms, rules=_without("speech_verb")).how == "outlet"
    both = tuple(r for r in RULES if r not in ("speech_verb", "partitive"))
    assert _claim(text, "likely", mentions=ms, rules=both).actor == "vale"
    text = "Vale said the truce will probably hold."
    c = _claim(text, "probably", mentions=[mention_at(text, "Vale", "vale")])
    assert (c.actor, c.role, c.how) == ("vale", "own", "reported")


def test_hedge_claims_round6_whether_clause_distances_from_its_actor():
    text = "It's not known whether Vale approved the strike."
    ms = [mention_at(text, "Vale", "vale")]
    c = _claim(text, "whether", mentions=ms)
    assert (c.actor, c.role, c.how) == ("vale", "distancing", "complement")
    assert _claim(text, "whether", mentions=ms, rules=_without("complement")).how == "outlet"
    text = "Nothing rules out the possibility that Vale knew."
    assert _claim(text, "possibility", mentions=[mention_at(text, "Vale", "vale")]).how == "complement"
    # a fronted condition names no claim's actor ("If Ruritania attacks, ...")
    text = "If Ruritania attacks, the price of grain may rise."
    assert _claim(text, "if", mentions=[mention_at(text, "Ruritania", "ruritania")]).how == "outlet"


def test_hedge_claims_round6_speaker_after_the_hedge_owns_the_claim():
    text = "Rockets were reportedly moved to the ridge, border guards said on Tuesday."
    ms = [mention_at(text, "border guards", "unnamed_source")]
    c = _claim(text, "reportedly", mentions=ms)
    assert (c.actor, c.role, c.how) == ("unnamed_source", "own", "reported")
    assert _claim(text, "reportedly", mentions=ms, rules=_without("speaker_after")).how == "outlet"
    text = "If the talks fail, Vale acknowledged that the truce would end."
    assert _claim(text, "if", mentions=[mention_at(text, "Vale", "vale")]).actor == "vale"
