"""Training the quote tagger (:mod:`toolkit.quotes.tagger`) on PolNeAR train.

PolNeAR (Newell, Margolin & Ruths 2018, LREC) marks every attribution's Source, Cue and Content
spans as brat standoff. Each article's characters get one role (source over cue over content, and
a later, shorter attribution over an earlier one, so a nested attribution keeps its own source and
cue); each word piece takes the role of its first character, ``B-`` where a span starts.

Degraded text: a share of the articles (``strip_share``, default 0.3) is added a second time with
its commas, quotation marks and apostrophes deleted, as FA-KES lost them, so the head also learns
to find attributions without the marks (data augmentation by corruption, as in noise-robust NER,
Namysl, Behnke & Köhler 2020, "NAT: Noise-Aware Training", ACL).

The encoder is frozen: each paragraph is encoded once and its features cached
(``$NARRATIVE_CACHE/tagger-features/``), so the head trains in minutes on two CPU cores and a
second run with other head settings skips the encoding. 5% of the training articles (chosen by
the seed) are held out to select the epoch (exact-span F1 over the three roles); PolNeAR dev is
never read here. The model (encoder copy, head, manifest) goes to ``models_dir()/quotes-...``.
Needs the optional extra ``narrative-toolkit[trained]``; torch is imported when training starts.

Cost (measured on a shared 2-core machine, load average about 9): encoding 210 articles (241,891
word pieces with the stripped copies) took 11.5 minutes with 2 threads at ``nice 15``; the head's 3
epochs took 2.7 minutes with ``--threads 1`` (with 2 threads an epoch took about 10 minutes on
that machine: the threads wait on each other when the cores are taken).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from ..encoder import (DEFAULT_BASE, command_main, data_hash, length_grouped_batches, load_encoder, resolve_base_model,
                       save_model)
from ..paths import cache_dir, shared_path
from .marks import prepared
from .tagger import MANIFEST, ROLES, TAGS, encode_units, head_class, models_dir, spans_of, units, viterbi

__all__ = ["TrainSettings", "load_polnear", "strip_punctuation", "char_roles", "piece_tags", "train_quotes",
           "add_arguments", "run", "main"]

_STRIPPED = re.compile(r"[,\"']")


@dataclass(frozen=True)
class TrainSettings:
    """The settings of one training run (saved in the manifest).

    Attributes:
        base_model: the frozen encoder as given (hub name or folder).
        layers: hidden layers whose states are concatenated as features (0 = embeddings).
        max_tokens: word pieces per encoder window (a longer paragraph is cut into windows).
        hidden: projection and BiLSTM size of the head.
        epochs: passes of the head over the training windows.
        batch_size: windows per step.
        encode_batch: windows per forward pass of the frozen encoder when the features are made
            (64: 0.69 against 0.91 CPU-seconds per article at 32, 20 PolNeAR train articles, 2 threads).
        lr: Adam learning rate.
        strip_share: share of training articles added again without commas, quotation marks and apostrophes.
        holdout: share of training articles held out to select the epoch.
        seed: seed of the split, the stripping draw, the initialisation and the data order.
        max_docs: use only a sample of ``max_docs`` training articles, drawn with the seed (``None``: all;
            the articles are sorted by outlet, so a prefix would hold one or two outlets only).
    """

    base_model: str
    layers: tuple[int, ...] = (4, 6)
    max_tokens: int = 256
    hidden: int = 128
    epochs: int = 8
    batch_size: int = 32
    encode_batch: int = 64
    lr: float = 2e-3
    strip_share: float = 0.3
    holdout: float = 0.05
    seed: int = 0
    max_docs: int | None = None


def load_polnear(folder: str | Path) -> list[tuple[str, str, list[tuple[tuple, tuple, tuple]]]]:
    """``(stem, text, [(content spans, cue spans, source spans)])`` per article of a PolNeAR split folder
    (``text/`` and ``attributions/``; an article annotated twice: the first annotator file in sorted order)."""
    root = Path(folder)
    seen: dict[str, Path] = {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        seen.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    docs = []
    for stem, ann in sorted(seen.items()):
        txt = root / "text" / f"{stem}.txt"
        if txt.is_file():
            docs.append((stem, txt.read_text(encoding="utf-8"), _parse_ann(ann)))
    return docs


def _parse_ann(path: Path) -> list[tuple[tuple, tuple, tuple]]:
    spans, rels = {}, []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].startswith("T"):
            _typ, _, offs = parts[1].partition(" ")
            spans[parts[0]] = tuple(tuple(int(x) for x in p.split()) for p in offs.split(";"))
        elif len(parts) >= 2 and parts[0].startswith("E"):
            rels.append(dict(a.split(":", 1) for a in parts[1].split() if ":" in a))
    return [tuple(spans.get(rel.get(role), ()) for role in ("Content", "Cue", "Source"))
            for rel in rels if spans.get(rel.get("Content"))]


def strip_punctuation(text: str) -> tuple[str, list[int]]:
    """``text`` without commas, quotation marks and apostrophes, and for each kept character its offset in ``text``.

    Examples:
        >>> strip_punctuation('"No," he said.')[0]
        'No he said.'
    """
    kept = [i for i, c in enumerate(text) if not _STRIPPED.match(c)]
    return "".join(text[i] for i in kept), kept


def char_roles(n: int, attributions) -> tuple[list[int], list[int]]:
    """Per character: role (0 none, else 1 + index in :data:`ROLES`) and span id (for ``B-`` at span starts).

    Contents are painted first, longest first and never over another content (a nested content
    stays part of the outer one: one label per word piece); then every cue and source over them,
    so inner attributions keep their speaker and cue."""
    role, span = [0] * n, [-1] * n
    sid = 0
    for content, _cue, _source in sorted(attributions, key=lambda a: -sum(e - s for s, e in a[0])):
        for s, e in content:
            sid += 1
            for i in range(s, min(e, n)):
                if role[i] == 0:
                    role[i], span[i] = 1, sid
    for attribution in attributions:
        for r in (1, 2):
            for s, e in attribution[r]:
                sid += 1
                role[s:e] = [r + 1] * (min(e, n) - s)
                span[s:e] = [sid] * (min(e, n) - s)
    return role, span


def piece_tags(offsets: Sequence[tuple[int, int]], role: list[int], span: list[int]) -> list[int]:
    """The tag index (:data:`TAGS`) of each word piece from the role of its first character."""
    out, prev = [], None
    for s, _e in offsets:
        r = role[s]
        if r == 0:
            out.append(0)
            prev = None
            continue
        inside = prev is not None and prev == span[s]
        out.append(TAGS.index(f"{'I' if inside else 'B'}-{ROLES[r - 1]}"))
        prev = span[s]
    return out


def _windows(tokenizer, text: str, attributions, max_tokens: int, stripped: bool):
    role, span = char_roles(len(text), attributions)
    text = prepared(text)
    if stripped:
        text, kept = strip_punctuation(text)
        role, span = [role[i] for i in kept], [span[i] for i in kept]
    return [(ids, piece_tags(offsets, role, span)) for _u, offsets, ids in units(text, tokenizer, max_tokens)]


def _features(tokenizer, encoder, docs, settings: TrainSettings, key: str, progress: bool):
    """``[(features fp16, tags, article index)]`` for the clean and stripped windows, cached under ``key``."""
    import torch
    from tqdm.auto import tqdm

    from safetensors.torch import load_file, save_file

    path = cache_dir() / "tagger-features" / f"{key}.safetensors"
    if path.is_file():  # safetensors: plain tensors, nothing unpickled
        flat = load_file(str(path))
        articles = flat["articles"].tolist()
        return [(flat[f"f{i}"], flat[f"t{i}"], n) for i, n in enumerate(articles)], True
    rng = random.Random(settings.seed)
    windows = []
    for n, (_stem, text, attributions) in enumerate(docs):
        windows += [(ids, tags, n) for ids, tags in _windows(tokenizer, text, attributions, settings.max_tokens, False)]
        if rng.random() < settings.strip_share:
            windows += [(ids, tags, n) for ids, tags in _windows(tokenizer, text, attributions, settings.max_tokens, True)]
    order = sorted(range(len(windows)), key=lambda i: len(windows[i][0]))
    out = [None] * len(windows)
    step = settings.encode_batch
    for k in tqdm(range(0, len(order), step), desc="encoding", unit="batch", disable=not progress):
        idx = order[k:k + step]
        for i, f in zip(idx, encode_units(tokenizer, encoder, [windows[i][0] for i in idx], settings.layers)):
            out[i] = (f.half(), torch.tensor(windows[i][1], dtype=torch.long), windows[i][2])
    path.parent.mkdir(parents=True, exist_ok=True)
    flat = {"articles": torch.tensor([n for _f, _t, n in out], dtype=torch.long)}
    for i, (f, t, _n) in enumerate(out):
        flat[f"f{i}"], flat[f"t{i}"] = f.contiguous(), t
    save_file(flat, str(path))
    return out, False


def _span_f1(head, data) -> dict:
    """Exact-span precision/recall/F1 per role and their mean F1, with the constrained decoding."""
    import torch

    head.eval()
    counts = {r: [0, 0, 0] for r in ROLES}  # matched, predicted, gold
    with torch.inference_mode():
        for k in range(0, len(data), 64):
            chunk = data[k:k + 64]
            x = torch.nn.utils.rnn.pad_sequence([f.float() for f, _t, _n in chunk], batch_first=True)
            logp = torch.log_softmax(head(x, torch.tensor([len(f) for f, _t, _n in chunk])), -1).numpy()
            for n, (f, tags, _d) in enumerate(chunk):
                offsets = [(i, i + 1) for i in range(len(f))]
                pred = set(spans_of(viterbi(logp[n, :len(f)]), offsets))
                gold = set(spans_of(tags.tolist(), offsets))
                for r in ROLES:
                    p, g = {s for s in pred if s[0] == r}, {s for s in gold if s[0] == r}
                    counts[r][0] += len(p & g)
                    counts[r][1] += len(p)
                    counts[r][2] += len(g)
    head.train()
    out = {}
    for r, (m, p, g) in counts.items():
        prec, rec = (m / p if p else 0.0), (m / g if g else 0.0)
        out[r] = {"precision": round(prec, 4), "recall": round(rec, 4),
                  "f1": round(2 * prec * rec / (prec + rec), 4) if prec + rec else 0.0}
    out["mean_f1"] = round(sum(out[r]["f1"] for r in ROLES) / len(ROLES), 4)
    return out


def _split_folder(polnear: str | Path | None) -> Path:
    """The PolNeAR train folder from a path to the corpus, its ``data/`` folder or the split itself."""
    root = Path(polnear) if polnear else shared_path("gold", "polnear")
    if root is None:
        raise FileNotFoundError("no PolNeAR folder: pass --polnear DIR (shared/gold/polnear not found)")
    for folder in (root, root / "train", root / "data" / "train"):
        if (folder / "attributions").is_dir() and (folder / "text").is_dir():
            return folder
    raise FileNotFoundError(f"{root} holds no PolNeAR train split (text/ and attributions/)")


def train_quotes(polnear: str | Path | None = None, *, out_dir: str | Path | None = None,
                 base_model: str | None = None, threads: int | None = None, progress: bool = True,
                 **options) -> Path:
    """Train the tagger head on PolNeAR train (frozen encoder) and save it with a manifest.

    Args:
        polnear: the PolNeAR corpus, its ``data/`` folder or its train split (default ``shared/gold/polnear``).
        out_dir: where to save; default ``models_dir()/quotes-<base>-<data hash>-s<seed>``.
        base_model: hub name or folder (:func:`toolkit.encoder.resolve_base_model`).
        threads: CPU threads for torch (``None``: torch's default).
        progress: show progress bars.
        **options: any other field of :class:`TrainSettings`.

    Returns:
        The folder holding ``encoder/``, ``head.safetensors`` and ``manifest.json``.
    """
    import torch

    settings = TrainSettings(base_model=str(base_model or DEFAULT_BASE), **options)
    if not 0.0 <= settings.strip_share <= 1.0 or not 0.0 < settings.holdout < 1.0:
        raise ValueError("strip_share must lie in [0, 1] and holdout in (0, 1)")
    folder = _split_folder(polnear)
    docs = load_polnear(folder)
    if settings.max_docs is not None and settings.max_docs < len(docs):
        docs = [docs[i] for i in sorted(random.Random(settings.seed).sample(range(len(docs)), settings.max_docs))]
    digest = data_hash(sorted([*(folder / "attributions").glob("*.ann"), *(folder / "text").glob("*.txt")]))
    if threads:
        torch.set_num_threads(threads)
    random.seed(settings.seed)
    torch.manual_seed(settings.seed)
    source = resolve_base_model(base_model)
    tokenizer, encoder = load_encoder(source)
    encoder.eval()
    base_tag = re.sub(r"[^A-Za-z0-9.-]+", "-", Path(settings.base_model).name)
    out = Path(out_dir) if out_dir else models_dir() / f"quotes-{base_tag}-{digest[:12]}-s{settings.seed}"

    started, cpu_started, load_before = time.perf_counter(), time.process_time(), os.getloadavg()
    feature_key = hashlib.sha256(json.dumps([digest, source, settings.layers, settings.max_tokens,
                                             settings.strip_share, settings.seed, settings.max_docs]).encode()).hexdigest()
    data, cached = _features(tokenizer, encoder, docs, settings, feature_key[:16], progress)
    encode_seconds, encode_cpu = time.perf_counter() - started, time.process_time() - cpu_started
    held = set(random.Random(settings.seed).sample(range(len(docs)), max(1, round(settings.holdout * len(docs)))))
    train = [d for d in data if d[2] not in held]
    dev = [d for d in data if d[2] in held]

    head = head_class()(data[0][0].shape[1], hidden=settings.hidden)
    optimizer = torch.optim.Adam(head.parameters(), lr=settings.lr)
    generator = torch.Generator().manual_seed(settings.seed)
    history, best, best_state = [], None, None
    for epoch in range(1, settings.epochs + 1):
        head.train()
        epoch_cpu = time.process_time()
        batches = length_grouped_batches([len(f) for f, _t, _n in train], settings.batch_size, generator)
        running = 0.0
        for idx in batches:
            chunk = [train[i] for i in idx]
            x = torch.nn.utils.rnn.pad_sequence([f.float() for f, _t, _n in chunk], batch_first=True)
            y = torch.nn.utils.rnn.pad_sequence([t for _f, t, _n in chunk], batch_first=True, padding_value=-100)
            logits = head(x, torch.tensor([len(f) for f, _t, _n in chunk]))
            loss = torch.nn.functional.cross_entropy(logits.reshape(-1, len(TAGS)), y.reshape(-1), ignore_index=-100)
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(head.parameters(), 5.0)
            optimizer.step()
            running += loss.item()
        scores = _span_f1(head, dev)
        history.append({"epoch": epoch, "loss": round(running / max(1, len(batches)), 4),
                        "cpu_seconds": round(time.process_time() - epoch_cpu, 1), "holdout": scores})
        if progress:
            print(f"epoch {epoch}: loss {history[-1]['loss']:.4f}  held-out span F1 {scores['mean_f1']:.3f}")
        if best is None or scores["mean_f1"] > best["holdout"]["mean_f1"]:
            best, best_state = history[-1], {k: v.detach().clone() for k, v in head.state_dict().items()}

    manifest = {
        "task": "PolNeAR attribution tagging (content / cue / source, BIO)", "tags": list(TAGS),
        "base_model": settings.base_model, "base_model_source": source, "n_features": int(data[0][0].shape[1]),
        "data": {"folder": str(folder.resolve()), "sha256": digest, "articles": len(docs),
                 "held_out_articles": len(held), "windows": len(data), "pieces": sum(len(f) for f, _t, _n in data)},
        "settings": asdict(settings), "threads": torch.get_num_threads(), "features_cached": cached,
        "encode_seconds": round(encode_seconds, 1), "encode_cpu_seconds": round(encode_cpu, 1),
        "train_seconds": round(time.perf_counter() - started, 1),
        "cpu_seconds": round(time.process_time(), 1), "load_average": {"start": load_before, "end": os.getloadavg()},
        "selected_epoch": best["epoch"], "holdout": best["holdout"], "history": history,
    }
    return save_model(out, encoder, tokenizer, best_state, manifest)


def add_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The options of ``train quotes`` (shared by ``python -m toolkit`` and this module)."""
    d = TrainSettings
    parser.add_argument("--polnear", default=None, help="PolNeAR folder (default: shared/gold/polnear)")
    parser.add_argument("--out", default=None, help="model folder (default: in the cache folder)")
    parser.add_argument("--base-model", default=None, help="hub name or local folder (default all-MiniLM-L6-v2)")
    parser.add_argument("--epochs", type=int, default=d.epochs)
    parser.add_argument("--hidden", type=int, default=d.hidden)
    parser.add_argument("--lr", type=float, default=d.lr)
    parser.add_argument("--batch-size", type=int, default=d.batch_size)
    parser.add_argument("--strip-share", type=float, default=d.strip_share,
                        help="share of articles added again without commas, quotation marks, apostrophes")
    parser.add_argument("--layers", type=int, nargs="+", default=list(d.layers), help="encoder layers used as features")
    parser.add_argument("--seed", type=int, default=d.seed)
    parser.add_argument("--max-docs", type=int, default=None, help="train on a random sample of N articles")
    parser.add_argument("--threads", type=int, default=None, help="CPU threads for torch")
    return parser


def run(args: argparse.Namespace) -> int:
    """Train and save the tagger, print where and its held-out figures."""
    out = train_quotes(args.polnear, out_dir=args.out, base_model=args.base_model, threads=args.threads,
                       epochs=args.epochs, hidden=args.hidden, lr=args.lr, batch_size=args.batch_size,
                       strip_share=args.strip_share, layers=tuple(args.layers), seed=args.seed, max_docs=args.max_docs)
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    print(f"saved {out} (epoch {manifest['selected_epoch']}, {manifest['train_seconds']} s, "
          f"{manifest['threads']} threads)")
    held = manifest["holdout"]
    print("  held-out train articles, exact-span F1: " + ", ".join(f"{r} {held[r]['f1']:.3f}" for r in ROLES))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m toolkit.quotes.tagger_train``: the same as ``python -m toolkit train quotes``."""
    return command_main("python -m toolkit train quotes", "Train the content / cue / source tagger on PolNeAR train.",
                        add_arguments, run, argv)


if __name__ == "__main__":
    raise SystemExit(main())
