"""Score :func:`toolkit.quotes.extract_quotes` against PolNeAR attribution relations.

PolNeAR (Newell, Margolin & Ruths 2018, "An attribution relations corpus for political news",
LREC) annotates every attribution in 2016 US political news as brat standoff: ``Source``, ``Cue``
and ``Content`` spans tied by ``E`` relation lines. Metric (as in the issue, after the overlap
scores of Pareti 2016 and Citron, Newman et al. 2021):

* a predicted quote matches a gold attribution when their content *word tokens* overlap with
  token F1 >= 0.5; matching is one-to-one (best pairs first);
* precision: matched predictions over all predictions, against ALL gold attributions;
* recall: matched gold over gold attributions that are speech or quotation (the content holds a
  quotation mark, or the cue contains a speech verb from :data:`SPEECH_VERBS`);
* speaker accuracy: share of matched pairs with a gold Source whose predicted speaker span
  overlaps the Source span.

A plain quotation-mark regex (no speaker) is scored in the same run as a baseline. Articles
annotated twice use the first annotator file in sorted order.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path

from ..quotes import extract_quotes, load_verbs
from ..text import normalize_quotes
from .metrics import f_score

__all__ = ["GoldAttribution", "load_gold", "evaluate", "report", "score", "SPEECH_VERBS"]

SPEECH_VERBS = frozenset("""say says said saying tell tells told telling add adds added adding according state states
stated stating note notes noted noting explain explains explained explaining write writes wrote writing written ask
asks asked asking reply replies replied replying respond responds responded responding answer answered announce
announces announced announcing tweet tweets tweeted tweeting post posted recall recalls recalled remark remarked
comment commented declare declares declared declaring claim claims claimed claiming allege alleged insist insists
insisted insisting deny denies denied denying admit admits admitted acknowledge acknowledges acknowledged concede
conceded confirm confirms confirmed stress stressed emphasize emphasized affirm affirmed reiterate reiterated argue
argues argued arguing contend contended assert asserted maintain maintained warn warns warned warning suggest
suggests suggested predict predicted promise promised vow vowed pledge pledged testify testified quip quipped
joke joked report reports reported reporting tout touted boast boasted complain complained mention mentioned
continue continued recount recounted shout shouted yell yelled read reads speak spoke""".split())

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class GoldAttribution:
    """One PolNeAR attribution: content/cue/source as lists of (start, end) spans."""

    content: tuple
    cue: tuple
    source: tuple
    text_content: str
    text_cue: str

    @property
    def speech(self) -> bool:
        """Speech or quotation: a quotation mark in the content, or a speech verb in the cue."""
        if '"' in normalize_quotes(self.text_content):
            return True
        return any(w in SPEECH_VERBS for w in _WORD.findall(self.text_cue.lower()))

    @property
    def kind(self) -> str:
        """direct / mixed / indirect, derived from the quotation marks in the content."""
        c = normalize_quotes(self.text_content).strip(" .,;:!?\n")
        if '"' not in c:
            return "indirect"
        if c.startswith('"') and (c.endswith('"') or c.count('"') == 1):
            return "direct"
        return "mixed"


def _spans(field: str) -> tuple:
    return tuple(tuple(int(x) for x in part.split()) for part in field.split(";"))


def _parse_ann(path: Path, text: str) -> list[GoldAttribution]:
    spans: dict[str, tuple] = {}
    rels = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if not parts or not parts[0]:
            continue
        if parts[0].startswith("T") and len(parts) >= 2:
            typ, _, offs = parts[1].partition(" ")
            spans[parts[0]] = (typ, _spans(offs))
        elif parts[0].startswith("E") and len(parts) >= 2:
            rels.append(dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg))
    out = []
    for rel in rels:
        def get(role):
            tid = rel.get(role)
            return spans[tid][1] if tid in spans else ()
        content, cue, source = get("Content"), get("Cue"), get("Source")
        if not content:
            continue
        out.append(GoldAttribution(content, cue, source, " ".join(text[s:e] for s, e in content),
                                   " ".join(text[s:e] for s, e in cue)))
    return out


def load_gold(path: str | Path) -> list[tuple[str, str, list[GoldAttribution]]]:
    """Articles of a PolNeAR split folder: (stem, text, gold attributions), one annotator per article."""
    root = Path(path)
    seen: dict[str, Path] = {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0]
        seen.setdefault(stem, ann)
    docs = []
    for stem, ann in sorted(seen.items()):
        txt = root / "text" / f"{stem}.txt"
        if not txt.exists():
            continue
        text = txt.read_text(encoding="utf-8")
        docs.append((stem, text, _parse_ann(ann, text)))
    return docs


def _token_ids(bounds: list[tuple[int, int]], spans) -> frozenset:
    """Indices of word tokens (given as sorted (start, end)) overlapping any of ``spans``."""
    import bisect

    starts = [b[0] for b in bounds]
    out = set()
    for s, e in spans:
        k = max(bisect.bisect_right(starts, s) - 1, 0)
        while k < len(bounds) and bounds[k][0] < e:
            if bounds[k][1] > s:
                out.add(k)
            k += 1
    return frozenset(out)


def _f(a: frozenset, b: frozenset) -> float:
    inter = len(a & b)
    return 0.0 if not inter else 2 * inter / (len(a) + len(b))


def _overlaps(a, spans) -> bool:
    return a is not None and any(a[0] < e and s < a[1] for s, e in spans)


_BASELINE = re.compile(r'"([^"\n]+)"')


def _baseline(text: str) -> list[tuple[tuple[int, int], None, str]]:
    t = normalize_quotes(text)
    return [([(m.start(1), m.end(1))], None, "direct") for m in _BASELINE.finditer(t)]


def attributions(quotes) -> list[tuple[list[tuple[int, int]], tuple[int, int] | None, str]]:
    """Quotes sharing a cue (``"A," he said. "B."``) form one attribution: (content spans, speaker span, kind)."""
    groups: dict = {}
    for n, q in enumerate(quotes):
        key = (q.cue_start, q.cue_end) if q.cue_start is not None else n
        spk = (q.speaker_start, q.speaker_end) if q.speaker_start is not None else None
        if key in groups:
            spans, spk0, kind = groups[key]
            groups[key] = (spans + [(q.start, q.end)], spk0 or spk, kind if kind == q.kind else "mixed")
        else:
            groups[key] = ([(q.start, q.end)], spk, q.kind)
    return list(groups.values())


def score(docs, predict) -> dict:
    """Score ``predict(text) -> [(content spans, speaker span or None, kind)]`` on loaded gold docs."""
    n_pred = n_match = n_gold_speech = n_gold_speech_matched = 0
    n_spk = n_spk_ok = 0
    by_kind: dict[str, dict[str, int]] = {}
    pred_kind: dict[str, dict[str, int]] = {}
    for _stem, text, gold in docs:
        bounds = [(m.start(), m.end()) for m in _WORD.finditer(text)]
        preds = predict(text)
        p_ids = [_token_ids(bounds, p[0]) for p in preds]
        g_ids = [_token_ids(bounds, g.content) for g in gold]
        pairs = []
        for i, pi in enumerate(p_ids):
            for j, gj in enumerate(g_ids):
                f = _f(pi, gj)
                if f >= 0.5:
                    pairs.append((f, i, j))
        pairs.sort(reverse=True)
        used_p, used_g = set(), set()
        for _f1, i, j in pairs:
            if i in used_p or j in used_g:
                continue
            used_p.add(i)
            used_g.add(j)
            if gold[j].source:
                n_spk += 1
                n_spk_ok += _overlaps(preds[i][1], gold[j].source)
        n_pred += len(preds)
        n_match += len(used_p)
        for i, p in enumerate(preds):
            d = pred_kind.setdefault(p[2], {"pred": 0, "matched": 0})
            d["pred"] += 1
            d["matched"] += i in used_p
        for j, g in enumerate(gold):
            if g.speech:
                n_gold_speech += 1
                n_gold_speech_matched += j in used_g
                d = by_kind.setdefault(g.kind, {"gold": 0, "found": 0})
                d["gold"] += 1
                d["found"] += j in used_g
    p = n_match / n_pred if n_pred else 0.0
    r = n_gold_speech_matched / n_gold_speech if n_gold_speech else 0.0
    f1 = f_score(p, r)
    return {
        "precision": p, "recall": r, "f1": f1,
        "speaker_accuracy": n_spk_ok / n_spk if n_spk else 0.0,
        "n_pred": n_pred, "n_matched": n_match, "n_gold_speech": n_gold_speech,
        "recall_by_gold_kind": {k: v["found"] / v["gold"] for k, v in sorted(by_kind.items())},
        "gold_by_kind": {k: v["gold"] for k, v in sorted(by_kind.items())},
        "precision_by_pred_kind": {k: v["matched"] / v["pred"] for k, v in sorted(pred_kind.items())},
        "pred_by_kind": {k: v["pred"] for k, v in sorted(pred_kind.items())},
    }


_EVALUATED: dict[tuple, dict] = {}
"""This process's :func:`evaluate` results by :func:`_content_key` (the report kernel's headline and
its PolNeAR section ask for the same split: one computation)."""


def _content_key(path: str | Path) -> tuple:
    """The split's resolved folder and the digest of every file under it with its relative name
    (:func:`toolkit.validate.memo._digest`, as the validator memo keys on its inputs): a changed gold file
    gives a new key. The toolkit's own code is not in it (fixed within a process)."""
    from .memo import _digest

    root = Path(path).resolve()
    return (str(root), _digest(root))


