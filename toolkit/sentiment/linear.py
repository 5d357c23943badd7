"""The ``default`` backend: a linear target model over the rule features and the window words.

A multinomial logistic regression over the features of :mod:`toolkit.sentiment.features` (the rule
scorer's weighted VADER and TextBlob word terms split by sign and channel, the target's roles, the
lowercased window words weighted by distance, position and framing). It was fitted on the NewsMTSC
train split (Hamborg & Donnay 2021, EACL) and ships as feature coefficients in
``toolkit/models/sentiment_linear.json`` (see the manifest beside it: data hash, settings, dev figures,
the command that rebuilds it); :mod:`toolkit.sentiment.linear_fit` refits it. It reads one sentence and words it saw in training; an unseen word counts
only through the lexicons. :meth:`LinearTargetBackend.targets` scores all mentions of a text in one
pass (what :func:`toolkit.sentiment.portrayal` calls).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from ..lexicon import LexiconError
from .context import AnalysedSentence, TargetContext, target_context
from .features import (FUNCTION_WORDS, FeatureSet, cue_features, features, shown_word, tail_features,
                       token_feature_names, word_features)
from .lexical import textblob, vader
from .records import LABELS, TargetSentiment
from .rules import RuleParams, token_evidence

__all__ = ["MODEL_PATH", "FUNCTION_WORDS", "FeatureSet", "LinearTargetBackend"]

MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "sentiment_linear.json"

_EVIDENCE_WORD_MIN = 0.5  # a plain window word (no lexicon/role cue) shown as evidence from this |logit| up
_SLOT_MEMO = 1 << 18  # tokens outside the model's words remembered per negation (the rest are classified again)


class LinearTargetBackend:
    """Multinomial logistic regression over target features (see :func:`toolkit.sentiment.features.features`).

    Args:
        weights: ``{feature: [coef_negative, coef_neutral, coef_positive]}``.
        name: backend name.
        settings: training settings saved with the weights.
    """

    def __init__(self, weights: dict[str, Sequence[float]], name: str = "default",
                 settings: dict | None = None) -> None:
        self.name, self.weights, self.settings = name, weights, dict(settings or {})
        self._vader, self._textblob = vader(), textblob()
        known = {k: v for k, v in (self.settings.get("features") or {}).items() if k in FeatureSet.__dataclass_fields__}
        self.feature_set = FeatureSet(**known)
        self._params = RuleParams(passive_agent=self.feature_set.passive_agent)
        # every feature's coefficients as a row of one matrix (the last row zero: a name without weight)
        self._index = {name: j for j, name in enumerate(weights)}
        self._zero = len(weights)
        self._coefs = np.array([*(list(c) for c in weights.values()), [0.0, 0.0, 0.0]], dtype=np.float64).reshape(-1, 3)
        self._spread = self._coefs[:, 2] - self._coefs[:, 0]  # a word's evidence weight: P(positive) - P(negative)
        self._slots, self._slot_ids, self._slot_show = self._word_slots()

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
        ctx = target_context(text, start, end)
        return features(ctx, (self._vader, self._textblob), self._params, ignore_quotes,
                        self.feature_set) + self._extra_features(ctx, ignore_quotes)

    def _extra_features(self, ctx: TargetContext, ignore_quotes: bool) -> list[tuple[str, float, int]]:
        """Features a subclass adds to :func:`toolkit.sentiment.features.features` (none here; the ``static`` backend adds dense ones)."""
        return []

    def _extra_logits(self, ctx: TargetContext, ignore_quotes: bool) -> tuple[float, float, float]:
        """The logits of :meth:`_extra_features` summed through the weight dictionary, as :meth:`target`
        adds them (a subclass with dense features overrides :meth:`_extra_logits_batch` with one product)."""
        neg = neu = pos = 0.0
        for name, value, _tok in self._extra_features(ctx, ignore_quotes):
            coef = self.weights.get(name)
            if coef is not None:
                neg += coef[0] * value
                neu += coef[1] * value
                pos += coef[2] * value
        return neg, neu, pos

    def _extra_logits_batch(self, ctxs: Sequence[TargetContext], ignore_quotes: bool) -> list:
        """:meth:`_extra_logits` of every target (a subclass may compute them together)."""
        return [self._extra_logits(ctx, ignore_quotes) for ctx in ctxs]

    def target(self, text: str, start: int, end: int, ignore_quotes: bool = False) -> TargetSentiment:
        """Sentiment toward ``text[start:end]``: arg-max label, score = P(positive) - P(negative)
        (:meth:`targets` of the one span)."""
        return self.targets(text, [(start, end)], ignore_quotes)[0]

    def targets(self, text: str, spans: Sequence[tuple[int, int]],
                ignore_quotes: bool = False) -> list[TargetSentiment]:
        """:meth:`target` of every ``(start, end)`` of ``spans`` of one text, scored together.

        The logits add up :func:`toolkit.sentiment.features.features` in its order, as
        :func:`toolkit.sentiment.linear_fit.row_logits` of the features does (the dense features of a subclass aside,
        :meth:`_extra_logits_batch`). The cue and tail features are a few per target, looked up by
        name; the word features (:func:`word_features`), the bulk, are gathered for all targets at
        once: each token has a slot (:meth:`_sentence_slots`) naming the coefficient rows of its
        five feature names in one matrix built at load, and a target's terms are summed by one
        cumulative sum in the order :func:`word_features` gives them, a feature the model lacks or
        the target leaves out adding 0.0. The same additions in the same order: the logits are
        those of a loop over the named features, bit for bit, and so are the evidence weights.
        """
        ctxs = [target_context(text, start, end) for start, end in spans]
        if not ctxs:
            return []
        fs, weights, lexicons = self.feature_set, self.weights, (self._vader, self._textblob)
        t, width = len(ctxs), max(1, max(len(c.sent.lower) for c in ctxs))
        slots = np.zeros((t, width), dtype=np.intp)
        quote = np.full((t, width), -1, dtype=np.intp) if ignore_quotes else None
        breaks = np.zeros((t, width), dtype=np.intp) if fs.clause else None
        seq = np.zeros((t, 1 + 2 * width, 3))  # per target: cue sum, then per token its window and sentence term
        cue_sums: list[tuple[float, float, float]] = []
        cued_rows: list[int] = []  # the cued tokens of all targets, target by target: (target, token, value)
        cued_cols: list[int] = []
        cued_values: list[float] = []
        cued_cuts = [0]  # target j's cued tokens are entries cued_cuts[j]:cued_cuts[j + 1]
        cued: list[dict[str, float] | None] = []  # per target its cue and tail features by name (with _keep_named)
        for j, ctx in enumerate(ctxs):
            n = len(ctx.sent.lower)
            slots[j, :n] = self._sentence_slots(ctx.sent)
            if quote is not None:
                quote[j, :n] = ctx.sent.quote
            if breaks is not None:
                breaks[j, :n] = ctx.sent.breaks
            neg = neu = pos = 0.0
            contrib: dict[int, float] = {}
            named: dict[str, float] | None = {} if self._keep_named else None
            cued.append(named)
            for name, value, tok in cue_features(ctx, lexicons, self._params, ignore_quotes):
                if named is not None:
                    named[name] = named.get(name, 0.0) + value
                coef = weights.get(name)
                if coef is None:
                    continue
                neg += coef[0] * value
                neu += coef[1] * value
                pos += coef[2] * value
                if tok >= 0:  # a lex: or role: feature
                    contrib[tok] = contrib.get(tok, 0.0) + value * (coef[2] - coef[0])
            cue_sums.append((neg, neu, pos))
            cued_rows += [j] * len(contrib)
            cued_cols += contrib
            cued_values += contrib.values()
            cued_cuts.append(len(cued_cols))
        seq[:, 0] = cue_sums
        cue_contrib = np.zeros((t, width))
        cued_mask = np.zeros((t, width), dtype=bool)
        cue_contrib[cued_rows, cued_cols] = cued_values
        cued_mask[cued_rows, cued_cols] = True
        t0 = np.array([c.t0 for c in ctxs])[:, None]
        t1 = np.array([c.t1 for c in ctxs])[:, None]
        tok = np.arange(width)[None, :]
        ids = self._slot_ids[slots]
        keep = (slots > 0) & ((tok < t0) | (tok > t1))
        if ignore_quotes:
            keep &= (quote < 0) | (quote == np.array([c.target_quote for c in ctxs])[:, None])
        left = tok < t0
        dist = np.where(left, t0 - tok, tok - t1)
        near = keep & (dist <= fs.window)
        kind = (~left).astype(np.intp)
        if fs.clause:
            rows = np.arange(t)[:, None]
            same = breaks == np.where(left, breaks[rows, t0], breaks[rows, t1])
            if fs.clause == 1:
                near &= same
            else:
                kind = np.where(same, kind, kind + 2)
        w_value = np.where(near, 1.0 / (1.0 + (np.maximum(dist, 1) - 1) / 3.0), 0.0)
        s_value = np.where(keep, np.array([1.0 / math.sqrt(max(1, len(c.sent.lower))) for c in ctxs])[:, None], 0.0)
        w_id = np.take_along_axis(ids, kind[:, :, None], axis=2)[:, :, 0]
        s_id = ids[:, :, 4]
        coefs = self._coefs
        seq[:, 1::2] = coefs[w_id] * w_value[:, :, None]
        seq[:, 2::2] = coefs[s_id] * s_value[:, :, None]
        logits = np.cumsum(seq, axis=1)[:, -1].tolist()
        spread = self._spread
        contrib = (cue_contrib + w_value * spread[w_id]) + s_value * spread[s_id]
        show = self._slot_show[slots]
        # evidence: the cued tokens (in the order the cue features name them), then the other tokens
        # contributing at least _EVIDENCE_WORD_MIN (in token order), those that may be shown
        rows, cols = np.nonzero((np.abs(contrib) >= _EVIDENCE_WORD_MIN) & show & ~cued_mask)
        # only the entries evidence reads are converted to Python values, not the whole (targets x tokens) matrices
        cuts, values = np.searchsorted(rows, np.arange(t + 1)).tolist(), contrib[rows, cols].tolist()
        cols = cols.tolist()
        cued_contrib = contrib[cued_rows, cued_cols].tolist()
        cued_shows = show[cued_rows, cued_cols].tolist()
        extras, aux = self._extras(ctxs, ignore_quotes)
        scored, shown_of = [], []
        for j, ctx in enumerate(ctxs):
            neg, neu, pos = logits[j]
            if fs.bigrams:
                words = word_features(ctx, fs, ignore_quotes)
            else:
                words = []
            named = cued[j]
            for name, value, _tok in tail_features(ctx, fs, words):
                if named is not None:
                    named[name] = named.get(name, 0.0) + value
                coef = weights.get(name)
                if coef is not None:
                    neg += coef[0] * value
                    neu += coef[1] * value
                    pos += coef[2] * value
            extra = extras[j]
            neg, neu, pos = neg + extra[0], neu + extra[1], pos + extra[2]
            # distinct tokens: the cued ones, then the others
            a, b = cued_cuts[j], cued_cuts[j + 1]
            shown = [(i, v) for i, v, ok in zip(cued_cols[a:b], cued_contrib[a:b], cued_shows[a:b]) if ok]
            shown += zip(cols[cuts[j]:cuts[j + 1]], values[cuts[j]:cuts[j + 1]])
            scored.append((neg, neu, pos))
            shown_of.append(shown)
        out = []
        for ctx, (start, end), shown, (label, score) in zip(ctxs, spans, shown_of, self._decide(scored, cued, aux)):
            out.append(TargetSentiment(label, score, token_evidence(ctx, shown) if shown else (), start, end, self.name))
        return out

    _keep_named = False
    """Whether :meth:`targets` collects each target's cue and tail features by name for :meth:`_decide`
    (a subclass that reads them sets it)."""

    def _extras(self, ctxs: Sequence[TargetContext], ignore_quotes: bool) -> tuple[list, object]:
        """The extra logits of every target (:meth:`_extra_logits_batch`) and what :meth:`_decide` may
        read besides (here nothing)."""
        return self._extra_logits_batch(ctxs, ignore_quotes), None

    def _decide(self, logits: Sequence[tuple[float, float, float]], named: Sequence[dict[str, float] | None],
                aux: object) -> list[tuple[str, float]]:
        """Per target its label and score from its logits (:func:`_label_score`); a subclass may decide
        otherwise from the named cue and tail features (:attr:`_keep_named`) and the ``aux`` of :meth:`_extras`."""
        return [_label_score(*x) for x in logits]

    def _sentence_slots(self, sent: AnalysedSentence) -> np.ndarray:
        """Per token of ``sent`` its slot of :meth:`_slot` (cached with the sentence)."""
        key = (LinearTargetBackend._sentence_slots, self)  # the backend itself: held by the cache, its id never reused
        got = sent.scored.get(key)
        if got is None:
            plain, negated = self._slots
            if True in sent.negated:
                slots = [negated.get(w) if ng else plain.get(w) for w, ng in zip(sent.lower, sent.negated)]
            else:  # no negated token (most sentences): the plain slots, looked up in C
                slots = list(map(plain.get, sent.lower))
            if None in slots:
                slots = [self._slot(w, ng) if k is None else k for k, w, ng in zip(slots, sent.lower, sent.negated)]
            got = sent.scored[key] = np.array(slots, dtype=np.intp)
        return got

    def _word_slots(self) -> tuple[tuple[dict[str, int], dict[str, int]], np.ndarray, np.ndarray]:
        """The token slots of the model's words: per lowercased word, plain and negated, its slot; per
        slot the coefficient rows of its five word-feature names (:func:`token_feature_names`; the
        zero row for a name without weight) and whether evidence may show it (:func:`shown_word`).
        Slots 0-2 hold every other token: no word feature; a word feature without weights, shown
        or not (:meth:`_slot`)."""
        pairs: dict[tuple[str, bool], None] = {}
        for name in self.weights:
            head, _sep, word = name.partition(":")
            if head in ("wL", "wR", "wxL", "wxR", "s") and word:
                pairs[word, False] = None
                if word.startswith("!") and len(word) > 1:  # "!" + a negated word (or the token "!" itself)
                    pairs[word[1:], True] = None
        slots: tuple[dict[str, int], dict[str, int]] = ({}, {})
        ids, show = [(self._zero,) * 5] * 3, [False, True, False]
        for word, negated in pairs:
            names = token_feature_names(word, negated)
            if names is None or (not self.feature_set.function_words and word in FUNCTION_WORDS):
                continue
            slots[negated][word] = len(ids)
            ids.append(tuple(self._index.get(name, self._zero) for name in names))
            show.append(shown_word(word))
        return slots, np.array(ids, dtype=np.intp).reshape(-1, 5), np.array(show, dtype=bool)

    def _slot(self, word: str, negated: bool) -> int:
        """The slot of a token outside the model's words (remembered, up to :data:`_SLOT_MEMO`): 0 when
        it is no word feature (:func:`token_feature_names` gives none, or a function word the model
        leaves out), else 1 when evidence may show it, 2 when not."""
        if token_feature_names(word, negated) is None or (not self.feature_set.function_words
                                                         and word in FUNCTION_WORDS):
            slot = 0
        else:
            slot = 1 if shown_word(word) else 2
        if len(self._slots[negated]) < _SLOT_MEMO:
            self._slots[negated][word] = slot
        return slot


def _label_score(neg: float, neu: float, pos: float) -> tuple[str, float]:
    """The arg-max label of the logits (the first on a tie) and P(positive) - P(negative), rounded to 4 places."""
    top = max(neg, neu, pos)
    e_neg, e_neu, e_pos = math.exp(neg - top), math.exp(neu - top), math.exp(pos - top)
    total = e_neg + e_neu + e_pos
    p_neg, p_neu, p_pos = e_neg / total, e_neu / total, e_pos / total
    label = LABELS[0] if p_neg >= p_neu and p_neg >= p_pos else LABELS[1] if p_neu >= p_pos else LABELS[2]
    return label, round(p_pos - p_neg, 4)
