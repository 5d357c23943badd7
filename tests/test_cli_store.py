"""python -m toolkit analyze/cache: folders that cannot be written, and the cache listing and pruning."""

from __future__ import annotations

import errno
import importlib
import io
import os
import time
from contextlib import redirect_stderr, redirect_stdout

import pytest

from toolkit.cli import main

analyze_module = importlib.import_module("toolkit.pipeline")
ARTICLE = "Talks resume\n\n\"The corridor is open,\" said Lavrov on Tuesday. Rebels said shelling went on.\n"


def _call(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def data(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "talks.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path / "data"


@pytest.fixture
def no_analysis(monkeypatch):
    def analyze(*args, **kwargs):
        raise AssertionError("the analysis must not start")

    monkeypatch.setattr(analyze_module, "analyze", analyze)


def test_cli_store_out_under_a_file_fails_before_the_analysis(data, tmp_path, no_analysis):
    (tmp_path / "somefile").write_text("x")
    code, out, err = _call("analyze", str(data), "--out", str(tmp_path / "somefile" / "out"),
                           "--cache", str(tmp_path / "cache"))
    assert code == 1 and out == ""
    assert err.startswith(f"error: cannot write the output folder (--out) {tmp_path / 'somefile' / 'out'}: ")
    assert "a file is in the way" in err and "Traceback" not in err
    assert not (tmp_path / "cache").exists()


def test_cli_store_read_only_out_fails_before_the_analysis(data, tmp_path, monkeypatch, no_analysis):
    def mkstemp(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system", str(tmp_path / ".write-test-x"))

    monkeypatch.setattr(importlib.import_module("toolkit.pipeline.store").tempfile, "mkstemp", mkstemp)
    code, _out, err = _call("analyze", str(data), "--out", str(tmp_path / "out"), "--cache", str(tmp_path / "c"))
    assert code == 1
    assert f"output folder (--out) {tmp_path / 'out'}: Read-only file system; " in err
    assert "writable disk" in err and ".write-test" not in err


def test_cli_store_cache_under_a_file_names_the_cache(data, tmp_path):
    (tmp_path / "somefile").write_text("x")
    code, _out, err = _call("analyze", str(data), "--out", str(tmp_path / "out"),
                            "--cache", str(tmp_path / "somefile"))
    assert code == 1 and err.startswith(f"error: cannot write the cache folder {tmp_path / 'somefile'}: ")
    assert not (tmp_path / "out").exists()


def test_cli_store_cache_lists_and_prunes(data, tmp_path):
    cache = tmp_path / "cache"
    assert _call("analyze", str(data), "--out", str(tmp_path / "out"), "--cache", str(cache))[0] == 0
    (entry,) = [p for p in cache.iterdir()]
    (cache / f".{'0' * 24}.partial").mkdir()  # what a killed run leaves
    (cache / "models").mkdir()
    code, out, _err = _call("cache", "--cache", str(cache))
    lines = out.splitlines()
    assert code == 0 and lines[0].startswith(f"{cache}: 2 entries, ")
    assert any(line.startswith(entry.name) and "data" in line and line.endswith("finished") for line in lines)
    assert any(line.startswith("0" * 24) and line.endswith("partial") for line in lines)

    week_ago = time.time() - 7 * 86400
    for p in [entry, *entry.rglob("*")]:
        os.utime(p, (week_ago, week_ago))
    code, out, _err = _call("cache", "--cache", str(cache), "--prune", "--older-than", "3", "--dry-run")
    assert code == 0 and out.splitlines()[0].startswith(f"would remove {entry.name}  data  ")
    assert entry.exists()
    code, out, _err = _call("cache", "--cache", str(cache), "--prune", "--older-than", "3")
    assert out.splitlines()[-1].startswith("removed 1 entries")
    assert not entry.exists() and (cache / f".{'0' * 24}.partial").exists()
    assert _call("cache", "--cache", str(cache), "--prune")[1].splitlines()[-1].startswith("removed 1 entries")
    assert sorted(p.name for p in cache.iterdir()) == ["models"]
    with pytest.raises(SystemExit):
        _call("cache", "--cache", str(cache), "--dry-run")


def test_cli_store_user_input_errors_are_one_line(tmp_path, data):
    bad = tmp_path / "bad.yml"
    bad.write_text("actors: [1\n", encoding="utf-8")
    code, out, err = _call("speakers", str(data), "--actors", str(bad), "--cache", str(tmp_path / "cache"))
    assert code == 1 and err.startswith("error: ") and str(bad) in err and "line 2" in err
    assert "Traceback" not in err
    missing = tmp_path / "no-such-corpus"
    for argv in (["analyze", str(missing), "--out", str(tmp_path / "out")], ["quotes", str(missing)],
                 ["validate", "real", "--gold", str(missing)]):
        code, out, err = _call(*argv)
        assert code == 1 and err.startswith("error: ") and str(missing) in err, argv
