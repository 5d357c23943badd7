"""A learned second look at each hedge the lexicon finds in news: is it a hedge in the toolkit's sense?

Method: L2-regularised logistic regression (scikit-learn's ``LogisticRegression``; Hosmer & Lemeshow,
*Applied Logistic Regression*) over binary **claim-level** features of each match of a category counted
as a hedge (:data:`JUDGED`), trained only on the hand-labelled real-news spot records (label ``real``:
the writer or speaker qualifies a claim; reporting verbs and plain attribution are quote stance, not
hedges). The features (:func:`hedge_features`):

- the cue and its category; the word it governs (after a modal the first content word, "could be
  used" -> ``use``, with ``be``/``have`` + participle marked) reduced to a verb class written here
  after Levin (1993, *English Verb Classes and Alternations*: perception 30.1, communication 37) and
  the dynamic/epistemic split of modals (Palmer 2001, *Mood and Modality*; Coates 1983, *The
  Semantics of the Modal Auxiliaries*): perception, ability/use, process (investigate, determine),
  state, communication, plan; negation; a question; the kind of a condition ("if" + participle, "if"
  + clause); "whether" after a question or process verb;
- the reporting frame: inside an extracted quote (:func:`toolkit.quotes.extract_quotes`) and its kind
  and stance, the cue itself a reporting verb form (:mod:`toolkit.lexicons` ``verbs.yml``), the stance
  class of the nearest reporting verb before it in the sentence, an attribution phrase ("according
  to", "sources") in the sentence;
- the cue's lemma (the shortest first word of a judged cue of the default lexicon that
  :func:`toolkit.quotes.inflect` turns into it: "alleged" -> ``allege``) alone and with the governed verb's class, so
  the forms of one cue share their evidence;
- the claim's owner as :func:`toolkit.hedge_claims.attribute_hedges` decided it (``how``, ``role``) and the owner's
  kind in the actor lexicon (person, organization, group, generic, or none), never its camp (a filter that kept or
  dropped hedges by camp would bias the very comparisons it serves), a pronoun or source noun right before the cue,
  the sentence's position in the article.

Words enter only through the lexicon's cues and closed lists written here (the verb classes, pronouns, source
nouns), so the model file (``models/hedge_filter.json``: coefficients, bias, threshold and a manifest of data, CV
figures and command) holds no text. The neighbouring words themselves were tried as features (as in the rejected
FactBank-trained filter) and left out: the nested CV gain on the first 331 records fell from +0.052 to +0.045 with them, and on the 119
matched records of ``hedges_real_train2.jsonl``, unseen by both, the model fitted without them gained +0.052 (real
kept 88 of 89) against +0.044 (84 of 89).

Verb forms are reduced to their class lemma by reading :func:`toolkit.quotes.inflect` (the toolkit's one inflector)
backwards, with the irregular forms listed here.

Limits: no parser or tagger (the governed word is the first content word after the cue); a cue a user
lexicon adds has no weight of its own (its category and context decide); on by default in ``analyze``
(``hedge_filter=False``, the CLI's ``--no-hedge-filter``, turns it off);
trained on the 976 matched records of the 18 dev spot sets (round 15's refit; the spot figures of those sets are
in-sample for it), so an unseen kind of false hedge is as likely missed as by the lexicon rules; the decision
threshold, C and class weights were chosen by nested cross-validation over articles (``tools/hedge_filter_cv.py``);
out of set it scores about 0.81 forward (the manifest's ``out_of_set``), under the dev figures, and a learning
curve over the sets shows no gain from more records of them (docs/training.md, round 15).
"""

from __future__ import annotations

import bisect
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from .quotes.verbs import inflect
from .records import Spans
from .text import sentence_bounds, token_bounds

__all__ = ["JUDGED", "FILTERED", "FILTERED_HOW", "MODEL_PATH", "HedgeFilter", "hedge_context", "hedge_features",
           "load_filter", "judge_hedges", "filter_claims"]

JUDGED = ("epistemic_modal", "epistemic_verb", "epistemic_adverb", "evidential", "conditional")
"""The categories counted as hedges (all but :data:`toolkit.hedging.NOT_HEDGES`): the ones the filter judges."""
FILTERED = "filtered"
"""The role of a hedge the filter judges no hedge (it counts for no actor)."""
FILTERED_HOW = "filter"
"""Its ``how``: the filter decided, not an attachment rule."""
MODEL_PATH = Path(__file__).resolve().parent / "models" / "hedge_filter.json"

