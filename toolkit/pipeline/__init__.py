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

import bisect
import contextlib
import datetime
import errno
import functools
import glob
import hashlib
import io
import itertools
import json
import logging
import math
import os
import re
import shutil
import signal
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no flock; folder locks are skipped (one run per cache entry is then up to the user)
    fcntl = None

import pandas as pd
import pyarrow as pa
import pyarrow.dataset as pads
import pyarrow.parquet as pq

from .. import __version__
from ..corpus import Article, Corpus
from ..lexicon import DEFAULT_DIR
from ..paths import cache_dir as cache_dir_default
from ..text import n_words, sentences
from ..vocab import STANCES

__all__ = ["analyze", "analyze_article", "Results", "TABLES", "SCHEMAS", "concat_results",
           "CacheEntry", "cache_entries", "prune_cache", "check_writable", "StorageError", "WorkerDied"]

log = logging.getLogger(__name__)

TABLES = ("articles", "sentences", "mentions", "quotes", "hedges", "actor_measures", "problems")
CHUNK_TABLES = TABLES[:-1]  # written per chunk; problems belong to the corpus
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


# ----------------------------------------------------------------------------------------------
# Parquet bytes and atomic files


def _missing(value) -> bool:
    """None, NaN or NaT (what pandas or a CSV reader puts where a value is absent)."""
    return value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value))


def _coerce(value, type_: pa.DataType):
    """One Python value as the column type wants it: a missing value is null (a float NaN stays NaN
    in a float column), a string column takes ``str``, an int column ``int``, a date column a date."""
    if pa.types.is_floating(type_):
        return None if value is None or value is pd.NaT else float(value)
    if _missing(value):
        return None
    if pa.types.is_string(type_):
        return value if isinstance(value, str) else str(value)
    if pa.types.is_integer(type_):
        return int(value)
    if pa.types.is_boolean(type_):
        return bool(value)
    if pa.types.is_date(type_):
        if isinstance(value, datetime.datetime):  # also a pandas Timestamp
            return value.date()
        if isinstance(value, datetime.date):
            return value
        return datetime.date.fromisoformat(str(value)[:10])
    return value


def _arrow_table(rows: list[dict], name: str) -> pa.Table:
    """Rows of Python values as a table of ``SCHEMAS[name]``, column by column (no type inference)."""
    schema = SCHEMAS[name]
    columns = []
    for f in schema:
        try:
            columns.append(pa.array([_coerce(r.get(f.name), f.type) for r in rows], type=f.type))
        except (TypeError, ValueError, pa.ArrowException) as exc:
            bad = next((r for r in rows if not _coerces(r.get(f.name), f.type)), {})
            raise ValueError(f"{name}.{f.name}: cannot store {bad.get(f.name)!r} of article "
                             f"{bad.get('article_id', bad.get('path'))!r} as {f.type} ({exc})") from exc
    return pa.Table.from_arrays(columns, schema=schema)


def _coerces(value, type_: pa.DataType) -> bool:
    try:
        pa.array([_coerce(value, type_)], type=type_)
    except (TypeError, ValueError, pa.ArrowException):
        return False
    return True


def _parquet_bytes(rows: list[dict], name: str) -> bytes:
    """One table as deterministic Parquet bytes (fixed schema, no pandas index, no timestamps)."""
    table = _arrow_table(rows, name) if rows else SCHEMAS[name].empty_table()
    sink = io.BytesIO()
    pq.write_table(table, sink, compression="zstd", store_schema=True)
    return sink.getvalue()


def _fsync_dir(path: Path) -> None:
    if os.name == "nt":  # a folder cannot be opened (nor fsynced) on Windows
        return
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
# folders the user names (--out, --cache): errors that say which and what to do


class WorkerDied(RuntimeError):
    """A worker process (local or Dask) died while analysing a chunk; the message names the chunk."""


class StorageError(OSError):
    """A folder the user named cannot be written; the message names it (not an internal temporary
    path) and says what to do."""

    def __init__(self, message: str, code: int | None = None) -> None:
        super().__init__(code, message)
        self.message = message

    def __str__(self) -> str:
        return self.message


