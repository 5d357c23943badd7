"""Scoring the hedge finder on the Szeged Uncertainty Corpus (FactBank news, WikiWeasel).

Gold data: Szarvas, Vincze, Farkas, Mora & Gurevych (2012), "Cross-genre and cross-domain detection
of semantic uncertainty", *Computational Linguistics* 38(2):335-367 - sentences (``<Sentence>``)
with uncertainty cues marked ``<ccue type="...">``. A sentence is uncertain iff it holds a cue.

Scores:

- Sentence level: a sentence is predicted uncertain when :func:`toolkit.hedging.is_uncertain` holds
  with ``reporting=True`` (at least one non-booster cue; boosters are not Szeged cues, reports of a
  charge such as "accused" are Szeged doxastic cues, though the toolkit does not count them as
  hedges in news). Precision, recall, F1 against the
  gold decision, next to the baseline in the same run: a plain list of hedge words
  (:data:`BASELINE_WORDS`), any occurrence making the sentence uncertain. The same decision with the
  news hedge filter (:mod:`toolkit.hedge_filter`, what ``analyze`` and the real-news spot sets use)
  is printed beside it (``sentence_filtered``): the filter learned the toolkit's definition (reporting
  verbs and attribution are no hedges) from news records, which Szeged's annotation does not share,
  so the headline FactBank and WikiWeasel figures are the finder's alone.
- Cue level: a predicted cue and a gold cue match when their character spans overlap. Szeged cue
  types map to the toolkit's categories as follows (type strings are compared without spaces):

  ===================================  =========================================================
  Szeged type                          toolkit group (predicted categories)
  ===================================  =========================================================
  speculation_modal_probable_          ``epistemic`` (epistemic_modal, epistemic_verb, _adverb)
  speculation_modal_possible_          ``epistemic``
  speculation_hypo_doxastic_           ``epistemic`` and, on its own, ``doxastic`` (epistemic_verb,
                                       reporting)
  speculation_hypo_condition_          ``conditional`` (conditional)
  speculation_hypo_investigation_      ``conditional`` (conditional: whether, investigate ...)
  ===================================  =========================================================

  Per group, P = predicted cues of the group's categories that overlap a gold cue of the group,
  R = gold cues of the group overlapped by such a prediction. ``evidential`` has no Szeged
  counterpart: its precision counts overlaps with any gold cue. ``all`` ignores categories
  (boosters excluded). Recall by raw Szeged type is reported too.

Sentence text is rebuilt from the XML as given (FactBank's extra spaces around event tokens stay:
the cue matcher treats any whitespace run as one space).
"""

from __future__ import annotations

import re
import statistics
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from ..hedging import HedgeLexicon, find_hedges, load_hedges
from ..hedge_filter import JUDGED, judge_hedges, load_filter
from ..paths import shared_path, shared_root
from .hedge_cv import FOLDS, cross_validate, sentence_f1
from .metrics import f_score

__all__ = ["GoldCue", "GoldSentence", "BASELINE_WORDS", "TYPE_GROUPS", "GROUPS", "read_gold", "filtered_flags", "evaluate",
           "report", "spread"]

BASELINE_WORDS = ("may", "might", "could", "possibly", "perhaps", "appear", "seem", "suggest", "believe", "likely",
                  "probably", "if", "whether")
_BASELINE = re.compile(r"(?<!\w)(?:" + "|".join(BASELINE_WORDS) + r")(?!\w)", re.IGNORECASE)

# Szeged type (spaces removed) -> toolkit groups it belongs to.
TYPE_GROUPS = {
    "speculation_modal_probable_": ("epistemic",),
    "speculation_modal_possible_": ("epistemic",),
    "speculation_hypo_doxastic_": ("epistemic", "doxastic"),
    "speculation_hypo_condition_": ("conditional",),
    "speculation_hypo_investigation_": ("conditional",),
}
# Toolkit group -> predicted categories in it (None: any gold cue counts, no recall).
GROUPS = {
    "epistemic": ("epistemic_modal", "epistemic_verb", "epistemic_adverb", "reporting"),
    "doxastic": ("epistemic_verb", "reporting"),
    "conditional": ("conditional",),
    "evidential": ("evidential",),
}


@dataclass(frozen=True)
class GoldCue:
    """A gold cue: ``sentence.text[start:end]``, Szeged type with stray spaces removed."""

    start: int
    end: int
    type: str


@dataclass(frozen=True)
class GoldSentence:
    """A gold sentence with its cues (uncertain iff it has any); ``doc`` numbers its document (0, 1, ...)."""

    id: str
    text: str
    cues: tuple[GoldCue, ...]
    doc: int = 0


