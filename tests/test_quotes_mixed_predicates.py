"""Mixed quotes whose verb is no reporting cue: the subject speaks, the predicate holding a short quoted
fragment is the content (found on the mixed misses of PolNeAR train, issue 16); sentences written for
the tests."""

from __future__ import annotations

from toolkit.quotes import extract_quotes


def test_quotes_mixed_predicates_short_fragment_takes_the_predicate_as_content():
    text = 'The mayor lamented a winter in which the buses "simply gave up" on the hill roads.'
    (q,) = extract_quotes(text, actors=False)
    assert q.kind == "mixed" and q.speaker == "The mayor"
    assert q.text == 'a winter in which the buses "simply gave up" on the hill roads.'


def test_quotes_mixed_predicates_content_ends_before_a_clause_of_its_own():
    text = 'Ms. Ortiz warned against the "quick fixes" of the old plan, but she backed the new budget.'
    (q,) = extract_quotes(text, actors=False)
    assert q.text == 'against the "quick fixes" of the old plan' and text[q.speaker_start:q.speaker_end] == "Ms. Ortiz"


def test_quotes_mixed_predicates_auxiliary_and_adverb_are_skipped_to_the_verb():
    text = 'The coach is also promising to "fix the defence" by the spring.'
    (q,) = extract_quotes(text, actors=False)
    assert q.text == 'to "fix the defence" by the spring.' and q.speaker == "The coach"


def test_quotes_mixed_predicates_subject_stops_at_its_verb():
    text = 'The council refers to the tenants as "guests" in every letter.'
    (q,) = extract_quotes(text, actors=False)
    assert q.speaker == "The council" and q.text.startswith("to the tenants")


def test_quotes_mixed_predicates_quoted_subject_or_copula_is_no_quote():
    assert list(extract_quotes('The "new deal" was signed on Friday by both sides.', actors=False)) == []
    assert list(extract_quotes('The old bridge is "a relic" now.', actors=False)) == []
    assert list(extract_quotes('It seemed "odd" to many of the guests.', actors=False)) == []


def test_quotes_mixed_predicates_passive_or_expletive_subject_is_no_speaker():
    assert list(extract_quotes('The two pupils were greeted with the song "Good Morning" by the choir.', actors=False)) == []
    assert list(extract_quotes('There were reports of a "secret deal" in the port.', actors=False)) == []
