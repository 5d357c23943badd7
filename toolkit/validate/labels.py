"""Score the camp each label names (:func:`toolkit.labels.find_labels`) against hand annotations.

Seven gold files, offsets only (``toolkit/validate/gold/``), annotated for this project:

* ``labels_real.jsonl``: 11 real articles read at run time from ``../shared/corpora`` (SANA, TASS and
  Sputnik in FA-KES, Sputnik in the Sputnik corpus, Etilaf in FA-KES, the Washington Times, CBS News
  and Politico in AllSides-Syria): corpus, document id, the text's length and SHA-256 (a changed
  text is refused, not scored) and the labels; no text of the articles is kept;
* ``labels_fresh.jsonl`` ("fresh-1"): 12 further real articles annotated after the rules of folds A
  and B were written and before the toolkit was run on them (SANA x2, TASS, Sputnik x2, Alalam,
  Manar, Etilaf x2, Reuters in FA-KES and the Sputnik corpus, the New York Times and Fox in
  AllSides-Syria), drawn by ``tools/pick_label_gold.py fresh`` (seed 18, per outlet, among articles
  of 400-3,000 characters with at least three label-ish words, none of ``labels_real.jsonl``). It was
  held out until its errors had been read; since then it is dev: a rule is kept only if it lowers
  none of fold A, fold B, the demo and fresh-1 to fresh-4;
* ``labels_fresh2.jsonl`` ("fresh-2"): 12 more real articles (SANA x2, Alalam, Sputnik x3,
  Etilaf x2, NPR, USA Today, the Washington Times, Newsmax), drawn the same way
  (``tools/pick_label_gold.py fresh2``, seed 28, in no other label set) and annotated before the
  toolkit was run on them and before the rules fixed on fresh-1's errors. It was held out until its
  errors had been read; since then it is dev like fresh-1;
* ``labels_fresh3.jsonl`` ("fresh-3"): 12 more real articles (SANA x2, Alalam, Sputnik x3,
  Etilaf x2, the New York Times, Fox, the Washington Times, NPR), drawn the same way
  (``tools/pick_label_gold.py fresh3``, seed 38, in no earlier label set) and annotated before the
  toolkit was run on them and before the rules fixed on fresh-2's errors. It was held out until its
  errors had been read; since then it is dev like fresh-1 and fresh-2;
* ``labels_fresh4.jsonl`` ("fresh-4"): 12 more real articles (SANA x2, Manar, Alalam,
  Sputnik x2, Etilaf x2, the New York Times, Fox, the Washington Times, USA Today), drawn the same
  way (``tools/pick_label_gold.py fresh4``, seed 48, in no earlier label set) and annotated before
  the toolkit was run on them and before the rules fixed on fresh-3's errors. It was held out until
  its errors had been read; since then it is dev like fresh-1 to fresh-3;
* ``labels_fresh5.jsonl`` ("fresh-5", held out): 12 more real articles (SANA x2, Alalam, Manar,
  Sputnik x2, Etilaf x2, the New York Times, Fox, the Washington Times, NPR), drawn the same way
  (``tools/pick_label_gold.py fresh5``, seed 58, in no earlier label set) and annotated before the
  toolkit was run on them and before the rules fixed on fresh-4's errors; it never selects a rule;
* ``labels_demo.jsonl``: the 18 articles of the constructed demo corpus (``corpora/demo``).

Annotation guide. A label is a word or phrase naming a camp or its members collectively by a group
name or an epithet: "rebels", "the opposition", "terrorists", "militants", "the regime", "Assad's
forces", "the Syrian army", "government troops", "ISIS", "Daesh", "the coalition", "Russian
forces", "Kurdish militias", and the names of the camps' umbrella bodies ("Free Syrian Army",
"Syrian National Council", "Syrian Coalition") - as a head noun or as a modifier naming the group
("rebel strongholds", "regime airstrikes", "terrorist attack"); labels next to each other are one
("ISIS terrorists"). Not labels: people by name or title, places
and capitals standing for governments ("Moscow"), ministries and agencies, weapons and aircraft
("Russian jets"), generic nouns alone ("the group", "units", "its allies"), hyphenated place
compounds ("rebel-held", "ISIS-held"), "terrorism", a title ("Chief of Staff of the Army"), credits and
tags, and names of single brigades or of groups outside the lexicon's camps (the Nusra Front alone;
"Nusra terrorists" is a label, camp ``other``). Each label gets the camp it names in context, as a
reader of the whole article understands it, with its date and places (fighters the article places
in a town one camp held then name that camp); where the article does not say (Moscow "is striking
only terrorists"), or the groups it names there are a mix of camps (a front held by the Nusra Front
with opposition factions), the camp is left empty (``null``): such labels are counted but not scored, and
a predicted label overlapping one is left out of precision. The candidates were listed by a broad
word pattern independent of the lexicon (terror*, rebel*, forces, troops, army, regime, government,
coalition, group(s), fighters, ...) and each was decided by reading it in its article; a label none
of those words covers would be missing from the gold.

Scoring: a predicted label matches a gold label when their spans share a character (one to one, in
text order). **Precision**: matched predictions with the gold camp over all predictions (those
overlapping an unscored gold label left out). **Recall**: gold labels with a camp matched by a
prediction of that camp, over all gold labels with a camp. Detection (span only) and camp accuracy
on matched labels are given too. The documents of the real and demo sets are split in two folds
(alternately, in file order): the order of the context rules (``resolve_order`` of the label
lexicon) is chosen on fold A and checked on fold B; both are reported, real articles first, then
fresh-1 to fresh-4 (dev), fresh-5 (held out) and all real annotations pooled (real, fresh-1 to -5).
"""

