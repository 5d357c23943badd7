"""The label lexicon: terms per camp and category, read from YAML (``toolkit/lexicons/labels.yml``,
its shape documented in its header), with the matcher compiled from them.

Limits: a term is matched on surface words; the other grammatical number is generated for the last
word of lower-case terms by English suffix rules (:func:`_number`), so irregular plurals must be listed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..lexicon import DEFAULT_DIR, FileCache, LexiconError, check_forms, line_of, load_yaml, require
from ..text import trie_regex
from ..vocab import ALIGNMENTS
from .records import CATEGORIES

__all__ = ["LabelLexicon", "Term", "load_labels", "DEFAULT_PATH", "SPACE", "CONTEXT_RULES", "WINDOWS"]

DEFAULT_PATH = DEFAULT_DIR / "labels.yml"
_TOP_KEYS = {"sources", "camps", "group_nouns", "prefixes", "modifiers", "by_alignment", "resolve_order", "heads",
             "coreference_window", "coreference_groups", "state_bound"}
WINDOWS = ("paragraph", "sentences", "sentence")
CONTEXT_RULES = ("coreference", "alignment")
_CONDITIONS = ("not_followed_by", "not_preceded_by")
SPACE = r"[^\S\r\n]+"  # spaces within one line: a label never crosses a paragraph break


@dataclass(frozen=True)
class Term:
    """A listed term: the camps it may name (with the category for each) and its context conditions."""

    term: str
    senses: tuple[tuple[str, str], ...]  # (camp, category), lexicon order
    not_followed_by: frozenset[str] = frozenset()
    not_preceded_by: frozenset[str] = frozenset()
    only_in: tuple[tuple[str, frozenset[str]], ...] = ()  # (camp, alignments): a sense of those usages only
    head: bool = False  # a head noun of ``heads``: a label only when a camp is named right before it

    def own_usage(self, usage: str | None) -> tuple[list[str], str | None]:
        """The camps this term may name in ``usage`` (an outlet alignment), and the camp of a sense
        given ``only_in`` that usage (it names that camp there, before any context rule), or ``None``."""
        restricted = dict(self.only_in)
        preferred = next((c for c, usages in self.only_in if usage in usages), None)
        return [c for c, _cat in self.senses if c not in restricted or c == preferred], preferred


class LabelLexicon:
    """Label terms per camp and category, with the matcher built from them.

    Attributes:
        terms: term -> :class:`Term` (a term of several camps is ambiguous).
        sources: citation per list.
        group_nouns, prefixes: as in the lexicon file.
        heads: ``(nouns, adjectives, not_followed_by)`` of the lexicon's ``heads``.
        modifiers: word -> camp.
        by_alignment: outlet alignment -> camps an ambiguous label names, most likely first.
        resolve_order: the order in which the context rules decide an ambiguous label
            (``coreference`` and ``alignment``, after the modifier rules).
        coreference_window: where the co-reference rule looks (:data:`WINDOWS`): the label's
            paragraph, its sentence and the one before, or its sentence.
        coreference_groups: actor ids (``actors.yml``) of armed groups outside the label camps that an
            ambiguous label may co-refer with: their camp joins the term's camps for that rule only.
        state_terms: terms of ``state_bound`` ("government", "opposition"): they name a Syrian camp
            only in a text about Syria, not where another state is named before them in their sentence.
    """

    def __init__(self, terms: dict[str, Term], sources: dict[str, str], group_nouns: tuple[str, ...],
                 prefixes: tuple[str, ...], modifiers: dict[str, str], by_alignment: dict[str, tuple[str, ...]],
                 resolve_order: tuple[str, ...] = CONTEXT_RULES,
                 heads: tuple[tuple[str, ...], ...] = ((), (), ()), coreference_window: str = "paragraph",
                 coreference_groups: frozenset[str] = frozenset(),
                 state_bound: tuple[tuple[str, ...], ...] = ((), (), ())):
        self.terms, self.sources, self.heads = terms, sources, heads
        self.coreference_groups = coreference_groups
        self.group_nouns, self.prefixes = group_nouns, prefixes
        self.modifiers, self.by_alignment = modifiers, by_alignment
        self.resolve_order, self.coreference_window = resolve_order, coreference_window
        self._forms: dict[str, str] = {}
        for term in terms:
            for form in _variants(term):
                self._forms.setdefault(form, term)
        # a group noun that is itself a label ("ISIS terrorists") is joined by _merge_adjacent instead
        nouns = [v for n in group_nouns if n not in self._forms for v in (n, _capitalised(n))]
        unit = lambda ch: SPACE if ch == " " else re.escape(ch)  # noqa: E731
        prefix = trie_regex(prefixes + tuple(_capitalised(p) for p in prefixes), unit) if prefixes else r"(?!)"
        self._regex = re.compile(
            rf"(?:(?<![\w-])|(?<=(?<![\w-])[Aa]nti-)(?=[A-Z]))(?:(?P<prefix>{prefix}){SPACE})?"
            rf"(?P<term>{trie_regex(self._forms, unit)})"
            rf"(?P<ext>(?:{SPACE}(?:{trie_regex(nouns, unit) if nouns else '(?!)'}))*)(?![\w]|-\w)")
        # where a match of _regex can begin: a prefix or a term (for toolkit.text.scan)
        self._regex_starts = re.compile(trie_regex([*self._forms, *prefixes, *map(_capitalised, prefixes)], unit))
        head_nouns, head_adjs, head_not_followed = heads
        self.head_terms = {n: Term(n, (), frozenset(w.lower() for w in head_not_followed), head=True) for n in head_nouns}
        cap = lambda words: [v for w in words for v in (w, _capitalised(w))]  # noqa: E731
        adj = rf"(?:{trie_regex(cap(head_adjs), unit)}){SPACE}" if head_adjs else r"(?!)"
        self._heads = re.compile(rf"(?<![\w-])(?:{adj})?(?P<noun>{trie_regex(cap(head_nouns), unit)})(?![\w]|-\w)"
                                 if head_nouns else r"(?!)")
        mods = sorted(modifiers, key=len, reverse=True)
        # a modifier word right before a label, or a bracketed one ("People's Protection Units (YPG) militia")
        alt = "|".join(map(re.escape, mods)) or "(?!)"
        self._modifier = re.compile(rf"(?<![\w-])(?:(?<=\()(?P<bracketed>{alt})\)|(?P<word>{alt})(?:'s)?){SPACE}$")
        terms_bound, home, others = state_bound
        self.state_terms = frozenset(terms_bound)
        # a state named: Syria's words (group "home") or another state's
        self._states = re.compile(rf"(?<![\w-])(?:(?P<home>{trie_regex(home, unit) if home else '(?!)'})|"
                                  rf"(?P<other>{trie_regex(others, unit) if others else '(?!)'}))(?:'s|s)?(?![\w-])")
        self._states_starts = re.compile(trie_regex([*home, *others], unit) if home or others else "(?!)")

    def __repr__(self) -> str:
        return f"LabelLexicon({len(self.terms)} terms)"

    @property
    def forms(self) -> dict[str, str]:
        """Every written form (the term, its other number, capitalised) -> its term; read, do not change."""
        return self._forms

    @property
    def term_pattern(self) -> re.Pattern:
        """The compiled label matcher (groups ``prefix``, ``term``, ``ext``)."""
        return self._regex

    @property
    def term_starts(self) -> re.Pattern:
        """Where a match of :attr:`term_pattern` can begin (a prefix or a term), for :func:`toolkit.text.scan`."""
        return self._regex_starts

    @property
    def head_pattern(self) -> re.Pattern:
        """The head-noun matcher (group ``noun``, with an optional adjective before it)."""
        return self._heads

    @property
    def modifier_pattern(self) -> re.Pattern:
        """A modifier word (group ``word``) or bracketed one (group ``bracketed``) ending right before a label."""
        return self._modifier

    @property
    def states_pattern(self) -> re.Pattern:
        """A state named: the home state's words (group ``home``) or another state's (group ``other``)."""
        return self._states

    @property
    def states_starts(self) -> re.Pattern:
        """Where a match of :attr:`states_pattern` can begin, for :func:`toolkit.text.scan`."""
        return self._states_starts


def _capitalised(form: str) -> str:
    return form[:1].upper() + form[1:]


def _number(word: str) -> str | None:
    """The other grammatical number of an English noun (rules for the plurals of the lexicon)."""
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("y") and word[-2:-1] not in tuple("aeiou"):
        return word[:-1] + "ies"
    if word.endswith(("ss", "us", "is")):
        return None
    if word.endswith("s"):
        return word[:-1]
    if word[-1:].isalpha() and word.islower():
        return word + "s"
    return None


def _variants(term: str) -> list[str]:
    """Surface forms of a term: as listed, its last word in the other number (lower-case words only),
    capitalised when listed in lower case, in Title Case (its lower-case words capitalised: "US-led
    Alliances" for "US-led alliance"), and without the apostrophe of ``'s``."""
    forms = [term]
    words = term.split(" ")
    if words[-1].islower() and words[-1].isalpha():
        other = _number(words[-1])
        if other:
            forms.append(" ".join(words[:-1] + [other]))
    if term[:1].islower():
        forms += [_capitalised(f) for f in forms]
    forms += [" ".join(_capitalised(w) if w.isalpha() and w.islower() else w for w in f.split(" ")) for f in forms]
    forms += [f.replace("'s ", "s ") for f in forms if "'s " in f]
    return list(dict.fromkeys(forms))


# ------------------------------------------------------------------------------------------- loading


def _strings(path, value, parent, what) -> list[str]:
    require(isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value), path, value,
            f"{what} must be a list of non-empty strings", parent)
    check_forms(value, path, value, what, parent)
    return [" ".join(v.split()) for v in value]


