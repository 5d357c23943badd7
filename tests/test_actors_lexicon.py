"""load_actors: default lexicon, user files extending or replacing it, line-accurate errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.actors import find_mentions, load_actors
from toolkit.vocab import ACTOR_KINDS
from toolkit.lexicon import LexiconError

FIX = Path(__file__).parent / "fixtures" / "actors"
CAMPS = ("russia", "us", "opposition", "syria_government", "iran", "turkey", "un", "isis", "other", "unnamed")
REQUIRED_IDS = ("putin peskov lavrov shoigu konashenkov zakharova sergei_ivanov kremlin russian_defense_ministry "
                "russian_foreign_ministry russian_government russian_officials obama kerry carter mccain pentagon "
                "state_department white_house cia us_officials us_government khoja syrian_national_council "
                "national_coalition free_syrian_army rebels activists white_helmets syrian_observatory assad sana "
                "syrian_army syrian_government unnamed_source").split()


def test_actors_default_lexicon_has_the_contract_camps_ids_and_citations():
    lex = load_actors()
    assert lex.camps == CAMPS
    assert set(REQUIRED_IDS) <= set(lex.actors)
    assert {a.camp for a in lex.actors.values()} == set(CAMPS)
    assert all(a.kind in ACTOR_KINDS for a in lex.actors.values())
    assert all("http" in cite or "Stylebook" in cite for cite in lex.sources.values())
    assert lex.camp_generic["russia"] == "russian_officials"


def test_actors_user_file_extends_the_default_by_id():
    lex = load_actors(FIX / "extend.yml")
    assert lex.get("carter").name == "Ashton B. Carter"
    assert lex.get("putin").camp == "russia"
    assert "kurds" in lex.camps
    ms = find_mentions("Secretary Ashton B. Carter met the SDF near Raqqa.", lex)
    assert [(m.actor, m.camp) for m in ms] == [("carter", "us"), ("sdf", "kurds")]


def test_actors_user_file_replaces_the_default():
    lex = load_actors(FIX / "replace.yml", extend=False)
    assert set(lex.actors) == {"anna_berg", "otto_berg", "north_people", "harbor_town"}
    assert lex.camps == ("north", "south")
    assert lex.lookup("Vladimir Putin") is None


def test_actors_ambiguous_surname_follows_the_last_full_mention():
    lex = load_actors(FIX / "replace.yml", extend=False)
    text = "Berg spoke. Anna Berg arrived, then Mayor Otto Berg. Berg said no. Northern delegates left Harborville."
    assert [(m.text, m.actor, m.how) for m in find_mentions(text, lex)] == [
        ("Anna Berg", "anna_berg", "alias"),
        ("Mayor Otto Berg", "otto_berg", "alias"),
        ("Berg", "otto_berg", "surname"),
        ("Northern delegates", "north_people", "generic"),
    ]


@pytest.mark.parametrize("name, line, why", [
    ("bad_syntax.yml", 6, "YAML syntax error"),
    ("bad_camp.yml", 4, "unknown camp 'atlantis'"),
    ("bad_aliases.yml", 4, "'aliases' must be a list of non-empty strings"),
    ("bad_duplicate.yml", 5, "duplicate actor id 'twin'"),
    ("bad_missing_id.yml", 4, "missing 'id'"),
])
def test_actors_malformed_files_raise_lexicon_error_with_file_and_line(name, line, why):
    with pytest.raises(LexiconError) as info:
        load_actors(FIX / name)
    err = info.value
    assert err.path.endswith(name) and err.line == line
    assert why in str(err)


def test_actors_missing_user_file_is_a_lexicon_error():
    with pytest.raises(LexiconError, match="cannot read"):
        load_actors(FIX / "does_not_exist.yml")


def test_actors_user_forms_win_over_default_forms_and_same_actor_keeps_alias_role(tmp_path):
    user = tmp_path / "mine.yml"
    user.write_text(
        "sources: {mine: Invented for this test}\n"
        "actors:\n"
        "  - {id: city_council, name: Moscow city council, camp: other, kind: organization, source: mine,\n"
        "     metonyms: [Moscow]}\n", encoding="utf-8")
    lex = load_actors(user)
    assert [m.actor for m in find_mentions("Moscow voted against the plan.", lex)] == ["city_council"]
    assert [m.how for m in find_mentions("The Syrian army advanced.")] == ["alias"]


def test_actors_alias_claimed_by_two_actors_in_one_file_is_an_error(tmp_path):
    user = tmp_path / "clash.yml"
    user.write_text(
        "sources: {mine: Invented for this test}\n"
        "camps: {north: {name: North}}\n"
        "actors:\n"
        "  - {id: one, name: One, camp: north, kind: person, source: mine, aliases: [Blue Fox]}\n"
        "  - {id: two, name: Two, camp: north, kind: person, source: mine, aliases: [Blue Fox]}\n",
        encoding="utf-8")
    with pytest.raises(LexiconError, match=r"line 5: .*'Blue Fox' is already used by actor 'one'"):
        load_actors(user, extend=False)


def test_actors_partial_update_keeps_the_default_keys_it_does_not_give():
    lex = load_actors(FIX / "partial.yml")
    zakharova = lex.get("zakharova")
    assert (zakharova.camp, zakharova.kind, zakharova.gender) == ("russia", "person", "f")
    assert [m.actor for m in find_mentions("Masha Zakharova briefed reporters.", lex)] == ["zakharova"]
    # The default lexicon does not know the first name, so the surname there counts as someone else's.
    assert find_mentions("Masha Zakharova briefed reporters.") == []
