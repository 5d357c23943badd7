"""NewsMTSC (Hamborg & Donnay 2021, "NewsMTSC: (Multi-)Target-dependent Sentiment Classification in
News Articles", EACL): news sentences with target mentions labelled negative, neutral or positive.

The files are JSONL, one sentence per line: ``sentence_normalized`` and ``targets`` with
``from``/``to`` character offsets into it, ``mention`` and ``polarity`` (2.0 negative, 4.0 neutral,
6.0 positive). Other fields are ignored. The train split fits the ``default`` and ``trained``
sentiment backends; the dev splits score them (``toolkit.validate.newsmtsc``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Example", "POLARITY", "load_newsmtsc"]

POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
"""NewsMTSC's polarity codes and the label each stands for."""


@dataclass(frozen=True)
class Example:
    """A gold target for training/evaluation: ``text[start:end]`` is the mention; ``doc`` names its
    source article where the data set gives one (NewsMTSC: ``primary_gid`` up to its third ``_``),
    so cross-validation folds can keep an article's sentences together."""

    text: str
    start: int
    end: int
    label: str
    doc: str = field(default="", compare=False)


def load_newsmtsc(path: str | Path) -> list[Example]:
    """Gold targets of a NewsMTSC JSONL file, one :class:`Example` per target, in file order.

    Raises:
        ValueError: a line is not valid JSON or a target has an unknown polarity or bad offsets
            (the message names file and line).
    """
    path = Path(path)
    out = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                text = row["sentence_normalized"]
                doc = "_".join(str(row.get("primary_gid", "")).split("_")[:3])
                for t in row["targets"]:
                    start, end, label = int(t["from"]), int(t["to"]), POLARITY[float(t["polarity"])]
                    if not 0 <= start < end <= len(text):
                        raise ValueError(f"offsets {start}:{end} outside sentence")
                    out.append(Example(text, start, end, label, doc))
            except (ValueError, KeyError, TypeError) as exc:
                raise ValueError(f"{path}, line {n}: {exc}") from exc
    return out
