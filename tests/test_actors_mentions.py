"""find_mentions: titles, appositions, possessives, surnames, generics, metonyms, apostrophes."""

from __future__ import annotations

from toolkit.actors import HOWS, find_mentions


def _found(text):
    return [(m.text, m.actor, m.camp, m.how) for m in find_mentions(text)]


def test_actors_offsets_index_the_raw_text_and_records_are_sorted_and_disjoint():
    text = "On Monday Sergei Lavrov met John Kerry, and Lavrov later phoned Kerry again."
    ms = find_mentions(text)
    assert [m.actor for m in ms] == ["lavrov", "kerry", "lavrov", "kerry"]
    for m in ms:
        assert text[m.start:m.end] == m.text and m.how in HOWS
    assert all(a.end <= b.start for a, b in zip(ms, ms[1:]))


def test_actors_title_before_a_name_is_part_of_one_mention():
    found = _found("Russian President Vladimir Putin phoned his generals late on Friday.")
    assert found == [("Russian President Vladimir Putin", "putin", "russia", "alias")]


def test_actors_possessive_and_appositive_name_are_two_mentions():
    found = _found("Putin's spokesman, Dmitry Peskov, declined to comment on the convoy.")
    assert found == [("Putin", "putin", "russia", "possessive"), ("Dmitry Peskov", "peskov", "russia", "alias")]


def test_actors_curly_apostrophe_and_stripped_apostrophe_still_give_possessives():
    assert _found("Assad\u2019s allies met at noon.") == [("Assad", "assad", "syria_government", "possessive")]
    assert _found("Putins envoy flew home") == [("Putin", "putin", "russia", "possessive")]


def test_actors_surname_after_full_mention_and_other_first_names_are_skipped():
    found = _found("Ash Carter spoke first. Later Carter left. Jimmy Carter was not there.")
    assert [(t, a, h) for t, a, _, h in found] == [("Ash Carter", "carter", "alias"), ("Carter", "carter", "surname")]


def test_actors_bare_unambiguous_surname_maps_without_full_mention():
    assert _found("Konashenkov listed nine sorties.") == [("Konashenkov", "konashenkov", "russia", "surname")]


def test_actors_nationality_qualified_generic_actors():
    text = ("Russian officials denied it, U.S. defense officials doubted it, "
            "Syrian rebels fled and Iranian troops moved north.")
    assert [(t, a, h) for t, a, _, h in _found(text)] == [
        ("Russian officials", "russian_officials", "generic"),
        ("U.S. defense officials", "us_officials", "generic"),
        ("Syrian rebels", "rebels", "generic"),
        ("Iranian troops", "iran_government", "generic"),
    ]


def test_actors_metonyms_count_as_actors_but_not_as_places():
    text = "Moscow rejected the plan. The envoy stayed outside Moscow and then in Damascus, while Ankara objected."
    found = _found(text)
    assert [(t, a, h) for t, a, _, h in found] == [
        ("Moscow", "russian_government", "metonym"),
        ("Ankara", "turkey_government", "metonym"),
    ]


def test_actors_place_names_inside_longer_names_are_not_actors():
    assert _found("The Washington Post ran the story.") == []


def test_actors_case_sensitive_and_sentence_initial_capital_for_lower_case_aliases():
    found = _found("Activists filmed the convoy. Later activists counted trucks. putin is lower case.")
    assert [(t, a) for t, a, _, _ in found] == [("Activists", "activists"), ("activists", "activists")]


def test_actors_unnamed_sources_and_title_alone():
    text = "A Lebanese source said the Russian president would visit, and witnesses agreed."
    assert [(t, a, h) for t, a, _, h in _found(text)] == [
        ("A Lebanese source", "unnamed_source", "generic"),
        ("Russian president", "putin", "title"),
        ("witnesses", "unnamed_source", "alias"),
    ]


def test_actors_frame_has_one_row_per_mention():
    frame = find_mentions("The Pentagon and the Kremlin both issued statements.").to_frame()
    assert list(frame["actor"]) == ["pentagon", "kremlin"]
    assert list(frame.columns) == ["start", "end", "text", "actor", "camp", "name", "how"]


def test_actors_place_names_before_event_or_topic_nouns_and_after_place_adjectives_are_not_actors():
    text = "Critics of the Iran deal met in suburban Damascus; Tehran said nothing."
    assert [(t, a, h) for t, a, _, h in _found(text)] == [("Tehran", "iran_government", "metonym")]


def test_actors_short_acronyms_inside_all_capitals_headlines_are_skipped():
    assert _found("WHY THE PLAN IS FAILING") == []
    assert [t for t, *_ in _found("Strikes on IS positions went on.")] == ["IS"]


def test_actors_us_title_alone_names_nobody_because_office_holders_changed():
    assert _found("The U.S. president and the defense secretary flew out.") == []


def test_actors_surnames_after_full_mentions_keep_the_person():
    text = "Peter Cook spoke first. Later Cook and Kirby took questions, and Antonov replied from the ministry."
    ms = find_mentions(text)
    assert [m.actor for m in ms] == ["cook", "cook", "kirby", "antonov"]


def test_actors_a_cook_named_otherwise_is_not_the_press_secretary():
    assert [m.actor for m in find_mentions("The chef Maria Cook opened a restaurant.")] == []


def test_actors_places_are_returned_only_on_request():
    text = "Officials in Moscow said the Kremlin would answer."
    assert [m.text for m in find_mentions(text)] == ["Officials", "Kremlin"]
    ms = find_mentions(text, places=True)
    assert [(m.text, m.how, m.camp) for m in ms][1:] == [("Moscow", "place", "russia"), ("Kremlin", "metonym", "russia")]



def _placed(text):
    return [(m.text, m.actor, m.how) for m in find_mentions(text, places=True)]


def test_actors_institution_before_an_officers_title_is_the_actor_but_not_inside_a_longer_name():
    text = ("White House Press Secretary Mara Quill spoke first; then the Pentagon Chief of Staff Ivo Brand and "
            "the White House Homeland Security and Vale Advisor Tomas Reyn spoke, in the White House Map Room.")
    assert _placed(text) == [("White House", "white_house", "metonym"), ("Pentagon", "pentagon", "metonym"),
                             ("White House", "white_house", "metonym"), ("White House", "white_house", "place")]


def test_actors_institution_after_from_is_the_source_but_at_its_seat_and_a_city_stay_places():
    text = ("Ivo Brand still lacked word from the White House; pickets stood outside the Kremlin and near the "
            "White House, and the trucks came from Damascus.")
    assert _placed(text) == [("White House", "white_house", "metonym"), ("Kremlin", "kremlin", "place"),
                             ("White House", "white_house", "place"), ("Damascus", "syrian_government", "place")]


def test_actors_metonym_after_according_to_is_the_source_but_after_to_alone_a_place():
    text = ("Ruritania stalled, according to the Pentagon; according to Moscow, the Vale Front had left, "
            "and the envoy flew to Ankara.")
    assert _placed(text) == [("Pentagon", "pentagon", "metonym"), ("Moscow", "russian_government", "metonym"),
                             ("Ankara", "turkey_government", "place")]


def test_actors_country_after_from_is_a_place_not_an_institution():
    assert _placed("The convoy came from France on Monday, and the grain from Saudi Arabia.") == [
        ("France", "france", "place"), ("Saudi Arabia", "saudi_arabia", "place")]
    assert [m.actor for m in find_mentions("The convoy came from France on Monday.")] == []
