"""Synthetic ``Results``-like tables with planted effects, for the compare and plot tests.

The generator mimics ``toolkit.pipeline.Results`` (columns as in ``docs/CONTRACTS.md``): one
``articles`` row per article and one ``actor_measures`` row per article x actor. The parameters
that generate the data are module constants, so tests can check that confidence intervals cover
the true values:

* quotes per actor row ~ Poisson(``QUOTE_RATE[alignment][camp]``); every camp appears in an article
  with the same probability and the same number of actors, so the true share of quotes going to
  camp k within an alignment is ``QUOTE_RATE[a][k] / sum(QUOTE_RATE[a].values())``;
* distancing verbs per quote ~ Binomial(quotes, ``DISTANCING[(alignment, camp)]``);
* portrayal = ``PORTRAYAL[(alignment, camp)]`` + an article effect shared by all rows of the
  article (so rows within an article are correlated) + row noise.

``make_results(planted=False)`` draws everything from the baseline parameters (no effect).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

OUTLETS = {"rt": "russia", "tass": "russia", "nyt": "us_western", "wapo": "us_western",
           "enab": "opposition", "tiny": "turkey"}
TINY_OUTLET = "tiny"          # gets only TINY_ARTICLES articles: a small group
TINY_ARTICLES = 3
CAMPS = ("russia", "us", "opposition", "syria_government")
ACTORS = {"russia": ("putin", "lavrov"), "us": ("obama", "kerry"),
          "opposition": ("fsa", "snc"), "syria_government": ("assad", "muallem")}
BASE_RATE = 1.0
QUOTE_RATE = {
    "russia": {"russia": 3.0, "us": 0.5, "opposition": 0.5, "syria_government": 2.0},
    "us_western": {"russia": 0.8, "us": 2.5, "opposition": 2.0, "syria_government": 0.5},
}
BASE_DISTANCING = 0.15
DISTANCING = {("us_western", "russia"): 0.45, ("russia", "us"): 0.10}
BASE_PORTRAYAL = 0.0
PORTRAYAL = {("russia", "opposition"): -0.5, ("us_western", "opposition"): 0.1, ("opposition", "opposition"): 0.5}
PRESENCE = 0.7                # probability that a camp appears in an article
ARTICLE_SD, ROW_SD = 0.25, 0.3


@dataclass
class SyntheticResults:
    """The two tables of ``Results`` that compare and plots read."""

    articles: pd.DataFrame
    actor_measures: pd.DataFrame


def quote_rate(alignment: str, camp: str, planted: bool = True) -> float:
    return QUOTE_RATE.get(alignment, {}).get(camp, BASE_RATE) if planted else BASE_RATE


def true_share(alignment: str, camp: str, planted: bool = True) -> float:
    """True share of quotes going to ``camp`` within ``alignment``."""
    return quote_rate(alignment, camp, planted) / sum(quote_rate(alignment, c, planted) for c in CAMPS)


def true_distancing(alignment: str, camp: str, planted: bool = True) -> float:
    """True distancing verbs per quote."""
    return DISTANCING.get((alignment, camp), BASE_DISTANCING) if planted else BASE_DISTANCING


def true_portrayal(alignment: str, camp: str, planted: bool = True) -> float:
    """True mean portrayal over article x actor rows."""
    return PORTRAYAL.get((alignment, camp), BASE_PORTRAYAL) if planted else BASE_PORTRAYAL


def make_results(n_articles: int = 600, seed: int = 0, planted: bool = True) -> SyntheticResults:
    """Draw a synthetic corpus of ``n_articles`` (+ ``TINY_ARTICLES`` from the tiny outlet)."""
    rng = np.random.default_rng(seed)
    big = [o for o in OUTLETS if o != TINY_OUTLET]
    outlets = list(rng.choice(big, size=n_articles)) + [TINY_OUTLET] * TINY_ARTICLES
    start = pd.Timestamp("2016-01-04")
    articles, rows = [], []
    for i, outlet in enumerate(outlets):
        aid = f"a{i:05d}"
        alignment = OUTLETS[outlet]
        date = start + pd.Timedelta(days=int(rng.integers(0, 182)))
        articles.append({"article_id": aid, "outlet": outlet, "alignment": alignment, "date": date,
                         "title": f"synthetic {i}", "n_words": int(rng.integers(200, 1200)),
                         "n_sentences": int(rng.integers(10, 60)), "flags": ""})
        article_effect = rng.normal(0, ARTICLE_SD)
        for camp in CAMPS:
            if rng.random() > PRESENCE:
                continue
            for actor in ACTORS[camp][: 1 + int(rng.random() < 0.5)]:
                q = int(rng.poisson(quote_rate(alignment, camp, planted)))
                dv = int(rng.binomial(q, true_distancing(alignment, camp, planted)))
                distancing = int(rng.binomial(dv, 0.7))
                neutral, assertive, concession = rng.multinomial(q - dv, [0.6, 0.3, 0.1])
                portrayal = true_portrayal(alignment, camp, planted) + article_effect + rng.normal(0, ROW_SD)
                rows.append({
                    "article_id": aid, "outlet": outlet, "alignment": alignment, "date": date,
                    "actor": actor, "camp": camp, "mentions": 1 + int(rng.poisson(2)), "quotes": q,
                    "quoted_words": int(rng.poisson(18 * q)),
                    "portrayal": portrayal if rng.random() > 0.1 else np.nan,
                    "voice": rng.normal(0, 0.3) if q else np.nan,
                    "own_hedges": int(rng.poisson(0.3 * q)), "distancing_hedges": int(rng.poisson(0.5)),
                    "distancing_verbs": dv, "stance_neutral": int(neutral), "stance_distancing": distancing,
                    "stance_denial": dv - distancing, "stance_concession": int(concession),
                    "stance_assertive": int(assertive)})
    return SyntheticResults(pd.DataFrame(articles), pd.DataFrame(rows))
