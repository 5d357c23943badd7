"""The notebooks run headless on the demo corpus, and the report builder writes self-contained HTML."""

from __future__ import annotations

import base64
import json
import re
import struct
from pathlib import Path

import pytest

from toolkit.paths import shared_path
from toolkit.report import EXPLORER_NAME, MANIFEST_NAME, NOTEBOOKS_DIR

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
    """Read as JSON (nbformat 4, which the report run's papermill validates): importing nbformat for this
    alone took 1.5-6 CPU-s."""
    assert NOTEBOOKS, "no notebooks found"
    for path in NOTEBOOKS:
        nb = json.loads(path.read_text(encoding="utf-8"))
        assert nb["nbformat"] == 4 and nb["cells"], path.name
        assert all(not c.get("outputs") for c in nb["cells"] if c["cell_type"] == "code"), path.name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebooks_execute_into_html(path, demo_reports):
    """Each notebook's report from the suite's one ``make report`` run (``demo_reports``, conftest.py):
    papermill raises if a cell fails, so a report is there only when every notebook ran."""
    assert demo_reports["returncode"] == 0, demo_reports["stderr"]
    out = Path(demo_reports["reports"])
    html = out / f"{path.stem}.html"
    body = html.read_text()
    assert "Traceback" not in body
    assert "Reproducibility stamp" in body
    assert all(w <= PAGE_PX for w in _png_widths(body)), _png_widths(body)
    assert html.name in json.loads((out / MANIFEST_NAME).read_text())["files"]  # written by this run
    if "validity" in path.stem and shared_path("gold", "real-quotes", "dev.jsonl"):
        # make report's clone reads ../shared beside it (no $NARRATIVE_SHARED): the README's `validate real`
        # default, whose run test_readme_commands.py leaves to test_validate_real.py
        assert "real-quotes gold not found" not in body and "shared corpora not found" not in body
    if "compare" in path.stem:
        assert len(_png_widths(body)) >= 4, "figures are embedded in the HTML"
        page = body[body.index("<body"):]  # the template's CSS holds PNG icons of its own
        assert 'id="findings"' in page and page.index('id="findings"') < page.index("<img")
        # every figure has a caption naming its rows in the explorer
        assert page.count('class="figure-caption"') >= page.count("<img") and "evidence_explorer.html#" in page
        assert (out / EXPLORER_NAME).is_file()
