"""Target-aware labels on clear cases (sentences written for these tests)."""

import pytest

from toolkit.sentiment import LABELS, portrayal, target_sentiment


def _at(text, mention, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(mention, start + 1)
    return start, start + len(mention)


PRAISED = "The mayor praised Karimova for her brave and honest work on the bridge repair."
CRITICISED = "Observers harshly criticized Dalton over the disastrous handling of the flood relief."
CRITIC = "Dalton slammed the committee, calling its report a shameful failure."
NEGATED = "Karimova is not a good leader."
AFFIRMED = "Karimova is a good leader."


@pytest.mark.parametrize("backend", ["default", "vader", "textblob"])
def test_sentiment_praised_target_is_positive(backend):
    r = target_sentiment(PRAISED, *_at(PRAISED, "Karimova"), backend=backend)
    assert r.label == "positive" and r.score > 0


@pytest.mark.parametrize("backend", ["default", "vader", "textblob"])
def test_sentiment_criticised_target_is_negative(backend):
    r = target_sentiment(CRITICISED, *_at(CRITICISED, "Dalton"), backend=backend)
    assert r.label == "negative" and r.score < 0


@pytest.mark.parametrize("backend", ["default", "vader", "textblob"])
def test_sentiment_object_of_attack_is_negative(backend):
    r = target_sentiment(CRITIC, *_at(CRITIC, "committee"), backend=backend)
    assert r.label == "negative"


@pytest.mark.parametrize("backend", ["default"])
def test_sentiment_critic_is_not_portrayed_negatively(backend):
    critic = target_sentiment(CRITIC, *_at(CRITIC, "Dalton"), backend=backend)
    target = target_sentiment(CRITIC, *_at(CRITIC, "committee"), backend=backend)
    assert critic.label != "negative"
    assert critic.score > target.score


@pytest.mark.parametrize("backend", ["vader", "textblob"])
def test_sentiment_critic_scores_far_milder_than_the_criticised(backend):
    # The rule backends' train-tuned neutral band is narrow, so only the relative size is asserted.
    critic = target_sentiment(CRITIC, *_at(CRITIC, "Dalton"), backend=backend)
    target = target_sentiment(CRITIC, *_at(CRITIC, "committee"), backend=backend)
    assert abs(critic.score) < abs(target.score) / 4
    assert "slammed" not in {e.text for e in critic.evidence}


@pytest.mark.parametrize("backend", ["default", "vader", "textblob"])
def test_sentiment_negation_flips_the_label(backend):
    plain = target_sentiment(AFFIRMED, *_at(AFFIRMED, "Karimova"), backend=backend)
    negated = target_sentiment(NEGATED, *_at(NEGATED, "Karimova"), backend=backend)
    assert plain.label == "positive"
    assert negated.label == "negative"


def test_sentiment_labels_come_from_the_vocabulary():
    r = target_sentiment(PRAISED, *_at(PRAISED, "mayor"))
    assert r.label in LABELS and -1.0 <= r.score <= 1.0
    assert (r.start, r.end) == _at(PRAISED, "mayor") and r.backend == "default"


@pytest.mark.parametrize("backend", ["default", "vader"])
def test_sentiment_portrayal_ignores_words_in_someone_elses_quote(backend):
    text = 'Karimova said the old plan was "a terrible, corrupt and hopeless mess" at the hearing.'
    span = _at(text, "Karimova")
    full = target_sentiment(text, *span, backend=backend)
    outlet = portrayal(text, [span], backend=backend)[0]
    q0, q1 = text.index('"'), text.rindex('"')
    assert outlet.label == "neutral"
    assert not any(q0 < e.start < q1 for e in outlet.evidence)
    assert any(q0 < e.start < q1 for e in full.evidence)  # target_sentiment damps, does not drop, them
    if backend == "vader":
        assert outlet.score > full.score


def test_sentiment_portrayal_scores_each_span_in_order():
    text = "Dalton slammed the committee, calling its report a shameful failure. The mayor praised Karimova warmly."
    spans = [_at(text, "committee"), _at(text, "Karimova"), _at(text, "Dalton")]
    out = portrayal(text, spans)
    assert [(r.start, r.end) for r in out] == spans
    assert [r.label for r in out[:2]] == ["negative", "positive"]


def test_sentiment_bad_span_is_rejected():
    with pytest.raises(ValueError, match="outside text"):
        target_sentiment("Short text.", 5, 50)
