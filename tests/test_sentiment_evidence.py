"""Evidence words carry offsets into the original text, even with several sentences before them."""

import pytest

from toolkit.sentiment import target_sentiment, voice

TEXT = ("Rain fell on the capital all morning.\n"
        "Later, critics fiercely condemned Orlov for the cruel and reckless crackdown.\n"
        "Nobody expected the vote to be close.")


@pytest.mark.parametrize("backend", ["default", "vader", "textblob"])
def test_sentiment_evidence_offsets_map_back(backend):
    start = TEXT.index("Orlov")
    r = target_sentiment(TEXT, start, start + 5, backend=backend)
    assert r.label == "negative"
    assert r.evidence, "a clearly negative target must come with evidence"
    for ev in r.evidence:
        assert TEXT[ev.start:ev.end] == ev.text
        assert TEXT.index("Later") <= ev.start < TEXT.index("Nobody")  # same sentence as the target
    words = {ev.text for ev in r.evidence}
    assert words & {"condemned", "cruel", "reckless"}
    assert all(ev.weight < 0 for ev in r.evidence if ev.text in {"condemned", "cruel", "reckless"})


def test_sentiment_curly_quotes_keep_offsets():
    text = "\u201cIt was a wonderful, generous gesture,\u201d the envoy said of Tamsin\u2019s offer."
    start = text.index("Tamsin")
    r = target_sentiment(text, start, start + 6, backend="vader")
    for ev in r.evidence:
        assert text[ev.start:ev.end] == ev.text


@pytest.mark.parametrize("backend", ["default", "vader", "textblob"])
def test_sentiment_voice_sign(backend):
    assert voice("This is a wonderful and hopeful day for our people.", backend=backend) > 0.2
    assert voice("These attacks are horrible, cruel and evil.", backend=backend) < -0.2
    assert voice("   ", backend=backend) == 0.0
