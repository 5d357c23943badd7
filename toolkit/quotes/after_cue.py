"""The token patterns after an attribution cue: the inverted speaker (``"...," said X``), the hearer after
"told" and what a cue's object covers, "quoting Y" / "quoted as saying", and a passive's agent ("was
described by X as").

Split from :mod:`toolkit.quotes.phrases` (the tokens, word classes and the speaker before a cue), whose
tokens and word classes these patterns read; :mod:`toolkit.quotes.frames` puts both together per cue.
Limits: no parser; a phrase is found by word classes over the patterns' own tokens.
"""

from __future__ import annotations

from .phrases import (
    _BE,
    _DET,
    _FWD_STOP,
    _MONTHS,
    _NP_STOP,
    _PRONOUNS,
    _SKIP_BEFORE,
    _TELL_OBJ,
    _TIME_PREP,
    _VERBISH,
    is_word,
)


def _speaker_after(toks, i: int, hi: int) -> tuple[int, int] | None:
    """Speaker of an inverted cue ('"...," said Putin'): token range after cue token ``i``."""
    k = i + 1
    if k >= hi or toks[k][2].lower() in _FWD_STOP or toks[k][2].lower() in _TIME_PREP \
            or toks[k][2].lower() in ("over", "about", "of", "by", "into"):
        return None  # '..., legal director, said over the phone': not inverted
    while k < hi and k <= i + 10:
        tok = toks[k][2]
        if not is_word(tok) or (tok.lower() in _FWD_STOP and k > i + 1):
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
        while m < hi and m < k + 6 and is_word(toks[m][2]) and toks[m][2][0].isupper():
            m += 1
        return m
    if tok[0].isupper() and tok.lower() not in _PRONOUNS:
        m = k
        while m < hi and toks[m][2][0].isupper() and is_word(toks[m][2]) and toks[m][2].lower() not in _PRONOUNS:
            m += 1
        # "told Fox Iranians had ...": the last capitalised word is the subject of the content
        if m - k >= 2 and m < hi and toks[m][2].lower() in _VERBISH:
            return m - 1
        return m
    return k


_QUOTING = frozenset("quoting citing".split())
_QUOTED = frozenset("quoted quoting quotes cited citing cites".split())


def _quoting(toks, k: int, hi: int) -> tuple[tuple[int, int], int] | None:
    """The source of a nested report set off after the cue, ", quoting X," or ", citing X,": its token
    range and the index after the closing comma (the statement is X's, the outlet only relays it)."""
    if not (k + 2 < hi and toks[k][2] == "," and toks[k + 1][2].lower() in _QUOTING):
        return None
    close = next((n for n in range(k + 2, min(hi, k + 16)) if toks[n][2] in (",", ";", ":", ".")), None)
    if close is None or toks[close][2] != "," or close == k + 2:
        return None
    return (k + 2, close - 1), close + 1


def _quoted_as_saying(toks, i: int) -> tuple[int, int] | None:
    """Speaker of "X quoted Y as saying ...", "citing Y as saying": the object Y between the verb and
    "as" (token range), the innermost speaker of the nested report. ``None`` for the passive "Y was
    quoted on TV as saying" (Y is found before the verb as usual)."""
    if i < 3 or toks[i - 1][2].lower() != "as":
        return None
    for n in range(i - 2, max(-1, i - 14), -1):
        tok = toks[n][2].lower()
        if tok in _QUOTED:
            if n + 1 > i - 2 or toks[n + 1][2].lower() in _TIME_PREP or toks[n + 1][2].lower() in ("by", "of") \
                    or (n > 0 and toks[n - 1][2].lower() in _BE):
                return None  # "X was quoted on state TV as saying": passive, X speaks (the usual frame)
            return (n + 1, i - 2)
        if not is_word(toks[n][2]) and toks[n][2] not in ("-", "'"):
            return None
    return None


_AGENT_STOP = frozenset("in on at during after before while when as to with because that which who since".split())


def _passive_agent(toks, i: int, j_end: int, hi: int) -> tuple[int, int, int] | None:
    """A passive cue's agent: "losses were reported by the council in ...", "has been confirmed by
    the ministry". Returns (index of the first auxiliary before the cue, agent start, agent end inclusive),
    or ``None`` when no "by" + noun phrase (a determiner or a capitalised word first) follows the cue."""
    k = j_end + 1
    if k + 1 >= hi or toks[k][2] != "by":
        return None
    first = toks[k + 1][2]
    if not (first.lower() in _DET or first[:1].isupper()) or first.lower() in ("this", "that") \
            or first.lower() in _TIME_PREP or first.lower() in _MONTHS:  # "by Monday", "by March"
        return None
    n = k + 1
    while n < hi and n <= k + 12 and is_word(toks[n][2]) and toks[n][2].lower() not in _AGENT_STOP:
        n += 1
    b = i - 1
    while b >= 0 and (toks[b][2].lower() in _SKIP_BEFORE or toks[b][2].lower() in _BE
                      or toks[b][2].islower() and toks[b][2].endswith("ly")):
        b -= 1
    return b + 1, k + 1, n - 1