_SKIP = frozenset("also still only even well then just never not n't ever really already soon".split())
_NEG = frozenset("not n't no never nobody nothing without neither nor".split())
_PRONOUNS = frozenset("i we you he she it they this that there".split())
_SOURCE_NOUNS = frozenset("sources source officials official reports report media witnesses activists "
                          "observers analysts experts residents diplomats monitors".split())
# Verb classes of the governed word (lemma -> class), after Levin (1993) and Palmer's dynamic modality.
_CLASSES = {
    "perception": "hear see watch feel smell notice spot witness observe sense".split(),
    "ability": ("use reach access enter return help provide afford operate travel receive obtain carry deliver "
                "get go move cross leave escape flee survive stay live work continue buy sell pay send bring "
                "hold fire launch hit strike target attack fight defend protect save stop prevent block").split(),
    "process": ("investigate determine verify examine assess establish check decide evaluate review study probe "
                "identify ascertain know tell find learn discover understand figure resolve").split(),
    "state": ("be become remain mean cause lead result happen indicate involve face include contain exist seem "
              "appear prove turn pose").split(),
    "change": "increase rise fall grow drop escalate collapse trigger spark worsen change improve spread".split(),
    "communication": "say ask talk discuss speak meet negotiate call announce comment respond reply".split(),
    "plan": "plan want try intend seek aim hope expect prepare consider agree refuse".split(),
}
_CLASS_OF = {lemma: name for name, lemmas in _CLASSES.items() for lemma in lemmas}
_IRREGULAR = {"seen": "see", "saw": "see", "heard": "hear", "been": "be", "was": "be", "were": "be", "is": "be",
              "are": "be", "am": "be", "had": "have", "has": "have", "did": "do", "done": "do", "made": "make",
              "taken": "take", "took": "take", "known": "know", "knew": "know", "found": "find", "told": "tell",
              "said": "say", "got": "get", "gotten": "get", "gone": "go", "went": "go", "held": "hold",
              "led": "lead", "meant": "mean", "became": "become", "fought": "fight", "fled": "flee",
              "left": "leave", "struck": "strike", "brought": "bring", "sent": "send", "paid": "pay",
              "understood": "understand", "spoke": "speak", "spoken": "speak", "met": "meet", "grew": "grow",
              "grown": "grow", "fell": "fall", "fallen": "fall", "rose": "rise", "risen": "rise", "sold": "sell",
              "bought": "buy", "felt": "feel", "learnt": "learn", "proven": "prove", "spread": "spread",
              "goes": "go", "does": "do", "being": "be", "having": "have", "have": "have"}
_QUESTION_VERBS = frozenset("ask asked asking asks wonder wondered question questioned unclear clear know knew "
                            "decide decided deciding decides determine determined see consider considering "
                            "discuss discussed debate investigate".split())
# Verb form -> lemma: the regular forms of every class lemma (``be`` has none), then the irregular ones.
_FORMS = {**{form: lemma for lemma in sorted(_CLASS_OF) if lemma != "be" for form in inflect(lemma)}, **_IRREGULAR,
          "be": "be"}
_ATTRIBUTION = re.compile(r"\baccording\s+to\b|\bsources?\b|\breported(?:ly)?\b|\breports\b", re.IGNORECASE)


def _lemma(word: str) -> str:
    """The lemma of a verb form the classes know (an irregular form, or a regular one that
    :func:`toolkit.quotes.inflect`, the toolkit's one inflector, makes of a class lemma), else the word."""
    w = word.lower().replace("\u2019", "'")
    return _FORMS.get(w, w)


@dataclass(frozen=True)
class _Context:
    """Per-text lookups shared by the features of all its hedges."""

    text: str
    sents: tuple[tuple[int, int], ...]
    s_starts: tuple[int, ...]
    quotes: tuple[Any, ...]
    q_spans: Spans
    verbs: Any
    actors: Any


def hedge_context(text: str, quotes: Sequence[Any], verbs: Any, actors: Any = None) -> _Context:
    """The per-text lookups (sentences, quotes sorted by start, attribution verbs, the actor lexicon the claims'
    actors come from: :func:`toolkit.actors.load_actors` when ``None``) :func:`hedge_features` reads."""
    if actors is None:
        from .actors import load_actors
        actors = load_actors()
    sents = tuple(sentence_bounds(text))
    qs = tuple(sorted(quotes, key=lambda q: (q.start, q.end)))
    return _Context(text, sents, tuple(s for s, _e in sents), qs, Spans((q.start, q.end) for q in qs), verbs, actors)


