"""A tiny encoder for the tests of the trained backends (toolkit.quotes.tagger_train, toolkit.sentiment.finetune):
a randomly initialised 2-layer BERT with a word-level vocabulary of the test texts, saved to a folder (no download)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path


def tiny_base(folder: Path, texts: Iterable[str], max_positions: int = 128) -> Path:
    """Save the tiny BERT and its tokenizer (every word and punctuation mark of ``texts``, lower-cased) in ``folder``."""
    import torch
    import transformers

    words = sorted({w for text in texts for w in re.findall(r"\w+|[^\w\s]", text.lower())})
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *words]
    folder.mkdir(parents=True)
    (folder / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    transformers.BertTokenizerFast(vocab_file=str(folder / "vocab.txt")).save_pretrained(folder)
    config = transformers.BertConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=2,
                                     num_attention_heads=2, intermediate_size=64, max_position_embeddings=max_positions)
    torch.manual_seed(0)
    transformers.BertModel(config).save_pretrained(folder)
    return folder
