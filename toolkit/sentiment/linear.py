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


def _word_feature_names(sent: AnalysedSentence) -> tuple[tuple[str, str, str] | None, ...]:
    """Per token: its left-window, right-window and sentence feature names (``None`` for a token
    that is not a word, a quotation mark, ``?`` or ``!``), built once per sentence for all its mentions."""
    names = sent.scored.get(_word_feature_names)
    if names is None:
        names = sent.scored[_word_feature_names] = tuple(
            (f"wL:{neg}{w}", f"wR:{neg}{w}", f"s:{neg}{w}") if _WORDLIKE.match(w) or w in ('"', "?", "!") else None
            for w, neg in zip(sent.lower, ("!" if n else "" for n in sent.negated)))
    return names


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


def _features(ctx: TargetContext, lexicons: Sequence, params: RuleParams,
              ignore_quotes: bool, fs: FeatureSet = FeatureSet()) -> list[tuple[str, float, int]]:
    """Feature ``(name, value, token or -1)`` triples for the linear model.

    Lexicon features are the rule scorer's weighted word terms, split by sign and by channel (own
    words vs someone else's quotation), and its raw total per lexicon; word features are the lowercased tokens within
    ``_WINDOW_WORDS`` of the target, weighted by distance and marked left/right and negated.
    """
    sent, cues = ctx.sent, role_cues()
    feats: list[tuple[str, float, int]] = []
    roles = role_terms(ctx, params)
    for lex in lexicons:
        terms = word_terms(ctx, lex.word_score, params, ignore_quotes)
        for i, v, ch in terms:
            feats.append((f"lex:{lex.name}:{ch}:{'pos' if v > 0 else 'neg'}", abs(v), i))
        total = sum(v for _i, v, _c in terms + roles)  # the rule scorer's raw sum
        feats.append((f"tot:{lex.name}:{'pos' if total > 0 else 'neg'}", abs(total), -1))
    for i, kind, role in ctx.roles:
        neg = "not_" if sent.negated[i] else ""
        feats.append((f"role:{neg}{kind}_{role}", 1.0, i))
    s_value = 1.0 / math.sqrt(len(sent.lower))
    window: dict[int, tuple[str, float]] = {}
    for i, names in enumerate(_word_feature_names(sent)):
        if names is None or ctx.t0 <= i <= ctx.t1 or (not fs.function_words and sent.lower[i] in FUNCTION_WORDS):
            continue
        if ignore_quotes and sent.quote[i] >= 0 and sent.quote[i] != ctx.target_quote:
            continue
        side, dist = (0, ctx.t0 - i) if i < ctx.t0 else (1, i - ctx.t1)
        if dist <= fs.window:
            name = names[side]
            if fs.clause and sent.breaks[i] != sent.breaks[ctx.t0 if side == 0 else ctx.t1]:
                name = None if fs.clause == 1 else "wx" + name[1:]
            if name is not None:
                window[i] = (name, 1.0 / (1.0 + (dist - 1) / 3.0))
                feats.append((name, window[i][1], i))
        feats.append((names[2], s_value, i))
    if fs.bigrams:
        for i, (name, value) in window.items():
            nxt = window.get(i + 1)
            part = name[:name.index(":")]
            if nxt is not None and nxt[0].startswith(part + ":"):  # both in the same window part
                feats.append((f"wb{part[-1]}:{sent.lower[i]}_{sent.lower[i + 1]}", max(value, nxt[1]), -1))
    n = len(sent.lower)
    feats.append(("pos:first", float(ctx.t0 <= 1), -1))
    feats.append(("pos:in_quote", float(ctx.target_quote >= 0), -1))
    near = sent.lower[max(0, ctx.t0 - 3):ctx.t0] + sent.lower[ctx.t1 + 1:ctx.t1 + 4]
    feats.append(("pos:speaker", float(any(w in cues.speech for w in near)), -1))
    feats.append(("pos:has_quote", float(any(q >= 0 for q in sent.quote)), -1))
    feats.append(("pos:len", min(n, 60) / 60.0, -1))
    if fs.framing:
        feats += _framing(ctx)
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
        """Sentiment toward ``text[start:end]``: arg-max label, score = P(positive) - P(negative)."""
        ctx = target_context(text, start, end)
        feats = _features(ctx, (self._vader, self._textblob), self._params, ignore_quotes, self.feature_set)
        feats += self._extra_features(ctx, ignore_quotes)
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
        lower = ctx.sent.lower
        shown = ((i, v) for i, v in contrib.items()
                 if _WORDLIKE.match(lower[i]) and lower[i] not in FUNCTION_WORDS
                 and (i in cued or abs(v) >= _EVIDENCE_WORD_MIN))
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
