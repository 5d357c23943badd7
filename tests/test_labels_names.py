"""find_labels on this project's own sentences: names and owners of labels that the fixes chosen on the
dev label sets (folds A/B, fresh-1, fresh-2) added - the acronym written as a name, a camp's name after
"anti-", a government or an army owned by a country outside the Syrian camps."""

from __future__ import annotations

from label_stubs import label_camps, one_label

from toolkit.labels import find_labels


def test_labels_isis_written_as_a_name_is_the_islamic_state():
    label = one_label("Jets bombed a depot that Isis had held since spring.")
    assert (label.text, label.camp, label.how) == ("Isis", "isis", "lexicon")


def test_labels_name_after_anti_is_a_label_naming_no_label_after_it():
    assert label_camps("Its pilots flew anti-Daesh patrols over the desert.") == [("Daesh", "isis")]
    # "anti-ISIS forces" are not the Islamic State's forces: the head noun gets no camp from the name
    assert label_camps("The anti-ISIS forces reached the river.", alignment="us_western") == [("ISIS", "isis")]
    assert label_camps("Their anti-terrorist drill ended.") == []  # a lower-case word after "anti-" stays out
    assert label_camps("A US-led anti-ISIS coalition formed.")[0] == ("anti-ISIS coalition", "us")


def test_labels_government_of_another_state_is_not_syrias():
    assert label_camps("Talks with the German government stalled.") == [("government", "other")]
    # a federal government is another state's: not a label of the Syrian government; a central one in
    # another state's capital names camp other (state_bound)
    assert label_camps("The federal government in Berlin kept its jets at home.") == []
    assert label_camps("The central government in Baghdad asked for help.") == [("government", "other")]
    assert label_camps("The government in Damascus refused.") == [("government", "syria_government")]


def test_labels_foreign_militias_are_irans():
    label = one_label("Sectarian foreign militias entered the suburb.", alignment="opposition")
    assert (label.text, label.camp, label.category) == ("foreign militias", "iran", "delegitimising")
    assert one_label("Local militias guarded the road.").camp == "syria_government"


def test_labels_qaeda_linked_names_camp_other():
    label = one_label("Some al Qaeda-linked extremists held the pass.", alignment="us_western")
    assert (label.text, label.camp, label.how) == ("extremists", "other", "modifier")


def test_labels_us_led_alliance_in_title_case_is_the_coalition():
    assert label_camps("Council Blames the US-led Alliances for Delay") == [("US-led Alliances", "us")]
    assert label_camps("The US-led alliance struck twice.") == [("US-led alliance", "us")]


def test_labels_forces_of_the_revolution_are_the_opposition():
    label = one_label("The forces of the Syrian revolution held the hill.", alignment="opposition")
    assert (label.text, label.camp, label.category) == ("forces of the Syrian revolution", "opposition", "legitimising")


def test_labels_coreference_reaches_forward_one_sentence_only():
    near = "Terrorists shelled the market. The Nusra Front claimed the attack."
    assert label_camps(near, alignment="syria_government")[0] == ("Terrorists", "other")
    far = "Terrorists shelled the market. Later more shells fell on the port. In the south the Nusra Front attacked."
    assert label_camps(far, alignment="syria_government")[0] == ("Terrorists", "opposition")  # the outlet's usage


def test_labels_his_or_our_military_is_its_owners():
    assert label_camps("Assad admitted that his military was short of men.") == [("military", "syria_government")]
    said = find_labels('"They should tell our military," Peskov said.')  # the quote's speaker owns "our"
    assert [(x.text, x.camp, x.in_quote) for x in said] == [("military", "russia", True)]
    assert label_camps("Berlin pulled its troops out.") == []  # "its" is not read


def test_labels_moderate_groups_are_the_opposition():
    label = one_label("Jets spared the moderate groups near the border.", alignment="russia")
    assert (label.text, label.camp, label.category) == ("moderate groups", "opposition", "legitimising")


def test_labels_regime_of_a_truce_is_no_label():
    assert label_camps("Rebels kept breaking the regime of silence near the city.") == [("Rebels", "opposition")]
    assert label_camps("The regime of Bashar al-Assad held the city.")[0] == ("regime", "syria_government")


def test_labels_sole_camp_of_a_longer_text_decides_an_ambiguous_label():
    text = "Hackers took over accounts of ISIS.\n\nThe jihadists were not pleased, the hackers said."
    assert label_camps(text, alignment="russia") == [("ISIS", "isis"), ("jihadists", "isis")]
    # both candidate camps named in the text: the outlet's usage decides, as before
    both = "Rebels and ISIS both lost ground.\n\nThe jihadists were not pleased."
    assert label_camps(both, alignment="russia")[-1] == ("jihadists", "opposition")
    # one paragraph: nothing beyond the window
    one = "The jihadists were not pleased. The town was quiet. Much later ISIS lost a town."
    assert label_camps(one, alignment="russia")[0] == ("jihadists", "opposition")


def test_labels_head_noun_owned_by_a_camp_named_after_it():
    label = one_label("Jets avoided the forces of Bashar al-Assad near the river.")
    assert (label.text, label.camp, label.how) == ("forces", "syria_government", "modifier")
    assert label_camps("The forces of nature won.") == []
