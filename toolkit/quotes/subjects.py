"""Subjects and bare speakers: a sentence's rough subject, and the speaker of a post-posed cue in text
that lost its punctuation (FA-KES style, invented: "... under the Vale Accord the Coalition said").

Word-class patterns over the tokens of :mod:`toolkit.quotes.phrases`; no parser. Limits: the subject is
the first pronoun or up to four words before the first verb-like word; a bare speaker's name run may take
in a capitalised word of the clause before it.
"""

from __future__ import annotations

from .phrases import _BE, _NP_STOP, _PRONOUNS, _SKIP_BEFORE, _VERBISH, is_word, tokens

_INTRO = frozenset("""but and so yet in on at during after before when while as even then also still though although
since because if later earlier meanwhile however instead indeed last this on""".split())


_BARE_JOIN = frozenset("of for and al al- bin".split())
_BARE_DET = frozenset("the a an".split())


def _bare_speaker(toks, s0: int, s1: int) -> int:
    """Start of the speaker noun phrase ending at token ``s1`` in text without commas, where the
    phrase found by walking back (``s0``) runs into the reported clause ("... the Vale Accord the
    Coalition said"): a pronoun alone; else from the last determiner after which only capitalised
    words, joining words (of, for, and, al-, bin) and at most three lower-case words follow ("the
    Coalition", "a monitor", "the news agency"); else the run of capitalised words ending at ``s1``
    ("Foreign Minister Cavusoglu"), or of at most three lower-case words ("state media and activists").
    Limits: a name run may take in a capitalised word of the clause before it ("Daesh Cavusoglu")."""
    if toks[s1][2].lower() in _PRONOUNS:
        return s1
    lower = 0
    for k in range(s1, s0 - 1, -1):
        w = toks[k][2]
        if k < s1 and w.lower() in _BARE_DET:
            return k
        if w[:1].isupper() or w.lower() in _BARE_JOIN:
            continue
        if w.islower() and is_word(w) and lower < 3:
            lower += 1
            continue
        break
    k = s1
    if toks[s1][2][:1].isupper():
        while k - 1 >= s0 and (toks[k - 1][2][:1].isupper() or (toks[k - 1][2].lower() in _BARE_JOIN
                                                                 and k - 2 >= s0 and toks[k - 2][2][:1].isupper())):
            k -= 1
    else:
        while k - 1 >= s0 and s1 - k < 2 and toks[k - 1][2].islower() and is_word(toks[k - 1][2]):
            k -= 1
    return k


# A quoted fragment of at least this many words in a sentence without a cue is attributed to the
# sentence subject ('X called the deal "the worst ..."'); shorter ones are scare quotes or titles.
# Chosen on PolNeAR train (4: F1 .788, 6: .788; speaker accuracy rises with the threshold).
_FRAGMENT_WORDS = 5


def _subject_span(t: str, us: int, ue: int) -> tuple[int, int] | None:
    toks = tokens(t, us, ue)
    return _subject(toks, 0, len(toks))


def _subject(toks, lo: int, hi: int) -> tuple[int, int] | None:
    """Rough sentence subject: the first pronoun, or up to four words before the first verb-like word."""
    k = lo
    while k < hi and not is_word(toks[k][2]):
        k += 1
    if k < hi and (toks[k][2].lower() in _INTRO  # "In a speech on Monday, ..." / "But even then, ..."
                   # "Briefing MPs on Tuesday, ...": a participle opening a phrase that a comma closes
                   or toks[k][2][:1].isupper() and toks[k][2].endswith("ing") and k + 1 < hi
                   and any(toks[n][2] == "," for n in range(k + 1, min(hi, k + 12)))
                   and toks[k + 1][2] != ","):
        comma = next((n for n in range(k, min(hi, k + 12)) if toks[n][2] == ","), None)
        k = comma + 1 if comma is not None else k + 1
        while k < hi and (not is_word(toks[k][2]) or toks[k][2].lower() in _INTRO):
            k += 1
    if k >= hi:
        return None
    if toks[k][2].lower() in _PRONOUNS:
        return (toks[k][0], toks[k][1])
    e = k
    while e + 1 < min(hi, k + 4) and is_word(toks[e + 1][2]) and toks[e + 1][2].lower() not in _VERBISH \
            and not toks[e + 1][2].endswith("ed"):
        e += 1
    # an apposed name: "The chief envoy, Mara Quill, sought ..." -> both, so the name resolves
    n = e + 2
    while n < min(hi, e + 6) and toks[n][2][:1].isupper() and is_word(toks[n][2]):
        n += 1
    if e + 1 < hi and toks[e + 1][2] == "," and n > e + 2 and n < hi and toks[n][2] == ",":
        e = n - 1
    return (toks[k][0], toks[e][1])


