"""Draw the real-news spot sets of ``toolkit/validate/gold/`` (``hedges_real*.jsonl``, ``portrayal_*.jsonl``).

Usage: ``python tools/draw_spot_sets.py hedges|mentions [--seed N] [--n 40]``. The articles of the
shared corpora (FA-KES, AllSides-Syria, Sputnik; ``NARRATIVE_SHARED``) are shuffled with the seed;
from each article in turn one record is drawn at random (a non-booster hedge of
``analyze``'s ``hedges`` table, or an outlet mention outside quotes), until ``--n``. The draw prints
each record in its context for hand labelling, and the offsets, length and SHA-256 of the article as
JSON lines; the labels are added by hand (only offsets and labels go into the repository, never
the text). The files were drawn with seeds 20 (hedges) and 21 (mentions) by the code as it stood
before the hedge and portrayal changes (commit 19b682f), and labelled before those changes; run
there to reproduce the draw exactly (the current finder returns other hedge records).

``--by-alignment`` takes the shuffled articles in turn from each outlet alignment (russia,
us_western, opposition, syria_government, iran, turkey, arab: every camp's outlets; an article
without a hedge passes its alignment's turn, so alignments with short articles get fewer), and
``--exclude FILE`` skips the articles of an earlier spot set; ``hedges_real_fresh.jsonl`` was drawn
with ``hedges --seed 22 --by-alignment --exclude toolkit/validate/gold/hedges_real.jsonl`` by the
code of commit f0dbe8d, before the hedge changes it scores (us_western 11, turkey 9, russia 8,
opposition 4, iran 4, arab 3, syria_government 1). ``hedges_real_fresh2.jsonl`` was drawn with
``hedges --seed 23 --by-alignment --exclude toolkit/validate/gold/hedges_real.jsonl --exclude
toolkit/validate/gold/hedges_real_fresh.jsonl`` (``--exclude`` repeats) by the code of commit e721c18 (us_western
11, turkey 8, russia 8, opposition 5, arab 4, iran 3, syria_government 1).
``hedges_real_fresh3.jsonl`` was drawn with ``hedges --seed 24 --by-alignment`` and the three earlier
sets excluded, by the code of commit f3ea5de (us_western 11, arab 9, russia 9, turkey 5, opposition 4, iran 2).
``hedges_real_fresh4.jsonl`` was drawn with ``hedges --seed 25 --by-alignment`` and the four earlier sets
excluded, by the code of commit 5452862 (us_western 14, russia 9, turkey 8, arab 5, opposition 3, iran 1).
``hedges_real_fresh5.jsonl`` was drawn with ``hedges --seed 26 --by-alignment`` and the five earlier sets
excluded, by the code of commit 9e61234 (us_western 13, russia 10, arab 8, turkey 7, opposition 1, iran 1).
``hedges_real_train.jsonl`` was drawn with ``hedges --seed 30 --n 120 --by-alignment`` and the six sets above
excluded, by the code of commit 9e61234 (us_western 37, russia 29, arab 22, turkey 22, iran 9, syria_government 1).
``hedges_real_fresh6.jsonl`` was drawn with ``hedges --seed 31 --by-alignment`` and the seven sets above
excluded (``hedges_real``, ``_fresh`` to ``_fresh5`` and ``_train``), by the code of commit c46a299 (us_western 15,
russia 13, arab 5, iran 4, turkey 3). ``hedges_real_train2.jsonl`` was drawn with ``hedges --seed 32 --n 120
--by-alignment`` and those seven sets and the fresh6 draw excluded, by the code of commit c46a299 (us_western 47,
russia 34, arab 18, turkey 13, iran 8). ``hedges_real_fresh7.jsonl`` was drawn with ``hedges --seed 33 --n 40
--by-alignment`` and the nine sets above excluded (``hedges_real``, ``_fresh`` to ``_fresh6``, ``_train`` and
``_train2``), by the code of commit 33f6bb0 (us_western 17, russia 14, arab 8, iran 1).
``hedges_real_train3.jsonl`` was drawn with ``hedges --seed 34 --n 200 --by-alignment`` and those nine sets and the
fresh7 draw excluded, by the code of commit 33f6bb0 (us_western 93, russia 59, arab 33, iran 14, turkey 1).
``hedges_real_fresh8.jsonl`` was drawn with ``hedges --seed 35 --n 40 --by-alignment`` and the eleven sets above
excluded (``--exclude`` each ``toolkit/validate/gold/hedges_real*.jsonl``), by the code of commit 404cbd9
(us_western 20, russia 14, arab 6). ``hedges_real_fresh9.jsonl`` was drawn with ``hedges --seed 36 --n 40
--by-alignment`` and the twelve sets above excluded (``--exclude`` each ``toolkit/validate/gold/hedges_real*.jsonl``,
fresh8 included), by the code of commit c80957f (us_western 21, russia 14, arab 5). ``hedges_real_fresh10.jsonl``
was drawn with ``hedges --seed 37 --n 40 --by-alignment`` and the thirteen sets above excluded (``--exclude`` each
``toolkit/validate/gold/hedges_real*.jsonl``, fresh9 included), by the code of commit 1e50193 (us_western 20,
russia 12, arab 6, iran 2). ``hedges_real_fresh11.jsonl`` was drawn with ``hedges --seed 38 --n 40 --by-alignment`` and the
fourteen sets above excluded, by the code of commit d40cbe5 (us_western 19, russia 14, arab 7), labelled blind by two
annotators, committed unregistered and registered in round 11 as its held-out set. ``hedges_real_fresh12.jsonl`` was drawn with
``hedges --seed 39 --n 40 --by-alignment`` and the fifteen sets above excluded, by the code of commit 98f8db2 (us_western
20, russia 13, arab 6, iran 1), labelled blind by two annotators, committed unregistered and registered in round 12 as
its held-out set. ``hedges_real_fresh13.jsonl`` was drawn with ``hedges --seed 40 --n 40 --by-alignment`` and the sixteen
sets above excluded, by the code of commit 9200055 (us_western 22, russia 15, arab 3), labelled blind by two annotators,
committed unregistered and registered in round 13 as its held-out set. ``hedges_real_fresh14.jsonl`` was drawn with
``hedges --seed 41 --n 40 --by-alignment`` and the seventeen sets above excluded, by the code of commit d2e6d69
(us_western 21, russia 16, arab 2, iran 1), labelled blind by two annotators, committed unregistered and registered
in round 14 as its held-out set. ``hedges_real_fresh15.jsonl`` was drawn with ``hedges --seed 42 --n 40
--by-alignment`` and the eighteen sets above excluded, by the code of commit 1960972 (us_western 24, russia 12, iran 2,
arab 2), labelled blind by two annotators, committed unregistered and registered in round 15 as its held-out set.
``hedges_real_fresh16.jsonl`` was drawn with ``hedges --seed 43 --n 40 --by-alignment`` and the nineteen sets above
excluded, by the code of commit f52cdba (us_western 21, russia 16, arab 2, iran 1), labelled blind by two annotators
and committed unregistered, for round 16.
``portrayal_fresh.jsonl`` was drawn with ``mentions --seed 27 --exclude toolkit/validate/gold/portrayal_real.jsonl``
by the code of commit 9e61234; ``portrayal_fresh2.jsonl`` with ``mentions --seed 28 --exclude
toolkit/validate/gold/portrayal_real.jsonl --exclude toolkit/validate/gold/portrayal_fresh.jsonl`` by the code of
commit c46a299; ``portrayal_fresh3.jsonl`` with ``mentions --seed 29 --n 40 --by-alignment`` and the three portrayal
sets above excluded, by the code of commit 01b5d0d (fakes 31, allsides-syria 6, sputnik-seededlda 3), labelled blind
by two annotators and registered in round 15 as its held-out portrayal set.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random

from toolkit.corpus import load_corpus
from toolkit.paths import shared_path
from toolkit.pipeline.measures import analyze_article
from toolkit.sentiment import portrayal
from toolkit.sentiment.context import sentence_of

CORPORA = ("fakes", "allsides-syria", "sputnik-seededlda")


def _interleave(arts: list) -> list:
    """The articles taken in turn from each alignment (sorted by name), each alignment's in their shuffled order."""
    queues: dict[str, list] = {}
    for c, a in arts:
        queues.setdefault(a.meta.get("alignment") or "other", []).append((c, a))
    order = [queues[k] for k in sorted(queues)]
    return [q[i] for i in range(max(map(len, order))) for q in order if i < len(q)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=("hedges", "mentions"))
    ap.add_argument("--seed", type=int, default=None, help="default: 20 for hedges, 21 for mentions")
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--by-alignment", action="store_true", help="take articles from each outlet alignment in turn")
    ap.add_argument("--exclude", action="append", default=[], help="a spot-set JSONL whose articles are skipped (repeat it)")
    args = ap.parse_args()
    seed = args.seed if args.seed is not None else {"hedges": 20, "mentions": 21}[args.what]
    arts = [(c, a) for c in CORPORA for a in load_corpus(shared_path("corpora", c))]
    rng = random.Random(seed)
    rng.shuffle(arts)
    done = set()
    for path in args.exclude:
        with open(path, encoding="utf-8") as fh:
            done |= {(r["corpus"], r["doc_id"]) for r in map(json.loads, fh) if r}
    arts = [(c, a) for c, a in arts if (c, a.id) not in done]
    if args.by_alignment:
        arts = _interleave(arts)
    n = 0
    for corpus, article in arts:
        if n >= args.n:
            break
        rows = analyze_article(article)
        if args.what == "hedges":
            pool = [h for h in rows["hedges"] if h["category"] != "booster"]
        else:
            pool = [m for m in rows["mentions"] if not m["in_quote"]]
        if not pool:
            continue
        rec = rng.choice(pool)
        text = article.masked_text
        row = {"corpus": corpus, "doc_id": article.id, "n_chars": len(article.text),
               "sha256": hashlib.sha256(article.text.encode()).hexdigest(), "start": rec["start"], "end": rec["end"]}
        if args.what == "hedges":
            row.update(drawn_category=rec["category"], drawn_actor=rec["actor"], drawn_role=rec["role"])
            lo, hi = max(0, rec["start"] - 260), min(len(text), rec["end"] + 200)
        else:
            row.update(actor=rec["actor"], how=rec["how"],
                       drawn_label=portrayal(text, [(rec["start"], rec["end"])])[0].label)
            lo, hi = sentence_of(text, rec["start"], rec["end"])
        shown = text[lo:rec["start"]] + "[[" + text[rec["start"]:rec["end"]] + "]]" + text[rec["end"]:hi]
        print(f"#{n} " + " ".join(f"{k}={v}" for k, v in row.items() if k.startswith("drawn") or k in ("actor", "how")))
        print("   " + shown.replace("\n", " / "))
        print("   " + json.dumps(row))
        n += 1


if __name__ == "__main__":
    main()
