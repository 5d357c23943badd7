"""Target-dependent sentiment: how a sentence portrays the actor mentioned at ``[start, end)``.

Sentence-level sentiment ignores the target: in "X slammed Y" the sentence is negative, but the
criticism is about Y, not X. Following the target-dependent sentiment literature (Jiang et al. 2011,
"Target-dependent Twitter Sentiment Classification", ACL; Hamborg & Donnay 2021, "NewsMTSC:
(Multi-)Target-dependent Sentiment Classification in News Articles", EACL), this module scores the
target from what sits around it:

* word polarities from a lexicon backend, weighted by token distance to the mention and damped
  across clause breaks;
* negation within three tokens flips and damps a word (VADER's ``N_SCALAR`` = -0.74, Hutto &
  Gilbert 2014, ICWSM);
* words inside a quotation that does not contain the target are someone else's voice: damped
  (``target_sentiment``) or ignored (:func:`portrayal`);
* the target's grammatical role toward verbs of attack or support
  (``toolkit/lexicons/sentiment_roles.yml``): the object of "slammed" is portrayed negatively,
  its agent is not, and words after the verb describe the object rather than the agent.

Backends implement the small :class:`SentimentBackend` protocol. ``vader`` (NLTK's VADER with the
lexicon shipped in the ``vaderSentiment`` package) and ``textblob`` (TextBlob's pattern lexicon)
are built in and scored with the rules above. ``default`` is a multinomial logistic regression over
those rule features plus distance-weighted window words, fitted on the NewsMTSC train split and
shipped as word/feature coefficients in ``toolkit/models/sentiment_linear.json`` (see the manifest
beside it); :func:`train` refits it from a user-given NewsMTSC-format file.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import json
import math
import os
import re
import string
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

from ..datasets import Example, load_newsmtsc
from ..lexicon import DEFAULT_DIR, LexiconError, load_yaml, require
from ..paths import cache_dir
from ..text import LINE_BREAKS, Span, normalize_quotes, sentences, token_bounds

__all__ = [
    "LABELS",
    "Evidence",
    "TargetSentiment",
    "Example",
    "SentimentBackend",
    "VaderBackend",
    "TextBlobBackend",
    "RuleParams",
    "RuleTargetBackend",
    "LinearTargetBackend",
    "register_backend",
    "get_backend",
    "available_backends",
    "target_sentiment",
    "portrayal",
    "voice",
    "label_of",
    "train",
    "MODEL_PATH",
]

LABELS = ("negative", "neutral", "positive")
MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "sentiment_linear.json"
ROLES_PATH = DEFAULT_DIR / "sentiment_roles.yml"

_NEGATION_SCALAR = -0.74  # VADER's N_SCALAR (Hutto & Gilbert 2014)
_NEGATION_WINDOW = 3
_ROLE_WINDOW = 6
_EVIDENCE_MAX = 6
_EVIDENCE_WORD_MIN = 0.5  # a plain window word (no lexicon/role cue) shown as evidence from this |logit| up


# --------------------------------------------------------------------------------------- records
@dataclass(frozen=True)
class Evidence:
    """A word that moved the score: ``text[start:end]`` and its signed contribution."""

    start: int
    end: int
    text: str
    weight: float


@dataclass(frozen=True)
class TargetSentiment:
    """Sentiment toward the mention ``[start, end)``.

    Attributes:
        label: ``negative``, ``neutral`` or ``positive``.
        score: signed strength in [-1, 1] (negative < 0 < positive).
        evidence: the words that drove the score, strongest first, with offsets into the text.
        start: mention start offset.
        end: mention end offset.
        backend: name of the backend that scored it.
    """

    label: str
    score: float
    evidence: tuple[Evidence, ...]
    start: int
    end: int
    backend: str


# --------------------------------------------------------------------------------------- protocol
@runtime_checkable
class SentimentBackend(Protocol):
    """What a sentiment backend provides.

    Required: ``name`` and ``score(text) -> float`` in [-1, 1] (sentence-level, target-blind).
    Optional: ``word_score(word) -> float`` in [-1, 1] for lowercased single words; a backend that
    has it gets the target-aware rules of this module (distance, negation, quotes, roles). A backend
    may instead implement ``target(text, start, end, ignore_quotes) -> TargetSentiment`` itself.
    """

    name: str

    def score(self, text: str) -> float:
        """Sentence-level polarity in [-1, 1]."""
        ...


# --------------------------------------------------------------------------------------- cue words
@dataclass(frozen=True)
class _Cues:
    attack: frozenset
    support: frozenset
    nouns: frozenset
    passive_aux: frozenset
    speech: frozenset
    negators: frozenset
    breaks: frozenset


def _inflect(base: str) -> set[str]:
    """Regular inflections of an English verb (over-generation is harmless for lookup)."""
    forms = {base, base + "s", base + "es", base + "ed", base + "d", base + "ing"}
    if base.endswith("e"):
        forms |= {base[:-1] + "ing"}
    if base.endswith("y"):
        forms |= {base[:-1] + "ied", base[:-1] + "ies"}
    if re.search(r"[^aeiou][aeiou][bcdfgklmnprstvz]$", base):
        forms |= {base + base[-1] + "ed", base + base[-1] + "ing"}
    return forms


@functools.lru_cache(maxsize=4)
def _cues(path: Path = ROLES_PATH) -> _Cues:
    data = load_yaml(path)
    require(isinstance(data, dict), path, data, "top level must be a mapping")
    require("source" in data, path, data, "a 'source:' citation is required")
    keys = ("attack_verbs", "support_verbs", "attack_irregular", "attack_nouns", "support_nouns",
            "passive_auxiliaries", "speech_verbs", "negators", "clause_breaks")
    for key in keys:
        value = data.get(key)
        require(isinstance(value, list) and all(isinstance(w, str) for w in value), path, value,
                f"'{key}' must be a list of strings", parent=data)
    attack = set(data["attack_irregular"]) | set(data["attack_nouns"])
    for verb in data["attack_verbs"]:
        attack |= _inflect(verb)
    support = set(data["support_nouns"])
    for verb in data["support_verbs"]:
        support |= _inflect(verb)
    nouns = frozenset(data["attack_nouns"]) | frozenset(data["support_nouns"])
    return _Cues(frozenset(attack), frozenset(support - attack), nouns, frozenset(data["passive_auxiliaries"]),
                 frozenset(data["speech_verbs"]), frozenset(data["negators"]),
                 frozenset(data["clause_breaks"]))


# --------------------------------------------------------------------------------------- built-in backends
class _PunctuationStripper:
    """``sub("", text)`` of the pattern ``[<string.punctuation>]``, by ``str.translate``."""

    _table = str.maketrans("", "", string.punctuation)

    def sub(self, repl: str, text: str) -> str:
        if repl:
            raise ValueError("only deletion is supported")
        return text.translate(self._table)


class VaderBackend:
    """VADER (Hutto & Gilbert 2014) through NLTK, with the lexicon shipped in ``vaderSentiment``.

    ``score`` is VADER's compound score; ``word_score`` is the lexicon valence / 4, clipped.
    """

    name = "vader"

    def __init__(self) -> None:
        import nltk
        import vaderSentiment
        from nltk.sentiment.vader import SentimentIntensityAnalyzer

        pkg_dir = os.path.dirname(vaderSentiment.__file__)
        if pkg_dir not in nltk.data.path:
            nltk.data.path.append(pkg_dir)
        self._analyzer = SentimentIntensityAnalyzer(lexicon_file="file:" + os.path.join(pkg_dir, "vader_lexicon.txt"))
        # NLTK strips punctuation with a one-character-class regex run through its ReDoS guard
        # (nltk.redos: the `regex` engine under a timeout), ~6% of a corpus run; str.translate
        # deletes the same characters (string.punctuation), so the scores are unchanged.
        self._analyzer.constants.REGEX_REMOVE_PUNCTUATION = _PunctuationStripper()
        self._lexicon = {w: max(-1.0, min(1.0, v / 4.0)) for w, v in self._analyzer.lexicon.items()}

    @functools.lru_cache(maxsize=8192)  # noqa: B019 - one instance per process (the registry's)
    def score(self, text: str) -> float:
        """VADER compound score of ``text``, memoised: the default backend's ``score`` is VADER's
        too, so ``voice`` of one quote with both backends runs VADER once."""
        return float(self._analyzer.polarity_scores(text)["compound"])

    def word_score(self, word: str) -> float:
        """Valence of one lowercased word (0.0 when not in the lexicon)."""
        return self._lexicon.get(word, 0.0)


class TextBlobBackend:
    """TextBlob's pattern-based polarity (Loria, TextBlob; lexicon of De Smedt & Daelemans 2012).

    ``word_score`` is the polarity of the word's untagged sense in TextBlob's lexicon.
    """

    name = "textblob"

    def __init__(self) -> None:
        from textblob.en import sentiment as lexicon

        self._polarity = lexicon  # what TextBlob(text).sentiment calls, without a blob and a namedtuple class per call
        self._lexicon = {}
        for word, senses in lexicon.items():
            values = senses.get(None) or next(iter(senses.values()))
            if values and values[0]:
                self._lexicon[word.lower()] = float(values[0])

    def score(self, text: str) -> float:
        """TextBlob polarity of ``text`` (the PatternAnalyzer's, as ``TextBlob(text).sentiment.polarity``)."""
        return float(self._polarity(text)[0])

    def word_score(self, word: str) -> float:
        """Polarity of one lowercased word (0.0 when not in the lexicon)."""
        return self._lexicon.get(word, 0.0)


# --------------------------------------------------------------------------------------- text analysis (cached)
_LINE_BREAK = re.compile(f"[{LINE_BREAKS}]")  # the breaks toolkit.text.sentences never crosses


@functools.lru_cache(maxsize=4096)
def _line_sentences(text: str, lo: int, hi: int) -> tuple[Span, ...]:
    """Sentences of the line ``text[lo:hi]`` with offsets into ``text`` (split once per line)."""
    return tuple(Span(x.start + lo, x.end + lo, x.text) for x in sentences(text[lo:hi]))


@functools.lru_cache(maxsize=8)
def _line_breaks(text: str) -> list[int]:
    """Offsets of the line breaks of ``text``, in order (found once per text)."""
    return [m.start() for m in _LINE_BREAK.finditer(text)]


@functools.lru_cache(maxsize=4096)
def _line_index(text: str, lo: int, hi: int) -> tuple[tuple[Span, ...], list[int], bool]:
    """The sentences of one line, their starts, and whether they are sorted and disjoint."""
    sents = _line_sentences(text, lo, hi)
    starts = [x.start for x in sents]
    disjoint = all(a.end <= b.start for a, b in zip(sents, sents[1:]))
    return sents, starts, disjoint


def _sentence_of(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence holding ``[start, end)`` (its line if the splitter finds none).

    Sentences never cross a line break (``toolkit.text.sentences``), so only the mention's line is
    split: a long article with a few mentions costs a few line splits, not a full split. The line
    bounds come from the text's line breaks and the sentence from the line's sentence starts, both
    by binary search, so a long paragraph costs no scan per mention.
    """
    breaks = _line_breaks(text)
    i = bisect.bisect_left(breaks, start)  # breaks[:i] lie before start
    lo = breaks[i - 1] + 1 if i else 0
    j = bisect.bisect_left(breaks, end)  # the first break at or after end
    hi = breaks[j] if j < len(breaks) else len(text)
    sents, starts, disjoint = _line_index(text, lo, hi)
    if disjoint:  # only the last sentence opening at or before start can hold it
        k = bisect.bisect_right(starts, start) - 1
        if k >= 0 and start < sents[k].end:
            return sents[k].start, max(sents[k].end, end)
        return lo, hi
    for x in sents:
        if x.start <= start < x.end:
            return x.start, max(x.end, end)
    return lo, hi


@dataclass(frozen=True)
class _Sent:
    text: str = field(compare=False, repr=False)  # the text the offsets index
    toks: tuple[tuple[int, int], ...]  # (start, end) per token of toolkit.text.tokens
    lower: tuple[str, ...]
    quote: tuple[int, ...]  # quotation region id per token, -1 outside quotes
    negated: tuple[bool, ...]
    breaks: tuple[int, ...]  # cumulative count of clause breaks up to each token
    # computed once per sentence for all mentions in it: per lexicon, (token, polarity with negation
    # applied) of the tokens it scores; under _word_feature_names, the tokens' feature names
    scored: dict = field(default_factory=dict, compare=False, repr=False)


@functools.lru_cache(maxsize=4096)
def _analyse(text: str, s: int, e: int) -> _Sent:
    cues = _cues()
    toks = tuple(token_bounds(text, s, e))
    norm = normalize_quotes(text[s:e])
    lower = tuple(norm[a - s:b - s].lower() for a, b in toks)  # curly apostrophes made straight
    quote, region, inside = [], 0, False
    for a, b in toks:
        if norm[a - s:b - s] == '"':  # quotation marks belong to the region they delimit
            quote.append(region)
            if inside:
                region += 1
            inside = not inside
            continue
        quote.append(region if inside else -1)
    negated, last_neg = [], -99
    for i, w in enumerate(lower):
        negated.append(i - last_neg <= _NEGATION_WINDOW)
        if w in cues.negators or w.endswith("n't"):
            last_neg = i
        elif w in cues.breaks:
            last_neg = -99
    breaks, n = [], 0
    for w in lower:
        n += w in cues.breaks
        breaks.append(n)
    return _Sent(text, toks, lower, tuple(quote), tuple(negated), tuple(breaks))


@dataclass(frozen=True)
class _Context:
    """Token-level view of a sentence relative to one target."""

    sent: _Sent
    t0: int  # first target token
    t1: int  # last target token
    roles: tuple[tuple[int, str, str], ...]  # (token, "attack"/"support", "agent"/"patient")
    target_quote: int  # quotation region holding the target, -1 if none


@functools.lru_cache(maxsize=4096)  # the three backends of analyze ask for each mention's context in turn
def _context(text: str, start: int, end: int) -> _Context:
    s, e = _sentence_of(text, start, end)
    sent = _analyse(text, s, e)
    idx = [i for i, (a, b) in enumerate(sent.toks) if b > start and a < end]
    if not idx:  # mention between tokens: nearest token
        idx = [min(range(len(sent.toks)), key=lambda i: abs(sent.toks[i][0] - start))] if sent.toks else [0]
    t0, t1 = idx[0], idx[-1]
    target_quote = sent.quote[t0] if sent.toks else -1
    return _Context(sent, t0, t1, _roles(sent, t0, t1), target_quote)


def _roles(sent: _Sent, t0: int, t1: int) -> tuple[tuple[int, str, str], ...]:
    """Attack/support cues near the target and whether the target is their agent or patient."""
    cues = _cues()
    out = []
    lo, hi = max(0, t0 - _ROLE_WINDOW), min(len(sent.lower), t1 + _ROLE_WINDOW + 1)
    for i in range(lo, hi):
        w = sent.lower[i]
        kind = "attack" if w in cues.attack else "support" if w in cues.support else None
        if kind is None or t0 <= i <= t1:
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


# --------------------------------------------------------------------------------------- rule scorer
@dataclass(frozen=True)
class RuleParams:
    """Settings of the rule scorer.

    Defaults are VADER's best macro-F1 settings from a grid search on 2,500 NewsMTSC train targets
    (scale 2/4/8, break 0.5/0.8/1, object 0.2/0.5/1, role 0.25/0.5/1, quote 0.25/0.5, thresholds
    in steps of 0.025); the grid was flat (top settings within 0.002 F1), so among them the one
    keeping the agent/object distinction was taken. TextBlob's settings come from the same search.
    """

    scale: float = 4.0  # a word d tokens from the target weighs 1 / (1 + (d - 1) / scale)
    break_damp: float = 0.8  # per clause break between word and target
    quote_damp: float = 0.25  # word inside someone else's quotation
    object_damp: float = 0.5  # verb whose agent is the target, and words on its object side
    role_weight: float = 1.0  # polarity a verb of attack/support gives its patient
    gain: float = 1.5
    neg_threshold: float = -0.05
    pos_threshold: float = 0.1


def _word_terms(ctx: _Context, word_score: Callable[[str], float], params: RuleParams,
                ignore_quotes: bool) -> list[tuple[int, float, str]]:
    """Signed, weighted lexicon contributions ``(token, value, channel)`` toward the target.

    ``channel`` is ``near`` for the outlet's own words and ``quote`` for words in someone else's
    quotation, so the learned model can weigh the two separately.
    """
    sent = ctx.sent
    scored = sent.scored.get(word_score)
    if scored is None:
        scored = sent.scored[word_score] = tuple(
            (i, p * _NEGATION_SCALAR if sent.negated[i] else p)
            for i, p in enumerate(map(word_score, sent.lower)) if p)
    agent_verbs = [i for i, _k, r in ctx.roles if r == "agent" and i > ctx.t1]
    out = []
    for i, p in scored:
        if ctx.t0 <= i <= ctx.t1:
            continue
        d = ctx.t0 - i if i < ctx.t0 else i - ctx.t1
        weight = 1.0 / (1.0 + (d - 1) / params.scale)
        weight *= params.break_damp ** abs(sent.breaks[i] - sent.breaks[ctx.t0 if i < ctx.t0 else ctx.t1])
        if agent_verbs and i >= agent_verbs[0]:  # the agent's own verb and what it says of the object
            weight *= params.object_damp
        channel = "near"
        if sent.quote[i] >= 0 and sent.quote[i] != ctx.target_quote:
            if ignore_quotes:
                continue
            weight *= params.quote_damp
            channel = "quote"
        out.append((i, p * weight, channel))
    return out


def _role_terms(ctx: _Context, params: RuleParams) -> list[tuple[int, float, str]]:
    out = []
    for i, kind, role in ctx.roles:
        if role != "patient":
            continue
        sign = -1.0 if kind == "attack" else 1.0
        if ctx.sent.negated[i]:
            sign *= _NEGATION_SCALAR
        out.append((i, sign * params.role_weight, f"{kind}_{role}"))
    return out


def _evidence(ctx: _Context, terms: Iterable[tuple[int, float]]) -> tuple[Evidence, ...]:
    by_token: dict[int, float] = {}
    for i, v in terms:
        by_token[i] = by_token.get(i, 0.0) + v
    ranked = sorted((kv for kv in by_token.items() if abs(kv[1]) > 1e-6), key=lambda kv: -abs(kv[1]))
    out = []
    for i, v in ranked[:_EVIDENCE_MAX]:
        a, b = ctx.sent.toks[i]
        out.append(Evidence(a, b, ctx.sent.text[a:b], round(v, 4)))
    return tuple(out)


def label_of(score: float, neg_threshold: float, pos_threshold: float) -> str:
    """``negative`` below ``neg_threshold``, ``positive`` above ``pos_threshold``, else ``neutral``."""
    return "negative" if score < neg_threshold else "positive" if score > pos_threshold else "neutral"


class RuleTargetBackend:
    """Target-aware scoring of a lexicon backend with the rules of this module.

    Args:
        lexicon: a backend with ``score`` and ``word_score``.
        params: rule settings and neutral thresholds.
    """

    def __init__(self, lexicon, params: RuleParams = RuleParams()) -> None:
        self.lexicon, self.params, self.name = lexicon, params, lexicon.name

    def score(self, text: str) -> float:
        """Sentence-level score of the underlying lexicon backend."""
        return self.lexicon.score(text)

    def word_score(self, word: str) -> float:
        """Word polarity of the underlying lexicon backend."""
        return self.lexicon.word_score(word)

    def target(self, text: str, start: int, end: int, ignore_quotes: bool = False) -> TargetSentiment:
        """Sentiment toward ``text[start:end]``."""
        ctx = _context(text, start, end)
        terms = _word_terms(ctx, self.lexicon.word_score, self.params, ignore_quotes)
        terms += _role_terms(ctx, self.params)
        score = math.tanh(self.params.gain * sum(v for _i, v, _c in terms))
        label = label_of(score, self.params.neg_threshold, self.params.pos_threshold)
        return TargetSentiment(label, round(score, 4), _evidence(ctx, ((i, v) for i, v, _c in terms)),
                               start, end, self.name)


# --------------------------------------------------------------------------------------- learned model
_WINDOW_WORDS = 8
_WORDLIKE = re.compile(r"\w")


def _word_feature_names(sent: _Sent) -> tuple[tuple[str, str, str] | None, ...]:
    """Per token: its left-window, right-window and sentence feature names (``None`` for a token
    that is not a word, a quotation mark, ``?`` or ``!``), built once per sentence for all its mentions."""
    names = sent.scored.get(_word_feature_names)
    if names is None:
        names = sent.scored[_word_feature_names] = tuple(
            (f"wL:{neg}{w}", f"wR:{neg}{w}", f"s:{neg}{w}") if _WORDLIKE.match(w) or w in ('"', "?", "!") else None
            for w, neg in zip(sent.lower, ("!" if n else "" for n in sent.negated)))
    return names


def _features(ctx: _Context, lexicons: Sequence, params: RuleParams,
              ignore_quotes: bool) -> list[tuple[str, float, int]]:
    """Feature ``(name, value, token or -1)`` triples for the linear model.

    Lexicon features are the rule scorer's weighted word terms, split by sign and by channel (own
    words vs someone else's quotation), and its raw total per lexicon; word features are the lowercased tokens within
    ``_WINDOW_WORDS`` of the target, weighted by distance and marked left/right and negated.
    """
    sent, cues = ctx.sent, _cues()
    feats: list[tuple[str, float, int]] = []
    roles = _role_terms(ctx, params)
    for lex in lexicons:
        terms = _word_terms(ctx, lex.word_score, params, ignore_quotes)
        for i, v, ch in terms:
            feats.append((f"lex:{lex.name}:{ch}:{'pos' if v > 0 else 'neg'}", abs(v), i))
        total = sum(v for _i, v, _c in terms + roles)  # the rule scorer's raw sum
        feats.append((f"tot:{lex.name}:{'pos' if total > 0 else 'neg'}", abs(total), -1))
    for i, kind, role in ctx.roles:
        neg = "not_" if sent.negated[i] else ""
        feats.append((f"role:{neg}{kind}_{role}", 1.0, i))
    s_value = 1.0 / math.sqrt(len(sent.lower))
    for i, names in enumerate(_word_feature_names(sent)):
        if names is None or ctx.t0 <= i <= ctx.t1:
            continue
        if ignore_quotes and sent.quote[i] >= 0 and sent.quote[i] != ctx.target_quote:
            continue
        if i < ctx.t0:
            if ctx.t0 - i <= _WINDOW_WORDS:
                feats.append((names[0], 1.0 / (1.0 + (ctx.t0 - i - 1) / 3.0), i))
        elif i - ctx.t1 <= _WINDOW_WORDS:
            feats.append((names[1], 1.0 / (1.0 + (i - ctx.t1 - 1) / 3.0), i))
        feats.append((names[2], s_value, i))
    n = len(sent.lower)
    feats.append(("pos:first", float(ctx.t0 <= 1), -1))
    feats.append(("pos:in_quote", float(ctx.target_quote >= 0), -1))
    near = sent.lower[max(0, ctx.t0 - 3):ctx.t0] + sent.lower[ctx.t1 + 1:ctx.t1 + 4]
    feats.append(("pos:speaker", float(any(w in cues.speech for w in near)), -1))
    feats.append(("pos:has_quote", float(any(q >= 0 for q in sent.quote)), -1))
    feats.append(("pos:len", min(n, 60) / 60.0, -1))
    feats.append(("bias", 1.0, -1))
    return feats


class LinearTargetBackend:
    """Multinomial logistic regression over target features (see :func:`_features`).

    Args:
        weights: ``{feature: [coef_negative, coef_neutral, coef_positive]}``.
        name: backend name.
        settings: training settings saved with the weights.
    """

    def __init__(self, weights: dict[str, Sequence[float]], name: str = "default",
                 settings: dict | None = None) -> None:
        self.name, self.weights, self.settings = name, weights, dict(settings or {})
        self._vader = get_backend("vader").lexicon
        self._textblob = get_backend("textblob").lexicon
        self._params = RuleParams()

    @classmethod
    def load(cls, path: str | Path = MODEL_PATH, name: str = "default") -> LinearTargetBackend:
        """Read weights written by :meth:`save` (raises :class:`LexiconError` when malformed)."""
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise LexiconError(path, None, f"cannot read model ({exc})") from exc
        if not isinstance(data, dict) or not isinstance(data.get("weights"), dict):
            raise LexiconError(path, None, "model must be a JSON object with a 'weights' mapping")
        return cls(data["weights"], name=name, settings=data.get("settings"))

    def save(self, path: str | Path) -> Path:
        """Write the weights (features and coefficients only) as JSON."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        body = {"labels": list(LABELS), "settings": self.settings,
                "weights": {k: [round(float(c), 4) for c in v] for k, v in sorted(self.weights.items())}}
        path.write_text(json.dumps(body, separators=(",", ":")) + "\n", encoding="utf-8")
        return path

    def score(self, text: str) -> float:
        """Sentence-level score: VADER's compound (the learned model needs a target)."""
        return self._vader.score(text)

    def features(self, text: str, start: int, end: int, ignore_quotes: bool = False):
        """The model's feature triples ``(name, value, token or -1)`` for one target."""
        return _features(_context(text, start, end), (self._vader, self._textblob), self._params, ignore_quotes)

    def target(self, text: str, start: int, end: int, ignore_quotes: bool = False) -> TargetSentiment:
        """Sentiment toward ``text[start:end]``: arg-max label, score = P(positive) - P(negative)."""
        ctx = _context(text, start, end)
        feats = _features(ctx, (self._vader, self._textblob), self._params, ignore_quotes)
        neg = neu = pos = 0.0
        contrib: dict[int, float] = {}
        cued: set[int] = set()
        weights = self.weights
        for name, value, tok in feats:
            coef = weights.get(name)
            if coef is None:
                continue
            neg += coef[0] * value
            neu += coef[1] * value
            pos += coef[2] * value
            if tok >= 0:
                contrib[tok] = contrib.get(tok, 0.0) + value * (coef[2] - coef[0])
                if name.startswith(("lex:", "role:")):
                    cued.add(tok)
        shown = ((i, v) for i, v in contrib.items() if i in cued or abs(v) >= _EVIDENCE_WORD_MIN)
        logits = [neg, neu, pos]
        top = max(logits)
        exp = [math.exp(v - top) for v in logits]
        total = sum(exp)
        probs = [v / total for v in exp]
        label = LABELS[max(range(3), key=probs.__getitem__)]
        return TargetSentiment(label, round(probs[2] - probs[0], 4), _evidence(ctx, shown), start, end, self.name)


def train(examples: Iterable[Example] | str | Path, l2: float = 3.0, min_count: int = 3,
          balanced: bool = True, name: str = "default", cache: bool = True) -> LinearTargetBackend:
    """Fit the linear target model on gold targets (NewsMTSC format or :class:`Example` objects).

    A path is read as NewsMTSC JSONL (:func:`toolkit.datasets.load_newsmtsc`). The fit minimises the
    L2-penalised multinomial log-loss with scipy's L-BFGS. With ``cache`` the weights are written to
    ``~/.cache/narrative-toolkit/sentiment-<sha256 of the data>.json`` (env ``NARRATIVE_CACHE``)
    and reused on the next call with the same data and settings.

    Args:
        examples: gold targets, or the path of a NewsMTSC-format JSONL file.
        l2: L2 penalty per coefficient (scaled by the number of examples).
        min_count: drop word features seen in fewer examples.
        balanced: weight the classes inversely to their frequency.
        name: name of the returned backend (register it with :func:`register_backend`).
        cache: read/write the fitted weights in the cache folder.

    Returns:
        The fitted backend.
    """
    import numpy as np
    from scipy import optimize, sparse

    source = None
    if isinstance(examples, (str, Path)):
        source = Path(examples)
        examples = load_newsmtsc(source)
    examples = list(examples)
    digest = hashlib.sha256("\n".join(f"{e.start}:{e.end}:{e.label}:{e.text}" for e in examples).encode()).hexdigest()
    settings = {"l2": l2, "min_count": min_count, "balanced": balanced, "window_words": _WINDOW_WORDS, "examples": len(examples),
                "examples_sha256": digest, "source": str(source) if source else None}
    cached = cache_dir() / f"sentiment-{digest[:16]}-l2{l2}-m{min_count}-b{int(balanced)}.json"
    if cache and cached.exists():
        model = LinearTargetBackend.load(cached, name=name)
        if model.settings.get("examples_sha256") == digest:
            return model
    probe = LinearTargetBackend({}, name=name)
    rows = [probe.features(e.text, e.start, e.end) for e in examples]
    counts: dict[str, int] = {}
    for feats in rows:
        for f in {f for f, _v, _t in feats}:
            counts[f] = counts.get(f, 0) + 1
    vocab = sorted(f for f, c in counts.items() if c >= min_count or not f.startswith(("w", "s:")))
    index = {f: j for j, f in enumerate(vocab)}
    data, ri, ci = [], [], []
    for r, feats in enumerate(rows):
        acc: dict[int, float] = {}
        for f, v, _t in feats:
            j = index.get(f)
            if j is not None:
                acc[j] = acc.get(j, 0.0) + v
        for j, v in acc.items():
            ri.append(r)
            ci.append(j)
            data.append(v)
    x = sparse.csr_matrix((data, (ri, ci)), shape=(len(rows), len(vocab)))
    y = np.array([LABELS.index(e.label) for e in examples])
    onehot = np.eye(3)[y]
    n, m = x.shape
    freq = np.bincount(y, minlength=3).astype(float)
    # balanced: weight classes inversely to their frequency (macro-F1 counts them equally)
    sample = (n / (3.0 * np.maximum(freq, 1.0)))[y][:, None] if balanced else np.ones((n, 1))
    penalty = np.full(m, l2)
    penalty[index["bias"]] = 0.0

    def loss(flat):
        w = flat.reshape(m, 3)
        z = x @ w
        z -= z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        grad = x.T @ (sample * (np.exp(logp) - onehot)) / n + penalty[:, None] * w / n
        value = -(sample * onehot * logp).sum() / n + 0.5 * (penalty[:, None] * w * w).sum() / n
        return value, grad.ravel()

    res = optimize.minimize(loss, np.zeros(m * 3), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    w = res.x.reshape(m, 3)
    weights = {f: w[j].tolist() for f, j in index.items() if np.abs(w[j]).max() >= 5e-4}
    model = LinearTargetBackend(weights, name=name, settings=settings)
    if cache:
        model.save(cached)
    return model


# --------------------------------------------------------------------------------------- registry
_TEXTBLOB_PARAMS = RuleParams(scale=8.0, break_damp=1.0, quote_damp=0.5, object_damp=0.5, role_weight=1.0,
                               neg_threshold=-0.025, pos_threshold=0.2)


def _trained() -> object:
    """The ``trained`` backend: the newest model written by ``python -m toolkit train sentiment``."""
    try:
        from .finetune import trained_backend
        return trained_backend()
    except ImportError as err:
        raise ImportError(f"sentiment backend 'trained' needs the optional dependencies ({err}); install them "
                          "with: pip install torch==2.13.0 && pip install 'narrative-toolkit[trained]'") from err


_FACTORIES: dict[str, Callable[[], object] | object] = {
    "vader": lambda: RuleTargetBackend(VaderBackend()),
    "textblob": lambda: RuleTargetBackend(TextBlobBackend(), _TEXTBLOB_PARAMS),
    "default": lambda: LinearTargetBackend.load(MODEL_PATH, name="default"),
    "trained": _trained,
}
_PACKAGED = {name: _FACTORIES[name] for name in ("vader", "textblob", "default")}  # lexicon/model in the package
_INSTANCES: dict[str, object] = {}
_LOCK = threading.RLock()


def packaged_backend(name: str) -> bool:
    """Whether ``name`` is still one of the backends whose lexicon or model ships inside the package
    (``default``, ``vader``, ``textblob``, not replaced by :func:`register_backend`): the package's
    own files then identify it, without loading it."""
    return name in _PACKAGED and _FACTORIES.get(name) is _PACKAGED[name]


def register_backend(name: str, backend) -> None:
    """Make ``backend`` available as ``name`` (replacing any backend of that name).

    Args:
        name: the name to pass as ``backend=`` to :func:`target_sentiment`, :func:`portrayal`,
            :func:`voice`.
        backend: an object with ``name`` and ``score(text)`` (see :class:`SentimentBackend`), or a
            zero-argument factory returning one (called lazily, once). A backend with
            ``word_score`` but no ``target`` method is wrapped in :class:`RuleTargetBackend`.
    """
    if not isinstance(name, str) or not name:
        raise ValueError("backend name must be a non-empty string")
    if not (callable(backend) or hasattr(backend, "score")):
        raise TypeError(f"backend {name!r} must have a score(text) method or be a factory")
    with _LOCK:
        _FACTORIES[name] = backend
        _INSTANCES.pop(name, None)


def available_backends() -> list[str]:
    """Names of the registered backends."""
    return sorted(_FACTORIES)


def get_backend(name: str = "default"):
    """The backend registered as ``name``, created on first use and cached.

    Raises:
        KeyError: no backend of that name (the message lists the registered ones).
    """
    with _LOCK:
        backend = _INSTANCES.get(name)
        if backend is not None:
            return backend
        if name not in _FACTORIES:
            raise KeyError(f"unknown sentiment backend {name!r}; registered: {', '.join(available_backends())}")
        made = _FACTORIES[name]
        if not hasattr(made, "score"):
            made = made()
        if not hasattr(made, "score"):
            raise TypeError(f"backend {name!r} has no score(text) method")
        if not hasattr(made, "target") and hasattr(made, "word_score"):
            made = RuleTargetBackend(made)
        _INSTANCES[name] = made
        return made


def _resolve(backend) -> object:
    return get_backend(backend) if isinstance(backend, str) else backend


# --------------------------------------------------------------------------------------- public API
def _check_span(text: str, start: int, end: int) -> None:
    if not (0 <= start < end <= len(text)):
        raise ValueError(f"mention span [{start}, {end}) outside text of length {len(text)}")


def _sentence_fallback(backend, text: str, start: int, end: int) -> TargetSentiment:
    """Score a backend without word scores on the target's sentence (target-blind)."""
    s, e = _sentence_of(text, start, end)
    score = max(-1.0, min(1.0, float(backend.score(text[s:e]))))
    return TargetSentiment(label_of(score, -0.05, 0.05), round(score, 4), (), start, end, getattr(backend, "name", "?"))


def target_sentiment(text: str, start: int, end: int, backend="default") -> TargetSentiment:
    """Sentiment toward the mention ``text[start:end]``.

    Words inside someone else's quotation are damped, not dropped (use :func:`portrayal` for the
    outlet's own voice only).

    Args:
        text: the raw text (offsets index it).
        start: mention start.
        end: mention end (exclusive).
        backend: a registered backend name or a backend object.

    Returns:
        The label, a score in [-1, 1] and the evidence words with offsets into ``text``.
    """
    _check_span(text, start, end)
    b = _resolve(backend)
    if hasattr(b, "target"):
        return b.target(text, start, end, ignore_quotes=False)
    return _sentence_fallback(b, text, start, end)


def portrayal(text: str, spans: Iterable[tuple[int, int]], backend="default") -> list[TargetSentiment]:
    """How the outlet portrays each mention: sentiment toward every ``(start, end)`` in ``spans``.

    Sentiment words inside quotations that do not contain the mention (someone else speaking) are
    ignored. Sentence splits and token analyses are cached per text, so many spans over one
    article cost one split.
    """
    b = _resolve(backend)
    spans = list(spans)
    for start, end in spans:
        _check_span(text, start, end)
    if hasattr(b, "target_batch"):  # a model scores all mentions of the article in batched passes
        return b.target_batch([(text, start, end) for start, end in spans])
    out = []
    for start, end in spans:
        if hasattr(b, "target"):
            out.append(b.target(text, start, end, ignore_quotes=True))
        else:
            out.append(_sentence_fallback(b, text, start, end))
    return out


def voice(quote_text: str, backend="default") -> float:
    """Sentiment of an actor's own words (a quote) in [-1, 1], target-blind."""
    b = _resolve(backend)
    return max(-1.0, min(1.0, float(b.score(quote_text)))) if quote_text.strip() else 0.0
