"""The per-article pipeline and corpus-level :class:`Results`, cached as Parquet.

``analyze(corpus)`` runs, for each article: sentences -> actor mentions -> quotes -> hedges ->
target sentiment, and returns tidy DataFrames (one row per sentence, mention, quote, hedge and
article x actor). Every row keeps the article id and character offsets into ``Article.text``.

Results are cached under a key made of the corpus content, the lexicon files, the settings and the
toolkit version (DESIGN: ``analyze`` is a pure function of that tuple), so an unchanged re-run of a
notebook loads the Parquet files instead of recomputing.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import __version__
from .corpus import Article, Corpus
from .lexicon import DEFAULT_DIR
from .text import sentences, tokens

__all__ = ["analyze", "analyze_article", "Results", "TABLES", "default_cache_dir"]

TABLES = ("articles", "sentences", "mentions", "quotes", "hedges", "actor_measures", "problems")
STANCES = ("neutral", "distancing", "denial", "concession", "assertive")
BACKENDS = ("default", "vader", "textblob")


def default_cache_dir() -> Path:
    """``$NARRATIVE_CACHE`` or ``~/.cache/narrative-toolkit``."""
    env = os.environ.get("NARRATIVE_CACHE")
    return Path(env).expanduser() if env else Path.home() / ".cache" / "narrative-toolkit"


@dataclass
class Results:
    """Tidy tables of one analysis run; see ``docs/CONTRACTS.md`` for the columns."""

    articles: pd.DataFrame
    sentences: pd.DataFrame
    mentions: pd.DataFrame
    quotes: pd.DataFrame
    hedges: pd.DataFrame
    actor_measures: pd.DataFrame
    problems: pd.DataFrame
    settings: dict = field(default_factory=dict)

    def save(self, out_dir: str | Path) -> Path:
        """Write each table as ``<name>.parquet`` plus ``settings.json`` into ``out_dir`` atomically."""
        out_dir = Path(out_dir)
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=out_dir.parent))
        try:
            for name in TABLES:
                getattr(self, name).to_parquet(tmp / f"{name}.parquet", index=False)
            (tmp / "settings.json").write_text(json.dumps(self.settings, indent=1, sort_keys=True, default=str))
            if out_dir.exists():
                shutil.rmtree(out_dir)
            os.replace(tmp, out_dir)
        finally:
            if tmp.exists():
                shutil.rmtree(tmp, ignore_errors=True)
        return out_dir

    @classmethod
    def load(cls, path: str | Path) -> "Results":
        """Read a folder written by :meth:`save`; raise ``ValueError`` if it is incomplete or corrupt."""
        path = Path(path)
        try:
            tables = {name: pd.read_parquet(path / f"{name}.parquet") for name in TABLES}
            settings = json.loads((path / "settings.json").read_text())
        except Exception as exc:  # pyarrow raises several types for a damaged file
            raise ValueError(f"{path}: incomplete or corrupt results ({exc})") from exc
        return cls(**tables, settings=settings)

    def summary(self) -> str:
        lines = [
            f"{len(self.articles)} articles, {len(self.sentences)} sentences, {len(self.mentions)} mentions, "
            f"{len(self.quotes)} quotes, {len(self.hedges)} hedges, {self.actor_measures['actor'].nunique() if len(self.actor_measures) else 0} actors",
        ]
        if len(self.quotes):
            share = self.quotes["camp"].fillna("unresolved").value_counts(normalize=True)
            lines.append("quote share by camp: " + ", ".join(f"{k} {v:.0%}" for k, v in share.items()))
        if len(self.problems):
            lines.append(f"{len(self.problems)} problems:")
            lines += [f"  {r.path}" + (f", line {int(r.line)}" if pd.notna(r.line) else "") + f": {r.why}"
                      for r in self.problems.itertuples()]
        return "\n".join(lines)


# ----------------------------------------------------------------------------------------------
# one article


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def analyze_article(article: Article, lexicons: dict | None = None) -> dict[str, list[dict]]:
    """Run every extractor on one article; return rows for each table (no corpus-level columns).

    Extractors run on ``article.masked_text`` (boilerplate and repeated paragraphs blanked, same
    length), so every offset indexes ``article.text``.
    """
    from .actors import find_mentions, load_actors
    from .hedging import find_hedges, load_hedges
    from .quotes import extract_quotes, load_verbs
    from .sentiment import portrayal, voice

    lexicons = lexicons or {}
    actors = load_actors(lexicons.get("actors"))
    hedge_lexicon = load_hedges(lexicons.get("hedges"))
    verbs = load_verbs(lexicons.get("verbs"))

    aid = article.id
    text = article.masked_text
    sents = sentences(text)
    sent_starts = [s.start for s in sents]

    def sentence_of(offset: int) -> int:
        lo, hi = 0, len(sent_starts)
        while lo < hi:
            mid = (lo + hi) // 2
            if sent_starts[mid] <= offset:
                lo = mid + 1
            else:
                hi = mid
        return max(lo - 1, 0)

    rows: dict[str, list[dict]] = {name: [] for name in TABLES if name not in ("articles", "problems")}
    for i, s in enumerate(sents):
        rows["sentences"].append({"article_id": aid, "sentence": i, "start": s.start, "end": s.end,
                                  "n_words": len(tokens(text, s.start, s.end)), "section": article.section_at(s.start)})

    mentions = find_mentions(text, actors)
    quotes = extract_quotes(text, lexicon=actors, verbs=verbs, sections=article.sections)
    hedges = find_hedges(text, lexicon=hedge_lexicon)
    quote_spans = [(q.start, q.end) for q in quotes]

    # Portrayal: sentiment toward each mention written by the outlet (not inside someone's quote).
    outlet_mentions = [m for m in mentions if not _inside(m.start, m.end, quote_spans)]
    portrayal_scores = {b: portrayal(text, [(m.start, m.end) for m in outlet_mentions], backend=b) for b in BACKENDS}
    for m in mentions:
        rows["mentions"].append({"article_id": aid, "start": m.start, "end": m.end, "text": m.text, "actor": m.actor,
                                 "camp": m.camp, "name": m.name, "how": m.how, "section": article.section_at(m.start),
                                 "sentence": sentence_of(m.start), "in_quote": _inside(m.start, m.end, quote_spans)})

    per_actor: dict[str, Counter] = defaultdict(Counter)
    sums: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    camp_of: dict[str, str] = {}
    for m in mentions:
        per_actor[m.actor]["mentions"] += 1
        camp_of[m.actor] = m.camp
    for j, m in enumerate(outlet_mentions):
        for b in BACKENDS:
            sums[m.actor][f"portrayal_{b}"].append(portrayal_scores[b][j].score)

    for q in quotes:
        n_words = len(tokens(text, q.start, q.end))
        q_voice = {b: voice(q.text, backend=b) for b in BACKENDS}
        rows["quotes"].append({"article_id": aid, "start": q.start, "end": q.end, "text": q.text, "kind": q.kind,
                               "cue": q.cue, "cue_start": q.cue_start, "cue_end": q.cue_end, "stance": q.stance,
                               "speaker": q.speaker, "speaker_start": q.speaker_start, "speaker_end": q.speaker_end,
                               "actor": q.actor, "camp": q.camp, "section": q.section, "n_words": n_words,
                               "voice": q_voice["default"]})
        # A speaker the lexicon does not know counts for the unnamed/unresolved actor, so quote
        # shares in actor_measures add up to the quotes table (quotes with no speaker are left out).
        actor = q.actor or ("unnamed_source" if q.speaker else None)
        if actor:
            camp_of.setdefault(actor, q.camp or "unnamed")
            c = per_actor[actor]
            c["quotes"] += 1
            c["quoted_words"] += n_words
            c[f"stance_{q.stance}"] += 1
            for b in BACKENDS:
                sums[actor][f"voice_{b}"].append(q_voice[b])

    # Hedges: inside an actor's quote they are the actor's own; in an outlet sentence that mentions
    # actors they are the outlet's distancing toward each of those actors.
    actors_in_sentence: dict[int, set[str]] = defaultdict(set)
    for m in outlet_mentions:
        actors_in_sentence[sentence_of(m.start)].add(m.actor)
    for h in hedges:
        owner = next((q for q in quotes if q.start <= h.start and h.end <= q.end), None)
        if owner is not None:
            role, actor = "own", owner.actor
            if owner.actor and h.category != "booster":
                per_actor[owner.actor]["own_hedges"] += 1
        else:
            about = actors_in_sentence.get(sentence_of(h.start), set())
            role = "distancing" if about else "none"
            actor = sorted(about)[0] if len(about) == 1 else None
            if h.category != "booster":
                for a in about:
                    per_actor[a]["distancing_hedges"] += 1
        rows["hedges"].append({"article_id": aid, "start": h.start, "end": h.end, "cue": h.cue, "category": h.category,
                               "section": article.section_at(h.start), "actor": actor, "role": role})

    for actor, c in per_actor.items():
        row = {"article_id": aid, "actor": actor, "camp": camp_of.get(actor),
               "mentions": c["mentions"], "quotes": c["quotes"], "quoted_words": c["quoted_words"]}
        for b in BACKENDS:
            for measure in ("portrayal", "voice"):
                values = sums[actor][f"{measure}_{b}"]
                key = measure if b == "default" else f"{measure}_{b}"
                row[key] = sum(values) / len(values) if values else float("nan")
        row["own_hedges"] = c["own_hedges"]
        row["distancing_hedges"] = c["distancing_hedges"]
        row["distancing_verbs"] = c["stance_distancing"] + c["stance_denial"]
        for st in STANCES:
            row[f"stance_{st}"] = c[f"stance_{st}"]
        rows["actor_measures"].append(row)
    return rows


# ----------------------------------------------------------------------------------------------
# corpus


def _as_corpus(data) -> Corpus:
    """A Corpus as is; records (dicts with ``id`` and ``text``) are cleaned like txt articles."""
    from .corpus import _default_outlets, article_from_text

    if isinstance(data, Corpus):
        return data
    articles, log = [], []
    for i, rec in enumerate(data):
        if isinstance(rec, Article):
            articles.append(rec)
            continue
        if not isinstance(rec, dict) or "text" not in rec:
            raise ValueError(f"record {i} has no 'text' field")
        meta = {k: v for k, v in rec.items() if k not in ("id", "text", "outlet", "date", "title")}
        date = pd.to_datetime(rec.get("date"), errors="coerce")
        article, notes = article_from_text(str(rec["text"]), str(rec.get("id", i)), outlet=rec.get("outlet"),
                                           date=None if pd.isna(date) else date.date(), title=rec.get("title"),
                                           meta=meta)
        articles.append(article)
        log += notes
    return Corpus(articles, name="records", alignment=_default_outlets(), log=log)


def _fingerprint(corpus: Corpus, lexicons: dict, settings: dict) -> str:
    h = hashlib.sha256()
    h.update(f"narrative-toolkit {__version__}\n".encode())
    h.update(json.dumps(settings, sort_keys=True, default=str).encode())
    for name in ("actors", "verbs", "hedges"):
        path = Path(lexicons.get(name) or DEFAULT_DIR / f"{name}.yml")
        h.update(name.encode() + b"\0" + (path.read_bytes() if path.exists() else b"") + b"\0")
    for a in corpus:
        h.update(json.dumps([a.id, a.outlet, str(a.date), a.title, a.text, [tuple(s.__dict__.values()) for s in a.sections]],
                            default=str).encode())
        h.update(b"\0")
    h.update(json.dumps(corpus.alignment, sort_keys=True).encode())
    return h.hexdigest()[:24]


def _run(articles: list[Article], lexicons: dict, workers: int, progress: bool) -> list[dict]:
    from tqdm.auto import tqdm

    bar = tqdm(total=len(articles), desc="analyze", unit="article", disable=not progress)
    out = []
    try:
        if workers <= 1:
            for a in articles:
                out.append(analyze_article(a, lexicons))
                bar.update()
        else:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                for rows in pool.map(analyze_article, articles, [lexicons] * len(articles), chunksize=8):
                    out.append(rows)
                    bar.update()
    finally:
        bar.close()
    return out


def analyze(data, *, workers: int = 1, lexicons: dict | None = None, cache: bool | str | Path | None = None,
            progress: bool | None = None) -> Results:
    """Analyse a corpus (or an iterable of dicts with ``id`` and ``text``) into :class:`Results`.

    Args:
        data: a :class:`~toolkit.corpus.Corpus`, or records with at least ``id`` and ``text``
            (``outlet``, ``date``, ``title`` and other keys become metadata).
        workers: processes on this machine (1 runs in-process).
        lexicons: optional paths ``{"actors": ..., "verbs": ..., "hedges": ...}`` to user YAML files.
        cache: ``None``/``True`` use :func:`default_cache_dir`, a path uses that folder, ``False`` disables.
        progress: show a progress bar (default: when there are more than 50 articles).
    """
    corpus = _as_corpus(data)
    lexicons = {k: str(v) for k, v in (lexicons or {}).items() if v}
    settings = {"version": __version__, "backends": list(BACKENDS), "lexicons": lexicons}
    key = _fingerprint(corpus, lexicons, settings)
    cache_dir = None if cache is False else (default_cache_dir() if cache in (None, True) else Path(cache))
    if cache_dir is not None and (cache_dir / key).exists():
        try:
            return Results.load(cache_dir / key)
        except ValueError:
            shutil.rmtree(cache_dir / key, ignore_errors=True)

    articles = list(corpus)
    per_article = _run(articles, lexicons, workers, progress if progress is not None else len(articles) > 50)

    frames = {name: pd.DataFrame([r for rows in per_article for r in rows[name]])
              for name in ("sentences", "mentions", "quotes", "hedges", "actor_measures")}
    art = corpus.to_frame().rename(columns={"id": "article_id"})
    art["n_sentences"] = [len(rows["sentences"]) for rows in per_article]
    art["text"] = [a.text for a in articles]  # the raw text, so every offset can be read back
    frames["articles"] = art
    meta_cols = art.set_index("article_id")[["outlet", "alignment", "date"]]
    am = frames["actor_measures"]
    if len(am):
        am = am.join(meta_cols, on="article_id")
        lead = ["article_id", "outlet", "alignment", "date", "actor", "camp"]
        frames["actor_measures"] = am[lead + [c for c in am.columns if c not in lead]]
    frames["problems"] = pd.DataFrame([{"path": p.path, "line": p.line, "why": p.why} for p in corpus.problems],
                                      columns=["path", "line", "why"])
    results = Results(**frames, settings={**settings, "key": key, "corpus": corpus.name})
    if cache_dir is not None:
        results.save(cache_dir / key)
    return results


def concat_results(parts: Iterable[Results]) -> Results:
    """Stack the tables of several runs (e.g. one per corpus) into one :class:`Results`.

    Article ids that occur in more than one run are prefixed with the run's corpus name.
    """
    parts = list(parts)
    if len(parts) == 1:
        return parts[0]
    seen: Counter = Counter(i for p in parts for i in p.articles["article_id"])
    clash = {i for i, n in seen.items() if n > 1}
    tables: dict[str, list[pd.DataFrame]] = defaultdict(list)
    for p in parts:
        name = p.settings.get("corpus", "corpus")
        for t in TABLES:
            frame = getattr(p, t).copy()
            if "article_id" in frame and clash:
                frame["article_id"] = [f"{name}/{i}" if i in clash else i for i in frame["article_id"]]
            tables[t].append(frame)
    settings = {"parts": [p.settings for p in parts]}
    return Results(**{t: pd.concat(frames, ignore_index=True) for t, frames in tables.items()}, settings=settings)
