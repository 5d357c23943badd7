"""The fresh held-out real-quotes set: its loader and text check on hand-made records, scoring on a
hand-made corpus, and the committed gold against ../shared (that test skips when it is absent)."""

from __future__ import annotations

import csv
import hashlib
import json
from types import SimpleNamespace

import pytest

from toolkit.validate.real import FRESH_GOLD, evaluate_fresh, load_fresh
from toolkit.validate.real.fresh import STRATA, _interval, check_texts

# Hand-made text (not from any corpus).
TEXT = "The governor said the bridge is open again. Aid workers said the road stays closed.\n"
SHA = hashlib.sha256(TEXT.encode("utf-8")).hexdigest()


def _record(content: str, speaker: str, camp: str, **extra) -> dict:
    s, ss = TEXT.index(content), TEXT.index(speaker)
    return {"article": "sana-5", "corpus": "fakes", "doc_id": "5", "stratum": "syria_government",
            "start": s, "end": s + len(content), "speaker_start": ss, "speaker_end": ss + len(speaker),
            "speaker_offsets_ambiguous": False, "actor": "x", "camp": camp, "kind": "indirect",
            "section": "body", "n_chars": len(TEXT), "text_sha256": SHA, **extra}


def _write(path, records) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def test_validate_real_fresh_loader_reads_statements_and_article_meta(tmp_path):
    _write(tmp_path / "f.jsonl", [_record("the bridge is open again", "The governor", "syria_government"),
                                  _record("the road stays closed", "Aid workers", "unnamed")])
    gold, meta = load_fresh(tmp_path / "f.jsonl")
    assert [g.camp for g in gold] == ["syria_government", "unnamed"]
    assert TEXT[gold[1].start:gold[1].end] == "the road stays closed"
    assert TEXT[gold[0].speaker_start:gold[0].speaker_end] == "The governor"
    assert meta == {"sana-5": {"stratum": "syria_government", "n_chars": len(TEXT), "text_sha256": SHA}}


def test_validate_real_fresh_loader_rejects_a_record_without_its_hash(tmp_path):
    rec = _record("the bridge is open again", "The governor", "syria_government")
    del rec["text_sha256"]
    _write(tmp_path / "f.jsonl", [rec])
    with pytest.raises(ValueError, match="text_sha256"):
        load_fresh(tmp_path / "f.jsonl")


def test_validate_real_fresh_loader_rejects_an_article_whose_records_disagree(tmp_path):
    _write(tmp_path / "f.jsonl", [_record("the bridge is open again", "The governor", "syria_government"),
                                  _record("the road stays closed", "Aid workers", "unnamed", stratum="us")])
    with pytest.raises(ValueError, match="sana-5"):
        load_fresh(tmp_path / "f.jsonl")


def test_validate_real_fresh_check_texts_refuses_a_changed_text(tmp_path):
    _write(tmp_path / "f.jsonl", [_record("the bridge is open again", "The governor", "syria_government")])
    _gold, meta = load_fresh(tmp_path / "f.jsonl")
    check_texts({"sana-5": SimpleNamespace(text=TEXT)}, meta)  # the annotated text: no error
    with pytest.raises(ValueError, match="sana-5"):
        check_texts({"sana-5": SimpleNamespace(text=TEXT.replace("open", "shut"))}, meta)


def test_validate_real_fresh_interval_resamples_articles():
    assert _interval({"a": {"found": 2, "gold": 2}, "b": {"found": 3, "gold": 3}}, "found", "gold") == (1.0, 1.0)
    lo, hi = _interval({"a": {"found": 0, "gold": 4}, "b": {"found": 4, "gold": 4}}, "found", "gold")
    assert lo < 0.5 < hi and 0.0 <= lo and hi <= 1.0


def test_validate_real_fresh_evaluate_scores_a_hand_made_corpus(tmp_path):
    (tmp_path / "corpora" / "fakes").mkdir(parents=True)
    with open(tmp_path / "corpora" / "fakes" / "FA-KES-Dataset.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, ["unit_id", "article_title", "article_content", "source", "date", "labels"])
        w.writeheader()
        w.writerow({"unit_id": "5", "article_title": "Bridge", "article_content": TEXT, "source": "sana",
                    "date": "3/4/2016", "labels": "1"})
    _write(tmp_path / "f.jsonl", [_record("the bridge is open again", "The governor", "syria_government"),
                                  _record("the road stays closed", "Aid workers", "unnamed")])
    res = evaluate_fresh(corpora=tmp_path / "corpora", path=tmp_path / "f.jsonl")
    pooled = res["system"]["pooled"]
    assert res["statements"] == 2 and res["articles"] == 1 and pooled["found"] == 2
    assert list(res["by_stratum"]) == ["syria_government"] and res["by_stratum"]["syria_government"]["system"] == pooled
    assert res["baseline"]["pooled"]["found"] == 0 and res["lowest"] == ("sana-5", 1.0)  # no quotation marks


def test_validate_real_fresh_gold_matches_the_shared_texts(shared):
    from toolkit.validate.real import load_articles

    corpora = shared("corpora")
    with open(shared("gold", "real-quotes", "dev.jsonl"), encoding="utf-8") as fh:
        dev_docs = {json.loads(line)["doc_id"] for line in fh}
    gold, meta = load_fresh(FRESH_GOLD)
    assert len(meta) == 12 and [s["stratum"] for s in meta.values()].count("russia") == 3
    assert sorted(s["stratum"] for s in meta.values()) == sorted(STRATA * 3)
    assert not {g.doc_id for g in gold} & dev_docs  # held out: none of the dev articles
    articles = load_articles(gold, corpora)
    check_texts(articles, meta)  # raises if a text changed since the annotation
    assert all(0 <= g.start < g.end <= meta[g.article]["n_chars"] for g in gold)
    for line in open(FRESH_GOLD, encoding="utf-8"):
        assert not {"quote", "speaker", "verb", "text"} & set(json.loads(line))  # offsets only, no text
