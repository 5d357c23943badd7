"""Cue, speaker and content patterns around each reporting verb of a unit.

An attribution is a *cue* (a reporting verb or "according to"), a *source* (the speaker mention)
and a *content* span (Pareti 2016, "PARC 3.0", LREC). Token patterns around each cue find the
speaker (the subject noun phrase before the verb, the inverted ``"...," said X``, an apposition
``X, a spokesman, said``, the object of "according to") and the content (the clause after the cue,
or the quotation/clause before ``, X said.``). Limits: no parser; a speaker is a noun phrase of at
most about twelve tokens found by word classes, so long or nested subjects can be cut. The phrase
patterns themselves are in :mod:`toolkit.quotes.phrases` (before the cue) and
:mod:`toolkit.quotes.after_cue` (after it); this module puts them together per cue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .contents import (
    _ASKED,
    _asked_adjunct,
    _bare_clause,
    _clause_after_date,
    _content_after,
    _object_after,
    _object_end,
    _question,
    _wh_clause,
)
from .after_cue import _passive_agent, _quoted_as_saying, _quoting, _skip_object, _speaker_after
from .phrases import (
    _ASIDE,
    _DET,
    _SKIP_BEFORE,
    _TIME_PREP,
    is_word,
    _relative_end,
    _speaker_before,
    tokens,
    _who_before,
)
from .spans import plausible_span
from .subjects import _bare_speaker, _subject
from .verbs import Verbs, inflect


@dataclass(frozen=True)
class _Frame:
    cue: tuple[int, int]
    speaker: tuple[int, int] | None
    content: tuple[int, int]
    # a minor frame: the content is the cue's noun-phrase object ("denied responsibility": one word
    # suffices); it yields to a clausal frame around it
    minor: bool = False


# "claim" also heads constructions that report no speech. A cue form of "claim" followed by one of these
# objects is no attribution cue, so it gets no quote and no distancing stance:
# - a death toll: "claimed the lives of", "claimed (more than) 30 lives", "claimed the life of",
#   "claimed thousands of victims" (the subject is an attack or a war, not a speaker);
# - responsibility or credit: "the Front claimed responsibility for the ambush". That is a speech act,
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


# Cues that report speech only with a certain object; else they name, phone, summon ("a group called X"),
# or cite a source without a claim. Each form's object at token ``c`` must pass its check, within
# _OBJECT_REACH tokens:
# - "call": a verdict with the object's complement, a quotation mark or an indefinite article after its
#   first word ('called the raid "a crime"', "called the strike a mistake");
# - "cite", "deem": an "as" ("cited the attack as justification", "deemed the claims as ...");
# - "express": an attitude noun first ("expressed concern that ...", "expressed alarm over ...").
_OBJECT_REACH = 14
_ATTITUDES = frozenset("""concern concerns alarm outrage regret hope hopes support interest condolences dismay
solidarity satisfaction anger frustration doubt doubts fears fear readiness willingness gratitude""".split())


def _verdict(toks, c: int, hi: int) -> bool:
    return any(toks[n][2] == '"' or (n > c and toks[n][2].lower() in ("a", "an")) for n in range(c, min(hi, c + _OBJECT_REACH)))


def _as_complement(toks, c: int, hi: int) -> bool:
    return any(toks[n][2].lower() == "as" for n in range(c + 1, min(hi, c + _OBJECT_REACH)))


def _attitude(toks, c: int, hi: int) -> bool:
    return toks[c][2].lower() in _ATTITUDES or c + 1 < hi and toks[c + 1][2].lower() in _ATTITUDES


_OBJECT_CHECKS = {**{f: _verdict for f in ("call", "calls", "called", "calling")},
                  **{f: _as_complement for lemma in ("cite", "deem") for f in inflect(lemma)},
                  **{f: _attitude for f in inflect("express")}}


def _object_fails(cue_text: str, toks, c: int | None, hi: int) -> bool:
    """Whether a cue of :data:`_OBJECT_CHECKS` lacks the object it needs to report speech."""
    check = _OBJECT_CHECKS.get(cue_text)
    return c is not None and check is not None and not check(toks, c, hi)


def _introduces_speech(t: str, cue: re.Match) -> bool:
    """Whether a matched cue introduces speech, so that it may carry a stance (see ``_CLAIM_NOT_SPEECH``)."""
    if cue.group().lower() not in _CLAIM_FORMS:
        return True
    return _CLAIM_NOT_SPEECH.match(t, cue.end()) is None


def _frames(t: str, us: int, ue: int, cues: list[re.Match], verbs: Verbs, lost: bool = False,
            toks: list | None = None) -> list[_Frame]:
    """Attribution frames for the cues of one unit; ``lost``: the text lost its commas and quotation
    marks (FA-KES), so a post-posed "... X said." has no comma before X (:func:`_bare_speaker`);
    ``toks``: the unit's :func:`tokens`, when the caller has them."""
    toks = tokens(t, us, ue) if toks is None else toks
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
        if cue_text.startswith("accused") and j_end + 1 < hi and toks[j_end + 1][2].lower() == "of":
            continue  # "captains accused of arson would face ...": a passive participle, its noun no speaker
        if cue_text in _ASKED and (adj := _asked_adjunct(toks, i, j_end, hi)) is not None:
            # "Asked whether ..., X said", "X was asked (by Y) what ...": the question, its asker if named
            (c0, c1), asker = adj
            spk = (toks[asker[0]][0], toks[asker[1]][1]) if asker is not None else None
            frames.append(_Frame((m.start(), m.end()), spk, (toks[c0][0], toks[c1][1])))
            continue
        prev = toks[i - 1][2] if i > 0 else ""
        # inverted: '"...," said X' or '..., said X.' ("told X": X is the hearer, never the speaker)
        if prev in (",", '"') and i >= 3 and not cue_text.startswith(("told", "tell")) and cue_text != "calling":
            sp = _speaker_after(toks, j_end, hi)
            if sp is not None and (prev == '"' or toks[i - 2][2] == '"' or sp[1] + 1 >= hi
                                   or toks[sp[1] + 1][2] in (".", ",", "!", "?")):
                end = toks[i - 1][0]
                frames.append(_Frame((m.start(), m.end()), (toks[sp[0]][0], toks[sp[1]][1]), (us, end)))
                continue
        # participle after a comma: ", adding that ...", ", saying ..."; without the comma inside the
        # content of the frame before it, when it opens a "that" clause or the text lost its commas:
        # "X said the attack served them adding that ...", "X denied it saying ..." (X's too)
        last = frames[-1] if frames else None
        bare = (last is not None and prev != "," and is_word(prev) and j_end + 1 < hi
                and (toks[j_end + 1][2] == "that" or lost) and last.content[0] < m.start() < last.content[1])
        if cue_text.endswith("ing") and (prev == "," or bare):
            k = j_end + 1
            c = _content_after(toks, k, hi, False)
            end = ue
            if c is not None and cue_text in _OBJECT_CHECKS:
                # ', calling the raid "a crime"': only with its verdict, and the object is the content
                if _object_fails(cue_text, toks, c, hi):
                    continue
                end = toks[_object_end(toks, c, hi) - 1][1]
            if c is not None:
                spk = last.speaker if last is not None else _subject(toks, 0, i)
                if bare:
                    frames[-1] = _Frame(last.cue, last.speaker, (last.content[0], toks[i - 1][1]))
                elif last is not None and last.content[0] < toks[i - 1][0] < last.content[1]:
                    # "X said A, saying B": A ends at the comma, so both statements stay
                    frames[-1] = _Frame(last.cue, last.speaker, (last.content[0], toks[i - 1][0]))
                frames.append(_Frame((m.start(), m.end()), spk, (toks[c][0], end)))
            continue
        if cue_text == "calling":
            continue  # "a resolution calling for ...": a modifier; the verdict "calling" follows a comma
        if cue_text in verbs.nounlike and (prev.lower() in _DET or prev.endswith(("ed", "'s")) or prev in verbs.stance):
            continue  # "denied reports that", "the claims that": a noun, not a verb
        if prev.lower() in ("a", "an") and cue_text in verbs.objects:
            continue  # "sounded a call for ...": a noun, whatever its cue lemma's other forms
        sp = _quoted_as_saying(toks, i) if cue_text.endswith("ing") else None
        sp = sp or _speaker_before(toks, i, 0, cue_text, verbs.stance.keys())
        relative = sp is None and (sp := _who_before(toks, i, verbs.stance.keys())) is not None
        if sp is None and not cue_text.endswith("ing"):
            # a second verb of the subject: "The command called the bombing an aggression and said ..."
            j = i - 1
            while j > 0 and toks[j][2].lower() in _SKIP_BEFORE:
                j -= 1
            if j >= 2 and toks[j][2].lower() in ("and", "but"):
                subject = frames[-1].speaker if frames else _subject(toks, 0, j)
                k = j_end + 1
                if cue_text.startswith(("told", "tell")):
                    k = _skip_object(toks, k, hi)
                c = _content_after(toks, k, hi, lemma_weak, verbs.stance.keys())
                np = _object_cue(cue_text, verbs)
                end = ue
                if c is None and np and (c := _object_after(toks, k, hi, cue_text in verbs.nounlike)) is not None:
                    end = toks[_object_end(toks, c, hi) - 1][1]
                if np and _inside(frames, m.start()) or _object_fails(cue_text, toks, c, hi):
                    continue
                if subject is not None and c is not None:
                    last = frames[-1] if frames else None
                    if last is not None and last.content[0] < toks[j][0] < last.content[1]:
                        frames[-1] = _Frame(last.cue, last.speaker, (last.content[0], toks[j][0]))  # ends at "and"
                    frames.append(_Frame((m.start(), m.end()), subject, (toks[c][0], end), np))
                continue
        if sp == "passive" and (agent := _passive_agent(toks, i, j_end, hi)) is not None:
            # "Losses were reported by the council": the subject is the content, the agent speaks (what
            # follows the agent is left out: PolNeAR dev F1 0.8424 -> 0.8412 with it)
            aux, a0, a1 = agent
            spk = (toks[a0][0], toks[a1][1])
            if aux >= 2:
                frames.append(_Frame((m.start(), m.end()), spk, (us, toks[aux - 1][1]), True))
            continue
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
            or (toks[k][2].lower() in _TIME_PREP and not any(tk[2] == "that" for tk in toks[k:k + 10])
                and not _clause_after_date(toks, k, hi))
        # the walked-back phrase may also run from the unit's start, in a short sentence ("Most of the streets
        # were empty a witness said." / "... said in a statement"), not before a clause ("said Wednesday the ...")
        short = s0 < 2 and s1 - s0 >= 3 and not cue_text.endswith("ing") \
            and (k >= hi or toks[k][2] in (".", "!", "?") or toks[k][2].lower() in ("in", "on"))
        if lost and not before_ok and tail and (s0 >= 2 and is_word(toks[s0 - 1][2]) or short):
            s0 = _bare_speaker(toks, s0, s1)  # "... under the Vale Accord the Coalition said."
            before_ok = s0 >= 3
        after_quote = s0 >= 2 and toks[s0 - 1][2] == '"'
        if after_quote and not (k < hi and (toks[k][2] in (":", "that") or toks[k][2] == '"')):
            tail = True  # '"...," he said of the plan' / '..." Christie said when asked'
        if before_ok and tail:
            end = toks[s0 - 1][1] if toks[s0 - 1][2] == '"' or is_word(toks[s0 - 1][2]) else toks[s0 - 1][0]
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
        inner = _quoting(toks, k, hi)
        if inner is not None:  # "SANA said, quoting a military source, that ...": the innermost speaker
            (s0, s1), k = inner
        c = _content_after(toks, k, hi, lemma_weak, verbs.stance.keys())
        np = _object_cue(cue_text, verbs)
        end = ue
        if c is None and np and (c := _object_after(toks, k, hi, cue_text in verbs.nounlike)) is not None:
            end = toks[_object_end(toks, c, hi) - 1][1]
        if c is None and lemma_weak and not cue_text.endswith("ing") and (
                _bare_clause(toks, k, hi) or _wh_clause(toks, k, hi) and prev.lower() not in ("to", "not", "n't", "never")):
            # "noted the dam will ...", "asked whether ..." (not "to ask why", "does not answer whether"):
            # a clause without "that", minor
            c, np = k, True
        if c is None and cue_text in _ASKED and (q := _question(toks, k, hi)) is not None:
            c, np = q[0], True  # "X asked Y whether ...", "X asked Y to ...": minor, as a bare clause
        if c is None or (np and _inside(frames, m.start())) or _object_fails(cue_text, toks, c, hi):
            continue
        if relative:  # "Perez, who said A, added B": A ends with the relative clause
            end = min(end, _relative_end(toks, c, hi))
        last = frames[-1] if frames else None
        if last is not None and prev == "," and last.content[0] < m.start() < last.content[1] and s0 < i \
                and toks[s0][0] < last.cue[0]:
            # "Ortiz, who on May 9 said A, said B": the subject's own cue ends the relative clause's A
            frames[-1] = _Frame(last.cue, last.speaker, (last.content[0], toks[i - 1][0]), last.minor)
        frames.append(_Frame((m.start(), m.end()), (toks[s0][0], toks[s1][1]), (toks[c][0], end), np))
    frames = [f for f in frames if not (f.minor and _inside(frames, f.cue[0]))]
    return [c for f in frames if (c := _checked(t, f, frames)) is not None]


