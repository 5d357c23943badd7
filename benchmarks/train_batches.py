"""Training-step time with random against length-grouped batches (``train sentiment --group-by-length``).

Times the same number of forward+backward+AdamW steps of the trained backend's model (base encoder
plus target head, :mod:`toolkit.sentiment.finetune`) on NewsMTSC train inputs, batched at random and by
:func:`toolkit.encoder.length_grouped_batches`, alternating twice in one run (the machine is
shared, so read the ratio). Dev quality of the two is measured with full training runs (README).

Usage: ``python benchmarks/train_batches.py [--steps 40] [--threads 2]``
(reads ``$NARRATIVE_SHARED/gold/newsmtsc/train.jsonl``).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import torch  # noqa: E402

from toolkit.sentiment import finetune, trained  # noqa: E402
from toolkit.paths import shared_path  # noqa: E402
from toolkit.datasets import load_newsmtsc  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=40)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    train_file = shared_path("gold", "newsmtsc", "train.jsonl")
    if train_file is None:
        raise SystemExit("NewsMTSC train.jsonl not found under $NARRATIVE_SHARED/gold/newsmtsc")
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    tokenizer, model = finetune._new_model(finetune.resolve_base_model())
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-5)
    marked = [trained.model_input(e.text, e.start, e.end) for e in load_newsmtsc(train_file)]
    lengths = finetune._token_lengths(tokenizer, marked, 128)
    generator = torch.Generator().manual_seed(0)
    plans = {"random": finetune._epoch_batches(len(marked), args.batch_size, generator)[:args.steps],
             "grouped": finetune._epoch_batches(len(marked), args.batch_size, generator, lengths)[:args.steps]}
    seconds: dict[str, list[float]] = {name: [] for name in plans}
    for name in ["random", "grouped", "random", "grouped"]:
        t0, tokens = time.perf_counter(), 0
        for idx in plans[name]:
            ids, att, tgt = trained.encode(tokenizer, [marked[i] for i in idx], 128)
            tokens += ids.numel()
            model(ids, att, tgt).sum().backward()
            optimizer.step()
            optimizer.zero_grad()
        seconds[name].append(time.perf_counter() - t0)
        print(f"{name:8s} {args.steps} steps {seconds[name][-1]:6.1f} s  {tokens:,} padded tokens")
    print(f"random / grouped time: {sum(seconds['random']) / sum(seconds['grouped']):.2f}x")


if __name__ == "__main__":
    main()
