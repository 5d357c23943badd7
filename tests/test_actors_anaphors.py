"""The lexicon's ``anaphors`` key: a short form ("the administration") that names an actor only after a full
mention of it (or of an actor its ``after`` lists) in the same text, and not before "of"/"in" + another camp."""

from __future__ import annotations

import pytest

from toolkit.actors import find_mentions, load_actors
from toolkit.lexicon import LexiconError

_HEAD = ("sources: {mine: Invented for this test}\n"
         "actors:\n"
         "  - {id: quill, name: Mara Quill, camp: other, kind: person, source: mine,\n"
         "     aliases: [Mara Quill], surnames: [Quill]}\n"
         "  - {id: vale_front, name: the Vale Front, camp: opposition, kind: group, source: mine,\n"
         "     aliases: [Vale Front]}\n")
_COUNCIL = ("  - {id: elbe_council, name: Port Elbe council, camp: other, kind: organization, source: mine,\n"
            "     aliases: [Port Elbe council], anaphors: {forms: [the council], after: [%s]}}\n")


def _lex(tmp_path, after: str = "quill"):
    path = tmp_path / "anaphors.yml"
    path.write_text(_HEAD + _COUNCIL % after, encoding="utf-8")
    return load_actors(path)


def _found(text, lex):
    return [(m.text, m.actor, m.how) for m in find_mentions(text, lex)]


def test_actors_anaphors_match_only_after_a_full_mention_of_the_actor_or_its_after_actors(tmp_path):
    lex = _lex(tmp_path)
    assert _found("The council met at dawn.", lex) == []
    assert _found("The Port Elbe council met; later the council adjourned.", lex) == [
        ("Port Elbe council", "elbe_council", "alias"), ("the council", "elbe_council", "alias")]
    assert _found("Mara Quill spoke and the council adjourned.", lex) == [
        ("Mara Quill", "quill", "alias"), ("the council", "elbe_council", "alias")]


def test_actors_anaphors_before_of_or_in_need_a_mention_of_the_same_camp_next(tmp_path):
    lex = _lex(tmp_path)
    text = "The Port Elbe council met; the council of the Vale Front refused, and the council in Port Elbe council ..."
    assert _found(text, lex) == [("Port Elbe council", "elbe_council", "alias"), ("Vale Front", "vale_front", "alias"),
                                 ("the council", "elbe_council", "alias"),
                                 ("Port Elbe council", "elbe_council", "alias")]


def test_actors_anaphors_of_a_mention_of_the_same_camp_need_no_mention_before(tmp_path):
    lex = _lex(tmp_path)
    assert _found("Under the council of former envoy Mara Quill, Ruritania kept calm.", lex) == [
        ("the council", "elbe_council", "alias"), ("envoy Mara Quill", "quill", "alias")]
    assert _found("The council of the Vale Front met.", lex) == [("Vale Front", "vale_front", "alias")]
    # the council of someone's successor is not that person's
    assert _found("The Port Elbe council met; the council of Mara Quill's ward did not.", lex) == [
        ("Port Elbe council", "elbe_council", "alias"), ("Mara Quill", "quill", "possessive")]


def test_actors_anaphors_are_not_aliases_of_the_actor(tmp_path):
    assert "the council" not in _lex(tmp_path).actors["elbe_council"].aliases


def test_actors_anaphors_after_an_unknown_id_is_a_lexicon_error_with_file_and_line(tmp_path):
    with pytest.raises(LexiconError, match=r"anaphors after 'nobody' is not an actor id") as info:
        _lex(tmp_path, after="nobody")
    assert info.value.path.endswith("anaphors.yml") and info.value.line == 7


@pytest.mark.parametrize("text, found", [
    ("The administration in Damascus said the Vale Front had fled.", []),
    ("President Obama spoke. The administration in Damascus said the Vale Front had fled.",
     [("President Obama", "obama")]),
    ("The administration believes the talks in Port Elbe will resume.", []),
    ("President Obama spoke; the administration had no plan.",
     [("President Obama", "obama"), ("the administration", "us_government")]),
    ("President Obama spoke; the administration in March sent aid.",
     [("President Obama", "obama"), ("the administration", "us_government")]),
    ("The administration of U.S. President Barack Obama waited.", [
        ("The administration", "us_government"), ("U.S. President Barack Obama", "obama")]),
    ("The U.S. government waited. The administration of Mara Quill in Ruritania did not.", [
        ("U.S. government", "us_government")]),
    ("The Trump administration waited; the administration in Washington said no.", [
        ("Trump administration", "us_government"), ("the administration", "us_government")]),
])
def test_actors_anaphors_the_administration_is_the_us_one_only_after_a_us_mention(text, found):
    assert [(m.text, m.actor) for m in find_mentions(text, load_actors())] == found
