"""Shared test fixtures. Tests that read ../shared skip with a reason when it is absent.

The test session runs numpy/scipy/scikit-learn on one BLAS/OpenMP thread per process (set here before they are
imported, so every pytest-xdist worker and every subprocess a test starts inherits it): with pytest-xdist already
using each core, a multi-threaded BLAS only spins. Measured on the 2-core machine, the three leave-one-set-out tests
of tests/test_hedge_filter.py: 44.7 CPU-s with the library default, 9.1 with one thread, same results. A user's
environment setting wins (``setdefault``).
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import gc  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from toolkit.paths import shared_path, shared_root

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def shared():
    """Return a function ``shared(*parts)`` that gives the path or skips the test when absent."""

    def get(*parts: str) -> Path:
        p = shared_path(*parts)
        if p is None:
            pytest.skip(f"shared data not found: {shared_root().joinpath(*parts)} (set NARRATIVE_SHARED)")
        return p

    return get


@pytest.fixture
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def corpora_loaded_once():
    """``load_corpus`` reading each corpus (path and options) once per test session (per pytest-xdist
    worker), for tests that score several gold sets on the same shared corpora: patch it into the
    validator, ``monkeypatch.setattr(module, "load_corpus", corpora_loaded_once)``. A :class:`Corpus`
    is read-only, so the tests share it safely; the loader itself is tested on its own."""
    import functools

    from toolkit.corpus import load_corpus

    @functools.cache
    def load(path: str, options: tuple):
        return load_corpus(path, **dict(options))

    return lambda path, **options: load(str(Path(path).resolve()), tuple(sorted(options.items())))


SESSION_GC_THRESHOLD = (10_000, 50, 100)
"""The collector's thresholds in a test session (Python's default: 700, 10, 10). The suite makes
millions of short-lived objects and few cycles; with the default, collection passes took 7.0% of a
session's CPU on the property, hostile-corpus and figure tests, 2.0% with these (fewer, larger passes). No ``gc.freeze`` of
the collected tests: ``analyze`` freezes and unfreezes around each run (toolkit.pipeline.engines, whose
test checks the freeze count is set back), which would hand them back at the first run."""


def pytest_configure(config):
    """Fewer collector passes in the test session (:data:`SESSION_GC_THRESHOLD`), for this process
    (each pytest-xdist worker runs it); subprocesses the tests start keep Python's default."""
    gc.set_threshold(*SESSION_GC_THRESHOLD)


def _reads_demo_reports(item) -> bool:
    """Whether a test uses :func:`demo_reports`: by its arguments, or (the README's report lines,
    which ask for it from inside the test) by the command it takes (their parse tests, cheap, go along)."""
    if "demo_reports" in getattr(item, "fixturenames", ()):
        return True
    command = getattr(getattr(item, "callspec", None), "params", {}).get("command")
    line = getattr(command, "line", "")
    return line == "make report" or line.startswith("python -m toolkit report")


def pytest_collection_modifyitems(config, items):
    """The tests that read the one ``make report`` run (:func:`demo_reports`) run first, in a row:
    pytest-xdist (``-n``, default ``--dist load``) sends each worker a first batch of consecutive
    tests (a quarter of its share, far more than these), so they all land on one worker, whose
    first test starts the longest job at once, and no other worker sits waiting on the run's lock.
    The rest keep pytest's order (a file's tests in a row, so its module fixtures are built once
    per worker). Without xdist only the order changes."""
    items.sort(key=lambda item: not _reads_demo_reports(item))  # stable: the rest keep their order


@pytest.fixture(autouse=True)
def _sentiment_backends_restored():
    """Sentiment backends a test registers are unregistered after it (a replaced built-in one gets
    its own back), so no test sees another's backends."""
    from toolkit.sentiment import available_backends, packaged_backend, unregister_backend

    before = set(available_backends())
    yield
    for name in available_backends():
        if name not in before or (name in ("default", "static", "linear", "vader", "textblob") and not packaged_backend(name)):
            unregister_backend(name)


@pytest.fixture(scope="session", autouse=True)
def _own_cache_folder(tmp_path_factory):
    """Each test session (each pytest-xdist worker) analyses into a cache folder of its own, never the
    user's: no test reads another's entries, prunes them or waits on their locks, and subprocesses
    (the command line) inherit it through ``$NARRATIVE_CACHE``. Tests that need a cache of their
    own still pass ``cache=tmp_path`` or set the variable themselves."""
    before = os.environ.get("NARRATIVE_CACHE")
    os.environ["NARRATIVE_CACHE"] = str(tmp_path_factory.mktemp("narrative-cache"))
    yield
    if before is None:
        os.environ.pop("NARRATIVE_CACHE", None)
    else:
        os.environ["NARRATIVE_CACHE"] = before


def once_per_session(tmp_path_factory, name: str, build):
    """``build(folder)`` (a JSON-able result) run once per test session, however many pytest-xdist
    workers ask: the first runs it holding a lock on a file in the session's shared temporary folder,
    the others wait for it and read its result (``folder/result.json``). A build that raised is
    tried again by the next asker."""
    import fcntl
    import json

    base = tmp_path_factory.getbasetemp()
    root = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base  # popen-gwN's parent: the session's
    folder, done = root / name, root / name / "result.json"
    with open(root / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            folder.mkdir(exist_ok=True)
            done.write_text(json.dumps(build(folder)), encoding="utf-8")
    return json.loads(done.read_text(encoding="utf-8"))



def _build_demo_reports(folder: Path) -> dict:
    """``make report`` as the README writes it, in a fresh copy of the working tree (its recipe,
    ``python -m toolkit report``, where make or the packages it would install are missing, or
    where this is no git checkout); the command, its exit status, stderr's tail and the folders."""
    import shutil
    import subprocess
    import sys

    from fresh_clone import REPORT_COMMAND, is_checkout, make_clone

    cache = folder / "cache"
    if is_checkout():
        root = folder / "clone" / "narrative-toolkit"
        env = make_clone(root, cache)
        env.pop("MPLBACKEND")  # as a reader runs it: with Agg set, the notebooks' kernels would show no figure
        made = shutil.which("make") is not None and (root / ".venv" / ".notebooks-stamp").exists()
        argv = ["bash", "-c", REPORT_COMMAND if made else ".venv/bin/python -m toolkit report"]
    else:
        root, env, made = REPO, {**os.environ, "NARRATIVE_CACHE": str(cache)}, False
        env.pop("MPLBACKEND", None)
        argv = [sys.executable, "-m", "toolkit", "report", "--out", str(folder / "reports")]
    done = subprocess.run(argv, cwd=root, env=env, capture_output=True, text=True, timeout=1200)
    return {"command": argv[-1] if made else " ".join(argv), "made": made, "returncode": done.returncode,
            "stderr": done.stderr[-3000:], "reports": str(root / "reports") if is_checkout() else str(folder / "reports"),
            "cache": str(cache)}


@pytest.fixture(scope="session")
def demo_reports(tmp_path_factory) -> dict:
    """The demo reports, built once per test session by ``make report`` in a fresh copy (see
    :func:`_build_demo_reports`): the README command test, the notebook tests and the browser test
    read the same run (each notebook executes once in the suite, not once per test). ``cache`` is
    the run's cache folder, which the README's ``toolkit report`` line reuses (its validator figures
    are memoised there, :mod:`toolkit.validate.memo`, which keys paths under a copy of the repository and
    its ``../shared`` relative to them: that line's own fresh copy reads the entries this run wrote)."""
    return once_per_session(tmp_path_factory, "demo-reports", _build_demo_reports)
