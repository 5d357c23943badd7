"""Score quotes, speakers, camps and hedges against the demo corpus gold (``corpora/demo/gold.jsonl``).

The demo gold was written with the corpus (constructed text); it checks every construction the
extractors claim to cover. Quote matching: token-overlap F >= 0.5, one-to-one
(:mod:`toolkit.validate.metrics`); a hedge matches a gold hedge when the spans overlap and both are
hedges or both are boosters.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from ..corpus import load_corpus
from .metrics import match_spans, prf, spans_overlap

__all__ = ["evaluate", "report"]


def _gold(path: Path) -> dict[str, dict]:
    """Gold per file name; annotations inside repeated paragraphs (section ``duplicate``) are left
    out, since the pipeline masks repeats before extraction."""
    out = {}
    with open(path / "gold.jsonl", encoding="utf-8") as fh:
        for rec in map(json.loads, filter(str.strip, fh)):
            for key in ("quotes", "hedges"):
                rec[key] = [x for x in rec[key] if x.get("section") != "duplicate"]
            out[Path(rec["file"]).name] = rec
    return out


def evaluate(path: str | Path) -> dict:
    """Figures for quotes (P/R/F1, speaker, camp and kind accuracy) and hedges (P/R/F1 by category)."""
    from ..hedging import find_hedges
    from ..quotes import extract_quotes

    path = Path(path)
    gold = _gold(path)
    corpus = load_corpus(path)
    q = Counter()
    h = Counter()
    by_cat: dict[str, Counter] = {}
    misses, camp_errors = [], []
    for article in corpus:
        g = gold.get(Path(article.meta.get("path", article.id)).name) or gold.get(f"{article.id}.txt") or gold.get(article.id)
        if g is None:
            continue
        text = article.text
        pred = extract_quotes(article)
        matches = match_spans(text, [(p.start, p.end) for p in pred], [(x["start"], x["end"]) for x in g["quotes"]])
        q["pred"] += len(pred)
        q["gold"] += len(g["quotes"])
        q["tp"] += len(matches)
        matched_gold = {j for _, j, _ in matches}
        for i, j, _ in matches:
            p, x = pred[i], g["quotes"][j]
            q["speaker"] += spans_overlap(p.speaker_start, p.speaker_end, x["speaker_start"], x["speaker_end"])
            same_camp = (p.camp or "unnamed") == (x["camp"] or "unnamed")
            q["camp"] += same_camp
            if not same_camp:
                camp_errors.append((article.id, p.speaker, p.camp, x["speaker"], x["camp"]))
            q["kind"] += p.kind == x["kind"]
        misses += [(article.id, x["text"][:80]) for j, x in enumerate(g["quotes"]) if j not in matched_gold]

        hedges = find_hedges(article.masked_text)
        used = set()
        for x in g["hedges"]:
            c = by_cat.setdefault(x["category"], Counter())
            c["gold"] += 1
            for k, p in enumerate(hedges):
                if k not in used and spans_overlap(p.start, p.end, x["start"], x["end"]) and \
                        (p.category == "booster") == (x["category"] == "booster"):
                    used.add(k)
                    c["tp"] += 1
                    break
        for p in hedges:
            by_cat.setdefault(p.category, Counter())["pred"] += 1
        h["pred"] += len(hedges)
        h["gold"] += len(g["hedges"])
        h["tp"] += len(used)
    tp = max(q["tp"], 1)
    return {
        "articles": len(gold),
        "quotes": {**prf(q["tp"], q["pred"], q["gold"]), "speaker_accuracy": q["speaker"] / tp,
                   "camp_accuracy": q["camp"] / tp, "kind_accuracy": q["kind"] / tp},
        "hedges": prf(h["tp"], h["pred"], h["gold"]),
        "hedges_by_category": {k: prf(c["tp"], c["pred"], c["gold"]) for k, c in sorted(by_cat.items())},
        "missed_quotes": misses,
        "camp_errors": camp_errors,
    }


def report(path: str | Path) -> str:
    r = evaluate(path)
    q, h = r["quotes"], r["hedges"]
    lines = [f"Demo corpus gold ({r['articles']} articles, constructed text)",
             f"  quotes   P {q['precision']:.2f}  R {q['recall']:.2f}  F1 {q['f1']:.2f}  "
             f"(pred {q['n_pred']}, gold {q['n_gold']});  speaker acc {q['speaker_accuracy']:.2f}  "
             f"camp acc {q['camp_accuracy']:.2f}  kind acc {q['kind_accuracy']:.2f}",
             f"  hedges   P {h['precision']:.2f}  R {h['recall']:.2f}  F1 {h['f1']:.2f}  (pred {h['n_pred']}, gold {h['n_gold']})"]
    for cat, c in r["hedges_by_category"].items():
        lines.append(f"    {cat:<17} P {c['precision']:.2f}  R {c['recall']:.2f}  F1 {c['f1']:.2f}  (pred {c['n_pred']}, gold {c['n_gold']})")
    if r["camp_errors"]:
        lines.append(f"  camp errors ({len(r['camp_errors'])}; predicted speaker/camp vs gold):")
        lines += [f"    {a}: {ps} [{pc}] vs {gs} [{gc}]" for a, ps, pc, gs, gc in r["camp_errors"][:15]]
    if r["missed_quotes"]:
        lines.append(f"  missed quotes ({len(r['missed_quotes'])}):")
        lines += [f"    {a}: {t}" for a, t in r["missed_quotes"][:15]]
    return "\n".join(lines)
