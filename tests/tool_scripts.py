"""Loading a script of ``tools/`` as a module in tests (the scripts are not a package): one loader for every
test file that exercises a tool's functions."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

TOOLS = Path(__file__).resolve().parents[1] / "tools"


def load_tool(name: str) -> ModuleType:
    """``tools/<name>.py`` executed afresh as module ``name`` and registered in ``sys.modules`` (dataclasses and
    pickling look a module up there). ``tools/`` goes on ``sys.path`` once, for the scripts that import a
    sibling script (``static_stack_mix_cv`` imports ``static_stack_cv``)."""
    if str(TOOLS) not in sys.path:
        sys.path.insert(0, str(TOOLS))
    spec = importlib.util.spec_from_file_location(name, TOOLS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
