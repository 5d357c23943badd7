"""The ``default`` backend: a linear target model over the rule features and the window words.

A multinomial logistic regression over (1) the rule scorer's weighted VADER and TextBlob word terms,
split by sign and by channel (the outlet's own words vs someone else's quotation), and its raw
totals, (2) the roles of :mod:`toolkit.sentiment.context`, (3) the lowercased words within eight
tokens of the target, weighted by distance, marked left/right and negated, and (4) a few position
features. It was fitted on the NewsMTSC train split (Hamborg & Donnay 2021, EACL) and ships as
feature coefficients in ``toolkit/models/sentiment_linear.json`` (see the manifest beside it: data
hash, settings, dev figures, the command that rebuilds it); :func:`train` refits it from a
NewsMTSC-format file. It reads one sentence and words it saw in training; an unseen word counts
only through the lexicons.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from ..datasets import Example, load_newsmtsc
from ..lexicon import LexiconError
from ..paths import cache_dir
from .context import AnalysedSentence, TargetContext, role_cues, target_context
from .lexical import textblob, vader
from .records import LABELS, TargetSentiment
from .rules import RuleParams, evidence, role_terms, word_terms

__all__ = ["MODEL_PATH", "FUNCTION_WORDS", "FeatureSet", "LinearTargetBackend", "train", "feature_rows", "fit_rows",
           "predict_row", "row_logits"]

MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "sentiment_linear.json"

_EVIDENCE_WORD_MIN = 0.5  # a plain window word (no lexicon/role cue) shown as evidence from this |logit| up
_WINDOW_WORDS = 8
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
    """Which feature groups :func:`_features` builds (the settings chosen by cross-validation).

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
    window: int = _WINDOW_WORDS
    clause: int = 0
    bigrams: bool = False


@functools.lru_cache(maxsize=1 << 16)
def _names_of(word: str, negated: bool) -> tuple[str, str, str, str, str] | None:
    """One token's feature names, indexed by the kinds of :func:`_word_features`: left window, right
    window, the two across a clause break (``wxL:``/``wxR:``), sentence; ``None`` for a token that
    is not a word, a quotation mark, ``?`` or ``!``. Memoised across sentences, so a word's names
    are the same strings (hashed once) in every sentence."""
    if not (_WORDLIKE.match(word) or word in ('"', "?", "!")):
        return None
    w = ("!" if negated else "") + word
    return f"wL:{w}", f"wR:{w}", f"wxL:{w}", f"wxR:{w}", f"s:{w}"


def _word_feature_names(sent: AnalysedSentence) -> tuple[tuple[str, str, str, str, str] | None, ...]:
    """Per token its :func:`_names_of`, looked up once per sentence for all its mentions."""
    names = sent.scored.get(_word_feature_names)
    if names is None:
        names = sent.scored[_word_feature_names] = tuple(map(_names_of, sent.lower, sent.negated))
    return names


def _showable(sent: AnalysedSentence) -> tuple[bool, ...]:
    """Per token: a word that is not one of :data:`FUNCTION_WORDS` (what evidence may show), once per sentence."""
    show = sent.scored.get(_showable)
    if show is None:
        show = sent.scored[_showable] = tuple(bool(_WORDLIKE.match(w)) and w not in FUNCTION_WORDS for w in sent.lower)
    return show


def _framing(ctx: TargetContext) -> list[tuple[str, float, int]]:
    """The framing features of :class:`FeatureSet` for one target."""
    sent, out = ctx.sent, []
    before = sent.lower[max(0, ctx.t0 - 3):ctx.t0]
    if any(w in _SO_CALLED for w in before) or ("so" in before and "called" in before):
        out.append(("frame:so_called", 1.0, -1))
    q = ctx.target_quote
    if q >= 0 and sum(1 for x in sent.quote if x == q) <= ctx.t1 - ctx.t0 + 3:  # the marks and the name only
        out.append(("frame:scare_quote", 1.0, -1))
    k = ctx.t0 - 1
    while k >= 0 and sent.lower[k] in ("the", "a", '"'):
        k -= 1
    if k >= 0 and sent.lower[k] in _PLACE_PREPOSITIONS:
        out.append(("frame:place", 1.0, -1))
    return out


