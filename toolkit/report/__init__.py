"""The research reports: notebooks executed into HTML (:mod:`.build`), each headed by a reproducibility
stamp (:mod:`.stamp`), the comparison report opening with findings written from the tables
(:mod:`.findings`) and ending with full tables (:mod:`.tables`).

The builder and the stamp (standard library only) load with the package; the names of :mod:`.findings` and
:mod:`.tables` are imported when first read (PEP 562 ``__getattr__``), so ``from toolkit.report import
build_report`` (``python -m toolkit report``) loads neither the findings' statistics (scipy, through
:mod:`toolkit.comparison`) nor pandas: 1.1 CPU-s for that import when every module loaded with the
package, 0.05 now (measured on the 2-core machine, three runs each). The notebooks that use them load them as before.
"""

from __future__ import annotations

import importlib

from .build import EXPLORER_NAME, MANIFEST_NAME, NOTEBOOKS_DIR, OPTION_KEYS, build_report, execute_notebook
from .stamp import Stamp, stamp, stamp_html

_LAZY = {"Finding": "findings", "findings": "findings", "findings_frame": "findings", "findings_html": "findings",
         "full_table": "tables", "caption": "tables", "validity_snapshot": "tables"}

__all__ = ["build_report", "execute_notebook", "NOTEBOOKS_DIR", "EXPLORER_NAME", "MANIFEST_NAME", "OPTION_KEYS",
           "Finding", "findings", "findings_frame", "findings_html", "Stamp", "stamp", "stamp_html", "full_table",
           "caption", "validity_snapshot"]


def __getattr__(name: str):
    """``name`` from its module (:data:`_LAZY`), imported now, with every name of that module bound here, so
    ``findings`` stays the function once its module has loaded (Python binds a loaded submodule to the
    package under its name). Limit: a first ``import toolkit.report.findings`` written out binds the module
    there, as for any package; ``from toolkit.report import findings`` read first gives the function after
    it too. An unknown name is an AttributeError."""
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = importlib.import_module(f".{_LAZY[name]}", __name__)
    globals().update({n: getattr(module, n) for n, m in _LAZY.items() if m == _LAZY[name]})
    return globals()[name]


def __dir__() -> list[str]:
    """The package's names, the lazily loaded ones (:data:`_LAZY`) included before they load."""
    return sorted(set(globals()) | set(_LAZY))
