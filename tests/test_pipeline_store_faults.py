"""Faults the analysis store must survive: mixed missing metadata, one failing article, a dying
worker, a moved corpus, damaged chunks of an interrupted run."""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import shutil
import signal
from pathlib import Path

import pandas as pd
import pytest
from analyze_corpus import records

from toolkit.pipeline import TABLES, Results, WorkerDied, analyze
from toolkit.pipeline import run as run_module
from toolkit.pipeline.schemas import CHUNK_TABLES, _arrow_table
from toolkit.corpus import Corpus, load_corpus
from toolkit.sentiment import register_backend, unregister_backend

REPO = Path(__file__).resolve().parent.parent
NOTES = "Notes from the desk\n\nKremlin spokesman Dmitry Peskov said the talks would go on, officials said.\n"
TRIGGER = "EXPLODE"


@pytest.fixture
def demo_with_notes(tmp_path) -> Path:
    """The demo corpus plus ``notes.txt``, a file whose name carries no outlet."""
    folder = tmp_path / "demo"
    shutil.copytree(REPO / "corpora" / "demo", folder)
    (folder / "notes.txt").write_text(NOTES, encoding="utf-8")
    return folder


def _nan_titles(corpus: Corpus) -> Corpus:
    """Every third article without a title, as a CSV reader leaves it (NaN), one with None."""
    articles = [dataclasses.replace(a, title=float("nan") if i % 3 == 0 else (None if i == 1 else a.title))
                for i, a in enumerate(corpus)]
    return Corpus(articles, name=corpus.name, alignment=corpus.alignment, problems=corpus.problems)


