"""Corpus manifests: a ``corpus.yml`` beside the data, a path or dict passed to ``load_corpus``, or a
bundled manifest from ``toolkit/manifests/`` for the known shared corpora (FA-KES, AllSides-Syria,
Sputnik), chosen by the ``match:`` suffixes of the corpus path.

A manifest gives the corpus's name, description, source and license, the data file and format, the
field names (``fields:``), a default outlet, a ``date_format``, ``markup``, outlet alignments and
per-file entries (``articles: - file: ...`` with id, title, outlet, date). A field of the wrong type
is a problem naming the manifest line, and is ignored; a malformed manifest is ignored as a whole.

Manifest files are parsed once per process while their bytes are unchanged (:class:`FileCache`, keyed on
each file's SHA-256): every ``load_corpus`` call without a ``corpus.yml`` looks through all the bundled
manifests for a ``match``, which parsed them again each time (most of a small corpus's load). A caller
gets its own deep copy, so nothing it changes reaches the next. Limit: at most :data:`KEPT_MANIFESTS`
files are kept (an LRU).
"""

from __future__ import annotations

import copy
import os
import re
import stat
from pathlib import Path

from toolkit.corpus.files import FORMATS, _inside
from toolkit.corpus.outlets import _camp_hint
from toolkit.corpus.readers import COMMON_FIELDS
from toolkit.corpus.records import LoadProblem
from toolkit.corpus.values import _fs, _scalar
from toolkit.lexicon import FileCache, LexiconError, line_of, load_yaml
from toolkit.vocab import ALIGNMENTS

__all__ = ["MANIFEST_DIR"]

MANIFEST_DIR = Path(__file__).resolve().parent.parent / "manifests"
KEPT_MANIFESTS = 32
"""How many parsed manifest files :func:`_parsed` keeps (the bundled ones are three)."""
_PARSED = FileCache(maxsize=KEPT_MANIFESTS)


def _parsed(path: Path):
    """``load_yaml(path)``, parsed once while the file's bytes are unchanged; a deep copy for each caller.

    Raises:
        LexiconError: as :func:`load_yaml` (an unreadable or malformed file is never kept).
    """
    return copy.deepcopy(_PARSED.get([path], lambda raws: load_yaml(path, raws[Path(path)])))


def _bundled_manifest(path: Path) -> tuple[Path, dict] | None:
    """The bundled manifest whose ``match`` suffixes end ``path`` (e.g. ``corpora/fakes``)."""
    parts = path.resolve().parts
    for mf in sorted(MANIFEST_DIR.glob("*.yml")):
        data = _parsed(mf)
        for suffix in data.get("match", []):
            want = tuple(Path(suffix).parts)
            if parts[-len(want):] == want:
                return mf, data
    return None


def _manifest(path: Path, manifest, problems: list) -> tuple[dict, Path | None, str]:
    """The manifest to use, the folder its relative paths start from, and its name for problems."""
    if isinstance(manifest, dict):
        return manifest, path if path.is_dir() else path.parent, "manifest"
    candidates = []
    if manifest is not None:
        candidates.append(Path(manifest))
    else:
        folder = path if path.is_dir() else path.parent
        candidates.append(folder / "corpus.yml")
    for mf in candidates:
        if not mf.exists():
            if manifest is not None:
                problems.append(LoadProblem(str(mf), None, "manifest not found"))
            continue
        try:
            data = _parsed(mf)
        except LexiconError as exc:
            problems.append(LoadProblem(_fs(exc.path), exc.line, f"manifest ignored: {exc.why}"))
            continue
        if not isinstance(data, dict):
            problems.append(LoadProblem(_fs(mf), None, "manifest ignored: not a mapping"))
            continue
        return data, mf.parent, _fs(mf)
    found = _bundled_manifest(path)
    if found:
        return found[1], None, _fs(found[0])
    return {}, None, "manifest"


# The type each manifest field must have; a field of another type is a problem and is ignored.
_MANIFEST_TYPES = {
    "name": str, "description": str, "source": str, "license": str, "format": str, "data": str,
    "outlet": str, "date_format": str, "markup": str, "default_alignment": str,
    "fields": dict, "alignment": dict, "articles": list, "match": list,
}
_TYPE_WORDS = {str: "a string", dict: "a mapping", list: "a list"}


