"""The headline validity table: the held-out real-news spot sets come right after the attribution rows."""

from __future__ import annotations

import pytest

from toolkit.validate import spot, summary


def test_validate_summary_held_out_spot_sets_are_the_registered_ones(shared, monkeypatch, corpora_loaded_once):
    from toolkit.validate import gold_text

    monkeypatch.setattr(gold_text, "load_corpus", corpora_loaded_once)
    got = summary.held_out_spot(shared("corpora"))
    held = {n for sets in (spot.HEDGE_SETS, spot.PORTRAYAL_SETS) for n, why in sets.items() if why.endswith("held out")}
    assert set(got) == held and held  # dev sets ("... dev since") are not headline rows
    for name, r in got.items():
        assert r["records"] == 40
        figures = [r["precision"], r["actor_right"]] if name.startswith("hedges") else [r["accuracy"]]
        assert all(0.0 <= f <= 1.0 for f in figures)
    hedges = next(n for n in got if n.startswith("hedges"))
    assert got[hedges]["precision"] == pytest.approx(spot.score_hedges(shared("corpora"), (hedges,))["now"]["precision"])


def test_validate_summary_headline_lists_held_out_rows_with_targets(monkeypatch, tmp_path):
    # only a corpora folder present: every other gold set is listed as skipped, the spot rows come from the stub
    monkeypatch.setattr(summary, "shared_path", lambda *parts: tmp_path if parts == ("corpora",) else None)
    monkeypatch.setattr(summary, "held_out_spot", lambda corpora: {
        "hedges_real_freshX.jsonl": {"records": 40, "precision": 0.8, "actor_right": 0.95},
        "portrayal_freshX.jsonl": {"records": 40, "accuracy": 0.7}})
    monkeypatch.setattr(summary, "memoised", lambda fn, *a, **k: fn(*a))
    table = summary.headline(demo_dir=None)
    rows = table[table["gold set"].str.contains("held out \\(40 random records\\)")]
    assert list(rows["metric"]) == ["precision", "actor right", "accuracy"]
    assert list(rows["meets target"]) == [False, True, None]
    assert rows.index[0] == 1  # right after the (skipped) real-news attribution row
