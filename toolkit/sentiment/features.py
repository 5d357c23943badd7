"""The linear target model's features: lexicon and role cues, window words, position and framing.

What :mod:`toolkit.sentiment.linear` weighs for one target (a :class:`~toolkit.sentiment.context.TargetContext`):
(1) the rule scorer's weighted VADER and TextBlob word terms (:mod:`toolkit.sentiment.rules`), split by sign
and by channel (the outlet's own words vs someone else's quotation), and its raw totals, (2) the target's
roles of :mod:`toolkit.sentiment.context`, (3) the lowercased words within eight tokens of the target
(:attr:`FeatureSet.window`), weighted by distance, marked left/right and negated, and every word of the
sentence, and (4) position and framing features. :func:`features` gives them as ``(name, value, token or
-1)`` triples in a fixed order; the pieces (:func:`cue_features`, :func:`word_features`,
:func:`tail_features`) let the backend add up logits without building names it has no weight for.
Feature templates follow Jiang et al. 2011 (target-dependent features) over NewsMTSC (Hamborg & Donnay 2021).

Limits: one sentence, bag of words inside the window (no order beyond left/right and negation); a word
unseen in training counts only through the lexicons.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .context import AnalysedSentence, TargetContext, role_cues
from .rules import RuleParams, role_terms, word_terms

__all__ = ["FUNCTION_WORDS", "WINDOW_WORDS", "FeatureSet", "token_feature_names", "word_feature_names", "shown_word",
           "showable", "cue_features", "word_features", "tail_features", "features"]

WINDOW_WORDS = 8
_WORDLIKE = re.compile(r"\w")

FUNCTION_WORDS = frozenset("""
a an the this that these those some any each every no its his her their our my your
of in on at by for from to with into onto over under about as than between among through during
and or but nor so if then because while although though
is are was were be been being am do does did has have had having will would shall should can could may might
must it he she they we i you him them us me who whom whose which what there here said says say told
""".split())
"""Words that carry no portrayal of their own (determiners, prepositions, conjunctions, auxiliaries,
pronouns, and the neutral speech verbs): with ``FeatureSet(function_words=False)`` they are no window
features, and they are never shown as evidence."""

_SO_CALLED = frozenset({"so-called", "self-styled", "self-proclaimed", "supposed", "pseudo"})
_PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "around", "across", "inside", "into", "toward",
                                 "towards", "from", "over", "throughout"})


@dataclass(frozen=True)
class FeatureSet:
    """Which feature groups :func:`features` builds (the settings chosen by cross-validation).

    Attributes:
        function_words: lowercased window words include :data:`FUNCTION_WORDS`.
        framing: three framing features: ``frame:so_called`` ("so-called", "self-styled" right before
            the target: delegitimising), ``frame:scare_quote`` (the target alone in quotation marks)
            and ``frame:place`` (the target after a place preposition, "in Damascus": a place, not a
            government).
        passive_agent: the lexicon features damp the verb and the words before it when the target is
            the agent of a passive ("Y was accused by X": the words describe Y), as the rule scorer
            already does for an active agent's verb (:attr:`RuleParams.passive_agent`).
        window: tokens on each side of the target whose words are window features.
        clause: 0: the window ignores clause breaks (``clause_breaks`` of ``sentiment_roles.yml``);
            1: window words beyond a break are left out; 2: they are kept under their own names
            (``wxL:``/``wxR:``), so the model weighs the target's clause and the rest apart.
        bigrams: adjacent word pairs inside the window are features too (``wbL:``/``wbR:``).
    """

    function_words: bool = True
    framing: bool = False
    passive_agent: bool = False
    window: int = WINDOW_WORDS
    clause: int = 0
    bigrams: bool = False


@functools.lru_cache(maxsize=1 << 16)
def token_feature_names(word: str, negated: bool) -> tuple[str, str, str, str, str] | None:
    """One token's feature names, indexed by the kinds of :func:`word_features`: left window, right
    window, the two across a clause break (``wxL:``/``wxR:``), sentence; ``None`` for a token that
    is not a word, a quotation mark, ``?`` or ``!``. Memoised across sentences, so a word's names
    are the same strings (hashed once) in every sentence."""
    if not (_WORDLIKE.match(word) or word in ('"', "?", "!")):
        return None
    w = ("!" if negated else "") + word
    return f"wL:{w}", f"wR:{w}", f"wxL:{w}", f"wxR:{w}", f"s:{w}"


def word_feature_names(sent: AnalysedSentence) -> tuple[tuple[str, str, str, str, str] | None, ...]:
    """Per token its :func:`token_feature_names`, looked up once per sentence for all its mentions."""
    names = sent.scored.get(word_feature_names)
    if names is None:
        names = sent.scored[word_feature_names] = tuple(map(token_feature_names, sent.lower, sent.negated))
    return names


def shown_word(word: str) -> bool:
    """Whether a lowercased token may be shown as evidence: a word that is not one of :data:`FUNCTION_WORDS`."""
    return bool(_WORDLIKE.match(word)) and word not in FUNCTION_WORDS


def showable(sent: AnalysedSentence) -> tuple[bool, ...]:
    """Per token :func:`shown_word`, once per sentence."""
    show = sent.scored.get(showable)
    if show is None:
        show = sent.scored[showable] = tuple(map(shown_word, sent.lower))
    return show


def _framing(ctx: TargetContext) -> list[tuple[str, float, int]]:
    """The framing features of :class:`FeatureSet` for one target."""
    sent, out = ctx.sent, []
    before = sent.lower[max(0, ctx.t0 - 3):ctx.t0]
    if not _SO_CALLED.isdisjoint(before) or ("so" in before and "called" in before):
        out.append(("frame:so_called", 1.0, -1))
    q = ctx.target_quote
    if q >= 0 and sent.quote.count(q) <= ctx.t1 - ctx.t0 + 3:  # the marks and the name only
        out.append(("frame:scare_quote", 1.0, -1))
    k = ctx.t0 - 1
    while k >= 0 and sent.lower[k] in ("the", "a", '"'):
        k -= 1
    if k >= 0 and sent.lower[k] in _PLACE_PREPOSITIONS:
        out.append(("frame:place", 1.0, -1))
    return out


def cue_features(ctx: TargetContext, lexicons: Sequence, params: RuleParams,
                  ignore_quotes: bool) -> list[tuple[str, float, int]]:
    """The lexicon and role features ``(name, value, token or -1)``: per lexicon the rule scorer's
    weighted word terms split by sign and channel (``lex:``) and its raw total (``tot:``), then the
    target's roles (``role:``)."""
    feats: list[tuple[str, float, int]] = []
    roles = role_terms(ctx, params) if ctx.roles else []
    for lex in lexicons:
        terms = word_terms(ctx, lex.word_score, params, ignore_quotes)
        names = _cue_names(lex.name)
        for i, v, ch in terms:
            feats.append((names[ch, v > 0], abs(v), i))
        total = sum(v for _i, v, _c in terms + roles)  # the rule scorer's raw sum
        feats.append((names["tot", total > 0], abs(total), -1))
    for i, kind, role in ctx.roles:
        neg = "not_" if ctx.sent.negated[i] else ""
        feats.append((f"role:{neg}{kind}_{role}", 1.0, i))
    return feats


