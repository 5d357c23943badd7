"""The flat public API of ``toolkit``: a plain package whose names load on first use.

Every exported name resolves; no submodule shares a name with an exported function (so importing a
submodule never replaces a function on the package); ``dir(toolkit)`` lists the exports and the
submodules; ``import toolkit`` loads no submodule.
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys
import types

import toolkit



def test_api_every_exported_name_resolves():
    for name in toolkit.__all__:
        assert getattr(toolkit, name) is not None, name


def test_api_no_submodule_shares_a_name_with_an_exported_function():
    submodules = {m.name for m in pkgutil.iter_modules(toolkit.__path__)}
    exported_modules = {n for n in toolkit.__all__ if isinstance(getattr(toolkit, n), types.ModuleType)}
    assert {"plots", "display"} <= exported_modules
    assert (set(toolkit.__all__) & submodules) - {"plots", "display"} == set()


def test_api_package_is_a_plain_module():
    assert type(toolkit) is types.ModuleType


def test_api_plots_display_and_concat_results_are_exported():
    assert {"plots", "display", "concat_results"} <= set(toolkit.__all__)
    assert isinstance(toolkit.plots, types.ModuleType) and toolkit.plots.__name__ == "toolkit.plots"
    assert isinstance(toolkit.display, types.ModuleType) and callable(toolkit.display.highlight)
    assert callable(toolkit.concat_results)


def test_api_dir_lists_exports_and_submodules():
    listed = set(dir(toolkit))
    assert set(toolkit.__all__) <= listed
    assert {"plots", "display", "validate", "comparison", "lexicon", "text"} <= listed


def test_api_submodules_load_as_attributes_and_unknown_names_raise():
    assert toolkit.comparison.compare is toolkit.compare
    assert toolkit.validate.__name__ == "toolkit.validate"
    try:
        toolkit.no_such_name  # noqa: B018
    except AttributeError as exc:
        assert "no_such_name" in str(exc)
    else:
        raise AssertionError("toolkit.no_such_name resolved")


def test_api_analyze_and_compare_stay_functions_after_submodule_imports():
    code = ("import toolkit, types\n"
            "from toolkit.comparison import quote_share_by\n"
            "from toolkit.pipeline import concat_results\n"
            "import toolkit.comparison, toolkit.plots, toolkit.pipeline\n"
            "assert callable(toolkit.compare) and not isinstance(toolkit.compare, types.ModuleType)\n"
            "assert callable(toolkit.analyze) and not isinstance(toolkit.analyze, types.ModuleType)\n"
            "assert toolkit.compare is toolkit.comparison.compare\n"
            "assert toolkit.analyze is toolkit.pipeline.analyze\n"
            "print(toolkit.analyze.__name__, toolkit.compare.__name__)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["analyze", "compare"]


def test_api_import_toolkit_loads_no_submodule():
    code = "import sys, toolkit\nprint(sorted(m for m in sys.modules if m.startswith('toolkit.')))\n"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_api_cache_and_storage_names_are_exported():
    for name in ("cache_entries", "prune_cache", "CacheEntry", "StorageError", "WorkerDied"):
        assert name in toolkit.__all__, name
        module = sys.modules[getattr(toolkit, name).__module__]
        assert getattr(toolkit, name) is getattr(module, name)
    assert toolkit.cache_entries("/nonexistent-narrative-cache") == []
