"""The fresh held-out real-quotes set: 12 articles annotated before the toolkit ever ran on them.

``toolkit/validate/gold/real_quotes_fresh.jsonl`` (offsets only, no text) marks every attributed
statement of 12 real articles that are in neither ``real-quotes/dev.jsonl`` nor any other gold file of
this repository, annotated by hand with ``real-quotes/GUIDE.md`` and committed before any extractor was
run on them. No rule or setting was chosen on it: it estimates how the rules, tuned on dev for two
sessions, do on articles nobody tuned on.

Draw (``random.Random(16)``, issue 16), stratified by the camp of the outlet, three articles each and
500-4000 characters long (to annotate them in the time there was; so shorter than dev's articles):

* ``russia``: one FA-KES Sputnik, one FA-KES TASS, one Sputnik-corpus article (``syria_terms`` > 0);
* ``syria_government``: three FA-KES SANA; ``opposition``: three FA-KES Etilaf;
* ``us``: three AllSides-Syria articles of US outlets (BBC, Guardian, Reuters, Al Jazeera, Daily Mail and
  the guest-writer rows left out).

Each record is a ``dev.jsonl`` record without its text (no ``quote``, ``speaker``, ``verb``) plus
``stratum`` (the outlet's camp), ``n_chars`` and ``text_sha256`` of the article text as
:func:`toolkit.load_corpus` loads it: :func:`check_texts` refuses to score against a text that changed.

Scored with the dev rule (:func:`toolkit.validate.real.score`), per corpus, gold camp, outlet camp and
article, pooled, with the quote-mark baseline and a 95% interval from resampling articles (2,000
draws, seed 16). Limits: 103 statements in 12 short articles, so an interval is wide (about +/- 0.1 on
recall) and one annotator made the gold (no agreement figure). Only figures are printed, never the
misses with their text, so that no rule gets chosen on this set.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from ...paths import shared_path
from ..gold_text import same_text
from .gold import GoldStatement, _corpora_root, load_articles, predict_baseline, predict_system, statement_of
from .scoring import score

FRESH_GOLD = Path(__file__).resolve().parent.parent / "gold" / "real_quotes_fresh.jsonl"
STRATA = ("russia", "syria_government", "opposition", "us")
_DRAWS, _SEED = 2000, 16


def load_fresh(path: str | Path = FRESH_GOLD) -> tuple[list[GoldStatement], dict[str, dict]]:
    """The fresh statements in file order, and per article its ``stratum``, ``n_chars`` and ``text_sha256``.

    Raises:
        ValueError: a record lacks a field of the schema, or an article's records disagree on its
            stratum, length or hash.
    """
    gold, meta = [], {}
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            r = json.loads(line)
            missing = {"article", "corpus", "doc_id", "start", "end", "camp", "stratum", "text_sha256"} - set(r)
            if missing:
                raise ValueError(f"{path}:{n}: missing {', '.join(sorted(missing))}")
            gold.append(statement_of(r))
            m = {"stratum": r["stratum"], "n_chars": r.get("n_chars"), "text_sha256": r["text_sha256"]}
            if meta.setdefault(r["article"], m) != m:
                raise ValueError(f"{path}:{n}: {r['article']} has other stratum/length/hash than its first record")
    return gold, meta


def check_texts(articles: dict, meta: dict[str, dict]) -> None:
    """Raise ``ValueError`` naming each article whose loaded text is not the annotated one (its offsets
    would point elsewhere)."""
    bad = [aid for aid, m in meta.items()
           if not same_text(articles[aid].text, m["text_sha256"], m["n_chars"])]
    if bad:
        raise ValueError(f"fresh real-quotes: the text of {', '.join(bad)} differs from the annotated one")


def _interval(by_article: dict, key: str, denom: str) -> tuple[float, float]:
    """95% percentile interval of a pooled ratio (``sum key / sum denom``) over articles drawn with
    replacement."""
    rows = [(f[key], f[denom]) for f in by_article.values()]
    rng, vals = random.Random(_SEED), []
    for _ in range(_DRAWS):
        draw = [rows[rng.randrange(len(rows))] for _ in rows]
        d = sum(b for _a, b in draw)
        if d:
            vals.append(sum(a for a, _b in draw) / d)
    vals.sort()
    return (vals[int(0.025 * len(vals))], vals[int(0.975 * len(vals)) - 1]) if vals else (0.0, 0.0)


def evaluate_fresh(gold_dir: str | Path | None = None, corpora: str | Path | None = None,
                   path: str | Path = FRESH_GOLD) -> dict:
    """Score the toolkit and the baseline on the fresh set.

    Args:
        gold_dir: a ``real-quotes`` folder, only to find the corpora beside it as :func:`evaluate` does.
        corpora: the corpora folder (default: beside ``gold_dir``, else ``$NARRATIVE_SHARED/corpora``).
        path: the fresh gold file.

    Returns:
        ``{"statements", "articles", "system": score(...), "baseline": score(...), "by_stratum":
        {outlet camp: {"system", "baseline"} pooled figures}, "lowest": (article, recall),
        "intervals": {"recall", "camp_accuracy", "speaker_accuracy": (lo, hi)}}``.
    """
    from ...actors import load_actors
    from ...quotes import load_verbs

    gold, meta = load_fresh(path)
    root = _corpora_root(Path(gold_dir), corpora) if gold_dir is not None else (corpora or shared_path("corpora"))
    if root is None:
        raise FileNotFoundError("fresh real-quotes: no corpora folder (pass corpora= or set NARRATIVE_SHARED)")
    articles = load_articles(gold, root)
    check_texts(articles, meta)
    actors, verbs = load_actors(), load_verbs()
    memo: dict[tuple[str, str], list] = {}  # each article extracted once, scored pooled and per stratum

    def cached(name, fn):
        def predict(a):
            if (name, a.id) not in memo:
                memo[name, a.id] = fn(a)
            return memo[name, a.id]
        return predict

    system = cached("system", lambda a: predict_system(a, actors, verbs))
    baseline = cached("baseline", predict_baseline)

    res = {"statements": len(gold), "articles": len(articles),
           "system": score(articles, gold, system, frozenset(actors.actors)),
           "baseline": score(articles, gold, baseline)}
    res["by_stratum"] = {}
    for stratum in STRATA:
        part = [g for g in gold if meta[g.article]["stratum"] == stratum]
        if part:
            arts = {g.article: articles[g.article] for g in part}
            res["by_stratum"][stratum] = {"articles": len(arts),
                                          "system": score(arts, part, system)["pooled"],
                                          "baseline": score(arts, part, baseline)["pooled"]}
    per = res["system"]["by_article"]
    low = min(per, key=lambda aid: per[aid]["recall"])
    res["lowest"] = (low, per[low]["recall"])
    res["intervals"] = {"recall": _interval(per, "found", "gold"),
                        "camp_accuracy": _interval(per, "camp_right", "found"),
                        "speaker_accuracy": _interval(per, "speaker_right", "found")}
    return res
