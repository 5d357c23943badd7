"""Quote extraction and speaker attribution for news text, and quote share per actor or camp.

The extractor is rule-based, in the tradition of the quotation extractors of the Gender Gap
Tracker (Asr et al. 2021, "The Gender Gap Tracker", PLOS ONE) and of Pareti's attribution work on
PARC (Pareti 2016, "PARC 3.0: A corpus of attribution relations", LREC): an attribution is a
*cue* (a reporting verb from ``lexicons/verbs.yml``, or "according to"), a *source* (the speaker
mention) and a *content* span. It works on :func:`toolkit.text.normalize_quotes` text (same
length, so offsets index the raw text) and proceeds paragraph by paragraph:

1. Quotation marks are paired within the paragraph. An unclosed mark ends at the paragraph end
   (the news convention for a quote that runs on into the next paragraph, which then opens with a
   mark), so an unbalanced mark can never swallow the rest of an article.
2. Sentences (syntok) are merged where a quotation crosses their boundary, giving *units*.
3. One compiled regular expression finds every cue in a unit. Around each cue, token patterns
   find the speaker (the subject noun phrase before the verb, the inverted ``"...," said X``, an
   apposition ``X, a spokesman, said``, the object of "according to") and the content (the
   clause after the cue, or the quotation/clause before ``, X said.``).
4. Quotations left without a cue inherit the previous attribution when they fill their sentence
   (continuation quotes); short unattributed ones (scare quotes, titles) are not quotes.
5. Pronoun speakers ("he said") are resolved to the most recent compatible speaker or actor
   mention (gender and number from the actor lexicon, titles, or the noun's plural ending).

Kinds: ``direct`` (the content is a quotation), ``mixed`` (a paraphrase with a quoted fragment),
``indirect`` (reported speech without marks). Records never overlap; nested attributions
("Reuters reported a source said ...") keep the innermost one.
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

import pandas as pd

from ..lexicon import DEFAULT_DIR, FileCache, LexiconError, check_forms, line_of, load_yaml, require
from ..records import RecordList
from ..text import normalize_quotes, paragraphs, sentences, trie_regex
from ..vocab import STANCES

__all__ = ["Quote", "Verbs", "load_verbs", "extract_quotes", "quote_share"]

DEFAULT_VERBS = DEFAULT_DIR / "verbs.yml"


@dataclass(frozen=True)
class Quote:
    """One attributed statement; offsets index the text given to :func:`extract_quotes`."""

    start: int
    end: int
    text: str
    kind: str
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    stance: str | None
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    actor: str | None
    camp: str | None
    section: str


# --------------------------------------------------------------------------------------------
# Attribution verbs
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Verbs:
    """Attribution cues: surface form -> stance, the forms that need a complement, one regex."""

    stance: Mapping[str, str]
    weak: frozenset
    nounlike: frozenset
    pattern: re.Pattern
    path: str

    def stance_of(self, cue: str) -> str | None:
        """Stance class of a cue as written (case-insensitive), or ``None`` if unknown."""
        return self.stance.get(cue.lower())


_SIBILANT = re.compile(r"(?:s|sh|ch|x|z)$")
_CONS_Y = re.compile(r"[^aeiou]y$")


def _inflect(lemma: str) -> list[str]:
    """Regular English inflections of a (possibly multi-word) verb: base, -s, -ed, -ing."""
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
    return [w + rest for w in (first, third, past, ing)]


def _parse_verbs(path: Path, raw: bytes | None = None) -> tuple[dict[str, str], dict[str, str], set[str], int]:
    """Read and validate one verbs file: (form -> stance, form -> lemma, weak lemmas, line of its top)."""
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
                lemma, surface = item, _inflect(item.strip().lower())
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
    return forms, lemmas, {w.strip().lower() for w in weak}, line_of(data, 1)


# Base and present forms of every verb but these double as nouns ("the claim", "a report").
_STRONG_BASE = {"say", "tell"}


# Verbs built, keyed on the files' bytes: an edited file is read again, an unchanged one is not.
_VERBS = FileCache(maxsize=16)


def _build_verbs(raws: dict[Path, bytes], path: Path | None, extend: bool) -> Verbs:
    if path is None or extend:
        forms, lemmas, weak_lemmas, line = _parse_verbs(DEFAULT_VERBS, raws[DEFAULT_VERBS])
    else:
        forms, lemmas, weak_lemmas, line = {}, {}, set(), 1
    if path is not None:
        f2, l2, w2, line = _parse_verbs(path, raws[path])
        forms.update(f2)
        lemmas.update(l2)
        weak_lemmas |= w2
    if not forms:
        raise LexiconError(path or DEFAULT_VERBS, line, "no attribution verbs defined")
    weak, nounlike = set(), set()
    for form, lemma in lemmas.items():
        head = lemma.split()[0]
        base_like = form.split()[0] in (head, _inflect(head)[1])
        if base_like and head not in _STRONG_BASE and " " not in lemma:
            nounlike.add(form)
        if lemma in weak_lemmas or form in nounlike:
            weak.add(form)
    alternation = trie_regex(forms, lambda ch: r"\s+" if ch == " " else re.escape(ch))
    pattern = re.compile(rf"(?<![\w-])(?:{alternation}|According\s+to)(?![\w-])")
    return Verbs(stance=dict(forms), weak=frozenset(weak), nounlike=frozenset(nounlike), pattern=pattern, path=str(path or DEFAULT_VERBS))


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


# --------------------------------------------------------------------------------------------
# Tokens and word classes used by the speaker/content patterns
# --------------------------------------------------------------------------------------------

_ABBR = r"(?:Sen|Rep|Gov|Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|Capt|Adm|Maj|Prof|Jr|Sr|St|Rev|Sec|Gens|Reps|Sens|Amb|Cmdr|Supt)\."
_TOK = re.compile(rf"{_ABBR}|\w+(?:[-'.&]\w+)*(?:\.(?<=[A-Z]\.))?|[^\w\s]")

_SKIP_BEFORE = frozenset("""also has have had will would could may might should must can later previously again then
recently repeatedly publicly privately reportedly once first further earlier often did does do not never long still
just always already even only simply flatly quickly initially separately subsequently now since too he's she's
's n't has've""".split())
_BE = frozenset("is was were are be been being am".split())
_NP_STOP = frozenset("""that and but or which who whom whose when while as because if after before although though
since so where whereas than what how why whether nor yet unless until said says told""".split())
_PRONOUNS = {"he": ("m", False), "she": ("f", False), "they": (None, True), "it": (None, False),
             "i": (None, False), "we": (None, True)}
