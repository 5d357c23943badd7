"""Score quote extraction, speakers and camps on real multi-outlet news (``gold/real-quotes``).

The gold (``../shared/gold/real-quotes/``, made for this project; see its README and GUIDE) marks
every attributed statement of 30 real articles from the FA-KES, AllSides-Syria and Sputnik corpora:
the content span, the speaker words at the cue, the resolved actor and its camp. Offsets index the
article text as :func:`toolkit.load_corpus` loads it from ``../shared/corpora/<corpus>``; the
extractor runs the way :func:`toolkit.pipeline.analyze_article` runs it, on ``Article.masked_text``
with the default actor lexicon and verbs.

The scoring rule is the gold README's (the held-out set is scored the same way):

* a statement is **found** when some single predicted quote covers at least half of its word
  tokens (``\\w+`` of the statement's content; a token counts as covered when it lies wholly inside
  the quote's span);
* the **best-overlapping** quote of a found statement is the one covering most of its tokens
  (ties: the first in text order);
* **camp accuracy**, on found statements: the best quote's camp (``None`` read as ``unnamed``, as
  :func:`toolkit.analyze` records it) equals the gold camp; gold camp ``other`` is right
  for any prediction;
* **speaker accuracy**, on found statements: the best quote's speaker span overlaps the gold
  speaker words, at the gold offsets or any other occurrence of the same words, on word
  boundaries, within 400 characters of the statement;
* **precision**: predicted quotes covering at least half of the tokens of some gold statement, over
  all predicted quotes (a quote covering two statements counts once).

(The README's figures were taken on the raw ``Article.text``: the same on FA-KES and AllSides, but on
the Sputnik corpus the raw text keeps the `` | `` markup that ``masked_text`` blanks, so the run here,
like ``analyze``, finds more there: recall 0.92 against the README's 0.81.)

Figures are given per article, per corpus, per gold camp, pooled, and for the first 12 articles
(``dev.jsonl`` order: the set the attribution issue describes). The quotation-mark regex baseline
of :mod:`toolkit.validate.polnear` is scored in the same run. Misses and camp errors come back with
offsets and camps only; :func:`report` with ``details=True`` prints their text at run time (the
text stays in ``../shared``, never in this repository).
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..paths import shared_path
from .metrics import f_score

__all__ = ["GoldStatement", "Prediction", "Outcome", "load_gold", "load_articles", "predict_system", "predict_baseline", "match",
           "score", "evaluate", "report", "error_class", "speaker_error_class", "CORPUS_NAMES", "SPEAKER_WINDOW"]

_WORD = re.compile(r"\w+")
SPEAKER_WINDOW = 400
FIRST_N = 12  # the articles the attribution issue describes
CORPUS_NAMES = {"fakes": "FA-KES", "allsides-syria": "AllSides", "sputnik-seededlda": "Sputnik"}
_PRONOUNS = frozenset("he she it they we i you him her them his its their".split())


@dataclass(frozen=True)
class GoldStatement:
    """One gold statement of ``dev.jsonl`` (the ``quote``/``speaker`` strings are not kept)."""

    article: str
    corpus: str
    doc_id: str
    start: int
    end: int
    speaker_start: int | None
    speaker_end: int | None
    camp: str
    actor: str | None = None
    kind: str | None = None
    section: str | None = None
    speaker_ambiguous: bool = False


@dataclass
class Prediction:
    """A predicted quote reduced to what scoring needs (offsets index the article text)."""

    start: int
    end: int
    speaker_start: int | None = None
    speaker_end: int | None = None
    camp: str | None = None
    speaker: str | None = None
    kind: str | None = None
    actor: str | None = None


@dataclass
class Outcome:
    """How one gold statement fared: the best quote's index (``None`` when missed) and the checks."""

    gold: GoldStatement
    best: int | None = None
    covered: float = 0.0
    camp_ok: bool = False
    speaker_ok: bool = False
    pred_camp: str | None = None
    extra: dict = field(default_factory=dict)

    @property
    def found(self) -> bool:
        return self.best is not None


# ------------------------------------------------------------------------------------------ loading


