"""Record lists that turn into tidy DataFrames.

Extractors return plain frozen dataclasses (one per quote, mention, hedge ...) collected in a
:class:`RecordList`: an ordinary ``list`` with a :meth:`RecordList.to_frame` method, so a notebook
user can write ``toolkit.extract_quotes(text).to_frame()``.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools

import pandas as pd

__all__ = ["RecordList", "to_frame", "Spans"]


class Spans:
    """Spans ``(start, end)`` prepared for containment queries in O(log n) each: the one lookup of the
    span (a quote, most often) holding another, for the pipeline, hedge attachment and the news hedge filter.

    ``first(start, end)`` is the index of the first span in list order with ``s <= start`` and
    ``end <= e``, or ``None``: for spans sorted by start, a binary search on the starts (the spans
    that open early enough form a prefix) and on the running maximum of their ends (the first span
    of that prefix reaching ``end`` is where the running maximum first reaches it). Spans not sorted
    by start fall back to the plain scan, so the answer is the same for any list.
    """

    def __init__(self, spans) -> None:
        self.spans = list(spans)
        self.starts = [s for s, _e in self.spans]
        self.sorted = all(a <= b for a, b in zip(self.starts, self.starts[1:]))
        self.reach = list(itertools.accumulate((e for _s, e in self.spans), max))

    def first(self, start: int, end: int) -> int | None:
        if not self.sorted:
            return next((i for i, (s, e) in enumerate(self.spans) if s <= start and end <= e), None)
        n = bisect.bisect_right(self.starts, start)  # spans[:n] open at or before start
        i = bisect.bisect_left(self.reach, end, 0, n)  # first of them whose end reaches end
        return i if i < n else None


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
