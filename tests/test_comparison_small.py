"""Small groups are flagged, not hidden."""

from synthetic_results import TINY_ARTICLES, TINY_OUTLET, make_results

from toolkit.comparison import compare, difference_test, quote_share_by


def test_comparison_small_outlet_kept_and_flagged():
    results = make_results(n_articles=200, seed=2)
    table = compare(results, "quotes", by="outlet").set_index("outlet")
    assert TINY_OUTLET in table.index
    assert table.loc[TINY_OUTLET, "n_articles"] == TINY_ARTICLES
    assert bool(table.loc[TINY_OUTLET, "small"])
    assert not table.drop(index=TINY_OUTLET)["small"].any()


def test_comparison_min_articles_threshold_is_a_parameter():
    results = make_results(n_articles=200, seed=2)
    table = compare(results, "quotes", by="outlet", min_articles=TINY_ARTICLES).set_index("outlet")
    assert not bool(table.loc[TINY_OUTLET, "small"])


def test_comparison_single_article_group_has_nan_ci_but_an_estimate():
    results = make_results(n_articles=50, seed=3)
    one = results.actor_measures.article_id.iloc[0]
    table = compare(results, "mentions", by="article_id", filter={"article_id": one})
    assert len(table) == 1 and table.small.iloc[0]
    assert table.estimate.notna().all() and table[["ci_low", "ci_high"]].isna().all(axis=None)


def test_comparison_small_flag_in_shares_and_difference():
    results = make_results(n_articles=200, seed=2)
    share = quote_share_by(results, by="outlet")
    assert share.loc[share.outlet == TINY_OUTLET, "small"].all()
    diff = difference_test(results, "quotes", by="outlet", a=TINY_OUTLET, b="nyt", n_resamples=499).iloc[0]
    assert diff["small"] and diff["n_a"] == TINY_ARTICLES
