"""Deciding which camp each matched label names: the rules of :func:`toolkit.labels.find_labels`.

:func:`resolve` applies the ``lexicon``, ``modifier``, ``coreference`` and ``alignment`` rules in the order
the module docstring of :mod:`.find` gives (and the lexicon's ``resolve_order``); :func:`mark_other_states`
moves a bare "the government" or "the opposition" of another state to camp ``other`` (:mod:`.states`);
:func:`resolve_owners` gives a head noun after "his", "her" or "our" its owner's camp. :class:`Anchors` holds
the camp mentions the context windows search.

Limits: surface rules, no parser and no co-reference resolver (see :mod:`.find`); chosen on one fold of the
label gold and checked on the other (``python -m toolkit validate labels``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ..text import paragraphs, sentence_bounds
from .lexicon import SPACE, LabelLexicon
from .match import Hit, category_of
from .states import StateEvidence
from .words import after_anti, word_before

__all__ = ["Anchors", "resolve", "mark_other_states", "resolve_owners"]


# between a camp mention and a label naming it: a space, an apposition ("the Vale Front, a terrorist group")
# or a bracketed acronym ("the Vale Front (VF) terrorist organization")
_APPOSED = re.compile(r"(?:'s)?\)?,?" + SPACE + r"(?:(?P<article>a|an|the)" + SPACE + r")?")
_POST = re.compile(SPACE + r"(?:of|from|belonging" + SPACE + "to|affiliated" + SPACE + r"(?:to|with)|"
                   r"linked" + SPACE + r"to|loyal" + SPACE + r"to)" + SPACE + r"(?:the" + SPACE + r")?")


class Anchors:
    """Camp mentions a context window can point to (actor mentions and labels already decided), sorted,
    with each camp's offsets apart, so the nearest one of a camp is a bisection, not a scan."""

    def __init__(self, anchors: list[tuple[int, str]]):
        self.all = sorted(anchors)
        self.starts = [s for s, _c in self.all]
        self.by_camp: dict[str, list[int]] = {}
        for s, c in self.all:
            self.by_camp.setdefault(c, []).append(s)

    def last_before(self, lo: int, at: int) -> str | None:
        """The camp of the last anchor in ``[lo, at)`` (the greatest camp of those at one offset)."""
        i = bisect_left(self.starts, at) - 1
        return self.all[i][1] if i >= 0 and self.all[i][0] >= lo else None

    def nearest(self, lo: int, hi: int, at: int, camps: list[str], n: int) -> str | None:
        """The camp of ``camps`` mentioned nearest ``at`` within ``[lo, hi)``: the closest before it,
        else the closest after it (``n``, the text's length, ranks every later anchor after every
        earlier one); at equal distance the smallest camp id, as ``min`` over ``(distance, camp)``."""
        best = None
        for c in camps:
            starts = self.by_camp.get(c, ())
            i = bisect_left(starts, at) - 1
            if i >= 0 and starts[i] >= lo:
                best = min(best or (at - starts[i], c), (at - starts[i], c))
            j = bisect_right(starts, at)
            if j < len(starts) and starts[j] < hi:
                best = min(best or (starts[j] - at + n, c), (starts[j] - at + n, c))
        return best[1] if best else None


def _windows(norm: str, kind: str) -> list[tuple[int, int, int]]:
    """The co-reference window of each part of a text, in order, as ``(part start, window start,
    window end)``: the parts are its paragraphs (``paragraph``: the window is the paragraph) or its
    sentences (``sentence``: the sentence; ``sentences``: the sentence and the one before it in its
    paragraph). A label's window is that of the last part starting at or before it."""
    paras = paragraphs(norm)
    if kind == "paragraph":
        return [(p.start, p.start, p.end) for p in paras]
    para_starts = [p.start for p in paras]
    out: list[tuple[int, int, int]] = []
    for start, end in sentence_bounds(norm):
        lo = start
        if kind == "sentences" and out and bisect_right(para_starts, out[-1][0]) == bisect_right(para_starts, lo):
            lo = out[-1][0]
        out.append((start, lo, end))
    return out


