"""The records of the actor lexicon: an :class:`Actor` and a :class:`Mention` of one in a text."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Actor", "Mention", "HOWS"]

HOWS = ("alias", "surname", "title", "possessive", "generic", "metonym", "place")


@dataclass(frozen=True)
class Actor:
    """One actor of the lexicon.

    Attributes:
        id: stable id used by gold files and result tables (``putin``).
        name: display name.
        camp: one of the lexicon's camps.
        kind: ``person``, ``organization``, ``group``, ``place`` or ``generic``.
        aliases: every surface form that maps to the actor (aliases, surnames, metonyms, generated
            qualifier + noun forms).
        gender: ``"m"``, ``"f"`` or ``None``; for he/she resolution (plural collectives are groups).
        titles: titles proper to the actor ("Russian President").
        seat: its metonyms name the building that houses it ("the Kremlin", "the White House"): the institution,
            not a place, after "from" and before one of its officers' titles (lexicon key ``seat``).
        anaphor_after: ids whose earlier full mention (alias, title or surname) in the same text, besides the
            actor's own, lets its ``anaphors`` forms match ("the administration" after "President Obama").
    """

    id: str
    name: str
    camp: str
    kind: str
    aliases: tuple[str, ...]
    gender: str | None
    titles: tuple[str, ...] = ()
    seat: bool = False
    anaphor_after: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mention:
    """A mention of an actor: ``text[start:end]`` names it.

    ``how`` is ``alias`` (a full name, possibly with its title), ``surname``, ``title`` (a title
    alone, "the Russian President"), ``possessive`` ("Putin's"), ``generic`` ("U.S. defense
    officials"), ``metonym`` ("Moscow" standing for the Russian government) or, only with
    ``find_mentions(..., places=True)``, ``place`` (a metonym used as a place: "in Moscow"). An anaphor the lexicon
    lists (``anaphors``: "the administration", kept only after a full mention) is an ``alias`` here.
    """

    start: int
    end: int
    text: str
    actor: str
    camp: str
    name: str
    how: str
