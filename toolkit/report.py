"""Execute the notebooks headless (papermill) and write self-contained HTML reports (nbconvert).

``make report`` calls :func:`build_report`: every ``notebooks/*.ipynb`` runs in a fresh kernel with
the corpus paths as a papermill parameter, and the executed notebook is exported to
``reports/<name>.html`` with its figures embedded as base64 images. Notebooks in the repository
are stored without outputs.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

__all__ = ["build_report", "execute_notebook", "NOTEBOOKS_DIR"]

NOTEBOOKS_DIR = Path(__file__).resolve().parent.parent / "notebooks"


def execute_notebook(path: str | Path, parameters: dict | None = None, out_path: str | Path | None = None,
                     timeout: int = 1800):
    """Run one notebook with papermill in its own folder; return the executed ``NotebookNode``.

    ``parameters`` go only to notebooks with a cell tagged ``parameters``.
    """
    import nbformat
    import papermill

    path = Path(path)
    out_path = Path(out_path) if out_path else Path(tempfile.mkdtemp()) / path.name
    nb = nbformat.read(path, as_version=4)
    takes_parameters = any("parameters" in c.metadata.get("tags", []) for c in nb.cells)
    papermill.execute_notebook(str(path), str(out_path), parameters=(parameters or {}) if takes_parameters else {},
                               cwd=str(path.parent),
                               kernel_name="python3", progress_bar=False, execution_timeout=timeout)
    return nbformat.read(out_path, as_version=4)


def _to_html(nb, title: str) -> str:
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab")
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    nb.metadata["title"] = title
    body, _ = exporter.from_notebook_node(nb)
    return body


def build_report(corpus: list[str] | None = None, out_dir: str | Path = "reports",
                 notebooks: list[str | Path] | None = None) -> list[Path]:
    """Execute the notebooks into ``out_dir/*.html``; return the written paths.

    Args:
        corpus: corpus paths for the comparison notebook (default: the embedded demo corpus).
        out_dir: where the HTML files go.
        notebooks: notebooks to run (default: every ``notebooks/*.ipynb`` in name order).
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = [Path(p) for p in notebooks] if notebooks else sorted(NOTEBOOKS_DIR.glob("*.ipynb"))
    params = {"corpus_paths": [os.path.abspath(p) for p in corpus]} if corpus else {}
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        for nb_path in paths:
            executed = execute_notebook(nb_path, parameters=params, out_path=Path(tmp) / nb_path.name)
            html_path = out_dir / f"{nb_path.stem}.html"
            html_path.write_text(_to_html(executed, nb_path.stem.replace("_", " ")), encoding="utf-8")
            written.append(html_path)
    return written