def _checked(t: str, fr: _Frame, frames: list[_Frame]) -> _Frame | None:
    """``fr``; with its speaker cut before a relative clause ("Mara Quill who was wounded" -> "Mara Quill"), or
    without its speaker when the span cannot be a noun phrase (:func:`.spans.plausible_span`); ``None`` (no
    frame) when its cue lies in another frame's content ("said it was alarmed by reports ...": the noun "reports"
    read as a cue with speaker "by"), so the outer statement stays whole."""
    if fr.speaker is None:
        return fr
    if (span := plausible_span(t, *fr.speaker)) is not None:
        return fr if span == fr.speaker else _Frame(fr.cue, span, fr.content, fr.minor)
    if any(o is not fr and o.content[0] <= fr.cue[0] < o.content[1] for o in frames):
        return None
    return _Frame(fr.cue, None, fr.content, fr.minor)


def _object_cue(cue_text: str, verbs: Verbs) -> bool:
    """Whether a cue's noun-phrase object may be its content (``object_content`` in verbs.yml): not an
    -ing form outside the ", saying" frame ("taxpayers reporting capital gains": a modifier)."""
    return cue_text in verbs.objects and not cue_text.endswith("ing")


def _inside(frames: list[_Frame], pos: int) -> bool:
    """Whether ``pos`` (an object-content cue) lies in the content of a clausal frame: it is then part of
    that statement ("Rhee says the mayor promised to ..."), and the outer attribution stays, unlike a
    nested report of speech ("SANA said a source said ...") where the innermost one does."""
    return any(not o.minor and o.content[0] <= pos < o.content[1] for o in frames)


