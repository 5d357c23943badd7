"""The evidence explorer: one self-contained HTML page to filter and read every span behind the figures.

:func:`write_explorer` writes the quotes (with speaker and cue), the outlet's own mentions (with
their portrayal score and the evidence words that drove it), the hedges (own, distancing, none, or
"hedge (filtered)": judged no hedge by :mod:`toolkit.hedge_filter`) and the labels of one or more
analyses into a single HTML file with inline CSS and JavaScript and no network access. The reader
filters by corpus, outlet, alignment, type, camp, stance and measure (``distancing_verbs`` marks the
quotes introduced by a distancing or denial verb), and reads each row highlighted in its sentence, with the paragraph one click away, under the article's
title, outlet and date. The filters live in the address's hash (``#type=quote&camp=russia``), so
a figure caption can link to its rows (:func:`toolkit.report.caption`).

Scale: rows are stored column-wise with categorical codes and the articles' texts once, gzipped
and base64-encoded inside the page (decoded by the browser's ``DecompressionStream``); filtering is
a loop over typed arrays and only one page of rows (50) is rendered at a time, so the three real
corpora (about 145,000 rows) load and filter in well under a second (``benchmarks/explorer.py``).

Limits: the portrayal evidence words are recomputed here with the run's backend (the cache keeps
the per-row means, not the words); a backend without word scores gives none. Text is that of the
articles as analysed; the page holds the full text of every article with a row (about a third of
the corpora's size, compressed).
"""

from __future__ import annotations

import base64
import gzip
import json
from pathlib import Path

import numpy as np
import pandas as pd

from .display import hedge_actors
from .explorer_page import PAGE
from .hedge_filter import FILTERED
from .vocab import STANCES

__all__ = ["explorer_rows", "explorer_data", "write_explorer", "ROW_TYPES"]

ROW_TYPES = ("quote", "mention", "hedge", "label")
_CATEGORICAL = ("type", "camp", "actor", "measure", "stance")
_DISTANCING = ("distancing", "denial")


def _str(values) -> list[str]:
    return ["" if v is None or (isinstance(v, float) and np.isnan(v)) else str(v) for v in values]


