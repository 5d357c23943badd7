"""The target's context: its sentence, the sentence's tokens, and the cue words around the target.

What every sentiment backend reads about a mention ``text[start:end]``:

* :func:`sentence_of`: the bounds of the sentence holding it (``toolkit.text.sentence_bounds`` of the
  text, split once per text), also the input of the ``trained`` model;
* :func:`analyse_sentence`: the sentence's tokens (``toolkit.text.token_bounds``), lowercased with
  quotes normalised, their quotation region, negation (a negator within three tokens before, as in
  VADER, Hutto & Gilbert 2014, ICWSM) and clause-break counts;
* :func:`target_context`: the target's tokens in it and its grammatical role toward nearby verbs
  and nouns of attack or support (``toolkit/lexicons/sentiment_roles.yml``, :func:`role_cues`):
  the object of "slammed" is its patient, "X slammed" its agent, "slammed by X" the agent again;
  a noun of armed violence ("raids", "shelling") has as agent only its modifier ("Russian raids",
  "Russia's raids") or its "by" phrase, as patient its "on"/"against"/"of"/"in" phrase.

Everything is cached per sentence, so the backends of one analysis share one analysis of it. The
role rules are positional (a window of six tokens, the clause breaks of the cue file, passive
auxiliaries with an ``-ed`` verb); there is no parser, so long-distance roles are missed.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..lexicon import DEFAULT_DIR, load_yaml, require
from ..quotes.verbs import inflect
from ..text import LINE_BREAKS, normalize_quotes, sentence_bounds, token_bounds

__all__ = ["ROLES_PATH", "Cues", "role_cues", "sentence_of", "AnalysedSentence", "analyse_sentence",
           "TargetContext", "target_context"]

ROLES_PATH = DEFAULT_DIR / "sentiment_roles.yml"

_NEGATION_WINDOW = 3
_ROLE_WINDOW = 6
_VIOLENCE_PREPS = frozenset({"by", "on", "against", "of", "targeting", "in"})


@dataclass(frozen=True)
class Cues:
    """The cue words of ``sentiment_roles.yml``: verbs and nouns of attack and support (with their
    regular inflections; nouns of armed violence count as attack cues but not as the possessive
    ``nouns``), passive auxiliaries, speech verbs, negators and clause breaks; the person nouns of an
    actor's followers and the words after which such a noun reads as a verb (:mod:`toolkit.sentiment.news`)."""

    attack: frozenset
    support: frozenset
    nouns: frozenset
    passive_aux: frozenset
    speech: frozenset
    negators: frozenset
    breaks: frozenset
    violence: frozenset = frozenset()
    followers: frozenset = frozenset()
    follower_objects: frozenset = frozenset()


@functools.lru_cache(maxsize=4)
def role_cues(path: Path = ROLES_PATH) -> Cues:
    """The cue words of a roles file (cached on its path: the packaged file does not change).

    Raises:
        toolkit.lexicon.LexiconError: the file is malformed (the message names file and line).
    """
    data = load_yaml(path)
    require(isinstance(data, dict), path, data, "top level must be a mapping")
    require("source" in data, path, data, "a 'source:' citation is required")
    keys = ("attack_verbs", "support_verbs", "attack_irregular", "attack_nouns", "support_nouns",
            "passive_auxiliaries", "speech_verbs", "negators", "clause_breaks")
    for key in keys:
        value = data.get(key)
        require(isinstance(value, list) and all(isinstance(w, str) for w in value), path, value,
                f"'{key}' must be a list of strings", parent=data)
    optional = {}
    for key in ("violence_nouns", "follower_nouns", "follower_verb_objects"):
        value = optional[key] = data.get(key, [])
        require(isinstance(value, list) and all(isinstance(w, str) for w in value), path, value,
                f"'{key}' must be a list of strings", parent=data)
    violence = optional["violence_nouns"]
    attack = set(data["attack_irregular"]) | set(data["attack_nouns"]) | set(violence)
    for verb in data["attack_verbs"]:
        attack.update(inflect(verb))
    support = set(data["support_nouns"])
    for verb in data["support_verbs"]:
        support.update(inflect(verb))
    nouns = frozenset(data["attack_nouns"]) | frozenset(data["support_nouns"])
    return Cues(frozenset(attack), frozenset(support - attack), nouns, frozenset(data["passive_auxiliaries"]),
                frozenset(data["speech_verbs"]), frozenset(data["negators"]), frozenset(data["clause_breaks"]),
                frozenset(violence), frozenset(optional["follower_nouns"]),
                frozenset(optional["follower_verb_objects"]))


