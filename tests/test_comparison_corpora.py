"""Several corpora stacked in one table: a ``corpus`` column keeps same-named outlets and reused article ids
apart, and every comparison works ``by="outlet"`` as well as by alignment."""

import pandas as pd
import pytest

from toolkit.comparison import article_labels, compare, difference_test, label_shares, quote_share_by, stance_shares


def _stacked():
    """Two corpora, both with an outlet called "wire" and article ids "1".."6"; corpus "b" quotes the US more."""
    rows, articles, labels = [], [], []
    for corpus, us in (("a", 1), ("b", 4)):
        for i in range(1, 7):
            aid = str(i)
            articles.append({"corpus": corpus, "article_id": aid, "outlet": "wire", "alignment": "us_western",
                             "date": pd.Timestamp("2015-10-01")})
            for camp, q in (("russia", 2), ("us", us)):
                rows.append({"corpus": corpus, "article_id": aid, "outlet": "wire", "alignment": "us_western",
                             "camp": camp, "actor": camp, "quotes": q, "quoted_words": 5 * q, "portrayal": 0.1 * q,
                             "stance_neutral": q, "stance_distancing": 1 if corpus == "b" else 0,
                             "stance_denial": 0, "stance_concession": 0, "stance_assertive": 0,
                             "distancing_verbs": 1 if corpus == "b" else 0})
            labels.append({"corpus": corpus, "article_id": aid, "camp": "opposition", "in_quote": False,
                           "category": "delegitimising" if corpus == "a" else "neutral"})

    class Stacked:
        actor_measures = pd.DataFrame(rows)

    Stacked.articles, Stacked.labels = pd.DataFrame(articles), pd.DataFrame(labels)
    return Stacked()


def test_comparison_corpora_outlet_groups_keep_corpus_apart():
    results = _stacked()
    share = quote_share_by(results, by="outlet").set_index(["corpus", "outlet", "camp"])
    assert share.loc[("a", "wire", "us"), "share"] == pytest.approx(1 / 3)
    assert share.loc[("b", "wire", "us"), "share"] == pytest.approx(4 / 6)
    assert (share["n_articles"] == 6).all()
    table = compare(results, "quotes", by="outlet").set_index(["corpus", "outlet"])
    assert list(table.index) == [("a", "wire"), ("b", "wire")] and (table.n_articles == 6).all()


def test_comparison_corpora_pooled_by_alignment_count_articles_per_corpus():
    pooled = compare(_stacked(), "quotes", by="alignment").iloc[0]
    assert "corpus" not in pooled.index and pooled.n_articles == 12  # ids "1".."6" twice: 12 articles


def test_comparison_corpora_stance_and_label_shares_by_outlet():
    results = _stacked()
    stance = stance_shares(results, by="outlet").set_index(["corpus", "stance"])
    assert stance.loc[("a", "distancing"), "share"] == 0 and stance.loc[("b", "distancing"), "share"] > 0
    counts = article_labels(results)
    assert len(counts) == 12 and list(counts.columns[:2]) == ["corpus", "article_id"]
    named = label_shares(results, by="outlet", camp="opposition").set_index(["corpus", "category"])
    assert named.loc[("a", "delegitimising"), "share"] == 1 and named.loc[("b", "neutral"), "share"] == 1


def test_comparison_corpora_difference_between_corpora_is_unpaired():
    out = difference_test(_stacked(), "distancing_verbs", by=["corpus", "outlet"], per="quotes",
                          a=("b", "wire"), b=("a", "wire"), n_resamples=499).iloc[0]
    assert not out.paired and out.shared_articles == 0  # the same ids in two corpora are different articles
    assert out.n_a == out.n_b == 6 and out.difference > 0
