"""ActorLexicon.lookup: resolving speaker phrases to their head actor."""

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
])
def test_lookup_resolves_speaker_phrases(phrase, actor_id, camp):
    actor = load_actors().lookup(phrase)
    assert actor is not None and (actor.id, actor.camp) == (actor_id, camp)


@pytest.mark.parametrize("phrase", ["Jonas Whitcombe", "he", "the committee", ""])
def test_lookup_returns_none_for_unknown_speakers(phrase):
    assert load_actors().lookup(phrase) is None


def test_get_and_actor_fields():
    lex = load_actors()
    putin = lex.get("putin")
    assert (putin.name, putin.camp, putin.kind, putin.gender) == ("Vladimir Putin", "russia", "person", "m")
    assert "Putin" in putin.aliases and "Russian President" in putin.titles
    assert lex.get("rebels").kind == "group" and lex.get("rebels").gender is None
    with pytest.raises(KeyError, match="nobody"):
        lex.get("nobody")
