"""Stand-ins for the records toolkit.hedge_claims.attribute_hedges reads (a quote, an actor lexicon) and the call that
attaches one cue's hedge, for tests that decide invented sentences without running the quote or actor finders.

``claim_of(text, cue, ...)`` runs the hedge finder on ``text`` and returns the claim of the first hedge whose words are
``cue`` (case-insensitive); ``without(*rules)`` is :data:`toolkit.hedge_claims.RULES` less those rules. Limits: a
quote is one span with one speaker span; a lexicon entry has a kind, a camp where given, and no gender."""

from __future__ import annotations

from dataclasses import dataclass

from toolkit.hedge_claims import RULES, attribute_hedges
from toolkit.hedging import find_hedges


@dataclass(frozen=True)
class StubQuote:
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
    camp: str | None = None


class StubLexicon:
    """An actor lexicon of kinds (and camps): ``StubLexicon(vale="country").get("vale").kind == "country"``; a
    ``(kind, camp)`` pair gives the camp too (``StubLexicon(anon=("generic", "unnamed"))``)."""

    def __init__(self, **kinds: str | tuple[str, str]):
        self.kinds = kinds

    def get(self, actor_id: str) -> _Actor:
        kind = self.kinds[actor_id]
        return _Actor(kind[0], camp=kind[1]) if isinstance(kind, tuple) else _Actor(kind)


def quote_of(text: str, content: str, speaker: str, actor: str | None, at: str | None = None,
             phrase: tuple[str, str] | None = None) -> StubQuote:
    """A quote of ``content`` (its first occurrence) spoken by the occurrence of ``speaker`` from ``at`` on, or, with
    ``phrase=(first, last)``, by the speaker phrase from ``first`` up to the next ``last`` (a longer phrase than the
    speaker's words, as the extractor sometimes gives)."""
    c = text.index(content)
    if phrase is None:
        s = text.index(speaker, text.index(at) if at else 0)
        e = s + len(speaker)
    else:
        s = text.index(phrase[0])
        e = text.index(phrase[1], s)
    return StubQuote(c, c + len(content), actor, speaker, s, e)


def claim_of(text, cue, quotes=(), mentions=(), actors=None, rules=RULES):
    claims = attribute_hedges(text, find_hedges(text), quotes, mentions, actors, rules)
    return next(c for c in claims if text[c.start:c.end].lower() == cue.lower())


def without(*rules: str) -> tuple[str, ...]:
    return tuple(r for r in RULES if r not in rules)
