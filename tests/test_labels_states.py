"""Label lexicon entries of round 2 (fresh-3 of the label gold): other states' governments and
oppositions, the opposition's interim government, the IRGC, the pro-government popular forces and
Russian servicemen. Texts written for these tests."""

from __future__ import annotations

from toolkit.labels import find_labels


def _camps(text: str) -> dict[str, str | None]:
    return {l.text: l.camp for l in find_labels(text, quotes=())}


def test_labels_states_other_states_government_is_not_syrias():
    camps = _camps("Officials said Iraq's government met the Venezuelan opposition in Geneva.")
    assert camps["government"] == "other" and camps["opposition"] == "other"


def test_labels_states_interim_government_is_the_oppositions():
    assert _camps("Mortars struck a depot of the Syrian Interim Government near the border.") == {
        "Syrian Interim Government": "opposition"}


def test_labels_states_revolutionary_guard_is_no_opposition_label():
    assert "Revolutionary" not in _camps("A tanker linked to Iran's Islamic Revolutionary Guard Corps was held.")


def test_labels_states_popular_forces_and_russian_servicemen():
    camps = _camps("The army and popular defense forces took the hill; two Russian servicemen were hurt.")
    assert camps["popular defense forces"] == "syria_government" and camps["Russian servicemen"] == "russia"


def test_labels_states_country_nouns_name_their_state_not_syria():
    camps = {l.text: l.camp for l in find_labels("Egypt's government and Yemen's opposition met; Turkey's military was absent.",
                                                   quotes=())}
    assert camps == {"government": "other", "opposition": "other", "military": "turkey"}


def test_labels_states_bare_government_follows_the_state_of_its_sentence():
    text = ("Syria's war went on. The Iraqi premier said his government needs aid. The talks with the military "
            "government in Myanmar stalled. In Damascus the government denied it; the Cairo Opposition Platform met.")
    got = [(l.text, l.camp, l.how) for l in find_labels(text, quotes=())]
    assert got[0] == ("government", "other", "coreference") and got[1] == ("government", "other", "coreference")
    assert got[2] == ("government", "syria_government", "lexicon")
    assert ("Opposition", "opposition", "lexicon") in got  # a state right before a term is part of a name


def test_labels_states_text_never_naming_syria_has_no_syrian_government():
    text = "The opposition marched on the capital. The government promised an election."
    assert _camps(text) == {"opposition": "other", "government": "other"}
    assert _camps("In Syria the opposition marched. The government promised an election.") == {
        "opposition": "opposition", "government": "syria_government"}


def test_labels_states_bracketed_modifier_names_the_camp():
    assert _camps("In Syria the People's Protection Units (YPG) militia held the town.") == {"militia": "other"}


def test_labels_states_central_government_of_another_state_is_other():
    assert _camps("The fighting crossed into Iraq, and the central government in Baghdad sought aid.") == {
        "government": "other"}


def test_labels_states_authorities_are_a_label_only_after_a_camp():
    camps = _camps("In Syria, British authorities held the tanker; the authorities said so.")
    assert camps == {"authorities": "other"}  # the first only: "the authorities" alone names no camp
