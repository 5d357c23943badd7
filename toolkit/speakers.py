"""Speaker phrases the actor lexicon could not resolve, most frequent first: a work list for lexicon work.

:func:`analyze` gives a quote whose speaker the actor lexicon does not know a stand-in actor
(``unlisted_speaker`` for a name, camp ``other``; ``unnamed_source`` for a description, camp
``unnamed``; see ``toolkit.pipeline.UNRESOLVED_SPEAKERS``). :func:`unresolved_speakers` counts those
speaker phrases so a researcher can see which names and descriptions to add to ``actors.yml``
(README, "Lexicons are data"; the file's header gives the shape of an entry).

Method and limits:

- A quote counts when it has a speaker and its ``actor`` is empty or a stand-in (the lexicon's own
  generic ``unnamed_source``, "a source", "local sources", counts too: it is the same id). The phrase
  is the speaker span as the article writes it, read from ``results.articles.text``; for a pronoun
  it is the name the toolkit resolved the pronoun to, and a pronoun left unresolved ("he", "they"
  with no antecedent) is left out: no lexicon entry can resolve it.
- Phrases are grouped by a normal form: case folded, whitespace collapsed, surrounding punctuation,
  a leading "the" and a trailing possessive ("'s", "s'") removed ("The Syrian Observatory's" and
  "the Syrian observatory" are one phrase). ``as_written`` keeps the most frequent original
  spelling, which is what an alias needs (aliases match case-sensitively). No stemming, no
  merging of a surname with the full name: "Haddad" and "Leila Haddad" stay two rows.
- ``camp`` is the camp the toolkit gave the phrase's quotes (``other`` or ``unnamed``; the most
  frequent when they differ).
- The example is the phrase's first quote in corpus order; its sentence (the one holding the
  speaker) is read from ``results.articles.text`` at run time, so nothing of a corpus is stored.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

import pandas as pd

from .pipeline import UNRESOLVED_SPEAKERS

__all__ = ["unresolved_speakers", "normalize_speaker", "LEXICON_HINT"]

STAND_INS = frozenset(UNRESOLVED_SPEAKERS.values())
PRONOUNS = frozenset("he she they it i we you him her them".split())
LEXICON_HINT = ("To resolve a phrase, add it to a user actors file in the shape of toolkit/lexicons/actors.yml "
                "(README, 'Lexicons are data'): actors: [{id: x, name: X, camp: <camp>, kind: person, "
                "source: <key of sources>, aliases: [\"As Written\"]}], then analyze with "
                "lexicons={'actors': 'my_actors.yml'} (CLI: speakers CORPUS --actors my_actors.yml).")

_EDGE = re.compile(r"^[\s\"'`“”‘’(\[,;:.-]+|[\s\"'`“”‘’)\],;:.-]+$")
_POSSESSIVE = re.compile(r"(?:'s|s')$", re.IGNORECASE)
_FIXED = ["phrase", "as_written", "n", "articles", "camp"]
_EXAMPLE = ["example_article", "example_start", "example_end", "example_speaker_start", "example_speaker_end",
            "example_sentence"]


def normalize_speaker(phrase: str | None) -> str:
    """The grouping form of a speaker phrase: lower case, one space, no edge punctuation, no leading
    "the", no trailing possessive (``"The  Observatory's"`` -> ``"observatory"``)."""
    return _trimmed(phrase).lower() if phrase else ""


def _trimmed(phrase: str) -> str:
    """The phrase as written, trimmed as :func:`normalize_speaker` trims it (case kept)."""
    s = " ".join(str(phrase).replace("’", "'").replace("‘", "'").split())
    s = _EDGE.sub("", s)
    s = s[4:] if s.lower().startswith("the ") else s
    return _EDGE.sub("", _POSSESSIVE.sub("", s))


def _written(text: str | None, speaker: str, start, end) -> str:
    """The speaker phrase as the article writes it (its span in ``text``); for a pronoun, the name
    the toolkit resolved it to (``speaker``), since a pronoun is nothing to add to a lexicon."""
    if isinstance(text, str) and pd.notna(start) and pd.notna(end):
        span = text[int(start):int(end)]
        if span.strip() and normalize_speaker(span) not in PRONOUNS:
            return span
    return speaker


def _sentence(text: str | None, starts: list[int], ends: list[int], pos: int) -> str | None:
    if not isinstance(text, str) or pos is None or pd.isna(pos):
        return None
    pos = int(pos)
    if starts:
        i = bisect.bisect_right(starts, pos) - 1
        if i >= 0 and pos < ends[i]:
            return " ".join(text[starts[i]:ends[i]].split())
    from .text import sentences

    return next((" ".join(s.text.split()) for s in sentences(text) if s.start <= pos < s.end), None)


def unresolved_speakers(results, top: int | None = None, *, long: bool = False) -> pd.DataFrame:
    """Speaker phrases the actor lexicon could not resolve, most frequent first.

    Args:
        results: :class:`toolkit.pipeline.Results` (its ``quotes``, ``articles`` and ``sentences``).
        top: keep the ``top`` most frequent phrases (``None``: all).
        long: return the tidy long form instead, one row per phrase x outlet: ``phrase``, ``outlet``, ``n``.

    Returns:
        The wide table a notebook user reads and sorts: one row per normalised phrase with
        ``phrase``, ``as_written`` (most frequent spelling), ``n`` (quotes), ``articles`` (articles
        quoting it), ``camp``, then one count column per outlet named ``n_<outlet>`` (``n_unknown``
        for articles without one), then one example: ``example_article``, ``example_start`` /
        ``example_end`` (the quote) and ``example_speaker_start`` / ``example_speaker_end`` (offsets
        into the article text), ``example_sentence`` (the sentence holding the speaker, read from
        ``results.articles.text``; empty when the table has no text). Ties in ``n`` are ordered by phrase.
    """
    quotes = results.quotes
    articles = results.articles
    outlet_of = dict(zip(articles["article_id"], articles["outlet"])) if "outlet" in articles else {}
    order = {aid: i for i, aid in enumerate(articles["article_id"])}
    q = quotes[quotes["speaker"].notna()].copy() if len(quotes) else quotes.iloc[0:0].copy()
    if len(q):
        actor = q["actor"].fillna("")
        q = q[(actor == "") | actor.isin(STAND_INS)].copy()
    texts = dict(zip(articles["article_id"], articles["text"])) if "text" in articles else {}
    if len(q):
        q["written"] = [_written(texts.get(a), sp, s0, s1)
                        for a, sp, s0, s1 in zip(q["article_id"], q["speaker"], q["speaker_start"], q["speaker_end"])]
        q["phrase"] = q["written"].map(normalize_speaker)
        q = q[(q["phrase"] != "") & ~q["phrase"].isin(PRONOUNS)].copy()
    outlets = sorted({o if isinstance(o, str) and o else "unknown" for o in outlet_of.values()})
    if not len(q):
        if long:
            return pd.DataFrame({"phrase": pd.Series(dtype=str), "outlet": pd.Series(dtype=str),
                                 "n": pd.Series(dtype="int64")})
        return pd.DataFrame(columns=_FIXED + [f"n_{o}" for o in outlets] + _EXAMPLE)
    q["outlet"] = q["article_id"].map(lambda a: outlet_of.get(a) or "unknown")
    q["_order"] = q["article_id"].map(lambda a: order.get(a, len(order)))
    q = q.sort_values(["_order", "start"], kind="stable")

    totals = q.groupby("phrase").size().rename("n").reset_index()
    totals = totals.sort_values(["n", "phrase"], ascending=[False, True], kind="stable")
    if top is not None:
        totals = totals.head(top)
    keep = list(totals["phrase"])
    q = q[q["phrase"].isin(keep)]
    rank = {p: i for i, p in enumerate(keep)}

    by_outlet = q.groupby(["phrase", "outlet"]).size().rename("n").reset_index()
    if long:
        by_outlet["_rank"] = by_outlet["phrase"].map(rank)
        return (by_outlet.sort_values(["_rank", "n", "outlet"], ascending=[True, False, True], kind="stable")
                .drop(columns="_rank").reset_index(drop=True))

    sents = results.sentences if len(getattr(results, "sentences", ())) else None
    bounds: dict = {}  # the example articles' sentence starts and ends, grouped once (not a scan per phrase)
    if sents is not None:
        examples = set(q.groupby("phrase", sort=False)["article_id"].first())
        for aid, mine in sents[sents["article_id"].isin(examples)].groupby("article_id", sort=False):
            mine = mine.sort_values("start")
            bounds[aid] = ([int(v) for v in mine["start"]], [int(v) for v in mine["end"]])
    rows = []
    for phrase, group in q.groupby("phrase", sort=False):
        first = group.iloc[0]
        spelled = Counter(_trimmed(s) for s in group["written"]).most_common()
        aid = first["article_id"]
        starts, ends = bounds.get(aid, ([], []))
        camps = group["camp"].dropna()
        row = {"phrase": phrase, "as_written": min(spelled, key=lambda sc: (-sc[1], sc[0]))[0],
               "n": len(group), "articles": group["article_id"].nunique(),
               "camp": camps.value_counts().sort_index().idxmax() if len(camps) else None}
        counts = group["outlet"].value_counts()
        row.update({f"n_{o}": int(counts.get(o, 0)) for o in outlets})
        row.update({"example_article": aid, "example_start": int(first["start"]), "example_end": int(first["end"]),
                    "example_speaker_start": int(first["speaker_start"]) if pd.notna(first["speaker_start"]) else None,
                    "example_speaker_end": int(first["speaker_end"]) if pd.notna(first["speaker_end"]) else None,
                    "example_sentence": _sentence(texts.get(aid), starts, ends, first["speaker_start"])})
        rows.append(row)
    out = pd.DataFrame(rows, columns=_FIXED + [f"n_{o}" for o in outlets] + _EXAMPLE)
    out["_rank"] = out["phrase"].map(rank)
    out = out.sort_values("_rank").drop(columns="_rank").reset_index(drop=True)
    for col in ("example_speaker_start", "example_speaker_end"):
        out[col] = out[col].astype("Int64")
    return out
