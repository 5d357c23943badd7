"""Speaker rules found on real multi-outlet news; every fixture sentence is original to this file."""

from __future__ import annotations

import pytest

from toolkit.corpus import article_from_text
from toolkit.quotes import extract_quotes


def quotes(text, **kw):
    qs = extract_quotes(text, **kw)
    for q in qs:
        assert text[q.start:q.end] == q.text
    return qs


@pytest.mark.parametrize("text, kw, content, speaker, camp", [
    # with commas: the apposition after the name is left out
    ('The talks went on. "We are still in touch with them," Harlan, head of the joint staff told a club in Lyon.',
     {"actors": False}, "We are still in touch with them", "Harlan", None),
    # without commas: the name, not the apposition's last noun phrase, and its camp
    ('The strikes went on. "The planes came back at dawn" Ammar al-Selmo the chief of the volunteer '
     'crews in the besieged quarter told a radio host.',
     {}, "The planes came back at dawn", "Ammar al-Selmo", "opposition"),
])
def test_quotes_apposition_after_quotation_keeps_the_name(text, kw, content, speaker, camp):
    (q,) = quotes(text, **kw)
    assert (q.text, q.speaker) == (content, speaker)
    assert camp is None or q.camp == camp


@pytest.mark.parametrize("text, stripped, first_text, second_start, speaker", [
    # "adding that": the participle opens a "that" clause
    ('Governor Salim Tarek said the blast served the aims of armed gangs '
     'adding that the depot had supplied the army for months.', False,
     "the blast served the aims of armed gangs", "the depot had supplied", "Salim Tarek"),
    # "saying" without "that": only in text that lost its commas
    ('An army source denied that the unit had used any such shells saying the army never held '
     'those shells in the valley.', True,
     "the unit had used any such shells", "the army never held", "An army source"),
])
def test_quotes_participle_without_comma_continues_the_speaker(text, stripped, first_text, second_start, speaker):
    source = article_from_text(text, meta={"flags": ("punctuation_stripped",)})[0] if stripped else text
    first, second = extract_quotes(source, actors=False)
    assert all(text[q.start:q.end] == q.text for q in (first, second))
    assert first.text == first_text
    assert second.text.startswith(second_start)
    assert first.speaker == second.speaker == speaker


def test_quotes_participle_subject_keeps_the_apposed_name():
    text = 'The senior envoy, Marta Olsen, tried to calm the row, insisting the channel was still open.'
    (q,) = quotes(text, actors=False)
    assert q.text == "the channel was still open."
    assert "Marta Olsen" in text[q.speaker_start:q.speaker_end]


def test_quotes_unclosed_quotation_ends_before_the_next_opening_mark():
    text = ('The mayor spoke on radio. On Monday Dorn said "The town will not give up. '
            '"This was not the last attack" he added. Officials in the capital said the raid was legal.')
    qs = quotes(text, actors=False)
    assert [q.speaker for q in qs] == ["Dorn", "Dorn", "Officials in the capital"]
    assert qs[0].text.startswith("The town will not give up") and qs[1].text == "This was not the last attack"
    assert qs[2].text == "the raid was legal."


def test_quotes_lead_in_paragraph_speaks_the_quotation_paragraph_after_it():
    text = ('The ships left port at dawn.\n\nA navy official told the radio:\n\n'
            '"The fleet will keep sailing in the gulf as planned and will protect the shipping lanes."\n\n'
            '"We would welcome help from our neighbours in this effort, but none has come."')
    qs = quotes(text, actors=False)
    assert len(qs) == 2 and all(text[q.speaker_start:q.speaker_end] == "A navy official" for q in qs)


def test_quotes_disclosure_verbs_take_a_clause():
    text = 'A day later a navy source disclosed that the convoy had turned back. The report revealed gaps in the plan.'
    (q,) = quotes(text, actors=False)
    assert q.cue == "disclosed" and q.text == "the convoy had turned back."


def test_quotes_relative_clause_with_auxiliaries_modifies_the_speaker():
    text = 'The statement which could not be confirmed on the ground said the convoy had turned back before dawn.'
    (q,) = quotes(text, actors=False)
    assert text[q.speaker_start:q.speaker_end] == "The statement"
    assert q.text == "the convoy had turned back before dawn."


def test_quotes_unnamed_ministry_belongs_to_the_government_named_before():
    text = ('Iran has backed its ally after the overnight raids near the border. '
            'In a statement the foreign ministry condemned the strikes and said they broke every rule.')
    qs = quotes(text)
    assert qs and qs[-1].camp == "iran"


