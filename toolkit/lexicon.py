"""Loading lexicon YAML files safely, with errors that name the file and line.

Lexicons (actors, attribution verbs, hedges) are data: YAML files in ``toolkit/lexicons/`` that a
user can extend or replace with their own. :func:`load_yaml` reads a file with ``yaml.SafeLoader``
(no arbitrary objects) and keeps the line of every mapping and list, so a validator can say
``my_actors.yml, line 12: 'aliases' must be a list of strings``.

Every YAML file of the toolkit (lexicons, outlet tables, corpus manifests) is read here, with bounds
so that a small or hostile file cannot hang or exhaust the process: only regular files are opened
(not ``/dev/zero`` or a FIFO), of at most :data:`MAX_BYTES`; nesting is at most :data:`MAX_DEPTH`
levels; and aliases (``*anchor``) may stand for at most :data:`MAX_ALIAS_NODES` nodes in all, so a
"billion laughs" document is refused while composing, before anything is expanded.
"""

from __future__ import annotations

import hashlib
import os
import stat
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import yaml

__all__ = ["LexiconError", "load_yaml", "line_of", "require", "DEFAULT_DIR", "MAX_BYTES", "MAX_DEPTH",
           "MAX_ALIAS_NODES", "MAX_FORM_CHARS", "read_bytes", "FileCache", "check_forms"]

DEFAULT_DIR = Path(__file__).resolve().parent / "lexicons"
MAX_BYTES = 10_000_000  # the largest YAML file read (the default lexicons are under 100 KB)
MAX_DEPTH = 100  # the deepest nesting of lists and mappings (the default lexicons nest 5 deep)
MAX_ALIAS_NODES = 100_000  # nodes that all aliases of a document may stand for, counted expanded
MAX_FORM_CHARS = 200  # the longest alias, cue or verb form (the matchers are tries, one level per character)

T = TypeVar("T")


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


class _Refused(yaml.YAMLError):
    """A document over one of the bounds of :func:`load_yaml`, at a (1-based) line."""

    def __init__(self, line: int, why: str):
        super().__init__(why)
        self.line, self.why = line, why


class _Loader(yaml.SafeLoader):
    """SafeLoader whose mappings and sequences remember their (1-based) line.

    Composing also counts, for every node, how many nodes it stands for with its aliases expanded
    (``_size``), and refuses a document nested deeper than :data:`MAX_DEPTH` or whose aliases stand
    for more than :data:`MAX_ALIAS_NODES` nodes. The count is linear in the file: an alias adds the
    size of its anchor, already known, without expanding it.
    """

    def __init__(self, stream):
        super().__init__(stream)
        self._depth = 0
        self._aliased = 0

    def fetch_flow_sequence_start(self):
        self._check_flow_level()
        super().fetch_flow_sequence_start()

    def fetch_flow_mapping_start(self):
        self._check_flow_level()
        super().fetch_flow_mapping_start()

    def _check_flow_level(self):
        # The scanner keeps one pending simple key per open bracket and revisits them all at each
        # token: checked here, 10 MB of "[" is refused at once instead of scanned in quadratic time.
        if self.flow_level >= MAX_DEPTH:
            raise _Refused(self.get_mark().line + 1, f"nested deeper than {MAX_DEPTH} levels")

    def construct_object(self, node, deep=False):
        # A scalar that looks like a number or a date but is none ("2001-13-45", an int of 5,000
        # digits, over Python's int_max_str_digits) raises ValueError in SafeConstructor.
        # An int of a huge binary or hex literal loads but cannot be printed (nor named in an error).
        try:
            value = super().construct_object(node, deep)
        except (ValueError, OverflowError) as exc:
            raise _Refused(node.start_mark.line + 1, f"cannot read the value {_short(node)}: {exc}") from None
        if isinstance(value, int) and value.bit_length() > 256:
            raise _Refused(node.start_mark.line + 1, f"cannot read the value {_short(node)}: integer too large")
        return value

    def compose_node(self, parent, index):
        line = self.peek_event().start_mark.line + 1
        if self.check_event(yaml.AliasEvent):
            node = super().compose_node(parent, index)
            self._aliased += getattr(node, "_size", 1)
            if self._aliased > MAX_ALIAS_NODES:
                raise _Refused(line, f"aliases stand for more than {MAX_ALIAS_NODES:,} nodes "
                                     "(an alias bomb?); expand them or split the file")
            return node
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _Refused(line, f"nested deeper than {MAX_DEPTH} levels")
        try:
            node = super().compose_node(parent, index)
        finally:
            self._depth -= 1
        if isinstance(node, yaml.SequenceNode):
            node._size = 1 + sum(getattr(child, "_size", 1) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            node._size = 1 + sum(getattr(k, "_size", 1) + getattr(v, "_size", 1) for k, v in node.value)
        else:
            node._size = 1
        return node


def _short(node) -> str:
    value = node.value if isinstance(node, yaml.ScalarNode) else "..."
    return repr(value if len(value) <= 40 else value[:40] + "...")


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


def read_bytes(path: str | Path) -> bytes:
    """The bytes of a regular file of at most :data:`MAX_BYTES`; else :class:`LexiconError`.

    The file is checked with ``os.stat`` before it is opened, so a device (``/dev/zero``), a FIFO or
    a folder, also behind a symbolic link, is refused without reading or blocking.
    """
    path = Path(path)
    try:
        info = os.stat(path)
    except OSError as exc:
        raise LexiconError(path, None, f"cannot read file ({exc})") from exc
    if not stat.S_ISREG(info.st_mode):
        raise LexiconError(path, None, "not a regular file (a device, a FIFO or a folder); refusing to read it")
    if info.st_size > MAX_BYTES:
        raise LexiconError(path, None, f"file of {info.st_size:,} bytes is over the limit of {MAX_BYTES:,} bytes")
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:  # grew since the stat
            raise LexiconError(path, None, f"file is over the limit of {MAX_BYTES:,} bytes")
    except OSError as exc:
        raise LexiconError(path, None, f"cannot read file ({exc})") from exc
    return raw


class FileCache:
    """A small LRU of what was built from files, keyed on their paths and the SHA-256 of their bytes.

    :meth:`get` reads the files (:func:`read_bytes`) and hashes them: an edited file is built again,
    whatever its modification time, and an unchanged one is not. The builder is given the bytes that
    were hashed, so a file edited meanwhile cannot be cached under its old digest.
    """

    def __init__(self, maxsize: int = 16):
        self.maxsize = maxsize
        self._items: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, paths: Iterable[Path], build: Callable[[dict[Path, bytes]], T], *extra: Hashable) -> T:
        """``build({path: bytes})``, cached on ``extra``, the paths and the digests of their bytes."""
        raws = {Path(p): read_bytes(p) for p in paths}
        key = (extra, tuple((str(p), hashlib.sha256(raw).digest()) for p, raw in raws.items()))
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = build(raws)
        with self._lock:
            self._items[key] = value
            while len(self._items) > self.maxsize:
                self._items.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def __len__(self) -> int:
        return len(self._items)


