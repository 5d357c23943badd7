"""toolkit.quotes.tagger and tagger_train without torch: punctuation stripping keeps the offsets, character roles
keep nested sources and cues, word-piece tags, the constrained decoding, spans, the brat reader and the union."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from toolkit.quotes import Quote, load_verbs
from toolkit.quotes.tagger import TAGS, spans_of, union_quotes, viterbi
from toolkit.quotes.tagger_train import char_roles, load_polnear, piece_tags, strip_punctuation


def test_tagger_strip_punctuation_maps_offsets():
    text = '"We won\'t sign," the envoy said, adding "never".'
    stripped, kept = strip_punctuation(text)
    assert stripped == "We wont sign the envoy said adding never."
    assert all(stripped[i] == text[kept[i]] for i in range(len(stripped)))
    start = stripped.index("envoy")
    assert text[kept[start]:kept[start + 4] + 1] == "envoy"


def test_tagger_char_roles_keep_inner_source_and_cue():
    text = "The paper reported that the mayor said the dam was safe."
    outer = (((text.index("that"), len(text) - 1),), ((text.index("reported"), text.index(" that")),),
             ((0, text.index(" reported")),))
    inner = (((text.index("the dam"), len(text) - 1),), ((text.index("said"), text.index(" the dam")),),
             ((text.index("the mayor"), text.index(" said")),))
    role, span = char_roles(len(text), [outer, inner])
    assert role[text.index("paper")] == 3 and role[text.index("reported")] == 2
    assert role[text.index("mayor")] == 3 and role[text.index("said")] == 2
    assert role[text.index("dam")] == 1 and span[text.index("dam")] == span[text.index("that")]
    assert role[len(text) - 1] == 0


def test_tagger_piece_tags_begin_at_span_starts():
    role = [3, 3, 3, 0, 2, 2, 0, 1, 1, 1, 1]
    span = [1, 1, 1, -1, 2, 2, -1, 3, 3, 4, 4]
    offsets = [(0, 1), (1, 3), (4, 6), (7, 9), (9, 11)]
    assert [TAGS[t] for t in piece_tags(offsets, role, span)] == \
        ["B-source", "I-source", "B-cue", "B-content", "B-content"]


def test_tagger_viterbi_obeys_bio_constraints():
    logp = np.log(np.full((3, len(TAGS)), 0.01))
    logp[0, TAGS.index("I-cue")] = np.log(0.9)   # an I- cannot open the sequence
    logp[0, TAGS.index("B-cue")] = np.log(0.05)
    logp[1, TAGS.index("I-source")] = np.log(0.9)  # nor follow another role
    logp[1, TAGS.index("I-cue")] = np.log(0.5)
    logp[2, TAGS.index("O")] = np.log(0.9)
    assert [TAGS[t] for t in viterbi(logp)] == ["B-cue", "I-cue", "O"]


def test_tagger_spans_of_joins_inside_pieces():
    tags = [TAGS.index(t) for t in ("B-source", "I-source", "B-cue", "O", "B-content", "I-content", "B-content")]
    offsets = [(0, 3), (4, 9), (10, 14), (14, 15), (16, 20), (21, 25), (26, 30)]
    assert spans_of(tags, offsets) == [("source", 0, 9), ("cue", 10, 14), ("content", 16, 25), ("content", 26, 30)]


def _quote(start, end, kind="indirect"):
    return Quote(start, end, "x" * (end - start), kind, None, None, None, None, None, None, None, None, None, "body")


def test_tagger_union_keeps_every_rule_quote():
    rules = [_quote(10, 20), _quote(40, 60, "direct")]
    tagged = [_quote(15, 25), _quote(25, 35), _quote(70, 80)]
    union = union_quotes(rules, tagged)
    assert [(q.start, q.end) for q in union] == [(10, 20), (25, 35), (40, 60), (70, 80)]


def test_tagger_union_with_cue_verbs_adds_only_tagged_quotes_with_a_speech_verb():
    verbs = load_verbs()
    rules = [_quote(10, 20)]
    tagged = [replace(_quote(30, 40), cue="Said"), replace(_quote(50, 60), cue="believes"),
              replace(_quote(70, 80), cue=None), replace(_quote(90, 99), cue="has told")]
    union = union_quotes(rules, tagged, verbs)
    assert [(q.start, q.end) for q in union] == [(10, 20), (30, 40), (90, 99)]
    assert len(union_quotes(rules, tagged)) == 5  # without the rule every non-overlapping one is added


def test_tagger_load_polnear_reads_brat(tmp_path):
    text = "The minister said the port would open.\n"
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a1.txt").write_text(text, encoding="utf-8")
    ann = ("T1\tSource 0 12\tThe minister\nT2\tCue 13 17\tsaid\nT3\tContent 18 37;37 38\tthe port would open.\n"
           "T4\tAttribution 0 38\t...\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n")
    (tmp_path / "attributions" / "a1_ann1.ann").write_text(ann, encoding="utf-8")
    (tmp_path / "attributions" / "a1_ann2.ann").write_text("", encoding="utf-8")  # a second annotator: not read
    [(stem, got, attributions)] = load_polnear(tmp_path)
    assert stem == "a1" and got == text
    assert attributions == [(((18, 37), (37, 38)), ((13, 17),), ((0, 12),))]
