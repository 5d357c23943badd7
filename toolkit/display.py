"""Show the evidence: an article's text with quotes, speakers, cues, hedges and mentions marked.

Every figure the toolkit reports comes from spans with character offsets; :func:`highlight` renders
those spans back onto the raw text (HTML, for notebooks and the report) so a reader can check them.
"""

from __future__ import annotations

import html

import pandas as pd

from .vocab import STANCES

__all__ = ["highlight", "evidence", "hedge_actors", "MEASURE_SPANS"]

STYLES = {
    "quote": "background:#fff3b0",
    "speaker": "background:#b8e0ff;font-weight:600",
    "cue": "text-decoration:underline;text-decoration-thickness:2px",
    "hedge": "background:#ffc9c9",
    "booster": "background:#c3f0c8",
    "mention": "border-bottom:2px dotted #555",
}


def _spans(quotes, hedges, mentions) -> list[tuple[int, int, str, str]]:
    out = []
    for q in _rows(quotes):
        out.append((q["start"], q["end"], "quote", f"{q['kind']} quote; speaker: {q['speaker']} ({q['camp']})"))
        if q.get("speaker_start") is not None and not pd.isna(q["speaker_start"]):
            out.append((int(q["speaker_start"]), int(q["speaker_end"]), "speaker", f"speaker: {q['speaker']}"))
        if q.get("cue_start") is not None and not pd.isna(q["cue_start"]):
            out.append((int(q["cue_start"]), int(q["cue_end"]), "cue", f"cue ({q['stance']})"))
    for h in _rows(hedges):
        out.append((h["start"], h["end"], "booster" if h["category"] == "booster" else "hedge", h["category"]))
    for m in _rows(mentions):
        out.append((m["start"], m["end"], "mention", f"{m['actor']} ({m['camp']})"))
    return out


def _rows(records) -> list[dict]:
    if records is None:
        return []
    if isinstance(records, pd.DataFrame):
        return records.to_dict("records")
    return [r if isinstance(r, dict) else r.__dict__ for r in records]


def highlight(text: str, quotes=None, hedges=None, mentions=None, start: int = 0, end: int | None = None) -> str:
    """HTML of ``text[start:end]`` with the given records marked (hover shows what each mark is).

    Records may be lists of toolkit records or DataFrames with ``start``/``end`` columns.
    Overlapping marks nest: each character gets the styles of every span that covers it.
    """
    end = len(text) if end is None else end
    spans = [(max(s, start), min(e, end), kind, title) for s, e, kind, title in _spans(quotes, hedges, mentions)
             if s < end and e > start]
    bounds = sorted({start, end, *[s for s, *_ in spans], *[e for _, e, *_ in spans]})
    parts = []
    for a, b in zip(bounds, bounds[1:]):
        covering = [(kind, title) for s, e, kind, title in spans if s <= a and b <= e]
        chunk = html.escape(text[a:b]).replace("\n", "<br>")
        if covering:
            style = ";".join(STYLES[k] for k, _ in covering)
            title = html.escape(" | ".join(t for _, t in covering), quote=True)
            chunk = f'<span style="{style}" title="{title}">{chunk}</span>'
        parts.append(chunk)
    legend = " ".join(f'<span style="{STYLES[k]}">{k}</span>' for k in STYLES)
    return f'<div style="font-family:serif;line-height:1.6">{"".join(parts)}</div><p style="font-size:80%">{legend}</p>'


#: For each ``actor_measures`` column, the span table behind it and which of its rows count:
#: portrayal reads the outlet's own mentions, voice and stances the actor's quotes, hedges by role.
MEASURE_SPANS = {
    "mentions": ("mentions", None),
    "portrayal": ("mentions", ("in_quote", False)),
    "quotes": ("quotes", None),
    "quoted_words": ("quotes", None),
    "voice": ("quotes", None),
    "own_hedges": ("hedges", ("role", "own")),
    "distancing_hedges": ("hedges", ("role", "distancing")),
    "distancing_verbs": ("quotes", ("stance", ("distancing", "denial"))),
    **{f"stance_{s}": ("quotes", ("stance", s)) for s in STANCES},
}