_ADVICE = {
    errno.EROFS: "it is on a read-only file system; pass a folder on a writable disk",
    errno.ENOSPC: "the disk is full; free some space or pass a folder on another disk",
    errno.EDQUOT: "the disk quota is used up; free some space or pass a folder on another disk",
    errno.EACCES: "permission denied; pass a folder you can write to, or change its permissions",
    errno.EPERM: "permission denied; pass a folder you can write to, or change its permissions",
    errno.ENOTDIR: "a part of the path is a file, not a folder; pass another path",
    errno.EEXIST: "a file is in the way where a folder should be; pass another path",
}


def _storage_error(path: Path, what: str, exc: OSError) -> StorageError:
    reason = os.strerror(exc.errno) if exc.errno else str(exc)
    advice = _ADVICE.get(exc.errno, "pass another folder")
    if exc.errno in (errno.EEXIST, errno.ENOTDIR):  # name the file that is in the way
        blocker = next((p for p in [path, *path.parents] if p.exists() and not p.is_dir()), None)
        if blocker is not None:
            reason = f"{blocker} is a file"
    return StorageError(f"cannot write the {what} {path}: {reason}; {advice}", exc.errno)


@contextlib.contextmanager
def _writing(path: Path, what: str) -> Iterator[None]:
    """Turn a storage failure (read-only, full, not permitted, a file in the way) while writing
    under ``path`` into a :class:`StorageError` that names ``path``."""
    try:
        yield
    except StorageError:
        raise
    except OSError as exc:
        if exc.errno not in _ADVICE:
            raise
        raise _storage_error(path, what, exc) from exc


def check_writable(path: str | Path, what: str = "output folder", *, replace: bool = True) -> None:
    """Fail early, with a :class:`StorageError` naming ``path``, if it cannot be written.

    With ``replace`` (an output folder, written beside itself and renamed in) the parent folder is
    created and probed; otherwise ``path`` itself (a cache folder).
    """
    path = Path(path)
    folder = path.parent if replace else path
    with _writing(path, what):
        if replace and path.exists() and not path.is_dir():
            raise OSError(errno.EEXIST, "a file of that name exists")
        folder.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".write-test-", dir=folder)
        os.close(fd)
        os.unlink(probe)


# ----------------------------------------------------------------------------------------------
# crash-safe save: the new folder is written beside the old, the old is renamed aside, the new
# renamed in, then the old deleted; a later save or load finishes or undoes a killed one


@contextlib.contextmanager
def _dir_lock(folder: Path) -> Iterator[None]:
    if fcntl is None:
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def _save_leftovers(out_dir: Path, kind: str) -> list[Path]:
    """``.<name>.old-*`` (the previous output, renamed aside) or ``.<name>.tmp-*`` (a new one being
    written) beside ``out_dir``, oldest first."""
    found = out_dir.parent.glob(f".{glob.escape(out_dir.name)}.{kind}-*")
    return sorted(found, key=lambda p: (p.lstat().st_mtime, p.name))


def _remove(path: Path, *, ignore_errors: bool = False) -> None:
    """Delete a folder, or a file or symbolic link (an output that was a link to a folder)."""
    if path.is_symlink() or not path.is_dir():
        try:
            path.unlink(missing_ok=True)
        except OSError:
            if not ignore_errors:
                raise
    else:
        shutil.rmtree(path, ignore_errors=ignore_errors)