from __future__ import annotations

import copy
import json
from collections import Counter
from pathlib import Path

from ..paths import shared_path
from .gold_text import gold_articles

__all__ = ["GOLD_DIR", "load_documents", "score_document", "evaluate", "report"]

GOLD_DIR = Path(__file__).resolve().parent / "gold"
_DEMO = Path(__file__).resolve().parent.parent.parent / "corpora" / "demo"
_ORDERS = (("coreference", "alignment"), ("alignment", "coreference"))
_FRESH = ("fresh", "fresh2", "fresh3", "fresh4", "fresh5")
_SETS = ("real", "demo", *_FRESH)
_REAL = ("real", *_FRESH)
_TITLES = (("real", "real articles (FA-KES, Sputnik, AllSides)"), ("demo", "demo corpus (constructed)"),
           ("fresh", "fresh-1 real articles (dev: its errors were read)"),
           ("fresh2", "fresh-2 real articles (dev: its errors were read)"),
           ("fresh3", "fresh-3 real articles (dev: its errors were read)"),
           ("fresh4", "fresh-4 real articles (dev: its errors were read)"),
           ("fresh5", "fresh-5 real articles (held out: no rule chosen on them)"),
           ("pooled", "all real annotations pooled (real, fresh-1 to fresh-5)"))


def _read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_documents(which: str, corpora: str | Path | None = None, demo: str | Path = _DEMO,
                   loaded: dict | None = None) -> list[tuple[str, object, list]]:
    """``(name, Article, gold labels)`` for the ``"real"``, ``"fresh"``, ``"fresh2"``, ``"fresh3"``, ``"fresh4"``, ``"fresh5"`` or ``"demo"`` gold set.

    Real and fresh articles come from ``corpora`` (default ``../shared/corpora``); ``[]`` when it is absent.
    ``loaded`` (corpus folder name -> Corpus) keeps each corpus read once across calls (one dict per
    ``corpora``).

    Raises:
        LookupError: a document is not in its corpus, or its text differs from the annotated one.
    """
    from ..corpus import load_corpus

    if which == "demo":
        corpus = load_corpus(demo)
        by_name = {Path(a.meta.get("path", a.id)).stem: a for a in corpus}
        by_name.update({a.id: a for a in corpus})
        return [(g["file"], by_name[g["file"]], g["labels"]) for g in _read(GOLD_DIR / "labels_demo.jsonl")]
    root = Path(corpora) if corpora is not None else shared_path("corpora")
    if root is None or not root.exists():
        return []
    return [(f"{g['corpus']}/{g['doc_id']}", article, g["labels"])
            for g, article in gold_articles(_read(GOLD_DIR / f"labels_{which}.jsonl"), root, loaded)]


