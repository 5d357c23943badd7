"""Engines: map chunks in-process, on local worker processes or on a Dask cluster, a few in flight,
results as they complete; worker start-up (die with the run, drop inherited folder locks)."""

from __future__ import annotations

import contextlib
import gc
import itertools
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from .chunk import _run_chunk


class WorkerDied(RuntimeError):
    """A worker process (local or Dask) died while analysing a chunk; the message names the chunk."""


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

    for fd in _HELD_LOCKS:  # copies inherited by fork; closing them leaves the parent's lock alone
        try:
            os.close(fd)
        except OSError:
            pass
    _HELD_LOCKS.clear()
    ppid = os.getppid()  # the run's process, or the fork server that forked this worker
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)  # the process's own symbols, libc's among them: no
            # ``find_library``, which runs ``ldconfig`` (2-4 ms of every worker's start-up)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError, TypeError):
            pass
    if _parent_gone(parent, ppid):  # the parent died before the signal was armed
        _die()
    threading.Thread(target=_watch_parent, args=(parent, ppid), name="narrative-parent-watch", daemon=True).start()


def _span(start: int, n: int) -> str:
    return f"articles {start}-{start + n - 1}" if n > 1 else f"article {start}"


# The youngest generation is collected after this many net allocations during a run (700 by default):
# the pipeline allocates millions of short-lived objects that reference counting frees, and the
# collector's passes over the survivors took about 5-8% of a 1-worker run on 300 AllSides articles.
_RUN_GEN0_THRESHOLD = 10_000


@contextlib.contextmanager
def _collector_for_the_run() -> Iterator[None]:
    """The cyclic garbage collector set for a run, and set back after it (even when the run fails).

    The objects that exist when the run starts (lexicons, backends, the caller's corpus) are moved
    out of its reach (``gc.freeze``), so a full collection walks only what the run made; before a
    fork the gc docs advise it too: a collection in a worker then leaves the inherited pages unwritten
    instead of copying them (about 10% of the workers' CPU time on 300 AllSides articles). The
    youngest generation is collected less often (:data:`_RUN_GEN0_THRESHOLD`); forked workers inherit
    both settings. Nothing is lost: ``gc.unfreeze`` hands the frozen objects back to the collector.
    """
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(threshold[0], _RUN_GEN0_THRESHOLD), *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def _run_chunk_frozen(items: list, start: int, *run_args) -> dict:
    """:func:`_run_chunk`, then what the chunk leaves alive frozen (:func:`_map_local`), in-process and in
    each pool worker: later collections do not walk the memo caches again. In-process the run hands it
    back at its end; a pool worker ends with its pool, so nothing frozen outlives the run."""
    tables = _run_chunk(items, start, *run_args)
    gc.freeze()
    return tables


def _map_local(tasks: Iterator[tuple], workers: int, run_args: tuple) -> Iterator[tuple]:
    """``(index, hash, tables)`` per task, in-process or on ``workers`` local processes, with the
    collector set for the run (:func:`_collector_for_the_run`).

    In-process, what each chunk leaves alive (mostly the memo caches' new entries: sentence
    splits and analyses) is frozen too once the chunk is done, so the next chunks' collections do
    not walk it again (the collector's own time, measured by ``gc.callbacks``, 0.167 -> 0.058 CPU s
    on 300 AllSides articles, means of 5 fresh processes). It is handed back at the end of the run
    with the rest; the limit: a reference cycle made and dropped during a run waits for the run's
    end to be collected (the pipeline makes none: 0 objects collected on those articles).
    """
    with _collector_for_the_run():
        if workers <= 1:
            for index, h, items, start in tasks:
                yield index, h, _run_chunk_frozen(items, start, *run_args)
        else:
            yield from _map_pool(tasks, workers, run_args)


def _map_pool(tasks: Iterator[tuple], workers: int, run_args: tuple) -> Iterator[tuple]:
    """``(index, hash, tables)`` per task on a pool of ``workers`` processes, at most ``2 * workers`` in flight."""
    with ProcessPoolExecutor(max_workers=workers, initializer=_worker_init, initargs=(os.getpid(),)) as pool:
        pending: dict = {}
        for task in itertools.chain(tasks, [None]):
            if task is not None:
                index, h, items, start = task
                pending[pool.submit(_run_chunk_frozen, items, start, *run_args)] = (index, h, start, len(items))
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