def _cue_features(ctx: TargetContext, lexicons: Sequence, params: RuleParams,
                  ignore_quotes: bool) -> list[tuple[str, float, int]]:
    """The lexicon and role features ``(name, value, token or -1)``: per lexicon the rule scorer's
    weighted word terms split by sign and channel (``lex:``) and its raw total (``tot:``), then the
    target's roles (``role:``)."""
    feats: list[tuple[str, float, int]] = []
    roles = role_terms(ctx, params)
    for lex in lexicons:
        terms = word_terms(ctx, lex.word_score, params, ignore_quotes)
        for i, v, ch in terms:
            feats.append((f"lex:{lex.name}:{ch}:{'pos' if v > 0 else 'neg'}", abs(v), i))
        total = sum(v for _i, v, _c in terms + roles)  # the rule scorer's raw sum
        feats.append((f"tot:{lex.name}:{'pos' if total > 0 else 'neg'}", abs(total), -1))
    for i, kind, role in ctx.roles:
        neg = "not_" if ctx.sent.negated[i] else ""
        feats.append((f"role:{neg}{kind}_{role}", 1.0, i))
    return feats


def _word_features(ctx: TargetContext, fs: FeatureSet, ignore_quotes: bool) -> list[tuple[int, int, float]]:
    """The window and sentence word features as ``(token, kind, value)``, in token order.

    ``kind`` indexes the token's :func:`_names_of`: 0/1 a word within ``fs.window`` tokens left/right
    of the target, weighted by distance (2/3 when ``fs.clause == 2`` and a clause break lies
    between), then 4 for every word of the sentence, weighted ``1 / sqrt(tokens)``. Target tokens,
    and with ``ignore_quotes`` words in someone else's quotation, are left out.
    """
    sent = ctx.sent
    lower, quote, breaks = sent.lower, sent.quote, sent.breaks
    t0, t1, tq, window, clause = ctx.t0, ctx.t1, ctx.target_quote, fs.window, fs.clause
    s_value = 1.0 / math.sqrt(len(lower))
    out = []
    for i, names in enumerate(_word_feature_names(sent)):
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


