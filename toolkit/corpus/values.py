"""Clean strings for a corpus: metadata values (ids, titles, outlets), outlet keys and file names.

Ids, titles and outlets are clean strings or ``None``: ``0`` is ``"0"``, ``5.0`` is ``"5"``, NaN,
NaT, blanks and containers are ``None``, lone surrogates become U+FFFD. Outlet keys are lower-case
with whitespace collapsed. A file name whose bytes are not UTF-8 is shown with ``\\x`` escapes.
"""

from __future__ import annotations

import math
import numbers
import os
import re
from typing import Any

import pandas as pd

_SPACES = re.compile(r"\s+")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _outlet_key(outlet: str) -> str:
    """The key of an outlet name: whitespace collapsed, lower-case (``"CNN  (Web News)"`` -> ``"cnn (web news)"``)."""
    return _SPACES.sub(" ", str(outlet)).strip().lower()


def _scalar(value: Any) -> str | None:
    """A metadata value (id, title, outlet) as a clean string, or ``None`` when missing.

    ``None``, NaN, blank strings and containers give ``None``; numbers are written as integers when
    whole (``5`` and ``5.0`` give ``"5"``); lone surrogates become U+FFFD.
    """
    if value is None or isinstance(value, (dict, list, tuple, set)) or value is pd.NaT:
        return None
    if isinstance(value, float) or (isinstance(value, numbers.Real) and not isinstance(value, numbers.Integral)):
        value = float(value)
        if not math.isfinite(value):
            return None
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return str(int(value))
    text = value if isinstance(value, str) else str(value)
    if not text.strip():
        return None
    return _SURROGATE.sub("\ufffd", text)


def _first(*values: Any) -> Any:
    """The first value that is not ``None`` (so ``0`` and ``False`` count; ``or`` would skip them)."""
    for v in values:
        if v is not None:
            return v
    return None


def _fs(path: Any) -> str:
    """A path as a string that encodes as UTF-8: undecodable file-name bytes as ``\\xff`` escapes."""
    s = str(path)
    try:
        s.encode("utf-8")
        return s
    except UnicodeEncodeError:
        pass
    try:
        raw = os.fsencode(s)
    except UnicodeEncodeError:
        raw = s.encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "backslashreplace")


def _present(value: Any) -> bool:
    """False for a missing value: ``None``, NaN, a blank string."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return False
    return not (isinstance(value, str) and not value.strip())

