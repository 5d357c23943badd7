"""Contents after a cue: the clause (after "that", a date phrase or nothing), or the noun-phrase object of
an ``object_content`` cue ("denied responsibility"), found by word classes over the tokens of
:mod:`toolkit.quotes.phrases`. Limits: no parser; a clause is taken to run to the end of its unit, an
object to the next participle, semicolon or colon.
"""

from __future__ import annotations

from .phrases import (
    _DET,
    _MONTHS,
    _NP_STOP,
    _PRONOUNS,
    _TELL_OBJ,
    _TIME_PREP,
    _VERBISH,
    _WEEKDAYS,
    _comma_resuming,
    is_word,
)


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
    if k + 1 < hi and toks[k][2].lower() == "at" and toks[k + 1][2].lower() in ("least", "most"):
        return k if hi - k >= 3 else None  # "said at least 15 homes burned": a number, no time
    if _clause_after_date(toks, k, hi):
        n = _after_time(toks, k, hi)
        return n if hi - n >= 3 else None  # "said on Saturday the talks would resume": the clause after the date
    if k < hi and (toks[k][2].lower() in _TIME_PREP or toks[k][2].lower() in _VERBISH and not toks[k][2].isupper()
                   or not is_word(toks[k][2])):
        return None  # a verb or a preposition follows the cue, not a clause; "IS" in capitals is the group
    return k if hi - k >= 3 else None


def _clause_after_date(toks, k: int, hi: int) -> bool:
    """Whether a date phrase starts at ``k`` and a word that may open a clause follows it ("said on Saturday
    the talks ..."): then the cue is no post-posed "..., X said on Saturday."."""
    n = _after_time(toks, k, hi)
    return k < n < hi and is_word(toks[n][2]) and toks[n][2].lower() not in _VERBISH \
        and toks[n][2].lower() not in _NP_STOP and toks[n][2].lower() not in _TIME_PREP


def _wh_clause(toks, k: int, hi: int) -> bool:
    """Whether an embedded question starts at ``k`` ("asked whether the ...", "explained how it ...")."""
    return k + 2 < hi and toks[k][2].lower() in ("whether", "how", "why") and is_word(toks[k + 1][2])


_SUBJECT_PRONOUNS = frozenset("he she it they we i".split())


def _bare_clause(toks, k: int, hi: int) -> bool:
    """Whether a clause without "that" starts at ``k``: a subject (a pronoun, or up to five words opening with
    a determiner or a capital) and then an auxiliary or modal ("noted the dam will ...", "stressed it
    would ..."), so that a cue needing a complement may take it."""
    if k >= hi or not is_word(toks[k][2]):
        return False
    first = toks[k][2]
    if first.lower() in _SUBJECT_PRONOUNS:
        return k + 1 < hi and toks[k + 1][2].lower() in _VERBISH
    if not (first.lower() in _DET or first[:1].isupper()) or first.lower() in _NP_STOP:
        return False
    for n in range(k + 1, min(hi, k + 6)):
        tok = toks[n][2]
        if tok.lower() in _VERBISH:
            return n > k
        if not is_word(tok) or tok.lower() in _NP_STOP or tok.lower() in _TIME_PREP:
            return False
    return False


_DAY_PARTS = frozenset("night morning evening afternoon".split())
_PERIODS = frozenset("week month year weekend".split())


def _after_time(toks, k: int, hi: int) -> int:
    """Index after a date phrase starting at ``k`` ("on Saturday", "Wednesday night", "in August",
    "on March 3", "last week"), or ``k`` when none starts there."""
    n = k
    low = toks[n][2].lower() if n < hi else ""
    if low in ("on", "in", "last", "this", "late", "early") and n + 1 < hi:
        n += 1
        low = toks[n][2].lower()
        if toks[n - 1][2].lower() in ("last", "this") and low in _PERIODS:
            return n + 1
    if low in _WEEKDAYS:
        n += 1
        return n + 1 if n < hi and toks[n][2].lower() in _DAY_PARTS else n
    if low in _MONTHS and toks[n][2][:1].isupper():
        n += 1
        return n + 1 if n < hi and toks[n][2].isdigit() else n
    return k


# A lone pronoun object ("denied it", "confirmed this") names no content of its own.
_BARE_OBJECTS = frozenset("it this that them him her so which these those".split())


def _object_after(toks, k: int, hi: int, nounlike: bool = False) -> int | None:
    """Start of the noun-phrase object of an object-content cue (``object_content`` in verbs.yml:
    "denied responsibility", "reported heavy fighting", "called for an investigation") or of its
    infinitive ("vowed to continue"), when no clause follows; ``None`` when the next token opens no
    noun phrase (a verb, a time phrase, punctuation) or the object is a lone pronoun. After a cue form
    that doubles as a noun (``nounlike``: "report", "reports") a lower-case word in -s reads as the
    verb of a noun phrase ("the disclosure report provides ..."), not as an object."""
    if k >= hi or not is_word(toks[k][2]):
        return None
    low = toks[k][2].lower()
    if nounlike and toks[k][2].islower() and low.endswith("s") and not low.endswith("ss"):
        return None
    if low == "to":  # "vowed to continue working", not "reported to the police"
        nxt = toks[k + 1][2] if k + 1 < hi else ""
        ok = nxt.islower() and is_word(nxt) and nxt not in _DET and nxt not in _TELL_OBJ and nxt not in _PRONOUNS
        return k if ok else None
    if low in _VERBISH or low in _TIME_PREP or (low in _NP_STOP and low != "what"):
        return None
    if low in _BARE_OBJECTS and (k + 1 >= hi or not is_word(toks[k + 1][2])):
        return None
    return k