def score_document(article, gold: list[dict], labels=None) -> Counter:
    """Counts for one article: ``pred``, ``gold`` (with a camp), ``unscored``, ``found`` (span
    matched), ``tp`` (span and camp), and errors per ``how`` (``wrong_<how>``, ``spurious_<how>``)."""
    from ..labels import find_labels

    preds = find_labels(article, labels)
    c = Counter(gold=sum(g["camp"] is not None for g in gold), unscored=sum(g["camp"] is None for g in gold))
    used: set[int] = set()
    for p in preds:
        j = next((j for j, g in enumerate(gold) if j not in used and p.start < g["end"] and g["start"] < p.end), None)
        if j is not None:
            used.add(j)
        if j is not None and gold[j]["camp"] is None:
            continue
        c["pred"] += 1
        if j is None:
            c[f"spurious_{p.how}"] += 1
            continue
        c["found"] += 1
        if p.camp == gold[j]["camp"]:
            c["tp"] += 1
        else:
            c[f"wrong_{p.how}"] += 1
    return c


def _figures(c: Counter) -> dict:
    p = c["tp"] / c["pred"] if c["pred"] else 0.0
    r = c["tp"] / c["gold"] if c["gold"] else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "detection_precision": c["found"] / c["pred"] if c["pred"] else 0.0,
            "detection_recall": c["found"] / c["gold"] if c["gold"] else 0.0,
            "camp_accuracy": c["tp"] / c["found"] if c["found"] else 0.0,
            "errors": {k: v for k, v in sorted(c.items()) if k.startswith(("wrong_", "spurious_"))},
            **{k: c[k] for k in ("pred", "gold", "unscored", "found", "tp")}}


def _score(docs: dict, lex) -> tuple[dict, dict]:
    """Per set ``{"documents", "all", "A", "B"}`` (with ``pooled``: the real annotations together), and
    the real and demo folds pooled (``A``, ``B``) with the fresh sets apart (``fresh`` to ``fresh5``), for
    one variant of the lexicon."""
    per_fold = {"A": Counter(), "B": Counter()}
    pooled = {"A": Counter(), "B": Counter()}
    per_set = {}
    for which, items in docs.items():
        folds = {"A": Counter(), "B": Counter()}
        for i, (_name, article, gold) in enumerate(items):
            folds["AB"[i % 2]] += score_document(article, gold, lex)
        for f in folds:
            if which in ("real", "demo"):
                per_fold[f] += folds[f]
            if which in _REAL:
                pooled[f] += folds[f]
        per_set[which] = {"documents": len(items), "all": _figures(folds["A"] + folds["B"]),
                          "A": _figures(folds["A"]), "B": _figures(folds["B"])}
    per_set["pooled"] = {"documents": sum(len(docs.get(w, ())) for w in _REAL),
                         "all": _figures(pooled["A"] + pooled["B"]), "A": _figures(pooled["A"]), "B": _figures(pooled["B"])}
    fresh = {w: per_set.get(w, {"all": _figures(Counter())})["all"] for w in _FRESH}
    return per_set, {**{f: _figures(c) for f, c in per_fold.items()}, **fresh}


