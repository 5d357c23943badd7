"""Quote extraction: :func:`extract_quotes` and the :class:`Quote` records.

The extractor is rule-based, in the tradition of the quotation extractors of the Gender Gap
Tracker (Asr et al. 2021, "The Gender Gap Tracker", PLOS ONE) and of Pareti's attribution work on
PARC (Pareti 2016, "PARC 3.0: A corpus of attribution relations", LREC): an attribution is a
*cue* (a reporting verb from ``lexicons/verbs.yml``, or "according to"), a *source* (the speaker
mention) and a *content* span. It reads :func:`.marks.prepared` text (same length, so offsets
index the raw text) paragraph by paragraph:

1. Quotation marks are paired within the paragraph and sentences merged where a quotation crosses
   them, giving *units* (:mod:`.marks`).
2. One compiled regular expression finds every cue in a unit; token patterns around each cue find
   the speaker and the content (:mod:`.frames`).
3. Quotations left without a cue inherit the previous attribution when they fill their sentence
   (continuation quotes, never across sections); a short one in the object of the subject's verb
   ('X bemoaned a climate where people "hate each other"') makes the predicate a mixed quote of the
   subject (:func:`.subjects._predicate`); other short ones (scare quotes, titles, quoted subjects)
   are not quotes, but a quoted fragment of five words or more goes to the sentence's subject.
4. Speakers are resolved to names, actors and camps, pronouns to their antecedents
   (:mod:`.speakers`, :mod:`.names`, :mod:`.descriptions`).

Kinds: ``direct`` (the content is a quotation), ``mixed`` (a paraphrase with a quoted fragment),
``indirect`` (reported speech without marks). Records never overlap; nested attributions
("Reuters reported a source said ...") keep the innermost one.
"""

from __future__ import annotations

import heapq
import re
from dataclasses import dataclass
from typing import Any, Sequence

from ..corpus import Article, Section
from ..records import RecordList
from ..text import paragraphs
from .frames import _frames, _lead_in
from .marks import _kind_and_span, _pair_before, _pairs_in, _quote_pairs, _signed, _strip, _strip_marks, _units, prepared
from .names import _camp_of, _default_lexicon
from .phrases import tokens
from .speakers import _Speakers
from .subjects import _FRAGMENT_WORDS, _predicate, _subject_span
from .verbs import Verbs, load_verbs

__all__ = ["Quote", "extract_quotes"]

# Word runs for the extractor's own thresholds (content of at least 1/3 words, a quotation filling 60%
# of its sentence): ``\w+`` runs, where :func:`toolkit.text.n_words` counts "U.S." and "Russia's" as one
# word; the thresholds were tuned on these counts and n_words changes PolNeAR dev (one quote fewer).
_WORDS = re.compile(r"\w+")
# An attribution nested in another's content keeps the outer one, cut before the inner speaker, when the
# outer content says at least this many words of its own before it.
_OUTER_WORDS = 4


@dataclass(frozen=True)
class Quote:
    """One attributed statement; offsets index the text given to :func:`extract_quotes`."""

    start: int
    end: int
    text: str
    kind: str
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    stance: str | None
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    actor: str | None
    camp: str | None
    section: str


class _Holding:
    """``holds(o)``: whether a record appended to ``found`` since index ``first`` spans ``o``
    (``start <= o < end``), for positions asked in increasing order (a paragraph's quotation marks).

    Records are taken in as they are appended, kept in a heap by start until a position reaches
    them, then in a heap by end until positions pass them: each record enters and leaves each heap
    once, so a paragraph of n records costs O(n log n), not a scan of its records per mark. A
    position below the last one asked is answered by the scan.
    """

    def __init__(self, found: list[tuple], first: int) -> None:
        self.found, self.first, self.seen = found, first, first
        self.waiting: list[tuple[int, int]] = []  # (start, end) of records no position has reached
        self.open: list[int] = []  # ends of records a position has reached
        self.last: int | None = None

    def holds(self, o: int) -> bool:
        if self.last is not None and o < self.last:
            return any(f[0] <= o < f[1] for f in self.found[self.first:])
        self.last = o
        for f in self.found[self.seen:]:
            heapq.heappush(self.waiting, (f[0], f[1]))
        self.seen = len(self.found)
        while self.waiting and self.waiting[0][0] <= o:
            heapq.heappush(self.open, heapq.heappop(self.waiting)[1])
        while self.open and self.open[0] <= o:
            heapq.heappop(self.open)
        return bool(self.open)


