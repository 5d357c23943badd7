"""The one date parser of the toolkit: :func:`parse_date`.

Every date a corpus holds goes through it: file names (``outlet_2015-10-01_slug.txt``), CSV/JSON
date fields, manifest ``date:`` entries and the records passed to ``analyze``. It never raises; what
it could not read, or read with a guess, comes back as a note action for :attr:`Corpus.log`.
Limits: formats are tried in a fixed order (a manifest ``date_format`` first); a slashed date is read
month first; times and time zones are dropped (the date as written is kept).
"""

from __future__ import annotations

import datetime
import math
import numbers
import re
from typing import Any

import pandas as pd

__all__ = ["parse_date"]

_DATE_FORMATS = ("%Y-%m-%d", "%m/%d/%Y", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%d %B %Y", "%B %d, %Y")
# Unix-seconds dates are believed only in this range (1990-01-01 to 2100-01-01); other numbers are unparsed.
_EPOCH_RANGE = (631152000, 4102444800)
_EPOCH = re.compile(r"^\d{9,10}(?:\.\d+)?$")
_SLASHED = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/\d{4}\s*$")


def parse_date(value: Any, fmt: str | None = None) -> tuple[datetime.date | None, str | None, str]:
    """The one date parser of the package: ``(date, note action, detail)``.

    ``value`` may be a date, a string (``fmt`` first, then ISO, M/D/YYYY, "1 May 2015", ...), or a
    number of Unix seconds. The action is ``None`` when nothing needs saying, ``"epoch_date"`` when a
    number was read as Unix seconds (only between 1990 and 2100), ``"ambiguous_date"`` when a slashed
    date with both parts at most 12 was read month first (a manifest ``date_format`` silences it),
    or ``"unparsed_date"`` (the date is then ``None``). Missing values (``None``, NaN, NaT, ``""``,
    ``"nan"``) give ``(None, None, "")``.
    """
    if value is None or value is pd.NaT:
        return None, None, ""
    if isinstance(value, datetime.datetime):
        return value.date(), None, ""
    if isinstance(value, datetime.date):
        return value, None, ""
    if isinstance(value, bool):
        return None, "unparsed_date", repr(value)
    if isinstance(value, numbers.Real):
        if isinstance(value, float) and not math.isfinite(value):
            return None, None, ""
        return _epoch(float(value), repr(value))
    if not isinstance(value, str):
        return None, "unparsed_date", f"{type(value).__name__} {str(value)[:60]!r}"
    s = value.strip()
    if not s or s.lower() in ("nan", "none", "null", "na", "nat"):
        return None, None, ""
    for f in ((fmt,) if fmt else ()) + _DATE_FORMATS:
        try:
            date = datetime.datetime.strptime(s, f).date()
        except ValueError:
            continue
        m = _SLASHED.match(s) if f == "%m/%d/%Y" and not fmt else None
        if m and m.group(1) != m.group(2) and int(m.group(1)) <= 12 and int(m.group(2)) <= 12:
            return date, "ambiguous_date", f"{s!r} read month first as {date}; set date_format in corpus.yml"
        return date, None, ""
    try:
        return datetime.date.fromisoformat(s[:10]), None, ""
    except ValueError:
        pass
    if _EPOCH.match(s):
        return _epoch(float(s), repr(s))
    return None, "unparsed_date", repr(s[:200])


def _epoch(seconds: float, shown: str) -> tuple[datetime.date | None, str, str]:
    """A number of Unix seconds as a date (UTC), believed only between 1990 and 2100."""
    if _EPOCH_RANGE[0] <= seconds < _EPOCH_RANGE[1]:
        date = datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc).date()
        return date, "epoch_date", f"{shown} read as Unix seconds: {date}"
    return None, "unparsed_date", f"{shown} (a number, not plausible as Unix seconds 1990-2100)"

