"""The per-article pipeline and corpus-level :class:`Results`, streamed to Parquet and cached.

``analyze(corpus)`` runs, for each article: sentences -> actor mentions -> quotes -> hedges ->
target sentiment, and returns tidy DataFrames (one row per sentence, mention, quote, hedge and
article x actor). Every row keeps the article id and character offsets into ``Article.text``.

Articles are processed in chunks (map over partitions, as in Dask's bag/dataframe model,
https://docs.dask.org): each chunk's tables are written as one Parquet part per table, atomically
(temporary name, ``fsync``, ``os.replace``), so memory stays bounded as the corpus grows and a
killed run resumes from its finished chunks. A finished cache entry carries a manifest with the
SHA-256 of every part; a damaged entry is detected and recomputed. Chunks run in-process, in
``workers`` local processes, or on a Dask cluster (``engine="dask"``); the bytes written are the
same in every case.

Results are cached under a key made of the corpus content, the lexicon files, the settings, the
sentiment models and the toolkit's own files and version (DESIGN: ``analyze`` is a pure function of that tuple), so an unchanged re-run of a
notebook reads the Parquet files instead of recomputing.
"""

from __future__ import annotations

import functools
import hashlib
import io
import itertools
import json
import logging
import os
import shutil
import signal
import tempfile
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.dataset as pads
import pyarrow.parquet as pq

from . import __version__
from .corpus import Article, Corpus
from .lexicon import DEFAULT_DIR
from .text import n_tokens, sentences

__all__ = ["analyze", "analyze_article", "Results", "TABLES", "SCHEMAS", "default_cache_dir", "concat_results"]

log = logging.getLogger(__name__)

TABLES = ("articles", "sentences", "mentions", "quotes", "hedges", "actor_measures", "problems")
CHUNK_TABLES = TABLES[:-1]  # written per chunk; problems belong to the corpus
STANCES = ("neutral", "distancing", "denial", "concession", "assertive")
EXTRA_BACKENDS = ("vader", "textblob")
# The actor a quote counts for when its speaker is not in the actor lexicon, by the quote's camp
UNRESOLVED_SPEAKERS = {"other": "unlisted_speaker", "unnamed": "unnamed_source"}
STOP_AFTER_ENV = "NARRATIVE_ANALYZE_KILL_AFTER"  # test hook: SIGKILL this process after N written chunks

_S, _I, _F, _B = pa.string(), pa.int64(), pa.float64(), pa.bool_()
_MEASURES = [("mentions", _I), ("quotes", _I), ("quoted_words", _I)] + [
    (f"{m}{suffix}", _F) for m in ("portrayal", "voice") for suffix in ("", "_vader", "_textblob")] + [
    ("own_hedges", _I), ("distancing_hedges", _I), ("distancing_verbs", _I)] + [(f"stance_{s}", _I) for s in STANCES]
SCHEMAS: dict[str, pa.Schema] = {name: pa.schema(fields) for name, fields in {
    "articles": [("article_id", _S), ("outlet", _S), ("alignment", _S), ("date", pa.date32()), ("title", _S),
                 ("n_chars", _I), ("n_words", _I), ("flags", _S), ("source", _S), ("n_sentences", _I), ("text", _S)],
    "sentences": [("article_id", _S), ("sentence", _I), ("start", _I), ("end", _I), ("n_words", _I), ("section", _S)],
    "mentions": [("article_id", _S), ("start", _I), ("end", _I), ("text", _S), ("actor", _S), ("camp", _S),
                 ("name", _S), ("how", _S), ("section", _S), ("sentence", _I), ("in_quote", _B)],
    "quotes": [("article_id", _S), ("start", _I), ("end", _I), ("text", _S), ("kind", _S), ("cue", _S),
               ("cue_start", _I), ("cue_end", _I), ("stance", _S), ("speaker", _S), ("speaker_start", _I),
               ("speaker_end", _I), ("actor", _S), ("camp", _S), ("section", _S), ("n_words", _I), ("voice", _F)],
    "hedges": [("article_id", _S), ("start", _I), ("end", _I), ("cue", _S), ("category", _S), ("section", _S),
               ("actor", _S), ("role", _S)],
    "actor_measures": [("article_id", _S), ("outlet", _S), ("alignment", _S), ("date", pa.date32()), ("actor", _S),
                       ("camp", _S)] + _MEASURES,
    "problems": [("path", _S), ("line", _I), ("unit", _S), ("why", _S)],
}.items()}
"""Arrow schema of every table (columns as in ``docs/CONTRACTS.md``), fixed so parts always agree."""


