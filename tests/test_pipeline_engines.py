"""How ``analyze`` feeds its engines and gathers their chunks: one hashing pass over a re-readable
source, tables of a run without a cache gathered from the chunks' Arrow tables, parts read back whole."""

from __future__ import annotations

import tempfile

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from analyze_corpus import records

from toolkit.pipeline import analyze, source
from toolkit.pipeline.results import _read_parts
from toolkit.pipeline.schemas import SCHEMAS, TABLES, _parquet_bytes


def test_pipeline_engines_hash_each_article_of_a_list_once(tmp_path, monkeypatch):
    calls = []
    digest = source._digest

    def counting(item, i):
        calls.append(i)
        return digest(item, i)

    monkeypatch.setattr(source, "_digest", counting)
    for cache in (tmp_path, False):  # the key's pass, whose chunk hashes the tasks reuse; the tasks' alone
        calls.clear()
        results = analyze(records(5), cache=cache, chunk_size=2, progress=False)
        assert len(results.articles) == 5
        assert sorted(calls) == [0, 1, 2, 3, 4]


def test_pipeline_engines_in_memory_tables_equal_the_cache_entry(tmp_path):
    entry = analyze(records(7), cache=tmp_path, chunk_size=2, progress=False)
    for workers in (1, 2):
        memory = analyze(records(7), cache=False, chunk_size=2, workers=workers, progress=False)
        assert memory.path is None and memory.settings == entry.settings
        for name in TABLES:
            pd.testing.assert_frame_equal(getattr(memory, name), getattr(entry, name), check_exact=True)


def _compressions(parts) -> set[str]:
    """The compression of the first column of each part that has a row group."""
    files = [pq.ParquetFile(pa.BufferReader(p) if isinstance(p, bytes) else p) for p in parts]
    return {f.metadata.row_group(0).column(0).compression for f in files if f.metadata.num_row_groups}


def test_pipeline_engines_cache_entry_parts_are_zstd_and_in_memory_parts_arrow_tables(tmp_path, monkeypatch):
    from toolkit.pipeline import chunk, engines

    entry = analyze(records(3), cache=tmp_path, progress=False)
    assert _compressions(sorted(entry.path.rglob("*.parquet"))) == {"ZSTD"}
    returned = []

    def spying(*args):
        tables = chunk._run_chunk(*args)
        returned.extend(tables[name] for name in TABLES if name in tables and name != "problems")
        return tables

    monkeypatch.setattr(engines, "_run_chunk", spying)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    analyze(records(3), cache=False, progress=False)
    assert returned and all(isinstance(t, pa.Table) for t in returned)  # no Parquet encoded and decoded
    assert [t.schema for t in returned] == [SCHEMAS[name] for name in TABLES if name != "problems"]
    assert list(scratch.iterdir()) == []  # and no folder written


def test_pipeline_engines_in_memory_tables_of_an_empty_corpus_keep_their_columns(tmp_path):
    empty = analyze([], cache=False, progress=False)
    for name in TABLES:
        frame = getattr(empty, name)
        assert len(frame) == 0 and list(frame.columns) == SCHEMAS[name].names


def test_pipeline_results_read_parts_of_this_layout_and_of_an_older_one(tmp_path):
    rows = [{"path": "a.txt", "line": 3, "unit": "line", "why": "an invented problem"}]
    part = tmp_path / "part.parquet"
    part.write_bytes(_parquet_bytes(rows, "problems"))
    both = _read_parts([part, part], "problems")
    assert both.schema.equals(SCHEMAS["problems"]) and both.column("line").to_pylist() == [3, 3]
    older = tmp_path / "older.parquet"  # a part written before the ``unit`` column existed
    pq.write_table(pa.table({"path": ["b.txt"], "line": pa.array([None], pa.int64()), "why": ["another"]}), older)
    mixed = _read_parts([part, older], "problems")
    assert mixed.schema.equals(SCHEMAS["problems"]) and mixed.column("unit").to_pylist() == ["line", None]
