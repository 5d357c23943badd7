"""Execute the notebooks headless (papermill) and write self-contained HTML reports (nbconvert), all or none.

``make report`` calls :func:`build_report`: every ``notebooks/*.ipynb`` runs in a fresh kernel with
the corpus paths, the options and the explorer's path as papermill parameters, and the executed
notebook is exported to ``<out_dir>/<name>.html`` with its figures embedded as base64 images and
its code cells hidden (they stay in the notebook). Each report opens with the same
reproducibility stamp (:mod:`toolkit.report.stamp`). Notebooks in the repository are stored
without outputs.

Atomic: everything is written into a temporary folder beside ``out_dir`` and moved in only when
every notebook ran; a failed run leaves the previous reports as they were. ``report-manifest.json``
lists the files of the last run with its stamp, and files of an earlier run that this one no
longer makes are removed, so no report in ``out_dir`` comes from another run than its neighbours.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path

from .stamp import stamp as make_stamp
from .stamp import stamp_html

__all__ = ["build_report", "execute_notebook", "NOTEBOOKS_DIR", "EXPLORER_NAME", "MANIFEST_NAME", "OPTION_KEYS"]

NOTEBOOKS_DIR = Path(__file__).resolve().parent.parent.parent / "notebooks"
EXPLORER_NAME = "evidence_explorer.html"
MANIFEST_NAME = "report-manifest.json"
#: The options the notebooks read (``report --lexicon/--alignment/--since/--until/--outlet/--match/--sentiment``).
OPTION_KEYS = ("lexicons", "alignment", "where", "sentiment")
_CDN_SCRIPT = re.compile(  # the lab template's CDN scripts: require.js, MathJax and its config, mermaid
    r'<script[^>]*\ssrc="https?://[^"]*"[^>]*>\s*</script>|<script type="text/x-mathjax-config">.*?</script>'
    r'|<script type="module">(?:(?!</script>).)*?cdnjs(?:(?!</script>).)*</script>', re.S)


def execute_notebook(path: str | Path, parameters: dict | None = None, out_path: str | Path | None = None,
                     timeout: int = 1800, progress_bar: bool = False):
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
                               cwd=str(path.parent), kernel_name="python3", progress_bar=progress_bar,
                               execution_timeout=timeout)
    return nbformat.read(out_path, as_version=4)


def _to_html(nb, title: str, header: str) -> str:
    """HTML of the executed notebook: code cells hidden, ``header`` (the stamp) first."""
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab")
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    nb.metadata["title"] = title
    nb.metadata.pop("widgets", None)  # a progress-bar widget's state: the template would fetch its renderer online
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            output.get("data", {}).pop("application/vnd.jupyter.widget-view+json", None)
    nb.cells.insert(0, nbformat.v4.new_markdown_cell(header))
    body, _ = exporter.from_notebook_node(nb)
    # no network when read: the template's require.js, MathJax and mermaid come from a CDN (the reports use none)
    body = _CDN_SCRIPT.sub("", body)
    # the lab template's images keep their pixel width: never wider than the page
    return body.replace("</head>", "<style>.jp-OutputArea-output img{max-width:100%;height:auto}</style></head>", 1)


def _check_options(options: dict | None) -> dict:
    options = dict(options or {})
    unknown = sorted(set(options) - set(OPTION_KEYS))
    if unknown:
        raise ValueError(f"unknown report option(s) {', '.join(unknown)}; known: {', '.join(OPTION_KEYS)}")
    return {k: v for k, v in options.items() if v not in (None, {}, [])}


def _rerun_command(corpus: list[str] | None) -> str:
    return "python -m toolkit report" + (" --corpus " + " ".join(corpus) if corpus else "") + "   (or make report)"


def _say(message: str, progress: bool) -> None:
    if progress:
        print(message, file=sys.stderr, flush=True)


def _move_in(tmp: Path, out_dir: Path, names: list[str]) -> None:
    """Move the finished files in and drop the files an earlier run made that this one does not."""
    old = out_dir / MANIFEST_NAME
    previous = []
    if old.is_file():
        try:
            previous = json.loads(old.read_text(encoding="utf-8")).get("files", [])
        except (ValueError, AttributeError):
            previous = []
    for name in names:
        os.replace(tmp / name, out_dir / name)
    for name in set(previous) - set(names) - {MANIFEST_NAME}:
        stale = out_dir / Path(name).name
        if stale.is_file():
            stale.unlink()


def build_report(corpus: list[str] | None = None, out_dir: str | Path = "reports",
                 notebooks: list[str | Path] | None = None, *, options: dict | None = None,
                 progress: bool = True) -> list[Path]:
    """Execute the notebooks into ``out_dir/*.html`` (and the evidence explorer); return the written paths.

    Args:
        corpus: corpus paths for the notebooks (default: the embedded demo corpus).
        out_dir: where the HTML files go (created when missing).
        notebooks: notebooks to run (default: every ``notebooks/*.ipynb`` in name order).
        options: settings passed to the notebooks as the papermill parameter ``options``:
            ``lexicons`` (dict name -> YAML path, as ``analyze(lexicons=)``), ``alignment`` (an
            outlet-alignment YAML path), ``where`` (dict for ``load_corpus(..., where=)``),
            ``sentiment`` (backend name, as ``analyze(sentiment=)``).
        progress: print each notebook's start and time to stderr.

    Returns:
        The reports written: one HTML per notebook, then the explorer when a notebook made one
        (``report-manifest.json`` beside them is not listed).

    Raises:
        Whatever a notebook raised (papermill's ``PapermillExecutionError``); then nothing in
        ``out_dir`` has changed.
    """
    options = _check_options(options)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = [Path(p) for p in notebooks] if notebooks else sorted(NOTEBOOKS_DIR.glob("*.ipynb"))
    corpus = [os.path.abspath(p) for p in corpus] if corpus else None
    run_id = uuid.uuid4().hex[:8]
    run_stamp = make_stamp(corpus, options, run_id=run_id)
    header = stamp_html(run_stamp, _rerun_command(corpus))
    # absolute: the notebooks run in notebooks/, and write the explorer to this folder (``--out reports``)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.tmp-", dir=out_dir.absolute().parent))
    try:
        params = {"corpus_paths": corpus, "options": options, "explorer_path": str(tmp / EXPLORER_NAME)}
        names, started = [], time.monotonic()
        (tmp / "executed").mkdir()
        for i, nb_path in enumerate(paths, 1):
            _say(f"[{i}/{len(paths)}] {nb_path.stem} ...", progress)
            t0 = time.monotonic()
            executed = execute_notebook(nb_path, parameters=params, out_path=tmp / "executed" / nb_path.name,
                                        progress_bar=progress and sys.stderr.isatty())
            name = f"{nb_path.stem}.html"
            (tmp / name).write_text(_to_html(executed, nb_path.stem.replace("_", " "), header), encoding="utf-8")
            names.append(name)
            _say(f"[{i}/{len(paths)}] {nb_path.stem} done in {time.monotonic() - t0:.0f} s", progress)
        if (tmp / EXPLORER_NAME).is_file():
            names.append(EXPLORER_NAME)
        manifest = {"run": run_stamp.to_dict(), "files": names + [MANIFEST_NAME]}
        (tmp / MANIFEST_NAME).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        _move_in(tmp, out_dir, names + [MANIFEST_NAME])
        _say(f"reports in {out_dir}/ ({len(names)} files, {time.monotonic() - started:.0f} s)", progress)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return [out_dir / n for n in names]