def load_gold(gold_dir: str | Path) -> list[GoldStatement]:
    """The statements of ``gold_dir/dev.jsonl`` in file order."""
    out = []
    with open(Path(gold_dir) / "dev.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            r = json.loads(line)
            out.append(GoldStatement(r["article"], r["corpus"], str(r["doc_id"]), int(r["start"]), int(r["end"]),
                                     r.get("speaker_start"), r.get("speaker_end"), r.get("camp") or "unnamed",
                                     r.get("actor"), r.get("kind"), r.get("section"),
                                     bool(r.get("speaker_offsets_ambiguous"))))
    return out


def _corpora_root(gold_dir: Path, corpora: str | Path | None) -> Path:
    if corpora is not None:
        return Path(corpora)
    beside = gold_dir.resolve().parent.parent / "corpora"  # the README's ../../corpora/
    return beside if beside.exists() else (shared_path("corpora") or beside)


def load_articles(gold: list[GoldStatement], corpora_root: str | Path) -> dict[str, object]:
    """``{article id: toolkit Article}``: each gold article from its corpus as ``load_corpus`` loads it."""
    from ..corpus import load_corpus

    wanted: dict[str, dict[str, str]] = defaultdict(dict)
    for g in gold:
        wanted[g.corpus][g.article] = g.doc_id
    out = {}
    for corpus_name, docs in wanted.items():
        corpus = load_corpus(Path(corpora_root) / corpus_name)
        for article_id, doc_id in docs.items():
            art = corpus.get(doc_id)
            if art is None:
                raise LookupError(f"{article_id}: document {doc_id} not found in {Path(corpora_root) / corpus_name}")
            out[article_id] = art
    return out


# -------------------------------------------------------------------------------------- predictions


def predict_system(article, actors=None, verbs=None) -> list[Prediction]:
    """The toolkit's quotes of one article, extracted as ``analyze`` extracts them."""
    from ..actors import load_actors
    from ..quotes import extract_quotes, load_verbs

    quotes = extract_quotes(article, actors=actors if actors is not None else load_actors(),
                            verbs=verbs or load_verbs())
    return [Prediction(q.start, q.end, q.speaker_start, q.speaker_end, q.camp, q.speaker, q.kind, q.actor)
            for q in quotes]


def predict_baseline(article) -> list[Prediction]:
    """The quotation-mark regex baseline of :mod:`toolkit.validate.polnear` (no speaker, no camp)."""
    from .polnear import _baseline

    return [Prediction(spans[0][0], spans[0][1], kind=kind) for spans, _spk, kind in _baseline(article.masked_text)]


# ------------------------------------------------------------------------------------------ scoring


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The statement's word tokens (``\\w+`` of ``text[start:end]``) as absolute spans."""
    return [(start + m.start(), start + m.end()) for m in _WORD.finditer(text[start:end])]


def _covered(tokens: list[tuple[int, int]], p: Prediction) -> int:
    return sum(1 for s, e in tokens if p.start <= s and e <= p.end)


def _speaker_spans(text: str, g: GoldStatement, window: int = SPEAKER_WINDOW) -> list[tuple[int, int]]:
    """The gold speaker span plus every other occurrence of its words, on word boundaries, within
    ``window`` characters of the statement."""
    if g.speaker_start is None or g.speaker_end is None or g.speaker_end <= g.speaker_start:
        return []
    words = text[g.speaker_start:g.speaker_end]
    spans = [(g.speaker_start, g.speaker_end)]
    lo, hi = max(0, g.start - window), min(len(text), g.end + window)
    for m in re.finditer(r"(?<!\w)" + re.escape(words) + r"(?!\w)", text[lo:hi]):
        span = (lo + m.start(), lo + m.end())
        if span not in spans:
            spans.append(span)
    return spans


def _camp_right(gold_camp: str, pred_camp: str | None) -> bool:
    return gold_camp == "other" or (pred_camp or "unnamed") == gold_camp


def match(text: str, gold: list[GoldStatement], preds: list[Prediction]) -> tuple[list[Outcome], set[int]]:
    """Apply the scoring rule to one article.

    Returns:
        One :class:`Outcome` per gold statement (in order), and the indices of the predicted quotes
        that cover at least half of some gold statement's tokens (the precision numerator).
    """
    outcomes, matched = [], set()
    for g in gold:
        toks = _tokens(text, g.start, g.end)
        o = Outcome(g)
        best_n = 0
        for i, p in enumerate(preds):
            if p.end <= g.start or p.start >= g.end or not toks:
                continue
            n = _covered(toks, p)
            if 2 * n >= len(toks) and n > 0:
                matched.add(i)
                if n > best_n:
                    best_n, o.best = n, i
        if o.found:
            p = preds[o.best]
            o.covered = best_n / len(toks)
            o.pred_camp = p.camp
            o.camp_ok = _camp_right(g.camp, p.camp)
            o.speaker_ok = p.speaker_start is not None and any(
                p.speaker_start < e and s < p.speaker_end for s, e in _speaker_spans(text, g))
        outcomes.append(o)
    return outcomes, matched


def _figures(outcomes: list[Outcome], n_pred: int | None = None, n_matched: int | None = None) -> dict:
    n = len(outcomes)
    found = [o for o in outcomes if o.found]
    out = {"gold": n, "found": len(found), "recall": len(found) / n if n else 0.0,
           "camp_right": sum(o.camp_ok for o in found), "speaker_right": sum(o.speaker_ok for o in found),
           "camp_accuracy": sum(o.camp_ok for o in found) / len(found) if found else 0.0,
           "speaker_accuracy": sum(o.speaker_ok for o in found) / len(found) if found else 0.0}
    if n_pred is not None:
        out.update(predicted=n_pred, matched_predicted=n_matched,
                   precision=n_matched / n_pred if n_pred else 0.0)
        p, r = out["precision"], out["recall"]
        out["f1"] = f_score(p, r)
    return out


def _is_pronoun(words: str | None) -> bool:
    return bool(words) and words.strip().lower() in _PRONOUNS


_SOURCE_NOUNS = frozenset("""source sources official officials media agency reporter correspondent tv scroll
directorate command group network activist activists council members administration task force observatory
opposition ministry army military president secretary government regime""".split())


def _described(words: str) -> bool:
    """True for a speaker described by role or source ("the source", "state media", "The TV",
    "the president") rather than named ("Reid", "The US", "the Kremlin")."""
    return any(w.lower() in _SOURCE_NOUNS for w in _WORD.findall(words))


def error_class(text: str, o: Outcome, preds: list[Prediction], lexicon_ids=frozenset()) -> str:
    """A coarse, mechanical class of a camp error, for counting (the report reads them by hand too).

    ``<gold camp> -> <predicted camp>: <why>``, why being the first that holds of:

    * ``no speaker``: the best quote has no speaker;
    * ``wrong speaker``: its speaker span misses the gold speaker words;
    * ``pronoun not resolved``: the gold speaker is a pronoun (the quote kept it, camp not carried);
    * ``described source, side not resolved``: a role or source phrase ("the source", "state
      media", "a medical source at ...", "the president") whose side the context or the phrase names;
    * ``listed actor, camp missed``: a name whose actor is in the lexicon (``lexicon_ids``) yet the
      camp differs (alias form not matched, or a country name taken as other);
    * ``named speaker not in lexicon``: a name the lexicon does not list.
    """
    p = preds[o.best]
    g = o.gold
    gold_words = text[g.speaker_start:g.speaker_end] if g.speaker_start is not None else ""
    pair = f"{g.camp} -> {p.camp or 'unnamed'}"
    if p.speaker_start is None:
        why = "no speaker"
    elif not o.speaker_ok:
        why = "wrong speaker"
    elif _is_pronoun(gold_words):
        why = "pronoun not resolved"
    elif _described(gold_words):
        why = "described source, side not resolved"
    elif g.actor in lexicon_ids:
        why = "listed actor, camp missed"
    else:
        why = "named speaker not in lexicon"
    return f"{pair}: {why}"


def speaker_error_class(text: str, o: Outcome, preds: list[Prediction]) -> str:
    """A mechanical class of a wrong speaker (speaker span missing the gold speaker words), the first of:

    * ``no speaker``: the best quote has no speaker span;
    * ``right actor, other words``: the predicted actor is the gold actor (a pronoun resolved to the
      name, a name for a description): the span differs, who speaks does not;
    * ``speaker of another statement``: the speaker span lies outside the statement's sentence (an
      attribution inherited from an earlier quote or carried across a sentence);
    * ``span inside the statement``: the span was taken from the reported clause itself;
    * ``other phrase of the sentence``: a phrase of the statement's sentence that is not the speaker
      (an object, a place, a phrase of a clause before the cue).
    """
    from ..text import sentences

    p, g = preds[o.best], o.gold
    if p.speaker_start is None:
        return "no speaker"
    if g.actor is not None and p.actor == g.actor:
        return "right actor, other words"
    spans = [(x.start, x.end) for x in sentences(text)]
    lo = max((a for a, b in spans if a <= g.start), default=0)
    hi = min((b for a, b in spans if b >= g.end), default=len(text))
    if p.speaker_end <= lo or p.speaker_start >= hi:
        return "speaker of another statement"
    if g.start <= p.speaker_start and p.speaker_end <= g.end:
        return "span inside the statement"
    return "other phrase of the sentence"


def score(articles: dict, gold: list[GoldStatement], predict, lexicon_ids=frozenset()) -> dict:
    """Score ``predict(article) -> [Prediction]`` on the gold statements of the loaded articles.

    ``lexicon_ids`` (the actor lexicon's ids) only refines the camp error classes (:func:`error_class`).

    Returns:
        ``{"pooled", "by_corpus", "by_camp", "by_article", "first12", "halves", "camp_confusion", "misses",
        "camp_errors", "error_classes", "speaker_errors", "speaker_error_classes"}``; ``halves`` splits the articles in file order into a first and a
        second half ("1-15", "16-30"): a document split to check that a change helps on articles not read: figure dicts have gold, found, recall, camp/speaker
        accuracy (on found statements) and, where predictions are counted (pooled, per corpus, per
        article, first 12), predicted, matched_predicted, precision and f1. Misses and camp errors
        are offsets, camps and the predicted speaker's offsets (no article text).
    """
    by_article: dict[str, list[GoldStatement]] = defaultdict(list)
    for g in gold:
        by_article[g.article].append(g)
    order = list(by_article)
    all_outcomes: list[Outcome] = []
    per_article, pred_counts = {}, {}
    misses, camp_errors, speaker_errors = [], [], []
    confusion: dict[str, Counter] = defaultdict(Counter)
    classes, speaker_classes = Counter(), Counter()
    for aid in order:
        art = articles[aid]
        text = art.text
        preds = predict(art)
        outcomes, matched = match(text, by_article[aid], preds)
        pred_counts[aid] = (len(preds), len(matched))
        per_article[aid] = {"corpus": by_article[aid][0].corpus, "outlet": art.outlet,
                            **_figures(outcomes, len(preds), len(matched))}
        for o in outcomes:
            g = o.gold
            if not o.found:
                misses.append({"article": aid, "start": g.start, "end": g.end, "camp": g.camp, "kind": g.kind,
                               "section": g.section})
                continue
            confusion[g.camp][o.pred_camp or "unnamed"] += 1
            if not o.speaker_ok and g.speaker_start is not None:
                p = preds[o.best]
                cls = speaker_error_class(text, o, preds)
                speaker_classes[cls] += 1
                speaker_errors.append({"article": aid, "start": g.start, "end": g.end, "gold_actor": g.actor,
                                       "pred_actor": p.actor, "pred_speaker_start": p.speaker_start,
                                       "pred_speaker_end": p.speaker_end, "gold_speaker_start": g.speaker_start,
                                       "gold_speaker_end": g.speaker_end, "class": cls})
            if not o.camp_ok:
                p = preds[o.best]
                cls = error_class(text, o, preds, lexicon_ids)
                classes[cls] += 1
                camp_errors.append({"article": aid, "start": g.start, "end": g.end, "gold_camp": g.camp,
                                    "gold_actor": g.actor, "pred_camp": p.camp or "unnamed",
                                    "pred_start": p.start, "pred_end": p.end,
                                    "pred_speaker_start": p.speaker_start, "pred_speaker_end": p.speaker_end,
                                    "gold_speaker_start": g.speaker_start, "gold_speaker_end": g.speaker_end,
                                    "speaker_right": o.speaker_ok, "class": cls})
        all_outcomes += outcomes

    def counted(aids):
        return sum(pred_counts[a][0] for a in aids), sum(pred_counts[a][1] for a in aids)

    by_corpus = {}
    for corpus in dict.fromkeys(g.corpus for g in gold):
        aids = [a for a in order if by_article[a][0].corpus == corpus]
        by_corpus[CORPUS_NAMES.get(corpus, corpus)] = {
            "articles": len(aids), **_figures([o for o in all_outcomes if o.gold.corpus == corpus], *counted(aids))}
    by_camp = {camp: _figures([o for o in all_outcomes if o.gold.camp == camp])
               for camp in sorted({g.camp for g in gold})}
    first = order[:FIRST_N]
    half = (len(order) + 1) // 2
    halves = {}
    for lo, part in ((1, order[:half]), (half + 1, order[half:])):
        if part:
            ids = set(part)
            halves[f"{lo}-{lo + len(part) - 1}"] = {
                "articles": len(part), **_figures([o for o in all_outcomes if o.gold.article in ids], *counted(part))}
    return {
        "articles": len(order),
        "pooled": _figures(all_outcomes, *counted(order)),
        "first12": {"articles": len(first),
                    **_figures([o for o in all_outcomes if o.gold.article in set(first)], *counted(first))},
        "halves": halves,
        "by_corpus": by_corpus,
        "by_camp": by_camp,
        "by_article": per_article,
        "camp_confusion": {g: dict(c) for g, c in sorted(confusion.items())},
        "error_classes": dict(classes.most_common()),
        "speaker_error_classes": dict(speaker_classes.most_common()),
        "misses": misses,
        "camp_errors": camp_errors,
        "speaker_errors": speaker_errors,
    }


def evaluate(gold_dir: str | Path, corpora: str | Path | None = None) -> dict:
    """Score the toolkit and the quotation-mark baseline on ``gold_dir`` (a ``real-quotes`` folder).

    Args:
        gold_dir: the folder holding ``dev.jsonl``.
        corpora: the folder holding the corpora the gold names (default ``gold_dir/../../corpora``,
            else ``$NARRATIVE_SHARED/corpora``).

    Returns:
        ``{"gold_dir", "statements", "articles", "system": score(...), "baseline": score(...)}``.
    """
    return _evaluate(gold_dir, corpora)[0]


def _evaluate(gold_dir, corpora) -> tuple[dict, dict]:
    from ..actors import load_actors
    from ..quotes import load_verbs

    gold_dir = Path(gold_dir)
    gold = load_gold(gold_dir)
    articles = load_articles(gold, _corpora_root(gold_dir, corpora))
    actors, verbs = load_actors(), load_verbs()
    res = {"gold_dir": str(gold_dir), "statements": len(gold), "articles": len(articles),
           "system": score(articles, gold, lambda a: predict_system(a, actors, verbs), frozenset(actors.actors)),
           "baseline": score(articles, gold, predict_baseline)}
    return res, articles


def _line(name: str, f: dict, width: int = 28) -> str:
    prec = f"{f['precision']:6.2f}" if "precision" in f else "     -"
    pred = f"{f['predicted']:6d}" if "predicted" in f else "     -"
    return (f"  {name:<{width}}{f['gold']:6d}{f['found']:6d}{f['recall']:7.2f}{prec}{pred}"
            f"{f['camp_accuracy']:7.2f}{f['speaker_accuracy']:7.2f}")


def _snippet(text: str, start: int, end: int, n: int = 90) -> str:
    s = " ".join(text[start:end].split())
    return s if len(s) <= n else s[:n - 3] + "..."


def report(gold_dir: str | Path, details: bool = False, json_path: str | Path | None = None,
           corpora: str | Path | None = None) -> str:
    """The table ``python -m toolkit validate real`` prints; ``details`` adds the misses and camp
    errors with their text (read from the corpora at run time); ``json_path`` writes the figures
    (offsets only, no text) to that file."""
    res, articles = _evaluate(gold_dir, corpora)
    if json_path:
        Path(json_path).write_text(json.dumps(res, indent=1, sort_keys=False), encoding="utf-8")
    s, b = res["system"], res["baseline"]
    head = f"  {'':<28}{'gold':>6}{'found':>6}{'recall':>7}{'prec':>6}{'pred':>6}{'camp':>7}{'spkr':>7}"
    lines = [f"Real-news quotes (dev): {gold_dir}",
             f"{res['articles']} articles, {res['statements']} gold statements; found = a quote covering >= half "
             f"the statement's words; camp and speaker accuracy on found statements", "", head,
             _line("toolkit, pooled", s["pooled"]), _line("baseline (quote marks)", b["pooled"]),
             _line(f"toolkit, first {FIRST_N} articles", s["first12"]),
             _line(f"baseline, first {FIRST_N} articles", b["first12"])]
    lines += [_line(f"toolkit, articles {span}", f) for span, f in s["halves"].items()]
    lines += ["", "by corpus", head]
    for name, f in s["by_corpus"].items():
        lines.append(_line(f"toolkit {name} ({f['articles']})", f))
        lines.append(_line(f"baseline {name}", b["by_corpus"][name]))
    lines += ["", "by gold camp (toolkit)", head]
    lines += [_line(camp, f) for camp, f in s["by_camp"].items()]
    lines += ["", "by article (toolkit)", head]
    lines += [_line(aid, f, 28) for aid, f in s["by_article"].items()]
    lines += ["", "camp confusion on found statements (gold -> predicted: n)"]
    for g, c in s["camp_confusion"].items():
        lines.append(f"  {g:<17}" + ", ".join(f"{p} {n}" for p, n in sorted(c.items(), key=lambda kv: -kv[1])))
    lines += ["", f"camp error classes ({len(s['camp_errors'])} errors)"]
    lines += [f"  {n:4d}  {cls}" for cls, n in s["error_classes"].items()]
    lines += ["", f"wrong-speaker classes ({len(s['speaker_errors'])} found statements whose speaker span misses "
              f"the gold speaker)"]
    lines += [f"  {n:4d}  {cls}" for cls, n in s["speaker_error_classes"].items()]
    if details:
        lines += ["", f"misses ({len(s['misses'])})"]
        for m in s["misses"]:
            t = articles[m["article"]].text
            lines.append(f"  {m['article']} {m['start']}-{m['end']} [{m['camp']}, {m['kind']}, {m['section']}]: "
                         f"{_snippet(t, m['start'], m['end'])}")
        lines += ["", f"camp errors ({len(s['camp_errors'])})"]
        for e in s["camp_errors"]:
            t = articles[e["article"]].text
            ps = t[e["pred_speaker_start"]:e["pred_speaker_end"]] if e["pred_speaker_start"] is not None else "-"
            gs = t[e["gold_speaker_start"]:e["gold_speaker_end"]] if e["gold_speaker_start"] is not None else "-"
            lines.append(f"  {e['article']} {e['start']}-{e['end']} gold {e['gold_camp']} ({e['gold_actor']}, "
                         f"'{gs}') vs pred {e['pred_camp']} ('{ps}') [{e['class']}]: "
                         f"{_snippet(t, e['start'], e['end'], 70)}")
        lines += ["", f"wrong speakers ({len(s['speaker_errors'])})"]
        for e in s["speaker_errors"]:
            t = articles[e["article"]].text
            ps = t[e["pred_speaker_start"]:e["pred_speaker_end"]] if e["pred_speaker_start"] is not None else "-"
            gs = t[e["gold_speaker_start"]:e["gold_speaker_end"]]
            lines.append(f"  {e['article']} {e['start']}-{e['end']} gold '{gs}' ({e['gold_actor']}) vs pred "
                         f"'{_snippet(ps, 0, len(ps), 50)}' ({e['pred_actor']}) [{e['class']}]: "
                         f"{_snippet(t, e['start'], e['end'], 60)}")
    return "\n".join(lines)
