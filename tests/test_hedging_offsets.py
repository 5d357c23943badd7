"""Offsets index the given text; multi-word cues span the whole phrase, across odd whitespace."""

from toolkit.hedging import find_hedges


def test_hedging_multi_word_cue_spans_the_phrase():
    text = "Late on Sunday, according to reports, the dam was hit; it is understood repairs began."
    found = find_hedges(text)
    assert [(h.cue, text[h.start:h.end]) for h in found] == [
        ("according to reports", "according to reports"),
        ("it is understood", "it is understood"),
    ]
    assert found[0].start == text.index("according")
    assert found[1].end == text.index(" repairs")


def test_hedging_longest_phrase_wins_over_its_parts():
    text = "It is possible that the airport will reopen."
    (hedge,) = find_hedges(text)
    assert (hedge.start, hedge.end, hedge.cue, hedge.category) == (0, 14, "it is possible", "epistemic_adverb")


def test_hedging_whitespace_runs_and_line_breaks_inside_a_phrase():
    text = "Aid  arrived,   unconfirmed\n reports said, before noon."
    (hedge,) = find_hedges(text)
    assert text[hedge.start:hedge.end] == "unconfirmed\n reports"
    assert hedge.cue == "unconfirmed reports"


def test_hedging_curly_apostrophe_matches_the_listed_phrase():
    text = "It\u2019s possible the pass is closed."
    (hedge,) = find_hedges(text)
    assert (hedge.start, hedge.end, hedge.cue) == (0, 13, "it's possible")


def test_hedging_offsets_are_in_text_order_and_do_not_overlap():
    text = "If the rebels might retreat, monitors believe the town could fall, perhaps by Friday."
    found = find_hedges(text)
    assert [text[h.start:h.end] for h in found] == ["If", "might", "believe", "could", "perhaps"]
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_hedging_case_is_ignored_and_the_cue_is_canonical():
    text = "ALLEGEDLY the depot burned."
    (hedge,) = find_hedges(text)
    assert (text[hedge.start:hedge.end], hedge.cue) == ("ALLEGEDLY", "allegedly")
