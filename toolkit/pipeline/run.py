"""``analyze``: a corpus through the per-article measures, chunk by chunk, into a cache entry."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
import itertools
import json
import logging
import os
import shutil
import uuid
from collections.abc import Iterator, Sized
from pathlib import Path

import pyarrow as pa

from .. import __version__
from ..corpus import read_alignment
from ..paths import cache_dir as cache_dir_default
from .chunk import _warm
from .engines import _HELD_LOCKS, _map_dask, _map_local
from .keys import _Key
from .measures import SIDE_BACKENDS
from .results import Results
from .schemas import CHUNK_TABLES, SCHEMAS, _table, _to_pandas
from .source import _chunks, _source, _Source
from .store import (RUN_FILE, _check_record, _claim, _done_record, _finish, _problem_rows, _write_atomic, _write_chunk,
                    _writing, check_writable)

log = logging.getLogger(__name__)

LEXICON_KINDS = ("actors", "verbs", "hedges", "labels", "outlets")
"""The keys ``analyze(..., lexicons=...)`` takes."""


def analyze(data, *, workers: int = 1, lexicons: dict | None = None, cache: bool | str | Path | None = None,
            progress: bool | None = None, sentiment: str = "default", side_backends: bool = False,
            engine: str = "processes", scheduler=None, chunk_size: int = 16,
            labels_as_mentions: bool = False, hedge_filter: bool = True) -> Results:
    """Analyse a corpus (or records with ``id`` and ``text``) into :class:`Results`.

    Articles are analysed in chunks of ``chunk_size``; each chunk's tables are written as Parquet
    parts (atomically) into a working folder of the cache, so a killed run resumes from its
    finished chunks, and memory does not grow with the corpus. The finished entry gets a manifest
    with each part's SHA-256 (checked on load; a damaged entry is recomputed). Same inputs and
    settings give byte-identical parts, whatever ``workers`` or ``engine``.

    Args:
        data: a :class:`~toolkit.corpus.Corpus`, or records with at least ``id`` and ``text``
            (``outlet``, ``date``, ``title`` and other keys become metadata). With a cache, a list or
            another re-iterable collection is read twice (key, then chunks); a one-shot iterator (e.g.
            a generator over a corpus larger than memory) is read once, and its run cannot resume.
        workers: processes on this machine (1 runs in-process); with ``engine="dask"`` and no
            ``scheduler``, the size of the ``LocalCluster`` started for the run. Never more than
            the chunks of a corpus of known size: a run of one chunk starts no worker.
        lexicons: optional paths ``{"actors": ..., "verbs": ..., "hedges": ..., "labels": ...}`` to
            user YAML files (each extends the bundled lexicon of that name), and ``"outlets"``: outlet
            alignments laid over the corpus's (see :func:`toolkit.corpus.read_alignment`). Another
            key raises ``ValueError`` naming the valid ones.
        cache: ``None``/``True`` use :func:`toolkit.paths.cache_dir`, a path uses that folder, ``False``
            writes nothing and returns the tables in memory (the chunks' Arrow tables, no Parquet;
            such a run cannot resume).
        progress: show a tqdm progress bar (default: when there are more than 50 articles).
        sentiment: the registered backend behind ``portrayal`` and ``voice`` (e.g. ``"default"``,
            ``"vader"`` or a name given to :func:`toolkit.sentiment.register_backend`; on a Dask
            cluster it must be registered in the workers too).
        side_backends: also score every mention and quote with VADER and TextBlob, filling the
            ``portrayal_vader``, ``portrayal_textblob``, ``voice_vader`` and ``voice_textblob``
            columns of ``actor_measures`` (null otherwise; they are a robustness check of the main
            backend, and cost about a third of the run).
        engine: ``"processes"`` (local) or ``"dask"`` (dask.distributed).
        scheduler: with ``engine="dask"``, a ``distributed.Client``, a cluster or a scheduler
            address (``"tcp://host:8786"``); ``None`` starts a ``LocalCluster``.
        chunk_size: articles per chunk (per task and per Parquet part).
        labels_as_mentions: a label naming a camp ("terrorists" in SANA: the opposition) also
            counts as a mention of that camp's generic actor (``how="label"`` in ``mentions``),
            unless it overlaps a mention, so portrayal and distancing exist for camps an outlet
            only labels. Off by default (the ``labels`` table is filled either way); part of the
            cache key.
        hedge_filter: judge each hedge the lexicon finds with the news hedge filter
            (:mod:`toolkit.hedge_filter`): one it judges no hedge keeps its ``hedges`` row with role
            ``filtered``, how ``filter`` and no actor, and counts for none. On by default; ``False``
            gives the finder's and attachment rules' hedges alone. Part of the cache key.
    """
    from ..sentiment import available_backends

    if engine not in ("processes", "dask"):
        raise ValueError(f"engine must be 'processes' or 'dask', not {engine!r}")
    if scheduler is not None and engine != "dask":  # it would be ignored: say so instead
        raise ValueError("scheduler= is used only with engine='dask'")
    if sentiment not in available_backends():  # fail early on an unknown backend name
        raise KeyError(f"unknown sentiment backend {sentiment!r}; registered: {', '.join(available_backends())}")
    unknown = sorted(set(lexicons or {}) - set(LEXICON_KINDS), key=str)
    if unknown:
        raise ValueError(f"unknown lexicon(s) {', '.join(map(repr, unknown))}; valid: {', '.join(LEXICON_KINDS)}")
    source = _source(data)
    lexicons = {k: str(v) for k, v in (lexicons or {}).items() if v}
    if "outlets" in lexicons:  # alignments over the corpus's: they reach the tables and the cache key
        source = dataclasses.replace(source, alignment={**source.alignment, **read_alignment(lexicons["outlets"])})
    backends = (sentiment, *(SIDE_BACKENDS if side_backends else ()))
    settings = {"version": __version__, "backends": list(dict.fromkeys(backends)), "sentiment": sentiment,
                "side_backends": bool(side_backends), "lexicons": lexicons, "chunk_size": chunk_size,
                "labels_as_mentions": bool(labels_as_mentions), "hedge_filter": bool(hedge_filter)}
    key_hash = _Key(settings)
    total, plan = None, None
    # With a cache the key comes first (a finished entry is served as it is), and its pass's chunk
    # hashes and sizes serve the tasks; without one it is taken as the chunks go to the workers.
    if source.reusable and cache is not False:
        plan = []
        for _index, h, items in _chunks(source.items, chunk_size):
            key_hash.add_chunk(h)
            plan.append((h, len(items)))
        total = sum(n for _h, n in plan)
    elif isinstance(source.items, Sized):
        total = len(source.items)
    key = key_hash.finish(source) if plan is not None else None

    cache_dir = None if cache is False else (cache_dir_default() if cache in (None, True) else Path(cache))
    entry = cache_dir / key if cache_dir is not None and key is not None else None
    if entry is not None and entry.exists():
        hit = _cached(entry)
        if hit is not None:
            return hit
    _warm(lexicons, sentiment, settings["side_backends"])  # a malformed lexicon fails here, before any folder is made
    if cache_dir is None:  # nothing to resume or serve: no folder, the tables stay in memory
        return _in_memory(source, key_hash, settings, lexicons, sentiment, engine, scheduler, workers,
                          chunk_size, total, progress)
    check_writable(cache_dir, "cache folder", replace=False)  # before any work is done
    where = (cache_dir, "cache folder")
    work = cache_dir / (f".{key}.partial" if key else f".stream-{uuid.uuid4().hex}.partial")
    with _writing(*where):
        lock = _claim(work, entry)
    if lock is None:  # another run finished this entry while we waited for it
        return Results.load(entry)
    _HELD_LOCKS.add(lock)
    try:
        return _compute(source, work, key, key_hash, entry, cache_dir, where, settings, lexicons,
                        sentiment, engine, scheduler, workers, chunk_size, total, plan, progress)
    finally:
        _HELD_LOCKS.discard(lock)
        os.close(lock)


def _bar(total: int | None, progress: bool | None):
    from tqdm.auto import tqdm

    show = progress if progress is not None else (total is None or total > 50)
    return tqdm(total=total, desc="analyze", unit="article", disable=not show)


def _run_args(source: _Source, lexicons: dict, sentiment: str, settings: dict, in_memory: bool) -> tuple:
    """The arguments every chunk of a run is analysed with, after its items and start
    (:func:`~toolkit.pipeline.chunk._run_chunk`'s order)."""
    return (source.alignment, lexicons, sentiment, settings["side_backends"], settings["labels_as_mentions"],
            settings["hedge_filter"], in_memory)


def _map(tasks: Iterator[tuple], engine: str, scheduler, workers: int, total: int | None, chunk_size: int,
         run_args: tuple) -> Iterator[tuple]:
    """``(index, hash, tables)`` of each task on the engine, with no more worker processes than chunks
    (a one-chunk run starts none)."""
    if total is not None:
        workers = min(workers, -(-total // chunk_size))
    return (_map_dask(tasks, scheduler, workers, run_args) if engine == "dask"
            else _map_local(tasks, workers, run_args))


def _warn_problems(tables: dict) -> list[dict]:
    """A chunk's problem rows (failed or not-English articles), each logged as a warning."""
    problems = json.loads(tables.get("problems", b"[]"))
    for problem in problems:
        log.warning("%s: %s", problem["path"], problem["why"])
    return problems


def _in_memory(source: _Source, key_hash: _Key, settings: dict, lexicons: dict, sentiment: str, engine: str,
               scheduler, workers: int, chunk_size: int, total: int | None, progress: bool | None) -> Results:
    """A run without a cache: the chunks' Arrow tables (no Parquet, no folder: nothing can resume)
    gathered in chunk order into Results holding its tables in memory, the same tables and settings
    as the cache entry of the same run would give (``tests/test_pipeline_engines.py``). Each table's
    Arrow parts are dropped as it is converted, so the Arrow and pandas copies of all tables are
    never held at once."""
    sizes: dict[int, int] = {}  # items per chunk in flight, for the progress bar

    def tasks() -> Iterator[tuple]:
        start = 0
        for index, h, items in _chunks(source.items, chunk_size):
            key_hash.add_chunk(h)
            sizes[index] = len(items)
            yield index, h, items, start
            start += len(items)

    run_args = _run_args(source, lexicons, sentiment, settings, in_memory=True)
    parts: dict[int, dict] = {}
    problems: dict[int, list[dict]] = {}
    bar = _bar(total, progress)
    try:
        for index, _h, tables in _map(tasks(), engine, scheduler, workers, total, chunk_size, run_args):
            parts[index] = tables
            problems[index] = _warn_problems(tables)
            bar.update(sizes.pop(index))  # its articles, analysed or failed
    finally:
        bar.close()
    order = sorted(parts)
    frames = {}
    for name in CHUNK_TABLES:
        tables = [parts[i].pop(name) for i in order]
        frames[name] = _to_pandas(pa.concat_tables(tables) if tables else SCHEMAS[name].empty_table())
    rows = _problem_rows(source.problems) + [row for i in order for row in problems[i]]
    frames["problems"] = _to_pandas(_table(rows, "problems"))
    manifest = {**settings, "key": key_hash.finish(source), "corpus": source.name}
    return Results(**frames, settings=json.loads(json.dumps(manifest, sort_keys=True)))  # as a manifest gives it


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


def _planned(items, plan: list[tuple[str, int]]) -> Iterator[tuple]:
    """``(index, hash, items)`` of a re-readable source's chunks, their hashes taken from ``plan``
    (``(hash, size)`` per chunk, from the pass that made the key): the items are not hashed twice."""
    it = iter(items)
    for index, (h, n) in enumerate(plan):
        chunk = list(itertools.islice(it, n))
        if not chunk:  # a collection that shrank between its two readings
            return
        yield index, h, chunk


def _compute(source: _Source, work: Path, key: str | None, key_hash: _Key, entry: Path | None,
             cache_dir: Path, where: tuple, settings: dict, lexicons: dict,
             sentiment: str, engine: str, scheduler, workers: int, chunk_size: int, total: int | None,
             plan: list[tuple[str, int]] | None, progress: bool | None) -> Results:
    """The body of :func:`analyze` with a cache, once its working folder ``work`` is locked."""
    with _writing(*where):
        for folder in ("chunks", *CHUNK_TABLES):
            (work / folder).mkdir(parents=True, exist_ok=True)
        if not (work / RUN_FILE).exists():
            run_info = {"corpus": source.name, "started": datetime.datetime.now(datetime.timezone.utc).isoformat()}
            _write_atomic(work / RUN_FILE, json.dumps(run_info, sort_keys=True).encode())

    done: list[tuple[int, str]] = []
    reused: list[int] = []
    recomputed: list[int] = []
    bar = _bar(total, progress)
    sizes: dict[int, int] = {}  # items per chunk in flight, for the progress bar

    def tasks() -> Iterator[tuple]:
        start = 0
        for index, h, items in _chunks(source.items, chunk_size) if plan is None else _planned(source.items, plan):
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
            sizes[index] = len(items)
            yield index, h, items, start
            start += len(items)

    run_args = _run_args(source, lexicons, sentiment, settings, in_memory=False)
    try:
        for index, h, tables in _map(tasks(), engine, scheduler, workers, total, chunk_size, run_args):
            with _writing(*where):
                _write_chunk(work, index, h, tables)
            done.append((index, h))
            _warn_problems(tables)
            bar.update(sizes.pop(index))  # its articles, analysed or failed
    finally:
        bar.close()
    if reused:
        log.warning("resumed %d of %d chunks from %s (an interrupted run)", len(reused), len(done), work)
    key = key or key_hash.finish(source)
    with _writing(*where):
        _finish(work, done, source.problems, {**settings, "key": key, "corpus": source.name})
    resumed = {"resumed_chunks": len(reused), "recomputed_chunks": recomputed} if reused or recomputed else {}
    entry = cache_dir / key
    with _writing(*where):
        try:
            os.replace(work, entry)
        except OSError:  # another run finished the same entry first (a one-shot stream's)
            shutil.rmtree(work, ignore_errors=True)
    results = Results.load(entry)
    results.settings.update(resumed)  # says so to the caller; the entry's manifest stays as a fresh run's
    return results
