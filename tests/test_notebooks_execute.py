"""The notebooks run headless on the demo corpus, and the report builder writes self-contained HTML."""

from __future__ import annotations

import pytest

from toolkit.report import NOTEBOOKS_DIR, build_report

NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("*.ipynb"))


def test_notebooks_are_stored_without_outputs():
    import nbformat

    assert NOTEBOOKS, "no notebooks found"
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), path.name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebooks_execute_into_html(path, tmp_path, monkeypatch):
    monkeypatch.setenv("NARRATIVE_CACHE", str(tmp_path / "cache"))
    (html,) = build_report(out_dir=tmp_path, notebooks=[path])  # papermill raises if any cell fails
    body = html.read_text()
    assert html.name == f"{path.stem}.html"
    assert "Traceback" not in body
    if "compare" in path.stem:
        assert body.count("data:image/png;base64") >= 4, "figures are embedded in the HTML"
