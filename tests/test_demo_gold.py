"""Gold annotations of the demo corpus: offsets, vocabularies, coverage of constructions."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from tool_scripts import load_tool
from toolkit.text import paragraphs

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "corpora" / "demo"
CAMPS = {"russia", "us", "opposition", "syria_government", "iran", "turkey", "un", "isis", "other", "unnamed"}
CATEGORIES = {"epistemic_modal", "epistemic_verb", "epistemic_adverb", "evidential", "conditional", "booster"}
PRONOUNS = {"he", "she", "they", "He", "She", "They"}
QUOTE_KEYS = {"start", "end", "text", "kind", "cue", "cue_start", "cue_end", "speaker", "speaker_start",
              "speaker_end", "actor", "camp", "section"}


def _load_generator():
    return load_tool("make_demo_gold")


@pytest.fixture(scope="module")
def gold():
    recs = [json.loads(x) for x in (DEMO / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
    return [(r, (DEMO / r["file"]).read_text(encoding="utf-8")) for r in recs]


def _para_of(text, pos):
    for i, p in enumerate(paragraphs(text)):
        if p.start <= pos < p.end:
            return i
    return None


def test_demo_gold_has_one_record_per_article(gold):
    assert sorted(r["file"] for r, _ in gold) == sorted(p.name for p in DEMO.glob("*.txt"))


def test_demo_gold_offsets_reproduce_stored_strings(gold):
    n = 0
    for r, text in gold:
        for q in r["quotes"]:
            assert set(q) == QUOTE_KEYS
            for a, b in (("start", "end"), ("cue_start", "cue_end"), ("speaker_start", "speaker_end")):
                assert 0 <= q[a] < q[b] <= len(text)
            assert text[q["start"]:q["end"]] == q["text"]
            assert text[q["cue_start"]:q["cue_end"]] == q["cue"]
            assert text[q["speaker_start"]:q["speaker_end"]].strip()
            n += 1
        for h in r["hedges"]:
            assert 0 <= h["start"] < h["end"] <= len(text)
            assert text[h["start"]:h["end"]] == h["cue"]
    assert n >= 200


def test_demo_gold_uses_the_known_vocabularies(gold):
    for r, _ in gold:
        for q in r["quotes"]:
            assert q["kind"] in {"direct", "mixed", "indirect"}
            assert q["camp"] in CAMPS
            assert q["section"] in {"body", "caption", "title", "duplicate"}
            assert q["speaker"]
            assert q["actor"] is None or q["actor"].isidentifier()
        for h in r["hedges"]:
            assert h["category"] in CATEGORIES


def test_demo_gold_quotes_do_not_overlap_and_cue_speaker_lie_outside(gold):
    for r, _ in gold:
        qs = sorted(r["quotes"], key=lambda q: q["start"])
        for a, b in zip(qs, qs[1:]):
            assert a["end"] <= b["start"], (r["file"], a["text"], b["text"])
        for q in qs:
            for o in qs:
                for s, e in ((q["cue_start"], q["cue_end"]), (q["speaker_start"], q["speaker_end"])):
                    assert e <= o["start"] or s >= o["end"], (r["file"], q["text"])


def test_demo_gold_direct_quotes_sit_between_quotation_marks(gold):
    for r, text in gold:
        for q in r["quotes"]:
            if q["kind"] == "direct":
                assert text[q["start"] - 1] in "\"'\u201c\u2018"
                assert q["end"] == len(text) or text[q["end"]] in "\"'\u201d\u2019\n"
            if q["kind"] == "mixed":
                assert any(c in q["text"] for c in "\"\u201c\u201d'")


def test_demo_gold_has_every_kind_section_camp_and_category(gold):
    quotes = [q for r, _ in gold for q in r["quotes"]]
    hedges = [h for r, _ in gold for h in r["hedges"]]
    assert {q["kind"] for q in quotes} == {"direct", "mixed", "indirect"}
    assert {"body", "caption", "title", "duplicate"} <= {q["section"] for q in quotes}
    assert {"russia", "us", "opposition", "syria_government", "iran", "turkey", "un", "other",
            "unnamed"} <= {q["camp"] for q in quotes}
    assert {h["category"] for h in hedges} == CATEGORIES
    assert {"caption", "duplicate"} <= {h["section"] for h in hedges}
    assert any(q["actor"] is None for q in quotes)


def test_demo_gold_has_every_construction_class(gold):
    seen = Counter()
    for r, text in gold:
        for q in r["quotes"]:
            qp, cp = _para_of(text, q["start"]), _para_of(text, q["cue_start"])
            before = q["speaker_end"] <= q["start"]
            if before:
                seen["speaker_before"] += 1
            else:
                seen["speaker_after"] += 1
                if q["cue_end"] <= q["speaker_start"] and q["cue_start"] >= q["end"]:
                    seen["inverted"] += 1  # "...," said Peskov.
            if text[q["speaker_start"]:q["speaker_end"]] in PRONOUNS:
                seen["pronoun"] += 1
            if q["kind"] == "direct" and text[q["end"]:q["end"] + 1] == "\n":
                seen["open_continuation"] += 1  # quote runs on into the next paragraph
            if q["kind"] == "direct" and qp != cp:
                seen["cross_paragraph"] += 1
            if q["kind"] == "direct" and before and text[q["cue_end"]:q["start"]].count(".") >= 1:
                seen["unattributed_continuation"] += 1  # "...," X said. "More words."
            if q["cue"] == "told":
                seen["told"] += 1
            if q["cue"].lower() == "according to":
                seen["according_to"] += 1
            if q["cue"] in {"denied", "insisted", "claimed", "admitted"}:
                seen["stance_" + q["cue"]] += 1
            if len([c for c in q["text"] if c in ".?!"]) >= 2 and q["kind"] == "direct":
                seen["multi_sentence"] += 1
    for k in ("speaker_before", "speaker_after", "inverted", "pronoun", "open_continuation", "cross_paragraph",
              "unattributed_continuation", "told", "according_to", "stance_denied", "stance_insisted",
              "stance_claimed", "stance_admitted", "multi_sentence"):
        assert seen[k] >= 1, (k, seen)
    assert seen["inverted"] >= 5 and seen["pronoun"] >= 10


def test_demo_gold_tricky_non_hedges_are_not_gold_hedges(gold):
    for r, text in gold:
        spans = {(h["start"], h["end"]) for h in r["hedges"]}
        for word in ("could not", "May"):
            i = text.find(word)
            while i != -1:
                assert (i, i + len(word.split()[0])) not in spans, (r["file"], word)
                i = text.find(word, i + 1)
        for h in r["hedges"]:
            assert h["cue"].lower() != "will"
            assert h["cue"] != "May"


def test_demo_gold_duplicates_mirror_their_caption(gold):
    for r, text in gold:
        paras = paragraphs(text)
        caption = paras[2]
        dups = [p for p in paras[3:] if p.text == caption.text]
        cap_q = [q for q in r["quotes"] if q["section"] == "caption"]
        dup_q = [q for q in r["quotes"] if q["section"] == "duplicate" and q["start"] > paras[3].end]
        assert len(dup_q) == len(cap_q) * len(dups)
        for d in dups:
            shift = d.start - caption.start
            for q in cap_q:
                assert any(x["start"] == q["start"] + shift and x["text"] == q["text"] for x in dup_q)


def test_demo_gold_is_up_to_date_with_spec():
    gen = _load_generator()
    assert gen.build() == (DEMO / "gold.jsonl").read_text(encoding="utf-8")


def test_demo_gold_generator_fails_loudly_on_missing_or_ambiguous(tmp_path):
    gen = _load_generator()
    art = gen.Article("x.txt", "Site line 2015\nTitle\nCaption (credit)\n\nTitle\n\n"
                      "Peskov said it was fine. Peskov said it was fine.\n\nXYZ contributed to this report.\n",
                      "contributed to this report")
    with pytest.raises(gen.GoldError):
        art.find_content({"q": "it was fine"})  # two hits, no occ
    with pytest.raises(gen.GoldError):
        art.find_content({"q": "not in the text"})
    assert art.find_content({"q": "it was fine", "occ": 1})[0] > art.find_content({"q": "it was fine", "occ": 0})[0]
