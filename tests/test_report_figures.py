"""Report figures scale with the corpus: top-N outlets pooled, one panel per group, never wider than the page."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
from report_fixtures import demo_results  # noqa: E402

from toolkit import compare, plots, quote_share_by  # noqa: E402
from toolkit.report.figures import OTHER_OUTLETS, WIDTH, main_camps, pool_outlets, score_panels, share_panels  # noqa: E402


def test_report_figures_pool_outlets_keeps_the_largest():
    r = demo_results()
    counts = r.articles["outlet"].value_counts()
    pooled = pool_outlets(r, top=2)
    kept = set(pooled.articles["outlet"]) - {OTHER_OUTLETS}
    assert len(kept) == 2 and kept <= set(counts.index)
    assert min(counts[list(kept)]) >= counts.drop(list(kept)).max()
    assert (pooled.articles["outlet"] == OTHER_OUTLETS).sum() == counts.drop(list(kept)).sum()
    assert set(pooled.actor_measures["outlet"]) <= kept | {OTHER_OUTLETS}
    assert len(pooled.quotes) == len(r.quotes) and pooled.settings["pooled_outlets"] == sorted(
        kept, key=lambda o: (-counts[o], o))


def test_report_figures_main_camps_leave_out_other_and_unnamed():
    camps = main_camps(demo_results(), n=4)
    assert len(camps) == 4 and not {"other", "unnamed"} & set(camps)


def test_report_figures_panels_grow_down_not_across():
    r = demo_results()
    share = quote_share_by(r, by="outlet", unit="camp")
    fig = share_panels(share, "outlet", title="t", xlabel="share", ncols=2)
    width, height = fig.get_size_inches()
    assert width == WIDTH and len([a for a in fig.axes if a.get_visible()]) == share["outlet"].nunique()
    table = compare(r, "portrayal", by=["outlet", "camp"])
    fig2 = score_panels(table, "outlet", camps=main_camps(r, n=3), title="t", xlabel="portrayal")
    assert fig2.get_size_inches()[0] == WIDTH and len([a for a in fig2.axes if a.get_visible()]) == 3
    plt.close("all")


def test_report_figures_panels_split_an_outlet_that_two_corpora_hold():
    from toolkit import concat_results

    r = demo_results()
    both = concat_results([r, r])  # the same outlets in two corpora: grouping by outlet also groups by corpus
    share = quote_share_by(both, by="outlet", unit="camp")
    assert share.duplicated(["outlet", "camp"]).any()
    fig = share_panels(share, "outlet", title="t", xlabel="share")
    assert len([a for a in fig.axes if a.get_visible()]) == 2 * r.articles["outlet"].nunique()
    table = compare(both, "portrayal", by=["outlet", "camp"])
    fig2 = score_panels(table, "outlet", camps=main_camps(r, n=2), title="t", xlabel="portrayal")
    ticks = {t.get_text().rsplit(" (", 1)[0] for t in fig2.axes[0].get_yticklabels()}
    assert len(ticks) == 2 * r.articles["outlet"].nunique()
    plt.close("all")


def test_report_figures_pool_outlets_names_an_outlet_two_corpora_hold():
    from toolkit import concat_results, plots

    r = demo_results()
    both = concat_results([r, r])  # the same outlets in two corpora: grouping by outlet also groups by corpus
    pooled = pool_outlets(both, top=2)
    names = set(pooled.articles["outlet"])
    assert len(names) == 2 * (r.articles["outlet"].nunique() if r.articles["outlet"].nunique() <= 2 else 3)
    assert all(n.endswith(")") for n in names) and set(pooled.actor_measures["outlet"]) <= names
    share = quote_share_by(pooled, by="outlet", unit="camp")
    assert not share.duplicated(["outlet", "camp"]).any()
    share_panels(share, "outlet", title="t", xlabel="share")
    plots.hedging_heatmap(pooled, measure="distancing_hedges", rows="outlet", columns="camp", per="mentions")
    plt.close("all")


def test_report_figures_timeline_smooth_is_a_rolling_mean():
    r = demo_results()
    raw = compare(r, "quotes", by=["week", "camp"])
    fig = plots.timeline(raw, "quotes", freq="W", smooth=3)
    assert "rolling mean of 3 weeks" in fig.axes[0].get_title()
    line = raw[raw["camp"] == raw["camp"].iloc[0]].sort_values("week")
    expected = line["estimate"].rolling(3, center=True, min_periods=1).mean().to_numpy()
    drawn = [ln for ln in fig.axes[0].get_lines() if len(ln.get_ydata()) == len(line)]
    assert any(abs(ln.get_ydata() - expected).max() < 1e-9 for ln in drawn)
    plt.close("all")


def test_report_figures_realign_takes_alignments_from_an_outlet_table(tmp_path):
    from toolkit.report.figures import realign

    r = demo_results()
    outlet = r.articles["outlet"].iloc[0]
    table = tmp_path / "outlets.yml"
    table.write_text(f"source: invented for a test\ngroups:\n  - alignment: turkey\n    why: a test\n"
                     f"    source: none\n    outlets:\n      {outlet}: An Invented Outlet\n")
    moved = realign(r, table)
    assert set(moved.articles.loc[moved.articles["outlet"] == outlet, "alignment"]) == {"turkey"}
    assert set(moved.actor_measures.loc[moved.actor_measures["outlet"] == outlet, "alignment"]) == {"turkey"}
    others = moved.articles["outlet"] != outlet
    assert (moved.articles.loc[others, "alignment"] == r.articles.loc[others, "alignment"]).all()