def _recover_save(out_dir: Path, *, clean: bool) -> None:
    """Finish a killed save: bring the previous output back if the new one never arrived, delete
    previous outputs left renamed aside, and with ``clean`` (a save, not a load) half-written new ones."""
    if not out_dir.parent.is_dir():
        return
    if not _save_leftovers(out_dir, "old") and not (clean and _save_leftovers(out_dir, "tmp")):
        return
    with _dir_lock(out_dir.parent):
        olds = _save_leftovers(out_dir, "old")
        if olds and not os.path.lexists(out_dir):
            os.replace(olds.pop(), out_dir)
            log.warning("restored %s, which a killed save had renamed aside", out_dir)
        for leftover in olds + (_save_leftovers(out_dir, "tmp") if clean else []):
            _remove(leftover, ignore_errors=True)


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
        """Write each table as ``<name>.parquet`` plus ``settings.json`` into ``out_dir``, crash-safe.

        The new folder is written beside ``out_dir``; only when it is complete is the previous
        ``out_dir`` renamed aside, the new one renamed in and the previous one deleted, so a killed
        save leaves the previous output (restored by the next :meth:`save` or :meth:`load`) or the
        new one, never neither. Tables still on disk are copied part by part (bounded memory).

        Raises:
            StorageError: ``out_dir`` cannot be written (read-only, full, a file in the way).
        """
        out_dir = Path(out_dir)
        with _writing(out_dir, "output folder"):
            out_dir.parent.mkdir(parents=True, exist_ok=True)
            if out_dir.exists() and not out_dir.is_dir():
                raise OSError(errno.EEXIST, "a file of that name exists")
            _recover_save(out_dir, clean=True)
            tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.tmp-", dir=out_dir.parent))
            old = None
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
                for file in tmp.iterdir():
                    with open(file, "r+b") as fh:  # Windows fsyncs only descriptors open for writing
                        os.fsync(fh.fileno())
                with _dir_lock(out_dir.parent):
                    if os.path.lexists(out_dir):
                        old = out_dir.with_name(f".{out_dir.name}.old-{uuid.uuid4().hex}")
                        os.replace(out_dir, old)
                    os.replace(tmp, out_dir)
                _fsync_dir(out_dir.parent)
            except BaseException:
                if old is not None and not os.path.lexists(out_dir):  # put the previous output back
                    with contextlib.suppress(Exception):
                        os.replace(old, out_dir)
                raise
            finally:
                if tmp.exists():
                    shutil.rmtree(tmp, ignore_errors=True)
        if old is not None:
            try:
                _remove(old)
            except OSError as exc:  # the new output is in place; the next save removes the old one
                log.warning("could not remove the previous output %s: %s", old, exc)
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
            _recover_save(path, clean=False)
        except OSError as exc:
            log.warning("could not restore %s from an interrupted save: %s", path, exc)
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
        if not self.sorted:
            return next((i for i, (s, e) in enumerate(self.spans) if s <= start and end <= e), None)
        n = bisect.bisect_right(self.starts, start)  # spans[:n] open at or before start
        i = bisect.bisect_left(self.reach, end, 0, n)  # first of them whose end reaches end
        return i if i < n else None


def _inside(start: int, end: int, spans: _Spans) -> bool:
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
    from ..actors import find_mentions, load_actors
    from ..hedging import find_hedges, load_hedges
    from ..quotes import extract_quotes, load_verbs
    from ..sentiment import voice

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
                                  "n_words": n_words(text, s.start, s.end), "section": article.section_at(s.start)})

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
        q_words = n_words(text, q.start, q.end)
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
    from ..corpus import _default_outlets

    if isinstance(data, Corpus):
        return _Source(data, data.name, data.alignment, tuple(data.problems), True)
    # records: a record without a text is a problem, a repeated id gets a #n suffix (corpus.records);
    # a list is cleaned once (its problems are known before the key), a stream lazily (problems
    # fill in as it is read, before the problems table is written)
    from ..corpus import records

    problems: list = []
    if iter(data) is not data:
        items = list(records(data, problems))
        return _Source(items, "records", _default_outlets(), tuple(problems), True)
    return _Source(records(data, problems), "records", _default_outlets(), problems, False)


def _article(item, i: int) -> Article:
    """An Article as is; a record (dict with ``id`` and ``text``) cleaned like a txt article, its fields
    and date read as :func:`toolkit.corpus.load_corpus` reads them (:func:`toolkit.corpus.record_article`)."""
    from ..corpus import record_article

    if isinstance(item, Article):
        return item
    article, notes = record_article(item, i)
    if "original_id" in item:
        log.warning("record %d: id %r repeated; renamed %s", i, item["original_id"], article.id)
    for note in notes:
        if note.action in ("epoch_date", "ambiguous_date", "unparsed_date"):
            log.info("%s: %s", note.article_id, note.detail)
    return article