def read_gold(path: str | Path) -> list[GoldSentence]:
    """Sentences and cue spans of a Szeged XML file, in document order."""
    out = []
    root = ET.parse(str(path)).getroot()
    docs = list(root.iter("Document")) or [root]
    for d, document in enumerate(docs):
        out += _sentences(document, d)
    return out


def _sentences(document: ET.Element, doc: int) -> list[GoldSentence]:
    out = []
    for sent in document.iter("Sentence"):
        parts, cues, pos = [sent.text or ""], [], len(sent.text or "")
        for child in sent:
            inner = "".join(child.itertext())
            if child.tag == "ccue":
                cues.append(GoldCue(pos, pos + len(inner), (child.get("type") or "").replace(" ", "")))
            parts += [inner, child.tail or ""]
            pos += len(inner) + len(child.tail or "")
        out.append(GoldSentence(sent.get("id", ""), "".join(parts), tuple(cues), doc))
    return out


def _prf(tp: int, n_pred: int, n_gold: int | None) -> dict:
    p = tp / n_pred if n_pred else 0.0
    row = {"tp": tp, "predicted": n_pred, "precision": p}
    if n_gold is not None:
        r = tp / n_gold if n_gold else 0.0
        row.update(gold=n_gold, recall=r, f1=f_score(p, r))
    return row


def _sentence_scores(gold: list[bool], pred: list[bool]) -> dict:
    tp = sum(g and p for g, p in zip(gold, pred))
    return _prf(tp, sum(pred), sum(gold))


def _overlaps(a, b) -> bool:
    return a.start < b.end and b.start < a.end


def filtered_flags(sents: list[GoldSentence], lexicon: HedgeLexicon | None = None) -> list[bool]:
    """Each sentence's decision with the news hedge filter: uncertain when a non-booster cue (``reporting``
    included, as :func:`evaluate`) is left after :func:`toolkit.hedge_filter.judge_hedges` drops the judged
    ones under its threshold (quotes, mentions and claims found in the sentence alone)."""
    from ..actors import find_mentions, load_actors
    from ..hedge_claims import attribute_hedges
    from ..quotes import extract_quotes, load_verbs

    lexicon = lexicon or load_hedges()
    actors, verbs, model = load_actors(), load_verbs(), load_filter()
    out = []
    for s in sents:
        hedges = [h for h in find_hedges(s.text, lexicon, reporting=True) if h.category != "booster"]
        judged = [h for h in hedges if h.category in JUDGED]
        if len(judged) < len(hedges) or not judged:
            out.append(bool(hedges))
            continue
        quotes = extract_quotes(s.text, actors=actors, verbs=verbs)
        claims = attribute_hedges(s.text, judged, quotes, find_mentions(s.text, actors), actors)
        out.append(any(p >= model.threshold for p in judge_hedges(s.text, judged, claims, quotes, verbs, model, actors)))
    return out


def evaluate(path: str | Path, lexicon: HedgeLexicon | None = None) -> dict:
    """Score the hedge finder (and the word-list baseline) on one Szeged XML file.

    Args:
        path: A Szeged Uncertainty Corpus XML file (e.g. ``factbank-dev.xml``).
        lexicon: Hedge lexicon to score; the default when ``None``.

    Returns:
        ``{"file", "sentences", "uncertain", "sentence": {precision, recall, f1, tp, predicted, gold},
        "sentence_filtered": {...same, with the news filter: :func:`filtered_flags`}, "baseline": {...same...},
        "cues": {group: {...}}, "recall_by_type": {type: {gold, found}}}``.
    """
    sents = read_gold(path)
    lexicon = lexicon or load_hedges()  # once, not once per sentence
    gold_flags, pred_flags, base_flags = [], [], []
    counts = {g: [0, 0, 0, 0] for g in (*GROUPS, "all")}  # tp_pred, n_pred, tp_gold, n_gold
    by_type: dict[str, list[int]] = {}
    for s in sents:
        hedges = [h for h in find_hedges(s.text, lexicon, reporting=True) if h.category != "booster"]
        gold_flags.append(bool(s.cues))
        pred_flags.append(bool(hedges))
        base_flags.append(_BASELINE.search(s.text) is not None)
        for group, cats in (*GROUPS.items(), ("all", None)):
            preds = [h for h in hedges if cats is None or h.category in cats]
            golds = [c for c in s.cues if group in ("all", "evidential") or group in TYPE_GROUPS.get(c.type, ())]
            c = counts[group]
            c[0] += sum(any(_overlaps(h, g) for g in golds) for h in preds)
            c[1] += len(preds)
            c[2] += sum(any(_overlaps(h, g) for h in preds) for g in golds)
            c[3] += len(golds)
        for g in s.cues:
            row = by_type.setdefault(g.type, [0, 0])
            row[0] += 1
            row[1] += any(_overlaps(h, g) for h in hedges)
    cues = {}
    for group, (tp_pred, n_pred, tp_gold, n_gold) in counts.items():
        row = _prf(tp_pred, n_pred, None)
        if group != "evidential":
            r = tp_gold / n_gold if n_gold else 0.0
            p = row["precision"]
            row.update(gold=n_gold, found=tp_gold, recall=r, f1=f_score(p, r))
        cues[group] = row
    return {
        "file": str(path),
        "sentences": len(sents),
        "uncertain": sum(gold_flags),
        "sentence": _sentence_scores(gold_flags, pred_flags),
        "sentence_filtered": _sentence_scores(gold_flags, filtered_flags(sents, lexicon)),
        "baseline": _sentence_scores(gold_flags, base_flags),
        "cues": cues,
        "recall_by_type": {t: {"gold": n, "found": f} for t, (n, f) in sorted(by_type.items())},
    }


