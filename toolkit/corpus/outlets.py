"""Outlet alignments: the bundled outlet table (``lexicons/outlets.yml``), a manifest's ``alignment:``
mapping, and the alignment each outlet of a corpus gets.

An outlet's *alignment* (one of :data:`toolkit.vocab.ALIGNMENTS`) says whose line an outlet is taken
to follow; it is a property of the outlet, not of the people quoted. A speaker's *camp* (``actors.yml``)
is the side an actor belongs to. The names overlap on purpose (``russia``, ``opposition``, ...), except
that US and Western outlets are ``us_western`` while US officials are the camp ``us``: Reuters is not a
US government voice. ``us`` given as an alignment is refused (the outlet becomes ``other``) with a
problem naming the file and line and saying so.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Iterable

from toolkit.corpus.records import LoadProblem
from toolkit.corpus.values import _outlet_key
from toolkit.lexicon import LexiconError, line_of, load_yaml
from toolkit.vocab import ALIGNMENTS

__all__ = ["OUTLETS_FILE", "load_outlet_table", "default_outlets", "read_alignment"]

OUTLETS_FILE = Path(__file__).resolve().parent.parent / "lexicons" / "outlets.yml"
# Camp names that are not alignments but have one of a similar name (the difference is said in errors).
_CAMP_NOT_ALIGNMENT = {"us": "us_western"}


def _camp_hint(value) -> str:
    """For a camp name given as an alignment: the sentence saying which alignment is meant."""
    if not isinstance(value, str) or value not in _CAMP_NOT_ALIGNMENT:
        return ""
    return (f" ({value!r} is a speaker camp, not an outlet alignment: the alignment of US and Western "
            f"outlets is {_CAMP_NOT_ALIGNMENT[value]!r})")


def load_outlet_table(path: str | Path = OUTLETS_FILE) -> dict[str, str]:
    """Outlet key -> alignment from an outlets YAML file (``groups:`` of outlets sharing an alignment).

    Raises:
        LexiconError: naming file and line, when the file is malformed or an alignment is unknown.
    """
    data = load_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("groups"), list):
        raise LexiconError(path, line_of(data, 1), "expected a mapping with a 'groups' list")
    table: dict[str, str] = {}
    for group in data["groups"]:
        line = line_of(group, line_of(data["groups"]))
        if not isinstance(group, dict) or group.get("alignment") not in ALIGNMENTS:
            hint = _camp_hint(group.get("alignment")) if isinstance(group, dict) else ""
            raise LexiconError(path, line, f"each group needs an alignment in {ALIGNMENTS}{hint}")
        if not group.get("why") or not group.get("source"):
            raise LexiconError(path, line, "each group needs a 'why' and a 'source'")
        outlets = group.get("outlets")
        if not isinstance(outlets, dict) or not outlets:
            raise LexiconError(path, line, "'outlets' must map outlet keys to display names")
        for key in outlets:
            if not isinstance(key, str) or not key.strip():
                raise LexiconError(path, line_of(outlets, line), f"outlet key {key!r} is not a name (quote it)")
            table[_outlet_key(key)] = group["alignment"]
    return table


def read_alignment(value: str | Path | dict) -> dict[str, str]:
    """Outlet key -> alignment given by a user: a mapping (``{"sana": "syria_government"}``), a YAML
    file holding such a mapping, or an outlets file shaped like ``lexicons/outlets.yml`` (``groups:``).

    Used by ``load_corpus(..., alignment=...)``, ``analyze(..., lexicons={"outlets": ...})`` and the
    ``--alignment`` option; it is laid over the manifest's and the bundled alignments.

    Raises:
        LexiconError: naming the file and line, for a malformed file or an alignment not in
            :data:`toolkit.vocab.ALIGNMENTS` (``us`` is a camp: the alignment is ``us_western``).
        TypeError: ``value`` is neither a mapping nor a path.
    """
    if isinstance(value, (str, Path)):
        data = load_yaml(value)
        if isinstance(data, dict) and "groups" in data:
            return load_outlet_table(value)
        where = value
    elif isinstance(value, dict):
        data, where = value, "alignment"
    else:
        raise TypeError(f"alignment must be a mapping of outlet -> alignment or a YAML file, not {type(value).__name__}")
    if not isinstance(data, dict):
        raise LexiconError(where, line_of(data, 1), "expected a mapping of outlet -> alignment (or a 'groups' list)")
    out = {}
    for outlet, alignment in data.items():
        if not isinstance(outlet, str) or not outlet.strip() or alignment not in ALIGNMENTS:
            raise LexiconError(where, line_of(data, 1), f"alignment {alignment!r} of outlet {outlet!r} is not one "
                                                        f"of {ALIGNMENTS}{_camp_hint(alignment)}")
        out[_outlet_key(outlet)] = alignment
    return out


@functools.lru_cache(maxsize=1)
def _bundled_table() -> dict[str, str]:
    """The bundled outlet table, read once per process (shared: never handed out, see default_outlets)."""
    return load_outlet_table(OUTLETS_FILE)


def default_outlets() -> dict[str, str]:
    """Outlet key -> alignment from the bundled ``lexicons/outlets.yml`` (read once per process; the
    dict returned is a copy, the caller's to change). Records passed to ``analyze`` without a
    :class:`Corpus` get these alignments."""
    return dict(_bundled_table())


def _check_alignment(table, mf_path: str, problems: list) -> dict[str, str]:
    """A manifest's ``alignment:`` mapping by outlet key; a value that is no alignment is a problem
    naming the manifest line, and the outlet is ``other``."""
    out = {}
    for outlet, value in (table or {}).items():
        if value not in ALIGNMENTS:
            problems.append(LoadProblem(mf_path, line_of(table),
                                        f"alignment {value!r} of {outlet!r} is not one of {ALIGNMENTS}"
                                        f"{_camp_hint(value)}; using 'other'"))
            value = "other"
        out[_outlet_key(outlet)] = value
    return out


def _corpus_alignment(outlets: Iterable[str | None], manifest_table, fallback: str, mf_name: str,
                      problems: list) -> dict[str, str]:
    """Outlet key -> alignment for a corpus: the manifest's mapping over the bundled table; outlets in
    neither get ``fallback`` (the manifest's ``default_alignment``, else ``other``). The corpus's own
    outlets come first, in order of appearance, then the rest of the table."""
    table = {**_bundled_table(), **_check_alignment(manifest_table, mf_name, problems)}
    alignment = {}
    for outlet in outlets:
        if outlet and outlet not in alignment:
            alignment[outlet] = table.get(outlet, fallback)
    for key, value in table.items():
        alignment.setdefault(key, value)
    return alignment