def _digest(item, i: int) -> bytes:
    """SHA-256 of one article's content (an Article's fields and metadata, or a record's JSON).

    The metadata (source file, flags, alignment, ...) is part of it because it reaches the tables:
    a corpus copied to another folder must not be served with the old ``source`` paths.
    """
    if isinstance(item, Article):
        body = [item.id, item.outlet, str(item.date), item.title, item.text,
                [tuple(s.__dict__.values()) for s in item.sections], item.meta, list(item.markup)]
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
    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.suffix in (".py", ".yml", ".json") and p.is_file()):
        h.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def _backend_fingerprint(name: str) -> str:
    """What identifies a sentiment backend's model beyond its name (a trained model's manifest);
    a packaged backend is identified by the package's files, so a cached run need not load it."""
    from ..sentiment import get_backend, packaged_backend

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
    from ..actors import load_actors
    from ..hedging import load_hedges
    from ..quotes import load_verbs
    from ..sentiment import get_backend

    load_actors(lexicons.get("actors"))
    load_hedges(lexicons.get("hedges"))
    load_verbs(lexicons.get("verbs"))
    for name in dict.fromkeys((sentiment, *EXTRA_BACKENDS)):
        get_backend(name)


def _problem_of(item, i: int, exc: Exception) -> dict:
    """The ``problems`` row of an article whose analysis raised: where it came from and why."""
    meta = getattr(item, "meta", None) or (item if isinstance(item, dict) else {})
    aid = item.id if isinstance(item, Article) else (item.get("id", i) if isinstance(item, dict) else i)
    where = meta.get("source") or f"article {aid}"
    line = next((meta[u] for u in ("row", "line") if isinstance(meta.get(u), int)), None)
    unit = next((u for u in ("row", "line") if isinstance(meta.get(u), int)), "article")
    message = " ".join(str(exc).split())[:500]
    return {"path": str(where), "line": line, "unit": unit,
            "why": f"article {aid} not analysed: {type(exc).__name__}: {message}"}


def _run_chunk(items: list, start: int, alignment: dict, lexicons: dict, sentiment: str) -> dict[str, bytes]:
    """Analyse one chunk of articles; return each table as Parquet bytes, and under ``"problems"``
    the JSON list of the articles that failed (those have no rows in any table)."""
    articles, per_article, problems = [], [], []
    for j, item in enumerate(items):
        try:
            article = _article(item, start + j)
            per_article.append(analyze_article(article, lexicons, sentiment))
            articles.append(article)
        except Exception as exc:  # one bad article never costs the run: it becomes a problem row
            problems.append(_problem_of(item, start + j, exc))
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
    tables = {name: _parquet_bytes(rows[name], name) for name in CHUNK_TABLES}
    tables["problems"] = json.dumps(problems, sort_keys=True).encode()
    return tables


# ----------------------------------------------------------------------------------------------
# engines: map chunks, at most a few in flight, results as they complete

PR_SET_PDEATHSIG = 1  # linux/prctl.h
# Descriptors of the working folders this process holds locked: a forked pool worker inherits them
# and closes its copies at start-up, so the lock goes with the run, not with a straggling worker.
_HELD_LOCKS: set[int] = set()


def _parent_gone(parent: int, ppid: int) -> bool:
    """Whether the run's process ``parent`` has died. Under ``fork`` and ``spawn`` it is the worker's
    parent; under ``forkserver`` (Python 3.14's default on Linux) the parent is the fork server, so
    the run is watched through ``multiprocessing.parent_process()`` (its sentinel), not ``getppid``."""
    import multiprocessing

    proc = multiprocessing.parent_process()
    if proc is not None and proc.pid == parent:
        return not proc.is_alive()
    return os.getppid() != ppid


