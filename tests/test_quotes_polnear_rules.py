"""Rules found on the indirect and mixed misses of PolNeAR train (issue 16), one test per rule, on
sentences written for the tests."""

from __future__ import annotations

from toolkit.quotes import extract_quotes


def test_quotes_participle_after_comma_ends_the_statement_before_it():
    text = "The mayor said the bridge would reopen in May, saying that the repairs were nearly done."
    first, second = extract_quotes(text, actors=False)
    assert first.text == "the bridge would reopen in May" and first.cue == "said"
    assert second.text == "the repairs were nearly done." and second.speaker == "The mayor"


def test_quotes_calling_after_comma_takes_its_verdict_as_mixed_content():
    text = 'The coach criticised the referee on Sunday, calling the penalty "a joke"; the club stayed silent.'
    (q,) = extract_quotes(text, actors=False)
    assert (q.kind, q.cue, q.speaker, q.text) == ("mixed", "calling", "The coach", 'the penalty "a joke"')


def test_quotes_calling_without_comma_or_verdict_is_no_cue():
    text = "A petition calling for a new playground was signed by 300 parents, calling it an urgent need."
    qs = extract_quotes(text, actors=False)
    assert all(q.cue != "calling" or q.text.startswith("it an urgent") for q in qs)
    assert not any("new playground" in q.text for q in qs)
