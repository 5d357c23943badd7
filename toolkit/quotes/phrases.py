"""The token patterns of attribution: the tokens, word classes, noun phrases and speakers.

What :mod:`toolkit.quotes.frames` puts together around each cue: the subject noun phrase before a verb
(with appositions, relative clauses, participles and party tags). The inverted speaker after it
(``"...," said X``), the hearer after "told" and "quoting Y" are in :mod:`toolkit.quotes.after_cue`,
contents after the cue in :mod:`toolkit.quotes.contents`; bare speakers of text that lost its punctuation and a sentence's subject
in :mod:`toolkit.quotes.subjects`. Limits: no parser; a phrase is found by word classes over the
patterns' own tokens, so long or nested subjects can be cut.
"""

from __future__ import annotations

import re

# The patterns' tokens, close to :func:`toolkit.text.tokens` but kept apart because the patterns were
# tuned on them: titles keep their period ("Sen.", "Gen.", "Mr.": a title never ends a noun phrase) and
# a period between word characters joins ("1.5", "U.S"); switching tokenisers changes PolNeAR dev.
_ABBR = r"(?:Sen|Rep|Gov|Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|Capt|Adm|Maj|Prof|Jr|Sr|St|Rev|Sec|Gens|Reps|Sens|Amb|Cmdr|Supt)\."
_TOK = re.compile(rf"{_ABBR}|\w+(?:[-'.&]\w+)*(?:\.(?<=[A-Z]\.))?|[^\w\s]")

_SKIP_BEFORE = frozenset("""also has have had will would could may might should must can later previously again then
recently repeatedly publicly privately reportedly once first further earlier often did does do not never long still
just always already even only simply flatly quickly initially separately subsequently now since too he's she's
's n't has've""".split())
_BE = frozenset("is was were are be been being am".split())
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
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
_DET = frozenset("""the a an his her their its our my your these those this that such new recent earlier latest media
news any no some many several other all both each every own""".split())
_PARTY_STATE = re.compile(r"[RDI]-[A-Z][A-Za-z.]*")  # a US legislator's party and state: "D-Ore.", "R-Utah"
_ASIDE = frozenset("however though too also nonetheless nevertheless meanwhile moreover".split())


