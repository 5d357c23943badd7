"""Actors of the Syrian war, their camps, and where a text mentions them.

The default lexicon (``toolkit/lexicons/actors.yml``) lists the people, institutions and groups of
the Syrian war 2011-2018 with their camp (``russia``, ``us``, ``opposition``, ``syria_government``,
``iran``, ``turkey``, ``un``, ``isis``, ``other``, ``unnamed``); each list cites its reference
(Wikipedia articles on the Russian intervention, the Syrian opposition, the Obama cabinet ...).

:func:`find_mentions` is dictionary-based named-entity linking in the gazetteer tradition (see
Nadeau & Sekine, "A survey of named entity recognition and classification", Lingvisticae
Investigationes 30(1), 2007): every alias, surname, title-only form, metonym and generated
"qualifier + noun" form (``U.S.`` + ``defense officials``) goes into one character trie compiled to a
single regular expression, so a 20 MB corpus is scanned once, longest alias first. A few local
rules then decide each match:

* a title just before a name belongs to the mention ("Russian President Vladimir Putin");
* ``'s``, ``'`` or a bare ``s`` (apostrophes stripped, as in FA-KES) after a name makes it
  ``possessive``;
* a bare surname maps when only one actor carries it, else to the one fully named last; it is
  skipped after another capitalised word ("Jimmy Carter" is not Ash Carter);
* a metonym ("Moscow") counts only when used as an actor, not after a locative preposition
  ("outside Moscow") nor before a capitalised word ("Moscow Times") - the preposition heuristic of
  metonymy resolution (Markert & Nissim, "Metonymy resolution as a classification task", EMNLP 2002,
  report the governing preposition as the strongest cue).

:meth:`ActorLexicon.lookup` resolves a speaker phrase (the Source span of a quote) to its head
actor: "Putin's spokesman, Dmitry Peskov" -> peskov; "a spokesman for Russian President Vladimir
Putin" -> the Kremlin spokesperson.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from toolkit.lexicon import DEFAULT_DIR, FileCache, LexiconError, check_forms, line_of, load_yaml, require
from toolkit.records import RecordList
from toolkit.text import normalize_quotes, trie_regex
from toolkit.vocab import ACTOR_KINDS

if TYPE_CHECKING:
    from toolkit.corpus import Article

__all__ = ["Actor", "Mention", "ActorLexicon", "load_actors", "find_mentions", "DEFAULT_PATH", "HOWS",
           "MAX_GENERATED_FORMS", "MAX_GENERATED_TOTAL"]

DEFAULT_PATH = DEFAULT_DIR / "actors.yml"
HOWS = ("alias", "surname", "title", "possessive", "generic", "metonym", "place")
_GENDERS = ("m", "f")
_ACTOR_KEYS = {"id", "name", "camp", "kind", "source", "aliases", "surnames", "titles", "metonyms",
               "generic", "gender", "spokesperson"}
_TOP_KEYS = {"sources", "camps", "titles", "title_qualifiers", "actors"}
# Forms generated as products ("qualifier + noun" of one actor, "title qualifier + title" of the
# lexicon) go one by one into the matcher: 1,500 x 1,500 generic words (20 KB of YAML) would make
# 2.25 million forms and exhaust memory. The default lexicon's largest products are 336 and 2,013.
MAX_GENERATED_FORMS = 20_000  # per product (the default's total of generic forms is about 4,000)
MAX_GENERATED_TOTAL = 100_000  # generic forms of all actors together


@dataclass(frozen=True)
class Actor:
    """One actor of the lexicon.

    Attributes:
        id: stable id used by gold files and result tables (``putin``).
        name: display name.
        camp: one of the lexicon's camps.
        kind: ``person``, ``organization``, ``group``, ``place`` or ``generic``.
        aliases: every surface form that maps to the actor (aliases, surnames, metonyms, generated
            qualifier + noun forms).
        gender: ``"m"``, ``"f"`` or ``None``; for he/she resolution (plural collectives are groups).
        titles: titles proper to the actor ("Russian President").
    """

    id: str
    name: str
    camp: str
    kind: str
    aliases: tuple[str, ...]
    gender: str | None
    titles: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mention:
    """A mention of an actor: ``text[start:end]`` names it.

    ``how`` is ``alias`` (a full name, possibly with its title), ``surname``, ``title`` (a title
    alone, "the Russian President"), ``possessive`` ("Putin's"), ``generic`` ("U.S. defense
    officials"), ``metonym`` ("Moscow" standing for the Russian government) or, only with
    ``find_mentions(..., places=True)``, ``place`` (a metonym used as a place: "in Moscow").
    """

    start: int
    end: int
    text: str
    actor: str
    camp: str
    name: str
    how: str


@dataclass(frozen=True)
class _Form:
    """What a matched surface form means: candidate actors (several for an ambiguous surname)."""

    actors: tuple[str, ...]
    how: str


# Words after which a place name is a place or a target, not an actor ("outside Moscow",
# "in the Kremlin", "suburban Damascus", "bombing Damascus").
_LOCATIVE = re.compile(
    r"(?:^|\W)(?:in|inside|outside|near|at|into|from|to|toward|towards|across|around|via|through|"
    r"throughout|within|over|of|visit|visited|visiting|left|leave|reached|suburban|downtown|old|central|"
    r"bomb|bombed|bombing|strike|struck|shelled|shelling)\s+(?:the\s+)?$",
    re.IGNORECASE)
_WEEKDAY_MONTH = ("Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
                  "April|May|June|July|August|September|October|November|December")
# A place name followed by a capitalised word is part of a longer name ("Washington Post"); followed
# by one of these nouns it names a place, an event or a topic ("Paris attacks", "Russia policy").
_PLACE_NOUNS = ("suburbs?|countryside|outskirts|province|governorate|airport|streets?|residents|skyline|"
                "embassy|bureau|correspondent|office|elites?|insiders|lobbyists?|attacks?|bombings?|"
                "agreement|accords?|deal|nuclear|talks|summit|conference|climate|process|policy|probe|"
                "investigation|hawks?|doves?|sanctions|border|time|area|region")
_PLACE_NAME_NEXT = re.compile(
    rf"(?:-[A-Za-z]|\s+(?!(?:{_WEEKDAY_MONTH})\b)[A-Z][a-z]|\s+D\.C\.|,\s+(?:Russia|Syria|Iran|Turkey|D\.C\.)(?!\w)"
    rf"|\s+(?:{_PLACE_NOUNS})\b)")
# Another capitalised word just before a surname is someone else's first name ("Jimmy Carter"),
# unless it is a sentence-initial function word or a day ("Later Carter said").
_NAME_BEFORE = re.compile(
    rf"\b(?!(?:Later|Then|But|And|When|Meanwhile|Yesterday|Today|On|In|As|After|Before|While|So|Also|Still|Now|"
    rf"Here|There|If|Although|Though|Instead|However|Earlier|Asked|Why|What|How|Where|Who|{_WEEKDAY_MONTH})\s)"
    r"[A-Z][\w'-]*\s+$")
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
        mentions = find_mentions(text, self)
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
    require(isinstance(entry.get("spokesperson", ""), str), path, at, f"actor {aid!r}: 'spokesperson' must be an id")


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
    """(surface form, how) pairs of one actor entry, lower-case forms also capitalised."""
    out = [(a, "alias") for a in entry.get("aliases", [])]
    out += [(t, "title") for t in entry.get("titles", [])]
    out += [(s, "surname") for s in entry.get("surnames", [])]
    out += [(m, "metonym") for m in entry.get("metonyms", [])]
    gen = entry.get("generic")
    if gen:
        out += [(f"{q} {n}", "generic") for q in gen["qualifiers"] for n in gen["nouns"]]
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
            aliases=tuple(dict.fromkeys(f for f, how in pairs if how != "title")),
            gender=entry.get("gender"), titles=tuple(entry.get("titles", ())))
    forms = {f: v for f, v in forms.items() if v.actors}
    camps = base["camps"]
    for aid, target in spokes.items():
        path, line = base["where"][aid]
        if target not in actors:
            raise LexiconError(path, line, f"actor {aid!r}: spokesperson {target!r} is not an actor id")
    generic = {}
    for cid, camp in camps.items():
        g = camp.get("generic")
        if g is not None:
            require(g in actors, base["camp_paths"].get(cid, DEFAULT_PATH), camp,
                    f"camp {cid!r}: generic actor {g!r} is not an actor id")
            generic[cid] = g
    titles = [f"{q} {t}" for q in base["title_qualifiers"] for t in base["titles"]] + base["titles"]
    titles += [t for e in base["actors"].values() for t in e.get("titles", [])]
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
            kind or source, a missing or duplicate id, or an alias claimed by two actors in one file.
    """
    user = None if path is None else Path(path)
    extend = extend or user is None
    files = ([DEFAULT_PATH] if extend else []) + ([user] if user is not None else [])
    return _LEXICONS.get(files, lambda raws: _load(raws, user, extend), extend)


def _is_place(text: str, start: int, end: int) -> bool:
    """A metonym used as a place: after a locative preposition or before a capitalised word."""
    return _LOCATIVE.search(text, max(0, start - 30), start) is not None or \
        _PLACE_NAME_NEXT.match(text, end) is not None


# An all-capitals metonym ("U.S.", "US") is mostly a modifier ("U.S. president", "US troops"): it stands
# for the government only before punctuation, a capitalised word or a verb form ("The U.S. said").
_ACRONYM_VERB_NEXT = re.compile(
    r"(?:[^\w\s]|\s+(?:[A-Z]|(?:said|says|will|would|can|could|should|may|might|must|did|does|do|and|or|also|has|"
    r"have|had|is|was|were|are|not|never|already|still|then|now|[a-z]+ed)\b)|\s*$)")


def _acronym_modifier(name: str, text: str, end: int) -> bool:
    """True when an all-capitals metonym modifies the noun after it ("U.S. president")."""
    return not any(c.islower() for c in name) and _ACRONYM_VERB_NEXT.match(text, end) is None


_CAPS_WORD_BEFORE = re.compile(r"\b[A-Z]{2,}[\s,:]+$")
_CAPS_WORD_AFTER = re.compile(r"[\s,:]+[A-Z]{2,}\b")


def _in_capitals(text: str, start: int, end: int) -> bool:
    """An all-capitals word between other all-capitals words: a shouted headline, not an acronym."""
    return _CAPS_WORD_BEFORE.search(text, max(0, start - 30), start) is not None and \
        _CAPS_WORD_AFTER.match(text, end) is not None


def find_mentions(text: str | Article, actors: ActorLexicon | None = None, *, places: bool = False) -> RecordList:
    """All actor mentions in ``text``, sorted and non-overlapping (the longest match wins).

    Args:
        text: raw article text; offsets index it (curly apostrophes are normalised internally,
            one character for one). Or a :class:`toolkit.corpus.Article`: its ``masked_text`` is
            read (boilerplate and repeated paragraphs blanked, same length), so offsets index
            ``article.text``.
        actors: the lexicon to use (default: :func:`load_actors`).
        places: also return metonyms used as places ("officials in Washington"), with ``how``
            ``"place"``; quote attribution reads them as the setting of an unnamed speaker.

    Returns:
        ``RecordList[Mention]`` with ``text[m.start:m.end] == m.text``.
    """
    lex = actors if actors is not None else load_actors()
    text = text if isinstance(text, str) else text.masked_text
    norm = normalize_quotes(text)
    out = RecordList()
    last_full: dict[str, int] = {}  # surname-bearing actor id -> order of its last full mention
    for i, m in enumerate(lex._regex.finditer(norm)):
        name = m.group("name")
        form = lex._forms[name]
        how = form.how
        poss = m.group("poss") or ""
        if poss == "s" and (name[:1].islower() or name.endswith("s") or how not in ("alias", "surname", "metonym")):
            continue  # a plural or a word running on, not an apostrophe-less possessive ("Putins")
        if name.isupper() and name.isalpha() and _in_capitals(norm, m.start(), m.end()):
            continue  # "IS", "UN" inside an all-capitals headline
        title = m.group("title")
        if how == "title" and (title or re.match(r"\s+[A-Z][a-z]", norm[m.end():m.end() + 3])):
            continue  # a title before an unknown name
        if how == "surname":
            if title is None and _NAME_BEFORE.search(norm, max(0, m.start() - 40), m.start()):
                continue
            cands = form.actors
            if len(cands) > 1:
                seen = [c for c in cands if c in last_full]
                if not seen:
                    continue
                cands = (max(seen, key=last_full.__getitem__),)
            aid = cands[0]
        else:
            aid = form.actors[0]
        if how == "metonym" and not poss and _acronym_modifier(name, norm, m.end()):
            continue
        if how == "metonym" and _is_place(norm, m.start(), m.end()):
            if not places:
                continue
            how = "place"
        if how in ("alias", "title"):
            last_full[aid] = i
        if poss and how != "place":
            how = "possessive"
        start = m.start("title") if title else m.start("name")
        end = m.end("name")
        actor = lex.actors[aid]
        out.append(Mention(start, end, text[start:end], aid, actor.camp, actor.name, how))
    return out
