"""Article-level bootstrap CIs from compare() cover the planted values."""

import numpy as np
import pandas as pd
import pytest
from synthetic_results import CAMPS, make_results, true_distancing, true_portrayal

from toolkit.comparison import compare


@pytest.fixture(scope="module")
def results():
    return make_results(n_articles=600, seed=1)


def test_comparison_portrayal_ci_contains_planted_mean(results):
    # 99% intervals: eight groups checked at once should all cover (nominal coverage is tested below)
    table = compare(results, "portrayal", by=["alignment", "camp"], filter={"alignment": ["russia", "us_western"]}, confidence=0.99)
    assert len(table) == 2 * len(CAMPS)
    for row in table.itertuples():
        truth = true_portrayal(row.alignment, row.camp)
        assert row.ci_low <= truth <= row.ci_high, row
        assert row.ci_low <= row.estimate <= row.ci_high


def test_comparison_rate_per_quote_ci_contains_planted_rate(results):
    table = compare(results, "distancing_verbs", by=["alignment", "camp"], per="quotes",
                    filter={"alignment": ["russia", "us_western"]}, confidence=0.99)
    for row in table.itertuples():
        assert row.ci_low <= true_distancing(row.alignment, row.camp) <= row.ci_high, row


def test_comparison_estimate_is_ratio_of_sums_over_rows(results):
    am = results.actor_measures
    table = compare(results, "distancing_verbs", by="outlet", per="quotes").set_index("outlet")
    nyt = am[am.outlet == "nyt"]
    assert table.loc["nyt", "estimate"] == pytest.approx(nyt.distancing_verbs.sum() / nyt.quotes.sum())
    mean = compare(results, "portrayal", by="outlet").set_index("outlet")
    assert mean.loc["nyt", "estimate"] == pytest.approx(nyt.portrayal.mean())
    assert mean.loc["nyt", "n_rows"] == nyt.portrayal.notna().sum()
    assert mean.loc["nyt", "n_articles"] == nyt.loc[nyt.portrayal.notna(), "article_id"].nunique()


def _clustered(rng, n_articles=80, rows=4, article_sd=1.0, row_sd=0.3):
    """Rows strongly correlated within articles: a naive row bootstrap would be far too narrow."""
    effect = np.repeat(rng.normal(0, article_sd, n_articles), rows)
    return pd.DataFrame({"article_id": np.repeat(np.arange(n_articles), rows), "outlet": "x",
                         "score": effect + rng.normal(0, row_sd, n_articles * rows)})


def test_comparison_cluster_bootstrap_coverage_near_nominal():
    rng = np.random.default_rng(7)
    hits = []
    for i in range(100):
        row = compare(_clustered(rng), "score", by="outlet", n_resamples=500, seed=i).iloc[0]
        hits.append(row.ci_low <= 0.0 <= row.ci_high)
    # nominal 95%; a row-level bootstrap covers only ~55% here
    assert 0.85 <= np.mean(hits) <= 1.0
