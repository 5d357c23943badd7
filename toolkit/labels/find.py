"""Finding labels and deciding which camp each names (:func:`find_labels`): the steps in order, each in its
own module - :mod:`.match` finds the terms, :mod:`.resolve` decides their camps, :mod:`.merge` joins
adjacent ones - and which quote holds each label.

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
  with a possessive ("Turkey's own forces"), in apposition ("the Vale Front, a terrorist group",
  "the Vale Front (VF) terrorist organization"), or, for a term naming several camps, right
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

from bisect import bisect_right

from ..records import RecordList
from ..text import normalize_quotes
from .lexicon import LabelLexicon, load_labels
from .match import closing_cut, match_terms
from .merge import merge_adjacent
from .records import Label
from .resolve import mark_other_states, resolve, resolve_owners

__all__ = ["find_labels"]


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
    cut = closing_cut(norm)  # a closing tag line or footnote holds neither labels nor co-reference anchors
    hits = match_terms(norm, lex, cut)
    mentions = [m for m in (find_mentions(text, actors) if mentions is None else mentions)
                if m.camp != "unnamed" and m.start < cut]
    quoted = [_quote_at(spans, starts, h.start, h.end) for h in hits]
    usage = [_CAMP_USAGE.get(q[2], q[2]) if q is not None and q[2] else alignment for q in quoted]
    resolve(norm, hits, mentions, lex, usage)
    mark_other_states(norm, hits, lex)
    persons = [m for m in mentions if getattr(actors.get(m.actor), "kind", None) == "person"]
    resolve_owners(norm, hits, persons, [q[2] if q is not None else None for q in quoted])
    out = RecordList()
    for h in merge_adjacent(norm, [h for h in hits if h.camp is not None or not h.term.head]):
        category = "delegitimising" if h.prefixed else h.category
        out.append(Label(h.start, h.end, text[h.start:h.end], h.term.term, category, h.camp, h.how,
                         _quote_at(spans, starts, h.start, h.end) is not None))
    return out