@functools.lru_cache(maxsize=None)
def _cue_names(lexicon: str) -> dict[tuple[str, bool], str]:
    """A lexicon's cue feature names by (channel, or ``tot``; positive): ``lex:<lexicon>:<channel>:<sign>``
    and ``tot:<lexicon>:<sign>``."""
    sign = {False: "neg", True: "pos"}
    names = {(ch, up): f"lex:{lexicon}:{ch}:{sign[up]}" for ch in ("near", "quote") for up in sign}
    return names | {("tot", up): f"tot:{lexicon}:{sign[up]}" for up in sign}


def word_features(ctx: TargetContext, fs: FeatureSet, ignore_quotes: bool) -> list[tuple[int, int, float]]:
    """The window and sentence word features as ``(token, kind, value)``, in token order.

    ``kind`` indexes the token's :func:`token_feature_names`: 0/1 a word within ``fs.window`` tokens left/right
    of the target, weighted by distance (2/3 when ``fs.clause == 2`` and a clause break lies
    between), then 4 for every word of the sentence, weighted ``1 / sqrt(tokens)``. Target tokens,
    and with ``ignore_quotes`` words in someone else's quotation, are left out.
    """
    sent = ctx.sent
    lower, quote, breaks = sent.lower, sent.quote, sent.breaks
    t0, t1, tq, window, clause = ctx.t0, ctx.t1, ctx.target_quote, fs.window, fs.clause
    s_value = 1.0 / math.sqrt(len(lower))
    out = []
    for i, names in enumerate(word_feature_names(sent)):
        if names is None or t0 <= i <= t1 or (not fs.function_words and lower[i] in FUNCTION_WORDS):
            continue
        if ignore_quotes and quote[i] >= 0 and quote[i] != tq:
            continue
        side, dist = (0, t0 - i) if i < t0 else (1, i - t1)
        if dist <= window:
            if not clause or breaks[i] == breaks[t0 if side == 0 else t1]:
                out.append((i, side, 1.0 / (1.0 + (dist - 1) / 3.0)))
            elif clause == 2:
                out.append((i, side + 2, 1.0 / (1.0 + (dist - 1) / 3.0)))
        out.append((i, 4, s_value))
    return out


