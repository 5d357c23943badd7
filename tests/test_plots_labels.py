"""plots.label_mix: one camp's label categories per group, own voice beside quoted, with the table's CIs."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from test_comparison_labels import _results  # noqa: E402

from toolkit import plots  # noqa: E402
from toolkit.comparison import label_shares  # noqa: E402

FAST = {"n_resamples": 200}


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_plots_label_mix_draws_own_voice_beside_quoted():
    results = _results()
    fig = plots.label_mix(results, camp="opposition", by="outlet", **FAST)
    assert isinstance(fig, Figure)
    own, quoted = fig.axes[:2]
    assert own.get_title(loc="left") == "in the outlet's own voice" and quoted.get_title(loc="left") == "inside quotes"
    assert "opposition" in fig._suptitle.get_text()
    for ax in (own, quoted):
        assert len(ax.containers) >= 3  # one bar container per category (and error bars)
        assert [t.get_text().split("\n")[0] for t in ax.get_xticklabels()] == ["state", "wire"]
    bars = list(own.containers[2])  # the third category, in state, wire order
    table = label_shares(results, by="outlet", camp="opposition", voice="own", **FAST)
    expected = table[table.category == "delegitimising"].set_index("outlet")["share"]
    assert [b.get_height() for b in bars] == pytest.approx([expected["state"], expected["wire"]])
    assert {to_hex(b.get_facecolor()) for b in bars} == {plots.CATEGORY_PALETTE["delegitimising"]}
    legend = fig.axes[0].get_legend()
    assert [t.get_text() for t in legend.get_texts()] == ["neutral", "legitimising", "delegitimising"]


def test_plots_label_mix_takes_a_table_and_says_when_a_voice_has_no_labels():
    results = _results()
    table = label_shares(results, by="alignment", camp="opposition", voice="own", **FAST)
    fig = plots.label_mix(table, camp="opposition", by="alignment")
    own, quoted = fig.axes[:2]
    assert [t.get_text().split("\n")[0] for t in own.get_xticklabels()] == ["syria government", "us western"]
    assert [t.get_text() for t in quoted.texts] == ["no labels"]
