"""Shared test fixtures. Tests that read ../shared skip with a reason when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

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


@pytest.fixture(autouse=True)
def _sentiment_backends_restored():
    """Sentiment backends a test registers are unregistered after it (a replaced built-in one gets
    its own back), so no test sees another's backends."""
    from toolkit.sentiment import available_backends, packaged_backend, unregister_backend

    before = set(available_backends())
    yield
    for name in available_backends():
        if name not in before or (name in ("default", "vader", "textblob") and not packaged_backend(name)):
            unregister_backend(name)


@pytest.fixture(scope="session", autouse=True)
def _own_cache_folder(tmp_path_factory):
    """Each test session (each pytest-xdist worker) analyses into a cache folder of its own, never the
    user's: no test reads another's entries, prunes them or waits on their locks, and subprocesses
    (the command line) inherit it through ``$NARRATIVE_CACHE``. Tests that need a cache of their
    own still pass ``cache=tmp_path`` or set the variable themselves."""
    import os

    before = os.environ.get("NARRATIVE_CACHE")
    os.environ["NARRATIVE_CACHE"] = str(tmp_path_factory.mktemp("narrative-cache"))
    yield
    if before is None:
        os.environ.pop("NARRATIVE_CACHE", None)
    else:
        os.environ["NARRATIVE_CACHE"] = before
