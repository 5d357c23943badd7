"""Zero and near-zero rates get intervals with real width and coverage; degenerate bootstraps are flagged;
a difference's CI does not claim a difference the groups' own intervals cannot support."""

import numpy as np
import pandas as pd
import pytest

from toolkit.comparison import compare, difference_test, quote_share_by
from toolkit.comparison.intervals import cluster_wilson


def _rows(outlet, verbs, quotes=3, start=0):
    """One article x actor row per article: ``verbs[i]`` distancing verbs among ``quotes`` quotes."""
    return pd.DataFrame({"article_id": [f"{outlet}{start + i}" for i in range(len(verbs))], "outlet": outlet,
                         "camp": "russia", "quotes": quotes, "distancing_verbs": verbs})


def test_comparison_intervals_all_zero_group_is_not_width_zero():
    table = pd.concat([_rows("seven", [0] * 7), _rows("big", [1, 0, 2, 1, 0, 1, 0, 2, 1, 1] * 4)])
    out = compare(table, "distancing_verbs", by="outlet", per="quotes").set_index("outlet")
    seven = out.loc["seven"]
    assert seven.estimate == 0 and seven.ci_low == 0
    assert seven.ci_high > 0.2  # 7 articles without a distancing verb do not prove the rate is below 20%
    assert seven.interval == "cluster Wilson" and bool(seven.degenerate)
    assert out.loc["big", "interval"] == "bootstrap" and not out.loc["big", "degenerate"]


def test_comparison_intervals_zero_count_rate_gets_poisson_interval():
    table = _rows("few", [0] * 8)
    table["mentions"] = 1
    zero = compare(table.assign(quotes=0), "quotes", by="outlet", per="mentions").iloc[0]
    assert zero.interval == "Poisson (Garwood)" and zero.ci_low == 0
    assert zero.ci_high == pytest.approx(3.689 / 8, abs=1e-3)  # the exact 97.5% bound of a zero count


def test_comparison_intervals_constant_score_has_no_interval_and_is_flagged():
    table = _rows("few", [0] * 8).assign(mentions=2)
    out = compare(table, "quotes", by="outlet", per="mentions").iloc[0]  # 3 quotes per 2 mentions everywhere
    assert out.estimate == 1.5 and out.interval == "none" and bool(out.degenerate)
    assert np.isnan(out.ci_low) and np.isnan(out.ci_high)


def test_comparison_intervals_cluster_wilson_covers_rare_events():
    """Events clustered in articles, rate 2%: the cluster Wilson interval keeps its coverage on 25 articles."""
    rng = np.random.default_rng(3)
    hits = []
    for _ in range(400):
        article_rate = rng.beta(0.2, 9.8, size=25)  # mean 0.02, strongly clustered
        den = rng.integers(2, 8, size=25).astype(float)
        num = rng.binomial(den.astype(int), article_rate).astype(float)
        low, high = cluster_wilson(num, den)
        hits.append(low <= 0.02 <= high)
        assert high > low
    assert np.mean(hits) >= 0.9


def test_comparison_intervals_no_width_zero_share_in_small_groups():
    rows = [{"article_id": f"a{i}", "outlet": "small", "camp": camp, "quotes": q}
            for i in range(12) for camp, q in (("russia", 2), ("us", 0 if i else 1), ("opposition", 0))]
    share = quote_share_by(pd.DataFrame(rows), by="outlet").set_index("camp")
    assert ((share.ci_high - share.ci_low) > 0).all()
    assert share.loc["opposition", "share"] == 0 and share.loc["opposition", "ci_high"] > 0.05
    assert share.loc["us", "interval"] == "cluster Wilson"  # quoted in one article only


def test_comparison_intervals_difference_with_zero_group_uses_mover_and_flags_disagreement():
    table = pd.concat([_rows("none", [0] * 7), _rows("some", [1, 0, 0, 1, 0, 0, 1], start=10)])
    out = difference_test(table, "distancing_verbs", by="outlet", per="quotes", a="none", b="some",
                          n_resamples=999).iloc[0]
    assert out.interval.startswith("MOVER") and bool(out.degenerate)
    assert out.ci_low < out.difference < out.ci_high
    # the old stratified bootstrap gave a CI excluding 0 here (group "none" never varies) beside p ~ 0.2
    assert out.ci_low < 0 < out.ci_high and out.p_value > 0.05 and not out.ci_p_disagree
    assert "permutation" in out.method and "CI (how large" in out.method


def test_comparison_intervals_difference_disagreement_flag_is_consistent():
    rng = np.random.default_rng(0)
    table = pd.concat([_rows("x", list(rng.binomial(3, 0.2, 40))), _rows("y", list(rng.binomial(3, 0.6, 40)), start=50)])
    out = difference_test(table, "distancing_verbs", by="outlet", per="quotes", a="x", b="y", n_resamples=999).iloc[0]
    excludes = out.ci_low > 0 or out.ci_high < 0
    assert out.interval == "bootstrap"
    assert bool(out.ci_p_disagree) == (excludes != (out.p_value < 0.05))
    assert out.ci_high < 0 and out.p_value < 0.01 and not out.ci_p_disagree


@pytest.mark.parametrize("n", [1, 3, 10, 29])
def test_comparison_intervals_proportion_groups_under_30_articles_never_width_zero(n):
    for verbs in ([0] * n, [3] * n, [1] * n):
        row = compare(_rows("g", verbs), "distancing_verbs", by="outlet", per="quotes").iloc[0]
        assert row.ci_high - row.ci_low > 0, (n, verbs, row.interval)


def test_comparison_intervals_scores_are_not_taken_for_proportions():
    """A float score (portrayal) that is 0, or within [0, 1], everywhere keeps the bootstrap or gets no interval."""
    table = _rows("g", [0] * 6).assign(portrayal=0.0)
    zero = compare(table, "portrayal", by="outlet").iloc[0]
    assert zero.interval == "none" and np.isnan(zero.ci_high) and bool(zero.degenerate)
    spread = compare(table.assign(portrayal=[0.1, 0.4, 0.2, 0.3, 0.2, 0.5]), "portrayal", by="outlet").iloc[0]
    assert spread.interval == "bootstrap" and spread.ci_low < spread.estimate < spread.ci_high
