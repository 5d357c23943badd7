"""Full tables and figure captions for the HTML reports.

:func:`full_table` writes every row of a table as plain HTML (no row or column truncation, unlike
pandas' notebook display, which hid the Russian-alignment rows behind "70 rows x 11 columns"),
inside a box that scrolls when it is long, so the page stays readable. :func:`caption` writes a
figure caption that names the explorer filter leading to the figure's rows. :func:`validity_snapshot`
reads the committed validity figures.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import pandas as pd

from .build import EXPLORER_NAME

__all__ = ["full_table", "caption", "explorer_link", "validity_snapshot", "VALIDITY_FILE"]

VALIDITY_FILE = Path(__file__).resolve().parent / "validity.json"


def full_table(frame: pd.DataFrame, title: str = "", *, digits: int = 3, max_height: int = 420) -> str:
    """Every row and column of ``frame`` as an HTML table (floats rounded to ``digits``), with its size."""
    shown = frame.copy()
    for column in shown.columns:
        if pd.api.types.is_float_dtype(shown[column]):
            shown[column] = shown[column].round(digits)
        elif shown[column].map(lambda v: isinstance(v, (list, tuple))).any():
            shown[column] = shown[column].map(str)
    body = shown.to_html(index=False, border=0, na_rep="", classes="full-table", escape=True)
    head = f"<b>{html.escape(title)}</b> " if title else ""
    return (f'<div class="full-table-box"><p>{head}({len(frame)} rows, all shown)</p>'
            f'<div style="max-height:{max_height}px;overflow:auto;font-size:80%">{body}</div></div>')


def _escape(value) -> str:
    """Percent-encoding of a hash value (what the page's ``URLSearchParams`` decodes)."""
    return "".join(c if c.isascii() and (c.isalnum() or c in "-_.~") else "".join(f"%{b:02X}" for b in c.encode())
                   for c in str(value))


def explorer_link(**filters) -> str:
    """The explorer's address with ``filters`` (``type``, ``camp``, ``alignment`` ...) in its hash."""
    clean = {k: v for k, v in filters.items() if v is not None}
    return f"{EXPLORER_NAME}#" + "&".join(f"{k}={_escape(v)}" for k, v in clean.items()) if clean else EXPLORER_NAME


def caption(text: str, **filters) -> str:
    """A figure caption: ``text``, then where its rows are in the evidence explorer (a link with the filters)."""
    href = explorer_link(**filters)
    where = ", ".join(f"{k} = {v}" for k, v in filters.items() if v is not None) or "no filter"
    return (f'<p class="figure-caption" style="font-size:90%;color:#333;max-width:60em">{html.escape(text)} '
            f'<br><i>Rows behind it:</i> <a href="{html.escape(href, quote=True)}">evidence explorer, '
            f'{html.escape(where)}</a>.</p>')


def validity_snapshot(path: str | Path | None = None) -> tuple[pd.DataFrame, str]:
    """The committed validity figures (``validity.json``, made by ``tools/validity_snapshot.py``), real news first.

    Returns the table and a note saying when and at which commit the figures were computed; the
    report shows this snapshot because scoring every gold set takes about a minute
    (``notebooks/03_validity`` computes them live).
    """
    data = json.loads(Path(path or VALIDITY_FILE).read_text(encoding="utf-8"))
    frame = pd.DataFrame(data["rows"])
    real = frame["gold set"].str.contains("real", case=False) & ~frame["gold set"].str.contains("absent")
    frame = pd.concat([frame[real], frame[~real]], ignore_index=True)
    return frame, f"computed {data['made']} at commit {data['commit']} by tools/validity_snapshot.py"
