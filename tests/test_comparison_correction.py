"""Corrected quote shares (prediction-powered): coverage on simulated corpora with known truth, the
estimator's boundary cases, and the columns quote_share_by / compare return with annotations."""

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from toolkit.comparison import compare, quote_share_by
from toolkit.comparison.correction import power_tuning, ppi_ratio
from toolkit.comparison.simulation import ExtractionModel, coverage_study, simulate_corpus


def test_comparison_correction_simulated_coverage_raw_misses_corrected_holds():
    study = coverage_study(n_articles=300, n_labelled=100, draws=200, seed=0, n_resamples=500)
    per_camp = study.groupby("camp")[["raw_covers", "covers"]].mean()
    assert (per_camp["raw_covers"].loc[[0, 1]] < 0.2).all()  # the biased camps: raw 95% interval misses
    assert per_camp["covers"].min() >= 0.92 and study["covers"].mean() >= 0.93  # the process's share
    corpus = coverage_study(n_labelled=100, draws=200, seed=0, finite_population=True, raw_interval=False)
    assert corpus["covers"].mean() >= 0.93 and (corpus["truth"] == corpus["truth_corpus"]).all()
    assert corpus["width"].mean() < 0.85 * study["width"].mean()  # the corpus's own share is known better
    assert corpus["corrected"].to_numpy() == pytest.approx(study["corrected"].to_numpy())  # same estimate


def test_comparison_correction_width_shrinks_with_labelled_sample():
    widths = [coverage_study(n_labelled=n, draws=40, seed=1, n_resamples=300)["width"].mean() for n in (30, 120)]
    assert widths[0] > 1.5 * widths[1]


def test_comparison_correction_simulated_extractor_is_biased_by_camp():
    pred, true = simulate_corpus(ExtractionModel(), 4000, np.random.default_rng(0))
    raw, truth = pred.sum(0) / pred.sum(), true.sum(0) / true.sum()
    assert raw[0] > truth[0] + 0.03 and raw[1] < truth[1] - 0.03


def test_comparison_correction_all_labelled_gives_the_gold_ratio():
    rng = np.random.default_rng(2)
    pred, gold = rng.poisson(2, (30, 3)).astype(float), rng.poisson(2, (30, 3)).astype(float)
    for power in (None, 0.0, 0.4, 1.0):  # finite population, every article annotated: the gold share, exactly
        est, low, high, _, _ = ppi_ratio(pred, pred.sum(1), np.ones(30, bool), gold, gold.sum(1), power=power,
                                         finite_population=True)
        assert est == pytest.approx(gold.sum(0) / gold.sum())
        assert low == pytest.approx(est) and high == pytest.approx(est)
    est, low, high, _, _ = ppi_ratio(pred, pred.sum(1), np.ones(30, bool), gold, gold.sum(1))  # the process's share
    assert est == pytest.approx(gold.sum(0) / gold.sum()) and (low < est).all() and (est < high).all()


def _draw(seed=4, n_all=60, n=15):
    rng = np.random.default_rng(seed)
    gold = rng.poisson(3, (n_all, 3)).astype(float)
    pred = np.clip(gold + rng.integers(-1, 3, gold.shape), 0, None)
    labelled = np.zeros(n_all, bool)
    labelled[rng.choice(n_all, n, replace=False)] = True
    return pred, gold, labelled


def test_comparison_correction_finite_population_form_equals_ppi_total():
    pred, gold, lab = _draw()
    n_all, n = len(lab), lab.sum()
    # gold on the annotated articles, predictions on the rest, the rectifier weighted |U| / n
    total = gold[lab].sum(0) + pred[~lab].sum(0) + (n_all - n) / n * (gold[lab] - pred[lab]).sum(0)
    est, _, _, _, _ = ppi_ratio(pred, pred.sum(1), lab, gold, gold.sum(1), power=1.0)
    assert est == pytest.approx(total / total.sum())
    assert total == pytest.approx(pred.sum(0) + n_all / n * (gold[lab] - pred[lab]).sum(0))


def test_comparison_correction_power_zero_is_gold_only():
    pred, gold, lab = _draw()
    est, low, high, _, power = ppi_ratio(pred * 5 + 7, pred.sum(1) * 5 + 21, lab, gold, gold.sum(1), power=0.0,
                                         finite_population=True)
    assert power == 0 and est == pytest.approx(gold[lab].sum(0) / gold[lab].sum())
    u = gold[lab] - np.outer(gold[lab].sum(1), est)  # linearised share, finite-population variance
    se = np.sqrt((1 - lab.sum() / len(lab)) / lab.sum() * u.var(0, ddof=1)) / gold[lab].sum(1).mean()
    assert high - est == pytest.approx(se * stats.t.ppf(0.975, lab.sum() - 1))


def test_comparison_correction_power_tuning_drops_useless_predictions():
    pred, gold, lab = _draw()
    noise = np.random.default_rng(5).poisson(3, gold.shape).astype(float)  # unrelated to the truth
    assert ppi_ratio(noise, noise.sum(1), lab, gold, gold.sum(1), power=None).power < 0.3
    close = gold + (np.random.default_rng(6).random(gold.shape) < 0.2)  # one extra quote here and there
    assert ppi_ratio(close, close.sum(1), lab, gold, gold.sum(1), power=None).power > 0.8
    assert ppi_ratio(noise, noise.sum(1), lab, gold, gold.sum(1)).power == 1  # the default: plain PPI
    assert power_tuning(np.ones((5, 2)), np.ones((5, 2))) == 1.0


