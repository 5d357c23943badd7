"""``analyze`` sets the garbage collector for a run (objects that exist when it starts frozen, the youngest
generation collected less often) and always sets it back."""

from __future__ import annotations

import gc

import pytest
from analyze_corpus import records

from toolkit.pipeline import analyze, engines


def test_pipeline_gc_is_set_back_after_a_run_and_after_a_failed_one(tmp_path, monkeypatch):
    before, threshold = gc.get_freeze_count(), gc.get_threshold()
    frozen_during, threshold_during = [], []
    real = engines._run_chunk

    def spying(*args):
        frozen_during.append(gc.get_freeze_count())
        threshold_during.append(gc.get_threshold())
        return real(*args)

    monkeypatch.setattr(engines, "_run_chunk", spying)
    results = analyze(records(4), cache=tmp_path / "a", chunk_size=2, progress=False)
    assert len(results.articles) == 4 and len(frozen_during) == 2
    assert min(frozen_during) > before  # the run's starting objects were out of the collector's reach
    assert gc.get_freeze_count() == before  # and are back in it
    assert threshold_during[0][0] == max(threshold[0], engines._RUN_GEN0_THRESHOLD) and gc.get_threshold() == threshold

    def failing(*args):
        raise RuntimeError("a chunk writer that fails")

    monkeypatch.setattr(engines, "_run_chunk", failing)
    with pytest.raises(RuntimeError, match="fails"):
        analyze(records(4), cache=tmp_path / "b", chunk_size=2, progress=False)
    assert gc.get_freeze_count() == before and gc.get_threshold() == threshold


def test_pipeline_gc_freezes_what_each_in_process_chunk_leaves_until_the_run_ends(tmp_path, monkeypatch):
    before = gc.get_freeze_count()
    frozen_at_chunk = []
    real = engines._run_chunk

    def spying(*args):
        frozen_at_chunk.append(gc.get_freeze_count())
        return real(*args)

    monkeypatch.setattr(engines, "_run_chunk", spying)
    results = analyze(records(6), cache=False, chunk_size=2, progress=False, workers=1)
    assert len(results.articles) == 6 and len(frozen_at_chunk) == 3
    assert frozen_at_chunk[0] < frozen_at_chunk[1] < frozen_at_chunk[2]  # each chunk's survivors frozen after it
    assert gc.get_freeze_count() == before


def test_pipeline_gc_pool_worker_freezes_what_its_chunk_leaves(monkeypatch):
    # a pool worker runs each chunk through _run_chunk_frozen: the chunk's survivors (a stand-in memo entry here)
    # are frozen after it, as in-process runs do; the worker ends with the pool, so nothing frozen outlives a run
    kept = []

    def chunk(items, start, *run_args):
        kept.append([object() for _ in range(50)])  # what a chunk leaves alive
        return {"articles": items, "start": start, "args": run_args}

    monkeypatch.setattr(engines, "_run_chunk", chunk)
    before = gc.get_freeze_count()
    try:
        assert engines._run_chunk_frozen(["a"], 3, "x") == {"articles": ["a"], "start": 3, "args": ("x",)}
        assert gc.get_freeze_count() >= before + 50
    finally:
        gc.unfreeze()