def test_quotes_a_monitor_is_the_war_monitor_the_article_names():
    text = ('At least nine people died in the shelling of the market, a monitor said. '
            'The Syrian Observatory for Human Rights said rescue teams were still at work.')
    first, _second = quotes(text)
    assert first.camp == "opposition" and first.actor == "syrian_observatory"


def test_quotes_long_participial_phrase_with_parentheses_modifies_the_speaker():
    text = ('On Monday Minister Ada Brenner speaking alongside her Danish counterpart during a pause in a long '
            'meeting of the Northern Shipping Forum (NSF) delegates in Oslo insisted the deal was "still alive."')
    (q,) = quotes(text, actors=False)
    assert q.speaker == "Ada Brenner"


def test_quotes_second_verb_subject_after_a_leading_participle_phrase():
    text = ('Briefing the senate on Monday, Foreign Minister Lia Marchetti called the raid a "grave crime," '
            'but said her country would not join any strike.')
    qs = quotes(text, actors=False)
    assert qs[-1].text.startswith("her country would not join") and qs[-1].speaker == "Lia Marchetti"


def test_quotes_dated_relative_clause_speaker_is_its_head():
    text = 'Ortiz, who on Sept. 9 said the port could reopen within weeks, said the talks had stalled.'
    qs = quotes(text, actors=False)
    assert qs and all(q.speaker == "Ortiz" for q in qs)


@pytest.mark.parametrize("text", [
    'The agency quoted a navy commander as saying that the fleet had left the port.',
    'The agency said, quoting a navy commander, that the fleet had left the port.',  # the aside
])
def test_quotes_nested_report_keeps_the_innermost_speaker(text):
    (q,) = quotes(text, actors=False)
    assert text[q.speaker_start:q.speaker_end] == "a navy commander" and q.text == "the fleet had left the port."


def test_quotes_passive_quoted_as_saying_keeps_the_subject():
    text = 'Admiral Jon Berg was quoted on state radio as saying "The fleet has left the port for good."'
    (q,) = quotes(text, actors=False)
    assert q.speaker == "Jon Berg" and q.text == "The fleet has left the port for good."


def test_quotes_definite_description_takes_the_actor_named_with_its_head():
    text = ('The Combined Joint Task Force listed 12 raids by the river over the weekend. '
            'The task force said the strikes had destroyed two depots and a bridge.')
    qs = quotes(text)
    assert qs[-1].text.startswith("the strikes had destroyed") and qs[-1].camp == "us"


def test_quotes_one_of_the_officials_is_a_member_of_the_group_described_before():
    text = ('U.S. officials said the jets had left the base.\n\n'
            'The move was a shift in the air war, one of the officials said.')
    qs = quotes(text)
    assert len(qs) == 2 and qs[-1].camp == "us"


def test_quotes_accused_of_without_an_object_is_a_passive_participle_not_a_cue():
    text = "Mara Quill said two Vale Front captains accused of arson would face a tribunal in Osterlich next spring."
    (q,) = quotes(text, actors=False)
    assert (q.cue, q.speaker) == ("said", "Mara Quill")
    assert q.text.startswith("two Vale Front captains accused of arson")
    (active,) = quotes("Ruritania accused the Vale Front of shelling the market.", actors=False)
    assert (active.cue, active.speaker) == ("accused", "Ruritania")


def test_quotes_is_in_capitals_after_a_cue_is_the_group_not_a_verb():
    (q,) = quotes("Ivo Brand said IS cells had slipped back into the hills of Osterlich.", actors=False)
    assert (q.cue, q.speaker, q.text) == ("said", "Ivo Brand", "IS cells had slipped back into the hills of Osterlich.")


def test_quotes_question_closing_a_quotation_is_signed_by_the_short_sentence_after_it():
    text = '"Will the bridge hold?" Mara Quill asked. "Nobody in Osterlich knows," she said. "Why?" The hall fell silent.'
    qs = quotes(text, actors=False)
    # the sentence after "Why?" names no speaker: no attribution for it
    assert [(q.text, q.speaker) for q in qs] == [("Will the bridge hold?", "Mara Quill"),
                                                 ("Nobody in Osterlich knows", "Mara Quill")]


def test_quotes_question_signature_needs_a_unit_opening_with_the_quotation_and_a_cue():
    text = 'Mara Quill asked, "Will the bridge hold?" The council adjourned at noon.'
    assert [(q.text, q.speaker) for q in quotes(text, actors=False)] == [("Will the bridge hold?", "Mara Quill")]
    text = 'The sign read "Stop!" Ivo Brand said the talks were over.'
    assert [(q.text, q.speaker) for q in quotes(text, actors=False)] == [("the talks were over.", "Ivo Brand")]
