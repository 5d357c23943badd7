"""Fine-tune the static word vectors on NewsMTSC train (torch at training time, numpy at run time).

The vectors of ``toolkit/models/static_vectors.npz`` (distilled by ``tools/distill_static.py``) are the
initial weights of a small supervised model: per target, the parts of
:func:`toolkit.sentiment.static.part_weights` (left and right window, clause, the target's own words,
weighted exactly as the ``static`` backend weighs them) are pooled from one trainable embedding table
(``torch.nn.EmbeddingBag``, weighted sums), concatenated and read by one linear layer (dropout before
it), trained with the class-balanced cross-entropy plus ``anchor`` times the squared distance of the
table from its initial values (so words seen rarely keep their distilled sense). Only the tuned table
is kept; it replaces the distilled vectors in the ``static`` backend's features, whose logistic
regression is then fitted as before (:func:`toolkit.sentiment.static.train_static`). This is the
Model2Vec paper's supervised fine-tuning step (Tulkens & van Dongen 2024) in its simplest form.

``--cv`` scores a setting by the same five train-article folds as :mod:`toolkit.sentiment.selection`,
the vectors tuned inside each fold on the other four (then the regression fitted on those four);
without it, tunes on all of train and writes ``--out`` (``words`` and float16 ``vectors``, the format
of :func:`toolkit.sentiment.static.load_vectors`) and its manifest.

Usage: ``python tools/tune_static.py [--cv] [--epochs 4] [--anchor 1e-4] [--lr 3e-3] [--vectors PATH]
[--out PATH]`` (reads ``$NARRATIVE_SHARED``; CPU, one thread, seed 0: deterministic).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
from pathlib import Path

import numpy as np

from toolkit.datasets import load_newsmtsc
from toolkit.paths import shared_path
from toolkit.sentiment import selection
from toolkit.sentiment.context import target_context
from toolkit.sentiment.linear_fit import feature_rows, fit_rows, row_logits
from toolkit.sentiment.records import LABELS
from toolkit.sentiment.static import VECTORS_PATH, StaticSet, StaticVectors, load_vectors, part_weights, static_rows

OUT = VECTORS_PATH.with_name("static_vectors_tuned.npz")


def bags(examples, ss: StaticSet, vectors: StaticVectors):
    """Per example and part of ``ss.parts``: the EmbeddingBag inputs (rows, weights, offsets), parts in order."""
    parts = {p: i for i, p in enumerate(ss.parts)}
    rows, weights, offsets = [], [], []
    n = 0
    for e in examples:
        got = {part: (r, w) for part, r, w in part_weights(target_context(e.text, e.start, e.end), ss, vectors)}
        for part in parts:
            offsets.append(n)
            r, w = got.get(part, ((), ()))
            rows.extend(int(x) for x in r)
            weights.extend(float(x) for x in w)
            n += len(r)
    return np.array(rows, dtype=np.int64), np.array(weights, dtype=np.float32), np.array(offsets, dtype=np.int64)


def tune(examples, ss: StaticSet, vectors: StaticVectors, epochs: int = 4, anchor: float = 1e-4, lr: float = 3e-3,
         dropout: float = 0.2, batch: int = 32, seed: int = 0) -> np.ndarray:
    """The tuned table (float32, the shape of ``vectors.vectors[:, :ss.dims]``) after ``epochs`` over ``examples``."""
    import torch

    torch.manual_seed(seed)
    torch.set_num_threads(1)
    dims, k = min(ss.dims, vectors.vectors.shape[1]), len(ss.parts)
    init = torch.tensor(vectors.vectors[:, :dims].copy())
    emb = torch.nn.EmbeddingBag.from_pretrained(init.clone(), freeze=False, mode="sum")
    head = torch.nn.Linear(k * dims, 3)
    drop = torch.nn.Dropout(dropout)
    rows, weights, offsets = (torch.tensor(a) for a in bags(examples, ss, vectors))
    ends = torch.cat([offsets[1:], torch.tensor([len(rows)])])
    y = torch.tensor([LABELS.index(e.label) for e in examples])
    counts = torch.bincount(y, minlength=3).float()
    loss_fn = torch.nn.CrossEntropyLoss(weight=counts.sum() / (3 * counts))
    opt = torch.optim.Adam([*emb.parameters(), *head.parameters()], lr=lr)
    gen = torch.Generator().manual_seed(seed)
    for _ in range(epochs):
        for idx in torch.randperm(len(examples), generator=gen).split(batch):
            bag = (idx[:, None] * k + torch.arange(k)).reshape(-1)
            starts, stops = offsets[bag], ends[bag]
            take = torch.cat([torch.arange(a, b) for a, b in zip(starts.tolist(), stops.tolist())])
            sizes = stops - starts
            offs = torch.cat([torch.zeros(1, dtype=torch.long), sizes.cumsum(0)[:-1]])
            pooled = emb(rows[take], offs, per_sample_weights=weights[take]).reshape(len(idx), k * dims)
            loss = loss_fn(head(drop(pooled)), y[idx]) + anchor * ((emb.weight - init) ** 2).sum()
            opt.zero_grad()
            loss.backward()
            opt.step()
    return emb.weight.detach().numpy().astype(np.float32)


def tuned_vectors(vectors: StaticVectors, table: np.ndarray) -> StaticVectors:
    """``vectors`` with its table replaced (same vocabulary and SIF weights)."""
    return StaticVectors(vectors.index, table, vectors.sif)


def cross_validate(examples, ss: StaticSet, vectors: StaticVectors, l2: float = 3.0, **kw) -> dict:
    """Held-out macro-F1 per train-article fold, the vectors tuned and the regression fitted on the other folds."""
    fs, _l2, min_count = selection.SHIPPED
    folds = [selection.fold_of(e) for e in examples]
    labels = [e.label for e in examples]
    base = feature_rows(examples, fs)
    per = []
    for f in range(selection.FOLDS):
        train = [i for i, x in enumerate(folds) if x != f]
        test = [i for i, x in enumerate(folds) if x == f]
        vec = tuned_vectors(vectors, tune([examples[i] for i in train], ss, vectors, **kw))
        dense = static_rows(examples, ss, vec)
        rows = [b + d for b, d in zip(base, dense)]
        weights = fit_rows([rows[i] for i in train], [labels[i] for i in train], l2, min_count, True,
                           tol=selection.CV_TOL)
        pred = [LABELS[int(np.argmax(row_logits(weights, rows[i])))] for i in test]
        per.append(selection._macro_f1([labels[i] for i in test], pred))
        print(f"fold {f}: {per[-1]:.4f}", file=sys.stderr, flush=True)
    return {"folds": [round(x, 4) for x in per], "mean": round(statistics.mean(per), 4),
            "sd": round(statistics.stdev(per), 4)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cv", action="store_true", help="score by the train-article folds instead of writing --out")
    ap.add_argument("--vectors", type=Path, default=VECTORS_PATH)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--static", default="StaticSet(parts=('left', 'right', 'clause', 'target'))",
                    help="the StaticSet, as Python")
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--anchor", type=float, default=1e-4)
    ap.add_argument("--lr", type=float, default=3e-3)
    ap.add_argument("--dropout", type=float, default=0.2)
    ap.add_argument("--l2", type=float, default=3.0)
    args = ap.parse_args(argv)
    path = shared_path("gold", "newsmtsc", "train.jsonl")
    if path is None:
        print("NewsMTSC train not found (set NARRATIVE_SHARED)", file=sys.stderr)
        return 2
    ss = eval(args.static, {"StaticSet": StaticSet})  # noqa: S307 - a dataclass literal from the command line
    examples, vectors = load_newsmtsc(path), load_vectors(args.vectors)
    kw = {"epochs": args.epochs, "anchor": args.anchor, "lr": args.lr, "dropout": args.dropout}
    if args.cv:
        print(json.dumps({"static": repr(ss), **kw, "l2": args.l2,
                          **cross_validate(examples, ss, vectors, args.l2, **kw)}))
        return 0
    table = tune(examples, ss, vectors, **kw)
    words = sorted(vectors.index, key=vectors.index.__getitem__)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, words=np.array(words), vectors=table.astype(np.float16))
    manifest = {"file": args.out.name, "kind": "static word vectors tuned on NewsMTSC train (tools/tune_static.py)",
                "initial_vectors": f"{args.vectors.name} sha256 {hashlib.sha256(args.vectors.read_bytes()).hexdigest()}",
                "training_data_file_sha256": hashlib.sha256(path.read_bytes()).hexdigest(), "static": repr(ss),
                **kw, "command": "python tools/tune_static.py " + " ".join(argv if argv is not None else sys.argv[1:]),
                "sha256": hashlib.sha256(args.out.read_bytes()).hexdigest()}
    args.out.with_name(args.out.stem + ".manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
