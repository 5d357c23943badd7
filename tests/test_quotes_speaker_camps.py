"""Camps of speaker phrases on real-news patterns (own sentences)."""

import pytest

from toolkit.quotes import extract_quotes


def _camp(text: str) -> str | None:
    quotes = extract_quotes(text)
    assert len(quotes) == 1
    return quotes[0].camp


@pytest.mark.parametrize("text", [
    'The ambassador to Turkey said: "We will not accept any delay in the talks."',
    'An envoy to Russia said: "We will not accept any delay in the talks."',
    'The representative in Iran said: "We will not accept any delay in the talks."',
])
def test_quotes_speaker_host_country_is_not_camp(text):
    assert _camp(text) != {"Turkey": "turkey", "Russia": "russia", "Iran": "iran"}[
        next(w for w in ("Turkey", "Russia", "Iran") if w in text)]


def test_quotes_speaker_sender_still_counts():
    assert _camp('The U.S. envoy to Syria said: "We will not accept any delay in the talks."') == "us"


def test_quotes_speaker_place_inside_still_counts():
    assert _camp('Officials in Washington said: "We will not accept any delay in the talks."') == "us"


@pytest.mark.parametrize("text, speaker", [
    ("In mid-March the army announced a drive to clear the valley.", "the army"),
    ("In the same context the party leadership said the bombing was a crime.", "the party leadership"),
    ("Two days later Russia said the talks were over.", "Russian government"),
])
def test_quotes_speaker_time_adverbial_trimmed_from_name(text, speaker):
    quotes = extract_quotes(text)
    assert [q.speaker for q in quotes] == [speaker]


def test_quotes_speaker_al_prefixed_party_is_government():
    text = "The youth wing of al-Baath Arab Socialist Party said the shelling was a disgrace."
    assert [q.camp for q in extract_quotes(text)] == ["syria_government"]