def load_yaml(path: str | Path, raw: bytes | None = None) -> Any:
    """Parse a YAML file safely; raise :class:`LexiconError` naming file and line on any problem.

    The file must be a regular file of at most :data:`MAX_BYTES` (:func:`read_bytes`), nested at
    most :data:`MAX_DEPTH` deep, with aliases standing for at most :data:`MAX_ALIAS_NODES` nodes.
    ``raw``: the file's bytes when already read (by :class:`FileCache`); ``path`` then names it in errors.
    """
    path = Path(path)
    if raw is None:
        raw = read_bytes(path)
    elif len(raw) > MAX_BYTES:
        raise LexiconError(path, None, f"file is over the limit of {MAX_BYTES:,} bytes")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LexiconError(path, None, f"cannot read file ({exc})") from exc
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader subclasses SafeLoader
    except _Refused as exc:
        raise LexiconError(path, exc.line, exc.why if exc.why.startswith("cannot") else f"refused: {exc.why}") from None
    except RecursionError:
        raise LexiconError(path, None, "refused: nested too deeply to read") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise LexiconError(path, line, f"YAML syntax error: {exc.problem or exc}") from exc
    except yaml.YAMLError as exc:
        raise LexiconError(path, None, f"YAML error: {exc}") from exc


def line_of(obj: Any, default: int | None = None) -> int | None:
    """The source line of a mapping or list returned by :func:`load_yaml` (else ``default``)."""
    return getattr(obj, "line", default)


def check_forms(forms: Iterable[str], path: str | Path, obj: Any, what: str, parent: Any = None) -> None:
    """Raise :class:`LexiconError` at the line of ``obj`` for a form longer than :data:`MAX_FORM_CHARS`."""
    for form in forms:
        if len(form) > MAX_FORM_CHARS:
            short = form[:30] + "..."
            raise LexiconError(path, line_of(obj, line_of(parent)),
                               f"{what}: {short!r} is {len(form):,} characters long, over the limit of {MAX_FORM_CHARS}")


def require(cond: bool, path: str | Path, obj: Any, why: str, parent: Any = None) -> None:
    """Raise :class:`LexiconError` at the line of ``obj`` (or ``parent``) unless ``cond``."""
    if not cond:
        raise LexiconError(path, line_of(obj, line_of(parent)), why)
