"""NewsMTSC validation: format reading and metrics on own data; dev figures on the shared gold set."""

import json
import time

import pytest

from toolkit import sentiment
from toolkit.sentiment import target_sentiment
from toolkit.datasets import load_newsmtsc
from toolkit.validate.metrics import macro_f1
from toolkit.validate.newsmtsc import evaluate, report

# Dev figures measured with `python -m toolkit validate sentiment` (default model fitted on train);
# the test allows a small margin below them.
MEASURED = {"dev-rw.jsonl": 0.666, "dev-mt.jsonl": 0.624}
MARGIN = 0.01


def _write(path, rows):
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")


def test_load_reads_targets_and_polarity(tmp_path):
    text = "The council praised Ostrova but blamed Kellner for the delay."
    rows = [{"primary_gid": "a", "sentence_normalized": text, "targets": [
        {"from": text.index("Ostrova"), "to": text.index("Ostrova") + 7, "mention": "Ostrova", "polarity": 6.0},
        {"from": text.index("Kellner"), "to": text.index("Kellner") + 7, "mention": "Kellner", "polarity": 2.0}]}]
    _write(tmp_path / "dev-rw.jsonl", rows)
    gold = load_newsmtsc(tmp_path / "dev-rw.jsonl")
    assert [(g.text[g.start:g.end], g.label) for g in gold] == [("Ostrova", "positive"), ("Kellner", "negative")]
    res = evaluate(tmp_path)
    assert set(res) == {"dev-rw.jsonl"}
    assert {"default", "vader", "textblob", "vader-sentence", "textblob-sentence"} <= set(res["dev-rw.jsonl"])
    assert res["dev-rw.jsonl"]["default"]["n"] == 2
    assert "published GRU-TSC" in report(tmp_path)


def test_load_names_bad_line(tmp_path):
    _write(tmp_path / "x.jsonl", [{"sentence_normalized": "Abc def.", "targets": [{"from": 0, "to": 3, "polarity": 9.0}]}])
    with pytest.raises(ValueError, match="x.jsonl, line 1"):
        load_newsmtsc(tmp_path / "x.jsonl")


def test_macro_f1_known_values():
    labels = ("negative", "neutral", "positive")
    assert macro_f1(["negative", "neutral", "positive"], ["negative", "neutral", "positive"], labels) == 1.0
    # negative F1 = 1, neutral F1 = 2/3, positive F1 = 0
    assert macro_f1(["negative", "neutral", "positive"], ["negative", "neutral", "neutral"], labels) == pytest.approx(5 / 9)
    # a label absent from gold and predictions counts as F1 0
    assert macro_f1(["negative", "neutral"], ["negative", "neutral"], labels) == pytest.approx(2 / 3)


def test_dev_figures(shared):
    folder = shared("gold", "newsmtsc")
    for split in MEASURED:
        shared("gold", "newsmtsc", split)
    started = time.perf_counter()
    res = evaluate(folder)
    targets = sum(r["default"]["n"] for r in res.values())
    elapsed = time.perf_counter() - started
    print(f"\nNewsMTSC dev: {targets} targets x 5 methods in {elapsed:.1f}s ({5 * targets / elapsed:.0f} targets/s)")
    for split, floor in MEASURED.items():
        r = res[split]
        print(split, {k: v["macro_f1"] for k, v in r.items()})
        assert r["default"]["macro_f1"] >= max(0.60, floor - MARGIN)
        assert r["default"]["macro_f1"] > r["vader-sentence"]["macro_f1"] + 0.08
        assert r["vader"]["macro_f1"] > r["vader-sentence"]["macro_f1"]
        assert r["textblob"]["macro_f1"] > r["textblob-sentence"]["macro_f1"]


def test_default_speed_on_dev(shared):
    gold = load_newsmtsc(shared("gold", "newsmtsc", "dev-rw.jsonl"))
    sentiment._line_sentences.cache_clear()  # measure cold: sentence splitting included
    sentiment._analyse.cache_clear()
    started = time.perf_counter()
    labels = [target_sentiment(g.text, g.start, g.end).label for g in gold]
    elapsed = time.perf_counter() - started
    print(f"\ndefault backend: {len(gold) / elapsed:.0f} targets/s on dev-rw (cold caches, sentence splitting included)")
    assert len(labels) == len(gold) and set(labels) <= {"negative", "neutral", "positive"}
