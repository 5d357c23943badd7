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


def test_quotes_asked_adjunct_reports_the_question_before_the_main_clause():
    text = "Asked whether the library would close in winter, Director Ana Ruiz said the council had not decided."
    question, answer = extract_quotes(text, actors=False)
    assert (question.text, question.cue, question.speaker) == ("whether the library would close in winter", "Asked", None)
    assert answer.speaker == "Director Ana Ruiz" and answer.text.startswith("the council")


def test_quotes_asked_passive_takes_the_by_agent_as_asker():
    text = "The coach was asked by a local reporter whether the team would travel by bus."
    (q,) = extract_quotes(text, actors=False)
    assert (q.text, q.speaker) == ("whether the team would travel by bus.", "a local reporter")


def test_quotes_asked_object_then_question_or_request_is_content():
    ask, request = (extract_quotes(t, actors=False) for t in (
        "The moderator asked the two mayors how they would pay for the new tram line.",
        "The union asked the factory owners to delay the vote until spring."))
    assert [(q.text, q.speaker) for q in ask] == [("how they would pay for the new tram line.", "The moderator")]
    assert [(q.text, q.speaker) for q in request] == [("the factory owners to delay the vote until spring.", "The union")]


def test_quotes_asked_without_question_is_no_quote():
    assert list(extract_quotes("The farmers asked for rain and the clerk asked a fee.", actors=False)) == []


def test_quotes_subject_relative_who_said_ends_with_the_relative_clause():
    text = "Labor Secretary Ana Ruiz, who said the talks would end soon, signed the deal on Friday."
    (q,) = extract_quotes(text, actors=False)
    assert (q.text, q.speaker) == ("the talks would end soon", "Labor Secretary Ana Ruiz")
    assert text[q.speaker_start:q.speaker_end].endswith("who")  # PolNeAR marks the relative pronoun as source


def test_quotes_subject_relative_speaker_starts_after_by():
    (q,) = extract_quotes("The deal was signed by Ana Ruiz, who said the talks had ended.", actors=False)
    assert (q.text, q.speaker) == ("the talks had ended.", "Ana Ruiz")


def test_quotes_long_apposition_with_commas_keeps_the_opening_name():
    text = "Ann Lee, a nurse from Ava, Mo., who backs the new plan for the county hospital, said she would vote for it."
    (q,) = extract_quotes(text, actors=False)
    assert (q.text, q.speaker) == ("she would vote for it.", "Ann Lee")
    assert text[q.speaker_start:q.speaker_end] == "Ann Lee"


def test_quotes_long_apposition_does_not_take_an_opening_time_phrase():
    qs = extract_quotes("In May, after a long fight over the budget of the town and its schools, said the report.",
                        actors=False)
    assert all(q.speaker is None or not q.speaker.startswith("In") for q in qs)


def test_quotes_relative_clause_statement_ends_at_the_subjects_own_cue():
    text = ("Ortiz, who on Sept. 9 said the old port on the north side of the bay could reopen within a few weeks, "
            "said the talks had stalled.")
    first, second = extract_quotes(text, actors=False)
    assert (first.text, second.text) == ("the old port on the north side of the bay could reopen within a few weeks",
                                         "the talks had stalled.")
    assert first.speaker == second.speaker == "Ortiz"
