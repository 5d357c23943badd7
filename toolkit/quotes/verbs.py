"""The reporting-verb lexicon: attribution cues with their stance classes.

Cues and stances follow Bergler ("The semantics of collaborative language", 1992), Caldas-Coulthard
("On reporting reporting", 1994) and the AP Stylebook; the default list is ``lexicons/verbs.yml``.
Plain lemmas are inflected by :func:`inflect` (regular English morphology); irregular forms are
listed in the file. :func:`load_verbs` caches on the files' bytes (:class:`toolkit.lexicon.FileCache`),
so a file edited in a running process is read again and an unchanged one is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from ..lexicon import DEFAULT_DIR, FileCache, LexiconError, check_forms, line_of, load_yaml, require
from ..text import trie_regex
from ..vocab import STANCES

__all__ = ["Verbs", "load_verbs", "inflect", "DEFAULT_VERBS"]

DEFAULT_VERBS = DEFAULT_DIR / "verbs.yml"


@dataclass(frozen=True)
class Verbs:
    """Attribution cues: surface form -> stance, the forms that need a complement, the forms whose
    noun-phrase object is the reported content ("denied responsibility"), one regex."""

    stance: Mapping[str, str]
    weak: frozenset
    nounlike: frozenset
    pattern: re.Pattern
    path: str
    objects: frozenset = frozenset()

    def stance_of(self, cue: str) -> str | None:
        """Stance class of a cue as written (case-insensitive), or ``None`` if unknown."""
        return self.stance.get(cue.lower())


_SIBILANT = re.compile(r"(?:s|sh|ch|x|z)$")
_CONS_Y = re.compile(r"[^aeiou]y$")


_DOUBLING = re.compile(r"[^aeiou][aeiou][bcdfgklmnprstvz]$")


def inflect(lemma: str) -> list[str]:
    """Regular English inflections of a (possibly multi-word) verb, inflecting its first word.

    Base, third person (-s, -es after a sibilant, -ies after consonant + y), past (-d after e, -ied,
    -ed) and -ing (a final e dropped but not ee), in that order; a word ending consonant-vowel-
    consonant also gets the doubled forms ("stab" -> "stabbed", "stabbing"), since stress is not
    known ("visit" keeps "visited"). Irregular forms are not generated: the lexicons list them.
    The one inflector of the toolkit (reporting verbs here, role verbs in ``toolkit.sentiment``).
    """
    first, _, rest = lemma.partition(" ")
    rest = f" {rest}" if rest else ""
    if _SIBILANT.search(first):
        third = first + "es"
    elif _CONS_Y.search(first):
        third = first[:-1] + "ies"
    else:
        third = first + "s"
    if first.endswith("e"):
        past = first + "d"
    elif _CONS_Y.search(first):
        past = first[:-1] + "ied"
    else:
        past = first + "ed"
    ing = first[:-1] + "ing" if first.endswith("e") and not first.endswith("ee") else first + "ing"
    forms = [first, third, past, ing]
    if _DOUBLING.search(first):
        forms += [first + first[-1] + "ed", first + first[-1] + "ing"]
    return [w + rest for w in forms]


def _parse_verbs(path: Path, raw: bytes | None = None) -> tuple[dict[str, str], dict[str, str], set[str], set[str], int]:
    """Read and validate one verbs file: (form -> stance, form -> lemma, weak lemmas, object-content
    lemmas, line of its top)."""
    data = load_yaml(path, raw)
    if not isinstance(data, dict):
        raise LexiconError(path, line_of(data, 1), "top level must be a mapping with 'source' and 'stances'")
    require(isinstance(data.get("source"), str) and data["source"].strip(), path, data,
            "a 'source:' citation (string) is required")
    stances = data.get("stances")
    require(isinstance(stances, dict) and stances, path, stances, "'stances' must be a non-empty mapping", data)
    forms: dict[str, str] = {}
    lemmas: dict[str, str] = {}
    for stance, entry in stances.items():
        require(stance in STANCES, path, entry, f"unknown stance {stance!r} (expected one of {', '.join(STANCES)})",
                stances)
        require(isinstance(entry, dict), path, entry, f"stance {stance!r} must be a mapping", stances)
        require(isinstance(entry.get("source"), str), path, entry, f"stance {stance!r} needs a 'source:' citation")
        verbs = entry.get("verbs", [])
        require(isinstance(verbs, list), path, verbs, f"{stance}.verbs must be a list", entry)
        phrases = entry.get("phrases", [])
        require(isinstance(phrases, list) and all(isinstance(p, str) and p.strip() for p in phrases), path, phrases,
                f"{stance}.phrases must be a list of non-empty strings", entry)
        for item in verbs:
            if isinstance(item, str):
                lemma, surface = item, inflect(item.strip().lower())
            else:
                require(isinstance(item, dict) and len(item) == 1, path, item,
                        f"{stance}.verbs: each entry is a lemma or {{lemma: [forms]}}", verbs)
                (lemma, extra), = item.items()
                require(isinstance(lemma, str) and isinstance(extra, list)
                        and all(isinstance(f, str) and f.strip() for f in extra), path, item,
                        f"{stance}.verbs: {{lemma: [forms]}} needs a string lemma and a list of non-empty strings", verbs)
                surface = [lemma.strip().lower()] + [f.strip().lower() for f in extra]
            require(isinstance(lemma, str) and lemma.strip() != "", path, verbs, f"{stance}.verbs: empty lemma")
            check_forms(surface, path, item, f"{stance}.verbs", verbs)
            for form in surface:
                require(forms.get(form, stance) == stance, path, verbs,
                        f"{form!r} is listed under both {forms.get(form)!r} and {stance!r}")
                forms[form] = stance
                lemmas[form] = lemma.strip().lower()
        check_forms(phrases, path, phrases, f"{stance}.phrases", entry)
        for phrase in phrases:
            forms[phrase.strip().lower()] = stance
            lemmas[phrase.strip().lower()] = phrase.strip().lower()
    weak = data.get("needs_complement", [])
    require(isinstance(weak, list) and all(isinstance(w, str) for w in weak), path, weak,
            "'needs_complement' must be a list of lemmas", data)
    objects = data.get("object_content", [])
    require(isinstance(objects, list) and all(isinstance(w, str) for w in objects), path, objects,
            "'object_content' must be a list of lemmas", data)
    return forms, lemmas, {w.strip().lower() for w in weak}, {w.strip().lower() for w in objects}, line_of(data, 1)


# Base and present forms of every verb but these double as nouns ("the claim", "a report").
_STRONG_BASE = {"say", "tell"}


# Verbs built, keyed on the files' bytes: an edited file is read again, an unchanged one is not.
_VERBS = FileCache(maxsize=16)


def _build_verbs(raws: dict[Path, bytes], path: Path | None, extend: bool) -> Verbs:
    if path is None or extend:
        forms, lemmas, weak_lemmas, object_lemmas, line = _parse_verbs(DEFAULT_VERBS, raws[DEFAULT_VERBS])
    else:
        forms, lemmas, weak_lemmas, object_lemmas, line = {}, {}, set(), set(), 1
    if path is not None:
        f2, l2, w2, o2, line = _parse_verbs(path, raws[path])
        forms.update(f2)
        lemmas.update(l2)
        weak_lemmas |= w2
        object_lemmas |= o2
    if not forms:
        raise LexiconError(path or DEFAULT_VERBS, line, "no attribution verbs defined")
    weak, nounlike = set(), set()
    for form, lemma in lemmas.items():
        head = lemma.split()[0]
        base_like = form.split()[0] in (head, inflect(head)[1])
        if base_like and head not in _STRONG_BASE and " " not in lemma:
            nounlike.add(form)
        if lemma in weak_lemmas or form in nounlike:
            weak.add(form)
    alternation = trie_regex(forms, lambda ch: r"\s+" if ch == " " else re.escape(ch))
    # sentence-initial "According to" and the participle "Asked whether ..., X said" (quotes/contents.py)
    opening = r"|According\s+to" + (r"|Asked" if "asked" in forms else "")
    pattern = re.compile(rf"(?<![\w-])(?:{alternation}{opening})(?![\w-])")
    unknown = sorted(object_lemmas - set(lemmas.values()))
    if unknown:
        raise LexiconError(path or DEFAULT_VERBS, line, f"'object_content' lists lemmas that are no cue: {', '.join(unknown)}")
    objects = frozenset(form for form, lemma in lemmas.items() if lemma in object_lemmas)
    return Verbs(stance=dict(forms), weak=frozenset(weak), nounlike=frozenset(nounlike), pattern=pattern,
                 path=str(path or DEFAULT_VERBS), objects=objects)


def load_verbs(path: str | Path | None = None, extend: bool = True) -> Verbs:
    """Load attribution verbs with stance classes (Bergler 1992; Caldas-Coulthard 1994; AP Stylebook).

    Args:
        path: a user verbs file in the format of ``toolkit/lexicons/verbs.yml``; ``None`` for the default.
        extend: add the user's verbs to the default list (``True``) or replace it (``False``).

    Returns:
        The :class:`Verbs` (cached on the files' bytes: an edited file is read again).

    Raises:
        LexiconError: the file is malformed; the message names the file and line.
    """
    user = None if path is None else Path(path)
    extend = extend or user is None
    files = ([DEFAULT_VERBS] if extend else []) + ([user] if user is not None else [])
    return _VERBS.get(files, lambda raws: _build_verbs(raws, user, extend), extend)