def _key_line(mf_name: str, key: str) -> int | None:
    """The line of a top-level ``key:`` in a manifest file (scalars do not keep their line)."""
    try:
        if not stat.S_ISREG(os.stat(mf_name).st_mode):
            return None
        with open(mf_name, encoding="utf-8-sig", errors="replace") as fh:
            for n, line in enumerate(fh, 1):
                if re.match(rf"{re.escape(key)}\s*:", line):
                    return n
    except OSError:
        return None
    return None


def _checked_manifest(mf: dict, mf_name: str, problems: list) -> dict:
    """The manifest with every wrongly typed or invalid field dropped, each a problem naming its line."""
    out: dict = {}

    def bad(key, value, expected, parent=None):
        line = line_of(value) or line_of(parent) or _key_line(mf_name, key.split(".")[0]) or line_of(mf)
        got = type(value).__name__
        problems.append(LoadProblem(mf_name, line, f"manifest field {key!r} ignored: expected {expected}, "
                                                   f"got {got} {str(value)[:60]!r}"))

    for key, value in mf.items():
        want = _MANIFEST_TYPES.get(key) if isinstance(key, str) else None
        if want is None or value is None:
            if value is not None:
                out[key] = value
            continue
        if want is str and key in ("name", "description", "source", "license", "outlet") \
                and isinstance(value, (int, float)) and not isinstance(value, bool):
            value = _scalar(value)
        if not isinstance(value, want):
            bad(key, value, _TYPE_WORDS[want])
            continue
        if key == "format" and value not in FORMATS:
            bad(key, value, f"one of {FORMATS}")
            continue
        if key == "default_alignment" and value not in ALIGNMENTS:
            bad(key, value, f"one of {ALIGNMENTS}{_camp_hint(value)}")
            continue
        if key == "markup" and value.lower() not in ("pipe", "none"):
            bad(key, value, "'pipe' or 'none'")
            continue
        if key == "fields":
            kept = {}
            for role, col in value.items():
                if role not in COMMON_FIELDS or not isinstance(col, str):
                    bad(f"fields.{role}", col, f"a column name (string) for one of {tuple(COMMON_FIELDS)}", value)
                else:
                    kept[role] = col
            value = kept
        if key == "alignment":
            kept = {}
            for outlet_name, align in value.items():
                if not isinstance(outlet_name, (str, int)) or not isinstance(align, str):
                    bad(f"alignment.{outlet_name}", align, "outlet: alignment (strings)", value)
                else:
                    kept[str(outlet_name)] = align
            value = type(mf.get("alignment"))(kept) if isinstance(mf.get("alignment"), dict) else kept
            if hasattr(mf.get("alignment"), "line"):
                value.line = mf["alignment"].line
        out[key] = value
    return out


def _entries(mf: dict, mf_name: str, base: Path | None, root: Path, allow_outside: bool,
             problems: list) -> dict[str, dict]:
    """File name -> the manifest's ``articles:`` entry for it; entries without a file name, pointing
    outside the corpus folder or holding a list or mapping where a value belongs are problems."""
    entries = {}
    for entry in mf.get("articles") or []:
        name = _scalar(entry.get("file")) if isinstance(entry, dict) else None
        if name is None:
            problems.append(LoadProblem(mf_name, line_of(entry, line_of(mf.get("articles"))),
                                        "articles entry needs a 'file' (a file name)"))
            continue
        if base and not allow_outside and not _inside((base / name).resolve(), root):
            problems.append(LoadProblem(mf_name, line_of(entry), f"listed file {name} refused: outside the "
                                        "corpus folder (pass load_corpus(..., allow_outside=True) to read it)"))
            continue
        bad_keys = [k for k in ("id", "title", "outlet") if isinstance(entry.get(k), (dict, list))]
        for k in bad_keys:
            problems.append(LoadProblem(mf_name, line_of(entry), f"articles entry {name}: {k!r} ignored: "
                                        f"expected a string, got {type(entry[k]).__name__}"))
        entries[name] = {k: v for k, v in entry.items() if k not in bad_keys}
    return entries
