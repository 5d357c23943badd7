"""The package's imports run one way (docs and README: "Layout"): no import cycle inside ``toolkit``, and
nothing under ``toolkit/`` imports ``toolkit.validate`` but the command line.

The import graph is read from the source (AST), not by importing: every ``import toolkit.x`` and
``from .x import y`` / ``from toolkit.x import y`` counts, at the top of a module and inside
functions alike (a function-level import is a dependency too; it only hides the cycle until run).
``from package import name`` is an edge to ``package.name`` when that is a module, else to the
package; importing a module of another package also imports that package's ``__init__``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "toolkit"

def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


MODULES = _modules()


def _is_package(name: str) -> bool:
    return MODULES.get(name, Path()).name == "__init__.py"


def _resolve(importer: str, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = importer.split(".") if _is_package(importer) else importer.split(".")[:-1]
    base = base[:len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _edges(importer: str, path: Path) -> set[str]:
    targets = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets |= {a.name for a in node.names if a.name.split(".")[0] == "toolkit"}
        elif isinstance(node, ast.ImportFrom):
            module = _resolve(importer, node)
            if module.split(".")[0] != "toolkit":
                continue
            subs = {f"{module}.{a.name}" for a in node.names if f"{module}.{a.name}" in MODULES}
            targets |= subs or {module}
            if len(subs) < len(node.names):
                targets.add(module)
    out = set()
    for target in targets:
        while target and target not in MODULES:  # a name inside a module: the module
            target = target.rpartition(".")[0]
        parts = target.split(".")
        for i in range(2, len(parts)):  # the __init__ of every package above, unless the importer is inside it
            package = ".".join(parts[:i])
            if not (importer == package or importer.startswith(package + ".")):
                out.add(package)
        out.add(target)
    out.discard("toolkit")  # the package's own __init__ imports nothing (its names load lazily)
    out.discard(importer)
    return out


GRAPH = {name: _edges(name, path) for name, path in MODULES.items()}


def _cycles(graph: dict[str, set[str]]) -> set[frozenset[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm, iterative)."""
    index, low, on_stack, stack, out = {}, {}, set(), [], set()
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    out.add(frozenset(component))
    return out


def test_layout_graph_reads_the_imports():
    assert "toolkit.lexicon" in GRAPH["toolkit.actors.lexicon"] and "toolkit.text" in GRAPH["toolkit.actors.mentions"]
    assert "toolkit.actors.mentions" in GRAPH["toolkit.actors.lexicon"]  # relative imports resolved
    assert "toolkit.comparison" in GRAPH["toolkit.plots"]
    assert "toolkit.validate.demo" not in GRAPH["toolkit.commands"]  # importlib.import_module is not an import statement
    assert "toolkit.commands" in GRAPH["toolkit.cli"]
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == {frozenset("abc")}


def test_layout_no_import_cycle():
    unexpected = _cycles(GRAPH)
    assert not unexpected, "import cycles: " + "; ".join(" <-> ".join(sorted(c)) for c in unexpected)


OUTSIDE_VALIDATE = sorted(n for n in MODULES if not n.startswith("toolkit.validate"))


@pytest.mark.parametrize("name", OUTSIDE_VALIDATE)
def test_layout_nothing_outside_validate_imports_it(name):
    imports_validate = any(t == "toolkit.validate" or t.startswith("toolkit.validate.") for t in GRAPH[name])
    assert not imports_validate, f"{name} imports toolkit.validate"
