"""Finding labels and deciding which camp each names (:func:`find_labels`).

Naming is framing: the words chosen for an actor define the problem and carry the moral judgement
(Entman, "Framing: toward clarification of a fractured paradigm", Journal of Communication 43(4),
1993), and the labelling of armed groups ("rebels", "militants", "terrorists", "revolutionaries") is
a standard content-analysis variable of conflict coverage. :func:`find_labels` finds every term of
the label lexicon (``toolkit/lexicons/labels.yml``: per camp, terms in three categories,
``neutral``, ``legitimising``, ``delegitimising``, each list cited) and decides which camp each
occurrence names, keeping how it decided (:data:`HOWS`):

* ``lexicon``: the term names one camp only ("the regime", "Daesh", "moderate rebels");
* ``modifier``: a camp is named next to it - an actor of ``actors.yml`` or a word of the label
  lexicon's ``modifiers`` right before it ("Kurdish fighters", "Nusra terrorists", "ISIS militants"),
  with a possessive ("Turkey's own forces"), in apposition ("the Nusra Front, a terrorist group",
  "the Islamic State (IS) terrorist organization"), or, for a term naming several camps, right
  after it ("terrorists of Daesh", "militants from the Nusra Front"). A head noun of the lexicon's
  ``heads`` ("forces", "troops") is a label only so ("Iranian ground troops"), with a camp named right
  after it as above ("forces of Syrian President Bashar Assad"), or after "his", "her"
  or "our" (also "his country's"): then the camp of the last person the sentence names before it
  ("Assad ... acknowledged his military"), else, in a quote, the speaker's ("our military" said by a
  Kremlin spokesman); never by the context rules;
* ``coreference``: the term names several camps ("terrorists": the opposition or the Islamic State)
  and one of them is mentioned in the same paragraph (``coreference_window`` of the lexicon: or the
  same sentence, or that and the one before; the nearest mention before it, else after it in its
  sentence or the next - a camp named further on in the paragraph does not reach back;
  after "and other" not the camp just named: "the Islamic State and other terrorist groups"); a
  mention of an armed group of the lexicon's ``coreference_groups`` (the Nusra Front) makes its camp a
  candidate too, so "the terrorists" of an article about the Nusra Front's fighting name camp ``other``;
  where the window names none of the label's camps, a text of several paragraphs that names exactly
  one of them (anywhere) gives that one ("the jihadists" of an article whose only such group is ISIS);
  right after a designation verb ("the IRGC, which Ruritania brands a terrorist organization") a label
  takes the camp named last before the verb's clause, whatever the term's camps; and a term of the
  lexicon's ``state_bound`` ("the government", "the opposition") names camp ``other`` in a text that
  never names Syria or where another state is named before it in its sentence (:mod:`.states`);
* ``alignment``: a sense of the term holds only in the usage of some alignments (``only_in``:
  "the Coalition" in the opposition's own outlet is the National Coalition) and this is one, or
  nothing in the paragraph decides, and the usage of the outlet's alignment does
  (``by_alignment`` in the lexicon: in Syrian-government and Russian outlets "terrorists" names the
  opposition, in US/Western outlets mostly the Islamic State); inside a quote whose speaker has a
  camp, that camp's usage applies instead (Lavrov's "terrorists" in a US outlet: the opposition);
* ``unresolved``: none of these applies; ``camp`` is ``None``.

A label right before another ("ISIS fighters", "opposition militants") is one label: the first
names the camp, the more marked category of the two is kept ("ISIS terrorists" is delegitimising).
Nouns of ``group_nouns`` after a label belong to it ("terrorist groups", "army units"); a prefix
("so-called", "self-styled") makes any label delegitimising ("the so-called moderate opposition").
A name after "anti-" is a label ("anti-Daesh operations": the Islamic State), but names no label after it
("anti-ISIS fighters" are not the Islamic State's). Not labels: a closing tag line ("Tags terrorists Daesh ...": no sentence end to the end of the text;
its words are no co-reference anchors either) or closing footnote on a starred name ("Daesh* is a ..."), bracketed credits, and labels inside a title ("Deputy
Chief of Staff of the Navy and Army", "army chief of staff"). ``in_quote`` tells the outlet's own voice from someone else's words: the label lies inside a quote
(direct, mixed or indirect) of ``quotes``.

Limits: a dictionary method. It sees only listed terms (a new epithet is missed until added), it
does not parse (a label is one noun phrase matched on surface words), it does not tell the
attributive "terrorist attack" from "the terrorists" (both name the camp the attack is ascribed
to, and are counted), and co-reference is a paragraph window, not a resolver (in FA-KES, whose
articles are one line, the window is the whole article). The quote speaker's camp is only as good
as quote attribution. Scare quotes ('"moderate" rebels') are not read as distance. Rules were
chosen on one fold of the label gold and checked on the other: ``python -m toolkit validate labels``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from ..records import RecordList
from ..text import in_capitals, normalize_quotes, paragraphs, scan, sentence_bounds
from .lexicon import SPACE, LabelLexicon, Term, load_labels
from .records import MARKED, Label
from .states import StateEvidence
from .words import after_anti, followed, in_credit, in_title, preceded, word_after, word_before

__all__ = ["find_labels"]

# between a camp mention and a label naming it: a space, an apposition ("the Nusra Front, a terrorist group")
# or a bracketed acronym ("the Islamic State (IS) terrorist organization")
_APPOSED = re.compile(r"(?:'s)?\)?,?" + SPACE + r"(?:(?P<article>a|an|the)" + SPACE + r")?")
_POST = re.compile(SPACE + r"(?:of|from|belonging" + SPACE + "to|affiliated" + SPACE + r"(?:to|with)|"
                   r"linked" + SPACE + r"to|loyal" + SPACE + r"to)" + SPACE + r"(?:the" + SPACE + r")?")


# ------------------------------------------------------------------------------------------ finding


@dataclass
class _Hit:
    start: int
    end: int
    term: Term
    prefixed: bool
    camp: str | None = None
    category: str | None = None
    how: str = "unresolved"
    anti: bool = False  # right after "anti-": names no label after it


# a Sputnik tag line closing the text: "Tags" and keywords to the end, no sentence end among them
_TAGS = re.compile(r"(?<![\w-])Tags" + SPACE + r"[^.!?]{0,300}$")
# a closing footnote line on a starred name: "Vale Front* is an organisation banned in Ruritania"
_FOOTNOTE = re.compile(r"(?:^|\n)[^\S\n]*[A-Z][\w'’ ()-]{0,60}\*[^\n]*\s*\Z")


def _category(term: Term, camp: str | None) -> str:
    for c, category in term.senses:
        if c == camp:
            return category
    return max((cat for _c, cat in term.senses), key=MARKED.__getitem__, default="neutral")  # heads: neutral


def _quote_spans(quotes) -> list[tuple[int, int, str | None]]:
    """``(start, end, speaker camp)`` of each quote, sorted (the camp is ``None`` for plain pairs and for
    a speaker of camp ``unnamed``: a source without a camp, whose labels follow the outlet's usage)."""
    spans = [(q.start, q.end, getattr(q, "camp", None)) if hasattr(q, "start") else (int(q[0]), int(q[1]), None)
             for q in quotes]
    spans = [(s, e, None if c == "unnamed" else c) for s, e, c in spans]
    return sorted(spans, key=lambda s: s[:2])


def _quote_at(spans: list[tuple[int, int, str | None]], starts: list[int], start: int, end: int):
    """The quote span holding ``[start, end)``, or ``None``."""
    i = bisect_right(starts, start) - 1
    return spans[i] if i >= 0 and spans[i][0] <= start and end <= spans[i][1] else None


# A quote's speaker camp read as the alignment whose usage its labels follow (camp us: us_western outlets' usage).
_CAMP_USAGE = {"us": "us_western"}


def find_labels(text_or_article, labels: LabelLexicon | None = None, *, actors=None, alignment: str | None = None,
                quotes=None, mentions=None) -> RecordList:
    """Every label occurrence of ``text_or_article``, with the camp it names and how that was decided.

    Args:
        text_or_article: raw text, or a :class:`toolkit.corpus.Article` (its ``masked_text`` is
            read, and its ``meta["alignment"]`` when ``alignment`` is not given).
        labels: a :class:`LabelLexicon` (default: :func:`load_labels`).
        actors: the actor lexicon for camp mentions (default: ``toolkit.actors.load_actors()``).
        alignment: the outlet's alignment (``toolkit.vocab.ALIGNMENTS``), for ``how="alignment"``.
        quotes: quotes (records with ``start``/``end`` and ``camp``, as ``toolkit.extract_quotes``
            gives them, or ``(start, end)`` pairs) that decide ``in_quote`` and, by the speaker's
            camp, whose usage an ambiguous label inside follows; ``None`` extracts them with
            ``toolkit.quotes.extract_quotes`` (default lexicons); ``()`` puts every label in the
            outlet's own voice.
        mentions: the actor mentions of the text, as ``find_mentions(text, actors)`` gives them
            (the pipeline passes the ones it already has); ``None`` finds them.

    Returns:
        ``RecordList[Label]`` in text order, never overlapping; ``text[l.start:l.end] == l.text``.
    """
    from ..actors import find_mentions, load_actors

    article = None if isinstance(text_or_article, str) else text_or_article
    text = text_or_article if article is None else article.masked_text
    if alignment is None and article is not None:
        alignment = getattr(article, "meta", {}).get("alignment")
    actors = actors if actors is not None else load_actors()
    lex = labels if labels is not None else load_labels(actors=actors)
    if quotes is None:
        from ..quotes import extract_quotes

        quotes = extract_quotes(text, sections=getattr(article, "sections", None))
    spans = _quote_spans(quotes)
    starts = [s[0] for s in spans]
    norm = normalize_quotes(text)
    # a closing tag line holds neither labels nor the mentions co-reference reads (no "Tags", no search)
    tags = _TAGS.search(norm) if "Tags" in norm else None
    cut = tags.start() if tags is not None else len(norm)
    note = _FOOTNOTE.search(norm, 0, cut) if "*" in norm else None
    cut = note.start() if note is not None else cut
    hits = _match(norm, lex, cut)
    mentions = [m for m in (find_mentions(text, actors) if mentions is None else mentions)
                if m.camp != "unnamed" and m.start < cut]
    quoted = [_quote_at(spans, starts, h.start, h.end) for h in hits]
    usage = [_CAMP_USAGE.get(q[2], q[2]) if q is not None and q[2] else alignment for q in quoted]
    _resolve(norm, hits, mentions, lex, usage)
    bound = [h for h in hits if h.term.term in lex.state_terms and h.how == "lexicon"]
    evidence = StateEvidence(norm, lex) if bound else None
    for h in bound:
        if evidence.elsewhere(h.start, h.end):  # another state's government or opposition
            h.camp, h.how, h.category = "other", "coreference", _category(h.term, "other")
    persons = [m for m in mentions if getattr(actors.get(m.actor), "kind", None) == "person"]
    for h, q in zip(hits, quoted):
        if h.term.head and h.camp is None:
            h.camp = _owner(norm, h.start, persons, q[2] if q is not None else None)
            h.how = "modifier" if h.camp else h.how
    out = RecordList()
    for h in _merge_adjacent(norm, [h for h in hits if h.camp is not None or not h.term.head]):
        category = "delegitimising" if h.prefixed else h.category
        out.append(Label(h.start, h.end, text[h.start:h.end], h.term.term, category, h.camp, h.how,
                         _quote_at(spans, starts, h.start, h.end) is not None))
    return out


def _match(norm: str, lex: LabelLexicon, cut: int) -> list[_Hit]:
    """The lexicon's terms and head nouns in ``norm[:cut]``, less those in credits and titles."""
    hits = []
    for m in scan(lex._regex, lex._regex_starts, norm, 0, cut):
        term = lex.terms[lex._forms[m.group("term")]]
        s, e = m.start("term"), m.end("term")
        if term.not_followed_by and followed(norm, e, term.not_followed_by):
            continue
        if term.not_preceded_by and preceded(word_before(norm, m.start()), term.not_preceded_by):
            continue
        if in_credit(norm, m.start(), m.end()) or in_title(norm, m.start(), m.end()):
            continue
        if term.term.isupper() and in_capitals(norm, s, e):
            continue
        if after_anti(norm, s):  # "anti-Daesh": the name alone ("anti-ISIS groups" are not ISIS groups)
            hits.append(_Hit(s, e, term, False, anti=True))
            continue
        hits.append(_Hit(m.start(), m.end(), term, m.group("prefix") is not None))
    starts = [h.start for h in hits]
    for m in lex._heads.finditer(norm, 0, cut):  # head nouns where no term matched ("Iranian ground troops")
        i = bisect_right(starts, m.start())
        if (i and hits[i - 1].end > m.start()) or (i < len(hits) and hits[i].start < m.end()):
            continue
        if word_after(norm, m.end()) in lex.head_terms[m.group("noun").lower()].not_followed_by:
            continue
        hits.insert(i, _Hit(m.start(), m.end(), lex.head_terms[m.group("noun").lower()], False))
        starts.insert(i, m.start())
    return hits


class _Anchors:
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


def _resolve(norm: str, hits: list[_Hit], mentions: list, lex: LabelLexicon, usage: list[str | None]) -> None:
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
    anchors = _Anchors([(m.start, m.camp) for m in mentions if m.camp not in groups or m.actor in lex.coreference_groups]
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
        h.category = _category(h.term, h.camp)


# a designation verb right before a label: "which Ankara classifies as a terrorist group", "a designated foreign ..."
_DESIGNATION = re.compile(r"(?<![\w-])(?:designated|designates|designate|classif(?:y|ies|ied)|listed|lists|regard(?:s|ed)?"
                          r"|consider(?:s|ed)?|brand(?:s|ed)?|labell?ed)(?:" + SPACE + r"as)?(?:" + SPACE + r"(?:an?|the))?"
                          r"(?:" + SPACE + r"(?:foreign|designated|international))*" + SPACE + r"$", re.I)
_CLAUSE = re.compile(r",|(?<![\w-])(?:which|that|who|whom|whose)(?![\w-])", re.I)


def _designated(norm: str, lo: int, start: int, anchors: "_Anchors") -> str | None:
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


def _modifier(norm: str, h: _Hit, mentions: list, mention_starts: list[int], lex: LabelLexicon) -> str | None:
    """The camp named right before the label: a modifier word, or the last actor mention ending there
    (across an apposition gap) or covering its start. Scans back from the label and stops at the
    first mention whose gap to the label no apposition can fill: earlier mentions' gaps hold it too."""
    m = lex._modifier.search(norm, max(0, h.start - 40), h.start)
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


def _merge_adjacent(norm: str, hits: list[_Hit]) -> list[_Hit]:
    """Join a label right before another ("ISIS fighters") into one: the first names the camp when it
    is decided by the lexicon or a modifier; the more marked category (and its term) is kept."""
    out: list[_Hit] = []
    for h in hits:
        prev = out[-1] if out else None
        if prev is not None and not prev.anti and h.start > prev.end and norm[prev.end:h.start].strip(" \t") == "":
            camp, how = h.camp, h.how
            if prev.how in ("lexicon", "modifier"):  # the first label names the camp
                camp = prev.camp
                how = "lexicon" if h.how == "lexicon" and h.camp == prev.camp else "modifier"
            keep = prev if MARKED[prev.category] > MARKED[h.category] else h
            out[-1] = _Hit(prev.start, h.end, keep.term, prev.prefixed or h.prefixed, camp,
                           _category(keep.term, camp), how)
            continue
        out.append(h)
    return out