def _stable(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(list(frame.columns[:3])).reset_index(drop=True)


def test_pipeline_store_chunks_mixing_missing_titles_and_outlets(demo_with_notes, tmp_path):
    corpus = _nan_titles(load_corpus(demo_with_notes))
    assert any(a.outlet is None for a in corpus) and any(a.outlet for a in corpus)
    runs = {size: analyze(corpus, cache=tmp_path / "cache", chunk_size=size, progress=False)
            for size in (2, 3, 5, 16)}
    for size, results in runs.items():
        arts = results.articles.set_index("article_id")
        assert len(arts) == len(corpus) == 19, size
        assert pd.isna(arts.loc["notes", "outlet"]) and arts.loc["notes", "alignment"] == "other"
        assert arts["title"].isna().sum() == 8  # 7 NaN + 1 None, all null (not the string "nan")
        assert "nan" not in set(arts["title"].dropna())
        assert arts.loc["notes", "source"].endswith("notes.txt")
        assert len(results.problems) == 0
    first = runs[2]
    for results in runs.values():
        for name in CHUNK_TABLES:
            pd.testing.assert_frame_equal(_stable(getattr(results, name)), _stable(getattr(first, name)))


def test_pipeline_store_rows_are_coerced_to_the_schema():
    rows = [{"article_id": "a", "outlet": float("nan"), "alignment": "other", "date": pd.Timestamp("2015-10-01"),
             "title": None, "n_chars": 3.0, "n_words": 1, "flags": "", "source": "x", "n_sentences": 1, "text": "abc"},
            {"article_id": "b", "outlet": "awire", "alignment": "us_western", "date": pd.NaT,
             "title": "T", "n_chars": 2, "n_words": float("nan"), "flags": "", "source": "y", "n_sentences": 1,
             "text": "ab"}]
    table = _arrow_table(rows, "articles").to_pylist()
    assert table[0]["outlet"] is None and table[0]["title"] is None and table[0]["n_chars"] == 3
    assert str(table[0]["date"]) == "2015-10-01" and table[1]["date"] is None and table[1]["n_words"] is None
    with pytest.raises(ValueError, match=r"articles\.n_chars.*'b'"):
        _arrow_table([rows[0], {**rows[1], "n_chars": "many"}], "articles")


class _Explodes:
    """A backend that fails on one marked text (as a real model might on odd input)."""

    name = "explodes"

    def score(self, text: str) -> float:
        if TRIGGER in text:
            raise RuntimeError(f"model cannot score {TRIGGER}\nsecond line")
        return 0.25


class _DiesOn(_Explodes):
    """A backend whose process dies (as if killed) on the marked text."""

    def score(self, text: str) -> float:
        if TRIGGER in text:
            os.kill(os.getpid(), signal.SIGKILL)
        return 0.25


@pytest.fixture
def backend():
    """Register a test backend; unregister it afterwards."""
    names = []

    def register(name, obj):
        register_backend(name, obj)
        names.append(name)

    yield register
    for name in names:
        unregister_backend(name)


def _with_bad(n: int, bad: int) -> list[dict]:
    recs = records(n)
    recs[bad]["text"] += f'\n\nKremlin spokesman Dmitry Peskov said: "{TRIGGER} the plan."'
    return recs


@pytest.mark.parametrize("workers", [1, 2])
def test_pipeline_store_failing_article_becomes_a_problem(backend, tmp_path, workers, caplog):
    backend("explodes-test", _Explodes())
    with caplog.at_level(logging.WARNING, logger="toolkit.pipeline"):
        results = analyze(_with_bad(8, 5), cache=tmp_path, chunk_size=3, workers=workers, progress=False,
                          sentiment="explodes-test")
    assert "r5" not in set(results.articles["article_id"])
    assert len(results.articles) == 7
    for name in CHUNK_TABLES:
        assert "r5" not in set(getattr(results, name)["article_id"]), name
    (problem,) = results.problems.itertuples()
    assert problem.path == "article r5" and problem.unit == "article" and pd.isna(problem.line)
    assert problem.why == f"article r5 not analysed: RuntimeError: model cannot score {TRIGGER} second line"
    assert "r5 not analysed" in caplog.text
    assert "1 problems:" in results.summary()
    again = analyze(_with_bad(8, 5), cache=tmp_path, chunk_size=3, workers=workers, progress=False,
                    sentiment="explodes-test")
    assert again.path == results.path and len(again.problems) == 1  # cached with its problem


def test_pipeline_store_failing_article_on_dask_and_in_memory(backend, tmp_path):
    from distributed import Client

    backend("explodes-test", _Explodes())
    local = analyze(_with_bad(6, 2), cache=False, chunk_size=2, progress=False, sentiment="explodes-test")
    with Client(processes=False, n_workers=1, threads_per_worker=2, dashboard_address=":0") as client:
        dask = analyze(_with_bad(6, 2), cache=tmp_path, chunk_size=2, progress=False, sentiment="explodes-test",
                       engine="dask", scheduler=client)
    for results in (local, dask):
        assert list(results.problems["path"]) == ["article r2"]
        assert len(results.articles) == 5
    pd.testing.assert_frame_equal(local.quotes, dask.quotes)


def test_pipeline_store_dead_worker_fails_naming_the_chunk(backend, tmp_path):
    backend("dies-test", _DiesOn())
    with pytest.raises(WorkerDied, match=r"worker process died while analysing chunk \d+ \(articles \d+-\d+\)"):
        analyze(_with_bad(8, 7), cache=tmp_path, chunk_size=2, workers=2, progress=False, sentiment="dies-test")
    (work,) = tmp_path.iterdir()
    assert work.name.endswith(".partial")  # the finished chunks stay for a resume


def test_pipeline_store_moved_corpus_gets_its_own_source_paths(demo_with_notes, tmp_path):
    first = analyze(load_corpus(demo_with_notes), cache=tmp_path / "cache", chunk_size=8, progress=False)
    moved = tmp_path / "elsewhere" / "demo"
    shutil.copytree(demo_with_notes, moved)
    second = analyze(load_corpus(moved), cache=tmp_path / "cache", chunk_size=8, progress=False)
    assert second.path != first.path
    assert all(s.startswith(str(moved)) for s in second.articles["source"])
    assert all(s.startswith(str(demo_with_notes)) for s in first.articles["source"])
    for name in ("sentences", "quotes", "actor_measures"):  # only the paths differ
        pd.testing.assert_frame_equal(getattr(first, name), getattr(second, name))


def _killed_run(tmp_path: Path) -> tuple[Path, list]:
    """A run's working folder as a kill after three of its five chunks leaves it."""
    first = analyze(records(10), cache=tmp_path / "done", chunk_size=2, progress=False)
    work = tmp_path / "cache" / f".{first.path.name}.partial"
    (work / "chunks").mkdir(parents=True)
    for name in CHUNK_TABLES:
        (work / name).mkdir()
    manifest = json.loads((first.path / "manifest.json").read_text())
    hashes = []
    for index in range(3):
        record = {name: manifest["tables"][name][index] for name in CHUNK_TABLES}
        record["problems"] = []
        for name in CHUNK_TABLES:
            shutil.copy(first.path / record[name]["file"], work / record[name]["file"])
        hashes.append(record)
    return work, hashes


def _write_records(work: Path, results: Results, hashes: list) -> list[Path]:
    from toolkit.pipeline.source import _chunks

    paths = []
    for (index, h, _items), record in zip(_chunks(records(10), 2), hashes):
        path = work / "chunks" / f"{index:06d}-{h}.json"
        path.write_text(json.dumps(record))
        paths.append(path)
    return paths


def test_pipeline_store_resume_recomputes_damaged_chunks(tmp_path, caplog):
    work, hashes = _killed_run(tmp_path)
    done = _write_records(work, None, hashes)
    part = work / "quotes" / "part-000001.parquet"
    part.write_bytes(part.read_bytes()[:-40] + bytes(40))  # a damaged part
    done[2].write_text('{"articles": {"file": ')  # a damaged done-record
    with caplog.at_level(logging.WARNING, logger="toolkit.pipeline"):
        results = analyze(records(10), cache=tmp_path / "cache", chunk_size=2, progress=False)
    assert "recomputing chunk 1 " in caplog.text and "part-000001.parquet does not match its checksum" in caplog.text
    assert "recomputing chunk 2 " in caplog.text and "record is damaged (JSONDecodeError" in caplog.text
    assert "resumed 1 of 5 chunks" in caplog.text
    assert results.settings["resumed_chunks"] == 1 and results.settings["recomputed_chunks"] == [1, 2]
    fresh = Results.load(tmp_path / "done" / results.path.name)
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(results, name), getattr(fresh, name))
    manifest = json.loads((results.path / "manifest.json").read_text())
    assert "resumed_chunks" not in manifest["settings"]  # the entry is as a fresh run writes it
    assert (results.path / "manifest.json").read_bytes() == (fresh.path / "manifest.json").read_bytes()
    cached = analyze(records(10), cache=tmp_path / "cache", chunk_size=2, progress=False)
    assert len(cached.articles) == 10 and "resumed_chunks" not in cached.settings


