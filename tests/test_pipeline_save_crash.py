"""Results.save is crash-safe: killed at any step it leaves the previous output or the new one,
and the next save or load cleans what it left; storage errors name the user's folder."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from analyze_corpus import records

from toolkit.pipeline import Results, StorageError, analyze, cache_entries, check_writable, prune_cache
from toolkit.pipeline import results as results_module
from toolkit.pipeline import run as run_module
from toolkit.pipeline import store as store_module

REPO = Path(__file__).resolve().parent.parent


class _Crash(BaseException):
    """Stands for the process dying at that point (nothing after it runs)."""


@pytest.fixture(scope="module")
def two(tmp_path_factory):
    cache = tmp_path_factory.mktemp("cache")
    return (analyze(records(2), cache=cache, progress=False), analyze(records(3), cache=cache, progress=False))


def _beside(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name != out.name)


def _n(out: Path) -> int:
    return len(Results.load(out).articles)


def _crash_on_call(monkeypatch, target, name: str, call: int, *, forever: bool = False) -> None:
    real, calls = getattr(target, name), [0]

    def fake(*args, **kwargs):
        calls[0] += 1
        if calls[0] == call or (forever and calls[0] > call):
            raise _Crash(f"{name} call {calls[0]}")
        return real(*args, **kwargs)

    monkeypatch.setattr(target, name, fake)


def test_pipeline_save_crash_before_the_old_output_moves_keeps_it(two, tmp_path, monkeypatch):
    old, new = two
    out = old.save(tmp_path / "out")
    _crash_on_call(monkeypatch, os, "replace", 1)
    with pytest.raises(_Crash):
        new.save(out)
    monkeypatch.undo()
    assert _n(out) == 2 and _beside(out) == []


def test_pipeline_save_crash_between_the_renames_restores_the_old_output(two, tmp_path, monkeypatch):
    old, new = two
    out = old.save(tmp_path / "out")
    _crash_on_call(monkeypatch, os, "replace", 2, forever=True)  # nor can the old one be put back
    with pytest.raises(_Crash):
        new.save(out)
    monkeypatch.undo()
    assert not out.exists() and [n.startswith(".out.old-") for n in _beside(out)] == [True]
    assert _n(out) == 2 and _beside(out) == []  # load brings the previous output back
    new.save(out)
    assert _n(out) == 3 and _beside(out) == []


def test_pipeline_save_crash_before_deleting_the_old_output(two, tmp_path, monkeypatch):
    old, new = two
    out = old.save(tmp_path / "out")
    real = shutil.rmtree

    def rmtree(path, *args, **kwargs):
        if ".out.old-" in str(path):
            raise _Crash("rmtree")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(shutil, "rmtree", rmtree)
    with pytest.raises(_Crash):
        new.save(out)
    monkeypatch.undo()
    assert [n.startswith(".out.old-") for n in _beside(out)] == [True]
    assert _n(out) == 3 and _beside(out) == []  # the new output is in; load drops the old one


def test_pipeline_save_replaces_a_link_to_an_output(two, tmp_path):
    old, new = two
    target = old.save(tmp_path / "target")
    (tmp_path / "out").symlink_to(target)
    out = new.save(tmp_path / "out")
    assert not out.is_symlink() and _n(out) == 3 and _n(target) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "target"]


SCRIPT = """
import os, signal, sys
sys.path.insert(0, {tests!r})
from analyze_corpus import records
from toolkit.pipeline import analyze
results = analyze(records({n}), cache={cache!r}, progress=False)
real, calls = os.replace, [0]
def replace(*args):
    calls[0] += 1
    if calls[0] == {kill_at}:
        os.kill(os.getpid(), signal.SIGKILL)
    return real(*args)
os.replace = replace
results.save({out!r})
"""


@pytest.mark.parametrize("kill_at", [1, 2])
def test_pipeline_save_killed_process_leaves_the_previous_output(two, tmp_path, kill_at):
    old, _new = two
    out = old.save(tmp_path / "out")
    code = SCRIPT.format(tests=str(REPO / "tests"), n=3, cache=str(old.path.parent), kill_at=kill_at, out=str(out))
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=600)
    assert done.returncode == -signal.SIGKILL, done.stderr
    assert _beside(out)  # a leftover of the killed save
    assert _n(out) == 2  # the previous output, at once or restored by the load
    _new.save(out)
    assert _n(out) == 3 and _beside(out) == []
    pd.testing.assert_frame_equal(Results.load(out).quotes, _new.quotes)


def test_pipeline_save_under_a_file_names_the_users_path(two, tmp_path):
    blocker = tmp_path / "somefile"
    blocker.write_text("not a folder")
    with pytest.raises(StorageError, match=rf"cannot write the output folder {blocker}/out: .*a file is in the way"):
        two[0].save(blocker / "out")
    with pytest.raises(StorageError, match="part of the path is a file"):
        two[0].save(blocker / "deeper" / "out")
    with pytest.raises(StorageError, match=rf"output folder {blocker}: .*a file is in the way"):
        check_writable(blocker)


@pytest.mark.parametrize(("code", "advice"), [(errno.EROFS, "read-only file system; pass a folder on a writable"),
                                              (errno.ENOSPC, "disk is full; free some space")])
def test_pipeline_save_read_only_or_full_names_the_users_path(two, tmp_path, monkeypatch, code, advice):
    out = tmp_path / "out"

    def mkdtemp(*args, **kwargs):
        raise OSError(code, os.strerror(code), str(tmp_path / ".out.tmp-1234"))

    monkeypatch.setattr(results_module.tempfile, "mkdtemp", mkdtemp)
    with pytest.raises(StorageError) as info:
        two[0].save(out)
    assert str(info.value).startswith(f"cannot write the output folder {out}: ")
    assert advice in str(info.value) and ".tmp-" not in str(info.value)
    assert info.value.errno == code


def test_pipeline_save_full_cache_names_the_cache_folder(tmp_path, monkeypatch):
    def write_chunk(work, *args):
        raise OSError(errno.ENOSPC, "No space left on device", str(work / "quotes" / ".tmp-abc-part.parquet"))

    monkeypatch.setattr(run_module, "_write_chunk", write_chunk)
    with pytest.raises(StorageError) as info:
        analyze(records(2), cache=tmp_path / "cache", progress=False)
    message = str(info.value)
    assert message.startswith(f"cannot write the cache folder {tmp_path / 'cache'}: No space left on device")
    assert ".tmp-" not in message and ".partial" not in message


def test_pipeline_save_without_fcntl_still_saves_caches_and_lists(tmp_path, monkeypatch):
    # Where fcntl does not exist (Windows) the folder locks are skipped, not a NameError/AttributeError.
    monkeypatch.setattr(store_module, "fcntl", None)
    cache = tmp_path / "cache"
    results = analyze(records(3), cache=cache, progress=False)
    out = results.save(tmp_path / "out")
    results.save(out)  # over a previous output
    assert len(Results.load(out).articles) == 3
    entries = cache_entries(cache)
    assert [(e.finished, e.locked) for e in entries] == [(True, False)]
    assert [e.key for e in prune_cache(cache)] == [entries[0].key]
