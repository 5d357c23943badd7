"""A damaged cache entry (a part that no longer matches its SHA-256) is detected and recomputed."""

from __future__ import annotations

import logging

import pytest
from analyze_corpus import records

from toolkit.pipeline import Results, analyze


def test_pipeline_changed_part_is_detected_and_recomputed(tmp_path, caplog):
    first = analyze(records(4), cache=tmp_path, chunk_size=2, progress=False)
    part = first.path / "quotes" / "part-000001.parquet"
    good = part.read_bytes()
    part.write_bytes(good[:-30] + bytes(30))  # damaged, same length
    with pytest.raises(ValueError, match="checksum"):
        Results.load(first.path)
    with caplog.at_level(logging.WARNING, logger="toolkit.pipeline"):
        again = analyze(records(4), cache=tmp_path, chunk_size=2, progress=False)
    assert "damaged cache entry" in caplog.text
    assert part.read_bytes() == good
    assert len(again.quotes) == len(first.quotes) > 0


def test_pipeline_missing_part_or_manifest_is_recomputed(tmp_path):
    first = analyze(records(4), cache=tmp_path, chunk_size=2, progress=False)
    n_quotes = len(first.quotes)
    (first.path / "hedges" / "part-000000.parquet").unlink()
    assert len(analyze(records(4), cache=tmp_path, chunk_size=2, progress=False).quotes) == n_quotes
    (first.path / "manifest.json").write_text("{not json")
    assert len(analyze(records(4), cache=tmp_path, chunk_size=2, progress=False).hedges) > 0
    Results.load(first.path)
