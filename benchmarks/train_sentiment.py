"""Full training and evaluation of the trained target-sentiment backend (``toolkit.sentiment.finetune``).

Fine-tunes the encoder on NewsMTSC ``train.jsonl`` (unless ``--model`` names a saved model), then
scores the saved model through the backend's real inference path (``target_batch`` on each dev
target) on every ``dev-*.jsonl``: macro-F1 and accuracy, the measures of Hamborg & Donnay (2021,
EACL, Table 2). It also times inference in words per second (words of the scored sentences, one
sentence per target) for the trained backend and, with ``--compare``, the lexicon backends of
``toolkit.sentiment`` on the same targets.

Usage::

    python benchmarks/train_sentiment.py --newsmtsc ../shared/gold/newsmtsc --epochs 2 --threads 2
    python benchmarks/train_sentiment.py --newsmtsc ../shared/gold/newsmtsc --model ~/.cache/narrative-toolkit/models/sentiment-...
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from toolkit.datasets import load_newsmtsc  # noqa: E402
from toolkit.sentiment import LABELS, target_sentiment  # noqa: E402
from toolkit.sentiment.finetune import train_sentiment  # noqa: E402
from toolkit.sentiment.trained import TrainedTargetBackend  # noqa: E402
from toolkit.validate.metrics import accuracy, macro_f1  # noqa: E402


def _words(examples) -> int:
    return sum(len(e.text.split()) for e in examples)


def evaluate(model: Path, folder: Path, compare: list[str]) -> dict:
    """Dev scores and words/s of the trained backend (and of ``compare`` backends, timed only)."""
    import torch

    backend = TrainedTargetBackend(model)
    backend.target_batch([("Warm-up sentence about the council.", 25, 32)])
    out: dict = {"model": str(model), "device": str(backend.device), "threads": torch.get_num_threads(), "dev": {}}
    for f in sorted(folder.glob("dev-*.jsonl")):
        examples = load_newsmtsc(f)
        gold = [e.label for e in examples]
        t0 = time.perf_counter()
        pred = [r.label for r in backend.target_batch((e.text, e.start, e.end) for e in examples)]
        seconds = time.perf_counter() - t0
        row = {"macro_f1": round(macro_f1(gold, pred, LABELS), 4), "accuracy": round(accuracy(gold, pred), 4),
               "n": len(gold),
               "words_per_s": {"trained": round(_words(examples) / seconds)}}
        for name in compare:
            target_sentiment(examples[0].text, examples[0].start, examples[0].end, backend=name)  # load it
            t0 = time.perf_counter()
            for e in examples:
                target_sentiment(e.text, e.start, e.end, backend=name)
            row["words_per_s"][name] = round(_words(examples) / (time.perf_counter() - t0))
        out["dev"][f.name] = row
    return out


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--newsmtsc", required=True, help="folder with train.jsonl and dev-*.jsonl")
    p.add_argument("--model", default=None, help="evaluate this saved model instead of training one")
    p.add_argument("--epochs", type=int, default=2)
    p.add_argument("--out", default=None)
    p.add_argument("--base-model", default=None)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--lr", type=float, default=5e-5)
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--max-train", type=int, default=None)
    p.add_argument("--select-on", default=None, help="dev file selecting the epoch, or 'mean'")
    p.add_argument("--threads", type=int, default=None)
    p.add_argument("--compare", default="default,vader,textblob",
                   help="comma-separated lexicon backends to time beside the trained one ('' for none)")
    p.add_argument("--no-progress", action="store_true")
    p.add_argument("--json", default=None, help="also write the results to this file")
    args = p.parse_args(argv)
    folder = Path(args.newsmtsc)
    if args.model:
        model = Path(args.model)
    else:
        model = train_sentiment(folder, epochs=args.epochs, out_dir=args.out, base_model=args.base_model,
                                seed=args.seed, batch_size=args.batch_size, max_train=args.max_train, lr=args.lr,
                                select_on=args.select_on, threads=args.threads, progress=not args.no_progress)
    if args.threads:
        import torch

        torch.set_num_threads(args.threads)
    result = evaluate(model, folder, [b for b in args.compare.split(",") if b])
    result["manifest"] = json.loads((model / "manifest.json").read_text(encoding="utf-8"))
    m = result["manifest"]
    print(f"model {model}: base {m['base_model']}, {m['settings']['epochs']} epochs, lr {m['settings']['lr']}, "
          f"selected epoch {m['selected_epoch']}, trained {m['train_seconds']} s on {m['device']}")
    for split, row in result["dev"].items():
        speeds = ", ".join(f"{k} {v:,} words/s" for k, v in row["words_per_s"].items())
        print(f"  {split}: macro-F1 {row['macro_f1']:.3f}  accuracy {row['accuracy']:.3f}  n={row['n']}  ({speeds})")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