def tokens(t: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The patterns' tokens of ``t[start:end]`` as (start, end, token), offsets into ``t``."""
    return [(m.start(), m.end(), m.group()) for m in _TOK.finditer(t, start, end)]


def is_word(tok: str) -> bool:
    """Whether a token is a word or number (not punctuation)."""
    return tok[0].isalnum() or tok[0] == "_"


# Cue words that also modify a noun inside a speaker phrase ("the state news agency").
_CUE_MODIFIERS = frozenset({"state"})
# Determiners before a cue word that heads the subject noun phrase ("a report says").
_HEAD_DET = frozenset("a an the this that its their his her".split())


def _np_back(toks, j: int, lo: int, cues=frozenset()) -> int | None:
    """Start index of the noun phrase ending at token ``j`` (walking back), or ``None``."""
    k = j
    while k >= lo and k > j - 12:
        tok = toks[k][2]
        if tok in cues and tok in _CUE_MODIFIERS and k < j and k > lo and is_word(toks[k - 1][2]) \
                and toks[k - 1][2].lower() not in _NP_STOP:
            k -= 1  # "the state news agency": a cue word modifying the noun after it
            continue
        if tok in cues and k == j and k > lo and toks[k - 1][2].lower() in _HEAD_DET:
            k -= 1  # "a report says", "the statement said": a cue word heading the subject is a noun
            continue
        if not is_word(tok) or tok.lower() in _NP_STOP or tok in cues:
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
                       or toks[j][2] in ("'",) or _weekday_phrase(toks, j, i)):
        saw_be |= toks[j][2].lower() in _BE
        j -= 1
    if saw_be and not cue_text.endswith("ing"):
        return "passive"
    anonymous = _anonymity_before(toks, j, lo)
    if anonymous is not None:  # "The official, who spoke on condition of anonymity because ..., said"
        j = anonymous
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
        if start is None:
            return None
        after = _after_quotation(toks, start, lo)  # '"..." Mara Quill spokesman for the Vale Office (VO) told'
        return (after if after is not None else start, end)
    if toks[j][2] == ",":  # apposition "Peskov, Putin's spokesman, said" or ", however, said"
        k = j - 1
        while k >= lo and toks[k][2] not in (",", '"', "(", ")", ";", ":") and k > j - 16:
            k -= 1
        if k < lo or toks[k][2] != ",":
            return _long_apposition(toks, lo, j)  # "Ann Lee, a nurse from Ava, Mo., who ..., said"
        chunk = toks[k + 1:j]
        if not chunk:
            return None
        if len(chunk) <= 3 and all(c[2].islower() for c in chunk):  # ", however," / ", in turn,"
            return _speaker_before(toks, k, lo, cue_text, cues)
        # "Rep. Dora Penn, D-Ore., speaking on a morning show, said": the name is before the party tag
        tag = _party_tag_before(toks, k - 1, lo)
        start = _np_back(toks, tag - 2, lo, cues) if tag is not None else _np_back(toks, k - 1, lo, cues)
        if k - 1 >= lo and toks[k - 1][2] == '"':
            return None
        if start is None:
            return _long_apposition(toks, lo, j)
        return (start, j - 1)
    if toks[j][2].lower() in _PRONOUNS:  # a subject pronoun is the whole noun phrase ("... something he said")
        return (j, j)
    start = _np_back(toks, j, lo, cues)
    if start is None:
        return None
    after = _after_quotation(toks, start, lo)
    if after is not None:
        return (after, j)
    dated = _dated_relative(toks, start, j, lo, cues)
    if dated is not None:
        return dated
    return _modified(toks, start, j, lo, cues) or (start, j)


_ANONYMITY_VERBS = frozenset("spoke speaking talked talking".split())
_ANONYMITY_REASON = frozenset("because as since".split())


def _anonymity_before(toks, j: int, lo: int) -> int | None:
    """The last token of the speaker phrase before the anonymity formula that ends at token ``j`` ("who spoke on
    condition of anonymity", ", speaking on the condition of anonymity since she lacked leave to brief the
    press,", "who spoke anonymously"), else ``None``. The formula's reason clause holds a pronoun subject that
    walking back would take for the speaker, and its length breaks the apposition walk-back. The reason clause
    ("because/as/since ...") is at most 17 tokens with no comma."""
    k = j - 1 if j > lo and toks[j][2] == "," else j
    a = None
    for n in range(k, max(lo - 1, k - 19), -1):
        w = toks[n][2].lower()
        if w == ",":
            return None
        if w in ("anonymity", "anonymously"):
            a = n
            break
    if a is None or (a < k and toks[a + 1][2].lower() not in _ANONYMITY_REASON):
        return None
    n = a - 1
    if toks[a][2].lower() == "anonymity":  # "on (the) condition of anonymity"
        if n - 1 < lo or (toks[n - 1][2].lower(), toks[n][2].lower()) != ("condition", "of"):
            return None
        n -= 2
        if n >= lo and toks[n][2].lower() == "the":
            n -= 1
        if n < lo or toks[n][2].lower() != "on":
            return None
        n -= 1
    if n < lo or toks[n][2].lower() not in _ANONYMITY_VERBS:
        return None
    n -= 1
    if n >= lo and toks[n][2].lower() == "who":
        n -= 1
    if n >= lo and toks[n][2] == ",":
        n -= 1
    return n if n >= lo else None


def _weekday_phrase(toks, j: int, i: int) -> bool:
    """Whether token ``j`` (before the cue at ``i``) belongs to a day phrase between the subject and the
    cue ("X on Friday declared", "X later Saturday suggested"): a weekday, or "on"/"late"/"early"/"last"
    right before one."""
    low = toks[j][2].lower()
    if low in _WEEKDAYS:
        return True
    return low in ("on", "late", "early", "last") and j + 1 < i and toks[j + 1][2].lower() in _WEEKDAYS