def extract_quotes(source: str | Article, *, actors: Any = None, sections: Sequence[Section] | None = None,
                   verbs: Verbs | None = None, mentions: Sequence[Any] | None = None) -> RecordList:
    """Find direct, mixed and indirect quotes with cue, stance, speaker, actor and camp.

    Args:
        source: an :class:`~toolkit.corpus.Article` (its :attr:`~toolkit.corpus.Article.masked_text`
            is read and its sections fill ``Quote.section``) or a text (raw; curly quotes and
            non-breaking spaces are handled).
        actors: an actor lexicon (:func:`toolkit.actors.load_actors`); ``None`` loads the default;
            ``False`` resolves speakers without a lexicon (names and pronouns are still resolved,
            but no actor is given and the camp is ``other`` for a name, ``unnamed`` otherwise).
        sections: with a text, its sections (``start``, ``end``, ``kind``; sorted and disjoint, as
            :attr:`Article.sections`) to fill ``Quote.section``; not allowed with an Article.
        verbs: attribution verbs from :func:`load_verbs` (default list when ``None``).
        mentions: the actor mentions of the same text, if the caller has them already:
            ``toolkit.find_mentions(source, actors, places=True)`` with the same lexicon (places
            included: they anchor unnamed speakers), so they are not found twice; ``None`` finds
            them here. Mentions found otherwise (without places, another lexicon) give other speakers.

    Returns:
        A :class:`~toolkit.records.RecordList` of :class:`Quote`, in text order, never overlapping;
        offsets index the text (for an Article, its ``text`` and ``masked_text`` alike).
    """
    if isinstance(source, Article):
        if sections is not None:
            raise TypeError("extract_quotes: sections= is given by the Article; pass a text to give your own")
        article, text = source, source.masked_text
    else:
        text = source
        article = Article(id="", outlet=None, date=None, title=None, text=text, sections=tuple(sections or ()))
    t = prepared(text)
    lost = "punctuation_stripped" in article.flags  # marked by toolkit.corpus: no commas, apostrophes
    verbs = verbs or load_verbs()
    speakers = _Speakers(t, text, _default_lexicon() if actors is None else actors, mentions)
    resolve = speakers.resolve

    found: list[tuple] = []  # (start, end, kind, cue span, speaker span, who)
    last: tuple | None = None  # (cue span, speaker span, who, para index)
    paras = paragraphs(t)
    prev_unit = 0  # start of the previous unit: a pronoun's antecedent is looked for from there first
    for pi, para in enumerate(paras):
        pairs = _quote_pairs(t, para.start, para.end)
        starts = [o for o, _c, _closed in pairs]
        units = _units(t, para.start, para.end, pairs, starts, verbs.pattern)
        para_found = len(found)
        held = _Holding(found, para_found)
        for us, ue in units:
            floor, prev_unit = prev_unit, us
            cues = [m for m in verbs.pattern.finditer(t, us, ue)
                    if (q := _pair_before(pairs, starts, m.start())) is None or q[1] <= m.start()]
            toks = tokens(t, us, ue) if cues else None  # the unit's tokens, for both frame readers
            frames = _frames(t, us, ue, cues, verbs, lost, toks) if cues else []
            if cues and not frames and (lead_in := _lead_in(t, us, ue, cues, verbs, toks)) is not None:
                # "An official told the radio:" + a paragraph that is one quotation: the lead-in speaks
                last = (lead_in[0], lead_in[1], resolve(lead_in[1], para.start, floor), pi)
            covered = []
            for fr in frames:
                kind, cs, ce = _kind_and_span(t, fr.content[0], fr.content[1], pairs, starts)
                if len(_WORDS.findall(t, cs, ce)) < (1 if kind == "direct" or fr.minor else 3):
                    continue
                who = resolve(fr.speaker, para.start, floor) if fr.speaker is not None else None
                found.append((cs, ce, kind, fr.cue, fr.speaker, who))
                covered.append((fr.content[0], fr.content[1]))
                if fr.speaker is not None or last is None:  # a question "asked" without its asker passes nothing on
                    last = (fr.cue, fr.speaker, who, pi)
            # quotations no frame covers: continuation quotes inherit the last attribution
            for o, c, _closed in _pairs_in(pairs, starts, us, ue):
                if any(a <= o < b for a, b in covered) or held.holds(o):  # a record of the paragraph holds o
                    continue
                qs, qe = _strip_marks(t, o + 1, c)
                quoted = len(_WORDS.findall(t, qs, qe))
                # an object content that ends before the quotation ("rejected the reports: "..."") leaves it free
                before = not any(not fr.minor or fr.content[1] > o for fr in frames)
                if quoted < 4 or quoted < 0.6 * len(_WORDS.findall(t, us, ue)):
                    # a quotation right after a cue the frames left ('was quoted as saying "..."') stays a fragment
                    pred = _predicate(t, us, ue, o) if before and not any(0 <= o - m.end() <= 2 for m in cues) else None
                    if pred is not None:  # 'X bemoaned a climate where people "hate each other"'
                        subject, (ps, pe) = pred
                        found.append((ps, pe, "mixed", None, subject, resolve(subject, para.start, floor)))
                    elif before and quoted >= _FRAGMENT_WORDS:  # 'X called the deal "a ... fragment"'
                        subject = _subject_span(t, us, ue)
                        if subject is not None and o <= subject[0] < c:
                            subject = None  # the sentence opens with the quotation: its subject is quoted
                        found.append((qs, qe, "mixed", None, subject, subject and resolve(subject, para.start, floor)))
                    continue
                signed = _signed(t, qs, qe, c, para.end)
                if signed is not None:  # '"..." ― Ana Ruiz', '"RUIZ: ..."': the signature speaks
                    (qs, qe), spk = signed
                    who = resolve(spk, para.start, floor)
                    found.append((qs, qe, "direct", None, spk, who))
                    last = (None, spk, who, pi)
                    continue
                lead = t[us:o].rstrip()
                if before and lead.endswith(":") and _subject_span(t, us, o) is not None:
                    # 'He rejected the reports: "..."': the lead-in's subject speaks
                    subject = _subject_span(t, us, o)
                    who = resolve(subject, para.start, floor)
                    found.append((qs, qe, "direct", None, subject, who))
                    last = (None, subject, who, pi)
                    continue
                if frames:
                    fr = frames[-1]
                    inherit = (fr.cue, fr.speaker, found[-1][5] if found else None, pi)
                elif last is not None and pi - last[3] <= 1 \
                        and article.section_at(paras[last[3]].start) == article.section_at(o):
                    inherit = last  # never from a caption or title into the body
                else:
                    inherit = None
                if inherit is None:
                    found.append((qs, qe, "direct", None, None, None))
                else:
                    found.append((qs, qe, "direct", inherit[0], inherit[1], inherit[2]))
                    last = (inherit[0], inherit[1], inherit[2], pi)

    return RecordList(_records(text, t, found, verbs, article))


