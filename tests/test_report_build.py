"""build_report writes all reports or none, each headed by the same stamp, code hidden, no network scripts."""

from __future__ import annotations

import json
import shutil

import pytest

from toolkit.report import MANIFEST_NAME, build_report, stamp, stamp_html
from toolkit.report.stamp import fingerprint


def _notebook(path, body: str, parameters: bool = True):
    import nbformat  # here, not at collection: its jsonschema formats take a CPU second to import

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
    cells = [nbformat.v4.new_markdown_cell("# A tiny report")]
    if parameters:
        cell = nbformat.v4.new_code_cell("corpus_paths = None\noptions = None\nexplorer_path = None")
        cell.metadata["tags"] = ["parameters"]
        cells.append(cell)
    cells.append(nbformat.v4.new_code_cell(body))
    nb.cells = cells
    nbformat.write(nb, path)
    return path


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("build")
    a = _notebook(root / "a_first.ipynb", "hidden_marker_variable = 41 + 1\nprint('shown', options, hidden_marker_variable)")
    b = _notebook(root / "b_second.ipynb", "print('second report')", parameters=False)
    out = root / "reports"
    written = build_report(out_dir=out, notebooks=[a, b], options={"sentiment": "vader"}, progress=False)
    return root, out, written


def test_report_build_writes_every_report_with_the_same_stamp(built):
    _, out, written = built
    assert [p.name for p in written] == ["a_first.html", "b_second.html"]
    manifest = json.loads((out / MANIFEST_NAME).read_text())
    assert manifest["files"] == ["a_first.html", "b_second.html", MANIFEST_NAME]
    run_id = manifest["run"]["run_id"]
    for path in written:
        body = path.read_text()
        assert "Reproducibility stamp" in body and run_id in body
        assert "vader" in body  # the backend and the settings
        assert "labels.yml" in body and manifest["run"]["commit"] in body


def test_report_build_hides_code_and_loads_nothing_from_the_network(built):
    _, out, _ = built
    body = (out / "a_first.html").read_text()
    assert "shown {&#39;sentiment&#39;: &#39;vader&#39;} 42" in body or "shown {'sentiment': 'vader'} 42" in body
    assert "hidden_marker_variable = 41" not in body  # the code stays in the notebook
    assert 'src="http' not in body and "cdnjs" not in body


def _earlier_run(built, tmp_path):
    """A copy of the module's build (``a_first.html``, ``b_second.html`` and the manifest), as an earlier run
    of ``build_report`` left them: one build fewer for the tests that need earlier reports."""
    root, out, _ = built
    shutil.copytree(out, tmp_path / "reports")
    return root, tmp_path / "reports"


def test_report_build_failure_leaves_the_previous_reports(built, tmp_path):
    root, out = _earlier_run(built, tmp_path)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    good = root / "a_first.ipynb"  # runs fine and would replace a_first.html
    bad = _notebook(tmp_path / "z_bad.ipynb", "raise RuntimeError('this notebook fails')")
    with pytest.raises(Exception, match="this notebook fails"):
        build_report(out_dir=out, notebooks=[good, bad], progress=False)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # not even the good one was replaced
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".reports.tmp")]


def test_report_build_removes_reports_of_an_earlier_run(built, tmp_path):
    root, out = _earlier_run(built, tmp_path)
    assert sorted(p.name for p in out.iterdir()) == ["a_first.html", "b_second.html", MANIFEST_NAME]
    build_report(out_dir=out, notebooks=[root / "b_second.ipynb"], progress=False)
    assert sorted(p.name for p in out.iterdir()) == ["b_second.html", MANIFEST_NAME]


def test_report_build_refuses_unknown_options(tmp_path):
    with pytest.raises(ValueError, match="unknown report option"):
        build_report(out_dir=tmp_path, notebooks=[], options={"lexicon": "x.yml"}, progress=False)


def test_report_stamp_fingerprint_follows_the_files(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("An invented article about a ceasefire.")
    before = stamp([str(corpus)]).corpora[0]
    assert fingerprint(corpus) == before[1:]
    (corpus / "a.txt").write_text("An invented article about a ceasefire, edited.")
    after = stamp([str(corpus)]).corpora[0]
    assert before[1] != after[1] and after[2] == 1
    html = stamp_html(stamp([str(corpus)], {"where": {"outlet": "x"}}), "python -m toolkit report")
    assert str(corpus) in html and "outlet" in html and "python -m toolkit report" in html


def test_report_build_drops_widget_state_that_would_load_a_renderer_online():
    import nbformat

    from toolkit.report.build import _to_html

    nb = nbformat.v4.new_notebook()
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}, "version_major": 2,
                                                                             "version_minor": 0}}
    out = nbformat.v4.new_output("display_data", data={"text/plain": "progress 10/10",
                                                       "application/vnd.jupyter.widget-view+json": {"model_id": "x"}})
    nb.cells = [nbformat.v4.new_code_cell("progress()", outputs=[out])]
    body = _to_html(nb, "t", "<p>stamp</p>")
    assert "unpkg" not in body and "https://" not in body.split("<body")[0].split("<style")[0]
    assert "progress 10/10" in body


def test_report_build_import_loads_no_statistics_and_names_stay_the_functions():
    """``from toolkit.report import build_report`` (the ``report`` command) loads neither scipy, pandas nor the
    findings; ``dir()`` lists the lazily loaded names before they load (tab completion in a notebook); the
    findings and table names load on first read and are the functions, not their modules. One interpreter
    for all three (each probe's start imports the toolkit): the ``dir()`` check runs before any lazy name is
    read, so it still sees them unloaded."""
    import subprocess
    import sys

    probe = ("import sys\nfrom toolkit.report import build_report\n"
             "light = sorted(m for m in sys.modules if m.split('.')[0] in ('scipy', 'pandas') "
             "or m.startswith(('toolkit.comparison', 'toolkit.report.findings', 'toolkit.report.tables')))\n"
             "import toolkit.report as r\n"
             "listed = {'findings_html', 'full_table', 'build_report'} <= set(dir(r)) "
             "and 'toolkit.report.findings' not in sys.modules\n"
             "from toolkit.report import findings, full_table, stamp\n"
             "from toolkit.report import findings as again\n"
             "print(light, listed, callable(findings) and findings is again is r.findings, callable(full_table), "
             "callable(stamp))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["[]", "True", "True", "True", "True"], out
