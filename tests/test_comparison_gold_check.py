"""Raw vs corrected quote shares against the demo corpus's full gold (the report's side-by-side table)."""

from pathlib import Path

import pytest

import toolkit
from toolkit.comparison import correction_against_gold, correction_error


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    root = Path(__file__).resolve().parent.parent / "corpora" / "demo"
    results = toolkit.analyze(toolkit.load_corpus(root), cache=tmp_path_factory.mktemp("cache"), progress=False)
    return results, toolkit.load_annotations(root / "gold.jsonl")


def test_comparison_gold_check_third_of_demo_side_by_side(demo):
    results, gold = demo
    table = correction_against_gold(results, gold, fraction=1 / 3, seed=0, n_resamples=300)
    assert list(table.columns[:8]) == ["camp", "share_raw", "ci_low_raw", "ci_high_raw", "share", "ci_low",
                                       "ci_high", "share_gold"]
    assert (table["n_annotated"] == round(len(results.articles) / 3)).all()
    for column in ("share_raw", "share", "share_gold"):
        assert table[column].sum() == pytest.approx(1.0)
    assert (table["ci_low"] <= table["share"]).all() and (table["share"] <= table["ci_high"]).all()
    assert set(gold.dropna(subset=["camp"])["camp"]) <= set(table["camp"])


def test_comparison_gold_check_full_gold_is_recovered(demo):
    results, gold = demo
    table = correction_against_gold(results, gold, fraction=1.0, seed=0, n_resamples=200)
    assert table["share"].to_numpy() == pytest.approx(table["share_gold"].to_numpy())


def test_comparison_gold_check_by_alignment_and_error_table(demo):
    results, gold = demo
    table = correction_against_gold(results, gold, fraction=1 / 3, by="alignment", seed=1, n_resamples=200)
    assert table.groupby("alignment")["n_annotated"].first().tolist() == [2, 2, 2]
    errors = correction_error(results, gold, fraction=1 / 3, n_samples=3, n_resamples=100)
    assert errors["seed"].tolist() == [0, 1, 2]
    assert errors["mae_raw"].nunique() == 1 and (errors["mae_corrected"] >= 0).all()
    assert errors[["covered_raw", "covered"]].stack().between(0, 1).all()