_MONTHS = frozenset("""jan jan. january feb feb. february mar mar. march apr apr. april may june july aug aug.
august sept sept. sep sep. september oct oct. october nov nov. november dec dec. december""".split())


def _dated_relative(toks, start: int, j: int, lo: int, cues) -> tuple[int, int] | None:
    """The head of a relative clause whose only words before the cue are a date: "Mara Quill, who on
    Sept. 9 said ..." (walking back finds "9", the speaker is "Mara Quill")."""
    n = j
    while n >= lo and j - n < 8 and (toks[n][2].isdigit() or toks[n][2].lower() in _MONTHS
                                     or toks[n][2] == "." or toks[n][2].lower() in _TIME_PREP):
        n -= 1
    if n == j or n < lo + 1 or toks[n][2].lower() not in ("who", "which") or n >= start:
        return None
    if not any(toks[k][2].isdigit() or toks[k][2].lower() in _MONTHS for k in range(n + 1, j + 1)):
        return None
    h = n - 1 if toks[n - 1][2] != "," else n - 2
    head = _np_back(toks, h, lo) if h >= lo else None
    return (head, h) if head is not None else None


_QUOTE_MARKS = frozenset('"\u201c\u201d')


def _after_quotation(toks, start: int, lo: int) -> int | None:
    """Start of a speaker phrase that runs from a closing quotation mark to the cue, when the noun
    phrase found by walking back is only its tail: '"...," Quill, head of the Vale Council's defence board told'
    or, in text without commas, '"..." Oren Vask the warden of the ferry crews on the Outer Isles told'
    (the name, not the apposition's last noun phrase). Only words, commas and parentheses may lie between
    the mark and the phrase (no clause word: "that", "and", a verb), at most 16 tokens, and the mark must
    close a quotation (an even number of marks up to it in the unit)."""
    n = start - 1
    while n >= lo and start - n <= 16:
        tok = toks[n][2]
        if tok in _QUOTE_MARKS:
            break
        if tok.lower() in _NP_STOP or tok.lower() in _VERBISH or not (is_word(tok) or tok in (",", "(", ")")):
            return None
        n -= 1
    else:
        return None
    if n < lo or n + 1 >= start or not toks[n + 1][2][:1].isupper():
        return None
    marks = sum(1 for k in range(lo, n + 1) if toks[k][2] in _QUOTE_MARKS)
    return n + 1 if marks % 2 == 0 else None


_SPEAKING = frozenset("speaking talking addressing".split())


def _modified(toks, start: int, j: int, lo: int, cues) -> tuple[int, int] | None:
    """The noun phrase a subject relative clause or a participial phrase before the cue modifies,
    when no comma sets them off (up to 31 tokens, parentheses included): "the group which relies on
    activists said", "a resident who fled and saw the attack said", "Mara Quill speaking to the press in Vale said" (the
    speaker is the phrase before "which"/"who"/"speaking", not the clause's last noun phrase).
    An object relative ("reports which the ministry said ...") keeps its own subject."""
    for n in range(j - 1, max(lo, j - 32), -1):
        tok = toks[n][2]
        if tok in ("(", ")"):
            continue  # "... Contact Group (RCG) envoys in Geneva insisted"
        if not is_word(tok):
            return None
        low = tok.lower()
        if low in ("who", "which") and n < start and toks[n + 1][2].islower() \
                and toks[n + 1][2] not in _DET and toks[n + 1][2] not in _PRONOUNS:
            break
        if low in _SPEAKING:
            break
        if low in _VERBISH and _aux_after_relative(toks, n, lo):
            continue  # "the claim which could not be checked said": auxiliaries of the relative clause
        if (low in _NP_STOP and low != "and") or low in _VERBISH:  # "... who ordered it are held to account"
            return None
    else:
        return None
    if n - 1 < lo:
        return None
    head = _np_back(toks, n - 1, lo)  # a cue word there is a noun: "the report which ..."
    return (head, n - 1) if head is not None else None