def _die() -> None:
    os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))  # no SIGKILL on Windows


def _watch_parent(parent: int, ppid: int) -> None:
    while True:
        time.sleep(1.0)
        if _parent_gone(parent, ppid):
            _die()


def _worker_init(parent: int) -> None:
    """Pool worker start-up: die with the parent process (``kill -9`` of the run leaves no workers).

    Linux delivers SIGKILL when the parent dies (``prctl(PR_SET_PDEATHSIG)``); a thread polling
    ``os.getppid()`` covers other systems. The worker first closes its inherited copies of the run's
    folder lock, so a worker still exiting never holds the lock of a dead run.
    """
    import ctypes
    import ctypes.util

    for fd in _HELD_LOCKS:  # copies inherited by fork; closing them leaves the parent's lock alone
        try:
            os.close(fd)
        except OSError:
            pass
    _HELD_LOCKS.clear()
    ppid = os.getppid()  # the run's process, or the fork server that forked this worker
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError, TypeError):
            pass
    if _parent_gone(parent, ppid):  # the parent died before the signal was armed
        _die()
    threading.Thread(target=_watch_parent, args=(parent, ppid), name="narrative-parent-watch", daemon=True).start()


def _span(start: int, n: int) -> str:
    return f"articles {start}-{start + n - 1}" if n > 1 else f"article {start}"


def _map_local(tasks: Iterator[tuple], workers: int, run_args: tuple) -> Iterator[tuple]:
    """``(index, hash, tables)`` per task, in-process or on ``workers`` local processes."""
    if workers <= 1:
        for index, h, items, start in tasks:
            yield index, h, _run_chunk(items, start, *run_args)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_worker_init, initargs=(os.getpid(),)) as pool:
        pending: dict = {}
        for task in itertools.chain(tasks, [None]):
            if task is not None:
                index, h, items, start = task
                pending[pool.submit(_run_chunk, items, start, *run_args)] = (index, h, start, len(items))
                if len(pending) < 2 * workers:
                    continue
            while pending and (task is None or len(pending) >= 2 * workers):
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in sorted(done, key=lambda f: pending[f][0]):
                    index, h, start, n = pending.pop(future)
                    try:
                        tables = future.result()
                    except BrokenProcessPool as exc:
                        others = sorted(i for i, *_ in pending.values())
                        also = f" (chunks {', '.join(map(str, others))} were also in flight)" if others else ""
                        raise WorkerDied(f"a worker process died while analysing chunk {index} "
                                           f"({_span(start, n)}){also}; the finished chunks are kept and "
                                           f"the next run resumes from them") from exc
                    yield index, h, tables


def _map_dask(tasks: Iterator[tuple], scheduler, workers: int, run_args: tuple) -> Iterator[tuple]:
    """``(index, hash, tables)`` per task, computed on a Dask cluster (dask.distributed)."""
    from distributed import Client, LocalCluster, as_completed
    from distributed.scheduler import KilledWorker

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
        spans = {}
        for index, h, items, start in itertools.islice(tasks, window):
            spans[index] = _span(start, len(items))
            futures.add(client.submit(_run_chunk, items, start, *run_args, key=f"analyze-{h}-{index}"))
        for future in futures:
            index, h = future.key.split("-")[2], future.key.split("-")[1]
            try:
                tables = future.result()
            except KilledWorker as exc:
                raise WorkerDied(f"Dask workers died while analysing chunk {index} ({spans.get(int(index))}); "
                                   f"the finished chunks are kept and the next run resumes from them") from exc
            yield int(index), h, tables
            future.release()
            for index, h, items, start in itertools.islice(tasks, 1):
                spans[index] = _span(start, len(items))
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
    for name in CHUNK_TABLES:
        file = f"{name}/part-{index:06d}.parquet"
        record[name] = {"file": file, "sha256": _write_atomic(work / file, tables[name])}
    record["problems"] = json.loads(tables.get("problems", b"[]"))
    _write_atomic(_done_record(work, index, h), json.dumps(record, sort_keys=True).encode())


