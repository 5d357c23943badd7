"""Where a text mentions the actors of a lexicon (:func:`find_mentions`) and the local rules that
decide each match (places, acronyms, capitals, someone else's first name, anaphors only after a full
mention)."""

from __future__ import annotations

import re

from toolkit.records import RecordList
from toolkit.text import in_capitals, normalize_quotes

from .records import Mention

__all__ = ["mentions_in"]

# Words after which a place name is a place or a target, not an actor ("outside Moscow",
# "in the Kremlin", "suburban Damascus", "bombing Damascus"). "to" after "according" names a source,
# not a destination ("according to Moscow", "according to the Pentagon").
_LOCATIVE = re.compile(
    r"(?:^|\W)(?P<prep>in|inside|outside|near|at|into|from|(?<!according\s)to|toward|towards|across|around|via|"
    r"through|throughout|within|over|of|visit|visited|visiting|left|leave|reached|suburban|downtown|old|central|"
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


# An institution named by its seat ("the White House", "the Kremlin", "the Pentagon") before the title of one
# of its officers ("White House Press Secretary", "Pentagon Chief of Staff", "White House Homeland Security
# Advisor") or one of its offices ("White House Office of ...") is the institution, not part of a longer name.
_OFFICE_NEXT = re.compile(
    r"(?:\s+(?:[A-Z][a-z]+|and|of|for)){0,4}?\s+(?:Secretary|Adviser|Advisor|Spokesman|Spokeswoman|Spokesperson|"
    r"Chief|Counsel|Director|Aide|Office|Council)\b")


def _is_place(text: str, start: int, end: int, *, institution: bool) -> bool:
    """A metonym used as a place: after a locative preposition or before a capitalised word.

    An ``institution`` (a metonym of an actor the lexicon marks ``seat: true``, "the White House") is the
    institution, not its building, after "from" ("word from the Kremlin": the source) and before an officer's title
    or an office (:data:`_OFFICE_NEXT`); "at/in/outside the White House" stay places. A country or a city
    standing for a government ("France", "Moscow") is no seat: a place after "from". Limit: "speaking
    from the Pentagon" (the building) then counts as the institution too.
    """
    loc = _LOCATIVE.search(text, max(0, start - 30), start)
    if institution:
        if loc is not None and loc.group("prep").casefold() == "from":
            loc = None
        if _OFFICE_NEXT.match(text, end) is not None:
            return loc is not None
    return loc is not None or _PLACE_NAME_NEXT.match(text, end) is not None


# An all-capitals metonym ("U.S.", "US") is mostly a modifier ("U.S. president", "US troops"): it stands
# for the government only before punctuation, a capitalised word or a verb form ("The U.S. said").
_ACRONYM_VERB_NEXT = re.compile(
    r"(?:[^\w\s]|\s+(?:[A-Z]|(?:said|says|will|would|can|could|should|may|might|must|did|does|do|and|or|also|has|"
    r"have|had|is|was|were|are|not|never|already|still|then|now|[a-z]+ed)\b)|\s*$)")


def _acronym_modifier(name: str, text: str, end: int) -> bool:
    """True when an all-capitals metonym modifies the noun after it ("U.S. president")."""
    return not any(c.islower() for c in name) and _ACRONYM_VERB_NEXT.match(text, end) is None


# "the administration of/in ..." names the administration of what follows: the actor's when a mention of an
# actor of its camp comes next, after at most two lower-case words ("of former President Barack Obama", "in
# Washington"), whatever came before; not "in Damascus", "of Shinzo Abe", "of Mara Quill's successor".
_OF_IN_NEXT = re.compile(r"\s+(?P<prep>of|in)\s+(?:the\s+)?")
_GAP = re.compile(r"(?:[a-z][\w-]*\s+){0,2}")
_NAME_NEXT = re.compile(rf"(?!(?:{_WEEKDAY_MONTH})\b)[A-Z]")


def _anaphor_of(lex, actor, text: str, end: int) -> bool | None:
    """Whether an anaphor ("the administration") before "of"/"in" + a mention names the actor: a mention of its
    camp, not possessive. ``None`` (the anaphor rule decides) when neither follows, or "in" + a lower-case word,
    a day or a month ("in February"); "of" + no mention is someone else's administration (``False``)."""
    nxt = _OF_IN_NEXT.match(text, end)
    if nxt is None:
        return None
    hit = lex.pattern.search(text, nxt.end(), nxt.end() + 60)
    if hit is None or _GAP.fullmatch(text, nxt.end(), hit.start()) is None:
        return None if nxt.group("prep") == "in" and _NAME_NEXT.match(text, nxt.end()) is None else False
    form = lex.forms.get(hit.group("name"))
    return (form is not None and not hit.group("poss")
            and any(lex.actors[a].camp == actor.camp for a in form.actors))


def mentions_in(text: str, lex, *, places: bool = False) -> RecordList:
    """The mentions of ``lex``'s actors (an :class:`~toolkit.actors.ActorLexicon`) in ``text``: the
    matcher's hits, decided by the local rules above (see :func:`toolkit.actors.find_mentions`)."""
    norm = normalize_quotes(text)
    out = RecordList()
    last_full: dict[str, int] = {}  # surname-bearing actor id -> order of its last full mention
    named: set[str] = set()  # actors with an alias, title or surname mention so far (licence of anaphors)
    for i, m in enumerate(lex.pattern.finditer(norm)):
        name = m.group("name")
        form = lex.forms[name]
        how = form.how
        poss = m.group("poss") or ""
        if poss == "s" and (name[:1].islower() or name.endswith("s") or how not in ("alias", "surname", "metonym")):
            continue  # a plural or a word running on, not an apostrophe-less possessive ("Putins")
        if name.isupper() and name.isalpha() and in_capitals(norm, m.start(), m.end()):
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
        if how == "anaphor":
            actor = lex.actors[aid]
            of = _anaphor_of(lex, actor, norm, m.end())
            if of is False or (of is None and named.isdisjoint((aid, *actor.anaphor_after))):
                continue  # "the administration in Damascus", or no full mention of the actor before
        if how == "metonym" and not poss and _acronym_modifier(name, norm, m.end()):
            continue
        if how == "metonym" and _is_place(norm, m.start(), m.end(),
                                          institution=lex.actors[aid].seat):
            if not places:
                continue
            how = "place"
        if how in ("alias", "title"):
            last_full[aid] = i
        if how in ("alias", "title", "surname"):
            named.add(aid)
        if poss and how != "place":
            how = "possessive"
        start = m.start("title") if title else m.start("name")
        end = m.end("name")
        actor = lex.actors[aid]
        out.append(Mention(start, end, text[start:end], aid, actor.camp, actor.name,
                           "alias" if how == "anaphor" else how))  # the tables' how values stay as they were
    return out