def default_cache_dir() -> Path:
    """``$NARRATIVE_CACHE`` or ``~/.cache/narrative-toolkit``."""
    env = os.environ.get("NARRATIVE_CACHE")
    return Path(env).expanduser() if env else Path.home() / ".cache" / "narrative-toolkit"


# ----------------------------------------------------------------------------------------------
# Parquet bytes and atomic files


def _parquet_bytes(rows: list[dict], name: str) -> bytes:
    """One table as deterministic Parquet bytes (fixed schema, no pandas index, no timestamps)."""
    schema = SCHEMAS[name]
    table = pa.Table.from_pylist(rows, schema=schema) if rows else schema.empty_table()
    sink = io.BytesIO()
    pq.write_table(table, sink, compression="zstd", store_schema=True)
    return sink.getvalue()


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_atomic(path: Path, data: bytes) -> str:
    """Write ``data`` to ``path`` via a temporary name, ``fsync`` and ``os.replace``; return its SHA-256."""
    tmp = path.with_name(f".tmp-{uuid.uuid4().hex}-{path.name}")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    return hashlib.sha256(data).hexdigest()


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _to_pandas(table: pa.Table) -> pd.DataFrame:
    return table.to_pandas(date_as_object=True)


# ----------------------------------------------------------------------------------------------
# Results


class Results:
    """Tidy tables of one analysis run; see ``docs/CONTRACTS.md`` for the columns.

    Tables are pandas DataFrames: ``articles``, ``sentences``, ``mentions``, ``quotes``, ``hedges``,
    ``actor_measures``, ``problems``. Results read from a cache entry load each table on first
    access, so analysing a large corpus does not hold its tables in memory; :meth:`dataset` gives a
    ``pyarrow.dataset`` over the Parquet parts for out-of-core work (or pass :attr:`path` to
    ``dask.dataframe.read_parquet``).
    """

    def __init__(self, articles: pd.DataFrame | None = None, sentences: pd.DataFrame | None = None,
                 mentions: pd.DataFrame | None = None, quotes: pd.DataFrame | None = None,
                 hedges: pd.DataFrame | None = None, actor_measures: pd.DataFrame | None = None,
                 problems: pd.DataFrame | None = None, settings: dict | None = None, *,
                 path: str | Path | None = None, parts: dict[str, list[str]] | None = None) -> None:
        given = dict(articles=articles, sentences=sentences, mentions=mentions, quotes=quotes, hedges=hedges,
                     actor_measures=actor_measures, problems=problems)
        self.settings = dict(settings or {})
        self.path = Path(path) if path is not None else None
        self._parts = parts or {}
        for name, frame in given.items():
            if frame is not None:
                self.__dict__[name] = frame
            elif self.path is None:
                raise TypeError(f"Results needs the {name!r} table or a cache entry path")

    def __getattr__(self, name: str):
        if name in TABLES and self.__dict__.get("path") is not None:
            frame = _to_pandas(self.dataset(name).to_table())
            self.__dict__[name] = frame
            return frame
        raise AttributeError(name)

    def dataset(self, name: str) -> pads.Dataset:
        """A ``pyarrow.dataset`` of one table's Parquet parts (in chunk order), read lazily."""
        if self.path is None:
            return pads.dataset(pa.Table.from_pandas(getattr(self, name), preserve_index=False))
        return pads.dataset([str(self.path / p) for p in self._parts[name]], schema=SCHEMAS[name], format="parquet")

    def save(self, out_dir: str | Path) -> Path:
        """Write each table as ``<name>.parquet`` plus ``settings.json`` into ``out_dir`` atomically.

        Tables still on disk are copied part by part (bounded memory).
        """
        out_dir = Path(out_dir)
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=out_dir.parent))
        try:
            for name in TABLES:
                if name in self.__dict__:
                    table = pa.Table.from_pandas(self.__dict__[name], preserve_index=False)
                    pq.write_table(table, tmp / f"{name}.parquet", compression="zstd")
                else:
                    with pq.ParquetWriter(tmp / f"{name}.parquet", SCHEMAS[name], compression="zstd") as writer:
                        for batch in self.dataset(name).to_batches():
                            writer.write_batch(batch)
            (tmp / "settings.json").write_text(json.dumps(self.settings, indent=1, sort_keys=True, default=str))
            if out_dir.exists():
                shutil.rmtree(out_dir)
            os.replace(tmp, out_dir)
        finally:
            if tmp.exists():
                shutil.rmtree(tmp, ignore_errors=True)
        return out_dir

    @classmethod
    def load(cls, path: str | Path) -> Results:
        """Read a folder written by :meth:`save` or a cache entry of :func:`analyze`.

        Raises:
            ValueError: the folder is incomplete or corrupt (a cache entry's parts are checked
                against the SHA-256 sums of its manifest).
        """
        path = Path(path)
        if (path / "manifest.json").exists():
            return _open_entry(path)
        try:
            tables = {name: pd.read_parquet(path / f"{name}.parquet") for name in TABLES}
            settings = json.loads((path / "settings.json").read_text())
        except Exception as exc:  # pyarrow raises several types for a damaged file
            raise ValueError(f"{path}: incomplete or corrupt results ({exc})") from exc
        return cls(**tables, settings=settings)

    def summary(self) -> str:
        """Counts, quote share by camp and the problems, as plain text."""
        lines = [
            f"{len(self.articles)} articles, {len(self.sentences)} sentences, {len(self.mentions)} mentions, "
            f"{len(self.quotes)} quotes, {len(self.hedges)} hedges, {self.actor_measures['actor'].nunique() if len(self.actor_measures) else 0} actors",
        ]
        if len(self.quotes):
            share = self.quotes["camp"].fillna("unresolved").value_counts(normalize=True)
            lines.append("quote share by camp: " + ", ".join(f"{k} {v:.0%}" for k, v in share.items()))
        if len(self.problems):
            lines.append(f"{len(self.problems)} problems:")
            for r in self.problems.itertuples():
                unit = getattr(r, "unit", None) or "line"
                where = f", {unit} {int(r.line)}" if pd.notna(r.line) else ""
                lines.append(f"  {r.path}{where}: {r.why}")
        return "\n".join(lines)