def _check_record(work: Path, index: int, h: str) -> str | None:
    """Why a finished chunk's done-record cannot be reused (unreadable, or a part missing or not
    matching its SHA-256), or None when it is sound."""
    try:
        record = json.loads(_done_record(work, index, h).read_text())
        for name in CHUNK_TABLES:
            part = record[name]
            if _sha256(work / part["file"]) != part["sha256"]:
                return f"{part['file']} does not match its checksum"
        if not isinstance(record.get("problems", []), list):
            return "its problems are not a list"
    except FileNotFoundError as exc:
        return f"{Path(exc.filename).name if exc.filename else 'a part'} is missing"
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return f"its record is damaged ({type(exc).__name__}: {exc})"
    return None


def _finish(work: Path, done: list[tuple[int, str]], source: _Source, settings: dict) -> None:
    """Write the problems table and the manifest; drop done-records and leftover temporary files.

    Problems are the corpus's load problems, then the articles that failed, in chunk order.
    """
    problems = [{"path": p.path, "line": p.line, "unit": getattr(p, "unit", "line"), "why": p.why}
                for p in source.problems]
    tables: dict[str, list[dict]] = {name: [] for name in TABLES}
    for index, h in sorted(done):
        record = json.loads(_done_record(work, index, h).read_text())
        for name in CHUNK_TABLES:
            tables[name].append(record[name])
        problems.extend(record.get("problems", []))
    sha = _write_atomic(work / "problems.parquet", _parquet_bytes(problems, "problems"))
    tables["problems"].append({"file": "problems.parquet", "sha256": sha})
    shutil.rmtree(work / "chunks")
    (work / RUN_FILE).unlink(missing_ok=True)
    for leftover in work.rglob(".tmp-*"):
        leftover.unlink()
    manifest = {"settings": settings, "tables": tables}
    _write_atomic(work / "manifest.json", json.dumps(manifest, indent=1, sort_keys=True).encode())
    for folder in [work, *(work / name for name in CHUNK_TABLES)]:
        _fsync_dir(folder)


# ----------------------------------------------------------------------------------------------
# cache entries: one lock per entry, a listing, pruning

RUN_FILE = "run.json"  # in a working folder: corpus name and start time, for the listing
_ENTRY = re.compile(r"(?P<key>[0-9a-f]{24})|\.(?P<partial>[0-9a-f]{24}|stream-[0-9a-f]{32})\.partial")


def _try_lock(fd: int) -> bool:
    if fcntl is None:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _claim(work: Path, entry: Path | None) -> int | None:
    """Create and lock the working folder ``work`` (an exclusive ``flock`` on the folder); wait,
    saying so, while another run holds it. Return the locked descriptor, or None when ``entry``
    (the finished cache entry) exists, e.g. because the run we waited for finished it."""
    waited = False
    while True:
        if entry is not None and entry.exists():
            return None
        work.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(work, os.O_RDONLY)
        except FileNotFoundError:  # renamed or pruned meanwhile
            continue
        if not _try_lock(fd):
            if not waited:
                log.warning("waiting for another run that is computing the same analysis in %s", work)
                waited = True
            fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            same = os.stat(work).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            same = False
        if same and entry is not None and entry.exists():  # a run finished it while we made ours
            shutil.rmtree(work, ignore_errors=True)
            same = False
        if same:
            return fd
        os.close(fd)


@dataclass(frozen=True)
class CacheEntry:
    """One entry of the analysis cache (see :func:`cache_entries`)."""

    key: str  # the cache key (``stream-...`` for a run over a one-shot iterator)
    path: Path
    corpus: str  # the corpus name ("" when unknown)
    size: int  # bytes
    age_days: float  # since the entry was last written or read
    finished: bool  # False: the working folder of a run that was killed, failed or is running
    locked: bool  # a run is using it now (never pruned)


