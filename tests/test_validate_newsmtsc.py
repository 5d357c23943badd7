"""NewsMTSC validation: scoring and metrics on own data; dev figures on the shared gold set."""

import json

import pytest

from toolkit.validate.metrics import accuracy, macro_f1
from toolkit.validate.newsmtsc import evaluate, report

# Dev figures measured with `python -m toolkit validate sentiment` (default model fitted on train);
# the test allows a small margin below them.
MEASURED = {"dev-rw.jsonl": 0.665, "dev-mt.jsonl": 0.617}
MARGIN = 0.01


def _write(path, rows):
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")


def test_validate_newsmtsc_scores_every_backend_and_baseline(tmp_path):
    text = "The council praised Ostrova but blamed Kellner for the delay."
    rows = [{"primary_gid": "a", "sentence_normalized": text, "targets": [
        {"from": text.index("Ostrova"), "to": text.index("Ostrova") + 7, "mention": "Ostrova", "polarity": 6.0},
        {"from": text.index("Kellner"), "to": text.index("Kellner") + 7, "mention": "Kellner", "polarity": 2.0}]}]
    _write(tmp_path / "dev-rw.jsonl", rows)
    res = evaluate(tmp_path)
    assert set(res) == {"dev-rw.jsonl"}
    assert {"default", "vader", "textblob", "vader-sentence", "textblob-sentence"} <= set(res["dev-rw.jsonl"])
    assert res["dev-rw.jsonl"]["default"]["n"] == 2
    assert "published GRU-TSC" in report(tmp_path)


def test_validate_macro_f1_and_accuracy_known_values():
    labels = ("negative", "neutral", "positive")
    assert macro_f1(["negative", "neutral", "positive"], ["negative", "neutral", "positive"], labels) == 1.0
    # negative F1 = 1, neutral F1 = 2/3, positive F1 = 0
    assert macro_f1(["negative", "neutral", "positive"], ["negative", "neutral", "neutral"], labels) == pytest.approx(5 / 9)
    # a label absent from gold and predictions counts as F1 0
    assert macro_f1(["negative", "neutral"], ["negative", "neutral"], labels) == pytest.approx(2 / 3)
    assert accuracy(["negative", "neutral", "positive"], ["negative", "neutral", "neutral"]) == pytest.approx(2 / 3)
    assert macro_f1([], [], labels) == accuracy([], []) == 0.0


def test_validate_newsmtsc_dev_figures(shared):
    folder = shared("gold", "newsmtsc")
    for split in MEASURED:
        shared("gold", "newsmtsc", split)
    res = evaluate(folder)
    for split, floor in MEASURED.items():
        r = res[split]
        print(split, {k: v["macro_f1"] for k, v in r.items()})
        assert r["default"]["macro_f1"] >= max(0.60, floor - MARGIN)
        assert r["default"]["macro_f1"] > r["vader-sentence"]["macro_f1"] + 0.08
        assert r["vader"]["macro_f1"] > r["vader-sentence"]["macro_f1"]
        assert r["textblob"]["macro_f1"] > r["textblob-sentence"]["macro_f1"]


def test_validate_newsmtsc_trained_available_imports_neither_torch_nor_transformers(tmp_path):
    import os
    import subprocess
    import sys

    code = ("import sys; from toolkit.validate import newsmtsc; "
            "print(newsmtsc.trained_available(), 'torch' in sys.modules, 'transformers' in sys.modules)")
    env = {**os.environ, "NARRATIVE_CACHE": str(tmp_path / "cache")}  # no model cached there
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["False", "False", "False"]


def test_validate_newsmtsc_trained_unavailable_without_its_packages(monkeypatch):
    import importlib.util

    from toolkit.validate import newsmtsc

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "torch" else real(name, *a))
    assert newsmtsc.trained_available() is False
