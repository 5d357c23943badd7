"""Speaker resolution for one article: pronouns to their antecedents, phrases to names and camps.

:class:`_Speakers` holds what one article's speakers are resolved against: the actor lexicon's
mentions, capitalised person names, the speakers found so far and the anchors of
:mod:`.descriptions`. A pronoun ("he said") goes to the most recent compatible speaker, then person
mention, before it (gender and number from the lexicon, "Mr./Mrs./Ms." titles, or a noun's plural
ending), as the Gender Gap Tracker does (Asr et al. 2021, "The Gender Gap Tracker", PLOS ONE), looking first
no further back than the unit before the pronoun's (:func:`.marks._units`: sentences merged across a quotation, so
a quotation's own sentences count with the one that reports it); a person name the lexicon lacks, titled by a body ("the Vale Council director Mara Quill"), gives
the pronoun that body's actor;
any other phrase to its name (:mod:`.names`) and then its context (:mod:`.descriptions`).
Limits: no coreference model; "I"/"we" stay unresolved; an unknown name fits any pronoun.
"""

from __future__ import annotations

import bisect
import re

from .descriptions import _CONTEXT_CHARS, _anchors, _covered, _in_context, _speaker_anchor
from .phrases import _PRONOUNS
from .names import (_HEADS_PLURAL, _ORG_WORD, _PERSON_NAME, _SINGULAR, _TITLE_GENDER, _gender_of, _mentions, _name_of,
                    _Who)
from .leads import trim_lead

# Pronoun antecedents: speakers within this many characters, then this many earlier person mentions.
_PRONOUN_CHARS = 1500
_PRONOUN_PEOPLE = 200
# Between a body's mention and a person's name, the lower-case words of a title ("director", "special envoy").
_TITLE_GAP = re.compile(r"\s+(?:[a-z]+\s+){1,3}")
# A description stands for "it"/"they" only when it reads as a noun phrase: a determiner and a few words
# ("the group", "the activists"), not a clause a pattern took for a speaker ("the regime had used weapons").
_DESCRIPTION = re.compile(r"(?i:the|this|that|these|those|its|their)\s+(?:[\w'-]+\s+){0,4}[\w'-]+")


def _fits(pron: str, w: _Who, bodies: frozenset = frozenset(), t: str = "") -> bool:
    """Whether ``w`` can be the antecedent of the pronoun ``pron`` (gender, number, person or body; ``bodies``:
    the actor ids of kind organization, group or place, which "he"/"she" stand for only as one member, "a
    Civil Defence volunteer", a phrase of ``t`` opened by "a"/"one")."""
    gender, plural = _PRONOUNS[pron]
    if gender is not None and w.actor in bodies and not _SINGULAR.match(t, w.span[0]):
        return False  # "UNICEF director Anthony Lake ... he said" is Lake, not an earlier speaking monitor
    named = w.actor is not None or (w.name[:1].isupper() and not _DESCRIPTION.match(w.name))
    if not named and not _DESCRIPTION.fullmatch(w.name):
        return False
    if plural:
        return w.plural or w.actor is not None and w.gender is None
    if pron == "it" and w.actor is not None and w.gender is None and w.name.split() \
            and not _HEADS_PLURAL.match(w.name.split()[-1]):
        return True  # an institution ("SANA ... It added"): kind-plural for "they", singular by name
    if w.plural:
        return False
    if pron == "it":
        return w.gender is None and (w.actor is not None or not named)  # a body, or a description of one
    return w.gender in (None, gender)


def _resolve_pronoun(pron: str, pos: int, history: list[_Who], people: list[tuple[int, _Who]],
                     floor: int | None = None, bodies: frozenset = frozenset(), t: str = "") -> _Who | None:
    """The antecedent of a pronoun speaker at ``pos``, or ``None`` ("I" and "we" are never resolved).

    Looked for from ``floor`` (the start of the unit before the pronoun's, :func:`.extract.extract_quotes`) to
    ``pos``: the nearest compatible speaker, else the nearest compatible actor or person
    mention (the Gender Gap Tracker and Citron take the closest preceding compatible named entity;
    a speaker first, since news pronouns mostly continue the last speaker). Outside that window:
    the most recent compatible speaker within :data:`_PRONOUN_CHARS`, then the most recent mention.
    ``bodies`` and ``t`` (the text) as for :func:`_fits`.
    """
    if pron in ("i", "we"):
        return None
    i = bisect.bisect_left(people, pos, key=lambda pw: pw[0])
    if floor is not None:
        spoke = [w for w in history if floor <= w.span[0] and w.span[1] <= pos and _fits(pron, w, bodies, t)]
        named = [w for p, w in people[bisect.bisect_left(people, floor, key=lambda pw: pw[0]):i]
                 if w.span[1] <= pos and _fits(pron, w, bodies, t)]
        if spoke or named:
            return max(spoke or named, key=lambda w: w.span[1])
    for w in reversed(history):
        if w.span[1] <= pos and pos - w.span[1] >= _PRONOUN_CHARS:
            break
        if w.span[1] <= pos and _fits(pron, w, bodies, t):
            return w
    for p, w in reversed(people[max(0, i - _PRONOUN_PEOPLE):i]):
        if _fits(pron, w, bodies, t):
            return w
    return None


