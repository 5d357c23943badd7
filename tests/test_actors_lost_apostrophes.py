"""Forms with a possessive "'s" also match with the apostrophe lost, as FA-KES's texts write them (own sentences)."""

import pytest

from toolkit.actors import find_mentions, load_actors


@pytest.fixture(scope="module")
def lex():
    return load_actors()


def _found(text, lex):
    return [(m.text, m.actor, m.how) for m in find_mentions(text, lex)]


@pytest.mark.parametrize("text, expected", [
    ("Russias Foreign Ministry said the convoy was hit near Port Elbe.",
     [("Russias Foreign Ministry", "russian_foreign_ministry", "alias")]),
    ("Russias military said its jets struck the Vale Front.",
     [("Russias military", "russian_defense_ministry", "alias")]),
    ("Irans Foreign Ministry denied the report.", [("Irans Foreign Ministry", "iran_foreign_ministry", "alias")]),
    ("Russias President said the talks would go on.", [("Russias President", "putin", "title")]),
    ("Assads troops shelled the hills above Port Elbe.", [("Assads troops", "syrian_army", "generic")]),
    ("Syrias state media said the road was open.", [("Syrias state media", "sana", "alias")]),
])
def test_actors_lost_apostrophes_match_the_possessive_forms(lex, text, expected):
    assert _found(text, lex) == expected


def test_actors_lost_apostrophes_give_the_same_actor_as_the_apostrophe(lex):
    for with_apostrophe in ("Russia's Foreign Ministry", "Russia's military", "Turkey's government",
                            "Syria's opposition", "Iran's government"):
        (a,) = find_mentions(f"{with_apostrophe} said the Vale Front had withdrawn.", lex)
        (b,) = find_mentions(f"{with_apostrophe.replace(chr(39), '')} said the Vale Front had withdrawn.", lex)
        assert (b.actor, b.how, b.end - b.start) == (a.actor, a.how, a.end - a.start - 1)


def test_actors_lost_apostrophes_leave_other_apostrophes_and_plurals_alone(lex):
    # a possessive without its apostrophe stays a possessive, and a plural of an unknown name finds nothing
    assert _found("Putins spokesman said the visit was off.", lex) == [("Putin", "putin", "possessive")]
    assert _found("The Quills of Port Elbe said nothing.", lex) == []


def test_actors_lost_apostrophes_apply_to_a_user_file(tmp_path):
    user = tmp_path / "actors.yml"
    user.write_text(
        "sources: {mine: 'Invented for a test'}\n"
        "camps: {ruritania: {name: Ruritania, generic: ruritanian_government}}\n"
        "actors:\n"
        "  - {id: ruritanian_government, name: Ruritanian government, camp: ruritania, kind: organization,\n"
        "     source: mine, aliases: [Ruritania's War Office],\n"
        "     generic: {qualifiers: [Ruritania's], nouns: [gunboats]}}\n", encoding="utf-8")
    lex = load_actors(user)
    assert _found("Ruritanias War Office said Ruritanias gunboats had sailed.", lex) == [
        ("Ruritanias War Office", "ruritanian_government", "alias"),
        ("Ruritanias gunboats", "ruritanian_government", "generic")]
