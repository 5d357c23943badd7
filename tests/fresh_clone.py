"""A fresh copy of the working tree, as a clone would be, for the tests that run README commands.

The copy holds the files git tracks (and untracked ones it does not ignore), a ``.venv`` of its own
whose contents are those of the environment running the suite (the Makefile's stamps written only
when what each would install is here) and ``../shared`` beside it when the shared data is here.
"""

from __future__ import annotations

import importlib.metadata
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from toolkit.paths import shared_root

REPO = Path(__file__).resolve().parent.parent
REPORT_COMMAND = "make report"
"""The README's report command, run once for the suite (``demo_reports`` in ``conftest.py``)."""
STAMPS = ((".installed-stamp", ("trained",)), (".notebooks-stamp", ("trained", "notebooks")),
          (".test-stamp", ("trained", "test")))


def missing_packages(pyproject: Path, extras: tuple[str, ...]) -> list[str]:
    """The requirements of the project and ``extras`` that this environment does not satisfy."""
    from packaging.requirements import Requirement

    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    wanted, todo, missing = list(project["dependencies"]), list(extras), []
    while todo:
        for r in project["optional-dependencies"][todo.pop()]:
            req = Requirement(r)
            if req.name == project["name"]:
                todo.extend(req.extras)
            else:
                wanted.append(r)
    for r in map(Requirement, wanted):
        try:
            version = importlib.metadata.version(r.name)
        except importlib.metadata.PackageNotFoundError:
            missing.append(str(r))
            continue
        if not r.specifier.contains(version, prereleases=True):
            missing.append(f"{r} (installed {version})")
    return missing


def is_checkout() -> bool:
    return shutil.which("git") is not None and (REPO / ".git").exists()


def make_clone(root: Path, cache: Path) -> dict:
    """Copy the working tree to ``root`` (its parent gets ``shared``); return the environment to run
    commands in (``PYTHONPATH`` the copy, as an editable install of it would be; ``cache`` the cache folder)."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=REPO,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for rel in filter(None, listed):
        src = REPO / rel
        if src.is_file():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, root / rel)
    venv, own = Path(sys.prefix), root / ".venv"
    own.mkdir()
    if sys.prefix != sys.base_prefix and (venv / "bin" / "activate").exists():
        for entry in venv.iterdir():  # its folders and pyvenv.cfg, not its make stamps: the copy gets its own
            if not entry.name.startswith("."):
                (own / entry.name).symlink_to(entry)
    else:  # no virtual environment: an activate script that puts this interpreter first
        (own / "bin").mkdir()
        (own / "bin" / "python").symlink_to(sys.executable)
        script = own / "bin" / "narrative-toolkit"
        script.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m toolkit "$@"\n')
        script.chmod(0o755)
        (own / "bin" / "activate").write_text(f'export PATH="{own / "bin"}:$PATH"\n')
    for stamp, extras in STAMPS:  # each says its pip run is done, written only when what it installs is here
        if not missing_packages(root / "pyproject.toml", extras):
            (own / stamp).touch()
    if shared_root().exists():
        (root.parent / "shared").symlink_to(shared_root().resolve())
    env = {k: v for k, v in os.environ.items() if k not in ("NARRATIVE_SHARED", "VIRTUAL_ENV", "PYTHONHOME")}
    env.update(PYTHONPATH=str(root), MPLBACKEND="Agg", NARRATIVE_CACHE=str(cache))
    return env