def resolve(norm: str, hits: list[Hit], mentions: list, lex: LabelLexicon, usage: list[str | None]) -> None:
    """Decide each hit's camp (see the module docstring for the order of the rules); ``usage``: per
    hit, the alignment whose usage applies (the outlet's, or inside a quote its speaker's camp).
    ``mentions`` are sorted and never overlap, as :func:`toolkit.actors.find_mentions` gives them."""
    mention_starts = [m.start for m in mentions]
    senses = [h.term.own_usage(alignment) for h, alignment in zip(hits, usage)]
    for h, (camps, own) in zip(hits, senses):
        mod = _modifier(norm, h, mentions, mention_starts, lex)
        if mod is not None:
            h.camp, h.how = mod, "lexicon" if camps == [mod] else "modifier"
        elif own is not None:  # the outlet's own usage of the term ("the Coalition" in Etilaf)
            h.camp, h.how = own, "alignment"
        elif len(camps) == 1:
            h.camp, h.how = camps[0], "lexicon"
    windows = _windows(norm, lex.coreference_window)
    bounds = sentence_bounds(norm)
    several = len(paragraphs(norm)) > 1
    sent_starts = [s for s, _e in bounds]
    window_starts = [w[0] for w in windows]
    # a mention of the lexicon's coreference_groups (the Nusra Front) is an anchor for every ambiguous label
    groups = {m.camp for m in mentions if m.actor in lex.coreference_groups}
    anchors = Anchors([(m.start, m.camp) for m in mentions if m.camp not in groups or m.actor in lex.coreference_groups]
                       + [(h.start, h.camp) for h in hits if h.camp and h.camp not in groups])
    by_start: dict[int, list] = {}
    for m in mentions:
        by_start.setdefault(m.start, []).append(m)
    for h, alignment, (camps, _own) in zip(hits, usage, senses):
        if h.camp is not None:
            continue
        after = _POST.match(norm, h.end)
        # a head noun takes its camp from right before or right after it only ("forces of Bashar al-Assad")
        nxt = [m for m in by_start.get(after.end(), ()) if m.camp in camps or h.term.head] if after else []
        if h.term.head and not nxt:
            continue
        if nxt:
            h.camp, h.how = nxt[0].camp, "modifier"
            continue
        designated = _designated(norm, sent_starts[bisect_right(sent_starts, h.start) - 1] if sent_starts else 0, h.start,
                                 anchors)
        if designated is not None:
            h.camp, h.how = designated, "coreference"
            continue
        i = bisect_right(window_starts, h.start) - 1
        lo, hi = windows[i][1:] if i >= 0 else (0, len(norm))
        if word_before(norm, h.start) == "other":  # "the Islamic State and other terrorist groups"
            before = anchors.last_before(lo, h.start)
            camps = [c for c in camps if before is None or c != before]
        by_alignment = [c for c in lex.by_alignment.get(alignment or "", ()) if c in camps]
        j = bisect_right(sent_starts, h.start) - 1  # a mention after the label: in its sentence or the next
        hi = min(hi, bounds[min(j + 1, len(bounds) - 1)][1]) if j >= 0 else hi
        cands = camps + sorted(groups - set(camps))
        # nothing in the window: in a text of several paragraphs, the one candidate camp the text names
        sole = [c for c in cands if c in anchors.by_camp] if several else []
        decided = {"coreference": anchors.nearest(lo, hi, h.start, cands, len(norm)) or (sole[0] if len(sole) == 1 else None),
                   "alignment": by_alignment[0] if by_alignment else None}
        for rule in lex.resolve_order:
            if decided[rule] is not None:
                h.camp, h.how = decided[rule], rule
                break
    for h in hits:
        h.category = category_of(h.term, h.camp)


# a designation verb right before a label: "which Ankara classifies as a terrorist group", "a designated foreign ..."
_DESIGNATION = re.compile(r"(?<![\w-])(?:designated|designates|designate|classif(?:y|ies|ied)|listed|lists|regard(?:s|ed)?"
                          r"|consider(?:s|ed)?|brand(?:s|ed)?|labell?ed)(?:" + SPACE + r"as)?(?:" + SPACE + r"(?:an?|the))?"
                          r"(?:" + SPACE + r"(?:foreign|designated|international))*" + SPACE + r"$", re.I)
_CLAUSE = re.compile(r",|(?<![\w-])(?:which|that|who|whom|whose)(?![\w-])", re.I)


