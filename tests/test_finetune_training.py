"""toolkit.sentiment.finetune: a tiny training run (random small BERT, handful of fixture sentences, CPU) saves,
reloads and predicts valid labels with offsets, through the sentiment registry too."""

from __future__ import annotations

import json
from pathlib import Path

from importlib.util import find_spec

import pytest

# the trained extra is found, not imported, at collection: torch loads in the tests that run (2 CPU-s per
# worker otherwise, paid by every xdist worker whichever tests it gets)
pytestmark = pytest.mark.skipif(find_spec("torch") is None or find_spec("transformers") is None,
                                reason="the trained extra (torch, transformers) is not installed")

from toolkit import cli  # noqa: E402
from toolkit.encoder import length_grouped_batches  # noqa: E402
from toolkit.pipeline import analyze  # noqa: E402
from toolkit.sentiment import (LABELS, TargetSentiment, available_backends, finetune, get_backend,  # noqa: E402
                               portrayal, target_sentiment, unregister_backend)
from toolkit.sentiment.trained import MARKERS, TrainedTargetBackend  # noqa: E402
from tiny_encoder import tiny_base  # noqa: E402

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "finetune"


def _fixture_sentences() -> list[str]:
    return [json.loads(line)["sentence_normalized"] for f in FIXTURES.glob("*.jsonl")
            for line in f.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def trained(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("finetune")
    base = tiny_base(root / "base", _fixture_sentences(), max_positions=160)
    return finetune.train_sentiment(FIXTURES, epochs=2, out_dir=root / "model", base_model=str(base), seed=3,
                                    batch_size=4, lr=1e-3, ema=None, progress=False)


def test_finetune_training_saves_model_and_manifest(trained):
    assert (trained / "encoder" / "config.json").is_file()
    assert (trained / "head.safetensors").is_file()
    manifest = json.loads((trained / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["labels"] == list(LABELS)
    assert manifest["markers"] == list(MARKERS)
    assert len(manifest["data"]["sha256"]) == 64
    assert manifest["data"]["train_targets"] == 14
    assert sum(manifest["data"]["class_counts"]) == 14
    assert manifest["settings"]["seed"] == 3 and manifest["settings"]["epochs"] == 2
    assert [h["epoch"] for h in manifest["history"]] == [1, 2]
    assert manifest["selected_epoch"] in (1, 2)
    dev = manifest["dev"]["dev-rw.jsonl"]
    assert dev["n"] == 3 and 0.0 <= dev["macro_f1"] <= 1.0


def test_finetune_reloaded_model_predicts_labels_with_offsets(trained):
    backend = TrainedTargetBackend(trained)
    text = "The harbour authority opened a terminal.\nLater the senator was condemned by the nurses."
    start = text.index("senator")
    result = backend.target(text, start, start + len("senator"))
    assert isinstance(result, TargetSentiment)
    assert result.label in LABELS
    assert (result.start, result.end, result.backend) == (start, start + 7, "trained")
    assert -1.0 <= result.score <= 1.0
    assert result.evidence == ()


def test_finetune_batch_matches_single_targets(trained):
    backend = TrainedTargetBackend(trained, batch_size=2)
    text = "Critics accused the ministry while residents thanked the fire brigade and the council met."
    spans = [(text.index(w), text.index(w) + len(w)) for w in ("ministry", "fire brigade", "council", "Critics")]
    batch = backend.target_batch((text, s, e) for s, e in spans)
    single = [backend.target(text, s, e) for s, e in spans]
    assert [(b.start, b.end, b.label) for b in batch] == [(s.start, s.end, s.label) for s in single]
    assert [b.score for b in batch] == pytest.approx([s.score for s in single], abs=1e-3)


def test_finetune_bad_span_is_rejected(trained):
    backend = TrainedTargetBackend(trained)
    with pytest.raises(ValueError, match="outside text"):
        backend.target("short", 2, 40)


def test_finetune_registered_backend_serves_target_sentiment(trained):
    finetune.register(trained, name="trained-test")
    assert "trained-test" in available_backends()
    text = "Farmers welcomed the agency's quick help."
    result = target_sentiment(text, 21, 27, backend="trained-test")
    assert result.label in LABELS and result.backend == "trained-test" and (result.start, result.end) == (21, 27)


def test_finetune_same_seed_same_model(trained, tmp_path):
    manifest = json.loads((trained / "manifest.json").read_text(encoding="utf-8"))
    again = finetune.train_sentiment(FIXTURES, epochs=2, out_dir=tmp_path / "again", base_model=manifest["base_model"],
                                     seed=3, batch_size=4, lr=1e-3, ema=None, progress=False)
    redo = json.loads((again / "manifest.json").read_text(encoding="utf-8"))
    assert [h["train_loss"] for h in redo["history"]] == [h["train_loss"] for h in manifest["history"]]
    text = "The landlord was blamed for the broken heating."
    assert (TrainedTargetBackend(again).target(text, 4, 12).score
            == pytest.approx(TrainedTargetBackend(trained).target(text, 4, 12).score, abs=1e-4))


def test_finetune_command_line_trains_and_reports(trained, tmp_path, capsys):
    manifest = json.loads((trained / "manifest.json").read_text(encoding="utf-8"))
    code = cli.main(["train", "sentiment", "--newsmtsc", str(FIXTURES), "--epochs", "1", "--out", str(tmp_path / "cli"),
                     "--base-model", manifest["base_model"], "--batch-size", "8", "--max-train", "8",
                     "--select-on", "dev-rw.jsonl", "--group-by-length", "--ema", "0.99"])
    out = capsys.readouterr().out
    assert code == 0
    assert f"saved {tmp_path / 'cli'}" in out and "dev-rw.jsonl: macro-F1" in out
    saved = json.loads((tmp_path / "cli" / "manifest.json").read_text(encoding="utf-8"))
    assert saved["data"]["train_targets"] == 8 and saved["settings"]["select_on"] == "dev-rw.jsonl"
    assert saved["settings"]["group_by_length"] is True and manifest["settings"]["group_by_length"] is False
    assert saved["settings"]["ema"] == 0.99


def test_finetune_unknown_selection_split_is_rejected(trained, tmp_path):
    manifest = json.loads((trained / "manifest.json").read_text(encoding="utf-8"))
    with pytest.raises(ValueError, match="select_on"):
        finetune.train_sentiment(FIXTURES, epochs=1, out_dir=tmp_path / "x", base_model=manifest["base_model"],
                                 select_on="dev-xx.jsonl", progress=False)


def test_finetune_missing_data_is_reported(tmp_path):
    with pytest.raises(FileNotFoundError, match="train.jsonl"):
        finetune.train_sentiment(tmp_path, epochs=1, progress=False)


@pytest.fixture
def cached_as_trained(trained, tmp_path, monkeypatch):
    """The tiny model as the newest in an empty cache folder, with backend "trained" not yet loaded."""
    monkeypatch.setenv("NARRATIVE_CACHE", str(tmp_path))
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "sentiment-tiny").symlink_to(trained, target_is_directory=True)
    unregister_backend("trained")
    yield trained
    unregister_backend("trained")


def test_finetune_backend_name_trained_loads_the_newest_cached_model(cached_as_trained):
    text = "Farmers welcomed the agency's quick help."
    result = target_sentiment(text, 21, 27, backend="trained")
    assert result.backend == "trained" and result.label in LABELS
    assert get_backend("trained").path.resolve() == cached_as_trained.resolve()


def test_finetune_backend_trained_without_a_model_says_how_to_train(tmp_path, monkeypatch):
    monkeypatch.setenv("NARRATIVE_CACHE", str(tmp_path))
    unregister_backend("trained")
    with pytest.raises(FileNotFoundError, match="toolkit train sentiment"):
        target_sentiment("The council met.", 4, 11, backend="trained")


def test_finetune_portrayal_batches_a_model_backend_like_single_targets(trained):
    backend = TrainedTargetBackend(trained, batch_size=2)
    text = "Critics accused the ministry.\nResidents thanked the fire brigade and the council met."
    spans = [(text.index(w), text.index(w) + len(w)) for w in ("ministry", "fire brigade", "council")]
    batched = portrayal(text, spans, backend=backend)
    assert [(r.start, r.end, r.label) for r in batched] == [
        (r.start, r.end, r.label) for r in (backend.target(text, s, e) for s, e in spans)]


def test_finetune_analyze_runs_with_the_trained_backend(trained):
    finetune.register(trained, name="trained-test")
    text = ("Ministry claims strikes hit militants\n\nThe Russian Defence Ministry said its jets struck "
            "training camps. \"We hit only terrorists,\" spokesman Igor Konashenkov said.\n\n"
            "Rebels accused Moscow of bombing a bakery, reportedly killing nine people.")
    results = analyze([{"id": "a1", "text": text, "outlet": "test"}], sentiment="trained-test",
                      cache=False, progress=False)
    measures = results.actor_measures.set_index("actor")
    assert {"russian_defense_ministry", "rebels"} <= set(measures.index)
    # an actor named only inside a quote ("Rebels accused Moscow of ...") has no portrayal of its own: NaN
    assert measures["portrayal"].dropna().between(-1, 1).all() and measures["portrayal"].notna().any()
    assert results.mentions["text"].tolist() == [text[r.start:r.end] for r in results.mentions.itertuples()]


def test_finetune_length_grouped_batches_cover_each_input_once_with_little_padding():
    import torch
    rng = __import__("random").Random(7)
    lengths = [rng.randint(5, 120) for _ in range(1000)]
    batches = length_grouped_batches(lengths, 16, torch.Generator().manual_seed(0), group=10)
    flat = [i for b in batches for i in b]
    assert sorted(flat) == list(range(1000))
    assert sorted(len(b) for b in batches)[:2] == [8, 16]  # one short batch: the last group holds 40 inputs
    padded = sum(len(b) * max(lengths[i] for i in b) for b in batches)
    random_order = [list(range(k, min(k + 16, 1000))) for k in range(0, 1000, 16)]
    padded_random = sum(len(b) * max(lengths[i] for i in b) for b in random_order)
    assert padded < 0.75 * padded_random  # similar lengths share a batch
    again = length_grouped_batches(lengths, 16, torch.Generator().manual_seed(0), group=10)
    other = length_grouped_batches(lengths, 16, torch.Generator().manual_seed(1), group=10)
    assert again == batches and other != batches  # the seed fixes the order


def _head(folder: Path) -> dict:
    from safetensors.torch import load_file

    return load_file(str(folder / "head.safetensors"))


def test_finetune_ema_scores_and_saves_the_average_without_changing_training(trained, tmp_path):
    import torch
    base = json.loads((trained / "manifest.json").read_text(encoding="utf-8"))["base_model"]
    runs = {name: finetune.train_sentiment(FIXTURES, epochs=1, out_dir=tmp_path / name, base_model=base, seed=3,
                                           batch_size=4, lr=1e-3, ema=ema, progress=False)
            for name, ema in (("last", None), ("ema", 0.9), ("ema0", 1e-9))}
    manifests = {name: json.loads((f / "manifest.json").read_text(encoding="utf-8")) for name, f in runs.items()}
    losses = {name: [h["train_loss"] for h in m["history"]] for name, m in manifests.items()}
    assert losses["ema"] == losses["last"] == losses["ema0"]  # the average is kept beside training, not fed back
    assert manifests["ema"]["settings"]["ema"] == 0.9 and manifests["last"]["settings"]["ema"] is None
    assert manifests["ema"]["history"][0]["dev_last_weights"] == manifests["last"]["history"][0]["dev"]
    assert "dev_last_weights" not in manifests["last"]["history"][0]
    heads = {name: _head(f) for name, f in runs.items()}
    assert not torch.allclose(heads["ema"]["weight"], heads["last"]["weight"])  # the average was saved
    assert torch.allclose(heads["ema0"]["weight"], heads["last"]["weight"], atol=1e-6)  # decay ~0: last weights


@pytest.mark.parametrize("ema", [0.0, 1.0, 1.5])
def test_finetune_ema_outside_zero_one_is_rejected(ema, tmp_path):
    with pytest.raises(ValueError, match="ema"):
        finetune.train_sentiment(FIXTURES, epochs=1, out_dir=tmp_path / "x", ema=ema, progress=False)


def test_finetune_command_line_averages_weights_unless_told_not_to():
    import argparse

    parse = finetune.add_arguments(argparse.ArgumentParser()).parse_args
    assert parse(["--newsmtsc", "d"]).ema == finetune.TrainSettings("m").ema == 0.995
    assert parse(["--newsmtsc", "d", "--no-ema"]).ema is None
    assert parse(["--newsmtsc", "d"]).epochs == finetune.TrainSettings("m").epochs == 3
