"""The clause readers of hedge attachment (:func:`toolkit.hedge_claims.attribute_hedges`, issue 20): predicates on the
words around a hedge that its rules ask, and the word classes they share; some serve more than one rule
(:func:`words_before` reads the subject word for rule 4, ``raising_it`` and ``cleft``).

:func:`belief_holder` (rule 1's ``nested_belief``), :func:`according_source` (rule 2), :func:`reported_by` (rule 2b),
:func:`expletive_it` (rule 3's ``raising_it``), :func:`cleft_clause` (rule 3's ``cleft``), :func:`words_before` and
:func:`last_person` (rule 4's pronoun),
:func:`clause_subject` (``relative_it``) and :func:`reports` (rule 0); the rules, their order and their
leave-one-set-out checks are documented in :mod:`toolkit.hedge_claims`. Limits: no parser; each reads the
words and the mentions of a fixed window (see each function).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Any

from .claim_mentions import lexicon_entry
from .hedge_speakers import _DETERMINERS, _is_person
from .text import token_bounds

__all__ = ["OTHER_PRONOUNS", "PERSON_PRONOUNS", "PREPOSITIONS", "RELATIVE", "SPEECH", "SUBJECT_GAP", "according_source",
           "belief_holder", "clause_subject", "cleft_clause", "expletive_it", "last_person", "reported_by", "reports",
           "words_before"]

PREPOSITIONS = frozenset("in on at over of from to with against for toward towards about into near across "
                          "inside outside around between among under after before during without".split())
PERSON_PRONOUNS = {"he": "m", "she": "f"}
OTHER_PRONOUNS = frozenset("it they we you i this that these those".split())
RELATIVE = re.compile(r"\b(?:where|which|who|whom|whose|when|while)\b", re.IGNORECASE)
SUBJECT_GAP = re.compile(r"(?:\s+(?:also|\w+ly))?\s+$")  # "X said", "X also said" (not "..., who served under X, said")
_ACCORDING = re.compile(r"\baccording\s+to\s+", re.IGNORECASE)
_SOURCE = re.compile(r"\s*sources?\b", re.IGNORECASE)
_ACCORDING_REACH = 30  # characters after "according to" within which the source's mention starts
_SKIP = frozenset("also still now then already reportedly apparently allegedly not n't never only just "
                  "is are was were be been being has have had".split())
_REPORTED = re.compile(r"((?:\s+[\w'\u2019]+){1,3}?)\s+that\b", re.IGNORECASE)
# "Quill said on Vale Radio's "Noon Desk" that ...": a speech verb, a prepositional phrase (a quoted title in it), "that".
_REPORTED_PP = re.compile(r"\s+(?:said|says|told|added|warned|argued|insisted|stressed|noted)\s+(?:on|in|at|during|to)\s"
                          r"[^.;:\n]{0,40}?\s+that\b", re.IGNORECASE)
_BASE_VERBS = frozenset("say think believe hope fear warn know insist argue suggest indicate expect".split())
_BELIEF = re.compile(r"(?:believe[sd]?|thinks?|thought|suspect(?:s|ed)?|fear(?:s|ed)?)(?:\s+that)?", re.IGNORECASE)
# A cleft: "That's apparently why he dropped ...", "This was reportedly where Vale ...": the claim is the wh-clause's.
_CLEFT_SUBJECT = frozenset(("that's", "that", "this"))
_CLEFT = re.compile(r"\s+(?:when|how|why|where)\s+(\w+)", re.IGNORECASE)
SPEECH = re.compile(r"\b(?:said|says|told|tells|added|stated|noted|explained|stressed|insisted|argued)\b",
                    re.IGNORECASE)
# Raising verbs: with an expletive "it" subject ("it seems the Front ...", "It appears that ...") the claim is the
# complement's (round 13, ``raising_it``); "it seems to ..." raises a referential "it" (not "it seems to me").
_RAISING = re.compile(r"(?:seem|appear)(?:s|ed)?", re.IGNORECASE)
_RAISED_TO = re.compile(r"\s+to\b(?!\s+(?:me|us|many|some)\b)|\s*,", re.IGNORECASE)  # or parenthetical: "X, it seems,"
_IT = re.compile(r"\bit\b", re.IGNORECASE)
# A comma or a conjunction between a mention and "it" opens another clause ("... for the Front, although it seems").
_NEW_CLAUSE = re.compile(r",|\b(?:although|though|yet|but|while|whereas|because|since|and|or|if|when|as)\b",
                         re.IGNORECASE)


def belief_holder(text: str, h: Any, mentions: Sequence[Any], m_starts: list[int], lo: int, prev_lo: int,
                   actors: Any) -> Any:
    """The subject of a belief verb inside another speaker's words, which holds the belief per the spot conventions
    of round 8 ("B said that A believes ...", rule ``nested_belief``): the mention right before the verb from
    ``lo`` on, an adverb between ("Mara Quill said the Vale Front also believes ..."), or for "he"/"she" the last
    person of that gender mentioned from ``prev_lo`` (the sentence before) on ("..., adding that he believed ...");
    ``None`` for another hedge or no such subject. Limits: "I"/"we"/"they" stay the speaker's; one step back."""
    if _BELIEF.fullmatch(text, h.start, h.end) is None:
        return None
    pool = mentions[bisect.bisect_left(m_starts, prev_lo):bisect.bisect_left(m_starts, h.start)]
    subject = next((m for m in reversed(pool) if m.start >= lo and m.end <= h.start
                    and SUBJECT_GAP.fullmatch(text, m.end, h.start)), None)
    words = words_before(text, max(lo, h.start - 30), h.start)
    if subject is not None or not words or words[-1] not in PERSON_PRONOUNS:
        return subject
    return last_person(pool, actors, PERSON_PRONOUNS[words[-1]], lambda m: m.end <= h.start)


