"""One-shot iterators stream through analyze; cached Results load their tables lazily."""

from __future__ import annotations

import pandas as pd
from analyze_corpus import records

from toolkit.pipeline import analyze


def test_pipeline_generator_input_matches_list_input(tmp_path):
    listed = analyze(records(7), cache=tmp_path / "a", chunk_size=3, progress=False)
    streamed = analyze((r for r in records(7)), cache=tmp_path / "b", chunk_size=3, progress=False)
    assert streamed.path.name == listed.path.name  # the key is computed while streaming
    for name in ("articles", "quotes", "actor_measures", "problems"):
        pd.testing.assert_frame_equal(getattr(listed, name), getattr(streamed, name))
    assert [p.name for p in (tmp_path / "b").iterdir()] == [listed.path.name]


def test_pipeline_cached_tables_load_on_first_access(tmp_path):
    results = analyze(records(5), cache=tmp_path, chunk_size=2, progress=False)
    assert "quotes" not in vars(results)
    assert results.dataset("quotes").count_rows() == len(results.quotes) > 0
    assert "quotes" in vars(results)
    assert list(results.articles.article_id) == [f"r{i}" for i in range(5)]  # chunk order kept


def test_pipeline_save_copies_lazy_tables(tmp_path):
    results = analyze(records(5), cache=tmp_path / "c", chunk_size=2, progress=False)
    out = results.save(tmp_path / "out")
    back = pd.read_parquet(out / "mentions.parquet")
    pd.testing.assert_frame_equal(back, results.mentions)
