"""A killed analyze leaves no half-written Parquet and resumes from its finished chunks."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

from analyze_corpus import records

from toolkit.pipeline import TABLES, Results, analyze
from toolkit.pipeline.schemas import CHUNK_TABLES

REPO = Path(__file__).resolve().parent.parent

SCRIPT = """
import logging, sys
sys.path.insert(0, {tests!r})
from analyze_corpus import kill_after_chunks, records
from toolkit.pipeline import analyze
logging.basicConfig(level=logging.INFO, format="%(message)s")
kill_after_chunks({kill_after!r})
analyze(records(10), cache={cache!r}, chunk_size=2, progress=False)
"""


def _run(cache: Path, kill_after: int | None) -> subprocess.CompletedProcess:
    code = SCRIPT.format(tests=str(REPO / "tests"), cache=str(cache), kill_after=kill_after)
    return subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True,
                          timeout=600)


def _files(entry: Path) -> dict[str, bytes]:
    return {str(p.relative_to(entry)): p.read_bytes() for p in sorted(entry.rglob("*")) if p.is_file()}


def test_pipeline_killed_run_resumes_and_matches_an_uninterrupted_one(tmp_path):
    killed = _run(tmp_path / "cache", kill_after=2)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    (work,) = (tmp_path / "cache").iterdir()
    assert work.name.endswith(".partial")  # no finished entry yet
    assert len(list((work / "chunks").iterdir())) == 2
    parts = sorted(p.name for p in (work / "quotes").iterdir())
    assert parts == ["part-000000.parquet", "part-000001.parquet"]  # whole parts only, no temporary files
    for part in (work / "quotes").iterdir():  # complete Parquet files (footer magic)
        assert part.read_bytes()[-4:] == b"PAR1"
    (work / "quotes" / ".tmp-leftover-part-000002.parquet").write_bytes(b"half a part")  # a kill mid-write

    resumed = _run(tmp_path / "cache", kill_after=None)
    assert resumed.returncode == 0, resumed.stderr
    assert "resumed 2 of 5 chunks" in resumed.stderr
    (entry,) = (tmp_path / "cache").iterdir()
    assert not entry.name.endswith(".partial")
    assert not any(".tmp-" in p.name for p in entry.rglob("*"))
    manifest = json.loads((entry / "manifest.json").read_text())
    assert [len(manifest["tables"][t]) for t in TABLES] == [5] * len(CHUNK_TABLES) + [1]

    # The uninterrupted run, in this process (a third subprocess would add only its start-up). Its key
    # holds the fingerprint of the toolkit's files as this process first read them: edit the toolkit
    # while the suite runs and the two manifests differ.
    fresh_entry = analyze(records(10), cache=tmp_path / "fresh", chunk_size=2, progress=False).path
    resumed_files, fresh_files = _files(entry), _files(fresh_entry)
    assert sorted(resumed_files) == sorted(fresh_files)
    assert [name for name in resumed_files if resumed_files[name] != fresh_files[name]] == []  # names what differs
    assert len(Results.load(entry).articles) == 10
