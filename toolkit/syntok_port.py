"""syntok's sentence segmentation of one paragraph, re-implemented over flat token lists.

``syntok`` (Leitner, https://github.com/fnl/syntok, version 1.4) tokenises a paragraph into
``Token`` objects through nested generators, then runs a state machine (``Begin``, ``FirstToken``,
``InnerToken``, ``Terminal``, ``End``) whose every test is a property call on a token queue. This
module applies the same rules, in the same order, to three parallel lists (token values, offsets,
whether a token follows a space), with the token queue as an index: the tokens of a paragraph
always move from the queue to the sentence in order, so a sentence is a range of token indices.
The regular expressions and word lists are syntok's own objects, read from the installed package.

:func:`split` gives the ``(start, end)`` offsets syntok's ``segmenter.analyze`` gives for a
paragraph with no line break (one syntok paragraph), at about a quarter of its cost. Limits: only
``segmenter.analyze``'s behaviour is reproduced (no hyphen joining across lines, no
``bracket_skip_len``); identity is checked against syntok on the paragraphs of the shared corpora
and the demo corpus (``benchmarks/splitter_check.py``) and on generated paragraphs
(``tests/test_text_syntok_port.py``).
"""

from __future__ import annotations

import re

from syntok import segmenter
from syntok._segmentation_states import State
from syntok.tokenizer import Tokenizer

__all__ = ["tokenize", "split", "syntok_bounds"]

_SPACES = Tokenizer._spaces
_SEPARATION = Tokenizer._separation
_APOSTROPHE_T = Tokenizer._apostrophe_t
_NOT_EMITTED = Tokenizer._hyphens_and_underscore  # separators folded into the next token's spacing

_TERMINALS = State.terminals
_OPENING = State.opening_brackets
_CLOSING = State.closing_brackets
_CLOSING_QUOTES = State.closing_quotes
_INNER_PUNCTUATION = State.inner_sentence_punctuation
_STARTERS = State.starters
_ABBREVIATIONS = State.abbreviations
_MONTHS = State.months
_ROMAN = State.roman_numerals
_VOWELS = State.vowels
_NO = ("no", "No", "NO")


def _split_word(word: str, at: int, spaced: bool, values: list, offsets: list, spacing: list) -> None:
    """``Tokenizer._split_word``: ``word`` (starting and ending alphanumeric) cut at syntok's
    separators; ``spaced``: whether something precedes it (the token's spacing is not empty).

    An ASCII word of letters and digits with no lower-case letter right before an upper-case one
    has none of the separators (all need a symbol, or that transition) and is one token, found
    without running the separator pattern (most words of a text)."""
    if word.isascii() and word.isalnum() and (word.islower() or word.istitle() or word.isupper() or word.isdigit()):
        values.append(word), offsets.append(at), spacing.append(spaced)
        return
    remainder = 0
    for mo in _SEPARATION.finditer(word):
        s0, s1 = mo.span()
        sep = mo.group()
        if s0 > remainder:
            if word[s0 - 1] == "n" and _APOSTROPHE_T.fullmatch(sep):  # "n't", kept as written
                if remainder < s0 - 1:
                    values.append(word[remainder:s0 - 1]), offsets.append(at + remainder), spacing.append(spaced)
                    spaced = False
                values.append("n" + sep), offsets.append(at + s0 - 1), spacing.append(spaced)
                spaced = False
                remainder = s1
                continue
            values.append(word[remainder:s0]), offsets.append(at + remainder), spacing.append(spaced)
            spaced = False
        if sep and sep not in _NOT_EMITTED:
            values.append(sep), offsets.append(at + s0), spacing.append(spaced)
            spaced = False
        else:
            spaced = spaced or bool(sep)
        remainder = s1
    if remainder == 0:
        values.append(word), offsets.append(at), spacing.append(spaced)
    elif remainder < len(word):
        values.append(word[remainder:]), offsets.append(at + remainder), spacing.append(spaced)


# An ASCII run of non-space characters (syntok's space: \t \n \v \f \r and the blank, not \x1c-\x1f)
# after the spaces before it: those spaces, the symbols before its first letter or digit, the letters,
# digits and symbols up to its last letter or digit (the word), the symbols after it; a run of symbols
# only is all "before". Runs are maximal, so the matches of ``findall`` tile the text up to its
# trailing spaces and each run's offset is the sum of the lengths before it.
_ASCII_RUN = re.compile(r"([\t\n\v\f\r ]*)(?=[^\t\n\v\f\r ])([^\t\n\v\f\r A-Za-z0-9]*)"
                        r"(?:([A-Za-z0-9](?:[^\t\n\v\f\r ]*[A-Za-z0-9])?)([^\t\n\v\f\r A-Za-z0-9]*))?")


