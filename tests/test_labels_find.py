"""find_labels on this project's own sentences: the camp each label names and how it was decided,
inflections and case, prefixes, merged labels, quotes and the outlet's own voice, Article input."""

from __future__ import annotations

from types import SimpleNamespace

from label_stubs import one_label

from toolkit.labels import HOWS, find_labels


def test_labels_unambiguous_term_comes_from_the_lexicon():
    label = one_label("The regime shelled the town again.")
    assert (label.text, label.term, label.category, label.camp, label.how) == \
        ("regime", "regime", "delegitimising", "syria_government", "lexicon")


def test_labels_other_number_and_title_case_match():
    assert one_label("A gunman opened fire.").term == "gunmen"
    assert one_label("Strikes Hit Terrorist Groups Near the Border").text == "Terrorist Groups"
    assert one_label("One terrorist was killed.").camp is None  # ambiguous, nothing decides


def test_labels_camp_named_before_decides_ambiguous_term():
    label = one_label("Kurdish fighters took the village.")
    assert (label.text, label.camp, label.how) == ("fighters", "other", "modifier")
    label = one_label("Jabhat al-Nusra terrorists fired rockets.")
    assert (label.camp, label.how) == ("other", "modifier")


def test_labels_camp_named_after_decides_ambiguous_term():
    label = find_labels("Dozens of terrorists from Daesh fled.", quotes=(), alignment="russia")[0]
    assert (label.text, label.camp, label.how) == ("terrorists", "isis", "modifier")


def test_labels_paragraph_mention_decides_before_alignment():
    text = "The Islamic State lost ground, Riyad Hijab said.\nThe militants retreated east. The army shelled militants."
    first, second, army, third = find_labels(text, quotes=(), alignment="russia")
    assert (first.camp, first.how) == ("isis", "lexicon")
    # other paragraph, and the text names both camps of "militants": the outlet's usage
    assert (second.camp, second.how) == ("opposition", "alignment")
    assert (army.camp, third.camp, third.how) == ("syria_government", "opposition", "alignment")


def test_labels_alignment_decides_when_the_text_does_not():
    assert one_label("The terrorists retreated.", alignment="syria_government").camp == "opposition"
    assert one_label("The terrorists retreated.", alignment="us_western").camp == "isis"
    label = one_label("The terrorists retreated.")
    assert (label.camp, label.how) == (None, "unresolved")


def test_labels_and_other_excludes_the_camp_just_named():
    labels = find_labels("Jets hit the Islamic State and other terrorist groups.", quotes=(), alignment="us_western")
    assert [(x.text, x.camp) for x in labels] == [("Islamic State", "isis"), ("terrorist groups", "opposition")]


def test_labels_adjacent_labels_join_and_keep_the_marked_category():
    label = one_label("ISIS terrorists attacked.")
    assert (label.text, label.term, label.category, label.camp) == ("ISIS terrorists", "terrorists", "delegitimising", "isis")
    label = one_label("Free Syrian Army fighters advanced.")
    assert (label.category, label.camp) == ("legitimising", "opposition")


def test_labels_prefix_makes_a_label_delegitimising():
    label = one_label("He met the so-called moderate opposition.")
    assert (label.text, label.term, label.category) == ("so-called moderate opposition", "moderate opposition", "delegitimising")


def test_labels_non_labels_are_left_out():
    for text in ("Opposition to the war grew.", "A Su-30 fighter crossed the border.", "Fighter jets flew over.",
                 "Rebel-held areas were hit.", "Counter-terrorist units came.", "Sanctions regime holds.",
                 "(Source: Syrian Coalition)", "TERRORISM IS BAD"):
        assert find_labels(text, quotes=()) == [], text


def test_labels_inside_a_quote_follow_the_speaker():
    text = 'The army said it "killed dozens of terrorists" on Monday. The terrorists fled.'
    start = text.index("killed")
    quote = SimpleNamespace(start=start, end=text.index('" on'), camp="syria_government")
    army, quoted, own = find_labels(text, quotes=[quote], alignment="us_western")
    assert (quoted.in_quote, quoted.camp, quoted.how) == (True, "opposition", "alignment")
    assert (own.in_quote, own.camp) == (False, "isis")  # the outlet's own voice: its usage
    assert not army.in_quote
    (plain,) = [x for x in find_labels(text, quotes=[(start, start + 30)], alignment="us_western") if x.in_quote]
    assert plain.camp == "isis"  # a (start, end) pair carries no speaker: the outlet's usage


def test_labels_quotes_are_extracted_when_not_given():
    text = 'Rebels held the town. "The terrorists will be crushed," Lavrov said.'
    labels = find_labels(text)
    assert [(x.text, x.in_quote) for x in labels] == [("Rebels", False), ("terrorists", True)]
    assert labels[1].camp == "opposition"  # Lavrov's camp (russia) uses "terrorists" for the opposition