def _records(text: str, t: str, found: list[tuple], verbs: Verbs, article: Article) -> list[Quote]:
    """Drop overlaps (keep the innermost attribution) and build :class:`Quote` records."""
    found = sorted(found, key=lambda f: (f[0], -(f[1] - f[0])))
    kept: list[tuple] = []
    for f in found:
        if kept and f[0] < kept[-1][1]:
            prev = kept[-1]
            inner_cue = f[3] is not None and prev[0] <= f[3][0] < prev[1]
            if inner_cue and f[3][0] >= f[1] and f[4] is not None and prev[3] is not None and prev[3][0] < f[0]:
                # 'X went on to say "...," CNN reported.': X keeps the quote, the outlet's frame goes
                end = _strip(t, prev[0], f[4][0])[1]
                kept[-1] = (prev[0], end) + prev[2:]
                continue
            if inner_cue and f[4] is not None and f[3][1] <= f[0] and prev[0] < f[4][0] \
                    and len(_WORDS.findall(t, prev[0], f[4][0])) >= _OUTER_WORDS:
                # 'she said the wall was weak ..., which she said the owners knew': the outer statement ends where
                # the inner speaker starts, and both stay (a bare "SANA said a source said" keeps the inner)
                kept[-1] = (prev[0], _strip(t, prev[0], f[4][0])[1]) + prev[2:]
                kept.append(f)
                continue
            if inner_cue or (prev[3] is None and f[3] is not None):
                kept[-1] = f
            continue
        kept.append(f)
    out = []
    for s, e, kind, cue, speaker, who in kept:
        cue_text = t[cue[0]:cue[1]] if cue else None
        out.append(Quote(
            start=s, end=e, text=text[s:e], kind=kind,
            cue=text[cue[0]:cue[1]] if cue else None,
            cue_start=cue[0] if cue else None, cue_end=cue[1] if cue else None,
            stance=verbs.stance_of(re.sub(r"\s+", " ", cue_text)) if cue_text else None,
            speaker=who.name if who else (text[speaker[0]:speaker[1]] if speaker else None),
            speaker_start=speaker[0] if speaker else None, speaker_end=speaker[1] if speaker else None,
            actor=who.actor if who else None,
            camp=_camp_of(who),
            section=article.section_at(s),
        ))
    return out
