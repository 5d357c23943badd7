"""The toolkit.corpus package: every public name of the former corpus module is still exported, and
its modules import only downward (inside the package in the documented order, outside it only
the layers below corpus)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import toolkit.corpus

PACKAGE = Path(toolkit.corpus.__file__).resolve().parent
# The package's modules, lowest first: each may import only modules before it.
ORDER = ("values", "dates", "select", "records", "decoding", "language", "cleaning", "readers", "files", "outlets",
         "manifest", "loader")
# What corpus may import from the rest of the toolkit (the layers below it).
BELOW = {"toolkit.paths", "toolkit.vocab", "toolkit.records", "toolkit.lexicon", "toolkit.text", "toolkit.syntok_port"}
PUBLIC = ("Section", "Article", "LoadProblem", "CleaningNote", "Corpus", "load_corpus", "article_from_text",
          "records", "record_article", "unique_id", "parse_date", "load_outlet_table", "default_outlets",
          "OUTLETS_FILE", "MANIFEST_DIR", "COMMON_FIELDS", "FORMATS", "MAX_CHARS",
          "read_alignment", "Selection", "WHERE_KEYS", "guess_language", "LanguageGuess")


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
    return {n for n in names if n.split(".")[0] == "toolkit"}


def test_corpus_package_exports_every_public_name():
    assert set(toolkit.corpus.__all__) == set(PUBLIC)
    for name in PUBLIC:
        assert getattr(toolkit.corpus, name) is not None, name


def test_corpus_package_modules_are_the_documented_ones():
    assert {p.stem for p in PACKAGE.glob("*.py")} == {"__init__", *ORDER}


def test_corpus_package_modules_import_only_downward():
    for i, name in enumerate(ORDER):
        allowed = BELOW | {f"toolkit.corpus.{m}" for m in ORDER[:i]}
        extra = _imports(PACKAGE / f"{name}.py") - allowed
        assert not extra, f"toolkit/corpus/{name}.py imports {sorted(extra)}"


def test_corpus_package_import_loads_nothing_above_corpus():
    code = "import sys, toolkit.corpus; print(' '.join(sorted(m for m in sys.modules if m.startswith('toolkit'))))"
    loaded = set(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split())
    above = {m for m in loaded if m not in BELOW | {"toolkit", "toolkit.corpus"} and not m.startswith("toolkit.corpus.")}
    assert not above, above