def _open_entry(path: Path) -> Results:
    """A finished cache entry as lazily loaded :class:`Results`, after checking every part's SHA-256."""
    try:
        manifest = json.loads((path / "manifest.json").read_text())
        parts: dict[str, list[str]] = {}
        for name in TABLES:
            parts[name] = []
            for part in manifest["tables"][name]:
                if _sha256(path / part["file"]) != part["sha256"]:
                    raise ValueError(f"{part['file']} does not match its checksum")
                parts[name].append(part["file"])
    except (OSError, KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"{path}: incomplete or corrupt results ({exc})") from exc
    return Results(settings=manifest["settings"], path=path, parts=parts)


# ----------------------------------------------------------------------------------------------
# one article


class _Spans:
    """Spans ``(start, end)`` prepared for containment queries in O(log n) each.

    ``first(start, end)`` is the index of the first span in list order with ``s <= start`` and
    ``end <= e``, or ``None``: for spans sorted by start, a binary search on the starts (the spans
    that open early enough form a prefix) and on the running maximum of their ends (the first span
    of that prefix reaching ``end`` is where the running maximum first reaches it). Spans not sorted
    by start fall back to the plain scan, so the answer is the same for any list.
    """

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = list(spans)
        self.starts = [s for s, _e in self.spans]
        self.sorted = all(a <= b for a, b in zip(self.starts, self.starts[1:]))
        self.reach = list(itertools.accumulate((e for _s, e in self.spans), max))

    def first(self, start: int, end: int) -> int | None:
        import bisect  # imported here to keep this helper's change local

        if not self.sorted:
            return next((i for i, (s, e) in enumerate(self.spans) if s <= start and end <= e), None)
        n = bisect.bisect_right(self.starts, start)  # spans[:n] open at or before start
        i = bisect.bisect_left(self.reach, end, 0, n)  # first of them whose end reaches end
        return i if i < n else None


