"""One table of headline validity figures for every measure, for the report.

Each row: the measure, the gold set, the metric, the toolkit's value, the baseline scored in the
same run, the target, and whether it is met. Gold sets that are absent are listed as skipped, so
the report always says how far each measure can be trusted and on what evidence.

The validators' results are memoised in the cache folder (:mod:`.memo`, keyed on the gold files,
the corpora they read and the toolkit's code), so the validity notebook, which prints each
validator's report after this table, and a second report run compute each figure once. PolNeAR
(it times the extractor) and the demo gold (a tenth of a second) are computed each time.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..paths import cache_dir, shared_path
from .memo import memoised

__all__ = ["headline", "held_out_spot", "DEMO_DIR", "trained_salt"]

DEMO_DIR = Path(__file__).resolve().parent.parent.parent / "corpora" / "demo"


def trained_salt() -> str:
    """Whether the ``trained`` sentiment backend could run (its packages installed), as a memo salt: the
    NewsMTSC figures score it when a model is cached (the models folder is among the inputs)."""
    import importlib.util

    return "trained: " + str(all(importlib.util.find_spec(m) is not None for m in ("torch", "transformers")))


def _row(measure, gold, metric, value, baseline=None, target=None):
    return {"measure": measure, "gold set": gold, "metric": metric, "value": value, "baseline": baseline,
            "target": target, "meets target": None if target is None or value is None else value >= target}


def held_out_spot(corpora: str | Path) -> dict:
    """Each real-news spot set registered as held out (:data:`.spot.HELD_OUT`, then
    :data:`.spot.PORTRAYAL_HELD_OUT`), by file name: hedge precision and actor right (finder + news hedge
    filter), portrayal accuracy (default backend); each set on its own, never pooled."""
    from . import spot

    loaded: dict = {}
    out = {}
    for name in spot.HELD_OUT:
        res = spot.summarise_hedges(spot.hedge_outcomes(corpora, name, loaded))
        out[name] = {"records": res["records"], "precision": res["now"]["precision"],
                     "actor_right": res["now"]["actor_right"]}
    for name in spot.PORTRAYAL_HELD_OUT:
        res = spot.score_portrayal(corpora, name=name, loaded=loaded)
        out[name] = {"records": res["mentions"], "accuracy": res["now"]["accuracy"]}
    return out


def headline(demo_dir: str | Path | None = DEMO_DIR) -> pd.DataFrame:
    """Headline figures of every validator whose gold data is present (dev splits for real data).

    The real-news attribution figures (``gold/real-quotes`` dev, pooled over its 30 articles) come
    first: they are the closest evidence for the measures as the report uses them.
    """
    rows = []
    gold = shared_path("gold", "real-quotes", "dev.jsonl")
    if gold:
        from . import real

        r = memoised(real.evaluate, gold.parent, inputs=[shared_path("corpora")])
        s, b = r["system"]["pooled"], r["baseline"]["pooled"]
        name = f"real-news dev ({r['articles']} articles, pooled)"
        rows += [_row("quotes", name, "recall", s["recall"], b["recall"]),
                 _row("quotes", name, "precision", s["precision"], b["precision"]),
                 _row("quote speakers", name, "speaker accuracy (found)", s["speaker_accuracy"], b["speaker_accuracy"]),
                 _row("quote camps", name, "camp accuracy (found)", s["camp_accuracy"], b["camp_accuracy"])]
        from .real.fresh import evaluate_fresh

        r = memoised(evaluate_fresh, gold.parent, inputs=[shared_path("corpora")])
        s, b = r["system"]["pooled"], r["baseline"]["pooled"]
        name = f"real-news fresh, held out ({r['articles']} articles annotated before any run, pooled)"
        rows += [_row("quotes", name, "recall", s["recall"], b["recall"]),
                 _row("quote camps", name, "camp accuracy (found)", s["camp_accuracy"], b["camp_accuracy"])]
    else:
        rows.append(_row("quotes", "real-news dev (absent: skipped)", "recall", None))
    corpora = shared_path("corpora")
    if corpora:
        for name, r in memoised(held_out_spot, corpora).items():
            gold = f"real-news spot set {name.removesuffix('.jsonl')}, held out ({r['records']} random records)"
            if "precision" in r:
                rows += [_row("hedging", gold, "precision", r["precision"], target=0.85),
                         _row("hedge actors", gold, "actor right", r["actor_right"], target=0.90)]
            else:
                rows.append(_row("portrayal", gold, "accuracy", r["accuracy"]))
    if demo_dir is not None and (Path(demo_dir) / "gold.jsonl").exists():
        from . import demo

        r = demo.evaluate(demo_dir)
        rows += [_row("quotes", "demo gold (constructed)", "F1", r["quotes"]["f1"]),
                 _row("quote speakers", "demo gold (constructed)", "speaker accuracy", r["quotes"]["speaker_accuracy"]),
                 _row("quote camps", "demo gold (constructed)", "camp accuracy", r["quotes"]["camp_accuracy"]),
                 _row("hedges", "demo gold (constructed)", "cue F1", r["hedges"]["f1"])]
    gold = shared_path("gold", "polnear", "data", "dev")
    if gold:
        from . import polnear

        r = polnear.evaluate(gold)
        rows += [_row("quotes", "PolNeAR dev", "F1", r["system"]["f1"], r["baseline"]["f1"], 0.80),
                 _row("quote speakers", "PolNeAR dev", "speaker accuracy", r["system"]["speaker_accuracy"],
                      r["baseline"]["speaker_accuracy"], 0.85)]
    else:
        rows.append(_row("quotes", "PolNeAR dev (absent: skipped)", "F1", None))
    gold = shared_path("gold", "newsmtsc")
    if gold:
        from . import newsmtsc

        r = memoised(newsmtsc.evaluate, gold, inputs=[cache_dir() / "models"], salt=trained_salt())
        for split, res in r.items():
            name = f"NewsMTSC {Path(split).stem}"
            rows.append(_row("target sentiment (default)", name, "macro-F1", res["default"]["macro_f1"],
                             res.get("vader-sentence", {}).get("macro_f1"), 0.60))
            if "trained" in res:
                rows.append(_row("target sentiment (trained)", name, "macro-F1", res["trained"]["macro_f1"],
                                 res.get("vader-sentence", {}).get("macro_f1"), 0.80 if "rw" in split else 0.75))
    else:
        rows.append(_row("target sentiment", "NewsMTSC dev (absent: skipped)", "macro-F1", None))
    gold = shared_path("gold", "szeged-uncertainty", "factbank-dev.xml")
    if gold:
        from . import szeged

        r = memoised(szeged.evaluate, gold)
        rows.append(_row("hedging", "Szeged FactBank dev", "sentence F1", r["sentence"]["f1"], r["baseline"]["f1"], 0.80))
        wiki = gold.with_name("wiki.xml")
        if wiki.exists():
            w = memoised(szeged.evaluate, wiki)
            rows.append(_row("hedging", "Szeged WikiWeasel (second domain)", "sentence F1", w["sentence"]["f1"],
                             w["baseline"]["f1"]))
    else:
        rows.append(_row("hedging", "Szeged FactBank dev (absent: skipped)", "sentence F1", None))
    frame = pd.DataFrame(rows)
    for col in ("value", "baseline", "target"):
        frame[col] = pd.to_numeric(frame[col]).round(3)
    return frame
