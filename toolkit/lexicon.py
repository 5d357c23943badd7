"""Loading lexicon YAML files safely, with errors that name the file and line.

Lexicons (actors, attribution verbs, hedges) are data: YAML files in ``toolkit/lexicons/`` that a
user can extend or replace with their own. :func:`load_yaml` reads a file with ``yaml.SafeLoader``
(no arbitrary objects) and keeps the line of every mapping and list, so a validator can say
``my_actors.yml, line 12: 'aliases' must be a list of strings``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

__all__ = ["LexiconError", "load_yaml", "line_of", "require", "DEFAULT_DIR"]

DEFAULT_DIR = Path(__file__).resolve().parent / "lexicons"


class LexiconError(ValueError):
    """A lexicon file is unreadable or malformed. The message names the file and line."""

    def __init__(self, path: str | Path, line: int | None, why: str):
        self.path, self.line, self.why = str(path), line, why
        where = f"{self.path}, line {line}" if line else self.path
        super().__init__(f"{where}: {why}")


class _Map(dict):
    line: int = 0


class _Seq(list):
    line: int = 0


class _Loader(yaml.SafeLoader):
    """SafeLoader whose mappings and sequences remember their (1-based) line."""


def _map(loader, node):
    m = _Map(loader.construct_mapping(node, deep=True))
    m.line = node.start_mark.line + 1
    return m


def _seq(loader, node):
    s = _Seq(loader.construct_sequence(node, deep=True))
    s.line = node.start_mark.line + 1
    return s


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _map)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _seq)


def load_yaml(path: str | Path) -> Any:
    """Parse a YAML file safely; raise :class:`LexiconError` naming file and line on any problem."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(path, None, f"cannot read file ({exc})") from exc
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader subclasses SafeLoader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise LexiconError(path, line, f"YAML syntax error: {exc.problem or exc}") from exc
    except yaml.YAMLError as exc:
        raise LexiconError(path, None, f"YAML error: {exc}") from exc


def line_of(obj: Any, default: int | None = None) -> int | None:
    """The source line of a mapping or list returned by :func:`load_yaml` (else ``default``)."""
    return getattr(obj, "line", default)


def require(cond: bool, path: str | Path, obj: Any, why: str, parent: Any = None) -> None:
    """Raise :class:`LexiconError` at the line of ``obj`` (or ``parent``) unless ``cond``."""
    if not cond:
        raise LexiconError(path, line_of(obj, line_of(parent)), why)
