"""Anonymous sources that speak for a state body, and speaker spans with leading words (own sentences)."""

import pytest

from toolkit.actors import load_actors
from toolkit.quotes import extract_quotes
from toolkit.quotes.leads import trim_lead


@pytest.fixture(scope="module")
def lex():
    return load_actors()


def _speaker(text, lex):
    qs = extract_quotes(text, actors=lex)
    assert len(qs) >= 1, text
    q = qs[0]
    return text[q.speaker_start:q.speaker_end], q.actor, q.camp


@pytest.mark.parametrize("text, camp", [
    ("A source at Hama Police Command said a parked van exploded beside a school at noon.", "syria_government"),
    ("A medical source at Latakia Health Directorate said four people were hurt in the blast.", "syria_government"),
    ("Army sources in Syria said the bridge over the river had been destroyed.", "syria_government"),
    ("A Syrian military source said the troops had taken the hill overnight.", "syria_government"),
    ("A senior Russian official said the talks would resume next month.", "russia"),
    ("An Iranian security source said the convoy was not hit.", "iran"),
])
def test_quotes_institutional_sources_take_the_camp_of_the_state_body(lex, text, camp):
    _spk, _actor, got = _speaker(text, lex)
    assert got == camp


@pytest.mark.parametrize("text", [
    "A rebel source in Hama said the checkpoint had fallen.",           # the opposition is marked
    "A Syrian source said the checkpoint had fallen.",                  # no side named
    "A source in Hama said the checkpoint had fallen.",                 # a place, no state body
    "A source at the Free Police in Hama said the checkpoint had fallen.",
])
def test_quotes_institutional_sources_leave_unmarked_or_opposition_sources_alone(lex, text):
    _spk, _actor, got = _speaker(text, lex)
    assert got != "syria_government"


def test_quotes_institutional_sources_the_source_later_refers_back(lex):
    text = ("A source at Homs Police Command said a shell hit the school. "
            "The source said two pupils were wounded.")
    qs = extract_quotes(text, actors=lex)
    assert [q.camp for q in qs] == ["syria_government", "syria_government"]


@pytest.mark.parametrize("phrase, rest", [
    ("Meanwhile the Kremlin", "the Kremlin"),
    ("Earlier in the day an officer of Tartus Port Command", "an officer of Tartus Port Command"),
    ("In a statement issued on Monday the ministry", "the ministry"),
    ("On Tuesday Lavrov", "Lavrov"),
    ("Speaking at dawn he", "he"),
    ("HAMA (Agency) - the governor", "the governor"),
    ("The Kremlin", "The Kremlin"),
    ("Meanwhile", "Meanwhile"),  # nothing left after the lead word: kept
])
def test_quotes_trim_lead_drops_discourse_words_and_datelines(phrase, rest):
    assert phrase[trim_lead(phrase, 0, len(phrase)):] == rest


def test_quotes_trimmed_lead_lets_the_lexicon_match_the_speaker(lex):
    spk, actor, camp = _speaker("Separately Turkish Foreign Minister Mevlut Cavusoglu told a panel the border would stay shut.",
                                lex)
    assert (actor, camp) == ("cavusoglu", "turkey")
    assert spk.startswith("Separately")  # the reported span stays as found


def test_quotes_state_as_modifier_stays_in_the_speaker_phrase(lex):
    spk, actor, camp = _speaker("Syria's state news agency said the road to Hama was open again.", lex)
    assert "state news agency" in spk and camp == "syria_government"


def test_quotes_definite_observatory_and_coalition_name_only_actors_called_so(lex):
    text = ("The Pentagon said the strike hit a depot. The Syrian Observatory for Human Rights said a clinic had shut. "
            "The observatory said the toll could rise.")
    qs = extract_quotes(text, actors=lex)
    assert [q.camp for q in qs][-1] == "opposition"
    text = ("The Syrian National Coalition met in Istanbul. SANA said the army advanced near Hama. "
            "The Coalition said the shelling must stop.")
    qs = extract_quotes(text, actors=lex)
    assert qs[-1].camp == "opposition"


def test_quotes_definite_broadcaster_refers_to_a_news_actor(lex):
    text = ("The Syrian Health Ministry said the hospital was full. Syrian state TV said the road had reopened. "
            "The TV said the convoy was on its way.")
    qs = extract_quotes(text, actors=lex)
    assert qs[-1].actor == "sana"


def test_quotes_head_of_a_state_directorate_in_a_syrian_city_speaks_for_the_state(lex):
    _spk, _actor, camp = _speaker("The director of Hama Health Directorate said the wounded were moved.", lex)
    assert camp == "syria_government"


def test_quotes_speaking_to_a_broadcaster_is_not_part_of_the_speaker(lex):
    _spk, actor, camp = _speaker("Speaking to state TV Cavusoglu said the offensive would go on.", lex)
    assert (actor, camp) == ("cavusoglu", "turkey")


def test_quotes_definite_title_refers_to_the_person_the_article_titled_so(lex):
    text = ("President Barack Obama met his advisers on Monday. Assad did not comment. "
            "The president said the talks would go on. He said patience was needed.")
    qs = extract_quotes(text, actors=lex)
    assert [(q.actor, q.camp) for q in qs] == [("obama", "us"), ("obama", "us")]


def test_quotes_place_before_a_state_body_source_gives_its_camp(lex):
    _spk, _actor, camp = _speaker("An Aleppo Police Command source said two shells hit the market.", lex)
    assert camp == "syria_government"
    _spk, _actor, camp = _speaker("A Police Command source said two shells hit the market.", lex)
    assert camp != "syria_government"  # no place, no country: the side is not named


def test_quotes_it_refers_to_the_institution_that_spoke_last(lex):
    text = ("Activists said the shelling went on all night. SANA said troops destroyed a car bomb near the bridge. "
            "It added that troops repelled an attack on the airport.")
    qs = extract_quotes(text, actors=lex)
    assert (qs[-1].actor, qs[-1].camp) == ("sana", "syria_government")
    text = ("The Syrian Observatory said nine people died. Later rebels said the road was cut. "
            "It said the road was cut.")
    qs = extract_quotes(text, actors=lex)
    assert qs[-1].actor != "rebels"  # a plural noun is not "it"


def test_quotes_the_government_speaks_for_the_state_the_text_names_most(lex):
    text = ("Syrian troops retook two villages near Hama. Damascus blamed the rebels for the shelling of the market. "
            "The government said the road to Homs would reopen on Monday.")
    qs = extract_quotes(text, actors=lex)
    assert qs[-1].camp == "syria_government"
    text = "The government said the road to Homs would reopen on Monday."
    assert extract_quotes(text, actors=lex)[-1].camp == "unnamed"  # no state named: left unresolved
