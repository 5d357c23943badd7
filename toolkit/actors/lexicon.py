"""The actor lexicon: loading and checking ``actors.yml`` (and a user's file), the compiled matcher of
every form, and :meth:`ActorLexicon.lookup` of a speaker phrase."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from toolkit.lexicon import DEFAULT_DIR, FileCache, LexiconError, check_forms, line_of, load_yaml, require
from toolkit.text import normalize_quotes, trie_regex
from toolkit.vocab import ACTOR_KINDS

from .mentions import mentions_in
from .records import Actor

__all__ = ["ActorLexicon", "load_actors", "DEFAULT_PATH", "MAX_GENERATED_FORMS", "MAX_GENERATED_TOTAL"]

DEFAULT_PATH = DEFAULT_DIR / "actors.yml"
_GENDERS = ("m", "f")
_ACTOR_KEYS = {"id", "name", "camp", "kind", "source", "aliases", "surnames", "titles", "metonyms",
               "generic", "gender", "spokesperson", "seat", "anaphors"}
_TOP_KEYS = {"sources", "camps", "titles", "title_qualifiers", "actors"}
# Forms generated as products ("qualifier + noun" of one actor, "title qualifier + title" of the
# lexicon) go one by one into the matcher: 1,500 x 1,500 generic words (20 KB of YAML) would make
# 2.25 million forms and exhaust memory. The default lexicon's largest products are 336 and 2,013.
MAX_GENERATED_FORMS = 20_000  # per product (the default's total of generic forms is about 4,000)
MAX_GENERATED_TOTAL = 100_000  # generic forms of all actors together


@dataclass(frozen=True)
class _Form:
    """What a matched surface form means: candidate actors (several for an ambiguous surname)."""

    actors: tuple[str, ...]
    how: str


_ROLE = (r"spokesman|spokeswoman|spokesperson|spokespeople|press secretary|aide|aides|adviser|advisers|"
         r"advisor|advisors|official|officials|source|sources|envoy|representative|representatives|"
         r"ambassador|chief of staff|deputy|head|chief|minister|members?|commander|commanders")
# A capitalised name (with initials) heading a speaker phrase, followed by a comma, a bracket or the end.
_NAME_HEAD = re.compile(
    r"\s*(?!(?:The|A|An|Some|Two|Three|Several|Many|Other|Both|One|Senior|Top|Former)\b)"
    r"(?:[A-Z][\w'.-]*\s+)*[A-Z][\w'.-]*\s*(,|\(|$)")
_SPOKES = re.compile(r"spokes|press secretary", re.IGNORECASE)
_ROLE_BEFORE = re.compile(rf"\b({_ROLE})\s+(?:for|of|to|at|in)\s+(?:the\s+)?$", re.IGNORECASE)
_ROLE_AFTER = re.compile(rf"(?:'s|'|s)?\s+(?:\w+\s+)?({_ROLE})\b", re.IGNORECASE)


def _capitalised(form: str) -> str:
    return form[:1].upper() + form[1:]


# A possessive "'s" after a letter ("Russia's military"): FA-KES's texts drop every apostrophe ("Russias military").
_POSSESSIVE = re.compile(r"(?<=[^\W\d_])'s\b")


def _unapostrophed(forms: list[str]) -> list[str]:
    """The forms with each possessive "'s" written "s" ("Russia's military" -> "Russias military"), where one
    differs."""
    return [bare for f in forms if (bare := _POSSESSIVE.sub("s", f)) != f]


class ActorLexicon:
    """Actors by id, the camps, the citation per list, and a compiled matcher for mentions.

    Attributes:
        actors: actor id -> :class:`Actor`.
        camps: camp ids in lexicon order.
        sources: citation per list (source key -> citation).
        camp_names: camp id -> display name.
        camp_generic: camp id -> id of its generic actor ("an official of X").
        spokesperson: actor id -> the actor "a spokesman for <actor>" resolves to.
    """

    def __init__(self, actors: dict[str, Actor], camps: tuple[str, ...], sources: dict[str, str], *,
                 forms: dict[str, _Form], titles: tuple[str, ...], camp_names: dict[str, str],
                 camp_generic: dict[str, str], spokesperson: dict[str, str]):
        self.actors = actors
        self.camps = camps
        self.sources = sources
        self.camp_names = camp_names
        self.camp_generic = camp_generic
        self.spokesperson = spokesperson
        self._forms = forms
        self._by_name = {a.name.casefold(): a for a in actors.values()}
        title_re = trie_regex(titles) if titles else r"(?!)"
        self._regex = re.compile(
            rf"(?<![\w])(?:(?P<title>{title_re})\s+)?(?P<name>{trie_regex(forms)})"
            r"(?P<poss>'s|'(?![\w])|s)?(?![\w])")

    def __repr__(self) -> str:
        return f"ActorLexicon({len(self.actors)} actors, camps={self.camps})"

    @property
    def forms(self) -> dict[str, _Form]:
        """Every written form of a mention -> its :class:`_Form`; read, do not change."""
        return self._forms

    @property
    def pattern(self) -> re.Pattern:
        """The compiled mention matcher (groups ``title``, ``name``, ``poss``)."""
        return self._regex

    def get(self, actor_id: str) -> Actor:
        """The actor with this id; ``KeyError`` naming the id when unknown."""
        try:
            return self.actors[actor_id]
        except KeyError:
            raise KeyError(f"unknown actor id {actor_id!r}") from None

    def lookup(self, phrase: str) -> Actor | None:
        """Resolve a speaker phrase (a quote's Source span) to its head actor, or ``None``.

        An actor's display name gives that actor. An unknown capitalised name heading the phrase gives ``None``, or the camp's generic actor when
        its apposition names an affiliation ("Jane Roe, a former U.S. envoy" -> ``us_officials``).
        Otherwise the head is the first mention that is neither a possessive nor the complement of a role noun;
        so in "Putin's spokesman, Dmitry Peskov" the appositive name wins. A role noun with an actor
        complement ("a spokesman for Russian President Vladimir Putin", "Putin's chief of staff")
        resolves to that actor's spokesperson for spokes- roles, to the actor itself when it is an
        institution, else to its camp's generic actor (``russian_officials``).

        Args:
            phrase: the speaker phrase as written.

        Returns:
            The head actor, or ``None`` when no lexicon entry matches (an unknown name, a pronoun).
        """
        text = normalize_quotes(phrase)
        named = self._by_name.get(text.strip().casefold())
        if named is not None:
            return named
        mentions = mentions_in(text, self)
        head = _NAME_HEAD.match(text, 0, mentions[0].start if mentions else len(text))
        if head and (head.group(1) or not mentions):
            # An unknown person leads the phrase ("Jane Roe, a senior U.S. official"): not in the
            # lexicon, but an affiliation in the apposition still gives the camp's generic actor.
            camps = [m.camp for m in mentions if m.camp in self.camp_generic and m.camp != "unnamed"]
            return self.actors[self.camp_generic[camps[0]]] if camps else None
        role_of = None
        for m in mentions:
            before = _ROLE_BEFORE.search(text[:m.start])
            after = _ROLE_AFTER.match(text, m.end) if m.how == "possessive" else None
            if before is None and after is None:
                if m.how != "possessive":
                    return self.actors[m.actor]
                continue
            if role_of is None:
                role_of = (m.actor, (before or after).group(1))
        if role_of is not None:
            return self._role_of(*role_of)
        return self.actors[mentions[0].actor] if mentions else None

    def _role_of(self, actor_id: str, role: str) -> Actor:
        actor = self.actors[actor_id]
        if _SPOKES.search(role):
            return self.actors[self.spokesperson.get(actor_id, actor_id)]
        if actor.kind in ("organization", "group", "generic"):
            return actor
        return self.actors[self.camp_generic.get(actor.camp, actor_id)]


def _strings(path, value, obj, key) -> list[str]:
    require(isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value), path, value,
            f"'{key}' must be a list of non-empty strings", obj)
    check_forms(value, path, value, f"'{key}'", obj)
    return [v.strip() for v in value]


def _check_top(path: Path, data: Any) -> None:
    if not isinstance(data, dict):
        raise LexiconError(path, line_of(data, 1), "the file must be a mapping with 'actors' (and 'sources', 'camps')")
    unknown = set(data) - _TOP_KEYS
    require(not unknown, path, data, f"unknown top-level key(s) {sorted(unknown, key=str)}; expected {sorted(_TOP_KEYS)}")
    require(isinstance(data.get("actors", []), list), path, data.get("actors"), "'actors' must be a list", data)
    for key in ("sources", "camps"):
        require(isinstance(data.get(key, {}), dict), path, data.get(key), f"'{key}' must be a mapping", data)


def _check_actor(path: Path, entry: dict, at: Any, camps: dict, sources: dict) -> None:
    """Validate one actor entry (merged with the default entry of the same id); errors point at ``at``."""
    unknown = set(entry) - _ACTOR_KEYS
    require(not unknown, path, at, f"unknown actor key(s) {sorted(unknown, key=str)}")
    for key in ("id", "name", "camp", "kind", "source"):
        require(isinstance(entry.get(key), str) and entry[key].strip(), path, at,
                f"actor is missing '{key}' (a non-empty string)")
    aid = entry["id"]
    require(re.fullmatch(r"[a-z][a-z0-9_]*", aid) is not None, path, at,
            f"actor id {aid!r} must be lower-case letters, digits and underscores")
    require(entry["camp"] in camps, path, at, f"actor {aid!r}: unknown camp {entry['camp']!r}; known: {sorted(camps, key=str)}")
    require(entry["kind"] in ACTOR_KINDS, path, at, f"actor {aid!r}: kind must be one of {ACTOR_KINDS}")
    require(entry["source"] in sources, path, at, f"actor {aid!r}: source {entry['source']!r} is not a key of 'sources'")
    require(entry.get("gender") in (None, *_GENDERS), path, at, f"actor {aid!r}: gender must be m, f or absent")
    for key in ("aliases", "surnames", "titles", "metonyms"):
        if key in entry:
            _strings(path, entry[key], at, key)
    if "generic" in entry:
        gen = entry["generic"]
        require(isinstance(gen, dict) and set(gen) == {"qualifiers", "nouns"}, path, gen,
                f"actor {aid!r}: 'generic' must be a mapping with 'qualifiers' and 'nouns'", at)
        _strings(path, gen["qualifiers"], gen, "qualifiers")
        _strings(path, gen["nouns"], gen, "nouns")
        n = len(gen["qualifiers"]) * len(gen["nouns"])
        require(n <= MAX_GENERATED_FORMS, path, gen,
                f"actor {aid!r}: 'generic' makes {n:,} qualifier + noun forms, over the limit of "
                f"{MAX_GENERATED_FORMS:,}; list fewer or give the forms as aliases", at)
    if "anaphors" in entry:
        ana = entry["anaphors"]
        require(isinstance(ana, dict) and set(ana) <= {"forms", "after"} and "forms" in ana, path, ana,
                f"actor {aid!r}: 'anaphors' must be a mapping with 'forms' and optional 'after' (actor ids)", at)
        _strings(path, ana["forms"], ana, "forms")
        _strings(path, ana.get("after", []), ana, "after")
    require(isinstance(entry.get("spokesperson", ""), str), path, at, f"actor {aid!r}: 'spokesperson' must be an id")
    require(isinstance(entry.get("seat", False), bool), path, at, f"actor {aid!r}: 'seat' must be true or false")
    require(not entry.get("seat") or entry.get("metonyms"), path, at,
            f"actor {aid!r}: 'seat: true' marks the entry's metonyms as the seat it is named by; it lists none")


def _merge(base: dict, data: dict, path: Path, *, within_file_ids: set) -> None:
    """Fold one parsed file into ``base`` (camps, sources, titles, actors by id)."""
    for name, camp in (data.get("camps") or {}).items():
        require(isinstance(camp, dict) and isinstance(camp.get("name", name), str), path, camp,
                f"camp {name!r} must be a mapping with 'name' and optional 'generic'", data.get("camps"))
        require(isinstance(camp.get("generic", ""), str), path, camp, f"camp {name!r}: 'generic' must be an actor id",
                data.get("camps"))
        base["camps"][name] = camp
    for key, cite in (data.get("sources") or {}).items():
        require(isinstance(cite, str) and cite.strip(), path, data["sources"], f"source {key!r} must be a citation string")
        base["sources"][key] = cite
    for key in ("titles", "title_qualifiers"):
        if key in data:
            base[key] = list(dict.fromkeys(base[key] + _strings(path, data[key], data, key)))
    n = len(base["titles"]) * len(base["title_qualifiers"])
    require(n <= MAX_GENERATED_FORMS, path, data.get("title_qualifiers", data.get("titles")),
            f"'title_qualifiers' x 'titles' makes {n:,} titles, over the limit of {MAX_GENERATED_FORMS:,}", data)
    for entry in data.get("actors") or []:
        require(isinstance(entry, dict), path, entry, "each actor must be a mapping", data.get("actors"))
        require(isinstance(entry.get("id"), str) and entry["id"].strip(), path, entry,
                "actor is missing 'id' (a non-empty string)", data.get("actors"))
        known = base["actors"].get(entry["id"], {})
        merged = {**known, **entry}
        _check_actor(path, merged, entry, base["camps"], base["sources"])
        aid = entry["id"]
        require(aid not in within_file_ids, path, entry, f"duplicate actor id {aid!r}")
        within_file_ids.add(aid)
        base["actors"][aid] = merged
        base["where"][aid] = (path, line_of(entry))


def _forms_of(entry: dict) -> list[tuple[str, str]]:
    """(surface form, how) pairs of one actor entry: lower-case forms also capitalised, and every form with a
    possessive "'s" also without its apostrophe (:func:`_unapostrophed`)."""
    out = [(a, "alias") for a in entry.get("aliases", [])]
    out += [(t, "title") for t in entry.get("titles", [])]
    out += [(s, "surname") for s in entry.get("surnames", [])]
    out += [(m, "metonym") for m in entry.get("metonyms", [])]
    out += [(a, "anaphor") for a in (entry.get("anaphors") or {}).get("forms", [])]
    gen = entry.get("generic")
    if gen:
        out += [(f"{q} {n}", "generic") for q in gen["qualifiers"] for n in gen["nouns"]]
    out += [(bare, how) for f, how in out for bare in _unapostrophed([f])]
    out += [(_capitalised(f), how) for f, how in out if f[:1].islower()]
    return out


def _build(base: dict) -> ActorLexicon:
    forms: dict[str, _Form] = {}
    owner: dict[str, str] = {}
    actors: dict[str, Actor] = {}
    spokes: dict[str, str] = {}
    # User entries come last so that their forms win over the default lexicon's.
    order = sorted(base["actors"], key=lambda a: base["where"][a][0] != DEFAULT_PATH)
    total = 0
    for aid in order:
        gen = base["actors"][aid].get("generic")
        total += len(gen["qualifiers"]) * len(gen["nouns"]) if gen else 0
        if total > MAX_GENERATED_TOTAL:
            raise LexiconError(*base["where"][aid], f"actor {aid!r}: the actors' 'generic' lists make over "
                               f"{MAX_GENERATED_TOTAL:,} qualifier + noun forms in all; list fewer")
    for aid in order:
        entry = base["actors"][aid]
        path, line = base["where"][aid]
        pairs = _forms_of(entry)
        for form, how in pairs:
            prev = forms.get(form)
            if prev is not None and owner.get(form) == aid:
                continue  # the same actor lists a form twice: its first role (alias before generic) stays
            if how == "surname" and prev is not None and prev.how == "surname":
                forms[form] = _Form(tuple(dict.fromkeys(prev.actors + (aid,))), how)
                continue
            if prev is not None and how == "title":
                if prev.how == "title":
                    forms[form] = _Form((), "title")  # a title shared by several actors names none
                continue  # a name beats a title
            if prev is not None and prev.how != "title" and base["where"][owner[form]][0] == path:
                raise LexiconError(path, line, f"actor {aid!r}: {how} {form!r} is already used by actor {owner[form]!r}")
            forms[form] = _Form((aid,), how)
            owner[form] = aid
        if entry.get("spokesperson"):
            spokes[aid] = entry["spokesperson"]
        actors[aid] = Actor(
            id=aid, name=entry["name"].strip(), camp=entry["camp"], kind=entry["kind"],
            aliases=tuple(dict.fromkeys(f for f, how in pairs if how not in ("title", "anaphor"))),
            gender=entry.get("gender"), titles=tuple(entry.get("titles", ())),
            seat=entry.get("seat", False),
            anaphor_after=tuple((entry.get("anaphors") or {}).get("after", ())))
    forms = {f: v for f, v in forms.items() if v.actors}
    camps = base["camps"]
    for aid, target in spokes.items():
        path, line = base["where"][aid]
        if target not in actors:
            raise LexiconError(path, line, f"actor {aid!r}: spokesperson {target!r} is not an actor id")
    for aid, actor in actors.items():
        for after in actor.anaphor_after:
            if after not in actors:
                raise LexiconError(*base["where"][aid], f"actor {aid!r}: anaphors after {after!r} is not an actor id")
    generic = {}
    for cid, camp in camps.items():
        g = camp.get("generic")
        if g is not None:
            require(g in actors, base["camp_paths"].get(cid, DEFAULT_PATH), camp,
                    f"camp {cid!r}: generic actor {g!r} is not an actor id")
            generic[cid] = g
    qualifiers = base["title_qualifiers"] + _unapostrophed(base["title_qualifiers"])
    titles = [f"{q} {t}" for q in qualifiers for t in base["titles"]] + base["titles"]
    own = [t for e in base["actors"].values() for t in e.get("titles", [])]
    titles += own + _unapostrophed(own)
    return ActorLexicon(
        actors, tuple(camps), dict(base["sources"]), forms=forms, titles=tuple(dict.fromkeys(titles)),
        camp_names={c: v.get("name", c) for c, v in camps.items()}, camp_generic=generic,
        spokesperson=spokes)


def _read(path: Path, base: dict, raw: bytes | None = None) -> None:
    data = load_yaml(path, raw)
    _check_top(path, data)
    base["line"] = line_of(data, 1)
    for cid in (data.get("camps") or {}):
        base["camp_paths"][cid] = path
    _merge(base, data, path, within_file_ids=set())


def _empty() -> dict:
    return {"camps": {}, "sources": {}, "titles": [], "title_qualifiers": [], "actors": {}, "where": {},
            "camp_paths": {}, "line": 1}


def _copy(base: dict) -> dict:
    """A copy that :func:`_merge` can update (it replaces entries of the containers, never an entry's own keys)."""
    return {k: v.copy() if isinstance(v, (dict, list)) else v for k, v in base.items()}


# Lexicons built, keyed on the files' bytes: an edited file is read again, an unchanged one is not.
_LEXICONS = FileCache(maxsize=16)


@lru_cache(maxsize=2)
def _default_base(raw: bytes) -> dict:
    """The default file's entries, merged (the base a user file extends), per content of the file."""
    base = _empty()
    _read(DEFAULT_PATH, base, raw)
    return base


def _load(raws: dict[Path, bytes], path: Path | None, extend: bool) -> ActorLexicon:
    base = _copy(_default_base(raws[DEFAULT_PATH])) if path is None or extend else _empty()
    if path is not None:
        _read(path, base, raws[path])
    if not base["actors"]:
        raise LexiconError(path or DEFAULT_PATH, base["line"], "the lexicon defines no actors")
    return _build(base)


def load_actors(path: str | Path | None = None, *, extend: bool = True) -> ActorLexicon:
    """Load the actor lexicon.

    Args:
        path: a user YAML file of the same shape as ``toolkit/lexicons/actors.yml`` (documented in
            its header). ``None`` loads the default lexicon only.
        extend: with a ``path``, ``True`` updates the default lexicon by id with the user's entries
            (keys given replace the default's; new ids are added, as are new camps, sources and
            titles); ``False`` uses the user's file alone.

    Returns:
        The :class:`ActorLexicon` (cached on the files' bytes: an edited file is read again).

    Raises:
        LexiconError: naming file and line for a YAML syntax error, a wrong type, an unknown camp,
            kind or source, a missing or duplicate id, a ``seat`` that is not true/false (or true on an entry
            without metonyms), an ``anaphors`` that is not ``{forms: [...], after: [ids]}`` (or names an unknown
            id), or an alias claimed by two actors in one file.
    """
    user = None if path is None else Path(path)
    extend = extend or user is None
    files = ([DEFAULT_PATH] if extend else []) + ([user] if user is not None else [])
    return _LEXICONS.get(files, lambda raws: _load(raws, user, extend), extend)
