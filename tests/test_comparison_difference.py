"""difference_test: planted differences are found, absent ones are not."""

import pandas as pd
import pytest
from synthetic_results import make_results, true_distancing, true_portrayal

from toolkit.comparison import difference_test

QUESTION = dict(by=["alignment", "camp"], per="quotes", a=("us_western", "russia"), b=("russia", "us"))


def test_comparison_planted_distancing_difference_detected():
    """Are Russian officials reported with more distancing verbs in US outlets than US officials in Russian ones?"""
    out = difference_test(make_results(600, seed=5), "distancing_verbs", n_resamples=1999, **QUESTION).iloc[0]
    truth = true_distancing("us_western", "russia") - true_distancing("russia", "us")
    assert out["difference"] == pytest.approx(out["estimate_a"] - out["estimate_b"])
    assert out["ci_low"] <= truth <= out["ci_high"] and out["ci_low"] > 0
    assert out["p_value"] < 0.01
    assert out["cohens_d"] > 0.3 and 0.2 < out["cliffs_delta"] <= 1
    assert not out["paired"] and out["shared_articles"] == 0


def test_comparison_no_planted_difference_large_p():
    results = make_results(600, seed=5, planted=False)
    out = difference_test(results, "distancing_verbs", n_resamples=1999, **QUESTION).iloc[0]
    assert out["p_value"] > 0.1
    assert out["ci_low"] <= 0 <= out["ci_high"]
    assert abs(out["cliffs_delta"]) < 0.2


def test_comparison_one_sided_alternative():
    results = make_results(400, seed=6)
    greater = difference_test(results, "distancing_verbs", alternative="greater", n_resamples=999, **QUESTION).iloc[0]
    less = difference_test(results, "distancing_verbs", alternative="less", n_resamples=999, **QUESTION).iloc[0]
    assert greater["p_value"] < 0.01 < 0.9 < less["p_value"]


def test_comparison_overlapping_groups_are_paired_by_article():
    """Two camps in the same outlets share articles: resampled and permuted within articles."""
    results = make_results(400, seed=8)
    planted = difference_test(results, "portrayal", by="camp", a="opposition", b="us", n_resamples=999,
                              filter={"alignment": "russia"}).iloc[0]
    assert planted["paired"] and planted["shared_articles"] > 0
    truth = true_portrayal("russia", "opposition") - true_portrayal("russia", "us")
    assert planted["ci_low"] <= truth <= planted["ci_high"] and planted["p_value"] < 0.01
    null = difference_test(results, "portrayal", by="camp", a="russia", b="us", n_resamples=999,
                           filter={"alignment": "russia"}).iloc[0]
    assert null["p_value"] > 0.1


def test_comparison_difference_test_is_a_one_row_table_like_compare():
    results = make_results(200, seed=3)
    table = difference_test(results, "distancing_verbs", n_resamples=199, **QUESTION)
    assert isinstance(table, pd.DataFrame) and len(table) == 1
    assert list(table.columns[:5]) == ["measure", "per", "by", "a", "b"]
    row = table.iloc[0]
    assert row.by == ["alignment", "camp"] and row.a == ("us_western", "russia") and row.seed == 0
    both = pd.concat([table, difference_test(results, "portrayal", by="camp", a="russia", b="us", n_resamples=199)],
                     ignore_index=True)
    assert both.measure.tolist() == ["distancing_verbs", "portrayal"] and both.p_value.between(0, 1).all()


def test_comparison_unknown_group_raises():
    with pytest.raises(ValueError, match="no articles"):
        difference_test(make_results(50, seed=1), "quotes", by="outlet", a="nyt", b="bbc", n_resamples=99)
