"""Every command line of README.md runs as written, on a fresh copy of the repository.

The copy holds the files git tracks (and untracked ones it does not ignore), a ``.venv`` that is the
environment running this suite (a fresh clone gets its own from ``make`` or the set-up by hand), and
``../shared`` beside it when the shared data is here. Each line of a shell block (fenced ``bash`` or
unlabelled) runs in bash from the copy's root, after ``. .venv/bin/activate`` once the README has
said to activate (a reader follows it in one shell); the Python
block of "In a notebook" runs as one script. ``PYTHONPATH`` points at the copy, as an editable install
of that clone would. The lines not run are those matching :data:`NOT_RUN`, each with its reason.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from toolkit.paths import shared_root

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"
SHELL = ("", "bash", "sh", "shell", "console")
PYTHON_SECTIONS = ("In a notebook",)  # the other Python blocks show a call with a file of the reader's own
NOT_RUN = {
    "pip install": "installs from the package index (network); the environment running this suite is that install",
    "conda env": "conda does not run on the build machines; tests/test_packaging_dependencies.py checks environment.yml",
    "make ": "make (re)installs .venv with pip (network); `make test` is this suite, `make report` runs toolkit report",
    "toolkit train ": "fine-tuning takes about 40 minutes; tests/test_finetune_training.py trains a tiny model",
    "benchmarks/quote_backends": "needs a quote tagger trained by `toolkit train quotes` (minutes); "
                                 "tests/test_tagger_training.py trains a tiny one and runs it",
    "toolkit report": "executes every notebook (minutes): tests/test_notebooks_execute.py runs them and "
                      "tests/test_cli_analyze_options.py checks that the options reach build_report",
}
ACTIVATE = re.compile(r"^(\.|source) \S*activate\b")


def _blocks(text: str) -> list[tuple[str, str, str]]:
    """(section, language, body) of every fenced block, in order."""
    out, section = [], ""
    for m in re.finditer(r"^## ([^\n]+)$|^```(\w*)\n(.*?)^```", text, re.M | re.S):
        if m.group(1):
            section = m.group(1).strip()
        else:
            out.append((section, m.group(2), m.group(3)))
    return out


def _shell_lines() -> list[tuple[str, bool]]:
    """(command line, whether the environment is active by then) for every shell line: a reader
    follows the README in one shell, so an activation holds for every later line."""
    lines, activated = [], False
    for _section, lang, body in _blocks(README.read_text(encoding="utf-8")):
        if lang not in SHELL:
            continue
        for line in body.splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if ACTIVATE.match(line):
                activated = True
            lines.append((line, activated))
    return lines


def _why_not(line: str) -> str | None:
    return next((why for pattern, why in NOT_RUN.items() if pattern in line), None)


COMMANDS = _shell_lines()


@pytest.fixture(scope="module")
def clone(tmp_path_factory):
    """A fresh copy of the working tree with .venv and ../shared beside it; the environment to run in."""
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("not a git checkout: the files of a fresh clone are unknown")
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=REPO,
                            capture_output=True, check=True).stdout.decode().split("\0")
    root = tmp_path_factory.mktemp("fresh") / "narrative-toolkit"
    for rel in filter(None, listed):
        src = REPO / rel
        if src.is_file():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, root / rel)
    venv = Path(sys.prefix)
    if sys.prefix != sys.base_prefix and (venv / "bin" / "activate").exists():
        (root / ".venv").symlink_to(venv)
    else:  # no virtual environment: an activate script that puts this interpreter first
        (root / ".venv" / "bin").mkdir(parents=True)
        (root / ".venv" / "bin" / "python").symlink_to(sys.executable)
        script = root / ".venv" / "bin" / "narrative-toolkit"
        script.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m toolkit "$@"\n')
        script.chmod(0o755)
        (root / ".venv" / "bin" / "activate").write_text(f'export PATH="{root / ".venv" / "bin"}:$PATH"\n')
    if shared_root().exists():
        (root.parent / "shared").symlink_to(shared_root().resolve())
    env = {k: v for k, v in os.environ.items() if k not in ("NARRATIVE_SHARED", "VIRTUAL_ENV", "PYTHONHOME")}
    # an analysis is a pure function of its inputs, so a cache the caller set is reused (shared-data lines)
    env.update(PYTHONPATH=str(root), MPLBACKEND="Agg",
               NARRATIVE_CACHE=os.environ.get("NARRATIVE_CACHE") or str(root.parent / "cache"))
    return root, env


def test_readme_has_commands_and_only_a_few_are_not_run():
    assert len(COMMANDS) >= 10
    assert sum(_why_not(line) is not None for line, _ in COMMANDS) <= 10  # installs, make, training, report
    assert any("analyze" in line and "--lexicon" in line for line, _ in COMMANDS)


@pytest.mark.parametrize("line, activated", COMMANDS, ids=[c[0][:60] for c in COMMANDS])
def test_readme_command_runs_as_written(clone, line, activated):
    why = _why_not(line)
    if why:
        pytest.skip(why)
    if "../shared/" in line and not shared_root().exists():
        pytest.skip(f"shared data not found: {shared_root()} (set NARRATIVE_SHARED)")
    root, env = clone
    script = (". .venv/bin/activate\n" if activated and not ACTIVATE.match(line) else "") + line
    done = subprocess.run(["bash", "-c", "set -o pipefail\n" + script], cwd=root, env=env, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, f"{line}\nexit {done.returncode}\n{done.stderr[-3000:]}"
    assert "Traceback" not in done.stderr


def test_readme_python_example_runs_as_written(clone):
    root, env = clone
    blocks = [body for section, lang, body in _blocks(README.read_text(encoding="utf-8"))
              if lang == "python" and section in PYTHON_SECTIONS]
    assert blocks, f"no python block under {PYTHON_SECTIONS}"
    for body in blocks:
        done = subprocess.run([sys.executable, "-c", body], cwd=root, env=env, capture_output=True, text=True,
                              timeout=600)
        assert done.returncode == 0, done.stderr[-3000:]
    assert (root / "out" / "demo.xlsx").exists() and (root / "out" / "demo-csv" / "quotes.csv").exists()