def _inside(start: int, end: int, spans: list[tuple[int, int]] | _Spans) -> bool:
    """Whether some span ``(s, e)`` holds ``[start, end)`` (``s <= start`` and ``end <= e``)."""
    if not isinstance(spans, _Spans):
        return any(s <= start and end <= e for s, e in spans)
    return spans.first(start, end) is not None


# Mentions scored by every backend in turn, this many at a time: the sentence analyses the backends
# share stay in sentiment's caches (4,096 entries) between backends however long the article is.
_PORTRAYAL_BLOCK = 1024


def _portrayals(text: str, spans: list[tuple[int, int]], names) -> dict[str, list]:
    """``portrayal(text, spans, backend=b)`` for each backend name, computed block by block of spans
    (a backend that scores a whole article in batches, ``target_batch``, gets all spans at once)."""
    from .sentiment import get_backend, portrayal

    out: dict[str, list] = {b: [] for b in names}
    blocked = [b for b in names if not hasattr(get_backend(b), "target_batch")]
    for b in names:
        if b not in blocked:
            out[b] = portrayal(text, spans, backend=b)
    for i in range(0, len(spans), _PORTRAYAL_BLOCK):
        for b in blocked:
            out[b] += portrayal(text, spans[i:i + _PORTRAYAL_BLOCK], backend=b)
    return out


def analyze_article(article: Article, lexicons: dict | None = None,
                    sentiment: str = "default") -> dict[str, list[dict]]:
    """Run every extractor on one article; return rows for each table (no corpus-level columns).

    Extractors run on ``article.masked_text`` (boilerplate and repeated paragraphs blanked, same
    length), so every offset indexes ``article.text``.

    Args:
        article: the article.
        lexicons: optional user lexicon paths (see :func:`analyze`).
        sentiment: the registered sentiment backend behind ``portrayal`` and ``voice``; VADER and
            TextBlob always fill the ``*_vader`` and ``*_textblob`` columns.
    """
    from .actors import find_mentions, load_actors
    from .hedging import find_hedges, load_hedges
    from .quotes import extract_quotes, load_verbs
    from .sentiment import voice

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

    backends = {"": sentiment, "_vader": "vader", "_textblob": "textblob"}  # column suffix -> backend
    rows: dict[str, list[dict]] = {name: [] for name in TABLES if name not in ("articles", "problems")}
    for i, s in enumerate(sents):
        rows["sentences"].append({"article_id": aid, "sentence": i, "start": s.start, "end": s.end,
                                  "n_words": n_tokens(text, s.start, s.end), "section": article.section_at(s.start)})

    mentions = find_mentions(text, actors)
    quotes = extract_quotes(text, lexicon=actors, verbs=verbs, sections=article.sections)
    hedges = find_hedges(text, lexicon=hedge_lexicon)
    quote_spans = _Spans([(q.start, q.end) for q in quotes])  # sorted by start: O(log n) lookups

    # Portrayal: sentiment toward each mention written by the outlet (not inside someone's quote).
    outlet_mentions = [m for m in mentions if not _inside(m.start, m.end, quote_spans)]
    spans = [(m.start, m.end) for m in outlet_mentions]
    by_backend = _portrayals(text, spans, dict.fromkeys(backends.values()))
    portrayal_scores = {suffix: by_backend[b] for suffix, b in backends.items()}
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
        for suffix in backends:
            sums[m.actor][f"portrayal{suffix}"].append(portrayal_scores[suffix][j].score)

    for q in quotes:
        # A speaker the lexicon does not know counts for a stand-in actor of the quote's camp (a named
        # person -> "unlisted_speaker", camp other; a description -> "unnamed_source"), so quote shares in
        # actor_measures add up to the quotes table (quotes with no speaker are left out).
        actor = q.actor or (UNRESOLVED_SPEAKERS.get(q.camp, "unnamed_source") if q.speaker else None)
        n_words = n_tokens(text, q.start, q.end)
        scored = {b: voice(q.text, backend=b) for b in dict.fromkeys(backends.values())}
        q_voice = {suffix: scored[b] for suffix, b in backends.items()}
        rows["quotes"].append({"article_id": aid, "start": q.start, "end": q.end, "text": q.text, "kind": q.kind,
                               "cue": q.cue, "cue_start": q.cue_start, "cue_end": q.cue_end, "stance": q.stance,
                               "speaker": q.speaker, "speaker_start": q.speaker_start, "speaker_end": q.speaker_end,
                               "actor": actor, "camp": q.camp, "section": q.section, "n_words": n_words,
                               "voice": q_voice[""]})
        if actor:
            camp_of.setdefault(actor, q.camp or "unnamed")
            c = per_actor[actor]
            c["quotes"] += 1
            c["quoted_words"] += n_words
            c[f"stance_{q.stance}"] += 1
            for suffix in backends:
                sums[actor][f"voice{suffix}"].append(q_voice[suffix])

    # Hedges: inside an actor's quote they are the actor's own; in an outlet sentence that mentions
    # actors they are the outlet's distancing toward each of those actors.
    actors_in_sentence: dict[int, set[str]] = defaultdict(set)
    for m in outlet_mentions:
        actors_in_sentence[sentence_of(m.start)].add(m.actor)
    for h in hedges:
        owner_index = quote_spans.first(h.start, h.end)  # the first quote holding the hedge
        owner = quotes[owner_index] if owner_index is not None else None
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
        for suffix in backends:
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


