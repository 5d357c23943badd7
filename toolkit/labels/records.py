"""The label record and the vocabularies of its fields (categories, and how a camp was decided)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Label", "CATEGORIES", "HOWS"]

CATEGORIES = ("neutral", "legitimising", "delegitimising")
HOWS = ("lexicon", "modifier", "coreference", "alignment", "unresolved")
MARKED = {"neutral": 0, "legitimising": 1, "delegitimising": 2}  # how marked a category is: the more marked wins


@dataclass(frozen=True)
class Label:
    """One label occurrence: ``text[start:end]`` names ``camp`` with a term of the lexicon.

    Attributes:
        start, end: offsets into the text given to :func:`find_labels` (with any prefix, modifier
            label and group noun the label covers).
        text: ``text[start:end]``.
        term: the lexicon term that matched, as listed ("terrorists" also for "terrorist").
        category: ``neutral``, ``legitimising`` or ``delegitimising``.
        camp: the camp the label names (a camp of ``actors.yml``), ``None`` when unresolved.
        how: how the camp was decided, one of :data:`HOWS`.
        in_quote: the label lies inside a quote (someone else's words), not in the outlet's voice.
    """

    start: int
    end: int
    text: str
    term: str
    category: str
    camp: str | None
    how: str
    in_quote: bool

