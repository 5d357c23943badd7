"""Mentions the actor finder does not list, added for hedge attachment (:mod:`toolkit.hedge_claims`, issue 20).

* :func:`short_forms` (round 6): later short forms of a mention, "Mrs. Lorne" after "Ada Lorne", "State radio"
  after "Ruritanian state radio".
* :func:`descriptions` (round 9): definite descriptions of an organisation by its kind ("the monitor", "The
  London-based group"), as mentions of the nearest organisation or group named before them.
* :func:`bare_surnames` (round 11): a person's bare surname after the full name, "Quill" after "Mara Quill".
* :func:`role_descriptions` (round 14): definite references by a role noun ("the spokesman", "the source"), as
  mentions of the nearest earlier mention with that head noun, else of the lexicon's actor for "a <noun>".

All four return small records with ``start``, ``end`` and ``actor``, only where no mention of the finder covers the
words (for descriptions: no mention of ``mentions``, sorted by start, overlaps them, however far back it starts).
:func:`lexicon_entry` is the one actor lookup of these and of :mod:`toolkit.hedge_claims`. Limits: no coreference
model; a description is matched by the kind of its head noun alone.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

__all__ = ["bare_surnames", "descriptions", "lexicon_entry", "role_descriptions", "short_forms"]


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    actor: str


def short_forms(text: str, mentions: Sequence[Any]) -> list[_Mention]:
    """Later short forms of a mention the actor finder does not list: "Mrs. Lorne" after "Ada Lorne" (a title and
    the last word), "State radio" after "Ruritanian state radio" (the last two words of a longer mention when
    they are common nouns); only where no mention covers them."""
    surnames: dict[str, tuple[int, str]] = {}  # last word -> (end of its first mention, actor)
    nouns: dict[str, tuple[int, str]] = {}  # "state radio" -> the same
    for m in mentions:
        words = text[m.start:m.end].split()
        if len(words) >= 2 and words[-1][:1].isupper():
            surnames.setdefault(words[-1], (m.end, m.actor))
        if len(words) >= 3 and words[-2][:1].islower() and words[-1][:1].islower():
            nouns.setdefault(" ".join(words[-2:]).lower(), (m.end, m.actor))
    return (_later_forms(text, surnames, r"\b(?:Mr|Mrs|Ms|Dr)\.?\s+(%s)\b", lambda f: f.group(1), mentions)
            + _later_forms(text, nouns, r"(?i:\b(%s)\b)", lambda f: f.group(1).lower(), mentions))


def _later_forms(text: str, forms: dict[str, tuple[int, str]], pattern: str, key: Any,
                 mentions: Sequence[Any]) -> list[_Mention]:
    """The matches of ``pattern`` (``%s``: the alternation of ``forms``' keys, escaped) after the end its form
    maps to and covered by none of ``mentions``, each as a mention of the form's actor (``key(match)`` gives the
    form): the scan :func:`short_forms` and :func:`bare_surnames` share."""
    if not forms:
        return []
    covered = [(m.start, m.end) for m in mentions]
    found = []
    for f in re.finditer(pattern % "|".join(map(re.escape, forms)), text):
        after, actor = forms[key(f)]
        if f.start() >= after and not any(a < f.end() and f.start() < b for a, b in covered):
            found.append(_Mention(f.start(), f.end(), actor))
    return found


# A definite description of an organisation by its kind ("the monitor", "the London-based group", "The war
# monitor"): up to two modifiers (lower-case words or "X-based") between the determiner and the head.
_DESCRIPTION = re.compile(r"\b[Tt]he\s+(?:(?:[a-z]+|[\w.'\u2019-]+-based)\s+){0,2}"
                          r"(monitor|observatory|watchdog|group|organi[sz]ation|ministry|agency)\b")
_DESCRIPTION_REACH = 600  # characters before a description searched for its antecedent
_DESCRIPTION_KINDS = ("organization", "group")


def descriptions(text: str, mentions: Sequence[Any], actors: Any) -> list[_Mention]:
    """Definite descriptions of an organisation by its kind ("The monitor believes ...", "the group are believed
    to ...") as mentions of the nearest actor of kind organization or group mentioned within
    :data:`_DESCRIPTION_REACH` characters before (Poesio & Vieira 1998: a definite description's antecedent is
    the closest earlier entity its head fits); only where no mention covers them, and only with a lexicon that
    gives kinds. Limits: the head is not matched against the antecedent's name ("the ministry" may take a
    monitor mentioned last), and "the group" after a group named in passing takes that group."""
    if actors is None:
        return []
    return [_Mention(d.start(), d.end(), prior.actor)
            for d, prior in _antecedents(_DESCRIPTION, text, mentions,
                                         lambda d, m: _kind(actors, m.actor) in _DESCRIPTION_KINDS)
            if prior is not None]


def _antecedents(pattern: re.Pattern, text: str, mentions: Sequence[Any], fits) -> Iterator[tuple[re.Match, Any]]:
    """Each match of ``pattern`` that no mention of ``mentions`` (sorted by start) covers, with the nearest mention
    ending before it, within :data:`_DESCRIPTION_REACH` characters, that ``fits(match, mention)`` (``None`` if
    none): the antecedent search of :func:`descriptions` and :func:`role_descriptions`."""
    starts = [m.start for m in mentions]
    reach = list(accumulate((m.end for m in mentions), max))  # reach[j]: the furthest end of mentions[:j + 1]
    for d in pattern.finditer(text):
        j = bisect.bisect_left(starts, d.end())  # mentions[:j] start before the match ends
        if j and reach[j - 1] > d.start():  # one of them ends after it starts: it covers a word of it
            continue
        i = bisect.bisect_left(starts, d.start())
        yield d, next((m for m in reversed(mentions[bisect.bisect_left(starts, d.start() - _DESCRIPTION_REACH):i])
                       if m.end <= d.start() and fits(d, m)), None)


# A definite second reference to a person by a role noun ("The spokesman could not confirm ...", "the source added").
_OF = re.compile(r"\s+of\b")  # "the source of the fire": an origin, not a person
_ROLE_DESCRIPTION = re.compile(r"\b[Tt]he\s+(spokes(?:man|woman|person)|source|official|envoy|diplomat|ambassador)\b")
# What may follow a role noun that heads its noun phrase ("The official said", "the source, who", "the envoy
# reportedly", "the diplomat close to"): a mark or the text's end, or a lowercase verb, adverb, clause or
# preposition word; not a noun or adjective ("the official news agency", "the official death toll", "the source
# code"), which makes the role word itself an adjective or a modifier. Word lists and the "-ed"/"-ly" endings stand
# in for a part-of-speech tagger: an unlisted verb ending otherwise ("the official writes") is read as a noun.
_HEAD_NEXT = re.compile(
    r"\s*(?:$|[,.;:!?)\]'\"\u2019\u201d\u2014\u2013-])|\s+(?:[a-z]+(?:ed|ly)|said|says|told|tells|adds|claims|denies"
    r"|insists|believes|thinks|warns|notes|alleges|suggests|confirms|explains|spoke|speaks|knew|knows|saw|gave|took"
    r"|wrote|could|would|should|can|cannot|will|may|might|must|did|does|do|is|was|are|were|has|had|have|also|not"
    r"|who|whom|whose|which|that|however|then|later|in|at|from|with|close|familiar|speaking|asking|requesting)\b")


def role_descriptions(text: str, mentions: Sequence[Any], actors: Any) -> list[_Mention]:
    """Definite second references by a role noun ("The spokesman could not confirm ..." after "a Vale Council
    spokesman") as mentions of the nearest mention before, within :data:`_DESCRIPTION_REACH` characters, whose
    last word is that noun (round 14, ``role_descriptions``): the news style of first naming a source in full and
    then by its role; with no such mention, the actor the lexicon gives the indefinite form ("The source claimed
    ..." as "a source": ``actors.lookup``, the unnamed source in the default lexicon), not before "of" ("the source
    of the fire"). Only where no mention covers the words. Limits: the head noun alone is matched, so two
    spokesmen in a paragraph give the later one's actor; a first mention the finder missed ("a spokesman for the
    Vale Council" read as another head) leaves the description to the fallback. The role noun must head its
    noun phrase (:data:`_HEAD_NEXT`: a mark, a verb, an adverb, a clause or preposition word after it), so "the
    official" and "the source" before a noun or adjective ("The official news agency", "the source code") are no
    person; the test is a word list, not a tagger."""
    found = []
    for d, prior in _antecedents(_ROLE_DESCRIPTION, text, mentions,
                                 lambda d, m: text[m.start:m.end].split()[-1].lower() == d.group(1).lower()):
        if not _HEAD_NEXT.match(text, d.end()):
            continue  # "the official news agency", "the source code": the role word modifies another noun
        head = d.group(1).lower()
        if prior is not None:
            found.append(_Mention(d.start(), d.end(), prior.actor))
        elif actors is not None and not _OF.match(text, d.end()) \
                and (unnamed := actors.lookup(("an " if head[0] in "aeiou" else "a ") + head)) is not None:
            found.append(_Mention(d.start(), d.end(), unnamed.id))  # "The source claimed": as "a source" would
    return found


def lexicon_entry(actors: Any, actor_id: str) -> Any:
    """The lexicon's entry for ``actor_id`` (``actors.get``), or ``None`` without a lexicon or when it does not know
    the id: the one lookup behind the kind and gender checks here and in :mod:`toolkit.hedge_claims`."""
    if actors is None:
        return None
    try:
        return actors.get(actor_id)
    except (KeyError, LookupError):
        return None


def _kind(actors: Any, actor_id: str) -> str | None:
    """The lexicon's kind of ``actor_id`` (``None`` when it does not know it)."""
    entry = lexicon_entry(actors, actor_id)
    return entry.kind if entry is not None else None


def bare_surnames(text: str, mentions: Sequence[Any], actors: Any) -> list[_Mention]:
    """A person's bare surname after a mention of the full name ("Quill said" after "Senator Mara Quill"): the last
    word of a mention of two or more words whose actor the lexicon knows as a person, later in the text, where no
    mention covers it (the news style of second reference). Limits: two people who share a surname go to the
    first named; only with a lexicon that gives kinds."""
    if actors is None:
        return []
    first: dict[str, tuple[int, str]] = {}  # surname -> (end of its first full mention, actor)
    for m in mentions:
        words = text[m.start:m.end].split()
        entry = lexicon_entry(actors, m.actor)
        if len(words) >= 2 and len(words[-1]) >= 3 and words[-1][:1].isupper() and words[-1].isalpha() \
                and entry is not None and entry.kind == "person":
            first.setdefault(words[-1], (m.end, m.actor))
    return _later_forms(text, first, r"\b(%s)\b(?!['\u2019]?\s*[A-Z])", lambda f: f.group(1), mentions)