class _Speakers:
    """The speakers of one article, resolved in text order (each resolved phrase becomes an antecedent)."""

    def __init__(self, t: str, text: str, lexicon, mentions=None) -> None:
        self.t, self.lexicon = t, lexicon
        found_mentions = _mentions(text, lexicon) if mentions is None else list(mentions) if lexicon else []
        self.mentions = [mn for mn in found_mentions if mn.how != "place"]
        self.mention_starts = [mn.start for mn in self.mentions]
        self.actors_by_id = {mn.actor: lexicon.actors[mn.actor] for mn in self.mentions
                             if mn.actor in getattr(lexicon, "actors", {})}
        people = [(mn.start, _Who(mn.name or mn.text, mn.actor, mn.camp, _gender_of(self.actors_by_id.get(mn.actor)),
                                  getattr(self.actors_by_id.get(mn.actor), "kind", "person") not in ("person", None),
                                  (mn.start, mn.end)))
                  for mn in self.mentions]
        people += [(m.start(), _Who(m.group(), None, None, _TITLE_GENDER.get(m.group("title")), False,
                                    (m.start(), m.end())))
                   for m in _PERSON_NAME.finditer(t) if not _ORG_WORD.search(m.group())
                   and not _covered(self.mentions, self.mention_starts, m.start())]
        people.sort(key=lambda pw: pw[0])
        self.people = people
        self.anchors = _anchors(found_mentions, self.actors_by_id, lexicon)
        self.anchor_starts = [a.start for a in self.anchors]
        self.history: list[_Who] = []
        self.bodies = frozenset(a for a, x in getattr(lexicon, "actors", {}).items()
                                if x.kind in ("organization", "group", "place"))

    def _titled(self, who: _Who) -> _Who:
        """A person name the lexicon lacks (a pronoun's antecedent), with the actor of the body its title names right
        before it ("the Vale Council director Mara Quill": the Council's), as :func:`.names._name_head` gives the
        phrase as a speaker; any other antecedent as it is."""
        if who.actor is not None:
            return who
        i = bisect.bisect_left(self.mention_starts, who.span[0]) - 1
        mn = self.mentions[i] if i >= 0 else None
        if mn is None or not _TITLE_GAP.fullmatch(self.t, mn.end, who.span[0]) \
                or getattr(self.actors_by_id.get(mn.actor), "kind", "person") in ("person", None):
            return who
        return _Who(who.name, mn.actor, mn.camp, who.gender, False, who.span)

    def resolve(self, span: tuple[int, int], para_start: int, floor: int | None = None) -> _Who:
        """The speaker of a span: pronouns by antecedent, phrases by name, lexicon and context.

        Leading discourse words and datelines ("Meanwhile", "Earlier in the day", "In a statement",
        "DAMASCUS (SANA) -") are left out of the lookup; the reported span stays as found."""
        t, anchors, anchor_starts = self.t, self.anchors, self.anchor_starts
        ss, se = span
        ss = trim_lead(t, ss, se)
        word = t[ss:se].lower()
        if word in _PRONOUNS:
            who = _resolve_pronoun(word, ss, self.history, self.people, floor, self.bodies, t)
            if who is None:
                return _Who(t[ss:se], None, None, *_PRONOUNS[word], span)
            who = self._titled(who)
            who = _Who(who.name, who.actor, who.camp, who.gender, who.plural, span)
            self.history.append(who)  # "he said ... he added": the chain continues from the last resolution
            return who
        ms = self.mention_starts
        inside = self.mentions[bisect.bisect_left(ms, ss):bisect.bisect_left(ms, se)]
        window = anchors[bisect.bisect_left(anchor_starts, ss - _CONTEXT_CHARS):
                         bisect.bisect_left(anchor_starts, se + _CONTEXT_CHARS)]
        who = _in_context(t, _name_of(t, ss, se, inside, self.actors_by_id, self.lexicon), para_start, window,
                          self.history, self.lexicon)
        who = _Who(who.name, who.actor, who.camp, who.gender, who.plural, (span[0], who.span[1]))
        self.history.append(who)
        i = bisect.bisect_right(anchor_starts, ss)
        anchors.insert(i, _speaker_anchor(t, who, self.lexicon))
        anchor_starts.insert(i, ss)
        return who