@lru_cache(maxsize=1)
def _cue_lemmas() -> dict[str, str]:
    """First word of a judged cue of the default hedge lexicon -> its lemma: the shortest such first word (ties
    alphabetical) whose :func:`toolkit.quotes.inflect` forms include it ("alleged", "alleges" -> "allege")."""
    from .hedging import load_hedges

    first = {e.cue.split()[0] for e in load_hedges().entries if e.category in JUDGED}
    out: dict[str, str] = {}
    for base in sorted(first, key=lambda w: (len(w), w)):
        for form in inflect(base):
            if form in first:
                out.setdefault(form, base)
    return out


def _cue_lemma(cue: str) -> str:
    """The cue with its first word reduced to its lemma (:func:`_cue_lemmas`; a word it lacks stays itself)."""
    first, sep, rest = cue.partition(" ")
    return _cue_lemmas().get(first, first) + sep + rest


def hedge_features(ctx: _Context, hedge: Any, claim: Any = None) -> list[str]:
    """The binary features of one hedge (``start``, ``end``, ``cue``, ``category``) and its claim (``how``,
    ``role``; optional) in the text of ``ctx`` (:func:`hedge_context`). Deterministic."""
    text, start, end, cue, cat = ctx.text, hedge.start, hedge.end, hedge.cue, hedge.category
    si = max(bisect.bisect_right(ctx.s_starts, start) - 1, 0)
    s0, s1 = ctx.sents[si] if ctx.sents else (0, len(text))
    before = [text[a:b] for a, b in token_bounds(text, s0, start)]
    after = [text[a:b] for a, b in token_bounds(text, end, max(end, s1))]
    low_b = [w.lower().replace("\u2019", "'") for w in before]
    low_a = [w.lower().replace("\u2019", "'") for w in after]
    f = [f"cue={cue}", f"cat={cat}"]  # no neighbouring words: they lowered the CV gain (+0.052 -> +0.045)
    # The governed word: skip adverbs and negation; after "be"/"have" mark the construction.
    k, aux = 0, []
    while k < len(low_a) and (low_a[k] in _SKIP or (low_a[k].endswith("ly") and low_a[k] not in ("likely",))):
        k += 1
    while k < len(low_a) and _lemma(low_a[k]) in ("be", "have") and k + 1 < len(low_a):
        aux.append(_lemma(low_a[k]))
        k += 1
        while k < len(low_a) and low_a[k] in _SKIP:
            k += 1
    gov = low_a[k] if k < len(low_a) else "</s>"
    gov_lemma = _lemma(gov)
    gov_class = _CLASS_OF.get(gov_lemma, "to" if gov == "to" else "that" if gov == "that" else "other")
    f += [f"gov={gov_class}", f"cue|gov={cue}|{gov_class}", f"cat|gov={cat}|{gov_class}"]
    lemma = _cue_lemma(cue)
    f += [f"cue_lemma={lemma}", f"cue_lemma|gov={lemma}|{gov_class}"]
    if gov_lemma in _CLASS_OF:
        f.append(f"cat|lemma={cat}|{gov_lemma}")
    if aux:
        f.append(f"aux={'+'.join(aux[:2])}")
        if gov.endswith(("ed", "en")) or gov in _IRREGULAR:
            f.append(f"aux_participle={aux[-1]}")
    if any(w in _NEG for w in low_b[-3:]) or (low_a[:1] and low_a[0] in _NEG):
        f.append("negated")
    if text[start:s1].rstrip().endswith("?"):
        f.append("question")
    if cat == "conditional":
        nxt = low_a[0] if low_a else ""
        f.append("if_participle" if nxt.endswith(("ed", "en")) or nxt in _IRREGULAR
                 else "if_clause" if nxt in _PRONOUNS or nxt in ("the", "a", "an") or (after and after[0][:1].isupper())
                 else "if_other")
    if cue == "whether" and low_b:
        prev = next((w for w in reversed(low_b[-3:]) if w.isalpha()), "")
        f.append("whether_after_question" if prev in _QUESTION_VERBS else "whether_free")
    # The reporting frame.
    i = ctx.q_spans.first(start, end)  # quotes never overlap: at most one
    q = ctx.quotes[i] if i is not None else None
    if q is not None:
        f += ["in_quote", f"quote_kind={q.kind}", f"quote_stance={getattr(q, 'stance', None)}",
              f"cat|in_quote={cat}"]
        if getattr(q, "actor", None) is None:
            f.append("quote_unknown_speaker")
    if ctx.verbs is not None:
        own = ctx.verbs.stance_of(text[start:end])
        if own:
            f.append(f"cue_reports={own}")
        frames = list(ctx.verbs.pattern.finditer(text, s0, start))
        if frames:
            m = frames[-1]
            near = len(token_bounds(text, m.end(), start)) <= 4
            f.append(f"frame={ctx.verbs.stance_of(m.group(0)) or 'other'}{'_near' if near else ''}")
        if ctx.verbs.pattern.search(text, end, min(s1, end + 60)):
            f.append("frame_after")
    if _ATTRIBUTION.search(text, s0, s1):
        f.append("attribution_in_sentence")
    if any(w in _SOURCE_NOUNS for w in low_b[-3:]):
        f.append("source_noun_before")
    if low_b[-1:] and low_b[-1] in _PRONOUNS:
        f.append(f"pronoun_before={low_b[-1]}")
    if claim is not None:
        f += [f"how={claim.how}", f"role={claim.role}", f"how|cat={claim.how}|{cat}"]
        owner = ctx.actors.actors.get(claim.actor) if claim.actor else None
        kind = owner.kind if owner is not None else "none"
        f += [f"owner_kind={kind}", f"role|owner_kind={claim.role}|{kind}"]
    f.append("sentence=first" if si == 0 else "sentence=early" if si < 4 else "sentence=later")
    f.append("initial" if not before else "early_in_sentence" if len(before) < 4 else "mid_sentence")
    return f


