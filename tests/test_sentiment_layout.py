"""The sentiment and datasets packages import only downward: no cycle inside toolkit.sentiment
(function-level imports included), nothing from toolkit.validate or the pipeline, and the gold-set
loaders import neither sentiment nor validate."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

TOOLKIT = Path(__file__).resolve().parents[1] / "toolkit"


def _imports(path: Path) -> set[str]:
    """Dotted ``toolkit.*`` modules a module imports anywhere in its body (relative imports resolved)."""
    package = ("toolkit." + ".".join(path.relative_to(TOOLKIT).with_suffix("").parts)).removesuffix(".__init__")
    if path.name != "__init__.py":
        package = package.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[:len(parts) - node.level + 1] + ([base] if base else []))
            found.add(base)
            found |= {f"{base}.{a.name}" for a in node.names}
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
    return {m for m in found if m.startswith("toolkit")}


def _module(path: Path) -> str:
    return ("toolkit." + ".".join(path.relative_to(TOOLKIT).with_suffix("").parts)).removesuffix(".__init__")


@pytest.mark.parametrize("package, forbidden", [
    ("sentiment", ("toolkit.validate", "toolkit.analyze", "toolkit.pipeline", "toolkit.cli")),
    ("datasets", ("toolkit.validate", "toolkit.sentiment", "toolkit.analyze", "toolkit.pipeline")),
])
def test_sentiment_packages_import_only_downward(package, forbidden):
    for path in sorted((TOOLKIT / package).glob("*.py")):
        bad = {m for m in _imports(path) if m.startswith(forbidden)}
        assert not bad, f"{path.name} imports {sorted(bad)}"


def test_sentiment_package_has_no_import_cycle():
    files = {_module(p): p for p in (TOOLKIT / "sentiment").glob("*.py") if p.name != "__init__.py"}
    graph = {m: {d for d in _imports(p) if d in files and d != m} for m, p in files.items()}
    state: dict[str, int] = {}

    def visit(m: str, trail: list[str]) -> None:
        state[m] = 1
        for d in graph[m]:
            assert state.get(d) != 1, "import cycle: " + " -> ".join(trail + [m, d])
            if d not in state:
                visit(d, trail + [m])
        state[m] = 2

    for m in graph:
        if m not in state:
            visit(m, [])
    assert "toolkit.sentiment.trained" in graph["toolkit.sentiment.registry"]  # the lazy import is seen
