"""analyze(sentiment=...) picks the backend behind portrayal and voice; side_backends=True adds the
VADER/TextBlob columns, which are otherwise null."""

from __future__ import annotations

import numpy as np
import pytest
from analyze_corpus import records

from toolkit.pipeline import analyze
from toolkit.sentiment import register_backend


class _Constant:
    """A target-blind backend scoring every text 0.5."""

    name = "constant"

    def score(self, text: str) -> float:
        return 0.5


SIDE_COLUMNS = ["portrayal_vader", "portrayal_textblob", "voice_vader", "voice_textblob"]


def test_pipeline_side_backends_only_when_asked(tmp_path):
    plain = analyze(records(4), cache=tmp_path, progress=False)
    side = analyze(records(4), cache=tmp_path, progress=False, side_backends=True)
    assert plain.path != side.path and side.settings["backends"] == ["default", "vader", "textblob"]
    assert plain.actor_measures[SIDE_COLUMNS].isna().all().all()  # present, null
    assert side.actor_measures[SIDE_COLUMNS].notna().any().all()
    main = ["article_id", "actor", "mentions", "quotes", "portrayal", "voice"]
    assert plain.actor_measures[main].equals(side.actor_measures[main])
    assert plain.quotes.equals(side.quotes)


def test_pipeline_sentiment_vader_fills_portrayal_and_voice_with_vader():
    am = analyze(records(4), cache=False, progress=False, sentiment="vader", side_backends=True).actor_measures
    np.testing.assert_array_equal(am["portrayal"].to_numpy(), am["portrayal_vader"].to_numpy())
    np.testing.assert_array_equal(am["voice"].to_numpy(), am["voice_vader"].to_numpy())
    assert am["voice"].notna().any() and am["portrayal_textblob"].notna().any()


def test_pipeline_sentiment_registered_backend_and_separate_cache(tmp_path):
    register_backend("constant-test", _Constant())
    default = analyze(records(4), cache=tmp_path, progress=False, side_backends=True)
    custom = analyze(records(4), cache=tmp_path, progress=False, sentiment="constant-test", side_backends=True)
    assert custom.path != default.path and custom.settings["sentiment"] == "constant-test"
    scored = custom.actor_measures.dropna(subset=["portrayal"])
    assert len(scored) and (scored["portrayal"] == 0.5).all()
    assert (custom.quotes["voice"] == 0.5).all()
    assert custom.actor_measures["portrayal_vader"].equals(default.actor_measures["portrayal_vader"])


def test_pipeline_unknown_sentiment_backend_fails_before_work(tmp_path):
    with pytest.raises(KeyError, match="unknown sentiment backend"):
        analyze(records(2), cache=tmp_path, sentiment="no-such-backend")
    assert not list(tmp_path.iterdir())


class _Versioned(_Constant):
    """A backend carrying a model manifest, as the trained backend does."""

    def __init__(self, version: int) -> None:
        self.manifest = {"model": "constant", "version": version}


def test_pipeline_cache_follows_the_backends_model_manifest(tmp_path):
    register_backend("versioned-test", _Versioned(1))
    first = analyze(records(3), cache=tmp_path, progress=False, sentiment="versioned-test")
    again = analyze(records(3), cache=tmp_path, progress=False, sentiment="versioned-test")
    register_backend("versioned-test", _Versioned(2))
    retrained = analyze(records(3), cache=tmp_path, progress=False, sentiment="versioned-test")
    assert again.path == first.path and retrained.path != first.path


def test_pipeline_cached_run_loads_no_packaged_backend(tmp_path):
    from toolkit.sentiment import registry

    first = analyze(records(3), cache=tmp_path, progress=False)
    registry._INSTANCES.clear()
    again = analyze(records(3), cache=tmp_path, progress=False)
    assert again.path == first.path and not registry._INSTANCES  # NLTK and the model stay unloaded
