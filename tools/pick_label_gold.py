"""Draw the articles of ``toolkit/validate/gold/labels_fresh.jsonl`` to ``labels_fresh5.jsonl``.

Per outlet of ``PLANS[set]``, ``k`` articles at random (``random.Random(seed)``, in this order) among the
articles of that outlet with 400-3,000 characters and at least three label-ish words (``LABELISH``,
a broad pattern independent of the label lexicon), never one already in an earlier label-gold set
(``fresh``: seed 18, not in ``labels_real.jsonl``; ``fresh2``: seed 28, ``fresh3``: seed 38, ``fresh4``: seed 48 and ``fresh5``:
seed 58, in none of the earlier real label sets).
Prints one JSON line per article (corpus, doc_id, outlet, n_chars, pool size); the articles are then
annotated by hand by the guide in ``toolkit/validate/labels.py``, before any tool is run on them.

    NARRATIVE_SHARED=../shared python tools/pick_label_gold.py [fresh|fresh2|fresh3|fresh4|fresh5]
"""

from __future__ import annotations

import json
import random
import re
import sys

import toolkit
from toolkit.paths import shared_path
from toolkit.validate.labels import GOLD_DIR

LABELISH = re.compile(r"\b(terror\w*|rebel\w*|regime|militant\w*|opposition|insurgent\w*|jihadi\w*|takfiri\w*|Daesh"
                      r"|ISIS|ISIL|gunmen|armed groups)\b", re.I)
PLANS = {
    "fresh": (18, ("real",), [
        ("fakes", "sana", 2), ("fakes", "tass", 1), ("fakes", "sputnik", 1), ("fakes", "alalam", 1), ("fakes", "manar", 1),
        ("fakes", "etilaf", 2), ("fakes", "reuters", 1), ("sputnik-seededlda", "sputnik", 1),
        ("allsides-syria", "new york times - news", 1), ("allsides-syria", "fox online news", 1)]),
    "fresh2": (28, ("real", "fresh"), [
        # TASS, CNN and the Christian Science Monitor have no article left in the pool; Alalam and the
        # Washington Times / Newsmax stand in for them
        ("fakes", "sana", 2), ("fakes", "alalam", 1), ("fakes", "sputnik", 1), ("sputnik-seededlda", "sputnik", 2),
        ("fakes", "etilaf", 2), ("allsides-syria", "npr online news", 1), ("allsides-syria", "usa today", 1),
        ("allsides-syria", "washington times", 1), ("allsides-syria", "newsmax", 1)]),
    "fresh3": (38, ("real", "fresh", "fresh2"), [
        # TASS has no article left in the pool; Alalam stands in for it among the state-aligned outlets
        ("fakes", "sana", 2), ("fakes", "alalam", 1), ("fakes", "sputnik", 1), ("sputnik-seededlda", "sputnik", 2),
        ("fakes", "etilaf", 2), ("allsides-syria", "new york times - news", 1), ("allsides-syria", "fox online news", 1),
        ("allsides-syria", "washington times", 1), ("allsides-syria", "npr online news", 1)]),
    "fresh4": (48, ("real", "fresh", "fresh2", "fresh3"), [
        # TASS and CNN have no article left in the pool; Manar and the Washington Times stand in for them
        ("fakes", "sana", 2), ("fakes", "manar", 1), ("fakes", "alalam", 1), ("fakes", "sputnik", 1),
        ("sputnik-seededlda", "sputnik", 1), ("fakes", "etilaf", 2), ("allsides-syria", "new york times - news", 1),
        ("allsides-syria", "fox online news", 1), ("allsides-syria", "washington times", 1),
        ("allsides-syria", "usa today", 1)]),
    "fresh5": (58, ("real", "fresh", "fresh2", "fresh3", "fresh4"), [
        # as fresh-4's plan; outlets with no article left in the pool draw none
        ("fakes", "sana", 2), ("fakes", "alalam", 1), ("fakes", "manar", 1), ("fakes", "sputnik", 1),
        ("sputnik-seededlda", "sputnik", 1), ("fakes", "etilaf", 2), ("allsides-syria", "new york times - news", 1),
        ("allsides-syria", "fox online news", 1), ("allsides-syria", "washington times", 1),
        ("allsides-syria", "npr online news", 1)]),
}


def main(which: str = "fresh") -> None:
    seed, earlier, plan = PLANS[which]
    taken = set()
    for name in earlier:
        with open(GOLD_DIR / f"labels_{name}.jsonl", encoding="utf-8") as fh:
            taken |= {(g["corpus"], g["doc_id"]) for g in map(json.loads, fh)}
    rng = random.Random(seed)
    corpora: dict = {}
    for corpus, outlet, k in plan:
        c = corpora.setdefault(corpus, toolkit.load_corpus(shared_path("corpora", corpus)))
        pool = sorted((a for a in c if (corpus, a.id) not in taken and (a.outlet or "").lower() == outlet
                       and 400 <= len(a.text) <= 3000 and len(LABELISH.findall(a.text)) >= 3), key=lambda a: a.id)
        for a in rng.sample(pool, min(k, len(pool))):
            print(json.dumps({"corpus": corpus, "doc_id": a.id, "outlet": outlet, "n_chars": len(a.text), "pool": len(pool)}))


if __name__ == "__main__":
    main(*sys.argv[1:2])