def _entry(path, item, parent, camp, category) -> tuple[str, dict]:
    """One term of a camp's category list: (term, its conditions; ``only_in``: the alignments this
    sense is limited to)."""
    if isinstance(item, str):
        require(bool(item.strip()), path, parent, f"camp {camp!r}: {category}: empty term")
        check_forms([item], path, parent, f"camp {camp!r}: {category}")
        return " ".join(item.split()), {}
    require(isinstance(item, dict) and isinstance(item.get("term"), str) and item["term"].strip(), path, item,
            f"camp {camp!r}: {category}: each term is a string or a mapping with 'term'", parent)
    unknown = set(item) - {"term", "only_in", *_CONDITIONS}
    require(not unknown, path, item, f"camp {camp!r}: term {item['term']!r}: unknown key(s) {sorted(unknown, key=str)}; "
            f"expected term, only_in, {', '.join(_CONDITIONS)}", parent)
    check_forms([item["term"]], path, item, f"camp {camp!r}: {category}", parent)
    conds = {k: frozenset(w.lower() for w in _strings(path, item[k], item, f"term {item['term']!r}: {k!r}"))
             for k in _CONDITIONS if k in item}
    if "only_in" in item:
        usages = _strings(path, item["only_in"], item, f"term {item['term']!r}: 'only_in'")
        bad = [u for u in usages if u not in ALIGNMENTS]
        require(not bad, path, item, f"camp {camp!r}: term {item['term']!r}: only_in: unknown alignment(s) {bad}; "
                f"known: {', '.join(ALIGNMENTS)}", parent)
        conds["only_in"] = frozenset(usages)
    return " ".join(item["term"].split()), conds


