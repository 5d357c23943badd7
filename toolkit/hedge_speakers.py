"""Whose words a hedge inside a quote is (rule 1 of :mod:`toolkit.hedge_claims`, issue 20): the speaker phrase's actor.

:func:`_first_speaker` starts from the quote extractor's actor (:mod:`toolkit.quotes`) and corrects it from the
speaker phrase: the first of coordinated speakers, though not a mention ending the quote's own words
(``quoted_conjunct``); the source an epithet speaker ("the London-based group") stands for; the last mention of a long phrase (``speaker_head``); a bare
surname (``bare_surname``); the unnamed source a bare role noun names ("Diplomats said") where the extractor took the
camp named before (``unnamed_speaker``: only when the phrase names no side beside that mention, so "Officials at
the Ruritanian foreign ministry", "Diplomats from Ruritania" keep the side they name, per the spot labelling
conventions); a name the lexicon lacks (``unlisted_name``) or the organisation of its title
(``speaker_title``). The rules and their leave-one-set-out checks are documented in :mod:`toolkit.hedge_claims`.
Limits: no parser; a phrase is read by its words and the mentions in it, so a speaker span the extractor cut
wrongly ("in a", a clause run into the phrase) is judged as cut.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Sequence
from typing import Any

from .claim_mentions import lexicon_entry

_DETERMINERS = frozenset("the a an this that these those its their his her some many".split())
_PRONOUN_WORDS = frozenset("he she it they we i you".split())
_CONJUNCT = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)", re.IGNORECASE)
_EPITHET = re.compile(r"the\s+[\w.'\u2019-]+-based\b", re.IGNORECASE)  # "the London-based group" names no new actor
# A qualifier after a speaker phrase the extractor cut short ("Diplomats | from Ruritania said"): the side it names.
_QUALIFIER = re.compile(r"\s*,?\s*(?:in|from|at|of|for|with)\s", re.IGNORECASE)
# a sentence opening on a place before the speaker phrase ("In Washington, officials said"): the text names the side
_LOCATED = re.compile(r"(?:^|[.!?\n]\s*)(?:In|From|Inside|Outside)\s+[A-Z][^,.!?\n]*,\s*$")
_EPITHET_REACH = 400  # characters before a quote searched for the source an epithet speaker stands for
# The words of a title between an actor and a person's name ("Ruritania envoy Mara Quill", "the Osterlich Council
# Piet Vane", "Ministry of Grain Supply and Storage Deputy Head Ada Lorne").
_TITLE_GAP = re.compile(r"(?:['\u2019]s)?(?:\s+(?:[A-Z][\w.'\u2019-]*|of|the|and|for|director|chief|head|minister|"
                        r"official|envoy|ambassador|adviser|advisor|president|vice-president|representative|"
                        r"commander|leader|secretary|general|spokesman|spokeswoman|spokesperson)){0,7}\s+")


def _first_conjunct(text: str, mentions: Sequence[Any], lo: int, m: Any) -> Any:
    """The first of the mentions coordinated with ``m`` ("A, B and m"), looking no further back than ``mentions[lo]``."""
    i = mentions.index(m)
    while i > lo and mentions[i - 1].end <= mentions[i].start and \
            _CONJUNCT.fullmatch(text, mentions[i - 1].end, mentions[i].start):
        i -= 1
    return mentions[i]


def _first_speaker(text: str, q: Any, mentions: Sequence[Any], m_starts: list[int], actors: Any,
                   rules: Collection[str]) -> str | None:
    """The actor of a hedge inside quote ``q`` (rule 1): the quote's actor, or the first of coordinated speakers (a
    mention joined by "and"/"," right before the speaker phrase); an epithet speaker ("the London-based group")
    stands for the last other actor mentioned before the quote; a name the lexicon lacks has no actor
    (``unlisted_name``), or the organisation of its title where the name appears with one (``speaker_title``)."""
    at = getattr(q, "speaker_start", None)
    if at is None:
        return q.actor
    if _EPITHET.match(getattr(q, "speaker", "") or ""):
        lo = min(q.start, at)
        prior = [m for m in mentions[bisect.bisect_left(m_starts, lo - _EPITHET_REACH):bisect.bisect_left(m_starts, lo)]
                 if m.end <= lo and m.actor != q.actor]
        if prior:
            return prior[-1].actor
    i = bisect.bisect_left(m_starts, at)
    if i > 0 and mentions[i - 1].end <= at and _CONJUNCT.fullmatch(text, mentions[i - 1].end, at) \
            and not ("quoted_conjunct" in rules and q.start <= mentions[i - 1].start < q.end):
        return _first_conjunct(text, mentions, 0, mentions[i - 1]).actor
    end = getattr(q, "speaker_end", None)
    if end is None:
        return q.actor
    own = next((m for m in mentions[i:bisect.bisect_left(m_starts, end)] if m.end <= end), None)
    inside = [m for m in mentions[i:bisect.bisect_left(m_starts, end)] if m.end <= end]
    if "speaker_head" in rules and len(inside) > 1 and inside[-1].actor != q.actor and \
            not text[inside[-1].end:end].strip(" .,'\u2019s") and "," not in text[inside[0].end:inside[-1].start]:
        return inside[-1].actor  # "Vale shelling killed ten in Osterlich UNICEF said": the mention before the verb
    if "unnamed_speaker" in rules and q.actor is not None and len(inside) == 1 and inside[0].actor != q.actor \
            and _unnamed(actors, inside[0].actor) and _bare_role(text, at, end, inside[0]):
        return inside[0].actor  # "diplomats said", read by the extractor as the camp last named: an unnamed source
    if "bare_surname" in rules and q.actor is None and own is not None and _is_person(actors, own.actor) \
            and text[at:end].strip(" ,.") == text[own.start:own.end]:
        return own.actor  # the phrase is a person's mention the extractor did not resolve ("Quill said")
    if q.actor is not None:
        return None if "unlisted_name" in rules and _unlisted(text, at, end, q.actor, mentions, m_starts) else q.actor
    if "speaker_title" not in rules or any(m.end <= end for m in mentions[i:bisect.bisect_left(m_starts, end)]):
        return None
    return _title_actor(text, at, end, mentions, m_starts, actors)


def _bare_role(text: str, at: int, end: int, m: Any) -> bool:
    """Whether speaker phrase ``text[at:end]`` names no side beside its one mention ``m`` (``unnamed_speaker``): it
    opens with no determiner ("The officials, who ...": anaphoric), holds no capitalised word but ``m``'s ("Officials
    at the Ruritanian foreign ministry", "Diplomats from Vale": a place or state word, which the mentions attachment
    sees lack), and no qualifier follows it (:data:`_QUALIFIER`, a phrase cut short). Lower-case words around ``m``
    are allowed ("two officials familiar with the talks", "former diplomats"), and a sentence opening on a place
    before it ("In Port Elbe, officials said": :data:`_LOCATED`) names the side. Limits: a capitalised first word
    opening a sentence ("Former diplomats say") counts as a name, and a lower-case side word the finder does not
    list ("regime officials") is not seen."""
    words = text[at:end].split()
    rest = (text[at:m.start] + " " + text[m.end:end]).split()
    return bool(words) and words[0].lower() not in _DETERMINERS and not any(w[:1].isupper() for w in rest) \
        and not _QUALIFIER.match(text, end) and not _LOCATED.search(text[max(0, at - 120):at])


def _unlisted(text: str, at: int, end: int, actor: str, mentions: Sequence[Any], m_starts: list[int]) -> bool:
    """Whether speaker phrase ``text[at:end]`` is a name the lexicon lacks, resolved to ``actor`` by context ("The
    Wellcome Health Board" read as the UN): it opens with a capitalised word (after a determiner), holds no
    mention, and none of its capitalised words is in a mention of ``actor`` in the text ("Vane" after "Piet Vane" is)."""
    words = [w.strip(".,'\u2019") for w in text[at:end].split()]
    while words and words[0].lower() in _DETERMINERS:
        words.pop(0)
    if not words or not words[0][:1].isupper() or words[0].lower() in _PRONOUN_WORDS:
        return False
    if any(m.end <= end for m in mentions[bisect.bisect_left(m_starts, at):bisect.bisect_left(m_starts, end)]):
        return False
    known = {w.strip(".,'\u2019").lower().removesuffix("'s") for m in mentions if m.actor == actor
             for w in text[m.start:m.end].split()}
    return not any(w[:1].isupper() and {w.lower(), w.lower().removesuffix("s")} & known for w in words)  # "Ruritanias" (an apostrophe stripped)


def _title_actor(text: str, at: int, end: int, mentions: Sequence[Any], m_starts: list[int], actors: Any) -> str | None:
    """The organisation of the title a speaker's name has where it first appears with one ("Ruritania envoy Mara
    Quill"): the name's last word, found up to the speaker phrase's end, right after a mention of an actor that is
    no person ("Minister Orla and Piet Vane" gives Vane no title) and title words."""
    words = text[at:end].split()
    name = words[-1].strip(".,'\u2019") if words else ""
    if len(name) < 3 or not name[:1].isupper() or name.lower() in _DETERMINERS:
        return None
    for w in re.finditer(r"\b" + re.escape(name) + r"\b", text[:end]):
        j = bisect.bisect_left(m_starts, w.start())
        while j > 0 and mentions[j - 1].end > w.start():
            j -= 1
        m = mentions[j - 1] if j > 0 else None
        if m is not None and w.start() - m.end <= 100 and _TITLE_GAP.fullmatch(text, m.end, w.start()) \
                and not _is_person(actors, m.actor):
            return m.actor
    return None


def _is_person(actors: Any, actor_id: str) -> bool:
    """Whether the lexicon knows ``actor_id`` as a person (``False`` without a lexicon)."""
    entry = lexicon_entry(actors, actor_id)
    return entry is not None and entry.kind == "person"


def _unnamed(actors: Any, actor_id: str) -> bool:
    """Whether the lexicon puts ``actor_id`` in the unnamed camp (the unnamed source: "officials", "diplomats")."""
    entry = lexicon_entry(actors, actor_id)
    return entry is not None and entry.camp == "unnamed"
