"""Record lists that turn into tidy DataFrames.

Extractors return plain frozen dataclasses (one per quote, mention, hedge ...) collected in a
:class:`RecordList`: an ordinary ``list`` with a :meth:`RecordList.to_frame` method, so a notebook
user can write ``toolkit.extract_quotes(text).to_frame()``.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Sequence
from typing import Any

import pandas as pd

__all__ = ["RecordList", "to_frame", "first_holding"]


def first_holding(records: Sequence[Any], starts: list[int], start: int, end: int) -> Any:
    """The first of ``records`` (sorted by ``start``; ``starts`` their starts) whose span holds
    ``[start, end)``, or ``None``."""
    return next((records[i] for i in range(bisect.bisect_right(starts, start)) if end <= records[i].end), None)


def to_frame(records, columns: list[str] | None = None) -> pd.DataFrame:
    """One row per dataclass record, one column per field (in field order)."""
    records = list(records)
    if not records:
        return pd.DataFrame(columns=columns or [])
    rows = [dataclasses.asdict(r) if dataclasses.is_dataclass(r) else dict(r) for r in records]
    frame = pd.DataFrame.from_records(rows)
    return frame if columns is None else frame.reindex(columns=columns)


class RecordList(list):
    """A list of dataclass records with :meth:`to_frame`."""

    def to_frame(self) -> pd.DataFrame:
        return to_frame(self)
