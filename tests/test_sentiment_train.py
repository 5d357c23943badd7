"""Retraining the linear target model from a user-given NewsMTSC-format file, with a local cache."""

import json

import pytest

from toolkit.lexicon import LexiconError
from toolkit.sentiment.context import role_cues
from toolkit.sentiment import LinearTargetBackend, register_backend, target_sentiment, train

NAMES = ["Abelard", "Brisco", "Corvina", "Dunmore", "Esquith", "Farrow", "Galloway", "Hendry"]
GOOD = ["{} opened a bright new clinic for the village.", "Voters cheered {} after the speech.",
        "{} rescued two fishermen from the storm."]
BAD = ["{} was jailed for stealing public funds.", "Neighbours sued {} over the poisoned well.",
       "{} lied to the inspectors again."]
FLAT = ["{} arrived in the port city on Thursday.", "{} will chair the session next week.",
        "The report lists {} among the delegates."]


def _rows():
    for name in NAMES:
        for templates, pol in ((GOOD, 6.0), (BAD, 2.0), (FLAT, 4.0)):
            for t in templates:
                text = t.format(name)
                start = text.index(name)
                yield {"sentence_normalized": text,
                       "targets": [{"from": start, "to": start + len(name), "mention": name, "polarity": pol}]}


@pytest.fixture
def gold_file(tmp_path, monkeypatch):
    monkeypatch.setenv("NARRATIVE_CACHE", str(tmp_path / "cache"))
    path = tmp_path / "mine.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in _rows()) + "\n", encoding="utf-8")
    return path


def test_sentiment_train_from_path_fits_and_is_registered(gold_file):
    model = train(gold_file, l2=0.1, min_count=1, name="test-mine")
    register_backend("test-mine", model)
    text = "Critics say Ingleby was jailed for stealing public funds."
    start = text.index("Ingleby")
    assert target_sentiment(text, start, start + 7, backend="test-mine").label == "negative"
    text = "Ingleby opened a bright new clinic for the village."
    assert target_sentiment(text, 0, 7, backend="test-mine").label == "positive"
    assert model.settings["examples"] == len(NAMES) * 9
    assert model.settings["source"] == str(gold_file)


def test_sentiment_train_caches_weights_and_reuses_them(gold_file):
    first = train(gold_file, l2=0.1, min_count=1)
    cached = list((gold_file.parent / "cache").glob("sentiment-*.json"))
    assert len(cached) == 1
    again = train(gold_file, l2=0.1, min_count=1)
    assert again.weights == LinearTargetBackend.load(cached[0]).weights
    assert set(again.weights) == set(first.weights)
    body = json.loads(cached[0].read_text())
    assert all(" " not in f for f in body["weights"])  # word/feature coefficients only, no text


def test_sentiment_train_needs_every_label(gold_file):
    rows = [json.loads(line) for line in gold_file.read_text().splitlines()]
    gold_file.write_text("\n".join(json.dumps(r) for r in rows if r["targets"][0]["polarity"] != 4.0) + "\n")
    with pytest.raises(ValueError, match="none of neutral in .*mine.jsonl"):
        train(gold_file, min_count=1, cache=False)


def test_sentiment_model_file_errors_are_clear(tmp_path):
    bad = tmp_path / "model.json"
    bad.write_text("[1, 2]")
    with pytest.raises(LexiconError, match="model.json.*'weights'"):
        LinearTargetBackend.load(bad)


def test_sentiment_malformed_role_lexicon_names_file_and_line(tmp_path):
    path = tmp_path / "roles.yml"
    path.write_text("source: mine\nattack_verbs:\n  - slam\n  - {odd: 1}\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"roles.yml, line 3: 'attack_verbs' must be a list of strings"):
        role_cues(path)