# ----------------------------------------------------------------------------------------------
# corpus: inputs, chunks, keys


@dataclass(frozen=True)
class _Source:
    """The articles to analyse, as a re-readable or one-shot stream, with corpus-level fields."""

    items: Iterable  # Articles, or records (dicts with ``id`` and ``text``)
    name: str
    alignment: dict
    problems: tuple
    reusable: bool  # can be iterated twice (its key is known before computing)


def _source(data) -> _Source:
    from .corpus import _default_outlets

    if isinstance(data, Corpus):
        return _Source(data, data.name, data.alignment, tuple(data.problems), True)
    return _Source(data, "records", _default_outlets(), (), iter(data) is not data)


def _article(item, i: int) -> Article:
    """An Article as is; a record (dict with ``id`` and ``text``) cleaned like a txt article."""
    from .corpus import article_from_text

    if isinstance(item, Article):
        return item
    meta = {k: v for k, v in item.items() if k not in ("id", "text", "outlet", "date", "title")}
    date = pd.to_datetime(item.get("date"), errors="coerce")
    article, _notes = article_from_text(str(item["text"]), str(item.get("id", i)), outlet=item.get("outlet"),
                                        date=None if pd.isna(date) else date.date(), title=item.get("title"),
                                        meta=meta)
    return article


def _digest(item, i: int) -> bytes:
    """SHA-256 of one article's content (an Article's fields, or a record's JSON)."""
    if isinstance(item, Article):
        body = [item.id, item.outlet, str(item.date), item.title, item.text,
                [tuple(s.__dict__.values()) for s in item.sections]]
    elif isinstance(item, dict) and "text" in item:
        body = item
    else:
        raise ValueError(f"record {i} has no 'text' field")
    return hashlib.sha256(json.dumps(body, sort_keys=True, default=str).encode()).digest()


def _chunks(items: Iterable, size: int) -> Iterator[tuple[int, str, list]]:
    """``(index, chunk hash, items)`` for consecutive chunks of ``size`` items."""
    it, start = iter(items), 0
    for index in itertools.count():
        chunk = list(itertools.islice(it, size))
        if not chunk:
            return
        h = hashlib.sha256(b"".join(_digest(item, start + j) for j, item in enumerate(chunk)))
        yield index, h.hexdigest()[:16], chunk
        start += len(chunk)


@functools.lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    """SHA-256 of the package's own files (code, lexicons, models): a changed toolkit recomputes
    even where the version number was not bumped (a development checkout)."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.suffix in (".py", ".yml", ".json") and p.is_file()):
        h.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def _backend_fingerprint(name: str) -> str:
    """What identifies a sentiment backend's model beyond its name (a trained model's manifest);
    a packaged backend is identified by the package's files, so a cached run need not load it."""
    from .sentiment import get_backend, packaged_backend

    if packaged_backend(name):
        return ""
    manifest = getattr(get_backend(name), "manifest", None)
    return json.dumps(manifest, sort_keys=True, default=str) if manifest is not None else ""