def _fmt(row: dict) -> str:
    if "recall" not in row:
        return f"P {row['precision']:.3f}  ({row['tp']}/{row['predicted']} predicted)"
    return (f"P {row['precision']:.3f}  R {row['recall']:.3f}  F1 {row['f1']:.3f}  "
            f"(predicted {row['predicted']}, gold {row['gold']})")


def report(path: str | Path) -> str:
    """A plain-text report for ``path`` (with its document-fold cross-validation) and, when present,
    ``wiki.xml`` beside it (second domain, never used to choose rules) and the real-news hedge spot
    set (:mod:`toolkit.validate.spot`, when the shared corpora are found)."""
    path = Path(path)
    files = [path]
    wiki = path.with_name("wiki.xml")
    if wiki.exists() and wiki.resolve() != path.resolve():
        files.append(wiki)
    lines = ["Hedging vs Szeged Uncertainty Corpus (Szarvas et al. 2012); cue spans match on overlap."]
    for f in files:
        res = evaluate(f)
        lines += [
            "",
            f"{res['file']}: {res['sentences']} sentences, {res['uncertain']} uncertain",
            f"  sentence  toolkit   {_fmt(res['sentence'])}",
            f"  sentence  + filter  {_fmt(res['sentence_filtered'])}  [news hedge filter; not the headline figure]",
            f"  sentence  baseline  {_fmt(res['baseline'])}  [word list: {', '.join(BASELINE_WORDS)}]",
        ]
        for group, row in res["cues"].items():
            lines.append(f"  cues {group:<12} {_fmt(row)}")
        for t, row in res["recall_by_type"].items():
            lines.append(f"  recall {t:<32} {row['found']}/{row['gold']}")
        if f == path:
            lines += _cv_lines(f)
    corpora = shared_path("corpora")
    if corpora is not None and path.resolve().is_relative_to(shared_root().resolve()):  # the shared gold: real news too
        from .spot import report_hedges

        lines += [""] + report_hedges(corpora)
    return "\n".join(lines)


def spread(xs: list[float]) -> str:
    """Fold figures as printed: mean +- standard deviation, then each fold ("0.847 +- 0.050  [0.848, ...]")."""
    return f"{statistics.mean(xs):.3f} +- {statistics.stdev(xs):.3f}  [{', '.join(f'{x:.3f}' for x in xs)}]"


def _cv_lines(path: Path) -> list[str]:
    """The document-fold cross-validation of the hedge rules (:mod:`toolkit.validate.hedge_cv`)."""
    sents = read_gold(path)
    if len({s.doc for s in sents}) < FOLDS:
        return []
    cv = cross_validate(sents)
    folds = [s.doc % cv["folds"] for s in sents]
    base = [sentence_f1([(bool(s.cues), _BASELINE.search(s.text) is not None)
                         for s, f in zip(sents, folds) if f == k]) for k in range(cv["folds"])]
    kept = filtered_flags(sents)
    filt = [sentence_f1([(bool(s.cues), p) for s, f, p in zip(sents, folds, kept) if f == k]) for k in range(cv["folds"])]
    lines = [f"  cross-validation over {len(set(s.doc for s in sents))} documents, {cv['folds']} folds "
             f"(rules chosen on the other folds, scored on the held-out one): sentence F1",
             f"    rules chosen by CV   {spread(cv['selected'])}",
             f"    shipped lexicon      {spread(cv['shipped'])}",
             f"    shipped + filter     {spread(filt)}  (news hedge filter, trained on news only)",
             f"    word-list baseline   {spread(base)}"]
    for name, n in cv["kept"].items():
        lines.append(f"    rule kept in {n}/{cv['folds']} folds: {name}")
    return lines