def _entry_of(path: Path, now: float) -> CacheEntry | None:
    m = _ENTRY.fullmatch(path.name)
    if m is None or not path.is_dir() or path.is_symlink():
        return None
    finished = m.group("key") is not None
    corpus = ""
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError, AttributeError):
        info = json.loads((path / ("manifest.json" if finished else RUN_FILE)).read_text())
        corpus = str((info["settings"] if finished else info).get("corpus", ""))
    try:  # a run may finish (rename) or a prune delete the folder while it is listed
        size, latest = 0, path.stat().st_mtime
        for p in path.rglob("*"):
            with contextlib.suppress(OSError):
                st = p.lstat()
                size += st.st_size if p.is_file() else 0
                latest = max(latest, st.st_mtime)
    except FileNotFoundError:
        return None
    locked = False
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            locked = not _try_lock(fd)
        finally:
            os.close(fd)
    return CacheEntry(m.group("key") or m.group("partial"), path, corpus, size, max(now - latest, 0.0) / 86400,
                      finished, locked)


def cache_entries(cache_dir: str | Path | None = None) -> list[CacheEntry]:
    """The finished entries and working (``.partial``) folders of the analysis cache, oldest first.

    Other things in the cache folder (e.g. ``models/``) are not entries and are left alone.
    """
    cache_dir = Path(cache_dir) if cache_dir is not None else cache_dir_default()
    if not cache_dir.is_dir():
        return []
    now = time.time()
    entries = [e for e in (_entry_of(p, now) for p in sorted(cache_dir.iterdir())) if e is not None]
    return sorted(entries, key=lambda e: (-e.age_days, e.key))


def prune_cache(cache_dir: str | Path | None = None, *, older_than_days: float | None = None,
                dry_run: bool = False) -> list[CacheEntry]:
    """Delete cache entries (finished or partial) not used for ``older_than_days`` days (all when
    None); return the ones deleted (with ``dry_run``, the ones that would be). An entry a run holds
    locked is never deleted."""
    pruned = []
    for entry in cache_entries(cache_dir):
        if entry.locked or (older_than_days is not None and entry.age_days < older_than_days):
            continue
        if dry_run:
            pruned.append(entry)
            continue
        try:
            fd = os.open(entry.path, os.O_RDONLY)
        except FileNotFoundError:
            continue
        try:
            if not _try_lock(fd):  # a run took it since the listing
                continue
            try:
                shutil.rmtree(entry.path)
            except OSError as exc:  # e.g. a file in it the user may not delete: say so, go on
                log.warning("could not remove cache entry %s: %s", entry.path, exc)
                continue
            pruned.append(entry)
        finally:
            os.close(fd)
    return pruned


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
        cache: ``None``/``True`` use :func:`toolkit.paths.cache_dir`, a path uses that folder, ``False``
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
    from ..sentiment import available_backends

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

    cache_dir = None if cache is False else (cache_dir_default() if cache in (None, True) else Path(cache))
    entry = cache_dir / key if cache_dir is not None and key is not None else None
    if entry is not None and entry.exists():
        hit = _cached(entry)
        if hit is not None:
            return hit
    _warm(lexicons, sentiment)  # a malformed lexicon fails here, before any folder is made
    if cache_dir is not None:
        check_writable(cache_dir, "cache folder", replace=False)  # before any work is done
    scratch = Path(tempfile.mkdtemp(prefix="narrative-analyze-")) if cache_dir is None else None
    parent = scratch or cache_dir
    where = (parent, "temporary folder") if scratch is not None else (cache_dir, "cache folder")
    work = parent / (f".{key}.partial" if key else f".stream-{uuid.uuid4().hex}.partial")
    try:
        with _writing(*where):
            lock = _claim(work, entry)
        if lock is None:  # another run finished this entry while we waited for it
            return Results.load(entry)
        _HELD_LOCKS.add(lock)
        try:
            return _compute(source, work, key, key_hash, entry, cache_dir, scratch, where, settings, lexicons,
                            sentiment, engine, scheduler, workers, chunk_size, total, progress)
        finally:
            _HELD_LOCKS.discard(lock)
            os.close(lock)
    finally:
        if scratch is not None:  # without a cache nothing can resume: a failed run leaves no folder
            shutil.rmtree(scratch, ignore_errors=True)