class _Key:
    """The cache key, fed with the settings, the package's files, lexicon files, chunk hashes and
    corpus-level fields."""

    def __init__(self, settings: dict) -> None:
        self._h = hashlib.sha256(f"narrative-toolkit {__version__} {_code_fingerprint()}\n".encode())
        self._h.update(json.dumps(settings, sort_keys=True, default=str).encode())
        for name in settings["backends"]:
            self._h.update(name.encode() + b"\0" + _backend_fingerprint(name).encode() + b"\0")
        for name in ("actors", "verbs", "hedges"):
            path = Path(settings["lexicons"].get(name) or DEFAULT_DIR / f"{name}.yml")
            self._h.update(name.encode() + b"\0" + (path.read_bytes() if path.exists() else b"") + b"\0")

    def add_chunk(self, chunk_hash: str) -> None:
        self._h.update(chunk_hash.encode() + b"\0")

    def finish(self, source: _Source) -> str:
        h = self._h.copy()
        h.update(json.dumps(source.alignment, sort_keys=True).encode())
        h.update(json.dumps([p.__dict__ for p in source.problems], sort_keys=True, default=str).encode())
        return h.hexdigest()[:24]


# ----------------------------------------------------------------------------------------------
# one chunk (runs in a worker process or on a Dask worker)


def _warm(lexicons: dict, sentiment: str) -> None:
    """Load lexicons and sentiment backends once, before worker processes fork."""
    from .actors import load_actors
    from .hedging import load_hedges
    from .quotes import load_verbs
    from .sentiment import get_backend

    load_actors(lexicons.get("actors"))
    load_hedges(lexicons.get("hedges"))
    load_verbs(lexicons.get("verbs"))
    for name in dict.fromkeys((sentiment, *EXTRA_BACKENDS)):
        get_backend(name)


def _run_chunk(items: list, start: int, alignment: dict, lexicons: dict, sentiment: str) -> dict[str, bytes]:
    """Analyse one chunk of articles; return each table as Parquet bytes."""
    articles = [_article(item, start + j) for j, item in enumerate(items)]
    per_article = [analyze_article(a, lexicons, sentiment) for a in articles]
    meta = Corpus(articles, alignment=alignment).to_frame().rename(columns={"id": "article_id"})
    meta["n_sentences"] = [len(rows["sentences"]) for rows in per_article]
    meta["text"] = [a.text for a in articles]  # the raw text, so every offset can be read back
    art_rows = meta.to_dict("records")
    rows: dict[str, list[dict]] = {"articles": art_rows}
    for name in CHUNK_TABLES[1:]:
        rows[name] = [r for per in per_article for r in per[name]]
    for a, am in zip(art_rows, (per["actor_measures"] for per in per_article)):
        for r in am:
            r.update(outlet=a["outlet"], alignment=a["alignment"], date=a["date"])
    return {name: _parquet_bytes(rows[name], name) for name in CHUNK_TABLES}


# ----------------------------------------------------------------------------------------------
# engines: map chunks, at most a few in flight, results as they complete


def _map_local(tasks: Iterator[tuple], workers: int, run_args: tuple) -> Iterator[tuple]:
    """``(index, hash, tables)`` per task, in-process or on ``workers`` local processes."""
    if workers <= 1:
        for index, h, items, start in tasks:
            yield index, h, _run_chunk(items, start, *run_args)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: dict = {}
        for task in itertools.chain(tasks, [None]):
            if task is not None:
                index, h, items, start = task
                pending[pool.submit(_run_chunk, items, start, *run_args)] = (index, h)
                if len(pending) < 2 * workers:
                    continue
            while pending and (task is None or len(pending) >= 2 * workers):
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    index, h = pending.pop(future)
                    yield index, h, future.result()


