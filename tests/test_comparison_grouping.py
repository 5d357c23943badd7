"""Grouping keys, periods from dates, filters and input types."""

import pandas as pd
import pytest
from synthetic_results import make_results

from toolkit.comparison import compare


@pytest.fixture(scope="module")
def results():
    return make_results(n_articles=200, seed=12)


def test_comparison_month_and_week_periods_from_date(results):
    month = compare(results, "quotes", by="month", n_resamples=200)
    assert month.month.dt.day.eq(1).all() and month.month.is_monotonic_increasing
    assert month.n_articles.sum() == results.actor_measures.article_id.nunique()
    week = compare(results, "quotes", by=["week", "camp"], n_resamples=200)
    assert week.week.dt.day_of_week.eq(0).all() and len(week) > len(month)


def test_comparison_dataframe_input_equals_results_input(results):
    a = compare(results, "quotes", by="outlet", n_resamples=200)
    b = compare(results.actor_measures, "quotes", by="outlet", n_resamples=200)
    pd.testing.assert_frame_equal(a, b)


def test_comparison_dict_and_callable_filters_agree(results):
    d = compare(results, "portrayal", by="alignment", filter={"camp": "opposition"}, n_resamples=200)
    f = compare(results, "portrayal", by="alignment", filter=lambda t: t.camp == "opposition", n_resamples=200)
    pd.testing.assert_frame_equal(d, f)
    assert list(d.columns[:1]) == ["alignment"]


def test_comparison_output_columns(results):
    table = compare(results, "portrayal", by=["outlet", "camp"], n_resamples=200)
    assert list(table.columns) == ["outlet", "camp", "measure", "per", "n_articles", "n_rows", "estimate",
                                   "ci_low", "ci_high", "small", "interval", "degenerate", "confidence", "seed",
                                   "method"]


def test_comparison_bad_names_raise(results):
    with pytest.raises(KeyError, match="cannot group"):
        compare(results, "quotes", by="fortnight")
    with pytest.raises(KeyError, match="measure"):
        compare(results, "nonsense", by="outlet")
    with pytest.raises(KeyError, match="filter column"):
        compare(results, "quotes", by="outlet", filter={"nope": 1})
    with pytest.raises(TypeError):
        compare(object(), "quotes", by="outlet")