def evaluate(path: str | Path) -> dict:
    """:func:`_evaluate`, computed once per process for the same split content (a copy of the
    result each call). Limit: ``words_per_second`` is the first call's timing."""
    import copy

    key = _content_key(path)
    if key not in _EVALUATED:
        _EVALUATED[key] = _evaluate(path)
    return copy.deepcopy(_EVALUATED[key])


def _evaluate(path: str | Path) -> dict:
    """Score the extractor and the quotation-mark baseline on a PolNeAR split folder.

    Returns:
        ``{"system": {...}, "baseline": {...}, "articles": n, "gold": n, "words": n,
        "words_per_second": x}``; each scores dict has precision, recall, f1, speaker_accuracy and
        per-kind figures.
    """
    docs = load_gold(path)
    verbs = load_verbs()
    n_words = sum(len(_WORD.findall(text)) for _s, text, _g in docs)
    quotes = {}
    t0 = time.perf_counter()
    for _s, text, _g in docs:  # timed once; the scoring reads these quotes instead of extracting again
        quotes[text] = extract_quotes(text, verbs=verbs)
    elapsed = time.perf_counter() - t0
    return {
        "system": score(docs, lambda text: attributions(quotes[text])),
        "baseline": score(docs, _baseline),
        "articles": len(docs), "gold": sum(len(g) for _s, _t, g in docs), "words": n_words,
        "words_per_second": n_words / elapsed if elapsed else float("inf"),
    }


def report(path: str | Path) -> str:
    """A plain-text report of :func:`evaluate` (what ``python -m toolkit validate quotes`` prints)."""
    res = evaluate(path)
    lines = [f"PolNeAR quotes: {path}",
             f"{res['articles']} articles, {res['gold']} gold attributions, {res['words']} words, "
             f"{res['words_per_second']:,.0f} words/s",
             "",
             f"{'':10}{'P':>7}{'R':>7}{'F1':>7}{'spk acc':>9}{'pred':>7}"]
    for name in ("system", "baseline"):
        s = res[name]
        lines.append(f"{name:10}{s['precision']:7.3f}{s['recall']:7.3f}{s['f1']:7.3f}{s['speaker_accuracy']:9.3f}"
                     f"{s['n_pred']:7d}")
    s = res["system"]
    lines.append("")
    lines.append("system recall by gold kind: " + ", ".join(
        f"{k} {v:.3f} (n={s['gold_by_kind'][k]})" for k, v in s["recall_by_gold_kind"].items()))
    lines.append("system precision by predicted kind: " + ", ".join(
        f"{k} {v:.3f} (n={s['pred_by_kind'][k]})" for k, v in s["precision_by_pred_kind"].items()))
    return "\n".join(lines)