def evaluate(corpora: str | Path | None = None, demo: str | Path = _DEMO) -> dict:
    """Figures per set (``real``, ``demo``, ``fresh`` to ``fresh5``, ``pooled``), per fold (``A``,
    ``B``), for each rule order and for each co-reference window.

    Returns:
        ``{"sets": {set: {"documents", "all", "A", "B"}}, "orders": {order: {"A", "B", "fresh",
        "fresh2", "fresh3", "fresh4", "fresh5": figures}}, "windows": {window: {same}}, "chosen": the order best on fold A (F1 of
        real and demo pooled), "lexicon_order", "lexicon_window": the lexicon's own}``; ``sets``
        uses the lexicon's settings; each order is scored with the lexicon's window and each window
        with its order. A fresh set's ``A``/``B`` are its two halves (alternate documents), a spread
        only; ``pooled`` holds the real and the five fresh sets' counts together.
    """
    from ..labels import load_labels
    from ..labels.lexicon import WINDOWS

    lex = load_labels()
    loaded: dict = {}
    docs = {which: load_documents(which, corpora, demo, loaded) for which in _SETS}
    out: dict = {"sets": {}, "orders": {}, "windows": {}, "lexicon_order": lex.resolve_order,
                 "lexicon_window": lex.coreference_window}
    for order in _ORDERS:
        variant = copy.copy(lex)
        variant.resolve_order = order
        per_set, pooled = _score(docs, variant)
        out["orders"][" > ".join(order)] = pooled
        if order == lex.resolve_order:
            out["sets"] = per_set
            out["windows"][lex.coreference_window] = pooled
    for window in WINDOWS:
        if window not in out["windows"]:
            variant = copy.copy(lex)
            variant.coreference_window = window
            out["windows"][window] = _score(docs, variant)[1]
    out["chosen"] = max(out["orders"], key=lambda o: out["orders"][o]["A"]["f1"])
    return out


def _line(name: str, f: dict) -> str:
    return (f"  {name:<22} P {f['precision']:.2f}  R {f['recall']:.2f}  F1 {f['f1']:.2f}   "
            f"(pred {f['pred']}, gold {f['gold']}, unscored {f['unscored']}; detection P {f['detection_precision']:.2f} "
            f"R {f['detection_recall']:.2f}; camp acc {f['camp_accuracy']:.2f})")


def report(path: str | None = None, result: dict | None = None) -> str:
    """The figures as text. ``path``: the folder holding the real corpora (default ``../shared/corpora``);
    ``result``: an :func:`evaluate` result to print instead of computing it."""
    r = result if result is not None else evaluate(path)
    lines = ["Label -> camp (targets: precision >= 0.90, recall >= 0.85); resolve order "
             f"{' > '.join(r['lexicon_order'])}"]
    for which, title in _TITLES:
        s = r["sets"].get(which)
        if not s or not s["documents"]:
            lines.append(f"{title}: absent, skipped (set NARRATIVE_SHARED or pass --corpora)")
            continue
        parts = ("fold A", "fold B") if which in ("real", "demo") else ("half 1", "half 2")
        lines.append(f"{title}, {s['documents']} documents:")
        lines += [_line("all", s["all"]), _line(parts[0], s["A"]), _line(parts[1], s["B"])]
        if s["all"]["errors"]:
            lines.append("    errors by how: " + ", ".join(f"{k} {v}" for k, v in s["all"]["errors"].items()))
    lines.append("Context-rule order, chosen on fold A (real + demo), checked on fold B:")
    for order, folds in r["orders"].items():
        lines.append(_variant(order, folds, "  <- chosen on A" if order == r["chosen"] else ""))
    lines.append("Co-reference window (kept only if it helps folds A and B):")
    for window, folds in r["windows"].items():
        lines.append(_variant(window, folds, "  <- the lexicon's" if window == r["lexicon_window"] else ""))
    return "\n".join(lines)


def _variant(name: str, folds: dict, mark: str) -> str:
    return (f"  {name:<26} A: P {folds['A']['precision']:.2f} R {folds['A']['recall']:.2f} F1 {folds['A']['f1']:.2f}"
            f"   B: P {folds['B']['precision']:.2f} R {folds['B']['recall']:.2f} F1 {folds['B']['f1']:.2f}"
            + "".join(f"   fresh-{i}: F1 {folds[w]['f1']:.2f}" for i, w in enumerate(_FRESH, 1)) + mark)
