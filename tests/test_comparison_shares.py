"""quote_share_by / stance_shares: shares within a group sum to 1 and cover the planted shares."""

import numpy as np
import pytest
from synthetic_results import CAMPS, make_results, true_share

from toolkit.comparison import quote_share_by, stance_shares
from toolkit.vocab import STANCES


@pytest.fixture(scope="module")
def results():
    return make_results(n_articles=600, seed=10)


def test_comparison_shares_sum_to_one_per_group(results):
    for weight in ("quotes", "words"):
        share = quote_share_by(results, by="outlet", weight=weight)
        np.testing.assert_allclose(share.groupby("outlet")["share"].sum(), 1.0)
        assert set(share.camp) == set(CAMPS)


def test_comparison_quote_share_ci_contains_planted_share(results):
    share = quote_share_by(results, by="alignment", filter={"alignment": ["russia", "us_western"]})
    for row in share.itertuples():
        assert row.ci_low <= true_share(row.alignment, row.camp) <= row.ci_high, row


def test_comparison_largest_share_by_alignment(results):
    """Which camp gets the largest share of quotes in Russian-state vs US outlets?"""
    share = quote_share_by(results, by="alignment", filter={"alignment": ["russia", "us_western"]})
    top = share.loc[share.groupby("alignment")["share"].idxmax()].set_index("alignment")
    assert top.loc["russia", "camp"] == "russia" and top.loc["us_western", "camp"] == "us"
    russia_in_ru = top.loc["russia"]
    us_in_ru = share[(share.alignment == "russia") & (share.camp == "us")].iloc[0]
    assert russia_in_ru.ci_low > us_in_ru.ci_high


def test_comparison_share_counts_and_units(results):
    am = results.actor_measures
    share = quote_share_by(results, by="outlet", unit="actor", weight="words")
    rt = share[share.outlet == "rt"].set_index("actor")
    assert rt.loc["putin", "quoted_words"] == am[(am.outlet == "rt") & (am.actor == "putin")].quoted_words.sum()
    assert rt.loc["putin", "share"] == pytest.approx(rt.loc["putin", "quoted_words"] / rt.quoted_words.sum())
    assert rt.n_articles.iloc[0] == am[(am.outlet == "rt") & (am.quoted_words > 0)].article_id.nunique()


def test_comparison_unknown_weight_rejected(results):
    with pytest.raises(ValueError, match="weight"):
        quote_share_by(results, weight="characters")


def test_comparison_stance_shares_sum_to_one_and_show_planted_distancing(results):
    stance = stance_shares(results, by=["alignment", "camp"], filter={"alignment": ["russia", "us_western"]})
    np.testing.assert_allclose(stance.groupby(["alignment", "camp"])["share"].sum(), 1.0)
    assert set(stance.stance) == set(STANCES)
    dist = stance[stance.stance.isin(["distancing", "denial"])].groupby(["alignment", "camp"])["share"].sum()
    assert dist[("us_western", "russia")] > 2 * dist[("russia", "us")]
