"""Shared helpers of the report tests: the demo corpus analysed once, and large invented explorer data."""

from __future__ import annotations

import base64
import gzip
import json
import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

DEMO = Path(__file__).resolve().parent.parent / "corpora" / "demo"


@lru_cache(maxsize=1)
def demo_results():
    import toolkit

    return toolkit.analyze(toolkit.load_corpus(DEMO), cache=False, progress=False)


def explorer_payload(page: str) -> dict:
    """The JSON payload inside an explorer page (base64 of gzip)."""
    blob = re.search(r'<script id="data" type="application/octet-stream">([^<]*)</script>', page).group(1)
    return json.loads(gzip.decompress(base64.b64decode(blob)))


def repeated(results, copies: int):
    """A ``Results``-like object holding ``copies`` copies of every article (new ids), for scale tests."""
    from types import SimpleNamespace

    tables = {}
    for name in ("articles", "sentences", "mentions", "quotes", "hedges", "labels", "actor_measures"):
        frame = getattr(results, name)
        tables[name] = pd.concat([frame.assign(article_id=frame["article_id"] + f"~{i}") for i in range(copies)],
                                 ignore_index=True)
    return SimpleNamespace(**tables, settings={"corpus": "demo-repeated", "sentiment": "default"})
