"""A stand-in for an actor mention (start, end, actor) for tests that attach hedges to actors without
running the actor finder: ``mention_at(text, word, actor)`` is the first occurrence of ``word``; ``spans_of(text,
*names)`` the ``(start, end)`` of every occurrence of the names, for scoring mentions by offsets."""

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


def spans_of(text: str, *names: str) -> list[tuple[int, int]]:
    """Every occurrence of each of ``names`` in ``text`` (overlapping ones too), sorted by offset."""
    out = []
    for name in names:
        start = -1
        while (start := text.find(name, start + 1)) >= 0:
            out.append((start, start + len(name)))
    return sorted(out)
