"""The flat public API of ``toolkit``: every exported name resolves, and importing a submodule
does not replace the function of the same name (``toolkit.analyze``, ``toolkit.compare``)."""

from __future__ import annotations

import subprocess
import sys

import toolkit


def test_api_every_exported_name_resolves():
    for name in toolkit.__all__:
        assert getattr(toolkit, name) is not None, name


def test_api_analyze_and_compare_stay_functions_after_submodule_imports():
    code = ("import toolkit\n"
            "from toolkit.pipeline import concat_results\n"
            "from toolkit.compare import quote_share_by\n"
            "import toolkit.pipeline\n"
            "import sys, types\n"
            "assert callable(toolkit.analyze) and not isinstance(toolkit.analyze, types.ModuleType)\n"
            "assert callable(toolkit.compare) and not isinstance(toolkit.compare, types.ModuleType)\n"
            "assert toolkit.analyze is sys.modules['toolkit.pipeline'].analyze\n"
            "print(toolkit.analyze.__name__, toolkit.compare.__name__)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["analyze", "compare"]


def test_api_cache_and_storage_names_are_exported():
    import toolkit.pipeline as _  # noqa: F401

    for name in ("cache_entries", "prune_cache", "CacheEntry", "StorageError", "WorkerDied"):
        assert name in toolkit.__all__, name
        assert getattr(toolkit, name) is getattr(sys.modules["toolkit.pipeline"], name)
    assert toolkit.cache_entries("/nonexistent-narrative-cache") == []
