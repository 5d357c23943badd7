"""One article's rows: sentences, mentions, quotes, hedges, labels and the article x actor measures."""

from __future__ import annotations

import bisect
import itertools
from collections import Counter, defaultdict
from dataclasses import dataclass

from ..corpus import Article
from ..quotes import UNRESOLVED_SPEAKERS
from ..records import Spans
from ..text import sentence_bounds, word_counts
from ..vocab import STANCES
from .schemas import TABLES

# Backends scored beside the chosen one when asked (``side_backends``), in the ``*_vader``/``*_textblob`` columns
SIDE_BACKENDS = ("vader", "textblob")


def _inside(start: int, end: int, spans: Spans) -> bool:
    """Whether some span ``(s, e)`` holds ``[start, end)`` (``s <= start`` and ``end <= e``)."""
    return spans.first(start, end) is not None


# Mentions scored by every backend in turn, this many at a time: the sentence analyses the backends
# share stay in sentiment's caches (4,096 entries) between backends however long the article is.
_PORTRAYAL_BLOCK = 1024


def _portrayals(text: str, spans: list[tuple[int, int]], names) -> dict[str, list]:
    """``portrayal(text, spans, backend=b)`` for each backend name, computed block by block of spans
    (a backend that scores a whole article in batches, ``target_batch``, gets all spans at once)."""
    from ..sentiment import get_backend, portrayal

    out: dict[str, list] = {b: [] for b in names}
    blocked = [b for b in names if not hasattr(get_backend(b), "target_batch")]
    for b in names:
        if b not in blocked:
            out[b] = portrayal(text, spans, backend=b)
    for i in range(0, len(spans), _PORTRAYAL_BLOCK):
        for b in blocked:
            out[b] += portrayal(text, spans[i:i + _PORTRAYAL_BLOCK], backend=b)
    return out


@dataclass(frozen=True)
class Lexicons:
    """The four lexicons of an analysis, loaded once (:meth:`load`) and shared by many articles.

    Each loader is cached on its files' bytes, but checking that cache reads and hashes every file:
    about 3% of a corpus run when done per article. A chunk loads them once for all its articles.
    """

    actors: object
    hedges: object
    verbs: object
    labels: object

    @classmethod
    def load(cls, paths: dict | None = None) -> Lexicons:
        """The lexicons of the user paths ``{"actors": ..., "verbs": ..., "hedges": ..., "labels": ...}``
        (each missing one is the bundled lexicon)."""
        from ..actors import load_actors
        from ..hedging import load_hedges
        from ..labels import load_labels
        from ..quotes import load_verbs

        paths = paths or {}
        actors = load_actors(paths.get("actors"))
        return cls(actors, load_hedges(paths.get("hedges")), load_verbs(paths.get("verbs")),
                   load_labels(paths.get("labels"), actors=actors))


def _label_mentions(mentions: list, labels: list, actors) -> list:
    """``mentions`` plus, for each label naming a camp that has a generic actor and overlapping no
    mention, a mention of that generic actor with ``how="label"``, in text order."""
    from ..actors import Mention

    spans = sorted((m.start, m.end) for m in mentions)
    starts = [s for s, _e in spans]
    reach = list(itertools.accumulate((e for _s, e in spans), max))  # running maximum of the ends
    added = []
    for lab in labels:
        generic = actors.camp_generic.get(lab.camp) if lab.camp else None
        if generic is None:
            continue
        i = bisect.bisect_left(starts, lab.end)  # the mentions starting before the label ends
        if i and reach[i - 1] > lab.start:  # one of them ends after the label starts: they overlap
            continue
        added.append(Mention(lab.start, lab.end, lab.text, generic, lab.camp, actors.actors[generic].name, "label"))
    return sorted([*mentions, *added], key=lambda m: (m.start, m.end)) if added else mentions


