"""The closed vocabularies every module shares: one definition of each.

Lexicon loaders validate against these, the table schemas and the comparisons use them, and tests
check records against them. Camps are not here: they are data, defined in ``lexicons/actors.yml``
(and a user's own actor file), not code.
"""

from __future__ import annotations

__all__ = ["STANCES", "QUOTE_KINDS", "ACTOR_KINDS", "SECTION_KINDS", "ALIGNMENTS"]

STANCES = ("neutral", "distancing", "denial", "concession", "assertive")
"""The stance a reporting verb gives a quote ("said" neutral, "claimed" distancing, "denied" denial, ...)."""

QUOTE_KINDS = ("direct", "mixed", "indirect")
"""Direct: all of the statement in quotation marks; mixed: part of it; indirect: none (reported speech)."""

ACTOR_KINDS = ("person", "organization", "group", "place", "generic")
"""What an actor of the lexicon is; ``generic`` is a camp's catch-all ("a Russian official")."""

SECTION_KINDS = ("title", "body", "caption", "boilerplate", "duplicate")
"""The kinds of span an article's text is marked into; only title and body are analysed."""

ALIGNMENTS = ("russia", "us_western", "opposition", "syria_government", "iran", "turkey", "arab", "other")
"""An outlet's alignment (``lexicons/outlets.yml``). An outlet's alignment is not a speaker's camp:
``us_western`` outlets (Reuters, CNN, the BBC) are not the ``us`` camp (US officials)."""