def _merge(base: dict, data: Any, path: Path, known_camps: set[str]) -> None:
    """Fold one parsed file into ``base``; every error names ``path`` and a line."""
    if not isinstance(data, dict):
        raise LexiconError(path, line_of(data, 1), "the file must be a mapping with 'camps' (and 'sources', ...)")
    unknown = set(data) - _TOP_KEYS
    require(not unknown, path, data, f"unknown top-level key(s) {sorted(unknown, key=str)}; expected {sorted(_TOP_KEYS)}")
    for key in ("sources", "camps", "modifiers", "by_alignment"):
        require(isinstance(data.get(key, {}), dict), path, data.get(key), f"'{key}' must be a mapping", data)
    for key, cite in (data.get("sources") or {}).items():
        require(isinstance(cite, str) and cite.strip(), path, data["sources"], f"source {key!r} must be a citation string")
        base["sources"][key] = cite
    for key in ("group_nouns", "prefixes", "coreference_groups"):
        if key in data:
            base[key] = list(dict.fromkeys(base[key] + _strings(path, data[key], data, f"'{key}'")))
    if "heads" in data:
        _merge_lists(base, data, path, "heads", ("nouns", "adjectives", "not_followed_by"),
                     "'heads' must be a mapping with 'nouns' (and 'adjectives', 'not_followed_by')")
    for word, camp in (data.get("modifiers") or {}).items():
        require(isinstance(word, str) and camp in known_camps, path, data["modifiers"],
                f"modifier {word!r}: unknown camp {camp!r}; known: {sorted(known_camps)}", data)
        base["modifiers"][word] = camp
    if "resolve_order" in data:
        order = _strings(path, data["resolve_order"], data, "'resolve_order'")
        require(sorted(order) == sorted(CONTEXT_RULES), path, data["resolve_order"],
                f"'resolve_order' must list {', '.join(CONTEXT_RULES)} once each, in the order they apply", data)
        base["resolve_order"] = tuple(order)
    if "state_bound" in data:
        _merge_lists(base, data, path, "state_bound", ("terms", "home", "others"),
                     "'state_bound' must be a mapping with 'terms', 'home' and 'others'")
    if "coreference_window" in data:
        require(data["coreference_window"] in WINDOWS, path, data, f"'coreference_window' must be one of {', '.join(WINDOWS)}")
        base["coreference_window"] = data["coreference_window"]
    for alignment, camps in (data.get("by_alignment") or {}).items():
        got = _strings(path, camps, data["by_alignment"], f"by_alignment {alignment!r}")
        bad = [c for c in got if c not in known_camps]
        require(not bad, path, camps, f"by_alignment {alignment!r}: unknown camp(s) {bad}", data["by_alignment"])
        base["by_alignment"][alignment] = tuple(got)
    for camp, lists in (data.get("camps") or {}).items():
        where = data["camps"]
        require(camp in known_camps, path, lists if line_of(lists) else where,
                f"unknown camp {camp!r}; camps are those of the actor lexicon: {sorted(known_camps)}", where)
        require(isinstance(lists, dict), path, where, f"camp {camp!r} must be a mapping with 'source' and category lists")
        unknown = set(lists) - {"source", *CATEGORIES}
        require(not unknown, path, lists, f"camp {camp!r}: unknown key(s) {sorted(unknown, key=str)}; "
                f"expected source, {', '.join(CATEGORIES)}", where)
        require(lists.get("source") in base["sources"], path, lists,
                f"camp {camp!r}: source {lists.get('source')!r} is not a key of 'sources'", where)
        for category in CATEGORIES:
            items = lists.get(category, [])
            require(isinstance(items, list), path, items, f"camp {camp!r}: {category!r} must be a list", lists)
            for item in items:
                term, conds = _entry(path, item, items, camp, category)
                senses, old = base["terms"].setdefault(term, ([], {}))
                senses[:] = [s for s in senses if s[0] != camp] + [(camp, category)]
                only = old.setdefault("only_in", {})
                only.pop(camp, None)
                if "only_in" in conds:
                    only[camp] = conds.pop("only_in")
                for k, words in conds.items():
                    old[k] = old.get(k, frozenset()) | words