def analyze_article(article: Article, lexicons: dict | Lexicons | None = None, sentiment: str = "default",
                    side_backends: bool = False, *, alignment: str | None = None,
                    labels_as_mentions: bool = False, hedge_filter: bool = True) -> dict[str, list[dict]]:
    """Run every extractor on one article; return rows for each table (no corpus-level columns).

    Extractors run on ``article.masked_text`` (boilerplate and repeated paragraphs blanked, same
    length), so every offset indexes ``article.text``.

    Args:
        article: the article.
        lexicons: optional user lexicon paths (see :func:`analyze`), or the :class:`Lexicons`
            already loaded from them (as a chunk of many articles passes them).
        sentiment: the registered sentiment backend behind ``portrayal`` and ``voice``.
        side_backends: also score every mention and quote with VADER and TextBlob, into the
            ``*_vader`` and ``*_textblob`` columns of ``actor_measures`` (otherwise left null: the
            two extra backends cost about a third of the analysis).
        alignment: the outlet's alignment, which decides ambiguous labels
            (:func:`toolkit.labels.find_labels`); ``None`` reads ``article.meta["alignment"]``.
        labels_as_mentions: each label naming a camp also counts as a mention of the camp's
            generic actor (``how="label"``, e.g. "terrorists" in SANA: the opposition), unless it
            overlaps a mention, so it feeds portrayal, distancing hedges and ``actor_measures``.
        hedge_filter: pass the attached hedges through the news hedge filter
            (:func:`toolkit.hedge_filter.filter_claims`); ``False`` keeps the attachment rules' claims.
    """
    from ..actors import find_mentions
    from ..hedge_claims import attribute_hedges
    from ..hedge_filter import filter_claims
    from ..hedging import find_hedges
    from ..labels import find_labels
    from ..quotes import extract_quotes
    from ..sentiment import voice

    lex = lexicons if isinstance(lexicons, Lexicons) else Lexicons.load(lexicons)
    actors, hedge_lexicon, verbs, label_lexicon = lex.actors, lex.hedges, lex.verbs, lex.labels

    aid = article.id
    text = article.masked_text
    sents = sentence_bounds(text)
    sent_starts = [s for s, _e in sents]

    def sentence_of(offset: int) -> int:
        """The sentence holding ``offset``: the last one starting at or before it (the first one if none)."""
        return max(bisect.bisect_right(sent_starts, offset) - 1, 0)

    backends = {"": sentiment, **({f"_{b}": b for b in SIDE_BACKENDS} if side_backends else {})}  # column suffix -> backend
    rows: dict[str, list[dict]] = {name: [] for name in TABLES if name not in ("articles", "problems")}
    for i, ((s, e), words) in enumerate(zip(sents, word_counts(text, sents, article.words))):
        rows["sentences"].append({"article_id": aid, "sentence": i, "start": s, "end": e,
                                  "n_words": words, "section": article.section_at(s)})

    placed = find_mentions(text, actors, places=True)  # quotes also read place names; one search serves both
    mentions = [m for m in placed if m.how != "place"]  # = find_mentions(text, actors): places are no actors here
    quotes = extract_quotes(article, actors=actors, verbs=verbs, mentions=placed)
    hedges = find_hedges(text, hedges=hedge_lexicon)
    labels = find_labels(article, labels=label_lexicon, actors=actors, alignment=alignment, quotes=quotes,
                         mentions=mentions)
    if labels_as_mentions:
        mentions = _label_mentions(mentions, labels, actors)
    quote_spans = Spans([(q.start, q.end) for q in quotes])  # sorted by start: O(log n) lookups

    # Portrayal: sentiment toward each mention written by the outlet (not inside someone's quote).
    outlet_mentions = [m for m in mentions if not _inside(m.start, m.end, quote_spans)]
    spans = [(m.start, m.end) for m in outlet_mentions]
    by_backend = _portrayals(text, spans, dict.fromkeys(backends.values()))
    portrayal_scores = {suffix: by_backend[b] for suffix, b in backends.items()}
    for m in mentions:
        rows["mentions"].append({"article_id": aid, "start": m.start, "end": m.end, "text": m.text, "actor": m.actor,
                                 "camp": m.camp, "name": m.name, "how": m.how, "section": article.section_at(m.start),
                                 "sentence": sentence_of(m.start), "in_quote": _inside(m.start, m.end, quote_spans)})

    for lab in labels:
        rows["labels"].append({"article_id": aid, "start": lab.start, "end": lab.end, "text": lab.text,
                               "term": lab.term, "category": lab.category, "camp": lab.camp, "how": lab.how,
                               "in_quote": lab.in_quote, "section": article.section_at(lab.start),
                               "sentence": sentence_of(lab.start)})

    per_actor: dict[str, Counter] = defaultdict(Counter)
    sums: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    camp_of: dict[str, str] = {}
    for m in mentions:
        per_actor[m.actor]["mentions"] += 1
        camp_of[m.actor] = m.camp
    for j, m in enumerate(outlet_mentions):
        for suffix in backends:
            sums[m.actor][f"portrayal{suffix}"].append(portrayal_scores[suffix][j].score)

    for q, q_words in zip(quotes, word_counts(text, [(q.start, q.end) for q in quotes], article.words)):
        # A speaker the lexicon does not know counts for a stand-in actor of the quote's camp (a named
        # person -> "unlisted_speaker", camp other; a description -> "unnamed_source"), so quote shares in
        # actor_measures add up to the quotes table (quotes with no speaker are left out).
        actor = q.actor or (UNRESOLVED_SPEAKERS.get(q.camp, "unnamed_source") if q.speaker else None)
        scored = {b: voice(q.text, backend=b) for b in dict.fromkeys(backends.values())}
        q_voice = {suffix: scored[b] for suffix, b in backends.items()}
        rows["quotes"].append({"article_id": aid, "start": q.start, "end": q.end, "text": q.text, "kind": q.kind,
                               "cue": q.cue, "cue_start": q.cue_start, "cue_end": q.cue_end, "stance": q.stance,
                               "speaker": q.speaker, "speaker_start": q.speaker_start, "speaker_end": q.speaker_end,
                               "actor": actor, "camp": q.camp, "section": q.section, "n_words": q_words,
                               "voice": q_voice[""]})
        if actor:
            camp_of.setdefault(actor, q.camp or "unnamed")
            c = per_actor[actor]
            c["quotes"] += 1
            c["quoted_words"] += q_words
            c[f"stance_{q.stance}"] += 1
            for suffix in backends:
                sums[actor][f"voice{suffix}"].append(q_voice[suffix])

    # Hedges: each attached to its claim's actor (toolkit.hedge_claims: the speaker inside a quote,
    # the clause's subject outside), with the rule that decided as ``how``; a hedge the news hedge filter
    # (toolkit.hedge_filter) judges no hedge gets role "filtered", how "filter", no actor, and counts for none.
    claims = attribute_hedges(text, hedges, quotes, mentions, actors)
    if hedge_filter:
        claims = filter_claims(text, hedges, claims, quotes, verbs, actors=actors)
    for h, claim in zip(hedges, claims):
        if claim.actor and h.category != "booster":
            per_actor[claim.actor]["own_hedges" if claim.role == "own" else "distancing_hedges"] += 1
        rows["hedges"].append({"article_id": aid, "start": h.start, "end": h.end, "cue": h.cue, "category": h.category,
                               "section": article.section_at(h.start), "actor": claim.actor, "role": claim.role,
                               "how": claim.how})

    for actor, c in per_actor.items():
        row = {"article_id": aid, "actor": actor, "camp": camp_of.get(actor),
               "mentions": c["mentions"], "quotes": c["quotes"], "quoted_words": c["quoted_words"]}
        for suffix in backends:  # the side backends' columns not asked for stay null
            for measure in ("portrayal", "voice"):
                values = sums[actor][f"{measure}{suffix}"]
                row[f"{measure}{suffix}"] = sum(values) / len(values) if values else float("nan")
        row["own_hedges"] = c["own_hedges"]
        row["distancing_hedges"] = c["distancing_hedges"]
        row["distancing_verbs"] = c["stance_distancing"] + c["stance_denial"]
        for st in STANCES:
            row[f"stance_{st}"] = c[f"stance_{st}"]
        rows["actor_measures"].append(row)
    return rows
