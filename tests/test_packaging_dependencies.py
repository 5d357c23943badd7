"""pyproject.toml and environment.yml list the same packages; test-only and notebook-only packages are
extras (installed by `make test` and `make report`), not runtime dependencies."""

from __future__ import annotations

import re
import tomllib

import yaml


# conda splits some PyPI extras into packages of their own
CONDA_EXTRAS = {"dask[distributed]": {"dask", "distributed"}}


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[ ;]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _names(requirement: str) -> set[str]:
    base = re.split(r"[<>=!~ ;]", requirement.strip(), maxsplit=1)[0].lower()
    return CONDA_EXTRAS.get(base, {_name(requirement)})


def _project(repo) -> dict:
    return tomllib.loads((repo / "pyproject.toml").read_text())["project"]


def test_packaging_environment_matches_pyproject(repo):
    project = _project(repo)
    optional = [r for extra in project.get("optional-dependencies", {}).values() for r in extra
                if _name(r) != project["name"]]  # an extra that includes another one
    declared = set().union(*(_names(r) for r in project["dependencies"] + optional))
    env = yaml.safe_load((repo / "environment.yml").read_text())
    listed = set()
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            listed |= {_name(r) for r in dep["pip"] if not r.startswith("-e")}
        else:
            listed.add(_name(dep))
    listed -= {"python", "pip"}
    assert declared == listed, f"only in pyproject: {declared - listed}; only in environment.yml: {listed - declared}"


def test_packaging_readme_starts_with_the_two_commands(repo):
    readme = (repo / "README.md").read_text()
    first_block = readme.split("```")[1]
    commands = [line.strip() for line in first_block.splitlines()[1:] if line.strip()]
    assert commands == ["make report", "make test"]


def test_packaging_ci_runs_make_test(repo):
    assert "make test" in (repo / ".ci" / "run").read_text()


def test_packaging_test_and_notebook_packages_are_extras(repo):
    project = _project(repo)
    runtime = {_name(r) for r in project["dependencies"]}
    extras = {k: {_name(r) for r in v} for k, v in project["optional-dependencies"].items()}
    assert not runtime & {"pytest", "hypothesis", "jupyter", "papermill", "nbconvert", "ipykernel"}, runtime
    assert {"pytest", "hypothesis", project["name"]} <= extras["test"]  # test includes the notebooks extra
    assert {"papermill", "nbconvert", "nbformat", "ipykernel"} <= extras["notebooks"]
    makefile = (repo / "Makefile").read_text()
    assert "test: $(VENV)/.test-stamp" in makefile and "report: $(VENV)/.notebooks-stamp" in makefile