def _sentence_bounds(frame: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """``s0``/``s1``: the start of the sentence holding ``lo`` and the end of the one holding ``hi - 1``."""
    sents = sentences[["article_id", "start", "end"]].astype({"start": "int64", "end": "int64"})
    sents = sents.assign(_s=sents["start"]).sort_values("start")
    keyed = frame.reset_index(drop=True)
    keyed = keyed.assign(_row=np.arange(len(keyed)), lo=keyed["lo"].astype("int64"), hi=keyed["hi"].astype("int64"))
    first = pd.merge_asof(keyed[["_row", "article_id", "lo"]].sort_values("lo"),
                          sents.rename(columns={"start": "lo"})[["article_id", "lo", "_s"]],
                          on="lo", by="article_id", direction="backward").set_index("_row").sort_index()
    last = pd.merge_asof(keyed[["_row", "article_id"]].assign(_q=keyed["hi"] - 1).sort_values("_q"),
                         sents.rename(columns={"start": "_q"})[["article_id", "_q", "end"]],
                         on="_q", by="article_id", direction="backward").set_index("_row").sort_index()
    keyed["s0"] = first["_s"].fillna(keyed["lo"]).astype("int64").to_numpy()
    keyed["s1"] = np.maximum(last["end"].fillna(keyed["hi"]).to_numpy(), keyed["hi"].to_numpy()).astype("int64")
    return keyed.drop(columns=["_row"])


def _evidence_marks(results, mentions: pd.DataFrame, backend: str) -> tuple[list, list]:
    """Portrayal score and evidence marks ``[[start, end, sign], ...]`` of each outlet mention."""
    from .sentiment import portrayal

    texts = results.articles.set_index("article_id")["text"]
    scores, marks = [None] * len(mentions), [[] for _ in range(len(mentions))]
    positions = np.arange(len(mentions))
    for article_id, idx in mentions.groupby("article_id", sort=False).indices.items():
        rows = mentions.iloc[idx]
        try:
            scored = portrayal(texts[article_id], list(zip(rows["start"], rows["end"])), backend=backend)
        except (KeyError, ValueError):
            continue
        for pos, ts in zip(positions[idx], scored):
            scores[pos] = round(float(ts.score), 3)
            marks[pos] = [[e.start, e.end, 1 if e.weight > 0 else -1] for e in ts.evidence]
    return scores, marks


def explorer_rows(results, *, evidence_words: bool = True) -> pd.DataFrame:
    """One row per quote, outlet mention, hedge and label of ``results``, with the explorer's columns.

    Columns: ``article_id``, ``type`` (:data:`ROW_TYPES`), ``start``, ``end``, ``s0``/``s1`` (the
    sentence bounds around the span), ``camp``, ``actor``, ``measure``, ``stance``, ``detail``,
    ``score`` (voice of a quote, portrayal of a mention) and ``marks`` (speaker ``sp``/cue ``cu``
    spans of a quote, evidence words ``+``/``-`` of a mention).
    """
    sentences = results.sentences
    camp_of = dict(zip(results.actor_measures["actor"], results.actor_measures["camp"]))
    parts = []
    q = results.quotes
    if len(q):
        lo = q[["start", "speaker_start", "cue_start"]].min(axis=1).astype("int64")
        hi = q[["end", "speaker_end", "cue_end"]].max(axis=1).astype("int64")
        far = (hi - lo) > 1500  # a speaker from an earlier paragraph: the quote's own sentences only
        lo, hi = lo.where(~far, q["start"]), hi.where(~far, q["end"])
        frame = pd.DataFrame({"article_id": q["article_id"], "type": "quote", "start": q["start"], "end": q["end"],
                              "lo": lo, "hi": hi, "camp": q["camp"], "actor": q["actor"],
                              "measure": np.where(q["stance"].isin(_DISTANCING), "distancing_verbs", "quotes"),
                              "stance": q["stance"],
                              "detail": [f"{k} quote; speaker: {s}; cue: {c}" for k, s, c in
                                         zip(q["kind"], _str(q["speaker"]), _str(q["cue"]))],
                              "score": q["voice"].round(3)})
        frame["marks"] = [[m for m in ([ss, se, "sp"], [cs, ce, "cu"]) if not pd.isna(m[0])]
                          for ss, se, cs, ce in zip(q["speaker_start"], q["speaker_end"], q["cue_start"], q["cue_end"])]
        frame["marks"] = [[[int(a), int(b), k] for a, b, k in m] for m in frame["marks"]]
        parts.append(frame)
    m = results.mentions
    m = m[~m["in_quote"].astype(bool)].reset_index(drop=True)
    if len(m):
        backend = (getattr(results, "settings", {}) or {}).get("sentiment", "default")
        scores, marks = (_evidence_marks(results, m, backend) if evidence_words
                         else ([None] * len(m), [[] for _ in range(len(m))]))
        parts.append(pd.DataFrame({"article_id": m["article_id"], "type": "mention", "start": m["start"],
                                   "end": m["end"], "lo": m["start"], "hi": m["end"], "camp": m["camp"],
                                   "actor": m["actor"], "measure": "portrayal", "stance": "",
                                   "detail": [f"{t} ({h})" for t, h in zip(m["text"], m["how"])],
                                   "score": scores, "marks": marks}))
    h = hedge_actors(results)
    if len(h):
        role = {"own": "own_hedges", "distancing": "distancing_hedges"}
        parts.append(pd.DataFrame({"article_id": h["article_id"], "type": "hedge", "start": h["start"],
                                   "end": h["end"], "lo": h["start"], "hi": h["end"],
                                   "camp": [camp_of.get(a, "") for a in h["actor"]], "actor": h["actor"],
                                   "measure": [role[r] if c else "booster" if k == "booster"
                                               else "hedge (filtered)" if r == FILTERED else "hedge (no actor)"
                                               for r, c, k in zip(h["role"], h["counted"], h["category"])],
                                   "stance": "",
                                   "detail": [f"{c} ({k})" for c, k in zip(h["cue"], h["category"])],
                                   "score": None, "marks": [[] for _ in range(len(h))]}))
    lab = results.labels
    if len(lab):
        parts.append(pd.DataFrame({"article_id": lab["article_id"], "type": "label", "start": lab["start"],
                                   "end": lab["end"], "lo": lab["start"], "hi": lab["end"],
                                   "camp": lab["camp"].fillna("unresolved"), "actor": "",
                                   "measure": "label: " + lab["category"].astype(str), "stance": "",
                                   "detail": [f"{t}; camp by {w}; {'inside a quote' if iq else 'own voice'}"
                                              for t, w, iq in zip(lab["term"], lab["how"], lab["in_quote"])],
                                   "score": None, "marks": [[] for _ in range(len(lab))]}))
    if not parts:
        return pd.DataFrame(columns=["article_id", "type", "start", "end", "s0", "s1", *_CATEGORICAL[1:],
                                     "detail", "score", "marks"])
    rows = pd.concat(parts, ignore_index=True)
    rows = _sentence_bounds(rows, sentences).drop(columns=["lo", "hi"])
    for column in ("camp", "actor", "stance"):
        rows[column] = _str(rows[column])
    return rows


def explorer_data(parts, *, evidence_words: bool = True) -> dict:
    """The explorer's payload: articles (corpus, outlet, alignment, date, title, text), code lists, rows."""
    parts = parts if isinstance(parts, (list, tuple)) else [parts]
    articles, frames = [], []
    for results in parts:
        corpus = (getattr(results, "settings", {}) or {}).get("corpus", "corpus")
        rows = explorer_rows(results, evidence_words=evidence_words)
        used = results.articles[results.articles["article_id"].isin(set(rows["article_id"]))]
        index = {a: len(articles) + i for i, a in enumerate(used["article_id"])}
        articles += [[corpus, *_str([o, al]), "" if pd.isna(d) else str(d)[:10], "" if t is None else str(t), x]
                     for o, al, d, t, x in zip(used["outlet"], used["alignment"], used["date"], used["title"],
                                               used["text"])]
        frames.append(rows.assign(a=rows["article_id"].map(index)))
    rows = pd.concat(frames, ignore_index=True) if frames else explorer_rows(parts[0])
    codes, columns = {}, {}
    for column in _CATEGORICAL:
        values = rows[column].astype(str)
        levels = sorted(set(values), key=lambda v: (STANCES.index(v) if column == "stance" and v in STANCES else 99, v))
        lookup = {v: i for i, v in enumerate(levels)}
        codes[column] = levels
        columns[column] = [lookup[v] for v in values]
    for column in ("a", "start", "end", "s0", "s1"):
        columns[column] = rows[column].astype("int64").tolist()
    columns["detail"] = rows["detail"].tolist()
    columns["score"] = [None if s is None or pd.isna(s) else float(s) for s in rows["score"]]
    columns["marks"] = rows["marks"].tolist()
    return {"articles": articles, "codes": codes, "rows": columns, "n": len(rows)}


def write_explorer(parts, path: str | Path, *, title: str = "Evidence explorer", evidence_words: bool = True) -> Path:
    """Write the explorer page for one ``Results`` or a list (one per corpus) to ``path``; return it."""
    payload = json.dumps(explorer_data(parts, evidence_words=evidence_words), separators=(",", ":"),
                         ensure_ascii=False).encode("utf-8")
    blob = base64.b64encode(gzip.compress(payload, compresslevel=6, mtime=0)).decode("ascii")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    page = PAGE.replace("__TITLE__", title).replace("__DATA__", blob)
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(page, encoding="utf-8")
    tmp.replace(path)
    return path
