"""Spokespeople, alliances and generic speaker groups of 2015 resolve to their camps (own sentences)."""

from __future__ import annotations

import pytest

from toolkit.actors import find_mentions, load_actors


@pytest.mark.parametrize("phrase, actor, camp", [
    ("Pentagon press secretary Peter Cook", "cook", "us"),
    ("State Department spokesman John Kirby", "kirby", "us"),
    ("White House press secretary Josh Earnest", "earnest", "us"),
    ("Deputy Defense Minister Anatoly Antonov", "antonov", "russia"),
    ("Viktor Ozerov, who heads the defense committee", "ozerov", "russia"),
    ("Gen. Andrei Kartapolov", "kartapolov", "russia"),
    ("Iran's Foreign Ministry spokeswoman Marzieh Afkham", "afkham", "iran"),
    ("NATO Secretary-General Jens Stoltenberg", "stoltenberg", "other"),
    ("NATO", "nato", "other"),
    ("the Syrian American Medical Society", "sams", "other"),
    ("a commentator on Russian television", "russian_state_media", "russia"),
    ("opposition sources", "syrian_opposition", "opposition"),
    ("opposition media", "syrian_opposition", "opposition"),
    ("rebel commanders near the front", "rebels", "opposition"),
    ("Free Syrian Army commanders", "free_syrian_army", "opposition"),
    ("a Civil Defence volunteer", "white_helmets", "opposition"),
    ("rescue workers", "white_helmets", "opposition"),
    ("a senior administration official", "us_officials", "us"),
    ("the Britain-based monitoring group", "syrian_observatory", "opposition"),
    ("human rights groups", "rights_groups", "other"),
])
def test_lookup_resolves_2015_speakers(phrase, actor, camp):
    found = load_actors().lookup(phrase)
    assert found is not None and (found.id, found.camp) == (actor, camp)


def test_surnames_after_full_mentions_keep_the_person():
    text = "Peter Cook spoke first. Later Cook and Kirby took questions, and Antonov replied from the ministry."
    ms = find_mentions(text)
    assert [m.actor for m in ms] == ["cook", "cook", "kirby", "antonov"]


def test_a_cook_named_otherwise_is_not_the_press_secretary():
    assert [m.actor for m in find_mentions("The chef Maria Cook opened a restaurant.")] == []


def test_places_are_returned_only_on_request():
    text = "Officials in Moscow said the Kremlin would answer."
    assert [m.text for m in find_mentions(text)] == ["Officials", "Kremlin"]
    ms = find_mentions(text, places=True)
    assert [(m.text, m.how, m.camp) for m in ms][1:] == [("Moscow", "place", "russia"), ("Kremlin", "metonym", "russia")]
