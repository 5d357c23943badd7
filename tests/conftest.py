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