def _map_dask(tasks: Iterator[tuple], scheduler, workers: int, run_args: tuple) -> Iterator[tuple]:
    """``(index, hash, tables)`` per task, computed on a Dask cluster (dask.distributed)."""
    from distributed import Client, LocalCluster, as_completed

    owned = []
    if isinstance(scheduler, Client):
        client = scheduler
    else:
        if scheduler is None:
            owned.append(LocalCluster(n_workers=max(workers, 1), threads_per_worker=1, processes=True))
            scheduler = owned[0]
        client = Client(scheduler)
        owned.insert(0, client)
    try:
        window = 2 * max(sum(client.nthreads().values()), 1)
        futures = as_completed()
        tasks = iter(tasks)
        for index, h, items, start in itertools.islice(tasks, window):
            futures.add(client.submit(_run_chunk, items, start, *run_args, key=f"analyze-{h}-{index}"))
        for future in futures:
            index, h = future.key.split("-")[2], future.key.split("-")[1]
            yield int(index), h, future.result()
            future.release()
            for index, h, items, start in itertools.islice(tasks, 1):
                futures.add(client.submit(_run_chunk, items, start, *run_args, key=f"analyze-{h}-{index}"))
    finally:
        for thing in owned:
            thing.close()


# ----------------------------------------------------------------------------------------------
# analyze


def _done_record(work: Path, index: int, h: str) -> Path:
    return work / "chunks" / f"{index:06d}-{h}.json"


def _write_chunk(work: Path, index: int, h: str, tables: dict[str, bytes]) -> None:
    """Write one chunk's parts atomically, then its done-record (the chunk counts as finished)."""
    record = {}
    for name, data in tables.items():
        file = f"{name}/part-{index:06d}.parquet"
        record[name] = {"file": file, "sha256": _write_atomic(work / file, data)}
    _write_atomic(_done_record(work, index, h), json.dumps(record, sort_keys=True).encode())


def _finish(work: Path, done: list[tuple[int, str]], source: _Source, settings: dict) -> None:
    """Write the problems table and the manifest; drop done-records and leftover temporary files."""
    problems = [{"path": p.path, "line": p.line, "unit": getattr(p, "unit", "line"), "why": p.why}
                for p in source.problems]
    tables: dict[str, list[dict]] = {name: [] for name in TABLES}
    for index, h in sorted(done):
        record = json.loads(_done_record(work, index, h).read_text())
        for name in CHUNK_TABLES:
            tables[name].append(record[name])
    sha = _write_atomic(work / "problems.parquet", _parquet_bytes(problems, "problems"))
    tables["problems"].append({"file": "problems.parquet", "sha256": sha})
    shutil.rmtree(work / "chunks")
    for leftover in work.rglob(".tmp-*"):
        leftover.unlink()
    manifest = {"settings": settings, "tables": tables}
    _write_atomic(work / "manifest.json", json.dumps(manifest, indent=1, sort_keys=True).encode())
    for folder in [work, *(work / name for name in CHUNK_TABLES)]:
        _fsync_dir(folder)