def tail_features(ctx: TargetContext, fs: FeatureSet,
                   words: list[tuple[int, int, float]]) -> list[tuple[str, float, int]]:
    """The features after the word features: window bigrams (``fs.bigrams``), position, framing
    (``fs.framing``) and the bias, all ``(name, value, -1)``."""
    sent, cues = ctx.sent, role_cues()
    lower = sent.lower
    feats: list[tuple[str, float, int]] = []
    if fs.bigrams:
        window = {i: (kind, value) for i, kind, value in words if kind < 4}
        for i, (kind, value) in window.items():
            nxt = window.get(i + 1)
            if nxt is not None and nxt[0] == kind:  # both in the same window part
                feats.append((f"wb{'LR'[kind % 2]}:{lower[i]}_{lower[i + 1]}", max(value, nxt[1]), -1))
    n = len(lower)
    feats.append(("pos:first", float(ctx.t0 <= 1), -1))
    feats.append(("pos:in_quote", float(ctx.target_quote >= 0), -1))
    near = lower[max(0, ctx.t0 - 3):ctx.t0] + lower[ctx.t1 + 1:ctx.t1 + 4]
    feats.append(("pos:speaker", float(not cues.speech.isdisjoint(near)), -1))
    feats.append(("pos:has_quote", float(max(sent.quote, default=-1) >= 0), -1))
    feats.append(("pos:len", min(n, 60) / 60.0, -1))
    if fs.framing:
        feats += _framing(ctx)
    feats.append(("bias", 1.0, -1))
    return feats


def features(ctx: TargetContext, lexicons: Sequence, params: RuleParams,
             ignore_quotes: bool, fs: FeatureSet = FeatureSet()) -> list[tuple[str, float, int]]:
    """Feature ``(name, value, token or -1)`` triples for the linear model, in this order: the
    lexicon and role features (:func:`cue_features`), the word features (:func:`word_features`,
    named by :func:`token_feature_names`) and the rest (:func:`tail_features`).

    Lexicon features are the rule scorer's weighted word terms, split by sign and by channel (own
    words vs someone else's quotation), and its raw total per lexicon; word features are the lowercased tokens within
    ``WINDOW_WORDS`` of the target, weighted by distance and marked left/right and negated.
    """
    names = word_feature_names(ctx.sent)
    words = word_features(ctx, fs, ignore_quotes)
    return [*cue_features(ctx, lexicons, params, ignore_quotes),
            *((names[i][kind], value, i) for i, kind, value in words),
            *tail_features(ctx, fs, words)]