def test_comparison_correction_exact_predictions_need_no_correction():
    pred = np.random.default_rng(3).poisson(2, (40, 2)).astype(float)
    labelled = np.arange(40) < 10
    est, _, _, _, _ = ppi_ratio(pred, pred.sum(1), labelled, pred, pred.sum(1))
    assert est == pytest.approx(pred.sum(0) / pred.sum())
    none, low, _, _, _ = ppi_ratio(pred, pred.sum(1), np.zeros(40, bool), pred, pred.sum(1))
    assert np.isnan(none).all() and np.isnan(low).all()


class _Hand:
    """Hand-made results: outlets "p" and "q", 8 articles each; the extractor credits every quote of
    the "us" camp in outlet "p" to "russia"."""

    def __init__(self):
        arts, rows = [], []
        for outlet in ("p", "q"):
            for i in range(8):
                aid = f"{outlet}{i}"
                arts.append({"article_id": aid, "outlet": outlet, "alignment": "x", "date": "2015-10-01"})
                rows.append({"article_id": aid, "outlet": outlet, "alignment": "x", "camp": "russia",
                             "actor": "putin", "quotes": 2 + (outlet == "p")})
                rows.append({"article_id": aid, "outlet": outlet, "alignment": "x", "camp": "us", "actor": "kerry",
                             "quotes": 0 if outlet == "p" else 1})
        self.articles, self.actor_measures = pd.DataFrame(arts), pd.DataFrame(rows)
        self.quotes = pd.DataFrame(columns=["article_id", "start", "end"])
        self.gold = pd.DataFrame([{"article_id": f"{o}{i}", "camp": c, "start": 10 * j, "end": 10 * j + 5}
                                  for o in ("p", "q") for i in range(0, 8, 2)
                                  for j, c in enumerate(["russia", "russia", "us"])])


def test_comparison_correction_quote_share_columns_and_correction():
    hand = _Hand()
    out = quote_share_by(hand, by="outlet", annotations=hand.gold, n_resamples=300).set_index(["outlet", "camp"])
    raw = quote_share_by(hand, by="outlet", n_resamples=300).set_index(["outlet", "camp"])
    assert list(out.columns[:6]) == ["share", "ci_low", "ci_high", "share_raw", "ci_low_raw", "ci_high_raw"]
    assert out["share_raw"].to_dict() == raw["share"].to_dict()
    assert out.loc[("p", "us"), "share"] == pytest.approx(1 / 3)  # the raw share is 0: every us quote was lost
    assert out.loc[("p", "us"), "share_raw"] == 0
    assert out.loc[("q", "us"), "share"] == pytest.approx(1 / 3)
    assert out.groupby(level="outlet")["share"].sum().to_numpy() == pytest.approx([1, 1])
    assert (out["n_annotated"] == 4).all() and (out["n_articles"] == 8).all()
    assert out["method"].str.contains("prediction-powered").all()


def test_comparison_correction_without_annotations_output_unchanged():
    hand = _Hand()
    assert "share_raw" not in quote_share_by(hand, by="outlet", n_resamples=100).columns
    assert "estimate_raw" not in compare(hand, "quotes", by="outlet", n_resamples=100).columns


def test_comparison_correction_compare_quotes_per_camp():
    hand = _Hand()
    out = compare(hand, "quotes", by=["outlet", "camp"], annotations=hand.gold, n_resamples=300)
    out = out.set_index(["outlet", "camp"])
    assert out.loc[("p", "us"), "estimate_raw"] == 0 and out.loc[("p", "us"), "estimate"] == pytest.approx(1)
    assert out.loc[("p", "russia"), "estimate"] == pytest.approx(2)
    assert (out["n_annotated"] == 4).all()
    with pytest.raises(ValueError, match="quote counts"):
        compare(hand, "mentions", by="outlet", annotations=hand.gold)


def test_comparison_correction_unknown_annotated_articles_warn():
    hand = _Hand()
    gold = pd.concat([hand.gold, pd.DataFrame([{"article_id": "elsewhere", "camp": "us", "start": 0, "end": 3}])])
    with pytest.warns(UserWarning, match="not in the results"):
        quote_share_by(hand, by="outlet", annotations=gold, n_resamples=100)


def test_comparison_correction_every_article_annotated_is_exact_for_the_corpus():
    hand = _Hand()
    gold = pd.DataFrame([{"article_id": f"{o}{i}", "camp": c, "start": 10 * j, "end": 10 * j + 5}
                         for o in ("p", "q") for i in range(8) for j, c in enumerate(["russia", "us", "us"])])
    out = quote_share_by(hand, by="outlet", annotations=gold, finite_population=True, n_resamples=100)
    assert out["share"].to_numpy() == pytest.approx(np.tile([1 / 3, 2 / 3], 2))
    assert (out["ci_low"] == out["share"]).all() and (out["ci_high"] == out["share"]).all()
    assert (out["interval"] == "exact (every article annotated)").all() and out["method"].str.contains("corpus").all()
    process = quote_share_by(hand, by="outlet", annotations=gold, n_resamples=100)
    assert (process["ci_high"] > process["ci_low"]).all() and process["power"].between(0, 1).all()