def _merge_lists(base: dict, data: dict, path: Path, key: str, lists: tuple[str, ...], message: str) -> None:
    """Extend each list of the mapping ``data[key]`` (only the names in ``lists``) into ``base[key]``,
    keeping the first occurrence of each string; ``message`` is the error for anything else."""
    sub = data[key]
    require(isinstance(sub, dict) and set(sub) <= set(lists), path, sub, message, data)
    for name in lists:
        if name in sub:
            base[key][name] = list(dict.fromkeys(base[key][name] + _strings(path, sub[name], sub, f"{key} {name!r}")))


def _empty() -> dict:
    return {"sources": {}, "terms": {}, "group_nouns": [], "prefixes": [], "coreference_groups": [], "modifiers": {},
            "by_alignment": {}, "resolve_order": CONTEXT_RULES, "heads": {"nouns": [], "adjectives": [], "not_followed_by": []},
            "coreference_window": "paragraph", "state_bound": {"terms": [], "home": [], "others": []}}


def _build(base: dict, path: Path) -> LabelLexicon:
    if not base["terms"]:
        raise LexiconError(path, 1, "the label lexicon defines no terms")
    terms = {t: Term(t, tuple(senses), conds.get("not_followed_by", frozenset()), conds.get("not_preceded_by", frozenset()),
                     tuple(conds.get("only_in", {}).items()))
             for t, (senses, conds) in base["terms"].items()}
    return LabelLexicon(terms, dict(base["sources"]), tuple(base["group_nouns"]), tuple(base["prefixes"]),
                        dict(base["modifiers"]), dict(base["by_alignment"]), base["resolve_order"],
                        tuple(tuple(base["heads"][k]) for k in ("nouns", "adjectives", "not_followed_by")),
                        base["coreference_window"], frozenset(base["coreference_groups"]),
                        tuple(tuple(base["state_bound"][k]) for k in ("terms", "home", "others")))


_LEXICONS = FileCache(maxsize=8)


def load_labels(path: str | Path | None = None, *, extend: bool = True, actors=None) -> LabelLexicon:
    """Load the label lexicon.

    Args:
        path: a user YAML file of the shape of ``toolkit/lexicons/labels.yml`` (documented in its
            header); ``None`` loads the default only.
        extend: with a ``path``, ``True`` adds the user's terms (a term gains the camps and
            categories given; a camp listed again for a term replaces its category) and replaces
            modifiers and alignment entries by key; ``False`` uses the user's file alone.
        actors: the actor lexicon whose camps the labels name (default: ``toolkit.actors.load_actors()``).

    Returns:
        The :class:`LabelLexicon` (cached on the files' bytes: an edited file is read again).

    Raises:
        LexiconError: naming file and line for a YAML error, a wrong type, an unknown camp, category,
            condition or source.
    """
    from ..actors import load_actors

    camps = tuple((actors if actors is not None else load_actors()).camps)
    user = None if path is None else Path(path)
    files = ([DEFAULT_PATH] if extend or user is None else []) + ([user] if user is not None else [])

    def build(raws: dict[Path, bytes]) -> LabelLexicon:
        base = _empty()
        for p in files:
            _merge(base, load_yaml(p, raws[p]), p, set(camps))
        return _build(base, files[-1])

    return _LEXICONS.get(files, build, camps)