def _cached(entry: Path) -> Results | None:
    """A finished cache entry, or None (after a warning, and deleting it) when it is damaged."""
    try:
        results = Results.load(entry)
    except ValueError as exc:
        log.warning("recomputing a damaged cache entry: %s", exc)
        shutil.rmtree(entry, ignore_errors=True)
        return None
    with contextlib.suppress(OSError):  # its age in the cache listing counts from the last use
        os.utime(entry)
    return results


def _compute(source: _Source, work: Path, key: str | None, key_hash: _Key, entry: Path | None,
             cache_dir: Path | None, scratch: Path | None, where: tuple, settings: dict, lexicons: dict,
             sentiment: str, engine: str, scheduler, workers: int, chunk_size: int, total: int | None,
             progress: bool | None) -> Results:
    """The body of :func:`analyze` once its working folder ``work`` is locked."""
    from tqdm.auto import tqdm

    with _writing(*where):
        for folder in ("chunks", *CHUNK_TABLES):
            (work / folder).mkdir(parents=True, exist_ok=True)
        if not (work / RUN_FILE).exists():
            run_info = {"corpus": source.name, "started": datetime.datetime.now(datetime.timezone.utc).isoformat()}
            _write_atomic(work / RUN_FILE, json.dumps(run_info, sort_keys=True).encode())

    done: list[tuple[int, str]] = []
    reused: list[int] = []
    recomputed: list[int] = []
    show = progress if progress is not None else (total is None or total > 50)
    bar = tqdm(total=total, desc="analyze", unit="article", disable=not show)

    def tasks() -> Iterator[tuple]:
        start = 0
        for index, h, items in _chunks(source.items, chunk_size):
            if key is None:
                key_hash.add_chunk(h)
            if _done_record(work, index, h).exists():
                why = _check_record(work, index, h)
                if why is None:
                    done.append((index, h))
                    reused.append(index)
                    bar.update(len(items))
                    start += len(items)
                    continue
                log.warning("recomputing chunk %d of the interrupted run in %s: %s", index, work, why)
                recomputed.append(index)
                _done_record(work, index, h).unlink(missing_ok=True)
            yield index, h, items, start
            start += len(items)

    run_args = (source.alignment, lexicons, sentiment)
    kill_after = int(os.environ.get(STOP_AFTER_ENV, "0") or 0)
    try:
        chunks = (_map_dask(tasks(), scheduler, workers, run_args) if engine == "dask"
                  else _map_local(tasks(), workers, run_args))
        written = 0
        for index, h, tables in chunks:
            with _writing(*where):
                _write_chunk(work, index, h, tables)
            done.append((index, h))
            failed = json.loads(tables.get("problems", b"[]"))
            for problem in failed:
                log.warning("%s: %s", problem["path"], problem["why"])
            bar.update(pq.read_metadata(io.BytesIO(tables["articles"])).num_rows + len(failed))
            written += 1
            if written == kill_after:
                os.kill(os.getpid(), signal.SIGKILL)
    finally:
        bar.close()
    if reused:
        log.warning("resumed %d of %d chunks from %s (an interrupted run)", len(reused), len(done), work)
    key = key or key_hash.finish(source)
    with _writing(*where):
        _finish(work, done, source, {**settings, "key": key, "corpus": source.name})
    resumed = {"resumed_chunks": len(reused), "recomputed_chunks": recomputed} if reused or recomputed else {}
    if scratch is not None:
        try:
            results = _open_entry(work)
            return Results(**{name: getattr(results, name) for name in TABLES}, settings=results.settings)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    entry = cache_dir / key
    with _writing(*where):
        try:
            os.replace(work, entry)
        except OSError:  # another run finished the same entry first (a one-shot stream's)
            shutil.rmtree(work, ignore_errors=True)
    results = Results.load(entry)
    results.settings.update(resumed)  # says so to the caller; the entry's manifest stays as a fresh run's
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