def _aux_after_relative(toks, n: int, lo: int) -> bool:
    """Whether token ``n`` is an auxiliary that opens a subject relative clause: only auxiliaries and
    "not"/"never" lie between it and a "which"/"who" before it ("which could not be", "who has")."""
    for k in range(n - 1, max(lo - 1, n - 4), -1):
        low = toks[k][2].lower()
        if low in ("which", "who"):
            return True
        if low not in _VERBISH and low not in ("not", "never"):
            return False
    return False


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


def _who_before(toks, i: int, cues=frozenset()) -> tuple[int, int] | None:
    """Speaker of a cue in a subject relative clause, "Thomas Perez, who said ...", "a delegate who
    later claimed ...": the noun phrase before "who" through "who" itself (token range), so the span
    holds both the name the resolver reads and the relative pronoun PolNeAR marks as the source."""
    j = i - 1
    while j >= 1 and toks[j][2].lower() in _SKIP_BEFORE:
        j -= 1
    if j < 1 or toks[j][2].lower() != "who":
        return None
    h = j - 1 if toks[j - 1][2] != "," else j - 2
    start = _np_back(toks, h, 0, cues) if h >= 0 else None
    if start is None:
        return None
    # "signed by Ana Ruiz, who said": the phrase starts after the last auxiliary or "by"
    start = next((n + 1 for n in range(h - 1, start - 1, -1) if toks[n][2].lower() in _VERBISH or toks[n][2] == "by"), start)
    return start, j


def _comma_resuming(toks, lo: int, hi: int, resumes) -> int | None:
    """Token index of the first comma in ``toks[lo:hi - 1]`` outside quotation marks after which
    ``resumes(index of the next token)`` holds (a main clause going on), else ``None``."""
    marks = 0
    for n in range(lo, hi - 1):
        marks += toks[n][2] == '"'
        if toks[n][2] == "," and marks % 2 == 0 and resumes(n + 1):
            return n
    return None


def _relative_end(toks, c: int, hi: int) -> int:
    """Character end of a relative clause's content starting at token ``c``: before the first comma
    (outside quotation marks) after which the main clause resumes with an auxiliary or a verb in -ed
    ("Perez, who said the deal holds, signed it"), else at the unit's end."""
    def resumes(n: int) -> bool:
        return toks[n][2].islower() and (toks[n][2] in _VERBISH or toks[n][2].endswith("ed"))

    n = _comma_resuming(toks, c, hi, resumes)
    return toks[n][0] if n is not None else toks[hi - 1][1]


_OPENERS = _TIME_PREP | _MONTHS | frozenset("""as when if although though because despite under over by after before
since and but so yet the a an""".split())
_NAME_JOIN = frozenset("of de al bin van von".split())


def _long_apposition(toks, lo: int, j: int) -> tuple[int, int] | None:
    """Speaker of a cue after a long apposition, one that holds commas or runs past the walk-back
    ("Ann Lee, a nurse from Ava, Mo., who backs the plan, said ..."): the name that opens the unit,
    up to its first comma (at most seven tokens: capitalised words, "of", abbreviations and a party
    tag in parentheses). Only the name is the speaker span, so the resolver does not read a mention
    inside the apposition. ``None`` when the unit opens otherwise (a time phrase, a lower-case word)."""
    n = lo
    while n < j and toks[n][2].lower() in ("and", "but"):
        n += 1
    f = next((m for m in range(n, min(j, n + 8)) if toks[m][2] == ","), None)
    if f is None or f == n or not toks[n][2][:1].isupper() or toks[n][2].lower() in _OPENERS \
            or toks[n][2].lower() in _PRONOUNS:
        return None
    if any(is_word(w) and not w[:1].isupper() and w.lower() not in _NAME_JOIN for _s, _e, w in toks[n:f]):
        return None
    return n, f - 1