def test_labels_article_input_reads_masked_text_and_alignment():
    text = "Boilerplate here\nThe terrorists fled the town."
    article = SimpleNamespace(text=text, masked_text=" " * 16 + text[16:], sections=(), meta={"alignment": "russia"})
    (label,) = find_labels(article, quotes=())
    assert (label.text, label.camp, label.how) == ("terrorists", "opposition", "alignment")


def test_labels_offsets_index_the_text_and_frame_has_the_fields():
    text = "Assad\u2019s forces and the rebels clashed; Daesh fighters watched. U.S.-led coalition jets struck."
    labels = find_labels(text, quotes=())
    assert [x.text for x in labels] == ["Assad\u2019s forces", "rebels", "Daesh fighters", "U.S.-led coalition"]
    for x in labels:
        assert text[x.start:x.end] == x.text and x.how in HOWS
    assert all(a.end <= b.start for a, b in zip(labels, labels[1:]))
    frame = labels.to_frame()
    assert list(frame.columns) == ["start", "end", "text", "term", "category", "camp", "how", "in_quote"]
    assert frame["camp"].tolist() == ["syria_government", "opposition", "isis", "us"]


def test_labels_nearest_anchor_bisection_equals_a_scan():
    """The resolver's bisection per camp (resolve.Anchors) picks what a scan of every anchor picks: the nearest
    before, else the nearest after, ties to the smallest camp id; and the last anchor before a label."""
    import random

    from toolkit.labels.resolve import Anchors

    rng = random.Random(0)
    camps = ["isis", "opposition", "other", "us"]
    for _ in range(300):
        n = 200
        raw = [(rng.randrange(n), rng.choice(camps)) for _ in range(rng.randrange(12))]
        anchors = Anchors(raw)
        lo, hi = sorted(rng.sample(range(n + 1), 2))
        at = rng.randrange(lo, hi)
        want = rng.sample(camps, rng.randrange(1, 4))
        near = [(abs(s - at) + (0 if s < at else n), c) for s, c in sorted(raw) if lo <= s < hi and s != at and c in want]
        assert anchors.nearest(lo, hi, at, want, n) == (min(near)[1] if near else None)
        before = [c for s, c in sorted(raw) if lo <= s < at]
        assert anchors.last_before(lo, at) == (before[-1] if before else None)


def test_labels_mention_before_an_apposition_names_the_camp_across_other_mentions():
    """The backward scan for a camp named before a label stops only at a gap no apposition fills."""
    text = "The United States said the Nusra Front, a terrorist group, attacked."
    label = next(lab for lab in find_labels(text, quotes=(), alignment="us_western") if lab.term == "terrorist groups")
    assert (label.camp, label.how) == ("other", "modifier")
    # "the US army" between the Nusra Front and the label: its gap holds words, so the scan stops there
    # and co-reference decides (the Nusra Front, a coreference group, is the nearest camp mention before it)
    labels = find_labels("ISIS said the Nusra Front and the US army, a terrorist group, attacked.", quotes=(),
                         alignment="russia")
    assert [(lab.text, lab.camp, lab.how) for lab in labels][1:] == \
        [("army", "us", "modifier"), ("terrorist group", "other", "coreference")]


def test_labels_head_noun_is_a_label_only_with_a_camp_named_right_before():
    """heads (forces, troops, military, soldiers): a label when a camp is named right before them,
    across one adjective or a possessive; alone, or before "aircraft", they name no camp."""
    got = lambda text: [(lab.text, lab.camp, lab.how, lab.category) for lab in find_labels(text, quotes=())]  # noqa: E731
    assert got("Iranian ground troops joined the offensive.") == [("ground troops", "iran", "modifier", "neutral")]
    assert got("Turkey's own forces stayed behind.") == [("own forces", "turkey", "modifier", "neutral")]
    assert got("The troops stayed behind.") == []
    assert got("A Turkish military aircraft crashed.") == []
    assert got("Russian forces and Syrian army troops advanced.") == \
        [("Russian forces", "russia", "lexicon", "neutral"), ("Syrian army troops", "syria_government", "lexicon", "neutral")]


def test_labels_coreference_window_sentence_leaves_a_camp_of_an_earlier_sentence_to_the_alignment():
    import copy

    from toolkit.labels import load_labels

    text = "Daesh shelled the town. Later terrorists fired on the army."
    lex = load_labels()
    narrow = copy.copy(lex)
    narrow.coreference_window = "sentence"
    pick = lambda labels: [(lab.camp, lab.how) for lab in labels if lab.term == "terrorists"]  # noqa: E731
    assert pick(find_labels(text, lex, quotes=(), alignment="syria_government")) == [("isis", "coreference")]
    assert pick(find_labels(text, narrow, quotes=(), alignment="syria_government")) == [("opposition", "alignment")]
    wider = copy.copy(lex)
    wider.coreference_window = "sentences"  # the sentence and the one before it
    assert pick(find_labels(text, wider, quotes=(), alignment="syria_government")) == [("isis", "coreference")]
