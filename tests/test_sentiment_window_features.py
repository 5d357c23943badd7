"""The linear backend's window options (FeatureSet.window, .clause, .bigrams), chosen by CV over train articles."""

from dataclasses import asdict

from toolkit.sentiment.linear import FeatureSet, LinearTargetBackend
from fold_examples import two_fold_examples

TEXT = "The mayor, who was praised by critics, said the bridge was unsafe."
START, END = TEXT.index("mayor"), TEXT.index("mayor") + len("mayor")


def _words(fs: FeatureSet) -> list[str]:
    backend = LinearTargetBackend({}, settings={"features": asdict(fs)})
    return [name for name, _v, _t in backend.features(TEXT, START, END) if name.startswith("w")]


def test_sentiment_window_default_has_plain_words_only():
    words = _words(FeatureSet())
    assert "wR:praised" in words and "wL:the" in words
    assert not any(w.startswith(("wx", "wb")) for w in words)


def test_sentiment_window_width_limits_the_words():
    assert "wR:praised" in _words(FeatureSet(window=4)) and "wR:critics" not in _words(FeatureSet(window=4))


def test_sentiment_window_clause_drops_or_renames_words_past_a_break():
    assert [w for w in _words(FeatureSet(clause=1)) if w.startswith("wR")] == []
    renamed = _words(FeatureSet(clause=2))
    assert "wxR:praised" in renamed and "wR:praised" not in renamed and "wL:the" in renamed


def test_sentiment_window_bigrams_pair_neighbours_on_one_side():
    words = _words(FeatureSet(bigrams=True))
    assert "wbR:was_praised" in words and "wbR:praised_by" in words
    assert not any(w.startswith("wb") and "mayor" in w for w in words)


def test_sentiment_window_offsets_are_chosen_on_other_folds_and_score():
    from toolkit.sentiment.selection import fold_logits, offset_cv

    ex = two_fold_examples()
    logits = fold_logits(ex, (FeatureSet(), 1.0, 1), k=2)
    assert len(logits) == len(ex) and all(len(x) == 3 for x in logits)
    res = offset_cv(ex, logits, k=2)
    assert len(res["folds"]) == 2 and len(res["offsets"]) == 2 and 0.0 <= res["mean"] <= 1.0
    assert all(-1.0 <= a <= 1.0 and -1.0 <= b <= 1.0 for a, b in res["offsets"])