_FWD_STOP = frozenset("""who which that in on at during from after before while when as to with adding saying
because according of told via for about last this yesterday today tonight earlier later""".split())
_VERBISH = frozenset("is was were are will would has have had could can should may might be been do does did".split())
_TIME_PREP = frozenset("""in on at during from after before via while through with to for last this earlier later
yesterday today tonight monday tuesday wednesday thursday friday saturday sunday""".split())
_TELL_OBJ = frozenset("""reporters journalists me us him her them lawmakers supporters voters viewers listeners
students donors attendees members senators delegates audiences""".split())
_INTRO = frozenset("""but and so yet in on at during after before when while as even then also still though although
since because if later earlier meanwhile however instead indeed last this on""".split())
_DET = frozenset("""the a an his her their its our my your these those this that such new recent earlier latest media
news any no some many several other all both each every own""".split())
_WORDS = re.compile(r"\w+")
_ASIDE = frozenset("however though too also nonetheless nevertheless meanwhile moreover".split())
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


def _tokens(t: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOK.finditer(t, start, end)]


def _is_word(tok: str) -> bool:
    return tok[0].isalnum() or tok[0] == "_"


# --------------------------------------------------------------------------------------------
# Quotation marks and units
# --------------------------------------------------------------------------------------------


def _quote_pairs(t: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """Pairs of double quotation marks in ``t[start:end]``: (open mark, close mark or end, closed)."""
    marks = [m.start() for m in re.finditer('"', t[start:end])]
    pairs = []
    for i in range(0, len(marks), 2):
        o = start + marks[i]
        if i + 1 < len(marks):
            pairs.append((o, start + marks[i + 1], True))
        else:
            pairs.append((o, end, False))
    return pairs


def _pair_before(pairs: list[tuple[int, int, bool]], starts: list[int], pos: int) -> tuple[int, int, bool] | None:
    """The last pair opening before ``pos`` (pairs are sorted and disjoint, so only it can enclose ``pos``)."""
    i = bisect.bisect_left(starts, pos) - 1
    return pairs[i] if i >= 0 else None


def _pairs_in(pairs: list, starts: list[int], s: int, e: int) -> list:
    """Pairs whose opening mark lies in ``[s, e)``."""
    return pairs[bisect.bisect_left(starts, s):bisect.bisect_left(starts, e)]


def _units(t: str, para_start: int, para_end: int, pairs: list[tuple[int, int, bool]],
           starts: list[int]) -> list[tuple[int, int]]:
    """Sentences of a paragraph, merged where a quotation crosses a sentence boundary."""
    sents = [(para_start + s.start, para_start + s.end) for s in sentences(t[para_start:para_end])]
    units: list[tuple[int, int]] = []
    for s, e in sents:
        prev = _pair_before(pairs, starts, s)
        if units and prev is not None and prev[0] >= units[-1][0] and prev[1] >= s:
            units[-1] = (units[-1][0], e)
        else:
            units.append((s, e))
    return units


# --------------------------------------------------------------------------------------------
# Speaker and content patterns around one cue
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Frame:
    cue: tuple[int, int]
    speaker: tuple[int, int] | None
    content: tuple[int, int]


# Cue words that also modify a noun inside a speaker phrase ("the state news agency").
_CUE_MODIFIERS = frozenset({"state"})


def _np_back(toks, j: int, lo: int, cues=frozenset()) -> int | None:
    """Start index of the noun phrase ending at token ``j`` (walking back), or ``None``."""
    k = j
    while k >= lo and k > j - 12:
        tok = toks[k][2]
        if tok in cues and tok in _CUE_MODIFIERS and k < j and k > lo and _is_word(toks[k - 1][2]) \
                and toks[k - 1][2].lower() not in _NP_STOP:
            k -= 1  # "the state news agency": a cue word modifying the noun after it
            continue
        if not _is_word(tok) or tok.lower() in _NP_STOP or tok in cues:
            if tok in ("who", "whose") and k > lo:  # "the official who spoke ..." -> keep the head noun
                head = _np_back(toks, k - 1, lo, cues)
                if head is not None:
                    return head
            break
        k -= 1
    return k + 1 if k + 1 <= j else None


def _speaker_before(toks, i: int, lo: int, cue_text: str, cues=frozenset()) -> tuple[int, int] | str | None:
    """Speaker token range (start, end inclusive) before cue token ``i``; 'passive' for passives."""
    j = i - 1
    saw_be = False
    while j >= lo and (toks[j][2].lower() in _SKIP_BEFORE or toks[j][2].lower() in _BE
                       or (toks[j][2].islower() and toks[j][2].endswith("ly") and len(toks[j][2]) > 4)
                       or toks[j][2] in ("'",)):
        saw_be |= toks[j][2].lower() in _BE
        j -= 1
    if saw_be and not cue_text.endswith("ing"):
        return "passive"
    # "went on to say", "declined to say"
    if j >= lo and toks[i - 1][2] == "to":
        j = i - 2
        n = 0
        while j >= lo and toks[j][2].islower() and toks[j][2] not in _NP_STOP and n < 4:
            j -= 1
            n += 1
    if j < lo:
        return None
    if toks[j][2] == ")":  # "Sen. X (R-Ariz.) said"
        k = j
        while k >= lo and toks[k][2] != "(":
            k -= 1
        if k <= lo:
            return None
        end = j
        start = _np_back(toks, k - 1, lo, cues)
        return (start, end) if start is not None else None
    if toks[j][2] == ",":  # apposition "Peskov, Putin's spokesman, said" or ", however, said"
        k = j - 1
        while k >= lo and toks[k][2] not in (",", '"', "(", ")", ";", ":") and k > j - 16:
            k -= 1
        if k < lo or toks[k][2] != ",":
            return None
        chunk = toks[k + 1:j]
        if not chunk:
            return None
        if len(chunk) <= 3 and all(c[2].islower() for c in chunk):  # ", however," / ", in turn,"
            return _speaker_before(toks, k, lo, cue_text, cues)
        # "Rep. Dora Penn, D-Ore., speaking on a morning show, said": the name is before the party tag
        tag = _party_tag_before(toks, k - 1, lo)
        start = _np_back(toks, tag - 2, lo, cues) if tag is not None else _np_back(toks, k - 1, lo, cues)
        if start is None or (k - 1 >= lo and toks[k - 1][2] == '"'):
            return None
        return (start, j - 1)
    start = _np_back(toks, j, lo, cues)
    return (start, j) if start is not None else None


def _party_tag_before(toks, p: int, lo: int) -> int | None:
    """Index of a party-and-state tag ("R-Utah", "D-Ore" ".") ending at token ``p`` and preceded by
    an apposition comma with a name before it, else None."""
    if p >= lo and toks[p][2] == "." and p - 1 >= lo:
        p, text = p - 1, toks[p - 1][2] + "."
    else:
        text = toks[p][2] if p >= lo else ""
    if _PARTY_STATE.fullmatch(text) and p - 2 >= lo and toks[p - 1][2] == ",":
        return p
    return None


def _speaker_after(toks, i: int, hi: int) -> tuple[int, int] | None:
    """Speaker of an inverted cue ('"...," said Putin'): token range after cue token ``i``."""
    k = i + 1
    if k >= hi or toks[k][2].lower() in _FWD_STOP or toks[k][2].lower() in _TIME_PREP \
            or toks[k][2].lower() in ("over", "about", "of", "by", "into"):
        return None  # '..., legal director, said over the phone': not inverted
    while k < hi and k <= i + 10:
        tok = toks[k][2]
        if not _is_word(tok) or (tok.lower() in _FWD_STOP and k > i + 1):
            break
        if tok.lower() in _VERBISH:
            return None
        k += 1
    if k == i + 1:
        return None
    if k < hi and toks[k][2] not in (",", ".", ";", "(", ":", "!", "?", '"', "-", "--") and toks[k][2].lower() not in _FWD_STOP:
        return None
    return (i + 1, k - 1)


def _skip_object(toks, k: int, hi: int) -> int:
    """Skip the indirect object of 'told' ('told CNN', 'told the Associated Press', 'told reporters')."""
    if k >= hi:
        return k
    tok = toks[k][2]
    if tok.lower() in _TELL_OBJ:
        return k + 1
    if tok.lower() in ("the", "a", "an"):
        m = k + 1
        if m < hi and toks[m][2][:1].islower() and toks[m][2] not in _NP_STOP:  # "told the paper"
            return m + 1
        while m < hi and m < k + 6 and _is_word(toks[m][2]) and toks[m][2][0].isupper():
            m += 1
        return m
    if tok[0].isupper() and tok.lower() not in _PRONOUNS:
        m = k
        while m < hi and toks[m][2][0].isupper() and _is_word(toks[m][2]) and toks[m][2].lower() not in _PRONOUNS:
            m += 1
        # "told Fox Iranians had ...": the last capitalised word is the subject of the content
        if m - k >= 2 and m < hi and toks[m][2].lower() in _VERBISH:
            return m - 1
        return m
    return k


def _content_after(toks, k: int, hi: int, weak: bool, cues=frozenset()) -> int | None:
    """Token index where the content after a cue starts, or ``None`` if nothing reportable follows."""
    # a 'that' within reach (after "in a statement", "on Thursday") opens the complement
    reach = 10 if k < hi and (toks[k][2] == "that" or toks[k][2].lower() in _TIME_PREP) else 0
    for m in range(k, min(hi, k + reach)):
        tok = toks[m][2]
        if tok == "that":
            return m + 1 if m + 1 < hi else None
        if tok in (",", ";", '"', "(", ":") or tok in cues or (tok.lower() in _NP_STOP and tok.lower() not in _TIME_PREP):
            break  # "told reporters after the talks that ...": a time phrase may come before 'that'
    if k < hi and toks[k][2] in (",", ":") and k + 1 < hi and toks[k + 1][2] == '"':
        return k + 1
    if k < hi and toks[k][2] == '"':
        return k
    if weak:
        return None
    if k < hi and (toks[k][2].lower() in _TIME_PREP or toks[k][2].lower() in _VERBISH or not _is_word(toks[k][2])):
        return None
    return k if hi - k >= 3 else None


# "claim" also heads constructions that report no speech. A cue form of "claim" followed by one of these
# objects is no attribution cue, so it gets no quote and no distancing stance:
# - a death toll: "claimed the lives of", "claimed (more than) 30 lives", "claimed the life of",
#   "claimed thousands of victims" (the subject is an attack or a war, not a speaker);
# - responsibility or credit: "the group claimed responsibility for the blast". That is a speech act,
#   but its object is a noun phrase, not a reported proposition, and the verb is the standard idiom,
#   not the reporter's doubt; "claimed responsibility, saying ..." still yields the quote of "saying".
#   The hedge lexicon decides the same way (hedges.yml: "claim" counts only before "that"/"to").
# Only what follows the cue is read; "X claimed that ...", "X claimed, ..." and "X claimed the rebels
# were ..." stay distancing cues, and so does a clause whose subject is the noun ("claimed lives were
# saved", "claimed responsibility lay with ..."). Limits: a toll written otherwise ("claimed 30 dead")
# is still a cue.
_CLAIM_FORMS = frozenset({"claim", "claims", "claimed", "claiming"})
_CLAIM_NOT_SPEECH = re.compile(
    r"\s+(?:(?:the|their|his|her|its)\s+)?"
    r"(?:(?:more\s+than|at\s+least|nearly|almost|over|some|about|around|up\s+to|another|an\s+estimated)\s+)?"
    r"(?:(?:[\d,.]+|one|two|three|four|five|six|seven|eight|nine|ten|a\s+dozen|dozens|scores|hundreds|thousands|"
    r"millions|many|countless|several|numerous|more|few|innocent|civilian|young|human)\s+)?(?:of\s+)?"
    r"(?:(?:the|more|innocent|civilian|human)\s+)?(?:lives|life|victims?)\b"
    r"(?!\s+(?:were|was|are|is|had|have|has|would|will|could|can|may|might|should|must|lay|lies|rests)\b)"
    r"|\s+(?:(?:full|sole|joint)\s+)?(?:responsibility|credit)\b"
    r"(?!\s+(?:were|was|are|is|had|have|has|would|will|could|can|may|might|should|must|lay|lies|rests)\b)", re.I)


def _introduces_speech(t: str, cue: re.Match) -> bool:
    """Whether a matched cue introduces speech, so that it may carry a stance (see ``_CLAIM_NOT_SPEECH``)."""
    if cue.group().lower() not in _CLAIM_FORMS:
        return True
    return _CLAIM_NOT_SPEECH.match(t, cue.end()) is None


def _frames(t: str, us: int, ue: int, cues: list[re.Match], verbs: Verbs) -> list[_Frame]:
    """Attribution frames for the cues of one unit."""
    toks = _tokens(t, us, ue)
    if not toks:
        return []
    index = {s: n for n, (s, _e, _w) in enumerate(toks)}
    hi = len(toks)
    frames: list[_Frame] = []
    for m in cues:
        i = index.get(m.start())
        if i is None:
            continue
        j_end = i
        while j_end + 1 < hi and toks[j_end + 1][1] <= m.end():
            j_end += 1
        cue_text = m.group().lower()
        if not _introduces_speech(t, m):
            continue  # "the blast claimed the lives of ...", "the group claimed responsibility"
        lemma_weak = cue_text in verbs.weak
        if cue_text.replace("\n", " ").startswith("according"):
            frames.extend(_according(toks, i, j_end, hi, us, ue))
            continue
        prev = toks[i - 1][2] if i > 0 else ""
        # inverted: '"...," said X' or '..., said X.' ("told X": X is the hearer, never the speaker)
        if prev in (",", '"') and i >= 3 and not cue_text.startswith(("told", "tell")):
            sp = _speaker_after(toks, j_end, hi)
            if sp is not None and (prev == '"' or toks[i - 2][2] == '"' or sp[1] + 1 >= hi
                                   or toks[sp[1] + 1][2] in (".", ",", "!", "?")):
                end = toks[i - 1][0]
                frames.append(_Frame((m.start(), m.end()), (toks[sp[0]][0], toks[sp[1]][1]), (us, end)))
                continue
        # participle after a comma: ", adding that ...", ", saying ..."
        if cue_text.endswith("ing") and prev == ",":
            k = j_end + 1
            c = _content_after(toks, k, hi, False)
            if c is not None:
                spk = frames[-1].speaker if frames else _subject(toks, 0, i)
                frames.append(_Frame((m.start(), m.end()), spk, (toks[c][0], ue)))
            continue
        if cue_text in verbs.nounlike and (prev.lower() in _DET or prev.endswith(("ed", "'s")) or prev in verbs.stance):
            continue  # "denied reports that", "the claims that": a noun, not a verb
        sp = _speaker_before(toks, i, 0, cue_text, verbs.stance.keys())
        if sp == "passive" or sp is None:
            continue
        s0, s1 = sp
        if s0 > 0 and toks[s0 - 1][2].lower() in ("than", "what"):
            continue  # "longer than Moscow claimed", "what Moscow said were ...": no reported clause
        k = j_end + 1
        if cue_text.startswith(("told", "tell")):
            k = _skip_object(toks, k, hi)
        before_ok = s0 >= 2 and (toks[s0 - 1][2] == '"' or (toks[s0 - 1][2] in (",", "--", "-")
                                                            and cue_text not in verbs.nounlike))
        tail = k >= hi or toks[k][2] in (".", "!", "?") or (toks[k][2] == "," and not (k + 1 < hi and toks[k + 1][2] == '"')) \
            or (toks[k][2].lower() in _TIME_PREP and not any(tk[2] == "that" for tk in toks[k:k + 10]))
        after_quote = s0 >= 2 and toks[s0 - 1][2] == '"'
        if after_quote and not (k < hi and (toks[k][2] in (":", "that") or toks[k][2] == '"')):
            tail = True  # '"...," he said of the plan' / '..." Christie said when asked'
        if before_ok and tail:
            end = toks[s0 - 1][0] if toks[s0 - 1][2] != '"' else toks[s0 - 1][1]
            if after_quote:  # the quotation that closes right before the speaker, without any lead-in
                opening = max((n for n in range(s0 - 1) if toks[n][2] == '"'), default=None)
                if opening is not None:
                    frames.append(_Frame((m.start(), m.end()), (toks[s0][0], toks[s1][1]), (toks[opening][0], end)))
                    continue
            if (toks[s0 - 1][2] == "," and k < hi and toks[k][2] == "," and hi - k > 3
                    and not toks[k + 1][2].endswith("ing") and toks[k + 1][2] != '"'):
                end = ue  # "The plan, sources said, is to ..." -> the whole sentence
            frames.append(_Frame((m.start(), m.end()), (toks[s0][0], toks[s1][1]), (us, end)))
            continue
        if k + 2 < hi and toks[k][2] == "," and toks[k + 1][2].lower() in _ASIDE and toks[k + 2][2] == ",":
            k += 3  # "acknowledged, however, that ..."
        c = _content_after(toks, k, hi, lemma_weak, verbs.stance.keys())
        if c is None:
            continue
        frames.append(_Frame((m.start(), m.end()), (toks[s0][0], toks[s1][1]), (toks[c][0], ue)))
    return frames


def _according(toks, i: int, j_end: int, hi: int, us: int, ue: int) -> list[_Frame]:
    """'according to X, ...' and '..., according to X.'"""
    k = j_end + 1
    n = k
    while n < hi and toks[n][2] not in (",", ".", ";", '"', "(", ":") and n < k + 12:
        n += 1
    if n == k:
        return []
    speaker = (toks[k][0], toks[n - 1][1])
    cue = (toks[i][0], toks[j_end][1])
    words_before = sum(1 for tk in toks[:i] if _is_word(tk[2]))
    if words_before >= 3:
        end = toks[i - 1][0] if toks[i - 1][2] == "," else toks[i][0]
        if n < hi and toks[n][2] == "," and hi - n > 4:  # "X, according to Y, is ..." -> the whole sentence
            end = ue
        return [_Frame(cue, speaker, (us, end))]
    if n < hi and toks[n][2] == "," and hi - n > 3:
        return [_Frame(cue, speaker, (toks[n + 1][0], ue))]
    return []


# A quoted fragment of at least this many words in a sentence without a cue is attributed to the
# sentence subject ('X called the deal "the worst ..."'); shorter ones are scare quotes or titles.
# Chosen on PolNeAR train (4: F1 .788, 6: .788; speaker accuracy rises with the threshold).
_FRAGMENT_WORDS = 5


def _subject_span(t: str, us: int, ue: int) -> tuple[int, int] | None:
    toks = _tokens(t, us, ue)
    return _subject(toks, 0, len(toks))


def _subject(toks, lo: int, hi: int) -> tuple[int, int] | None:
    """Rough sentence subject: the first pronoun, or up to four words before the first verb-like word."""
    k = lo
    while k < hi and not _is_word(toks[k][2]):
        k += 1
    if k < hi and toks[k][2].lower() in _INTRO:  # "In a speech on Monday, ..." / "But even then, ..."
        comma = next((n for n in range(k, min(hi, k + 12)) if toks[n][2] == ","), None)
        k = comma + 1 if comma is not None else k + 1
        while k < hi and (not _is_word(toks[k][2]) or toks[k][2].lower() in _INTRO):
            k += 1
    if k >= hi:
        return None
    if toks[k][2].lower() in _PRONOUNS:
        return (toks[k][0], toks[k][1])
    e = k
    while e + 1 < min(hi, k + 4) and _is_word(toks[e + 1][2]) and toks[e + 1][2].lower() not in _VERBISH \
            and not toks[e + 1][2].endswith("ed"):
        e += 1
    return (toks[k][0], toks[e][1])


# --------------------------------------------------------------------------------------------
# Speaker names, actors and pronoun resolution
# --------------------------------------------------------------------------------------------


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
    who = _name_head(t, s, e, mentions, actors_by_id)
    if who.actor is None and hasattr(lexicon, "lookup"):
        actor = lexicon.lookup(t[s:e])
        if actor is not None:
            single = _SINGULAR.match(t, s, e) is not None  # "a Civil Defence volunteer" is one person
            return _Who(who.name if actor.kind == "generic" else actor.name, actor.id, actor.camp,
                        _gender_of(actor), actor.kind not in (None, "person") and not single, (s, e))
    return who


def _name_head(t: str, s: int, e: int, mentions: list, actors_by_id: dict) -> _Who:
    text = t[s:e]
    # a mention heads the speaker phrase when it opens it (after a determiner or title) or an apposition
    inside = [mn for mn in mentions if mn.start >= s and mn.end <= e and t[mn.end:mn.end + 2] not in ("'s",)
              and _opens(t, s, mn.start)]
    inside = [mn for mn in inside if not _ROLE_NEXT.match(t, mn.end)] or inside
    role = _SPEAKER_ROLE.search(text)
    if inside and not (role and inside[-1].start - s > role.start()):
        mn = inside[-1]
        actor = actors_by_id.get(mn.actor)
        kind = getattr(actor, "kind", None)
        return _Who(mn.name or mn.text, mn.actor, mn.camp, _gender_of(actor),
                    kind not in (None, "person") and _SINGULAR.match(t, s, e) is None, (s, e))
    toks = _tokens(t, s, e)
    # drop a trailing parenthetical "(R-Ariz.)"
    if toks and toks[-1][2] == ")":
        cut = max((n for n, tk in enumerate(toks) if tk[2] == "("), default=len(toks))
        toks = toks[:cut]
    words = [tk for tk in toks if _is_word(tk[2]) or tk[2].endswith(".")]
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
        if ((w[0].isupper() and (_is_word(w) or w.endswith(".")) and w not in ("The", "A", "An"))
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
    """True when only a determiner, capitalised titles or an apposition comma precede ``pos`` in ``t[s:pos]``."""
    lead = t[s:pos]
    if "," in lead:
        lead = lead.rsplit(",", 1)[1]
    return all(w[:1].isupper() or w.lower() in ("the", "a", "an") for w in lead.split())


_TITLE_GENDER = {"Mr": "m", "Mrs": "f", "Ms": "f"}
_PARTY_STATE = re.compile(r"[RDI]-[A-Z][A-Za-z.]*")  # a US legislator's party and state: "D-Ore.", "R-Utah"
_SINGULAR = re.compile(r"(?:a|an|one|another)\s", re.I)
# A mention followed by a role noun modifies it ("Peter Cook, the Pentagon press secretary").
_ROLE_NEXT = re.compile(r"(?:'s)?\s+(?:press\s+secretary|spokes(?:man|woman|person)|official|aide|adviser|advisor|"
                        r"envoy|ambassador|commander|representative)\b", re.I)


# Pronoun antecedents: speakers within this many characters, then this many earlier person mentions.
_PRONOUN_CHARS = 1500
_PRONOUN_PEOPLE = 200


def _resolve_pronoun(pron: str, pos: int, history: list[_Who], people: list[tuple[int, _Who]]) -> _Who | None:
    """Most recent compatible speaker (then actor mention) before ``pos`` for a pronoun."""
    gender, plural = _PRONOUNS[pron]
    if pron in ("i", "we"):
        return None

    def fits(w: _Who) -> bool:
        if plural:
            return w.plural or w.actor is not None and w.gender is None
        if pron == "it" and w.actor is not None and w.gender is None and w.name.split() \
                and not _HEADS_PLURAL.match(w.name.split()[-1]):
            return True  # an institution ("SANA ... It added"): kind-plural for "they", singular by name
        if w.plural:
            return False
        if pron == "it":
            return w.gender is None and (w.actor is not None or not w.name[:1].isupper())
        return w.gender in (None, gender)

    for w in reversed(history):
        if w.span[1] <= pos and pos - w.span[1] >= _PRONOUN_CHARS:
            break
        if w.span[1] <= pos and fits(w):
            return w
    i = bisect.bisect_left(people, pos, key=lambda pw: pw[0])
    for p, w in reversed(people[max(0, i - _PRONOUN_PEOPLE):i]):
        if fits(w):
            return w
    return None


# --------------------------------------------------------------------------------------------
# Speakers named by description: resolved from the context
# --------------------------------------------------------------------------------------------

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


def _core(t: str, s: int, e: int) -> tuple[list[str], int]:
    """Words of a speaker phrase before its post-modifiers, lower-case, and the end of that core."""
    m = _PHRASE_TAIL.search(t, s, e)
    end = m.start() if m else e
    return [w.lower() for w in re.findall(r"[\w'-]+", t[s:end])], end


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
    inside = [a for a in anchors if s <= a.start < e and a.camp != "unnamed"]
    if inside:
        return _as_member(who, inside[0], lexicon)
    tail = re.search(r"\b(?:in|at|of|from)\s+the\s+(ministry|group|agency|monitor|observatory|coalition)\b",
                     t[core_end:e], re.I)
    if tail:
        found = _described(tail.group(1).lower(), [tail.group(1).lower()], s, anchors, history)
        if found is not None:
            return _as_member(who, found, lexicon)
    poss = next((n for n, w in enumerate(words) if w.endswith("'s") and n + 1 < len(words)), None)
    if poss is not None and words[0] in _DEFINITE:
        found = _described(words[poss][:-2], words[:poss + 1], s, anchors, history)
        if found is not None:
            return _as_member(who, found, lexicon)
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


# Words that open a speaker span without belonging to it: discourse adverbs, time adverbials, "In a
# statement ...", "Speaking to ...", a broadcaster ending the preceding "Speaking to state TV" in
# punctuation-stripped text, and a dateline "CITY (Agency) -".
_WEEKDAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_LEAD = re.compile(
    r"(?:[A-Z][A-Za-z .,'-]{1,40}\([A-Za-z .]{2,30}\)\s*[-\u2013\u2014]+\s*"
    r"|(?:Meanwhile|However|Separately|Elsewhere|Moreover|Furthermore|Also|And|But|Then|Still|Yet|In\s+addition|"
    r"In\s+turn|For\s+(?:his|her|its|their)\s+part)\b,?\s+"
    r"|(?:(?:Earlier|Later|Late|Early)\s+)?(?:on\s+|On\s+)?(?:" + _WEEKDAYS + r"|in\s+the\s+day|that\s+day|"
    r"this\s+week|last\s+week|today|yesterday|the\s+same\s+day)\b,?\s+"
    r"|(?:Earlier|Later|Previously|Afterwards|Today|Yesterday)\b,?\s+"
    r"|(?:In|On|At|Through)\s+(?:an?|the|his|her|its|their)\s+(?:[\w-]+\s+){0,2}?(?:statement|press\s+release|"
    r"interview|communiqu[e\u00e9]|speech|remarks|briefing|press\s+conference|news\s+conference|report|tweet|"
    r"post|message|letter|address)\b(?:\s+(?:issued|released|published|posted|delivered|given|carried|on|"
    r"to|with|by|late|early|this|last|\w+day)\b)*,?\s+"
    r"|Speaking\s+(?:to|with|at|on|in|after|before)\s+(?:[\w'-]+\s+){0,5}?(?=(?:he|she|they|it|the|a|an)\s|(?:he|she|they|it)$)"
    r"|Speaking\s+(?:to|with)\s+(?:[\w'-]+\s+){0,4}?(?:TV|television|radio|channel|agency|newspaper|reporters|journalists)\s+"
    r"|(?:TV|television|Television|radio|Radio)\s+(?=[A-Z]))")


def _trim_lead(t: str, s: int, e: int) -> int:
    """Start of the speaker span ``t[s:e]`` after leading discourse words and a dateline."""
    while s < e:
        m = _LEAD.match(t, s, e)
        if not m or m.end() >= e:
            return s
        s = m.end()
    return s


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
    if kinds is None:
        return None
    qual = [w for w in words if w not in _DEFINITE and w != head and w[:1].isalpha()]
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
    spoke = [a for a in fits if a.who is not None]
    # a caption may describe the institution before the body names it
    return (spoke or fits or [a for a in later if fit(a)][:1] or [None])[-1]


def _core_of(phrase: str) -> list[str]:
    return _core(phrase, 0, len(phrase))[0]


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
        out.append(_Anchor(mn.start, mn.actor, mn.camp, actor.kind, text, None, _head(_core_of(mn.text)), mn.text))
    return out


def _speaker_anchor(t: str, who: _Who, lexicon) -> _Anchor:
    actor = getattr(lexicon, "actors", {}).get(who.actor)
    kind = actor.kind if actor is not None else "person"
    text = t[who.span[0]:who.span[1]]
    titles = " ".join(actor.titles) if actor is not None else ""
    return _Anchor(who.span[0], who.actor, who.camp or "unnamed", kind, f"{text} {titles}".strip(), who,
                   _head(_core_of(text)), text)


# --------------------------------------------------------------------------------------------
# Extraction
# --------------------------------------------------------------------------------------------


class _Sections:
    """Sections prepared for :func:`_section_at` lookups by binary search (O(log n) per lookup).

    The first section in order with ``start <= pos < end``: among the sections opening at or
    before ``pos`` (a prefix when they are sorted by start), the first whose running maximum end
    passes ``pos``. Sections not sorted by start are scanned as given.
    """

    def __init__(self, sections) -> None:
        self.sections = list(sections or ())
        self.starts = [s.start for s in self.sections]
        self.sorted = all(a <= b for a, b in zip(self.starts, self.starts[1:]))
        self.reach = list(itertools.accumulate((s.end for s in self.sections), max))

    def kind_at(self, pos: int) -> str:
        if not self.sorted:
            return next((s.kind for s in self.sections if s.start <= pos < s.end), "body")
        n = bisect.bisect_right(self.starts, pos)
        i = bisect.bisect_right(self.reach, pos, 0, n)  # first running maximum end beyond pos
        return self.sections[i].kind if i < n else "body"


def _section_at(sections, pos: int) -> str:
    if isinstance(sections, _Sections):
        return sections.kind_at(pos)
    for s in sections or ():
        if s.start <= pos < s.end:
            return s.kind
    return "body"


def _strip(t: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (t[s].isspace() or t[s] in ",;:-"):
        s += 1
    while e > s and (t[e - 1].isspace() or t[e - 1] in ",;:-"):
        e -= 1
    return s, e


def _kind_and_span(t: str, s: int, e: int, pairs, starts: list[int]) -> tuple[str, int, int]:
    """Classify content as direct/mixed/indirect; a content that is one quotation keeps its inside."""
    s, e = _strip(t, s, e)
    inner = [(o, c) for o, c, _ in _pairs_in(pairs, starts, s, e)]
    if not inner:
        return "indirect", s, e
    o, c = inner[0]
    rest_before = t[s:o].strip(" ,:")
    rest_after = t[min(c + 1, e):e].strip(" .,;!?")
    if len(inner) == 1 and not rest_before and not rest_after:
        return ("direct",) + _strip_marks(t, o + 1, c)
    return "mixed", s, e


def _strip_marks(t: str, s: int, e: int) -> tuple[int, int]:
    while s < e and t[s].isspace():
        s += 1
    while e > s and (t[e - 1].isspace() or t[e - 1] in ",;:"):
        e -= 1
    return s, e


_DOUBLED = re.compile(r"''|``")


def _doubled(m: re.Match) -> str:
    """Doubled single marks (``''`` / ````` ``, some wire styles) as one double mark, same length."""
    s = m.string
    opening = m.start() == 0 or s[m.start() - 1].isspace() or s[m.start() - 1] in "([-"
    return ' "' if opening else '" '


class _Holding:
    """``holds(o)``: whether a record appended to ``found`` since index ``first`` spans ``o``
    (``start <= o < end``), for positions asked in increasing order (a paragraph's quotation marks).

    Records are taken in as they are appended, kept in a heap by start until a position reaches
    them, then in a heap by end until positions pass them: each record enters and leaves each heap
    once, so a paragraph of n records costs O(n log n), not a scan of its records per mark. A
    position below the last one asked is answered by the scan.
    """

    def __init__(self, found: list[tuple], first: int) -> None:
        self.found, self.first, self.seen = found, first, first
        self.waiting: list[tuple[int, int]] = []  # (start, end) of records no position has reached
        self.open: list[int] = []  # ends of records a position has reached
        self.last: int | None = None

    def holds(self, o: int) -> bool:
        if self.last is not None and o < self.last:
            return any(f[0] <= o < f[1] for f in self.found[self.first:])
        self.last = o
        for f in self.found[self.seen:]:
            heapq.heappush(self.waiting, (f[0], f[1]))
        self.seen = len(self.found)
        while self.waiting and self.waiting[0][0] <= o:
            heapq.heappush(self.open, heapq.heappop(self.waiting)[1])
        while self.open and self.open[0] <= o:
            heapq.heappop(self.open)
        return bool(self.open)


def extract_quotes(text: str, *, lexicon: Any = None, sections: Sequence | None = None,
                   verbs: Verbs | None = None) -> RecordList:
    """Find direct, mixed and indirect quotes with cue, stance, speaker, actor and camp.

    Args:
        text: article text (raw; curly quotes and non-breaking spaces are handled).
        lexicon: an actor lexicon from ``toolkit.actors.load_actors``; ``None`` loads the default
            when that module is available (speakers are still found without it).
        sections: optional objects with ``start``, ``end``, ``kind`` to fill ``Quote.section``.
        verbs: attribution verbs from :func:`load_verbs` (default list when ``None``).

    Returns:
        A :class:`~toolkit.records.RecordList` of :class:`Quote`, in text order, never overlapping.
    """
    t = _DOUBLED.sub(_doubled, normalize_quotes(text))
    sections = _Sections(sections)  # looked up for every quote: binary search, not a scan
    verbs = verbs or load_verbs()
    lexicon = _default_lexicon() if lexicon is None else lexicon
    found_mentions = _mentions(text, lexicon)
    mentions = [mn for mn in found_mentions if mn.how != "place"]
    mention_starts = [mn.start for mn in mentions]
    actors_by_id = {mn.actor: lexicon.actors[mn.actor] for mn in mentions
                    if mn.actor in getattr(lexicon, "actors", {})}
    people = [(mn.start, _Who(mn.name or mn.text, mn.actor, mn.camp, _gender_of(actors_by_id.get(mn.actor)),
                              getattr(actors_by_id.get(mn.actor), "kind", "person") not in ("person", None),
                              (mn.start, mn.end)))
              for mn in mentions]
    people += [(m.start(), _Who(m.group(), None, None, _TITLE_GENDER.get(m.group("title")), False,
                                (m.start(), m.end())))
               for m in _PERSON_NAME.finditer(t) if not _ORG_WORD.search(m.group())
               and not _covered(mentions, mention_starts, m.start())]
    people.sort(key=lambda pw: pw[0])
    anchors = _anchors(found_mentions, actors_by_id, lexicon)
    anchor_starts = [a.start for a in anchors]

    history: list[_Who] = []

    def resolve(span: tuple[int, int], para_start: int) -> _Who:
        """The speaker of a span: pronouns by antecedent, phrases by name, lexicon and context.

        Leading discourse words and datelines ("Meanwhile", "Earlier in the day", "In a statement",
        "DAMASCUS (SANA) -") are left out of the lookup; the reported span stays as found."""
        ss, se = span
        ss = _trim_lead(t, ss, se)
        word = t[ss:se].lower()
        if word in _PRONOUNS:
            who = _resolve_pronoun(word, ss, history, people)
            return _Who(who.name, who.actor, who.camp, who.gender, who.plural, span) if who else \
                _Who(t[ss:se], None, None, *_PRONOUNS[word], span)
        inside = mentions[bisect.bisect_left(mention_starts, ss):bisect.bisect_left(mention_starts, se)]
        window = anchors[bisect.bisect_left(anchor_starts, ss - _CONTEXT_CHARS):
                         bisect.bisect_left(anchor_starts, se + _CONTEXT_CHARS)]
        who = _in_context(t, _name_of(t, ss, se, inside, actors_by_id, lexicon), para_start, window, history, lexicon)
        who = _Who(who.name, who.actor, who.camp, who.gender, who.plural, (span[0], who.span[1]))
        history.append(who)
        i = bisect.bisect_right(anchor_starts, ss)
        anchors.insert(i, _speaker_anchor(t, who, lexicon))
        anchor_starts.insert(i, ss)
        return who

    found: list[tuple] = []  # (start, end, kind, cue span, speaker span, who)
    last: tuple | None = None  # (cue span, speaker span, who, para index)
    paras = paragraphs(t)
    for pi, para in enumerate(paras):
        pairs = _quote_pairs(t, para.start, para.end)
        starts = [o for o, _c, _closed in pairs]
        units = _units(t, para.start, para.end, pairs, starts)
        para_found = len(found)
        held = _Holding(found, para_found)
        for us, ue in units:
            cues = [m for m in verbs.pattern.finditer(t, us, ue)
                    if (q := _pair_before(pairs, starts, m.start())) is None or q[1] <= m.start()]
            frames = _frames(t, us, ue, cues, verbs) if cues else []
            covered = []
            for fr in frames:
                kind, cs, ce = _kind_and_span(t, fr.content[0], fr.content[1], pairs, starts)
                if len(_WORDS.findall(t, cs, ce)) < (1 if kind == "direct" else 3):
                    continue
                who = resolve(fr.speaker, para.start) if fr.speaker is not None else None
                found.append((cs, ce, kind, fr.cue, fr.speaker, who))
                covered.append((fr.content[0], fr.content[1]))
                last = (fr.cue, fr.speaker, who, pi)
            # quotations no frame covers: continuation quotes inherit the last attribution
            for o, c, _closed in _pairs_in(pairs, starts, us, ue):
                if any(a <= o < b for a, b in covered) or held.holds(o):  # a record of the paragraph holds o
                    continue
                qs, qe = _strip_marks(t, o + 1, c)
                n_words = len(re.findall(r"\w+", t[qs:qe]))
                unit_words = len(re.findall(r"\w+", t[us:ue]))
                if n_words < 4 or n_words < 0.6 * unit_words:
                    if not frames and n_words >= _FRAGMENT_WORDS:  # 'X called the deal "a ... fragment"'
                        subject = _subject_span(t, us, ue)
                        if subject is not None and o <= subject[0] < c:
                            subject = None  # the sentence opens with the quotation: its subject is quoted
                        found.append((qs, qe, "mixed", None, subject, subject and resolve(subject, para.start)))
                    continue
                lead = t[us:o].rstrip()
                if not frames and lead.endswith(":") and _subject_span(t, us, o) is not None:
                    # 'He rejected the reports: "..."': the lead-in's subject speaks
                    subject = _subject_span(t, us, o)
                    who = resolve(subject, para.start)
                    found.append((qs, qe, "direct", None, subject, who))
                    last = (None, subject, who, pi)
                    continue
                if frames:
                    fr = frames[-1]
                    inherit = (fr.cue, fr.speaker, found[-1][5] if found else None, pi)
                elif last is not None and pi - last[3] <= 1 \
                        and _section_at(sections, paras[last[3]].start) == _section_at(sections, o):
                    inherit = last  # never from a caption or title into the body
                else:
                    inherit = None
                if inherit is None:
                    found.append((qs, qe, "direct", None, None, None))
                else:
                    found.append((qs, qe, "direct", inherit[0], inherit[1], inherit[2]))
                    last = (inherit[0], inherit[1], inherit[2], pi)

    return RecordList(_records(text, t, found, verbs, sections))


def _records(text: str, t: str, found: list[tuple], verbs: Verbs, sections) -> list[Quote]:
    """Drop overlaps (keep the innermost attribution) and build :class:`Quote` records."""
    found = sorted(found, key=lambda f: (f[0], -(f[1] - f[0])))
    kept: list[tuple] = []
    for f in found:
        if kept and f[0] < kept[-1][1]:
            prev = kept[-1]
            inner_cue = f[3] is not None and prev[0] <= f[3][0] < prev[1]
            if inner_cue and f[3][0] >= f[1] and f[4] is not None and prev[3] is not None and prev[3][0] < f[0]:
                # 'X went on to say "...," CNN reported.': X keeps the quote, the outlet's frame goes
                end = _strip(t, prev[0], f[4][0])[1]
                kept[-1] = (prev[0], end) + prev[2:]
                continue
            if inner_cue or (prev[3] is None and f[3] is not None):
                kept[-1] = f
            continue
        kept.append(f)
    out = []
    for s, e, kind, cue, speaker, who in kept:
        cue_text = t[cue[0]:cue[1]] if cue else None
        out.append(Quote(
            start=s, end=e, text=text[s:e], kind=kind,
            cue=text[cue[0]:cue[1]] if cue else None,
            cue_start=cue[0] if cue else None, cue_end=cue[1] if cue else None,
            stance=verbs.stance_of(re.sub(r"\s+", " ", cue_text)) if cue_text else None,
            speaker=who.name if who else (text[speaker[0]:speaker[1]] if speaker else None),
            speaker_start=speaker[0] if speaker else None, speaker_end=speaker[1] if speaker else None,
            actor=who.actor if who else None,
            camp=_camp_of(who),
            section=_section_at(sections, s),
        ))
    return out


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


# --------------------------------------------------------------------------------------------
# Quote share
# --------------------------------------------------------------------------------------------


def quote_share(frame: pd.DataFrame, by: Iterable[str] = ("article_id",), unit: str = "actor",
                weight: str = "quotes") -> pd.DataFrame:
    """Share of quotes (or quoted words) per actor or camp within each group.

    Args:
        frame: a quotes table (``extract_quotes(...).to_frame()`` or ``Results.quotes``).
        by: grouping columns (article, outlet, alignment ...); ``()`` for the whole corpus.
        unit: ``"actor"`` or ``"camp"``; quotes without one count as ``"unnamed"``.
        weight: ``"quotes"`` (each quote counts 1) or ``"words"`` (number of quoted words).

    Returns:
        One row per group x unit with ``n`` (quotes or words) and ``share`` (sums to 1 per group).
    """
    if unit not in ("actor", "camp"):
        raise ValueError("unit must be 'actor' or 'camp'")
    if weight not in ("quotes", "words"):
        raise ValueError("weight must be 'quotes' or 'words'")
    by = list(by)
    df = frame.copy()
    df[unit] = df[unit].fillna("unnamed") if unit in df else "unnamed"
    if weight == "words":
        df["_w"] = df["n_words"] if "n_words" in df else df["text"].fillna("").str.count(r"\w+")
    else:
        df["_w"] = 1
    cols = by + [unit]
    if df.empty:
        return pd.DataFrame(columns=cols + ["n", "share"])
    out = df.groupby(cols, dropna=False, sort=True)["_w"].sum().rename("n").reset_index()
    totals = out.groupby(by, dropna=False)["n"].transform("sum") if by else pd.Series(out["n"].sum(), index=out.index)
    out["share"] = (out["n"] / totals.where(totals > 0)).fillna(0.0)
    return out