def tokenize(text: str) -> tuple[list[str], list[int], list[bool]]:
    """``Tokenizer(replace_not_contraction=False).tokenize(text)`` as three lists: the token values,
    their offsets, and whether each token's spacing is non-empty."""
    if text.isascii():
        return _tokenize_ascii(text)
    values: list[str] = []
    offsets: list[int] = []
    spacing: list[bool] = []
    last = 0  # end of the previous run of non-space characters
    for mo in _SPACES.finditer(text):
        ms, me = mo.span()
        chunk = mo.group()
        spaced = ms > last
        last = me
        if chunk.isalnum():
            _split_word(chunk, ms, spaced, values, offsets, spacing)
            continue
        n = len(chunk)
        i = 0
        while i < n and not chunk[i].isalnum():
            i += 1
        if i == n:  # no alphanumeric character: the run is one token
            values.append(chunk), offsets.append(ms), spacing.append(spaced)
            continue
        j = n
        while not chunk[j - 1].isalnum():
            j -= 1
        for k in range(i):  # each symbol before the word is a token
            values.append(chunk[k]), offsets.append(ms + k), spacing.append(spaced and k == 0)
        _split_word(chunk[i:j], ms + i, spaced and i == 0, values, offsets, spacing)
        k = j
        if chunk.startswith("...", j):
            values.append("..."), offsets.append(ms + j), spacing.append(False)
            k = j + 3
        for k in range(k, n):  # each symbol after it too
            values.append(chunk[k]), offsets.append(ms + k), spacing.append(False)
    if last < len(text):  # trailing space: an empty token
        values.append(""), offsets.append(len(text)), spacing.append(True)
    return values, offsets, spacing


def _tokenize_ascii(text: str) -> tuple[list[str], list[int], list[bool]]:
    """:func:`tokenize` for ASCII text, each run of non-space characters cut by one match of
    :data:`_ASCII_RUN` instead of character tests (``findall``: the groups as strings, offsets
    counted from their lengths, no match objects)."""
    values: list[str] = []
    offsets: list[int] = []
    spacing: list[bool] = []
    value, offset, spaced_ = values.append, offsets.append, spacing.append
    at = 0  # where the next group starts
    for space, before, word, after in _ASCII_RUN.findall(text):
        at += len(space)
        spaced = bool(space)  # something before the run (the first run: spaces at the start)
        if not word:  # no letter or digit: the run is one token
            value(before), offset(at), spaced_(spaced)
            at += len(before)
            continue
        for c in before:
            value(c), offset(at), spaced_(spaced)
            spaced = False
            at += 1
        if word.isalnum() and (word.islower() or word.istitle() or word.isupper() or word.isdigit()):
            value(word), offset(at), spaced_(spaced)
        else:
            _split_word(word, at, spaced, values, offsets, spacing)
        at += len(word)
        if after:
            if after.startswith("..."):
                value("..."), offset(at), spaced_(False)
                after = after[3:]
                at += 3
            for c in after:
                value(c), offset(at), spaced_(False)
                at += 1
    if at < len(text):  # trailing space: an empty token
        value(""), offset(len(text)), spaced_(True)
    return values, offsets, spacing


_FIRST, _INNER, _TERMINAL, _END = range(4)