# What ends the predicate that holds a quoted fragment: a clause or phrase of its own after it.
_PREDICATE_END = frozenset("; : -- — – ( but while which whereas although though because as before after".split())
_NOT_VERB = frozenset("""there this that these those it its who which what where when why how not no""".split())


def _predicate(t: str, us: int, ue: int, o: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """Subject and predicate spans of a sentence whose verb's object holds the quotation opening at ``o``
    ('Rubio bemoaned a climate where people "hate each other"', 'Trump pledged to "bomb" them'): the
    rough subject (:func:`_subject`; a pronoun or a capitalised phrase, not "it", "there", "this"), its
    verb (the first lower-case word after auxiliaries and adverbs; after a form of "be" only an -ing form), and the content from the word after the verb to the
    end of the clause (a semicolon, colon, dash, parenthesis, a comma before a participle or a clause
    word such as "but", "while", "which", or the unit end). ``None`` when the quotation opens before the
    verb (a quoted subject), when no subject or verb is found, or the verb is a copula (a quoted
    predicate noun: 'the plan is "dead"' states nothing as said). Limits: no parser; a long or
    inverted subject is missed, and a verb of perception or action with a quoted object reads as
    speech ('a clip he called "distasteful"' is right, 'she read "Beloved"' is a false quote)."""
    toks = tokens(t, us, ue)
    hi = len(toks)
    subj = _subject(toks, 0, hi)
    if subj is None:
        return None
    first = next(n for n, tk in enumerate(toks) if tk[0] == subj[0])
    low = toks[first][2].lower()
    if low in _NOT_VERB or low in ("here", "i've") or not (low in _PRONOUNS or toks[first][2][:1].isupper()):
        return None
    last = next(n for n, tk in enumerate(toks) if tk[1] == subj[1])
    # the rough subject may run into the verb ("The government refers to ..."): it ends before a verb form
    v = next((n for n in range(first + 1, last + 1) if toks[n][2] in _SKIP_BEFORE or toks[n][2] in _VERBISH
              or _verb_form(toks, n)), last + 1)
    if v >= hi or toks[v - 1][2].lower() in _BARE_DET or "-" in toks[v][2]:
        return None  # "The so-called ...": no noun before the verb-like word
    subj = (subj[0], toks[v - 1][1])
    aux = False
    while v < hi and (toks[v][2].lower() in _SKIP_BEFORE or toks[v][2] in _VERBISH or toks[v][2] in _BE
                      or toks[v][2].islower() and toks[v][2].endswith("ly") and len(toks[v][2]) > 4):
        aux |= toks[v][2] in _BE
        v += 1  # "also", "has", "is also promising": to the verb
    if aux and v < hi and not toks[v][2].endswith("ing"):
        return None  # a copula ("was angry") or a passive ("were told"), not a speaker's verb ("will fight" is)
    if v >= hi or not toks[v][2].islower() or not is_word(toks[v][2]) or toks[v][2] in _NP_STOP \
            or toks[v][2] in _NOT_VERB or toks[v][2] in _BE or toks[v][2] in _VERBISH:
        return None
    c = v + 1
    if c >= hi or toks[c][0] > o:
        return None  # the quotation must lie in the predicate, after the word that opens it
    marks, end = 0, hi
    for n in range(c, hi):
        tok = toks[n][2]
        marks += tok == '"'
        if marks % 2 or toks[n][0] <= o:
            continue
        if tok in _PREDICATE_END or (tok == "," and n + 1 < hi and (toks[n + 1][2] in _PREDICATE_END
                                                                    or toks[n + 1][2].endswith("ing"))):
            end = n
            break
    if end <= c:
        return None
    return subj, (toks[c][0], toks[end - 1][1])


def _verb_form(toks, n: int) -> bool:
    """Whether lower-case token ``n`` inside a rough subject reads as a finite verb: in -ed, or in -s (not -ss,
    -us, -is) when no auxiliary follows ("The council refers to", not "The two pupils were")."""
    w = toks[n][2]
    if not w.islower() or not w.endswith(("ed", "s")) or w.endswith(("ss", "us", "is", "news")):
        return False
    nxt = toks[n + 1][2].lower() if n + 1 < len(toks) else ""
    return w.endswith("ed") or not (nxt in _VERBISH or nxt in _BE or nxt in _SKIP_BEFORE)