def analyze(data, *, workers: int = 1, lexicons: dict | None = None, cache: bool | str | Path | None = None,
            progress: bool | None = None, sentiment: str = "default", engine: str = "processes",
            scheduler=None, chunk_size: int = 16) -> Results:
    """Analyse a corpus (or records with ``id`` and ``text``) into :class:`Results`.

    Articles are analysed in chunks of ``chunk_size``; each chunk's tables are written as Parquet
    parts (atomically) into a working folder of the cache, so a killed run resumes from its
    finished chunks, and memory does not grow with the corpus. The finished entry gets a manifest
    with each part's SHA-256 (checked on load; a damaged entry is recomputed). Same inputs and
    settings give byte-identical parts, whatever ``workers`` or ``engine``.

    Args:
        data: a :class:`~toolkit.corpus.Corpus`, or records with at least ``id`` and ``text``
            (``outlet``, ``date``, ``title`` and other keys become metadata). A list or another
            re-iterable collection is read twice (key, then chunks); a one-shot iterator (e.g. a
            generator over a corpus larger than memory) is read once, and its run cannot resume.
        workers: processes on this machine (1 runs in-process); with ``engine="dask"`` and no
            ``scheduler``, the size of the ``LocalCluster`` started for the run.
        lexicons: optional paths ``{"actors": ..., "verbs": ..., "hedges": ...}`` to user YAML files.
        cache: ``None``/``True`` use :func:`default_cache_dir`, a path uses that folder, ``False``
            computes in a temporary folder and returns the tables in memory.
        progress: show a tqdm progress bar (default: when there are more than 50 articles).
        sentiment: the registered backend behind ``portrayal`` and ``voice`` (e.g. ``"default"``,
            ``"vader"`` or a name given to :func:`toolkit.sentiment.register_backend`; on a Dask
            cluster it must be registered in the workers too). ``*_vader``/``*_textblob`` stay.
        engine: ``"processes"`` (local) or ``"dask"`` (dask.distributed).
        scheduler: with ``engine="dask"``, a ``distributed.Client``, a cluster or a scheduler
            address (``"tcp://host:8786"``); ``None`` starts a ``LocalCluster``.
        chunk_size: articles per chunk (per task and per Parquet part).
    """
    from tqdm.auto import tqdm

    from .sentiment import available_backends

    if engine not in ("processes", "dask"):
        raise ValueError(f"engine must be 'processes' or 'dask', not {engine!r}")
    if sentiment not in available_backends():  # fail early on an unknown backend name
        raise KeyError(f"unknown sentiment backend {sentiment!r}; registered: {', '.join(available_backends())}")
    source = _source(data)
    lexicons = {k: str(v) for k, v in (lexicons or {}).items() if v}
    settings = {"version": __version__, "backends": list(dict.fromkeys((sentiment, *EXTRA_BACKENDS))),
                "sentiment": sentiment, "lexicons": lexicons, "chunk_size": chunk_size}
    key_hash = _Key(settings)
    total = None
    if source.reusable:
        total = 0
        for _index, h, items in _chunks(source.items, chunk_size):
            key_hash.add_chunk(h)
            total += len(items)
    key = key_hash.finish(source) if source.reusable else None

    cache_dir = None if cache is False else (default_cache_dir() if cache in (None, True) else Path(cache))
    if cache_dir is not None and key is not None and (cache_dir / key).exists():
        try:
            return Results.load(cache_dir / key)
        except ValueError as exc:
            log.warning("recomputing a damaged cache entry: %s", exc)
            shutil.rmtree(cache_dir / key, ignore_errors=True)
    scratch = Path(tempfile.mkdtemp(prefix="narrative-analyze-")) if cache_dir is None else None
    parent = scratch or cache_dir
    work = parent / (f".{key}.partial" if key else f".stream-{uuid.uuid4().hex}.partial")
    for folder in ("chunks", *CHUNK_TABLES):
        (work / folder).mkdir(parents=True, exist_ok=True)

    done: list[tuple[int, str]] = []
    reused = [0]
    show = progress if progress is not None else (total is None or total > 50)
    bar = tqdm(total=total, desc="analyze", unit="article", disable=not show)

    def tasks() -> Iterator[tuple]:
        start = 0
        for index, h, items in _chunks(source.items, chunk_size):
            if key is None:
                key_hash.add_chunk(h)
            if _done_record(work, index, h).exists():
                done.append((index, h))
                reused[0] += 1
                bar.update(len(items))
            else:
                yield index, h, items, start
            start += len(items)

    run_args = (source.alignment, lexicons, sentiment)
    kill_after = int(os.environ.get(STOP_AFTER_ENV, "0") or 0)
    try:
        _warm(lexicons, sentiment)
        chunks = (_map_dask(tasks(), scheduler, workers, run_args) if engine == "dask"
                  else _map_local(tasks(), workers, run_args))
        written = 0
        for index, h, tables in chunks:
            _write_chunk(work, index, h, tables)
            done.append((index, h))
            bar.update(pq.read_metadata(io.BytesIO(tables["articles"])).num_rows)
            written += 1
            if written == kill_after:
                os.kill(os.getpid(), signal.SIGKILL)
    finally:
        bar.close()
    if reused[0]:
        log.info("resumed %d of %d chunks from %s", reused[0], len(done), work)
    key = key or key_hash.finish(source)
    _finish(work, done, source, {**settings, "key": key, "corpus": source.name})
    if scratch is not None:
        try:
            results = _open_entry(work)
            return Results(**{name: getattr(results, name) for name in TABLES}, settings=results.settings)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    try:
        os.replace(work, cache_dir / key)
    except OSError:  # another run finished the same entry first
        shutil.rmtree(work, ignore_errors=True)
    return Results.load(cache_dir / key)


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
