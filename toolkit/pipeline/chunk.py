"""One chunk of articles analysed into each table's Parquet bytes, or its Arrow table for a run
without a cache (runs in-process, in a worker process or on a Dask worker)."""

from __future__ import annotations

import json

import pyarrow as pa

from ..corpus import Article, Corpus
from ..corpus.language import english_only
from .measures import SIDE_BACKENDS, Lexicons, analyze_article
from .schemas import _S, CHUNK_TABLES, _coerce, _parquet_bytes, _table
from .source import _article


def _warm(lexicons: dict, sentiment: str, side_backends: bool) -> None:
    """Load lexicons and sentiment backends once, before worker processes fork."""
    from ..sentiment import get_backend

    Lexicons.load(lexicons)
    for name in dict.fromkeys((sentiment, *(SIDE_BACKENDS if side_backends else ()))):
        get_backend(name)


def _problem_row(item, i: int, why) -> dict:
    """A ``problems`` row naming an article: its ``source``, else ``article <id>``, with its row or line
    when it has one; ``why(aid)`` says what went wrong."""
    meta = getattr(item, "meta", None) or (item if isinstance(item, dict) else {})
    aid = item.id if isinstance(item, Article) else (item.get("id", i) if isinstance(item, dict) else i)
    where = meta.get("source") or f"article {aid}"
    line = next((meta[u] for u in ("row", "line") if isinstance(meta.get(u), int)), None)
    unit = next((u for u in ("row", "line") if isinstance(meta.get(u), int)), "article")
    return {"path": str(where), "line": line, "unit": unit, "why": why(aid)}


def _problem_of(item, i: int, exc: Exception) -> dict:
    """The ``problems`` row of an article whose analysis raised: where it came from and why."""
    message = " ".join(str(exc).split())[:500]
    return _problem_row(item, i, lambda aid: f"article {aid} not analysed: {type(exc).__name__}: {message}")


def _run_chunk(items: list, start: int, alignment: dict, lexicons: dict, sentiment: str,
               side_backends: bool, labels_as_mentions: bool, hedge_filter: bool,
               in_memory: bool) -> dict[str, bytes | pa.Table]:
    """Analyse one chunk of articles; return each table as zstd Parquet bytes (a part of a cache entry)
    or, with ``in_memory`` (a run without a cache), as the Arrow table those bytes would decode to,
    and under ``"problems"`` the JSON list of the articles that failed (those have no rows in any
    table) and of the records the language check found not English (analysed, and flagged
    ``not_english``, as ``load_corpus`` lists a loaded one among its problems; an Article was
    checked when it was loaded)."""
    articles, per_article, problems = [], [], []
    outlets = Corpus([], alignment=alignment)  # each article's alignment as the articles table gives it
    try:  # once for the chunk's articles
        loaded = Lexicons.load(lexicons)
    except Exception:  # noqa: BLE001 - a lexicon a worker cannot read: each article says so, as a problem row
        loaded = lexicons
    for j, item in enumerate(items):
        notes: list = []
        try:
            article = _article(item, start + j, notes)
            per_article.append(analyze_article(article, loaded, sentiment, side_backends,
                                               alignment=outlets.alignment_of(article.outlet),
                                               labels_as_mentions=labels_as_mentions,
                                               hedge_filter=hedge_filter))
            articles.append(article)
        except Exception as exc:  # one bad article never costs the run: it becomes a problem row
            problems.append(_problem_of(item, start + j, exc))
        problems.extend(_problem_row(item, start + j, lambda _aid, n=n: english_only(n.article_id, n.detail))
                        for n in notes if n.action == "not_english")
    art_rows = []
    for row, a, per in zip(Corpus(articles, alignment=alignment).rows(), articles, per_article):
        row["article_id"] = row.pop("id")
        row["outlet"] = _coerce(row["outlet"], _S)
        row.update(n_sentences=len(per["sentences"]), text=a.text)  # the raw text, so every offset can be read back
        art_rows.append(row)
    rows: dict[str, list[dict]] = {"articles": art_rows}
    for name in CHUNK_TABLES[1:]:
        rows[name] = [r for per in per_article for r in per[name]]
    for a, am in zip(art_rows, (per["actor_measures"] for per in per_article)):
        for r in am:
            r.update(outlet=a["outlet"], alignment=a["alignment"], date=a["date"])
    encode = _table if in_memory else _parquet_bytes
    tables: dict = {name: encode(rows[name], name) for name in CHUNK_TABLES}
    tables["problems"] = json.dumps(problems, sort_keys=True).encode()
    return tables
