"""PerSenT (Bastan et al. 2020, "Author's Sentiment Prediction", COLING): news documents, each labelled
with how its writer regards the entity the document is mainly about (Negative / Neutral / Positive).

The file is a CSV with ``DOCUMENT_INDEX``, ``TARGET_ENTITY``, ``DOCUMENT``, ``MASKED_DOCUMENT``
(every mention of the entity, pronouns included, replaced by ``[TGT]``) and ``TRUE_SENTIMENT``.
The entity's mention spans are recovered by aligning the masked document with the document: the
text between two ``[TGT]`` marks is found in order, and what lies between is a mention. Where the
masked copy has no mark or does not align (a few rows), the spans are the occurrences of the
entity's name and of its capitalised name parts of three letters or more ("Lugo" for "Fernando
Lugo"), whole words only. Pronouns are then not mentions; :attr:`PersentDoc.aligned` says which
way a document's spans were found.
"""

from __future__ import annotations

import csv
import difflib
import re
from dataclasses import dataclass
from pathlib import Path

__all__ = ["PersentDoc", "load_persent", "mention_spans"]

_MARK = "[TGT]"
_LABELS = {"negative": "negative", "neutral": "neutral", "positive": "positive"}


@dataclass(frozen=True)
class PersentDoc:
    """One PerSenT document: ``text[s:e]`` for ``(s, e)`` in ``spans`` are the entity's mentions.

    Attributes:
        id: ``DOCUMENT_INDEX``.
        entity: ``TARGET_ENTITY`` as given.
        text: ``DOCUMENT``.
        spans: mention spans, in text order (may be empty when the entity is never found).
        label: ``negative``, ``neutral`` or ``positive`` (``TRUE_SENTIMENT``).
        aligned: spans from the masked copy (``True``) or from the entity's name (``False``).
    """

    id: str
    entity: str
    text: str
    spans: tuple[tuple[int, int], ...]
    label: str
    aligned: bool


_TOKEN = re.compile(r"\[TGT\]|\w+|[^\w\s]")


def _align(text: str, masked: str) -> tuple[tuple[int, int], ...] | None:
    """Mention spans from the masked copy, or ``None`` when it has no mark.

    The two texts are aligned token by token (``difflib.SequenceMatcher``, Ratcliff & Obershelp
    1988): the masked copy also differs from the document in dropped quotation marks and spacing,
    so a character search would drift. A run of ``[TGT]`` marks aligned to a run of document
    tokens makes those tokens one mention (punctuation at its edges left out); a mark the matcher cannot place is skipped.
    """
    if _MARK not in masked:
        return None
    doc = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    mtoks = [m.group() for m in _TOKEN.finditer(masked)]
    matcher = difflib.SequenceMatcher(None, mtoks, [t for t, _s, _e in doc], autojunk=False)
    out = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "replace" or _MARK not in mtoks[i1:i2] or j2 <= j1:
            continue
        marks = [k for k in range(i1, i2) if mtoks[k] == _MARK]
        if len(marks) == i2 - i1:
            words = [k for k in range(j1, j2) if doc[k][0][0].isalnum()]  # dropped quote marks stay out
            if len(marks) == 1 and words:
                out.append((doc[words[0]][1], doc[words[-1]][2]))
            elif len(marks) == j2 - j1:
                out.extend((s, e) for _t, s, e in doc[j1:j2])
    return tuple(out)


def mention_spans(text: str, entity: str) -> tuple[tuple[int, int], ...]:
    """Whole-word occurrences of ``entity`` and of its capitalised parts of >= 3 letters, longest first."""
    words = [w for w in re.findall(r"[A-Za-z][\w'.-]*", entity) if len(w) >= 3 and w[0].isupper()]
    names = sorted({" ".join(entity.split()), *words}, key=len, reverse=True)
    names = [n for n in names if n]
    if not names:
        return ()
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)")
    return tuple((m.start(), m.end()) for m in pattern.finditer(text))


def load_persent(path: str | Path) -> list[PersentDoc]:
    """The documents of a PerSenT CSV (e.g. ``dev.csv``), in file order.

    Raises:
        ValueError: a needed column is missing or a label is unknown (the message names file and row).
    """
    path = Path(path)
    out = []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        need = {"DOCUMENT_INDEX", "TARGET_ENTITY", "DOCUMENT", "MASKED_DOCUMENT", "TRUE_SENTIMENT"}
        missing = need - set(reader.fieldnames or ())
        if missing:
            raise ValueError(f"{path}: missing column(s) {', '.join(sorted(missing))}")
        for n, row in enumerate(reader, 2):
            label = _LABELS.get((row["TRUE_SENTIMENT"] or "").strip().lower())
            if label is None:
                raise ValueError(f"{path}, row {n}: unknown TRUE_SENTIMENT {row['TRUE_SENTIMENT']!r}")
            text = row["DOCUMENT"]
            spans = _align(text, row["MASKED_DOCUMENT"])
            aligned = spans is not None
            if spans is None:
                spans = mention_spans(text, row["TARGET_ENTITY"])
            out.append(PersentDoc(row["DOCUMENT_INDEX"], row["TARGET_ENTITY"], text, spans, label, aligned))
    return out