@dataclass(frozen=True)
class HedgeFilter:
    """A logistic-regression hedge filter: ``weights`` (feature -> coefficient), ``bias``, the decision
    ``threshold`` on the probability and the ``manifest`` (data, CV figures, command)."""

    weights: dict
    bias: float
    threshold: float
    manifest: dict

    def probability(self, features: Sequence[str]) -> float:
        """P(real hedge) of one match's features."""
        # sorted: the same float sum in every process (a set's order follows PYTHONHASHSEED)
        z = self.bias + sum(self.weights.get(x, 0.0) for x in sorted(set(features)))
        return 1.0 / (1.0 + math.exp(-z))


def load_filter(path: str | Path | None = None) -> HedgeFilter:
    """The filter stored at ``path`` (default :data:`MODEL_PATH`), read once per path."""
    return _load(str(path or MODEL_PATH))


@lru_cache(maxsize=4)
def _load(path: str) -> HedgeFilter:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return HedgeFilter(dict(data["weights"]), float(data["bias"]), float(data["threshold"]), dict(data["manifest"]))


def judge_hedges(text: str, hedges: Sequence[Any], claims: Sequence[Any] | None, quotes: Sequence[Any],
                 verbs: Any = None, model: HedgeFilter | None = None, actors: Any = None) -> list[float | None]:
    """P(real hedge) of each hedge of a :data:`JUDGED` category (``None`` for the others), in order.

    Args:
        text: the text all offsets index (``Article.masked_text`` in the pipeline).
        hedges: :class:`toolkit.hedging.Hedge` records found in ``text``.
        claims: their :class:`toolkit.hedge_claims.HedgeClaim` (same order), or ``None``.
        quotes: the text's :class:`toolkit.quotes.Quote` records.
        verbs: the attribution verbs (:func:`toolkit.quotes.load_verbs`; the default when ``None``).
        model: a :class:`HedgeFilter` (default :func:`load_filter`). A hedge is kept when its
            probability is at least ``model.threshold``.
        actors: the actor lexicon the claims' actors come from (:func:`toolkit.actors.load_actors` when ``None``).
    """
    if verbs is None:
        from .quotes import load_verbs
        verbs = load_verbs()
    model = model or load_filter()
    ctx = hedge_context(text, quotes, verbs, actors)
    claims = list(claims) if claims is not None else [None] * len(hedges)
    return [model.probability(hedge_features(ctx, h, c)) if h.category in JUDGED else None
            for h, c in zip(hedges, claims)]


def filter_claims(text: str, hedges: Sequence[Any], claims: Sequence[Any], quotes: Sequence[Any], verbs: Any = None,
                  model: HedgeFilter | None = None, actors: Any = None) -> list[Any]:
    """``claims`` (:func:`toolkit.hedge_claims.attribute_hedges` of ``hedges``, same order) with each judged
    hedge under the threshold turned into role :data:`FILTERED`, ``how`` :data:`FILTERED_HOW`, no actor; a
    reporting verb (role ``reporting``) and the categories not judged stay as they are; ``actors`` as for
    :func:`judge_hedges`."""
    model = model or load_filter()
    probs = judge_hedges(text, hedges, claims, quotes, verbs, model, actors)
    return [replace(c, actor=None, role=FILTERED, how=FILTERED_HOW)
            if p is not None and p < model.threshold and c.role != "reporting" else c
            for c, p in zip(claims, probs)]