def _designated(norm: str, lo: int, start: int, anchors: "Anchors") -> str | None:
    """The camp of the thing a designation names ("the IRGC, which Ruritania brands a terrorist
    organization": iran): a label right after a designation verb takes the camp of the last camp
    mention before the clause that holds the verb (its relative pronoun or comma), in the label's
    sentence; ``None`` when no verb is there or nothing is named before. A surface rule: the clause's
    subject is not parsed ("X is listed as a terrorist group by Y" takes the camp named before X's clause)."""
    m = _DESIGNATION.search(norm, max(lo, start - 80), start)
    if m is None:
        return None
    clauses = [c.start() for c in _CLAUSE.finditer(norm, lo, m.start())]
    return anchors.last_before(lo, clauses[-1] if clauses else m.start())


_NOT_APPOSED = re.compile(r"[^\s),'aenths]")  # a character no apposition gap (_APPOSED) holds


def _modifier(norm: str, h: Hit, mentions: list, mention_starts: list[int], lex: LabelLexicon) -> str | None:
    """The camp named right before the label: a modifier word, or the last actor mention ending there
    (across an apposition gap) or covering its start. Scans back from the label and stops at the
    first mention whose gap to the label no apposition can fill: earlier mentions' gaps hold it too."""
    m = lex.modifier_pattern.search(norm, max(0, h.start - 40), h.start)
    if m is not None:
        return lex.modifiers[m.group("bracketed") or m.group("word")]
    for k in range(bisect_left(mention_starts, h.start) - 1, -1, -1):
        mn = mentions[k]
        gap = _APPOSED.fullmatch(norm, mn.end, h.start) if mn.end < h.start else None
        if gap is not None and gap.group("article") and len(h.term.senses) == 1 and "," not in gap.group():
            return None  # "rebels the Assad regime" (a text without commas): no apposition to a one-camp term
        if mn.end <= h.end and (mn.end >= h.start or gap is not None):
            return None if mn.start < h.start and after_anti(norm, mn.start) else mn.camp
        if mn.end < h.start and _NOT_APPOSED.search(norm, mn.end, h.start):
            return None
    return None


def mark_other_states(norm: str, hits: list[Hit], lex: LabelLexicon) -> None:
    """A term of the lexicon's ``state_bound`` decided by the lexicon names camp ``other`` where another
    state's government or opposition is meant (:class:`toolkit.labels.states.StateEvidence`)."""
    bound = [h for h in hits if h.term.term in lex.state_terms and h.how == "lexicon"]
    evidence = StateEvidence(norm, lex) if bound else None
    for h in bound:
        if evidence.elsewhere(h.start, h.end):  # another state's government or opposition
            h.camp, h.how, h.category = "other", "coreference", category_of(h.term, "other")


def resolve_owners(norm: str, hits: list[Hit], persons: list, speaker_camps: list[str | None]) -> None:
    """Each undecided head noun takes the camp of its possessive's owner (:func:`_owner`); ``speaker_camps``:
    per hit, the camp of the speaker of the quote holding it, else ``None``."""
    for h, camp in zip(hits, speaker_camps):
        if h.term.head and h.camp is None:
            h.camp = _owner(norm, h.start, persons, camp)
            h.how = "modifier" if h.camp else h.how


_POSSESSIVE = re.compile(r"(?<![\w-])(his|her|our)" + SPACE + r"(?:country's" + SPACE + r")?$", re.I)


def _owner(norm: str, start: int, persons: list, speaker_camp: str | None) -> str | None:
    """The camp a possessive pronoun right before a head noun points to: for "his"/"her" the last person
    mention before it in its sentence (from the last ". " or line break), else (and for "our") the camp
    of the quote's speaker; ``None`` without a pronoun or an owner. A pronoun is not resolved: the
    last person named is taken as its antecedent."""
    m = _POSSESSIVE.search(norm, max(0, start - 30), start)
    if m is None:
        return None
    if m.group(1).lower() != "our":
        lo = max(norm.rfind(". ", 0, m.start()), norm.rfind("\n", 0, m.start())) + 1
        before = [p for p in persons if lo <= p.start and p.end <= m.start()]
        if before:
            return before[-1].camp
    return speaker_camp
