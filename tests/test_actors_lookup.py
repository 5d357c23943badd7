"""ActorLexicon.lookup: resolving speaker phrases (people, spokespeople, alliances and generic speaker
groups of 2015, own sentences) to their head actor."""

from __future__ import annotations

import pytest

from toolkit.actors import load_actors


@pytest.mark.parametrize("phrase, actor_id, camp", [
    ("Russian President Vladimir Putin", "putin", "russia"),
    ("Putin's spokesman, Dmitry Peskov", "peskov", "russia"),
    ("a spokesman for Russian President Vladimir Putin", "kremlin_spokesperson", "russia"),
    ("U.S. defense officials", "us_officials", "us"),
    ("Moscow", "russian_government", "russia"),
    ("activists", "activists", "opposition"),
    ("a Lebanese source", "unnamed_source", "unnamed"),
    ("officials", "unnamed_source", "unnamed"),
    ("Sen. John McCain", "mccain", "us"),
    ("Khaled Khoja, the opposition council's chief", "khoja", "opposition"),
    ("an aide to Assad", "syrian_government", "syria_government"),
    ("a spokeswoman for the State Department", "state_department", "us"),
    ("the Syrian Observatory for Human Rights", "syrian_observatory", "opposition"),
    ("Daesh", "isis", "isis"),
    ("Staffan de Mistura", "de_mistura", "un"),
    ("Erdogan", "erdogan", "turkey"),
    # spokespeople, alliances and generic speaker groups of 2015 (own sentences)
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
def test_actors_lookup_resolves_speaker_phrases(phrase, actor_id, camp):
    actor = load_actors().lookup(phrase)
    assert actor is not None and (actor.id, actor.camp) == (actor_id, camp)


@pytest.mark.parametrize("phrase", ["Jonas Whitcombe", "he", "the committee", ""])
def test_actors_lookup_returns_none_for_unknown_speakers(phrase):
    assert load_actors().lookup(phrase) is None


def test_actors_get_and_actor_fields():
    lex = load_actors()
    putin = lex.get("putin")
    assert (putin.name, putin.camp, putin.kind, putin.gender) == ("Vladimir Putin", "russia", "person", "m")
    assert "Putin" in putin.aliases and "Russian President" in putin.titles
    assert lex.get("rebels").kind == "group" and lex.get("rebels").gender is None
    with pytest.raises(KeyError, match="nobody"):
        lex.get("nobody")


@pytest.mark.parametrize("phrase, expected", [
    ("Marta Quill, a retired schoolteacher", None),
    ("Marta Quill, a senior official at the town hall", None),  # named, so not an unnamed source
    ("Marta Quill, a former U.S. envoy to the talks", "us_officials"),
    ("Quill, an adviser to Putin", "russian_officials"),
    ("Putin's chief of staff", "russian_officials"),
    ("Putins spokesman", "kremlin_spokesperson"),
    ("Administration officials", "us_officials"),  # the U.S. administration in news of the period
    ("Two analysts", "unnamed_source"),
])
def test_actors_lookup_of_unknown_named_people_and_roles(phrase, expected):
    actor = load_actors().lookup(phrase)
    assert (actor.id if actor else None) == expected


def test_actors_every_display_name_looks_up_its_own_actor():
    lex = load_actors()
    assert all(lex.lookup(a.name) is a for a in lex.actors.values())
    assert lex.lookup("Kremlin spokesperson").id == "kremlin_spokesperson"
