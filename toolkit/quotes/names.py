"""Speaker names: a speaker span's name, actor and camp, from the actor lexicon or its own words.

A span is resolved by the lexicon mention at its head (after a determiner, titles or an apposition
comma) or :meth:`~toolkit.actors.ActorLexicon.lookup`, else by its proper-name head ("Rep. Dora
Penn" -> "Dora Penn"); leading discourse words and datelines are trimmed first (:func:`toolkit.quotes.leads.trim_lead`).
:func:`_camp_of` gives a name the lexicon does not know camp ``other``, a description ``unnamed``.
Limits: gender comes only from the lexicon and "Mr./Mrs./Ms."; capitalisation decides what is a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .phrases import _FWD_STOP, _NP_STOP, _PARTY_STATE, _SKIP_BEFORE, _TIME_PREP, _VERBISH, is_word, tokens

_TITLES = frozenset("""president sen. sen senator rep. rep representative gov. gov governor mr. mrs. ms. dr. gen.
general secretary minister prime foreign defense defence chief spokesman spokeswoman deputy vice former lt. col.
adm. maj. capt. sgt. prof. rev. state king queen prince sheikh ambassador commander leader mayor judge justice
colonel major captain sergeant lieutenant admiral marshal brig. brigadier col. cmdr. amb. sec. reps. sens. gens.
u.s. us""".split())
_NATIONALITY = re.compile(r"^(?:[A-Z][a-z]+(?:ian|ese|ish|ean)|U\.S\.|American|British|French|Dutch|Swiss|Iraqi|Israeli|"
                          r"Saudi|Pakistani|Kuwaiti|Qatari|Emirati|Yemeni|Bahraini|Omani|Afghan|Iranian|Turkish|Kurdish)$")
_HEADS_PLURAL = re.compile(r"^[a-z]+(?<!s)s$|^(?:people|police|media|staff|personnel)$")
_PERSON_NAME = re.compile(r"\b(?:(?P<title>Mr|Mrs|Ms|Dr)\.\s+)?[A-Z][a-z]+(?:\s+(?:al-|bin\s+|de\s+|van\s+)?[A-Z][a-z'-]+){1,2}\b")
_ORG_WORD = re.compile(r"\b(?:Council|Ministry|House|Party|Department|Committee|Army|Forces|Observatory|Group|News|Times|"
                       r"Post|Agency|Union|Nations|States|State|Republic|Government|Office|Court|Congress|Senate|"
                       r"Kremlin|Pentagon|University|Institute|Foundation|Campaign|Center|Centre|Street|Press|"
                       r"Media|Network|Front|Brigade|Coalition|Organization|Association|Bank|Fund|Airport|Square|"
                       r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
                       r"June|July|August|September|October|November|December|The|This|That|These|In|On|At|But|And)\b")
_SPEAKER_ROLE = re.compile(r"\b(?:spokes(?:man|woman|person)|aide|adviser|advisor|representative|envoy|"
                           r"official|officials|source|sources|lawyer|attorney)\s+(?:for|of|at|to)\b", re.I)


@dataclass(frozen=True)
class _Who:
    name: str
    actor: str | None
    camp: str | None
    gender: str | None
    plural: bool
    span: tuple[int, int]


def _default_lexicon():
    try:
        from ..actors import load_actors
    except ImportError:
        return None
    try:
        return load_actors()
    except Exception:  # noqa: BLE001 - the actor lexicon is optional for extraction
        return None


def _mentions(text: str, lexicon) -> list:
    if not lexicon:
        return []
    try:
        from ..actors import find_mentions
    except ImportError:
        return []
    return find_mentions(text, lexicon, places=True)


def _gender_of(actor_obj) -> str | None:
    g = getattr(actor_obj, "gender", None)
    if not g:
        return None
    g = str(g).lower()
    return "m" if g.startswith("m") else "f" if g.startswith("f") else None


def _name_of(t: str, s: int, e: int, mentions: list, actors_by_id: dict, lexicon=None) -> _Who:
    """Resolve a non-pronoun speaker span to a name, actor and camp.

    A phrase with no lexicon mention at its head still gets an actor when the lexicon's
    :meth:`~toolkit.actors.ActorLexicon.lookup` resolves it ("some activists", "a spokesman for ...").
    """
    person = _person_after_group(t, s, e, mentions, actors_by_id, lexicon)
    if person is not None:
        return person
    who = _name_head(t, s, e, mentions, actors_by_id)
    if who.actor is None and hasattr(lexicon, "lookup"):
        actor = lexicon.lookup(t[s:e])
        if actor is not None:
            single = _SINGULAR.match(t, s, e) is not None  # "a Civil Defence volunteer" is one person
            return _Who(who.name if actor.kind == "generic" else actor.name, actor.id, actor.camp,
                        _gender_of(actor), actor.kind not in (None, "person") and not single, (s, e))
    return who


_NAME_TAIL = re.compile(r"\s+((?:[A-Z][\w'-]+\s+){0,2}[A-Z][\w'-]+)\s*$")


def _person_after_group(t: str, s: int, e: int, mentions: list, actors_by_id: dict, lexicon) -> _Who | None:
    """A person the lexicon knows named right after a group's name that opens the span, in text that lost
    its commas ("... guarding farms against Daesh Lavrov said": the group ends the reported clause, the person
    speaks), else ``None``."""
    inside = [mn for mn in mentions if s <= mn.start and mn.end <= e]
    if len(inside) != 1 or t[s:inside[0].start].strip() or not hasattr(lexicon, "lookup"):
        return None
    group = actors_by_id.get(inside[0].actor)
    tail = _NAME_TAIL.fullmatch(t, inside[0].end, e)
    if group is None or getattr(group, "kind", None) in (None, "person") or tail is None:
        return None
    actor = lexicon.lookup(tail.group(1))
    if actor is None or actor.kind != "person":
        return None
    return _Who(actor.name, actor.id, actor.camp, _gender_of(actor), False, (s, e))


def _name_head(t: str, s: int, e: int, mentions: list, actors_by_id: dict) -> _Who:
    text = t[s:e]
    # a mention heads the speaker phrase when it opens it (after a determiner or title) or an apposition
    inside = [mn for mn in mentions if mn.start >= s and mn.end <= e and t[mn.end:mn.end + 2] not in ("'s",)
              and not _BASED.match(t, mn.end) and _opens(t, s, mn.start)]
    inside = [mn for mn in inside if not _ROLE_NEXT.match(t, mn.end)] or inside
    role = _SPEAKER_ROLE.search(text)
    if inside and not (role and inside[-1].start - s > role.start()):
        mn = inside[-1]
        actor = actors_by_id.get(mn.actor)
        kind = getattr(actor, "kind", None)
        return _Who(mn.name or mn.text, mn.actor, mn.camp, _gender_of(actor),
                    kind not in (None, "person") and _SINGULAR.match(t, s, e) is None, (s, e))
    toks = tokens(t, s, e)
    # drop a trailing parenthetical "(R-Ariz.)"
    if toks and toks[-1][2] == ")":
        cut = max((n for n, tk in enumerate(toks) if tk[2] == "("), default=len(toks))
        toks = toks[:cut]
    words = [tk for tk in toks if is_word(tk[2]) or tk[2].endswith(".")]
    gender = None
    for tk in words:
        low = tk[2].lower()
        gender = "m" if low in ("mr.", "mr") else "f" if low in ("mrs.", "ms.", "mrs", "ms") else gender
    plural = bool(words) and bool(_HEADS_PLURAL.match(words[-1][2]))
    # A proper-name head: a capitalised run ("of"/"for" may join two capitalised words) that opens the
    # phrase (after a determiner) or follows an apposition comma, and that closes the phrase or the
    # apposition. "a spokesman for X" or "U.S. defense officials" keep their whole text.
    runs, cur, opener = [], [], True
    for n, tk in enumerate(toks):
        w = tk[2]
        joins = (w in ("of", "for", "and") and cur and n + 1 < len(toks) and toks[n + 1][2][:1].isupper())
        if ((w[0].isupper() and (is_word(w) or w.endswith(".")) and w not in ("The", "A", "An"))
                or w in ("al", "bin", "van", "von", "al-") or joins):
            if not cur:
                cur_open = opener
            cur.append(tk)
            continue
        if cur:
            runs.append((cur, w, cur_open))
        cur = []
        opener = w in (",", "the", "The") or (opener and w.lower() in ("the", "a", "an"))
    if cur:
        runs.append((cur, None, cur_open))
    for run, after, opens in reversed(runs):
        if len(run) == 1 and _PARTY_STATE.fullmatch(run[0][2]):  # "Rep. Dora Penn, D-Ore., said"
            continue
        if after in (None, ",") and opens:
            names = [tk[2] for tk in run]
            while len(names) > 1 and (names[0].lower() in _TITLES or names[0].endswith("-based")
                                      or (_NATIONALITY.match(names[0]) and names[1].lower() in _TITLES)):
                names.pop(0)
            if len(names) == 1 and (names[0].lower() in _TITLES or _NATIONALITY.match(names[0])):
                continue
            return _Who(" ".join(names), None, None, gender, False, (s, e))
    return _Who(" ".join(text.split()), None, None, gender, plural, (s, e))


def _opens(t: str, s: int, pos: int) -> bool:
    """True when only a determiner, capitalised titles, pre-nominal modifiers or an apposition comma precede ``pos``
    in ``t[s:pos]``: the words before a noun phrase's head ("the Vale Front's founder", "the rebel Ruritania-based"),
    none a function word, a verb form or a number (a clause or a prepositional phrase leaves ``pos`` inside a
    modifier: "a spokesman for the ...")."""
    lead = t[s:pos]
    if "," in lead:
        lead = lead.rsplit(",", 1)[1]
    return all(w[:1].isupper() or w.lower() in ("the", "a", "an")
               or _MODIFIER.fullmatch(w) and w.lower() not in _FUNCTION for w in lead.split())


# A lower-case word that may stand before a noun phrase's head: a noun or adjective, possibly hyphenated or possessive;
# no number, and no "-ed" verb form unless hyphenated ("Ruritania-based", not "wounded").
_MODIFIER = re.compile(r"(?:[a-z]+-)+[a-z]+|[a-z]+(?<!ed)(?:'s|\u2019s)?")
_FUNCTION = _NP_STOP | _FWD_STOP | _VERBISH | _SKIP_BEFORE | _TIME_PREP | frozenset(
    "of by for into over under against between among than".split())


_BASED = re.compile(r"-based\b", re.I)  # "the Britain-based group": a place modifying a description, no speaker
_TITLE_GENDER = {"Mr": "m", "Mrs": "f", "Ms": "f"}
_SINGULAR = re.compile(r"(?:a|an|one|another)\s", re.I)
# A mention followed by a role noun modifies it ("Peter Cook, the Pentagon press secretary").
_ROLE_NEXT = re.compile(r"(?:'s)?\s+(?:press\s+secretary|spokes(?:man|woman|person)|official|aide|adviser|advisor|"
                        r"envoy|ambassador|commander|representative)\b", re.I)


_PROPER_NAME = re.compile(r"(?:[A-Z][\w'\-.]*)(?:\s+(?:al-|bin|de|van|von|[A-Z][\w'\-.]*))*")
_NOT_NAMES = {"He", "She", "They", "It", "We", "I", "You", "Officials", "Sources", "Witnesses", "Residents",
              "Others", "Activists", "Critics", "Analysts", "Experts", "Some", "Many"}


def _camp_of(who: _Who | None) -> str | None:
    """The speaker's camp: the lexicon's, else ``other`` for a named person or body the lexicon does not
    know ("Umm Khaled", a 2016 US senator), else ``unnamed`` for anonymous or descriptive speakers."""
    if who is None:
        return None
    if who.camp:
        return who.camp
    name = who.name.strip()
    words = name.split()
    # a lone capitalised plural opening a sentence ("Engineers said") is a description, not a name
    if _PROPER_NAME.fullmatch(name) and words[0] not in _NOT_NAMES and not (len(words) == 1 and name.endswith("s")):
        return "other"
    return "unnamed"