def _lead_in(t: str, us: int, ue: int, cues: list[re.Match], verbs: Verbs,
             toks: list | None = None) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """Cue and speaker spans of a unit that only introduces the quotation after it ("A defense official
    told the radio:" before a paragraph that is one quotation): the last cue, followed by nothing but
    its hearer and the colon that ends the unit; ``None`` when the unit says anything else (``toks``:
    the unit's :func:`tokens`, when the caller has them)."""
    toks = tokens(t, us, ue) if toks is None else toks
    if not toks or toks[-1][2] != ":" or not cues:
        return None
    m = cues[-1]
    index = {s: n for n, (s, _e, _w) in enumerate(toks)}
    i = index.get(m.start())
    if i is None or not _introduces_speech(t, m):
        return None
    j_end = i
    while j_end + 1 < len(toks) and toks[j_end + 1][1] <= m.end():
        j_end += 1
    k = j_end + 1
    if m.group().lower().startswith(("told", "tell")):
        k = _skip_object(toks, k, len(toks))
    if k != len(toks) - 1:
        return None
    sp = _speaker_before(toks, i, 0, m.group().lower(), verbs.stance.keys())
    if sp is None or sp == "passive":
        return None
    return (m.start(), m.end()), (toks[sp[0]][0], toks[sp[1]][1])


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
    words_before = sum(1 for tk in toks[:i] if is_word(tk[2]))
    if words_before >= 3:
        end = toks[i - 1][0] if toks[i - 1][2] == "," else toks[i][0]
        if n < hi and toks[n][2] == "," and hi - n > 4:  # "X, according to Y, is ..." -> the whole sentence
            end = ue
        return [_Frame(cue, speaker, (us, end))]
    if n < hi and toks[n][2] == "," and hi - n > 3:
        return [_Frame(cue, speaker, (toks[n + 1][0], ue))]
    return []
