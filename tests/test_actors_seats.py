"""The lexicon's ``seat`` key: an institution named by its building (round 14, formerly a closed list in code)."""

from __future__ import annotations

import pytest

from toolkit.actors import find_mentions, load_actors
from toolkit.lexicon import LexiconError

_HEAD = ("sources: {mine: Invented for this test}\n"
         "actors:\n")


def _user(tmp_path, entry: str, name: str = "seats.yml"):
    path = tmp_path / name
    path.write_text(_HEAD + entry, encoding="utf-8")
    return path


def _placed(text, lex):
    return [(m.text, m.actor, m.how) for m in find_mentions(text, lex, places=True)]


def test_actors_seats_a_user_seat_is_the_institution_after_from_and_before_an_officers_title(tmp_path):
    hall = ("  - {id: amber_hall, name: the Amber Hall, camp: other, kind: organization, source: mine,\n"
            "     metonyms: [Amber Hall]%s}\n")
    seat = load_actors(_user(tmp_path, hall % ", seat: true"))
    plain = load_actors(_user(tmp_path, hall % "", "plain.yml"))
    text = ("Ruritania still lacked word from the Amber Hall; then Amber Hall Press Secretary Mara Quill spoke, "
            "and pickets stood outside the Amber Hall.")
    assert _placed(text, seat) == [("Amber Hall", "amber_hall", "metonym"), ("Amber Hall", "amber_hall", "metonym"),
                                   ("Amber Hall", "amber_hall", "place")]
    assert [how for _t, _a, how in _placed(text, plain)] == ["place", "place", "place"]


def test_actors_seats_the_default_seats_come_from_the_lexicon():
    lex = load_actors()
    assert sorted(a.id for a in lex.actors.values() if a.seat) == ["kremlin", "pentagon", "white_house"]


@pytest.mark.parametrize("entry, why", [
    ("metonyms: [Amber Hall], seat: yes please", "'seat' must be true or false"),
    ("aliases: [Amber Hall], seat: true", "lists none"),
])
def test_actors_seats_a_bad_seat_is_a_lexicon_error_with_file_and_line(tmp_path, entry, why):
    path = _user(tmp_path, "  - {id: other_body, name: Other Body, camp: other, kind: organization, source: mine}\n"
                           f"  - {{id: amber_hall, name: the Amber Hall, camp: other, kind: organization, source: mine, "
                           f"{entry}}}\n")
    with pytest.raises(LexiconError) as info:
        load_actors(path)
    assert info.value.path.endswith("seats.yml") and info.value.line == 4
    assert why in str(info.value)
