"""Same inputs and settings give byte-identical Parquet, with 1 or 2 worker processes."""

from __future__ import annotations

import pandas as pd
import pyarrow.parquet as pq
from analyze_corpus import records

from toolkit.pipeline import analyze
from toolkit.pipeline.schemas import CHUNK_TABLES


def _files(entry):
    return {str(p.relative_to(entry)): p.read_bytes() for p in sorted(entry.rglob("*")) if p.is_file()}


def test_pipeline_two_workers_write_the_same_bytes_as_one(tmp_path):
    one = analyze(records(9), cache=tmp_path / "one", chunk_size=2, progress=False)
    two = analyze(records(9), cache=tmp_path / "two", chunk_size=2, workers=2, progress=False)
    assert one.path.name == two.path.name  # same key
    files = _files(one.path)
    assert len([f for f in files if f.endswith(".parquet")]) == len(CHUNK_TABLES) * 5 + 1  # and problems
    assert files == _files(two.path)
    for name in ("quotes", "hedges", "actor_measures", "mentions"):
        pd.testing.assert_frame_equal(getattr(one, name), getattr(two, name))


def test_pipeline_parquet_carries_no_timestamp_or_pandas_index(tmp_path):
    results = analyze(records(3), cache=tmp_path, progress=False)
    meta = pq.read_metadata(results.path / "quotes" / "part-000000.parquet")
    assert b"pandas" not in (meta.metadata or {})
    assert {f.name for f in meta.schema.to_arrow_schema()} >= {"article_id", "start", "end", "speaker", "voice"}
    again = analyze(records(3), cache=tmp_path / "again", progress=False)
    assert _files(results.path) == _files(again.path)
