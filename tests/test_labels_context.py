"""find_labels' context filters and the co-reference groups, on this project's own sentences: tag lines
closing a text, titles holding a label, and an armed group outside the label camps ("the Nusra Front")
as the camp an ambiguous label names."""

from __future__ import annotations

from label_stubs import label_camps

from toolkit.labels import find_labels, load_labels


def test_labels_context_tag_line_at_the_end_is_no_label():
    text = "The army pushed the militants out of the valley. Tags terrorists Daesh army liberation Homs"
    assert label_camps(text, alignment="russia") == [("army", "syria_government"), ("militants", "opposition")]
    # the same words followed by a sentence end are text, not tags
    assert len(label_camps("Tags were handed out. The terrorists fled. Daesh lost.", alignment="russia")) == 2


def test_labels_context_title_holding_a_label_is_no_label():
    text = "A Deputy Chief of Staff of the Navy and Army toured the port. The army advanced."
    assert label_camps(text) == [("army", "syria_government")]
    assert label_camps("Related: the army chief of staff warned of delays.") == []
    assert label_camps("Army units and army reinforcements arrived.") == [("Army units", "syria_government"),
                                                                     ("army", "syria_government")]


def test_labels_context_nusra_mention_makes_an_ambiguous_label_name_its_camp():
    text = ("Fighters of the Nusra Front held the hill. Allied units shelled the terrorists there. "
            "Far to the east the Islamic State kept its lines.")
    assert "nusra_front" in load_labels().coreference_groups
    labels = find_labels(text, quotes=(), alignment="iran")
    terrorists = next(x for x in labels if x.text == "terrorists")
    assert (terrorists.camp, terrorists.how) == ("other", "coreference")
    # without a Nusra mention the nearest camp of the term decides, as before
    alone = find_labels("Allied units shelled the terrorists there. The Islamic State kept its lines.", quotes=(),
                        alignment="iran")
    assert [(x.text, x.camp, x.how) for x in alone if x.text == "terrorists"] == [("terrorists", "isis", "coreference")]


def test_labels_context_apostrophe_less_assad_terms_and_moderate_militias():
    text = "Assads Air Force bombed the market. Assads forces shelled it. Washington armed moderate militias."
    assert label_camps(text) == [("Assads Air Force", "syria_government"), ("Assads forces", "syria_government"),
                            ("moderate militias", "opposition")]
    assert [x.category for x in find_labels(text, quotes=())] == ["delegitimising", "delegitimising", "legitimising"]


def test_labels_context_quote_of_an_unnamed_source_follows_the_outlets_usage():
    from types import SimpleNamespace

    text = 'Damascus. Local sources said that "terrorists fired shells on the town," the agency reported.'
    quote = SimpleNamespace(start=text.index('"'), end=text.rindex('"') + 1, camp="unnamed")
    (label,) = find_labels(text, alignment="syria_government", quotes=[quote])
    assert (label.camp, label.how, label.in_quote) == ("opposition", "alignment", True)


def test_labels_context_no_apposition_across_an_article_to_a_one_camp_term():
    # a text stripped of its commas: "rebels" does not name the Assad regime that follows it
    got = {l.text: l.camp for l in find_labels("In areas held by rebels the Assad regime kept shelling.", quotes=())}
    assert got == {"rebels": "opposition", "Assad regime": "syria_government"}
    got = {l.text: l.camp for l in find_labels("Fighting the Nusra Front, a terrorist group, went on.", quotes=())}
    assert got == {"terrorist group": "other"}


def test_labels_context_designation_names_what_is_designated():
    text = "In Syria, the ship served Iran's Islamic Revolutionary Guard Corps, which Washington designated a terrorist group."
    (label,) = find_labels(text, alignment="us_western", quotes=())
    assert (label.text, label.camp, label.how) == ("terrorist group", "iran", "coreference")
    # without a designation verb the outlet's usage decides
    (label,) = find_labels("In Syria, terrorist groups fired on the town.", alignment="us_western", quotes=())
    assert (label.camp, label.how) == ("isis", "alignment")


def test_labels_context_closing_footnote_on_a_starred_name_is_no_label():
    text = "The army hit Daesh* positions near the river.\n\nDaesh* is outlawed as a terrorist group in many states"
    assert [(l.text, l.camp) for l in find_labels(text, quotes=(), alignment="russia")] == [
        ("army", "syria_government"), ("Daesh", "isis")]
