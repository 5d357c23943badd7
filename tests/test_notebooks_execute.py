"""The notebooks run headless on the demo corpus, and the report builder writes self-contained HTML."""

from __future__ import annotations

import base64
import re
import struct

import pytest

from toolkit.report import EXPLORER_NAME, NOTEBOOKS_DIR, build_report

NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("*.ipynb"))
PAGE_PX = 1280


def _png_widths(body: str) -> list[int]:
    """Pixel widths of the embedded PNGs (from each PNG's IHDR chunk)."""
    out = []
    for blob in re.findall(r"data:image/png;base64,([A-Za-z0-9+/=]+)", body):
        head = base64.b64decode(blob[:44])
        out.append(struct.unpack(">I", head[16:20])[0])
    return out


def test_notebooks_are_stored_without_outputs():
    import nbformat

    assert NOTEBOOKS, "no notebooks found"
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), path.name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebooks_execute_into_html(path, tmp_path, monkeypatch):
    monkeypatch.setenv("NARRATIVE_CACHE", str(tmp_path / "cache"))
    written = build_report(out_dir=tmp_path, notebooks=[path], progress=False)  # papermill raises if a cell fails
    html = written[0]
    body = html.read_text()
    assert html.name == f"{path.stem}.html"
    assert "Traceback" not in body
    assert "Reproducibility stamp" in body
    assert all(w <= PAGE_PX for w in _png_widths(body)), _png_widths(body)
    if "compare" in path.stem:
        assert len(_png_widths(body)) >= 4, "figures are embedded in the HTML"
        page = body[body.index("<body"):]  # the template's CSS holds PNG icons of its own
        assert 'id="findings"' in page and page.index('id="findings"') < page.index("<img")
        # every figure has a caption naming its rows in the explorer
        assert page.count('class="figure-caption"') >= page.count("<img") and "evidence_explorer.html#" in page
        assert [p.name for p in written] == [html.name, EXPLORER_NAME]