def cleft_clause(text: str, s_lo: int, h: Any) -> Any:
    """The wh-clause match after a hedge that a cleft's "that" alone precedes in its sentence ("That's apparently why
    he dropped ...", "This was reportedly where ...", rule ``cleft``; group 1 the clause's first word), or ``None``."""
    words = [w.replace("\u2019", "'") for w in words_before(text, s_lo, h.start)]
    return _CLEFT.match(text, h.end) if len(words) == 1 and words[0] in _CLEFT_SUBJECT else None


def expletive_it(text: str, clause_lo: int, h: Any, before: Sequence[Any], speech: Sequence[Any]) -> bool:
    """Whether raising verb ``h`` has an expletive "it" right before it (rule ``raising_it``: "yet it seems the Vale
    Front ..."): not when "to" follows the verb ("It seems to have lost ...": a referential "it"; "to me" still
    expletive) or a comma does ("Ruritania, it seems, ...": parenthetical), a preposition precedes "it" ("... of it
    appears ..."), or a speech verb (``speech``: "Mara Quill said it seems ...", whose claim the speech-verb rule
    gives the speaker) or an actor mention (``before``) stands before it in the clause, with no comma or
    conjunction between the mention and "it" ("Ruritania knows it seems ..."; not "... for Ruritania, although it
    seems ..."). Limits: "it" is read from the words alone; "It seems that way" still counts."""
    if _RAISING.fullmatch(text, h.start, h.end) is None or _RAISED_TO.match(text, h.end):
        return False
    words = words_before(text, clause_lo, h.start)
    if words[-1:] != ["it"] or (len(words) > 1 and words[-2] in PREPOSITIONS):
        return False
    it_at = [m.start() for m in _IT.finditer(text, clause_lo, h.start)][-1]
    return not speech and not any(m.start >= clause_lo and m.end <= it_at and not _NEW_CLAUSE.search(text, m.end, it_at)
                                  for m in before)


def words_before(text: str, lo: int, hi: int) -> list[str]:
    """The lowercased words of ``text[lo:hi]`` without the adverbs and particles (:data:`_SKIP`) that end it
    ("he also", "she reportedly"): its last item is the word the hedge's subject is read from."""
    words = [text[a:b].lower() for a, b in token_bounds(text, lo, hi)]
    while words and words[-1] in _SKIP:
        words.pop()
    return words


