"""Runs sharing a cache: one lock per entry, workers that die with their parent, listing and pruning."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from analyze_corpus import records

from toolkit.pipeline import Results, analyze, cache_entries, prune_cache
from toolkit.pipeline.store import _claim

REPO = Path(__file__).resolve().parent.parent

SCRIPT = """
import os, sys, time
sys.path.insert(0, {tests!r})
from analyze_corpus import kill_after_chunks, records
from toolkit.pipeline import analyze
from toolkit.sentiment import register_backend
kill_after_chunks({kill_after!r})

class Backend:
    name = "store-test"
    def score(self, text):
        if {role!r} == "second":
            raise RuntimeError("the second run must not compute")
        with open(os.path.join({pids!r}, str(os.getpid())), "w"):
            pass
        while not os.path.exists({go!r}):  # the test says when to go on
            time.sleep(0.05)
        return 0.1

register_backend("store-test", Backend())
results = analyze(records(10), cache={cache!r}, chunk_size=2, workers={workers}, progress=False, sentiment="store-test")
print(results.path, len(results.articles), len(results.problems))
"""


def _start(tmp_path: Path, role: str, *, workers: int = 1, kill_after: int | None = None, pipes: bool = True):
    """Start a run in a new process; without ``pipes`` its output goes to files (workers that
    outlived it would hold pipes open)."""
    pids = tmp_path / "pids"
    pids.mkdir(exist_ok=True)
    code = SCRIPT.format(tests=str(REPO / "tests"), role=role, pids=str(pids), go=str(tmp_path / "go"),
                         cache=str(tmp_path / "cache"), workers=workers, kill_after=kill_after)
    if pipes:
        out = err = subprocess.PIPE
    else:
        out, err = open(tmp_path / f"{role}.out", "w"), open(tmp_path / f"{role}.err", "w")  # noqa: SIM115
    return subprocess.Popen([sys.executable, "-c", code], cwd=REPO, text=True, stdout=out, stderr=err)


def _gone(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


def _wait_for(check, what: str, limit: float = 120.0) -> None:
    deadline = time.monotonic() + limit
    while not check():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting: {what}")
        time.sleep(0.1)


def test_pipeline_cache_lock_second_run_waits_and_reads_the_entry(tmp_path):
    first = _start(tmp_path, "first")
    _wait_for(lambda: any((tmp_path / "pids").iterdir()), "the first run to start computing")
    second = _start(tmp_path, "second")
    said = [second.stderr.readline() for _ in range(1)]
    while said[-1] and "waiting for another run" not in said[-1]:
        said.append(second.stderr.readline())
    (tmp_path / "go").touch()  # only now may the first run finish
    out1, err1 = first.communicate(timeout=600)
    out2, err2 = second.communicate(timeout=600)
    err2 = "".join(said) + err2
    assert first.returncode == 0, err1
    assert second.returncode == 0, err2
    assert "waiting for another run that is computing the same analysis" in err2
    assert out1 == out2 and out1.split()[1:] == ["10", "0"]  # the same entry, and no problems: not recomputed
    assert [p.name for p in (tmp_path / "cache").iterdir()] == [Path(out1.split()[0]).name]


def test_pipeline_cache_lock_other_keys_do_not_wait_and_prune_skips_a_held_entry(tmp_path):
    cache = tmp_path / "cache"
    held = analyze(records(6), cache=cache, progress=False)
    held_key = held.path.name
    work = cache / f".{held_key}.partial"
    os.rename(held.path, work)  # as if a run were computing it now
    fd = _claim(work, cache / held_key)
    try:
        other = analyze(records(4), cache=cache, progress=False)  # another key: runs at once
        assert len(other.articles) == 4
        entries = {e.key: e for e in cache_entries(cache)}
        assert entries[held_key].locked and not entries[held_key].finished
        assert entries[other.path.name].finished and entries[other.path.name].corpus == "records"
        assert not entries[other.path.name].locked
        assert [e.key for e in prune_cache(cache)] == [other.path.name]
        assert work.exists() and not other.path.exists()
    finally:
        os.close(fd)
    assert [e.key for e in prune_cache(cache, dry_run=True)] == [held_key]
    assert work.exists()


def test_pipeline_cache_prune_by_age_keeps_what_is_not_an_entry(tmp_path):
    cache = tmp_path / "cache"
    old = analyze(records(3), cache=cache, progress=False)
    new = analyze(records(4), cache=cache, progress=False)
    (cache / "models" / "m").mkdir(parents=True)  # trained models live here too
    month_ago = time.time() - 30 * 86400
    for p in [old.path, *old.path.rglob("*")]:
        os.utime(p, (month_ago, month_ago))
    entries = cache_entries(cache)
    assert [e.key for e in entries] == [old.path.name, new.path.name]  # oldest first
    assert entries[0].age_days > 29 and entries[1].age_days < 1 and entries[0].size > 0
    assert [e.key for e in prune_cache(cache, older_than_days=7, dry_run=True)] == [old.path.name]
    assert old.path.exists()
    assert [e.key for e in prune_cache(cache, older_than_days=7)] == [old.path.name]
    assert not old.path.exists() and new.path.exists() and (cache / "models" / "m").exists()
    assert len(Results.load(new.path).articles) == 4


def test_pipeline_cache_killed_parent_leaves_no_workers(tmp_path):
    (tmp_path / "go").touch()
    run = _start(tmp_path, "first", workers=2, kill_after=1, pipes=False)
    assert run.wait(timeout=600) == -signal.SIGKILL, (tmp_path / "first.err").read_text()
    workers = [int(p.name) for p in (tmp_path / "pids").iterdir()]
    assert workers and run.pid not in workers  # the backend ran in pool workers
    _wait_for(lambda: all(_gone(pid) for pid in workers), f"workers {workers} to exit after their parent died", 60)
    (work,) = (tmp_path / "cache").iterdir()
    assert work.name.endswith(".partial")
    assert [e.locked for e in cache_entries(tmp_path / "cache")] == [False]  # the dead run's lock is gone


def test_pipeline_workers_under_forkserver_do_not_take_the_fork_server_for_a_dead_parent():
    # Under forkserver (Python 3.14's default on Linux) a worker's parent process is the fork
    # server, not the run: the start-up watch (_worker_init) must not kill the worker. A pool of
    # the analysis's workers, without the analysis (the fork server start-up is the cost).
    code = ("import multiprocessing, os\n"
            "from concurrent.futures import ProcessPoolExecutor\n"
            "if __name__ == '__main__':\n"
            "    from toolkit.pipeline.engines import _worker_init\n"
            "    context = multiprocessing.get_context('forkserver')\n"
            "    with ProcessPoolExecutor(2, mp_context=context, initializer=_worker_init,\n"
            "                             initargs=(os.getpid(),)) as pool:\n"
            "        pids = {pool.submit(os.getpid).result() for _ in range(4)}\n"
            "    print(len(pids) >= 1 and os.getpid() not in pids)\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True"]


def test_pipeline_cache_listing_skips_a_folder_gone_while_listed(tmp_path, monkeypatch):
    from toolkit.pipeline import cache

    gone = tmp_path / f".{'a' * 24}.partial"  # as if a run renamed it into place after iterdir
    monkeypatch.setattr(cache.Path, "is_dir", lambda self: True)
    assert cache._entry_of(gone, time.time()) is None


def test_pipeline_cache_prune_goes_on_past_an_entry_it_cannot_remove(tmp_path, monkeypatch, caplog):
    from toolkit.pipeline import cache as cache_module

    cache = tmp_path / "cache"
    first = analyze(records(3), cache=cache, progress=False)
    second = analyze(records(4), cache=cache, progress=False)
    real_rmtree = cache_module.shutil.rmtree

    def rmtree(path, *args, **kwargs):
        if Path(path) == first.path:
            raise PermissionError(13, "Permission denied", str(path))
        return real_rmtree(path, *args, **kwargs)

    monkeypatch.setattr(cache_module.shutil, "rmtree", rmtree)
    assert [e.key for e in prune_cache(cache)] == [second.path.name]
    assert first.path.exists() and not second.path.exists()
    assert "could not remove cache entry" in caplog.text