def split(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence syntok's ``segmenter.analyze`` finds in ``text`` (one
    paragraph: no line break)."""
    V, O, S = tokenize(text)
    n = len(V)
    pos = 0  # the token queue is V[pos:]
    head = 0  # the sentence so far (syntok's history) is V[head:pos]
    out: list[tuple[int, int]] = []

    def end_of_brackets() -> tuple[int, bool]:
        """``State.__find_end_of_bracketed_text``: the closing bracket's index in the queue (0 if
        none) and whether the bracketed text looks like a sentence."""
        depth = 1
        q = 1
        first_is_title = None
        last_is_terminal = False
        while pos + q < n and q < 50:
            v = V[pos + q]
            if first_is_title is None and v.isalnum():
                first_is_title = v.istitle()
            elif first_is_title and v.isalnum():
                last_is_terminal = pos + q + 1 < n and V[pos + q + 1] in _TERMINALS
            if v in _OPENING:
                depth += 1
            elif v in _CLOSING:
                depth -= 1
                if depth == 0:
                    break
            q += 1
        return (q if depth == 0 else 0), bool(first_is_title and last_is_terminal)

    def skip_brackets() -> bool:
        """``State._skip_bracketed_text`` (the queue opens with a bracket)."""
        nonlocal pos
        close, inner = end_of_brackets()
        if close > 0:
            t = pos + close
            if O[t] + len(V[t]) - O[pos] < State.max_bracket_skipping_length or not inner:
                pos = t + 1
                return True
        return False

    def past_terminals(token: str | None) -> str | None:
        """Move past a run of terminals and closing brackets; ``token``, or the first one passed
        when ``token`` is None and the run does not end the paragraph."""
        nonlocal pos
        while pos < n and (V[pos] in _TERMINALS or V[pos] in _CLOSING):
            pos += 1
            if pos >= n:
                break
            if token is None:
                token = V[pos - 1]
        return token

    def after_terminal() -> str:
        """``State.__move_to_next_relevant_word_and_return_token_after_terminal``."""
        nonlocal pos
        token = None
        if pos < n and V[pos] in _OPENING and not (pos > head and V[pos - 1] in _TERMINALS):
            skip_brackets()
        else:
            token = past_terminals(token)
            if pos < n and V[pos] in _CLOSING_QUOTES and not S[pos]:
                pos += 1
                if pos < n and token is None:
                    token = V[pos - 1]
            token = past_terminals(token)
            if pos < n and V[pos] in _OPENING:
                token = V[pos]
        if token is None and pos < n:
            token = V[pos]
        return "" if token is None else token

    def extract_terminal(state: int) -> int:
        """``State._move_and_maybe_extract_terminal``: the next state, ``state`` itself for no split."""
        nonlocal pos
        before = V[pos - 1] if pos > head else ""
        if not (pos < n and V[pos] in _OPENING):
            pos += 1
        after = after_terminal()
        if pos >= n:
            nxt = None
        else:
            nxt = V[pos]
        if nxt is not None and (nxt[:1].islower() or nxt in _INNER_PUNCTUATION):
            return state
        if nxt is not None and nxt in _STARTERS and not (state == _FIRST and (len(before) == 1 or before in _ROMAN)):
            return _TERMINAL
        if before in _ABBREVIATIONS and after not in _CLOSING:
            return state
        if nxt is not None:
            if before in _NO and any(c.isnumeric() for c in nxt) and nxt.isalnum():
                return state
            if nxt.isnumeric() and not S[pos]:
                return state
            if not S[pos] and (not after.istitle() or not after.isalpha() or len(after) == 1):
                return state
            if nxt.isnumeric() and len(nxt) > 2:
                return state
            if before.isnumeric() and nxt in _MONTHS:
                return state
            if before in _MONTHS and nxt.isnumeric():
                return state
        if "." in before and after != ".":
            return state
        if (state == _FIRST or before.isupper()) and (len(before) == 1 or before in _ROMAN):
            return state
        if len(before) == 1 and before.isalpha() and before not in _VOWELS:
            return state
        if after in _OPENING:
            close, inner = end_of_brackets()  # the queue opens with the bracket ``after``
            after_brackets = V[pos + close + 1] if close > 0 and not inner and pos + close + 1 < n else ""
            after_opening = V[pos + 1] if pos + 1 < n else ""
            if after_brackets in _INNER_PUNCTUATION:
                return state
            if after_opening.istitle():
                return _TERMINAL
            return state if after_brackets[:1].islower() else _TERMINAL
        return _TERMINAL

    state = _END if n == 0 else _FIRST
    while True:
        if state == _TERMINAL or state == _END:
            if pos > head and (pos - head > 1 or V[head]):
                out.append((O[head], O[pos - 1] + len(V[pos - 1])))
            head = pos
            if state == _END:
                return out
            state = _FIRST if pos < n else _END
        elif state == _FIRST:
            if pos < n and V[pos] in _OPENING and skip_brackets() and pos - head > 3 \
                    and not (pos < n and V[pos][:1].islower()):
                state = _TERMINAL
            elif pos < n:
                pos += 1
                if pos < n and (V[pos] in _TERMINALS or V[pos] == "("):
                    state = extract_terminal(_FIRST)
                else:
                    state = _INNER
            else:
                state = _END
        else:  # _INNER
            if pos < n:
                pos += 1
                if pos < n and V[pos] in _OPENING:
                    skip_brackets()
                if pos < n and (V[pos] in _TERMINALS or V[pos] in _OPENING):
                    state = extract_terminal(_INNER)
            else:
                state = _END


def syntok_bounds(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of each sentence syntok's own ``segmenter.analyze`` finds in ``text``: the
    reference :func:`split` reproduces (the checks compare the two; nothing in the pipeline calls it)."""
    return [(s[0].offset, s[-1].offset + len(s[-1].value)) for p in segmenter.analyze(text) for s in p if s]
