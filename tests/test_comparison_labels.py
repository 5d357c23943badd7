"""label_shares and article_labels: label categories per group x camp, with the shares' article bootstrap."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from toolkit.comparison import article_labels, label_shares, quote_share_by

CATEGORIES = ["neutral", "legitimising", "delegitimising"]


def _results(seed: int = 3) -> SimpleNamespace:
    """Invented label rows: outlet 'state' (alignment syria_government) labels the opposition mostly
    delegitimising, outlet 'wire' (us_western) mostly neutral; some labels inside quotes, some unresolved."""
    rng = np.random.default_rng(seed)
    articles, labels = [], []
    for outlet, alignment, probs in (("state", "syria_government", (0.15, 0.05, 0.8)),
                                     ("wire", "us_western", (0.7, 0.1, 0.2))):
        for i in range(12):
            aid = f"{outlet}{i}"
            articles.append({"article_id": aid, "outlet": outlet, "alignment": alignment,
                             "date": pd.Timestamp("2016-01-01")})
            for j in range(int(rng.integers(1, 6))):
                labels.append({"article_id": aid, "start": 10 * j, "end": 10 * j + 5, "text": "x", "term": "x",
                               "category": str(rng.choice(CATEGORIES, p=probs)), "camp": "opposition",
                               "how": "lexicon", "in_quote": bool(j % 3 == 2), "section": "body", "sentence": j})
            labels.append({"article_id": aid, "start": 99, "end": 104, "text": "x", "term": "x", "category": "neutral",
                           "camp": "syria_government" if i % 2 else None, "how": "lexicon" if i % 2 else "unresolved",
                           "in_quote": False, "section": "body", "sentence": 0})
    return SimpleNamespace(articles=pd.DataFrame(articles), labels=pd.DataFrame(labels))


@pytest.fixture(scope="module")
def results():
    return _results()


def test_comparison_labels_article_counts_per_camp_and_voice(results):
    counts = article_labels(results, voice="all")
    assert set(counts["camp"]) == {"opposition", "syria_government"}  # unresolved labels are left out
    resolved = results.labels[results.labels.camp.notna()]
    assert counts["labels"].sum() == len(resolved)
    assert (counts[CATEGORIES].sum(axis=1) == counts["labels"]).all()
    own, quoted = article_labels(results, voice="own"), article_labels(results, voice="quoted")
    assert own["labels"].sum() + quoted["labels"].sum() == len(resolved)
    assert quoted["labels"].sum() == resolved["in_quote"].sum()


def test_comparison_labels_shares_sum_to_one_per_group_and_camp(results):
    table = label_shares(results, by="outlet", voice="all")
    assert list(table.columns[:9]) == ["outlet", "camp", "category", "share", "ci_low", "ci_high", "n",
                                      "n_articles", "small"]
    assert set(table["outlet"]) == {"state", "wire"}
    for _key, group in table.groupby(["outlet", "camp"]):
        assert sorted(group["category"]) == sorted(CATEGORIES)
        assert group["share"].sum() == pytest.approx(1.0)
    opp = table[table.camp == "opposition"].set_index(["outlet", "category"])
    assert opp.loc[("state", "delegitimising"), "share"] > opp.loc[("wire", "delegitimising"), "share"]
    assert (table["ci_low"] <= table["share"] + 1e-12).all() and (table["share"] <= table["ci_high"] + 1e-12).all()


def test_comparison_labels_intervals_are_those_of_quote_share_by(results):
    """The same estimator and bootstrap: the counts of article_labels fed to quote_share_by give the same CIs."""
    shares = label_shares(results, by="alignment", camp="opposition", voice="own", seed=7, n_resamples=500)
    counts = article_labels(results, voice="own")
    counts = counts[counts.camp == "opposition"]
    long = counts.melt(id_vars=["article_id", "alignment", "camp"], value_vars=CATEGORIES,
                       var_name="category", value_name="quotes")
    same = quote_share_by(long, by=["alignment", "camp"], unit="category", seed=7, n_resamples=500)
    merged = shares.merge(same, on=["alignment", "camp", "category"], suffixes=("", "_q"))
    assert len(merged) == len(shares) == 6
    for column in ("share", "ci_low", "ci_high", "n_articles"):
        np.testing.assert_allclose(merged[column], merged[f"{column}_q"])
    assert (merged["n"] == merged["quotes"]).all()


def test_comparison_labels_camp_voice_and_small_groups(results):
    quoted = label_shares(results, by="outlet", camp="opposition", voice="quoted", min_articles=20)
    assert set(quoted["camp"]) == {"opposition"} and set(quoted["voice"]) == {"quoted"}
    assert quoted["small"].all()  # fewer than 20 articles with quoted labels in each outlet
    counts = article_labels(results, voice="quoted")
    per_outlet = counts[counts.camp == "opposition"].groupby("outlet")["labels"].sum()
    assert quoted.groupby("outlet")["n"].sum().to_dict() == per_outlet.to_dict()
    with pytest.raises(ValueError, match="voice"):
        label_shares(results, voice="outlet")


def test_comparison_labels_without_labels_give_an_empty_table(results):
    empty = SimpleNamespace(articles=results.articles, labels=results.labels.iloc[:0])
    table = label_shares(empty, by="outlet", camp="opposition")
    assert table.empty and {"outlet", "camp", "category", "share"} <= set(table.columns)
