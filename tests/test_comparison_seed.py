"""Same inputs and seed give identical tables; the seed is recorded."""

import pandas as pd
from synthetic_results import make_results

from toolkit.comparison import compare, difference_test, quote_share_by


def test_comparison_same_seed_identical_tables():
    results = make_results(n_articles=150, seed=4)
    first = compare(results, "portrayal", by=["outlet", "camp"], seed=11)
    pd.testing.assert_frame_equal(first, compare(results, "portrayal", by=["outlet", "camp"], seed=11))
    assert (first.seed == 11).all() and first.method.str.contains("article bootstrap").all()
    shares = quote_share_by(results, by="outlet", seed=5)
    pd.testing.assert_frame_equal(shares, quote_share_by(results, by="outlet", seed=5))


def test_comparison_other_seed_changes_intervals_not_estimates():
    results = make_results(n_articles=150, seed=4)
    a = compare(results, "portrayal", by="outlet", seed=1)
    b = compare(results, "portrayal", by="outlet", seed=2)
    pd.testing.assert_series_equal(a.estimate, b.estimate)
    assert not a.ci_low.equals(b.ci_low)


def test_comparison_group_interval_does_not_depend_on_other_groups():
    results = make_results(n_articles=150, seed=4)
    full = compare(results, "portrayal", by="outlet", seed=3).set_index("outlet")
    alone = compare(results, "portrayal", by="outlet", seed=3, filter={"outlet": "rt"}).set_index("outlet")
    assert alone.loc["rt", ["ci_low", "ci_high"]].tolist() == full.loc["rt", ["ci_low", "ci_high"]].tolist()


def test_comparison_difference_test_reproducible():
    results = make_results(n_articles=150, seed=4)
    kwargs = dict(by="alignment", a="russia", b="us_western", n_resamples=999, seed=9)
    first = difference_test(results, "quotes", **kwargs)
    pd.testing.assert_frame_equal(first, difference_test(results, "quotes", **kwargs))
    assert first.seed.item() == 9
