"""Attribution rules for real news (issue 16), one test per error class, on text written for the tests:
pronouns resolved to the last compatible speaker or mention of the paragraph or previous sentence,
a second reporting verb of the same subject, and post-posed speakers in text without commas."""

from __future__ import annotations

from toolkit.corpus import article_from_text
from toolkit.quotes import extract_quotes


def _stripped(text: str):
    """An Article marked as toolkit.corpus marks a text that lost its commas and apostrophes."""
    article, _notes = article_from_text(text, meta={"flags": ("punctuation_stripped",)})
    return article


def test_quotes_pronoun_after_a_quote_naming_another_person_keeps_the_speaker():
    text = ('Mayor Ana Lopez said the bridge would reopen in May. "I have talked about it with Governor '
            'Tom Reyes for weeks," she said. "We agree on the timing," she added.\n')
    quotes = extract_quotes(text, actors=False)
    assert [q.speaker for q in quotes] == ["Ana Lopez"] * 3


def test_quotes_pronoun_takes_the_speaker_of_the_previous_sentence_before_an_older_one():
    text = ('Engineer Carl Mendes said the dam was safe.\n\n'
            'Later the inspector Rosa Vidal toured the site and said the spillway needed repairs. '
            'She said the work would take a year.\n')
    quotes = extract_quotes(text, actors=False)
    assert quotes[-1].text.startswith("the work") and quotes[-1].speaker.endswith("Rosa Vidal")


def test_quotes_pronoun_without_a_speaker_nearby_takes_the_person_named_in_the_previous_sentence():
    text = ('The council met on Monday. Councillor Lena Berg opened the session.\n\n'
            'She said the budget had to be cut by a tenth.\n')
    (quote,) = extract_quotes(text, actors=False)
    assert quote.speaker.endswith("Lena Berg")


def test_quotes_it_takes_the_described_body_that_spoke_before():
    text = ('The river authority said the levees had held all winter and the pumps were working well. '
            'It said the water would fall by Friday.\n')
    quotes = extract_quotes(text, actors=False)
    assert quotes[-1].speaker == "The river authority"


def test_quotes_pronoun_directly_before_the_cue_is_the_whole_speaker():
    article = _stripped("Nothing was left of the market stalls after the storm something he said had never "
                        "happened in the town before the war. The stalls will be rebuilt next month he said.\n")
    quote = [q for q in extract_quotes(article, actors=False) if q.text.startswith("The stalls")][0]
    assert article.text[quote.speaker_start:quote.speaker_end] == "he"


def test_quotes_second_verb_of_the_same_subject_is_attributed_to_it():
    text = ("The harbour master called the closure a necessary step and said the port would reopen on Friday.\n")
    quotes = extract_quotes(text, actors=False)
    (quote,) = [q for q in quotes if q.cue == "said"]
    assert quote.text == "the port would reopen on Friday." and quote.speaker == "The harbour master"


def test_quotes_second_verb_ends_the_first_content_at_the_conjunction():
    text = ("Minister Ivo Kral said the plan was sound but added that it would cost more than expected.\n")
    quotes = extract_quotes(text, actors=False)
    assert [q.text for q in quotes] == ["the plan was sound", "it would cost more than expected."]
    assert {q.speaker for q in quotes} == {"Ivo Kral"}


def test_quotes_stripped_text_post_posed_speaker_after_a_determiner():
    article = _stripped("Urgent steps are needed to protect the fishing villages along the coast the council "
                        "said on Monday.\n")
    (quote,) = extract_quotes(article, actors=False)
    assert quote.text == "Urgent steps are needed to protect the fishing villages along the coast"
    assert article.text[quote.speaker_start:quote.speaker_end] == "the council"


def test_quotes_stripped_text_post_posed_name_and_pronoun():
    article = _stripped("The road to the valley has been closed since March Nadia Farouk said. "
                        "The trucks cannot reach the farms she said.\n")
    quotes = extract_quotes(article, actors=False)
    assert [article.text[q.speaker_start:q.speaker_end] for q in quotes] == ["March Nadia Farouk", "she"]
    assert quotes[1].speaker == quotes[0].speaker


def test_quotes_punctuated_text_keeps_requiring_the_comma():
    text = "The road to the valley has been closed since March the council said.\n"
    assert list(extract_quotes(text, actors=False)) == []


def test_quotes_directives_and_accusations_are_attributed_with_their_object():
    text = ("The farmers union urged the ministry to lower the price of seed before spring. "
            "The union also accused the largest dealer of hoarding fertiliser in its warehouses. "
            "Its chairman called on the banks to postpone the loan payments until the harvest.\n")
    quotes = extract_quotes(text, actors=False)
    assert [(q.cue, q.text) for q in quotes] == [
        ("urged", "the ministry to lower the price of seed before spring."),
        ("accused", "the largest dealer of hoarding fertiliser in its warehouses."),
        ("called on", "the banks to postpone the loan payments until the harvest."),
    ]
    assert [q.stance for q in quotes] == ["neutral", "assertive", "neutral"]


def test_quotes_relative_clause_or_participle_before_the_cue_modifies_the_speaker():
    text = ("The monitoring group which draws on a web of volunteers said the blast hurt nine people. "
            "A nurse who fled the town and saw the raid said the clinic was hit twice. "
            "Minister Olga Petrenko speaking at a news conference in the capital with her Polish counterpart said "
            "the border would stay open. The reports which the ministry said were false spread quickly.\n")
    quotes = extract_quotes(text, actors=False)
    spoken = {q.text.split()[1]: text[q.speaker_start:q.speaker_end] for q in quotes}
    assert spoken["blast"] == "The monitoring group" and spoken["clinic"] == "A nurse"
    assert spoken["border"] == "Minister Olga Petrenko"


def test_quotes_blamed_reports_its_object_as_a_verdict():
    from toolkit.quotes import extract_quotes as _extract

    (q,) = _extract("The harbour master blamed the storm for the late ferries.", actors=False)
    assert (q.cue, q.stance, q.speaker, q.text) == ("blamed", "assertive", "The harbour master",
                                                    "the storm for the late ferries.")


def test_quotes_the_anonymity_formula_is_not_the_speaker():
    # the formula's reason clause ("since she lacked leave ...") is no speaker, and with commas its length no
    # longer hides the speaker from the apposition walk-back
    for text in ("The clerk, who spoke on condition of anonymity since she lacked leave to brief any newspaper, "
                 "said the ferry was late.\n",
                 "The clerk who spoke on condition of anonymity since she lacked leave to brief any newspaper said "
                 "the ferry was late.\n",
                 "The clerk, speaking on the condition of anonymity, said the ferry was late.\n",
                 "The clerk who spoke anonymously because she feared her manager said the ferry was late.\n"):
        quotes = extract_quotes(text, actors=False)
        assert [(q.speaker, q.text) for q in quotes] == [("The clerk", "the ferry was late.")], text
    # a named speaker keeps the name
    text = ("Ada Lorne, who spoke on condition of anonymity as he had no leave to brief any newspaper, "
            "said the ferry was late.\n")
    assert [q.speaker for q in extract_quotes(text, actors=False)] == ["Ada Lorne"]