def _measure_spans(measure: str) -> tuple[str, tuple | None]:
    base = measure.rsplit("_", 1)[0] if measure.endswith(("_vader", "_textblob")) else measure
    if base not in MEASURE_SPANS:
        raise KeyError(f"no spans behind measure {measure!r}; one of {', '.join(MEASURE_SPANS)}")
    return MEASURE_SPANS[base]


def hedge_actors(results) -> pd.DataFrame:
    """The ``hedges`` rows with ``counted``: whether the hedge counts for its actor in ``actor_measures``.

    Each hedge is attached to one claim's actor (:mod:`toolkit.hedge_claims`: the quote's speaker
    for an own hedge, the clause's subject or the mention it hedges for a distancing one) and counts
    once, for that actor, under its ``role``. Boosters and hedges without an actor count for no
    measure (``counted`` False).
    """
    hedges = results.hedges.reset_index(drop=True)
    return hedges.assign(counted=(hedges["category"] != "booster") & hedges["actor"].notna()
                         & hedges["role"].isin(["own", "distancing"]))


def _measure_rows(results, frame: pd.DataFrame, measure: str) -> pd.DataFrame:
    """The span rows behind ``measure`` for the article x actor rows of ``frame``."""
    table, keep = _measure_spans(measure)
    spans = hedge_actors(results) if table == "hedges" else getattr(results, table)
    if table == "hedges":
        spans = spans[spans["counted"]]
    if keep is not None:
        column, value = keep
        values = value if isinstance(value, tuple) else (value,)
        spans = spans[spans[column].isin(values)]
    keys = frame[["article_id", "actor", "outlet", "alignment", "date"]].drop_duplicates(["article_id", "actor"])
    spans = spans.drop(columns=[c for c in ("outlet", "alignment", "date") if c in spans.columns])
    return spans.merge(keys, on=["article_id", "actor"], how="inner").assign(measure=measure)


def evidence(results, table: str = "quotes", context: int = 60, *, measure: str = "portrayal",
             **filters) -> pd.DataFrame:
    """Rows of a result table with the raw text around each span, for reading the evidence.

    Tables with spans (``quotes``, ``mentions``, ``hedges``, ``labels``, ``sentences``) keep their
    rows and gain ``context``: ``context`` characters either side, the span in ``[[...]]``.
    ``actor_measures`` has no spans: its article x actor rows (after ``filters``) are replaced by
    the spans that ``measure`` counts (:data:`MEASURE_SPANS`: ``portrayal`` the outlet's own
    mentions of the actor, ``voice`` and ``stance_*`` its quotes, ``own_hedges`` and
    ``distancing_hedges`` the hedges counted for the actor, see :func:`hedge_actors`), with the row's outlet, alignment and date and a
    ``measure`` column. ``articles`` gains its opening as ``context``; ``problems`` come back as they are.

    Example: ``evidence(results, "quotes", camp="russia", stance="denial")``,
    ``evidence(results, "actor_measures", measure="distancing_hedges", alignment="us_western")``.
    """
    frame = getattr(results, table)
    for col, value in filters.items():
        frame = frame[frame[col] == value]
    if table == "actor_measures":
        frame = _measure_rows(results, frame, measure)
    frame = frame.copy()
    if "article_id" not in frame.columns or "text" not in results.articles or not len(frame):
        return frame
    texts = results.articles.set_index("article_id")["text"]
    if "start" not in frame.columns:  # the articles table: its opening
        frame["context"] = [texts[a][:2 * context] for a in frame["article_id"]]
        return frame
    frame["context"] = [
        texts[a][max(s - context, 0):s] + "[[" + texts[a][s:e] + "]]" + texts[a][e:e + context]
        for a, s, e in zip(frame["article_id"], frame["start"], frame["end"])
    ]
    return frame
