"""A stand-in for an actor mention (start, end, actor) for tests that attach hedges to actors without
running the actor finder: ``mention_at(text, word, actor)`` is the first occurrence of ``word``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StubMention:
    start: int
    end: int
    actor: str


def mention_at(text: str, word: str, actor: str) -> StubMention:
    i = text.index(word)
    return StubMention(i, i + len(word), actor)