def _object_end(toks, k: int, hi: int) -> int:
    """Token index where an object content starting at ``k`` ends: before a comma that opens a participle
    ("called for more information, looping the streets while chanting ..."), a semicolon or a colon
    ("rejected the reports: "..."": the quotation is the lead-in subject's own), else ``hi``."""
    for n in range(k + 1, hi - 1):
        if toks[n][2] in (";", ":") or (toks[n][2] == "," and toks[n + 1][2].islower() and toks[n + 1][2].endswith("ing")):
            return n
    return hi


# What "asked" reports: an embedded question ("asked whether ...", "asked Sanders how ...", "asked about
# the plan") or a request ("asked the board to ..."). Found on PolNeAR train misses (issue 16).
_ASKED = frozenset("ask asks asked".split())
_QUESTION = frozenset("whether if what who which why how where when about".split())
_ADJUNCT = frozenset("when if after before once being was were is are been".split())
_MAIN_VERB = frozenset("said says told replied responded answered demurred added insisted noted".split())


def _question(toks, k: int, hi: int) -> tuple[int, bool] | None:
    """Where the content after "asked" (at token ``k``) starts: ``(index, True)`` for a question opened by
    a wh-word, "if", "whether" or "about", right after the cue, after a weekday or an adverb in -ly
    ("asked Tuesday about ...", "asked specifically what ..."), or after an object of up to six words
    ("asked the senator whether ..."); ``(k, False)`` for a request with an object and an infinitive
    ("asked the network to donate ...": the object is part of it). ``None`` otherwise. Limits: an object
    holding a comma or a verb is not skipped; "asked for" (a request for a thing) is left out."""
    n = k
    while n < hi and n < k + 2 and (toks[n][2].lower() in _WEEKDAYS or toks[n][2].islower() and toks[n][2].endswith("ly")):
        n += 1
    for m in range(n, min(hi - 1, n + 7)):
        low = toks[m][2].lower()
        if low in _QUESTION and is_word(toks[m + 1][2]):
            return m, True
        if low == "to" and m > n and toks[m + 1][2].islower() and is_word(toks[m + 1][2]) \
                and toks[m + 1][2] not in _DET and toks[m + 1][2] not in _PRONOUNS:
            return n, False
        if not is_word(toks[m][2]) or low in _NP_STOP or low in _VERBISH or low in _TIME_PREP:
            return None
    return None


def _asked_adjunct(toks, i: int, j_end: int, hi: int) -> tuple[tuple[int, int], tuple[int, int] | None] | None:
    """Content token range (inclusive) of a question "asked" reports without a subject that asks, and the
    asker's range when a "by" agent names one (else ``None``): a participle adjunct ("Asked whether he
    would run, Smith said ...", '"...," Smith said when asked about the plan') or a passive ("Smith was
    asked by a reporter what ..."; without an agent the asker is the unnamed source). Before a main
    clause set off by a comma (", Smith said", ", the senator replied") the question ends at that comma;
    else at the unit's end. ``None`` when a subject asks ("Smith asked ...": the usual frame)."""
    b = i - 1
    while b >= 0 and toks[b][2].lower() in _ADJUNCT:
        b -= 1
    if b == i - 1 and i > 0:
        return None
    k, asker = j_end + 1, None
    if k + 1 < hi and toks[k][2] == "by":  # "asked by a reporter whether ...": the agent asks
        n = next((n for n in range(k + 2, min(hi, k + 12)) if toks[n][2].lower() in _QUESTION
                  or not is_word(toks[n][2])), None)
        if n is None or toks[n][2].lower() not in _QUESTION:
            return None
        k, asker = n, (j_end + 2, n - 1)
    q = _question(toks, k, hi)
    if q is None or not q[1]:
        return None
    start, end = q[0], hi - 1
    if b < 0:  # the adjunct opens the sentence: the question ends before the main clause
        n = _comma_resuming(toks, start, hi, lambda n: _opens_main_clause(toks, n, hi))
        end = n - 1 if n is not None else end
    return ((start, end), asker) if end - start >= 1 else None


def _opens_main_clause(toks, n: int, hi: int) -> bool:
    """Whether a subject and its verb start at ``n``: a pronoun, a capitalised word or a determiner, then
    within five words a reporting or past-tense verb (", Smith demurred", ", the senator said")."""
    first = toks[n][2]
    if not (first.lower() in _SUBJECT_PRONOUNS or first[:1].isupper() or first.lower() in ("the", "a")):
        return False
    for m in range(n + 1, min(hi, n + 6)):
        w = toks[m][2]
        if w.lower() in _MAIN_VERB or w.islower() and w.endswith("ed") and len(w) > 4:
            return True
        if not is_word(w):
            return False
    return False
