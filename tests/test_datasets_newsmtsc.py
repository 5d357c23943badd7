"""toolkit.datasets.load_newsmtsc: NewsMTSC JSONL read into gold targets, errors naming file and line."""

import json

import pytest

from toolkit.datasets import Example, load_newsmtsc


def _write(path, rows):
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")


def test_datasets_newsmtsc_reads_targets_and_polarity(tmp_path):
    text = "The council praised Ostrova but blamed Kellner for the delay."
    rows = [{"primary_gid": "a", "sentence_normalized": text, "targets": [
        {"from": text.index("Ostrova"), "to": text.index("Ostrova") + 7, "mention": "Ostrova", "polarity": 6.0},
        {"from": text.index("Kellner"), "to": text.index("Kellner") + 7, "mention": "Kellner", "polarity": 2.0}]},
            {"sentence_normalized": "Delegates met.", "targets": [{"from": 0, "to": 9, "polarity": 4.0}]}]
    _write(tmp_path / "dev-rw.jsonl", rows)
    gold = load_newsmtsc(tmp_path / "dev-rw.jsonl")
    assert [(g.text[g.start:g.end], g.label) for g in gold] == [("Ostrova", "positive"), ("Kellner", "negative"),
                                                                  ("Delegates", "neutral")]
    assert all(isinstance(g, Example) for g in gold)


@pytest.mark.parametrize("target, why", [({"from": 0, "to": 3, "polarity": 9.0}, "9.0"),
                                         ({"from": 4, "to": 40, "polarity": 2.0}, "offsets 4:40 outside sentence"),
                                         ({"to": 3, "polarity": 2.0}, "from")])
def test_datasets_newsmtsc_names_file_and_line_of_a_bad_target(tmp_path, target, why):
    _write(tmp_path / "x.jsonl", [{"sentence_normalized": "Ab.", "targets": []},
                                  {"sentence_normalized": "Abc def.", "targets": [target]}])
    with pytest.raises(ValueError, match=f"x.jsonl, line 2: .*{why}"):
        load_newsmtsc(tmp_path / "x.jsonl")
