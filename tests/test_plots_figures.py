"""Plots return Figures with the expected axes, artists, labels and counts (no image comparison)."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.collections import PathCollection, QuadMesh  # noqa: E402
from matplotlib.container import BarContainer, ErrorbarContainer  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from synthetic_results import CAMPS, OUTLETS, TINY_OUTLET, make_results  # noqa: E402

from toolkit import plots  # noqa: E402
from toolkit.comparison import compare, quote_share_by  # noqa: E402
from toolkit.vocab import STANCES  # noqa: E402

FAST = {"n_resamples": 200}


@pytest.fixture(scope="module")
def results():
    return make_results(n_articles=200, seed=20)


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def _bars(ax):
    return [c for c in ax.containers if isinstance(c, BarContainer)]


def _tick_texts(ax):
    return [t.get_text() for t in ax.get_xticklabels()]


def test_plots_quote_share_bars_colours_and_counts(results):
    fig = plots.quote_share(results, by="outlet", **FAST)
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    assert len(_bars(ax)) == len(CAMPS)
    assert sum(len(c) for c in _bars(ax)) == len(OUTLETS) * len(CAMPS)
    legend = {t.get_text() for t in ax.get_legend().get_texts()}
    assert legend == set(CAMPS)
    russia = _bars(ax)[0]  # camps in palette order: russia first
    assert to_hex(russia[0].get_facecolor()) == plots.CAMP_PALETTE["russia"]
    ticks = _tick_texts(ax)
    assert all("n=" in t for t in ticks) and any(t.startswith(TINY_OUTLET) and t.endswith("*") for t in ticks)
    assert "quotes" in ax.get_title() and ax.get_ylabel() == "share of quotes"


def test_plots_quote_share_bar_heights_and_errorbars_match_table(results):
    table = quote_share_by(results, by="alignment", **FAST)
    fig = plots.quote_share(table, by="alignment")
    ax = fig.axes[0]
    heights = sorted(bar.get_height() for c in _bars(ax) for bar in c)
    np.testing.assert_allclose(heights, sorted(table.share))
    error_lines = [c for c in ax.containers if isinstance(c, ErrorbarContainer)]
    assert len(error_lines) == len(CAMPS)


def test_plots_sentiment_points_per_camp_and_outlet(results):
    fig = plots.sentiment(results, kind="portrayal", **FAST)
    ax = fig.axes[0]
    points = [c for c in ax.collections if isinstance(c, PathCollection)]
    assert len(points) == len(CAMPS)
    assert sum(len(p.get_offsets()) for p in points) == len(OUTLETS) * len(CAMPS)
    assert _tick_texts(ax) == sorted(OUTLETS)
    assert "Portrayal" in ax.get_title() and "portrayal" in ax.get_ylabel()
    n_labels = [t for t in ax.texts if t.get_text().isdigit()]
    assert len(n_labels) == len(OUTLETS) * len(CAMPS)


def test_plots_sentiment_voice_with_filter_in_title(results):
    fig = plots.sentiment(results, kind="voice", by="alignment", filter={"camp": ["russia", "us"]}, **FAST)
    ax = fig.axes[0]
    assert "Voice" in ax.get_title() and "camp: russia, us" in ax.get_title()
    assert len([c for c in ax.collections if isinstance(c, PathCollection)]) == 2


def test_plots_hedging_heatmap_cells_and_annotations(results):
    fig = plots.hedging_heatmap(results, measure="own_hedges", per="quotes", **FAST)
    ax = fig.axes[0]
    mesh = next(c for c in ax.collections if isinstance(c, QuadMesh))
    assert mesh.get_array().size == len(CAMPS) * len(OUTLETS)
    annotations = [t.get_text() for t in ax.texts]
    assert len(annotations) == len(CAMPS) * len(OUTLETS) and all("n=" in a for a in annotations)
    assert "own hedges per quote" in ax.get_title().lower()
    assert [t.get_text() for t in ax.get_yticklabels()] == ["russia", "us", "opposition", "syria government"]


def test_plots_hedging_heatmap_from_compare_table(results):
    table = compare(results, "distancing_hedges", by=["camp", "outlet"], **FAST)
    fig = plots.hedging_heatmap(table)
    annotations = {t.get_text().split("\n")[0] for t in fig.axes[0].texts}
    assert annotations == {f"{e:.2f}" for e in table.estimate}


def test_plots_stance_profile_bars(results):
    fig = plots.stance_profile(results, **FAST)
    ax = fig.axes[0]
    assert len(_bars(ax)) == len(STANCES)
    assert {t.get_text() for t in ax.get_legend().get_texts()} == set(STANCES)
    assert "stance" in ax.get_title() and ax.get_ylabel() == "share of attribution verbs"


def test_plots_timeline_two_panels_with_counts(results):
    fig = plots.timeline(results, "quotes", freq="M", **FAST)
    top, bottom = fig.axes[:2]
    assert len(top.get_lines()) >= len(CAMPS) and len(bottom.get_lines()) >= len(CAMPS)
    assert bottom.get_ylabel() == "articles" and "month" in top.get_title()
    monthly_counts = np.concatenate([line.get_ydata() for line in bottom.get_lines()])
    assert monthly_counts.max() > 0


def test_plots_timeline_without_hue_and_bad_freq(results):
    fig = plots.timeline(results, "distancing_verbs", freq="W", hue=None, per="quotes", **FAST)
    assert len(fig.axes[0].get_lines()) == 1 and "per quote" in fig.axes[0].get_ylabel()
    with pytest.raises(ValueError, match="freq"):
        plots.timeline(results, "quotes", freq="fortnight")


def test_plots_palette_covers_contract_camps():
    camps = ["russia", "us", "opposition", "syria_government", "iran", "turkey", "un", "isis", "other", "unnamed"]
    assert set(plots.CAMP_PALETTE) == set(camps) and len(set(plots.CAMP_PALETTE.values())) == len(camps)
    assert plots.palette(["russia", "martians"])["martians"] not in plots.CAMP_PALETTE.values()
