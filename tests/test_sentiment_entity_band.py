"""The choice tools of issue 20 round 14: tools/static_persent_band.py (an entity band per backend, nested
document folds) and tools/static_stack_mix_cv.py (mention-level corrections of the stack, nested article
folds) pick, on the other folds, the setting that the held-out fold confirms. Scores are invented."""

from __future__ import annotations

import sys

import numpy as np
from tool_scripts import TOOLS
from tool_scripts import load_tool as _tool


def test_sentiment_entity_band_nested_choice_finds_the_separating_band():
    band = _tool("static_persent_band")
    means = [-0.5, -0.3, -0.12, 0.0, 0.08, 0.15, 0.27, 0.6, None, 0.19] * 5
    gold = ["neutral" if m is None or abs(m) < 0.2 else "positive" if m > 0 else "negative" for m in means]
    folds = [i // 10 for i in range(len(means))]  # each fold one copy of the ten scores
    chosen, held = band.nested_choice(gold, means, folds)
    assert chosen == [0.2] * 5 and held == [1.0] * 5
    _c, narrow = band.nested_choice(gold, means, folds, (0.05,))
    assert max(narrow) < 1.0
    assert band.band_labels([0.1, -0.3, None], 0.15) == ["neutral", "negative", "neutral"]


def test_sentiment_stack_mix_neutral_bias_is_the_smallest_that_recovers_neutral():
    mix = _tool("static_stack_mix_cv")
    y = np.tile([0, 1, 2, 1], 25)
    raw = np.where(np.eye(3)[y] > 0, 2.0, 0.0)
    raw[y == 1] = [0.9, 0.65, 0.0]  # neutral rows lose to negative by 0.25
    folds = np.arange(len(y)) // 20
    grid, scores, size = mix.corrections(np.zeros_like(raw), raw)["neutral"]
    row = mix.nested(y, folds, grid, scores, size)
    assert row["chosen"] == [(0.0, 0.3)] * 5 and row["held_out"] == [1.0] * 5
    assert mix.report(y, folds, np.zeros_like(raw), raw)[0]["higher"] == 5


def test_sentiment_stack_mix_unchanged_setting_counts_neither_higher_nor_lower():
    mix = _tool("static_stack_mix_cv")
    rng = np.random.default_rng(7)
    y = rng.integers(0, 3, 230)
    raw = rng.normal(size=(230, 3)) + np.eye(3)[y]  # a noisy stack: fold figures with many decimals
    folds = np.arange(len(y)) % 5
    blend = next(r for r in mix.report(y, folds, raw.copy(), raw) if r["correction"] == "blend")
    assert blend["chosen"] == [1.0] * 5  # static equals the stack: every lam ties, the smallest change wins
    assert blend["mean"] == blend["stack_mean"] and (blend["higher"], blend["lower"]) == (0, 0)


def test_sentiment_entity_band_row_always_sets_the_fixed_band_beside_the_current():
    band = _tool("static_persent_band")
    means = [-0.5, -0.3, -0.12, 0.0, 0.08, 0.15, 0.27, 0.6, None, 0.19] * 5
    gold = ["neutral" if m is None or abs(m) < 0.2 else "positive" if m > 0 else "negative" for m in means]
    folds = [i // 10 for i in range(len(means))]
    row = band.band_row(gold, means, folds, 0.2)
    assert row["current_band"] == 0.2 and row["current"]["mean"] == 1.0 and row["current"]["higher"] == 0
    _c, fixed = band.nested_choice(gold, means, folds, (0.05,))
    assert row["fixed_band"] == 0.05 and row["fixed"]["folds"] == [round(x, 4) for x in fixed]
    assert row["fixed"]["mean"] < 1.0 and row["fixed"]["higher"] == 5


def test_sentiment_entity_band_is_an_optional_backend_attribute():
    from toolkit.sentiment import SentimentBackend
    from toolkit.sentiment.api import ENTITY_BAND, entity_band

    class Plain:
        name = "plain"

        def score(self, text: str) -> float:
            return 0.0

    class Banded(Plain):
        entity_band = 0.2

    assert isinstance(Plain(), SentimentBackend) and isinstance(Banded(), SentimentBackend)
    assert (entity_band(Plain()), entity_band(Banded())) == (ENTITY_BAND, 0.2)
    assert "entity_band" in SentimentBackend.__doc__


def test_sentiment_tool_loader_puts_tools_on_the_path_once():
    _tool("static_persent_band")
    before = list(sys.path)
    band = _tool("static_persent_band")
    assert str(TOOLS) in sys.path and sys.path == before and sys.modules["static_persent_band"] is band