def test_pipeline_store_resume_recomputes_a_missing_part(tmp_path, caplog):
    work, hashes = _killed_run(tmp_path)
    _write_records(work, None, hashes)
    (work / "hedges" / "part-000000.parquet").unlink()
    with caplog.at_level(logging.WARNING, logger="toolkit.pipeline"):
        results = analyze(records(10), cache=tmp_path / "cache", chunk_size=2, progress=False)
    assert "recomputing chunk 0 " in caplog.text and "is missing" in caplog.text
    assert results.settings["resumed_chunks"] == 2 and len(results.hedges) > 0


def test_pipeline_store_failed_run_leaves_no_folder_behind(tmp_path, monkeypatch):
    import tempfile

    from toolkit.lexicon import LexiconError

    bad = tmp_path / "bad_actors.yml"
    bad.write_text("actors: [1\n", encoding="utf-8")
    cache = tmp_path / "cache"
    with pytest.raises(LexiconError):
        analyze(records(2), cache=cache, lexicons={"actors": str(bad)}, progress=False)
    assert not cache.exists() or list(cache.iterdir()) == []  # no empty .partial per failed attempt
    scratch_parent = tmp_path / "tmp"
    scratch_parent.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch_parent))

    def fail(*args, **kwargs):
        raise WorkerDied("a worker process died (test)")

    monkeypatch.setattr(run_module, "_map_local", fail)
    with pytest.raises(WorkerDied):
        analyze(records(2), cache=False, progress=False)
    assert list(scratch_parent.iterdir()) == []  # cache=False: the scratch folder goes with the run
