"""Lexicon entries added from the real-news speaker gaps: parliamentarians, ambassadors, faction figures."""

import pytest

from toolkit.actors import load_actors


@pytest.fixture(scope="module")
def lex():
    return load_actors()


@pytest.mark.parametrize("phrase, actor, camp", [
    ("Mikhail Yemelyanov", "mikhail_yemelyanov", "russia"),
    ("Vladimir Jabbarov", "vladimir_jabbarov", "russia"),
    ("Hadiya Khalaf Abbas", "hadiya_khalaf_abbas", "syria_government"),
    ("Riad Haddad", "riad_haddad", "syria_government"),
    ("Islamic Front", "islamic_front", "opposition"),
    ("Ahrar al-Sham", "ahrar_al_sham", "opposition"),
    ("Abu Yusef al-Muhajir", "abu_yusef_muhajir", "opposition"),
    ("Yasser Al Youssef", "yasser_al_yusef", "opposition"),
    ("Samir Nashar", "samir_nachar", "opposition"),
    ("Ammar al-Selmo", "ammar_al_selmo", "opposition"),
    ("the opposition", "syrian_opposition", "opposition"),
    ("Syria's opposition", "syrian_opposition", "opposition"),
    ("the General Command", "syrian_army", "syria_government"),
])
def test_actors_lexicon_additions_resolve_names(lex, phrase, actor, camp):
    found = lex.lookup(phrase)
    assert found is not None and (found.id, found.camp) == (actor, camp)
