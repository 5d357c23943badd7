"""One test per news construction; every fixture sentence is original to this test file."""

from __future__ import annotations

import pytest

from toolkit.quotes import extract_quotes


def one(text, **kw):
    qs = extract_quotes(text, actors=False, **kw)
    assert len(qs) == 1, [q.text for q in qs]
    q = qs[0]
    assert text[q.start:q.end] == q.text
    return q


def spk(text, q):
    return text[q.speaker_start:q.speaker_end]


def test_quotes_speaker_after():
    text = '"The bridge will reopen in May," Mayor Lena Brandt said on Tuesday.'
    q = one(text)
    assert q.kind == "direct" and q.text == "The bridge will reopen in May"
    assert spk(text, q) == "Mayor Lena Brandt" and q.speaker == "Lena Brandt"
    assert q.cue == "said" and text[q.cue_start:q.cue_end] == "said" and q.stance == "neutral"


def test_quotes_speaker_before():
    text = 'Tomas Ruiz, the harbour master, said: "No ship leaves before the storm passes."'
    q = one(text)
    assert q.kind == "direct" and q.text == "No ship leaves before the storm passes."
    assert "Tomas Ruiz" in spk(text, q) and q.speaker == "Tomas Ruiz"


def test_quotes_inverted():
    text = '"We have counted every ballot twice," said Judge Amara Osei.'
    q = one(text)
    assert q.kind == "direct" and q.text == "We have counted every ballot twice"
    assert spk(text, q) == "Judge Amara Osei"


def test_quotes_curly_marks():
    text = "\u201cThe talks collapsed at midnight,\u201d the envoy said."
    q = one(text)
    assert q.text == "The talks collapsed at midnight" and spk(text, q) == "the envoy"


def test_quotes_told_outlet():
    text = "Colonel Ivo Marek told Radio Tallinn the convoy had crossed the river before dawn."
    q = one(text)
    assert q.kind == "indirect" and q.text.startswith("the convoy had crossed")
    assert q.cue == "told" and q.speaker == "Ivo Marek"


def test_quotes_mixed():
    text = 'The minister said the rebels would face "a long and bitter winter" in the hills.'
    q = one(text)
    assert q.kind == "mixed" and '"a long and bitter winter"' in q.text
    assert spk(text, q) == "The minister"


def test_quotes_indirect_that():
    text = "The company denied that its trucks had carried weapons across the border."
    q = one(text)
    assert q.kind == "indirect" and q.text.startswith("its trucks had carried")
    assert q.stance == "denial" and spk(text, q) == "The company"


def test_quotes_indirect_bare_said():
    text = "A local doctor said the clinic had run out of insulin by Friday."
    q = one(text)
    assert q.kind == "indirect" and q.text.startswith("the clinic had run out")
    assert spk(text, q) == "A local doctor"


def test_quotes_according_to():
    before = "According to two aid workers, the camp now shelters nine thousand people."
    q = one(before)
    assert q.cue == "According to" and spk(before, q) == "two aid workers"
    assert q.text.startswith("the camp now shelters")
    after = "The camp now shelters nine thousand people, according to two aid workers."
    q = one(after)
    assert spk(after, q) == "two aid workers" and q.text.startswith("The camp now shelters")


def test_quotes_sentence_final_said():
    text = "The ceasefire will hold through the weekend, the spokeswoman said."
    q = one(text)
    assert q.kind == "indirect" and q.text == "The ceasefire will hold through the weekend"
    assert spk(text, q) == "the spokeswoman"


def test_quotes_multi_sentence():
    text = 'Professor Hanna Lind said: "The data are clear. Prices rose in every district. Nobody predicted it."'
    q = one(text)
    assert q.kind == "direct" and q.text.endswith("Nobody predicted it.") and q.text.startswith("The data")


def test_quotes_open_paragraph_continues():
    text = ('Senator Olu Adeyemi said: "We will not sign this bill. It fails the farmers.\n\n'
            '"It fails the nurses too, and it fails every small town," he said.\n\n'
            'The vote is due on Monday.')
    qs = extract_quotes(text, actors=False)
    assert [q.kind for q in qs] == ["direct", "direct"]
    assert qs[0].text == "We will not sign this bill. It fails the farmers."
    assert qs[0].end <= text.index("\n")  # bounded by its paragraph
    assert qs[1].speaker == "Olu Adeyemi"  # "he" resolved to the previous speaker


def test_quotes_unattributed_continuation():
    text = ('"Our stock of flour lasts a week," said Rana Haddad, who runs the bakery.\n'
            '"After that we close the doors and wait for the trucks."\n')
    qs = extract_quotes(text, actors=False)
    assert len(qs) == 2
    assert qs[1].text.startswith("After that") and qs[1].speaker == "Rana Haddad"
    assert (qs[1].speaker_start, qs[1].cue_start) == (qs[0].speaker_start, qs[0].cue_start)


def test_quotes_pronoun_resolution_gender_number():
    text = ("Maria Costa, the regional governor, met the protest leaders on Monday. "
            "Two union officials said the strike would continue.\n"
            '"We owe these workers an answer," she said.\n'
            '"The offer is an insult," they said.')
    qs = extract_quotes(text, actors=False)
    by_text = {q.text: q for q in qs}
    assert by_text["We owe these workers an answer"].speaker == "Maria Costa"
    assert by_text["The offer is an insult"].speaker == "Two union officials"


def test_quotes_caption_section():
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class Sec:
        start: int
        end: int
        kind: str

    caption = "Firefighters work near the depot on Sunday. Officials said the blaze began in a generator room."
    body = "\nThe depot will stay closed, the operator said."
    text = caption + body
    qs = extract_quotes(text, actors=False, sections=[Sec(0, len(caption), "caption"), Sec(len(caption), len(text), "body")])
    assert [q.section for q in qs] == ["caption", "body"]
    assert qs[0].text.startswith("the blaze began") and spk(text, qs[0]) == "Officials"


def test_quotes_scare_quotes_are_not_quotes():
    text = 'The so-called "peace plan" was published on Friday by the council.'
    assert list(extract_quotes(text, actors=False)) == []


@pytest.mark.parametrize("verb,stance", [("said", "neutral"), ("claimed", "distancing"), ("insisted", "distancing"),
                                         ("denied", "denial"), ("admitted", "concession"),
                                         ("acknowledged", "concession"), ("confirmed", "assertive"),
                                         ("stressed", "assertive")])
def test_quotes_stance_classes(verb, stance):
    text = f"The ministry {verb} that the depot had been empty for months."
    q = one(text)
    assert q.cue == verb and q.stance == stance


def test_quotes_interrupted_quote_same_attribution():
    text = '"We were told to wait," the driver said. "Then the road closed and nobody came back for us."'
    qs = extract_quotes(text, actors=False)
    assert len(qs) == 2 and qs[0].cue_start == qs[1].cue_start
    assert spk(text, qs[1]) == "the driver"


def test_quotes_speaker_before_a_party_and_state_apposition():
    text = ("Rep. Dora Penn, D-Ore., speaking on a morning show, said the convoy would wait.\n\n"
            "\"Not this week,\" said Sen. Lyle Hart, R-Idaho.")
    quotes = extract_quotes(text)
    assert [(q.speaker, q.kind) for q in quotes] == [("Dora Penn", "indirect"), ("Lyle Hart", "direct")]
    for q in quotes:
        assert q.speaker in text[q.speaker_start:q.speaker_end]
