"""Speakers named by a description ("the ministry", "a source at Aleppo Police Command"), resolved
from the context (Poesio & Vieira 1998 on definite descriptions) or from the words of the phrase."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import Sequence

from .names import _Who

# Role nouns that name a speaker only through an institution or group ("a second official", "one
# commander", "the volunteers"): the institution is the most recently named actor of the paragraph.
# Bare "sources" are left out: an anonymous source is not presumed to belong to the actor discussed.
_ROLE_HEADS = frozenset("""official officials diplomat diplomats spokesman spokeswoman
spokesperson commander commanders aide aides adviser advisers advisor advisors representative representatives
envoy volunteer volunteers fighter fighters member members""".split())
# Nouns that name an actor itself by its kind ("the group", "the monitor", "the ministry").
_KIND_HEADS = {"group": ("organization", "group"), "monitor": ("organization", "group"),
               "organization": ("organization", "group"), "organisation": ("organization", "group"),
               "observatory": ("organization",), "ministry": ("organization",), "agency": ("organization",),
               "tv": ("organization",), "television": ("organization",), "channel": ("organization",),
               "broadcaster": ("organization",), "coalition": ("organization",)}
_DEFINITE = frozenset("the this these that those".split())
_NAMED_HEADS = frozenset({"observatory", "coalition"})
# Titles a definite description may use for the person last named with them ("the secretary").
_PERSON_TITLE_HEADS = frozenset("""president secretary senator general envoy ambassador governor
chairman premier""".split())
_MEDIA_HEADS = frozenset({"tv", "television", "channel", "broadcaster"})
_MEDIA_WORDS = ("tv", "television", "channel", "news", "media", "broadcast", "sana", "tass", "ria", "sputnik")
# The country a diplomat is posted to is the host, not the sender ("the ambassador to Turkey").
_HOST = re.compile(r"\b(?:ambassadors?|envoys?|consuls?|emissary|emissaries|representatives?)\s+(?:to|in)\s+"
                   r"(?:the\s+)?$", re.IGNORECASE)
# "the London-based group": the place says where the group sits, not whom it speaks for.
_BASED = re.compile(r"[\w.'\u2019]+(?:\s+[A-Z][\w.'\u2019]*)?-based\b")
_PHRASE_TAIL = re.compile(r"\s*,|\s+(?:who|which|familiar|speaking|close|in|of|at|from|with|for|on|to|"
                          r"based)\b")


@dataclass(frozen=True)
class _Anchor:
    """An actor named in the text (mention, place, or resolved speaker) that a description may refer to."""

    start: int
    actor: str | None
    camp: str
    kind: str
    text: str
    who: _Who | None
    head: str | None = None
    written: str = ""  # the words of the mention or speaker phrase as the article has them


_CORE_WORD = re.compile(r"[\w'-]+")


def _core(t: str, s: int, e: int) -> tuple[list[str], int]:
    """Words of a speaker phrase before its post-modifiers, lower-case, and the end of that core."""
    m = _PHRASE_TAIL.search(t, s, e)
    end = m.start() if m else e
    return [w.lower() for w in _CORE_WORD.findall(t, s, end)], end


def _head(words: list[str]) -> str | None:
    return words[-1].removesuffix("'s") if words else None


def _in_context(t: str, who: _Who, para_start: int, anchors: list[_Anchor], history: list[_Who], lexicon) -> _Who:
    """Resolve a descriptive speaker phrase from the context (Poesio & Vieira 1998 on definite descriptions).

    Following the definite-description resolution of Poesio & Vieira ("A corpus-based investigation of
    definite description use", Computational Linguistics 24(2), 1998), a description whose head noun
    names its antecedent is linked to the closest earlier actor with that head; a role noun without an
    affiliation ("a second official") takes the camp of the actor last named in its paragraph:

    * a place or institution inside the phrase ("officials in Washington", "a source in the ministry");
    * a definite description ("the minister", "the diplomat", "the group"): the last earlier speaker
      with the same head noun, else the last actor of the matching kind (a person titled minister, an
      organisation named ...Ministry, an organisation or group for group/monitor);
    * a possessive ("the group's commander") inherits the camp of its possessor;
    * a bare role noun ("one official", "The volunteers"): the last actor before it in the paragraph
      with the same head noun, else the last speaker, else the last actor named (organisations and
      groups stand for themselves; a person for the camp's generic actor).

    Phrases with a named camp are returned unchanged, as are those the context does not resolve.
    """
    if who.camp not in (None, "unnamed") or not hasattr(lexicon, "camp_generic"):
        return who
    institution = _institutional(t, who, lexicon)
    if institution is not None:
        return institution
    if not anchors:
        return who
    s, e = who.span
    words, core_end = _core(t, s, e)
    head = _head(words)
    if head is None:
        return who
    inside = [a for a in anchors if s <= a.start < e and a.camp != "unnamed" and not _HOST.search(t, s, a.start)
              and not _BASED.match(t, a.start)]
    if inside:
        return _as_member(who, inside[0], lexicon)
    voice = _STATE_VOICE.search(" ".join(words))
    if voice:
        state = _state_of_text(anchors, s, armed=_ARMED.search(voice.group()) is not None)
        if state is not None:
            return _as_member(who, state, lexicon)
    tail = re.search(r"\b(?:in|at|of|from)\s+the\s+(ministry|group|agency|monitor|observatory|coalition)\b",
                     t[core_end:e], re.I)
    if tail:
        found = _described(tail.group(1).lower(), [tail.group(1).lower()], s, anchors, history)
        if found is not None:
            return _as_member(who, found, lexicon)
    part = re.match(r"(?i)(?:one|some|two|three|several|many|most|none|another)\s+of\s+(?:the|these|those)\s+"
                    r"((?:[\w'-]+\s+){0,2}[\w'-]+)$", t[s:e].strip())
    if part:  # "one of the officials": a member of the group last described so
        rest = ["the"] + part.group(1).lower().split()
        found = _described(rest[-1], rest, s, anchors, history)
        if found is not None:
            return _as_member(who, found, lexicon)
    poss = next((n for n, w in enumerate(words) if w.endswith("'s") and n + 1 < len(words)), None)
    if poss is not None and words[0] in _DEFINITE:
        found = _described(words[poss][:-2], words[:poss + 1], s, anchors, history)
        if found is not None:
            return _as_member(who, found, lexicon)
    if words in (["a", "monitor"], ["a", "monitoring", "group"]):
        # the wire phrase for a war monitor named elsewhere in the article ("the Syrian Observatory,
        # a Britain-based monitor"): the monitor or observatory it names, before or after
        monitors = [a for a in anchors if a.camp != "unnamed" and a.kind == "organization"
                    and re.search(r"monitor|observatory", a.text, re.I)]
        before = [a for a in monitors if a.start < s]
        found = (before[-1:] or [a for a in monitors if a.start >= e][:1] or [None])[0]
        if found is not None:
            return _as_member(who, found, lexicon, itself=True)
    if words[0] in _DEFINITE:
        found = _described(head, words, s, anchors, history)
        if found is not None:
            return _as_member(who, found, lexicon, itself=True)
    if head in _ROLE_HEADS:
        before = [a for a in anchors if para_start <= a.start < s and a.camp != "unnamed"]
        same = [a for a in before if a.head in (head, head + "s", head[:-1])]
        spoke = [a for a in before if a.who is not None]
        if before:
            return _as_member(who, (same or spoke or before)[-1], lexicon)
    return who


# Institutional anonymous sources: "a source at Aleppo Police Command", "Army sources in Syria",
# "a Syrian military source", "a senior Russian official". The speaker speaks for a state body named
# by its nationality, or for a body of the Syrian state named by a Syrian city or governorate.
_SOURCE_HEAD = (r"(?:sources?|officials?|officers?|spokes(?:man|woman|person)|commanders?|diplomats?|"
                r"representatives?|envoys?|director|head|chief)")
_STATE_BODY = (r"(?:police|army|military|armed\s+forces|command|ministry|directorate|governorate|security|"
               r"intelligence|interior|government|air\s+force|navy|defen[cs]e|forces|authorities)")
_CAMP_ADJ = {"Syrian": "syria_government", "Syria": "syria_government", "Russian": "russia", "Russia": "russia",
             "Iranian": "iran", "Iran": "iran", "Turkish": "turkey", "Turkey": "turkey", "American": "us",
             "U.S.": "us", "US": "us"}
# Cities and governorates of Syria whose police, army command or directorates belong to the state
# (Idlib is left out: its directorates were run by the opposition from 2015).
_SYRIAN_PLACES = (r"Syria|Aleppo|Damascus|Homs|Hama|Latakia|Lattakia|Tartus|Tartous|Deir\s+Ezzor|Deir\s+ez-Zor|"
                  r"Deir\s+al-Zor|Daraa|Deraa|Raqqa|Hasaka|Hasakah|Hassakeh|Sweida|Suwayda|Quneitra|Qamishli|Palmyra")
_OPPOSITION_MARK = re.compile(r"\b(?:opposition|rebels?|rebel-held|revolutionary|Free|free|interim|insurgents?|"
                              r"activists?|Kurdish|SDF|YPG|Observatory)\b")
_ADJ_SOURCE = re.compile(
    rf"^(?:(?i:an?|the|one|two|several|some|other|another|senior|top|high-ranking|informed)\s+)*"
    rf"(?P<adj>Syrian|Russian|Iranian|Turkish|American|U\.S\.|US)\s+"
    rf"(?:(?:senior|top|high-ranking|military|security|army|government|defen[cs]e|field|intelligence|police|"
    rf"diplomatic|informed|official|state)\s+)*(?P<head>{_SOURCE_HEAD})\b")
_AT_BODY = re.compile(
    rf"\b{_SOURCE_HEAD}\s+(?:at|in|from|with|of|within|inside)\s+(?:the\s+)?(?P<body>[^,;:]{{0,60}})", re.I)
_BODY_CAMP = re.compile(rf"\b(?P<adj>Syrian|Syria|Russian|Russia|Iranian|Iran|Turkish|Turkey|American|U\.S\.|US)\b"
                        rf"|\b(?P<place>{_SYRIAN_PLACES})\b")
_QUALIFIED_SOURCE = re.compile(rf"\b{_STATE_BODY}\s+{_SOURCE_HEAD}\b", re.I)


def _institutional(t: str, who: _Who, lexicon) -> _Who | None:
    """The state body an anonymous source speaks for, from the words of its phrase, else ``None``.

    * a nationality adjective before the role noun: "a Syrian military source", "a senior Russian
      official" -> that country's camp (its generic actor);
    * a role noun "at/in/from" a state body: "a source at Aleppo Police Command", "a medical source at
      Homs Health Directorate", "Army sources in Syria" -> the camp of the country the body's name or
      place gives (a Syrian city or governorate gives the Syrian state).

    Phrases marking the opposition ("a Free Army source", "rebel sources in Aleppo") are left alone.
    """
    s, e = who.span
    phrase = t[s:e].strip()
    if not phrase or phrase[0].isupper() and _NAME_LEAD.match(phrase):
        return None
    if _OPPOSITION_MARK.search(phrase):
        return None
    camp = None
    m = _ADJ_SOURCE.match(phrase)
    if m:
        bare = m.end("adj") + 1 == m.start("head")
        # "a Syrian source", "Syrian commanders" name no side; "a Syrian military source" does
        if not (bare and re.match(r"sources?|commanders?", m.group("head"))):
            camp = _CAMP_ADJ[m.group("adj")]
    else:
        at = _AT_BODY.search(phrase)
        if at:
            body = at.group("body")
            qualified = _QUALIFIED_SOURCE.search(phrase[:at.start("body")])
            if re.search(rf"\b{_STATE_BODY}\b", body, re.I) or qualified:
                place = _BODY_CAMP.search(body)
                if place:
                    camp = _CAMP_ADJ[place.group("adj")] if place.group("adj") else "syria_government"
    if camp is None:
        # "an Aleppo Police Command source": a state body qualifying the role noun, its place before it
        qualified = _QUALIFIED_SOURCE.search(phrase)
        place = _BODY_CAMP.search(phrase[:qualified.start()]) if qualified else None
        if place:
            camp = _CAMP_ADJ[place.group("adj")] if place.group("adj") else "syria_government"
    if camp is None or camp not in lexicon.camp_generic:
        return None
    actor = lexicon.camp_generic[camp]
    return _Who(who.name, actor, camp, who.gender, who.plural, who.span)


# A phrase opening with a capitalised name that is not a determiner or a nationality ("Jane Roe, a source").
_NAME_LEAD = re.compile(r"(?!(?:The|A|An|One|Two|Several|Some|Other|Another|Senior|Top|Informed|Syrian|Russian|"
                        r"Iranian|Turkish|American|U\.S\.|US|Army|Military|Security|Police|Medical|Government)\b)"
                        r"[A-Z][a-z]+\s+[A-Z]")


# Governments whose unnamed ministry ("the foreign ministry") a description may stand for, when it
# was named (or its capital or country used for it) within this many characters before.
_GOVERNMENTS = frozenset("""syrian_government russian_government us_government iran_government
turkey_government""".split())
_MINISTRY_CHARS = 600


# A state's own voice named without its state: "state media", "State television", "officials cited by state
# media", "the army", "a military source", "the government". The state is the one the text has named most
# before the phrase (the nearest of those tied), read from the text, not from the outlet; no state named:
# left unresolved. "the government" found on real-quotes dev (a Sputnik article on Syria, articles 1-15).
_STATE_VOICE = re.compile(r"(?:^|\s)(?:state(?:-run)?\s+(?:media|television|tv|news\s+agency|broadcaster|news)"
                          r"|(?:the|a|an)\s+(?:army|government|military\s+sources?|army\s+sources?))$")
_STATE_CAMPS = frozenset("syria_government russia turkey iran us".split())
_ARMED = re.compile(r"\b(?:army|military)\b")
_FORCE = re.compile(r"\b(?:army|military|forces|troops|soldiers)\b", re.I)


def _state_of_text(anchors: list[_Anchor], pos: int, armed: bool = False) -> _Anchor | None:
    """The last mention, before ``pos``, of the state camp the text names most before ``pos``; for an ``armed``
    voice ("the army", "a military source") the last state force named before it ("the Syrian army",
    "government troops"), when there is one: the army of the text is the one it has named, not the most
    named state's."""
    earlier = [a for a in anchors if a.start < pos and a.camp in _STATE_CAMPS and a.who is None]
    if not earlier:
        return None
    forces = [a for a in earlier if _FORCE.search(a.written or a.text)] if armed else []
    if forces:
        return forces[-1]
    counts: dict[str, int] = {}
    for a in earlier:
        counts[a.camp] = counts.get(a.camp, 0) + 1
    top = max(counts.values())
    best = next(a.camp for a in reversed(earlier) if counts[a.camp] == top)
    return next(a for a in reversed(earlier) if a.camp == best)


def _described(head: str, words: list[str], pos: int, anchors: list[_Anchor], history: list[_Who]) -> _Anchor | None:
    """The antecedent of a definite description with this head noun, before ``pos``."""
    earlier = [a for a in anchors if a.start < pos]
    same = [a for a in earlier if a.who is not None and a.head in (head, head + "s", head[:-1])]
    if same and head not in _KIND_HEADS:
        return same[-1]
    earlier = [a for a in earlier if a.camp != "unnamed"]
    later = [a for a in anchors if a.start >= pos and a.camp != "unnamed" and a.who is None]
    if head == "minister":
        people = [a for a in earlier if a.kind == "person" and "minister" in a.text.lower()]
        return people[-1] if people else None
    if head in _PERSON_TITLE_HEADS:  # "the secretary": the last person the article so titled
        title = re.compile(rf"\b{head}\b")
        people = [a for a in earlier if a.kind == "person" and title.search(a.written.lower())]
        return people[-1] if people else None
    kinds = _KIND_HEADS.get(head)
    qual = [w for w in words if w not in _DEFINITE and w != head and w[:1].isalpha()]
    if kinds is None:
        # "the task force" after "the Combined Joint Task Force": the last actor mentioned with this
        # head noun and every other word of the description (Poesio & Vieira's same-head antecedent)
        named = [a for a in earlier if a.who is None and a.head == head
                 and all(re.search(rf"\b{re.escape(w)}\b", a.written.lower()) for w in qual)]
        return named[-1] if named else None
    def fit(a: _Anchor) -> bool:
        if a.kind not in kinds:
            return False
        low = a.text.lower()
        if head == "ministry":
            return all(w in low for w in qual + ["ministry"])
        if head in _NAMED_HEADS:  # "the observatory", "the coalition" name only an actor called so
            return head in low
        if head in _MEDIA_HEADS:  # "the TV", "the channel": a broadcaster or news agency
            return any(w in low for w in _MEDIA_WORDS)
        return True

    fits = [a for a in earlier if fit(a)]
    if not fits and head == "ministry":
        # "Iran backed ... the foreign ministry said": the ministry of the government last named nearby
        fits = [a for a in earlier if a.actor in _GOVERNMENTS and pos - a.start <= _MINISTRY_CHARS]
    spoke = [a for a in fits if a.who is not None]
    # a caption may describe the institution before the body names it
    return (spoke or fits or [a for a in later if fit(a)][:1] or [None])[-1]


@functools.lru_cache(maxsize=4096)
def _phrase_head(phrase: str) -> str | None:
    """The head noun of a mention or speaker phrase (cached: an article names its actors many times)."""
    return _head(_core(phrase, 0, len(phrase))[0])


def _as_member(who: _Who, anchor: _Anchor, lexicon, itself: bool = False) -> _Who:
    """``who`` speaking for ``anchor``: its actor when an institution or group (or ``itself``), else its camp."""
    if itself and anchor.who is not None:
        return _Who(anchor.who.name, anchor.who.actor, anchor.who.camp, anchor.who.gender, anchor.who.plural, who.span)
    if itself or anchor.kind in ("organization", "group", "generic") or anchor.actor is None:
        actor = anchor.actor
    else:
        actor = lexicon.camp_generic.get(anchor.camp, anchor.actor)
    if itself and actor is not None and actor in lexicon.actors:
        name = lexicon.actors[actor].name
    else:
        name = who.name
    return _Who(name, actor, anchor.camp, who.gender, who.plural, who.span)


# Antecedents of a descriptive speaker are looked for this many characters around it.
_CONTEXT_CHARS = 6000


def _covered(mentions: Sequence, starts: list[int], pos: int) -> bool:
    """True when a mention (sorted, disjoint) covers ``pos``."""
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and pos < mentions[i].end


def _anchors(mentions: Sequence, actors_by_id: dict, lexicon) -> list[_Anchor]:
    """Mentions and places of lexicon actors as anchors (speakers are added during extraction)."""
    out = []
    for mn in mentions:
        actor = getattr(lexicon, "actors", {}).get(mn.actor)
        if actor is None:
            continue
        text = " ".join([mn.text, actor.name, *actor.titles])
        out.append(_Anchor(mn.start, mn.actor, mn.camp, actor.kind, text, None, _phrase_head(mn.text), mn.text))
    return out


def _speaker_anchor(t: str, who: _Who, lexicon) -> _Anchor:
    actor = getattr(lexicon, "actors", {}).get(who.actor)
    kind = actor.kind if actor is not None else "person"
    text = t[who.span[0]:who.span[1]]
    titles = " ".join(actor.titles) if actor is not None else ""
    return _Anchor(who.span[0], who.actor, who.camp or "unnamed", kind, f"{text} {titles}".strip(), who,
                   _phrase_head(text), text)
