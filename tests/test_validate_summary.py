"""The headline validity table: the held-out real-news spot sets come right after the attribution rows."""

from __future__ import annotations

import pytest

from toolkit.validate import spot, summary


def test_validate_summary_held_out_spot_sets_are_the_registered_ones(shared, monkeypatch, corpora_loaded_once):
    from toolkit.validate import gold_text

    monkeypatch.setattr(gold_text, "load_corpus", corpora_loaded_once)
    got = summary.held_out_spot(shared("corpora"))
    assert list(got) == [*spot.HELD_OUT, *spot.PORTRAYAL_HELD_OUT]  # dev sets are not headline rows
    assert "hedges_real_fresh15.jsonl" in got and not set(got) & set(spot.DEV_SETS)  # fresh14 and earlier: dev now
    for name, r in got.items():
        assert r["records"] == 40
        figures = [r["precision"], r["actor_right"]] if name.startswith("hedges") else [r["accuracy"]]
        assert all(0.0 <= f <= 1.0 for f in figures)
    for hedges in spot.HELD_OUT:  # each set on its own, not pooled (compared, never printed)
        assert got[hedges]["precision"] == pytest.approx(spot.score_hedges(shared("corpora"), (hedges,))["now"]["precision"])


def test_validate_summary_held_out_spot_reads_the_held_out_tuples(monkeypatch):
    # the sets come from spot.HELD_OUT / PORTRAYAL_HELD_OUT, whatever their descriptions say
    monkeypatch.setattr(spot, "HELD_OUT", ("hedges_real.jsonl",))
    monkeypatch.setattr(spot, "PORTRAYAL_HELD_OUT", ())
    seen = []
    monkeypatch.setattr(spot, "hedge_outcomes", lambda corpora, name, loaded: seen.append(name) or [])
    monkeypatch.setattr(spot, "summarise_hedges", lambda rows: {"records": 3, "now": {"precision": 0.5, "actor_right": 1.0}})
    got = summary.held_out_spot("unused")
    assert seen == ["hedges_real.jsonl"] and got == {"hedges_real.jsonl": {"records": 3, "precision": 0.5, "actor_right": 1.0}}


def test_validate_summary_headline_lists_held_out_rows_with_targets(monkeypatch, tmp_path):
    # only a corpora folder present: every other gold set is listed as skipped, the spot rows come from the stub
    monkeypatch.setattr(summary, "shared_path", lambda *parts: tmp_path if parts == ("corpora",) else None)
    monkeypatch.setattr(summary, "held_out_spot", lambda corpora: {
        "hedges_real_freshX.jsonl": {"records": 40, "precision": 0.8, "actor_right": 0.95},
        "hedges_real_freshY.jsonl": {"records": 40, "precision": 0.9, "actor_right": 0.85},
        "portrayal_freshX.jsonl": {"records": 40, "accuracy": 0.7}})
    monkeypatch.setattr(summary, "memoised", lambda fn, *a, **k: fn(*a))
    table = summary.headline(demo_dir=None)
    rows = table[table["gold set"].str.contains("held out \\(40 random records\\)")]
    assert list(rows["metric"]) == ["precision", "actor right"] * 2 + ["accuracy"]  # each held-out set its own rows
    assert list(rows["meets target"]) == [False, True, True, False, None]
    assert rows["gold set"].str.contains("hedges_real_freshY, held out").sum() == 2
    assert rows.index[0] == 1  # right after the (skipped) real-news attribution row
