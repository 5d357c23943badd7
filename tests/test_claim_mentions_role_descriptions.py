"""toolkit.claim_mentions.role_descriptions and the hedge rule ``role_descriptions`` (round 14): a definite reference
by a role noun stands for the earlier mention with that head, else for the lexicon's actor of "a <noun>". Texts and
actors invented for these tests."""

import pytest
from claim_stubs import claim_of, without
from mention_stubs import mention_at

from toolkit.actors import find_mentions, load_actors
from toolkit.claim_mentions import role_descriptions


def test_claim_mentions_role_description_takes_the_earlier_mention_with_its_head():
    text = ("The radio quoted a Vale Council spokesman late on Monday. Mara Quill left. "
            "The spokesman could not confirm whether the dam had burst.")
    ms = [mention_at(text, "Vale Council spokesman", "vale_council"), mention_at(text, "Mara Quill", "quill")]
    (found,) = role_descriptions(text, ms, None)
    assert (text[found.start:found.end], found.actor) == ("The spokesman", "vale_council")
    # its hedge (with and without the rule) is a row of tests/test_hedge_claims_rules.py


def test_claim_mentions_role_description_without_antecedent_is_the_lexicons_indefinite_form():
    actors = load_actors()
    text = "The source claimed that the Vale convoy was turned back. Nobody traced the source of the fire."
    found = role_descriptions(text, find_mentions(text, actors), actors)
    assert [(text[m.start:m.end], m.actor) for m in found] == [("The source", "unnamed_source")]
    assert role_descriptions(text, find_mentions(text, actors), None) == []
    c = claim_of(text, "claimed", mentions=find_mentions(text, actors), actors=actors)
    assert c.actor == "unnamed_source"
    assert claim_of(text, "claimed", mentions=find_mentions(text, actors), actors=actors,
                  rules=without("role_descriptions")).actor is None


@pytest.mark.parametrize(("text", "cue"), [
    ("The official news agency of Ruritania reportedly said the dam held.", "reportedly"),
    ("Shelling hit the Vale market on Monday. The official death toll could rise, the monitor said.", "could"),
    ("The source code of the Vale app was allegedly leaked.", "allegedly"),
])
def test_claim_mentions_role_word_before_a_noun_is_no_person(text, cue):
    """"The official" or "the source" modifying a noun is no mention, so the hedge's actor is the one it has without
    the rule (here none), not the lexicon's unnamed source."""
    actors = load_actors()
    mentions = find_mentions(text, actors)
    assert role_descriptions(text, mentions, actors) == []
    assert claim_of(text, cue, mentions=mentions, actors=actors).actor is None
    assert claim_of(text, cue, mentions=mentions, actors=actors, rules=without("role_descriptions")).actor is None


def test_claim_mentions_role_word_heading_its_phrase_is_still_read():
    actors = load_actors()
    for text in ("The official reportedly left Osterlich.", "The source, who asked not to be named, left.",
                 "The official said the pass may close."):
        found = role_descriptions(text, find_mentions(text, actors), actors)
        assert [m.actor for m in found] == ["unnamed_source"], text