def _tail_features(ctx: TargetContext, fs: FeatureSet,
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
    feats.append(("pos:speaker", float(any(w in cues.speech for w in near)), -1))
    feats.append(("pos:has_quote", float(any(q >= 0 for q in sent.quote)), -1))
    feats.append(("pos:len", min(n, 60) / 60.0, -1))
    if fs.framing:
        feats += _framing(ctx)
    feats.append(("bias", 1.0, -1))
    return feats


def _features(ctx: TargetContext, lexicons: Sequence, params: RuleParams,
              ignore_quotes: bool, fs: FeatureSet = FeatureSet()) -> list[tuple[str, float, int]]:
    """Feature ``(name, value, token or -1)`` triples for the linear model, in this order: the
    lexicon and role features (:func:`_cue_features`), the word features (:func:`_word_features`,
    named by :func:`_names_of`) and the rest (:func:`_tail_features`).

    Lexicon features are the rule scorer's weighted word terms, split by sign and by channel (own
    words vs someone else's quotation), and its raw total per lexicon; word features are the lowercased tokens within
    ``_WINDOW_WORDS`` of the target, weighted by distance and marked left/right and negated.
    """
    names = _word_feature_names(ctx.sent)
    words = _word_features(ctx, fs, ignore_quotes)
    return [*_cue_features(ctx, lexicons, params, ignore_quotes),
            *((names[i][kind], value, i) for i, kind, value in words),
            *_tail_features(ctx, fs, words)]


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
        self._vader, self._textblob = vader(), textblob()
        known = {k: v for k, v in (self.settings.get("features") or {}).items() if k in FeatureSet.__dataclass_fields__}
        self.feature_set = FeatureSet(**known)
        self._params = RuleParams(passive_agent=self.feature_set.passive_agent)

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
        return _features(ctx, (self._vader, self._textblob), self._params, ignore_quotes,
                         self.feature_set) + self._extra_features(ctx, ignore_quotes)

    def _extra_features(self, ctx: TargetContext, ignore_quotes: bool) -> list[tuple[str, float, int]]:
        """Features a subclass adds to :func:`_features` (none here; the ``static`` backend adds dense ones)."""
        return []

    def target(self, text: str, start: int, end: int, ignore_quotes: bool = False) -> TargetSentiment:
        """Sentiment toward ``text[start:end]``: arg-max label, score = P(positive) - P(negative).

        The logits add up :func:`_features` in its order (the word features as
        :func:`_word_features` gives them, named through :func:`_word_feature_names`), so they equal
        :func:`row_logits` of the features.
        """
        ctx = target_context(text, start, end)
        sent, weights = ctx.sent, self.weights
        neg = neu = pos = 0.0
        contrib: dict[int, float] = {}
        cued: set[int] = set()
        for name, value, tok in _cue_features(ctx, (self._vader, self._textblob), self._params, ignore_quotes):
            coef = weights.get(name)
            if coef is None:
                continue
            neg += coef[0] * value
            neu += coef[1] * value
            pos += coef[2] * value
            if tok >= 0:  # a lex: or role: feature
                contrib[tok] = contrib.get(tok, 0.0) + value * (coef[2] - coef[0])
                cued.add(tok)
        names, get = _word_feature_names(sent), weights.get
        words = _word_features(ctx, self.feature_set, ignore_quotes)
        for tok, kind, value in words:
            coef = get(names[tok][kind])
            if coef is None:
                continue
            neg += coef[0] * value
            neu += coef[1] * value
            pos += coef[2] * value
            contrib[tok] = contrib.get(tok, 0.0) + value * (coef[2] - coef[0])
        for name, value, _tok in _tail_features(ctx, self.feature_set, words) + self._extra_features(ctx, ignore_quotes):
            coef = weights.get(name)
            if coef is not None:
                neg += coef[0] * value
                neu += coef[1] * value
                pos += coef[2] * value
        show = _showable(sent)
        shown = [(i, v) for i, v in contrib.items() if show[i] and (i in cued or abs(v) >= _EVIDENCE_WORD_MIN)]
        logits = [neg, neu, pos]
        top = max(logits)
        exp = [math.exp(v - top) for v in logits]
        total = sum(exp)
        probs = [v / total for v in exp]
        label = LABELS[max(range(3), key=probs.__getitem__)]
        return TargetSentiment(label, round(probs[2] - probs[0], 4), evidence(ctx, shown), start, end, self.name)


_TOL = 1e-6  # L-BFGS stops when the largest gradient entry of the mean loss is below this


def feature_rows(examples: Sequence[Example], fs: FeatureSet = FeatureSet()) -> list[list[tuple[str, float, int]]]:
    """The model's feature triples for every example (computed once, reused across folds and settings)."""
    probe = LinearTargetBackend({}, settings={"features": asdict(fs)})
    return [probe.features(e.text, e.start, e.end) for e in examples]


def fit_rows(rows: Sequence[list], labels: Sequence[str], l2: float = 3.0, min_count: int = 3,
             balanced: bool = True, tol: float = _TOL) -> dict[str, list[float]]:
    """Fit the multinomial logistic regression on feature rows; ``{feature: [neg, neu, pos]}`` weights.

    Word features (``wL:``/``wR:``/``s:``) seen in fewer than ``min_count`` rows are dropped; ``bias``
    is the unpenalised intercept. The fit is scikit-learn's ``LogisticRegression`` (L-BFGS to a
    gradient of ``tol``, ``C = 1 / l2``, classes weighted inversely to their frequency when ``balanced``).
    """
    import numpy as np
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    missing = [label for label in LABELS if label not in set(labels)]
    if missing:
        raise ValueError(f"fitting needs examples of every label; none of {', '.join(missing)}")
    counts: dict[str, int] = {}
    for feats in rows:
        for f in {f for f, _v, _t in feats}:
            counts[f] = counts.get(f, 0) + 1
    # "bias" (1.0 for every target) is the intercept, not a column
    vocab = sorted(f for f, c in counts.items() if f != "bias" and (c >= min_count or not f.startswith(("w", "s:"))))
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
    y = np.array([LABELS.index(label) for label in labels])
    fit = LogisticRegression(C=1.0 / l2, class_weight="balanced" if balanced else None, tol=tol, max_iter=5000)
    fit.fit(x, y)
    w = fit.coef_.T  # one row per feature, one column per label of LABELS (fit.classes_ is 0, 1, 2)
    weights = {f: w[j].tolist() for f, j in index.items() if np.abs(w[j]).max() >= 5e-4}
    weights["bias"] = fit.intercept_.tolist()
    return weights


def row_logits(weights: dict[str, Sequence[float]], feats: list[tuple[str, float, int]]) -> list[float]:
    """The logits ``[neg, neu, pos]`` of one feature row under ``weights`` (no intercept)."""
    logits = [0.0, 0.0, 0.0]
    for name, value, _tok in feats:
        coef = weights.get(name)
        if coef is not None:
            for c in range(3):
                logits[c] += coef[c] * value
    return logits


def predict_row(weights: dict[str, Sequence[float]], feats: list[tuple[str, float, int]]) -> str:
    """The arg-max label of one feature row under ``weights``."""
    logits = row_logits(weights, feats)
    return LABELS[max(range(3), key=logits.__getitem__)]


def train(examples: Iterable[Example] | str | Path, l2: float = 3.0, min_count: int = 3,
          balanced: bool = True, name: str = "default", cache: bool = True,
          features: FeatureSet = FeatureSet()) -> LinearTargetBackend:
    """Fit the linear target model on gold targets (NewsMTSC format or :class:`Example` objects).

    A path is read as NewsMTSC JSONL (:func:`toolkit.datasets.load_newsmtsc`). The fit is
    :func:`fit_rows` over :func:`feature_rows`: the class-weighted mean log-loss plus ``l2 / 2``
    times the squared coefficients over the number of examples, the intercept (feature ``bias``)
    unpenalised. With ``cache`` the weights are written to
    ``sentiment-lr-<sha256 of the data>-<settings>.json`` in :func:`toolkit.paths.cache_dir` and
    reused on the next call with the same data and settings. The shipped settings were chosen by
    cross-validation over NewsMTSC train articles (:mod:`toolkit.sentiment.selection`).

    Args:
        examples: gold targets, or the path of a NewsMTSC-format JSONL file; all three labels must occur.
        l2: L2 penalty per coefficient (scaled by the number of examples; ``C = 1 / l2``).
        min_count: drop word features seen in fewer examples.
        balanced: weight the classes inversely to their frequency (macro-F1 counts them equally).
        name: name of the returned backend (register it with :func:`toolkit.sentiment.register_backend`).
        cache: read/write the fitted weights in the cache folder.
        features: the feature groups (:class:`FeatureSet`), saved with the weights.

    Returns:
        The fitted backend.

    Raises:
        ValueError: a label of :data:`LABELS` has no example.
    """
    source = None
    if isinstance(examples, (str, Path)):
        source = Path(examples)
        examples = load_newsmtsc(source)
    examples = list(examples)
    missing = [label for label in LABELS if not any(e.label == label for e in examples)]
    if missing:
        where = f" in {source}" if source else ""
        raise ValueError(f"training needs examples of every label; none of {', '.join(missing)}{where}")
    digest = hashlib.sha256("\n".join(f"{e.start}:{e.end}:{e.label}:{e.text}" for e in examples).encode()).hexdigest()
    settings = {"l2": l2, "min_count": min_count, "balanced": balanced, "window_words": features.window,
                "features": asdict(features),
                "examples": len(examples), "examples_sha256": digest, "source": str(source) if source else None,
                "fit": f"sklearn LogisticRegression(lbfgs, C=1/l2, tol={_TOL})"}
    fs_key = "".join(str(int(v)) for v in asdict(features).values())
    cached = cache_dir() / f"sentiment-lr-{digest[:16]}-l2{l2}-m{min_count}-b{int(balanced)}-f{fs_key}.json"
    if cache and cached.exists():
        model = LinearTargetBackend.load(cached, name=name)
        if model.settings.get("examples_sha256") == digest and model.settings.get("fit") == settings["fit"]:
            return model
    weights = fit_rows(feature_rows(examples, features), [e.label for e in examples], l2, min_count, balanced)
    model = LinearTargetBackend(weights, name=name, settings=settings)
    if cache:
        model.save(cached)
    return model