_LINE_BREAK = re.compile(f"[{LINE_BREAKS}]")  # the breaks toolkit.text.sentences never crosses


@functools.lru_cache(maxsize=8)
def _line_breaks(text: str) -> list[int]:
    """Offsets of the line breaks of ``text``, in order (found once per text)."""
    return [m.start() for m in _LINE_BREAK.finditer(text)]


@functools.lru_cache(maxsize=8)
def _text_index(text: str) -> tuple[list[tuple[int, int]], list[int], bool]:
    """The sentence bounds of ``text`` (:func:`toolkit.text.sentence_bounds`, which the pipeline has
    already computed for its sentence table and caches per text), their starts, and whether they
    are sorted and disjoint."""
    sents = sentence_bounds(text)
    starts = [s for s, _e in sents]
    disjoint = all(a[1] <= b[0] for a, b in zip(sents, sents[1:]))
    return sents, starts, disjoint


def sentence_of(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence holding ``[start, end)`` (its line if the splitter finds none).

    The sentences are the text's own (:func:`toolkit.text.sentence_bounds`, split once per text
    and shared with the pipeline's sentence table, so scoring an analysed article splits nothing
    again). Sentences never cross a line break, so a sentence holding ``start`` lies in its line;
    the line bounds come from the text's line breaks and the sentence from the sentence starts,
    both by binary search, so a long paragraph costs no scan per mention.
    """
    breaks = _line_breaks(text)
    i = bisect.bisect_left(breaks, start)  # breaks[:i] lie before start
    lo = breaks[i - 1] + 1 if i else 0
    j = bisect.bisect_left(breaks, end)  # the first break at or after end
    hi = breaks[j] if j < len(breaks) else len(text)
    sents, starts, disjoint = _text_index(text)
    if disjoint:  # only the last sentence opening at or before start can hold it
        k = bisect.bisect_right(starts, start) - 1
        if k >= 0 and start < sents[k][1]:
            return sents[k][0], max(sents[k][1], end)
        return lo, hi
    for s, e in sents:
        if s <= start < e:
            return s, max(e, end)
    return lo, hi


@dataclass(frozen=True)
class AnalysedSentence:
    """One sentence as the backends read it, per token of :func:`toolkit.text.token_bounds`."""

    text: str = field(compare=False, repr=False)  # the text the offsets index
    toks: tuple[tuple[int, int], ...]  # (start, end) per token of toolkit.text.tokens
    lower: tuple[str, ...]
    quote: tuple[int, ...]  # quotation region id per token, -1 outside quotes
    negated: tuple[bool, ...]
    breaks: tuple[int, ...]  # cumulative count of clause breaks up to each token
    # computed once per sentence for all mentions in it: per lexicon, (token, polarity with negation
    # applied) of the tokens it scores; and what other steps derive from the sentence (feature names,
    # token slots, vocabulary rows, role cues, token bounds)
    scored: dict = field(default_factory=dict, compare=False, repr=False)


@functools.lru_cache(maxsize=4096)
def analyse_sentence(text: str, s: int, e: int) -> AnalysedSentence:
    """The tokens of the sentence ``text[s:e]`` with their quotation regions, negation and clause breaks."""
    cues = role_cues()
    negators, clause_breaks = cues.negators, cues.breaks
    toks = tuple(token_bounds(text, s, e))
    norm = normalize_quotes(text[s:e])
    if norm.isascii():  # lowercasing is per character: lowercase once, then cut
        norm = norm.lower()
        lower = tuple([norm[a - s:b - s] for a, b in toks])
        joined = norm  # holds every token
    else:  # curly apostrophes made straight; per token (Unicode case rules read the context)
        lower = tuple([norm[a - s:b - s].lower() for a, b in toks])
        joined = "".join(lower)
    n_toks = len(lower)
    quote: tuple[int, ...] = (-1,) * n_toks
    if '"' in lower:
        regions, region, inside = [], 0, False
        for w in lower:
            if w == '"':  # quotation marks belong to the region they delimit
                regions.append(region)
                if inside:
                    region += 1
                inside = not inside
            else:
                regions.append(region if inside else -1)
        quote = tuple(regions)
    negated: tuple[bool, ...] = (False,) * n_toks
    if not negators.isdisjoint(lower) or "n't" in joined:  # else no token is a negator
        flags, last_neg = [], -99
        for i, w in enumerate(lower):
            flags.append(i - last_neg <= _NEGATION_WINDOW)
            if w in negators or w.endswith("n't"):
                last_neg = i
            elif w in clause_breaks:
                last_neg = -99
        negated = tuple(flags)
    breaks = tuple(itertools.accumulate(map(clause_breaks.__contains__, lower), initial=0))[1:]
    return AnalysedSentence(text, toks, lower, quote, negated, breaks)


@dataclass(frozen=True)
class TargetContext:
    """Token-level view of a sentence relative to one target."""

    sent: AnalysedSentence
    t0: int  # first target token
    t1: int  # last target token
    roles: tuple[tuple[int, str, str], ...]  # (token, "attack"/"support", "agent"/"patient")
    target_quote: int  # quotation region holding the target, -1 if none


@functools.lru_cache(maxsize=4096)  # the three backends of analyze ask for each mention's context in turn
def target_context(text: str, start: int, end: int) -> TargetContext:
    """The mention ``text[start:end]`` in its analysed sentence: its tokens, quotation and roles."""
    s, e = sentence_of(text, start, end)
    sent = analyse_sentence(text, s, e)
    bounds = sent.scored.get(target_context)
    if bounds is None:  # token starts and ends, both ascending: the tokens overlapping the mention are a run
        bounds = sent.scored[target_context] = tuple(zip(*sent.toks)) or ((), ())
    t0, t1 = bisect.bisect_right(bounds[1], start), bisect.bisect_left(bounds[0], end) - 1
    if t0 > t1:  # mention between tokens: nearest token
        t0 = t1 = min(range(len(sent.toks)), key=lambda i: abs(sent.toks[i][0] - start)) if sent.toks else 0
    target_quote = sent.quote[t0] if sent.toks else -1
    return TargetContext(sent, t0, t1, _roles(sent, t0, t1), target_quote)


def _roles(sent: AnalysedSentence, t0: int, t1: int) -> tuple[tuple[int, str, str], ...]:
    """Attack/support cues near the target and whether the target is their agent or patient."""
    cues = role_cues()
    out = []
    lo, hi = max(0, t0 - _ROLE_WINDOW), min(len(sent.lower), t1 + _ROLE_WINDOW + 1)
    found = sent.scored.get(_roles)
    if found is None:  # the sentence's attack and support words, found once for all its mentions
        found = sent.scored[_roles] = [(i, "attack" if w in cues.attack else "support")
                                       for i, w in enumerate(sent.lower) if w in cues.attack or w in cues.support]
    for i, kind in found[bisect.bisect_left(found, (lo,)):]:
        if i >= hi:
            break
        w = sent.lower[i]
        if t0 <= i <= t1:
            continue
        if w in cues.violence:  # a noun: only its own modifier or its "by"/"on" phrase is its agent/patient
            between = sent.lower[t1 + 1:i] if i > t1 else sent.lower[i + 1:t0]
            if i > t1 and all(b in ("'s", "'", "s") for b in between):
                out.append((i, kind, "agent"))  # "Russian raids", "Russia's raids"
            elif i < t0 and between and between[0] in _VIOLENCE_PREPS and len(between) <= 3:
                out.append((i, kind, "agent" if between[0] == "by" else "patient"))  # "raids by X", "raids on Y"
            continue
        if i > t1:  # cue after the target: target is the agent unless passive ("X was slammed")
            if sent.breaks[i - 1] != sent.breaks[t1]:
                continue
            between = sent.lower[t1 + 1:i]
            passive = any(b in cues.passive_aux for b in between) and w.endswith("ed")
            modifier = w in cues.nouns and all(b in ("'s", "'", "s") for b in between)  # "X's critics"
            out.append((i, kind, "patient" if passive or modifier else "agent"))
        else:  # cue before the target: target is the patient unless "slammed by X"
            if sent.breaks[t0 - 1] != sent.breaks[i]:
                continue
            between = sent.lower[i + 1:t0]
            out.append((i, kind, "agent" if "by" in between else "patient"))
    return tuple(out)