def last_person(pool: Sequence[Any], actors: Any, gender: str, keep: Any) -> Any:
    """The last mention of ``pool`` (in text order) that ``keep`` accepts and a he/she pronoun of ``gender``
    can stand for (:func:`_person`); ``None`` when there is none."""
    return next((m for m in reversed(pool) if keep(m) and _person(actors, m.actor, gender)), None)


def clause_subject(text: str, mentions: Sequence[Any], clause_lo: int, actors: Any, pronoun: str,
                    outside: Any) -> Any:
    """The antecedent of a relative clause's subject pronoun ("Ruritania is arming militias that it believes ...",
    rule ``relative_it``): the clause's first mention outside quotes that no preposition governs, no person
    for "it"; ``None`` when there is none."""
    for m in mentions:
        if m.start < clause_lo or not outside(m) or (pronoun == "it" and _is_person(actors, m.actor)):
            continue
        prev = [text[a:b].lower() for a, b in token_bounds(text, max(clause_lo, m.start - 40), m.start)]
        while prev and prev[-1] in _DETERMINERS:
            prev.pop()
        if not (prev and prev[-1] in PREPOSITIONS):
            return m
    return None


def reported_by(text: str, at: int, hedge_start: int) -> bool:
    """Whether ``text[at:]`` reads "<verb> that ..." up to the hedge (rule 2b): one to three words, none a
    determiner, preposition or pronoun, the last a verb form (-ed, -s or a listed base form), then "that",
    and no relative word between "that" and the hedge ("the rebels in the town that may fall" is no report)."""
    r = _REPORTED.match(text, at, hedge_start)
    if r is None:
        pp = _REPORTED_PP.match(text, at, hedge_start)
        return pp is not None and not RELATIVE.search(text, pp.end(), hedge_start)
    words = r.group(1).lower().split()
    if any(w in _DETERMINERS or w in PREPOSITIONS or w in OTHER_PRONOUNS for w in words):
        return False
    last = words[-1]
    return (last.endswith(("ed", "s")) or last in _BASE_VERBS) and not RELATIVE.search(text, r.end(), hedge_start)


def reports(q: Any, h: Any) -> bool:
    """Whether epistemic verb ``h`` is the neutral attribution verb of quote ``q`` spoken by an actor or a named
    speaker ("McCain suggested that"; "commentary suggesting that" stays a hedge)."""
    cue_start, cue_end = getattr(q, "cue_start", None), getattr(q, "cue_end", None)
    if h.category != "epistemic_verb" or cue_start is None or getattr(q, "stance", None) == "distancing":
        return False
    if not (cue_start < h.end and h.start < cue_end):
        return False
    first = (getattr(q, "speaker", None) or "").split(" ", 1)[0]
    return q.actor is not None or (first[:1].isupper() and first.lower() not in _DETERMINERS)


def according_source(text: str, mentions: Sequence[Any], lo: int, hi: int, actors: Any) -> str | None:
    """The actor of an "according to X" phrase in ``text[lo:hi]`` (rule 2), or ``None``."""
    phrase = None
    for phrase in _ACCORDING.finditer(text, lo, hi):
        pass
    if phrase is None:
        return None
    m = next((m for m in mentions if phrase.end() <= m.start < phrase.end() + _ACCORDING_REACH and m.end <= hi), None)
    if m is None:
        return None
    if _SOURCE.match(text, m.end) and _known(actors, "unnamed_source"):
        return "unnamed_source"
    return m.actor


def _known(actors: Any, actor_id: str) -> bool:
    """Whether the lexicon has ``actor_id`` (any id counts without a lexicon)."""
    return actors is None or lexicon_entry(actors, actor_id) is not None


def _person(actors: Any, actor_id: str, gender: str) -> bool:
    """Whether ``actor_id`` can be the antecedent of a he/she pronoun of ``gender``."""
    if actors is None:
        return True
    entry = lexicon_entry(actors, actor_id)
    return entry is not None and entry.kind == "person" and entry.gender in (None, gender)
