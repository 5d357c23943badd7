"""Findings in words, written from the comparison tables: the first thing a reader of the report sees.

:func:`findings` answers the report's four questions, each in one or two sentences with the
estimate, its 95% article-bootstrap interval and the number of articles, from the same tables the
figures draw (:mod:`toolkit.comparison`):

1. who is quoted in each outlet alignment (``quote_share_by``): the named camp quoted most against the
   next one, then the shares of unnamed sources and of speakers the actor lexicon does not know;
2. whether the other side's officials are reported with more distancing or denial verbs
   (``difference_test``, US/Western outlets on Russia vs Russian-state outlets on the US);
3. how the opposition is portrayed across alignments (``compare`` of ``portrayal``);
4. how the opposition and the Syrian government are named (``label_shares``, own voice).

Wording rules (stated so a reader can check them): a group with fewer than ``min_articles``
articles is reported as too small; two estimates are called distinguishable only when their 95%
intervals do not overlap (conservative: overlapping intervals can still differ), a difference only
when its interval excludes 0. These are descriptive statements about the corpora analysed, with
the measurement error of the extractors (the report's validity section) not included.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd

from ..comparison import MIN_ARTICLES, compare, difference_test, label_shares, quote_share_by

__all__ = ["Finding", "findings", "findings_html", "findings_frame", "ALIGNMENT_NAMES", "CAMP_NAMES"]

ALIGNMENT_NAMES = {"russia": "Russian-state outlets", "us_western": "US/Western outlets",
                   "opposition": "Syrian-opposition outlets", "syria_government": "Syrian-state outlets",
                   "iran": "Iranian outlets", "turkey": "Turkish outlets", "arab": "Arab outlets",
                   "other": "other outlets"}
CAMP_NAMES = {"russia": "Russia", "us": "the US", "opposition": "the opposition",
              "syria_government": "the Syrian government", "iran": "Iran", "turkey": "Turkey", "un": "the UN",
              "isis": "ISIS", "other": "other named speakers", "unnamed": "unnamed sources"}
_UNNAMED = ("unnamed", "other")  # not a camp of the conflict: anonymous sources, speakers the lexicon does not know
QUESTIONS = {"quoted": "Who is quoted?", "distancing": "Are the other side's officials reported with distancing verbs?",
             "portrayal": "How is the opposition portrayed?", "naming": "How are the camps named?"}


@dataclass(frozen=True)
class Finding:
    """One sentence of the findings: the question it answers, the text, and the numbers in it.

    ``verdict`` is ``distinguishable``, ``not distinguishable``, ``too small``, ``no data`` or
    ``estimate`` (a single figure, nothing compared).
    """

    question: str
    text: str
    verdict: str
    estimate: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    n_articles: int = 0


def _alignment(a) -> str:
    return ALIGNMENT_NAMES.get(a, f"{a} outlets")


def _camp(c) -> str:
    return CAMP_NAMES.get(c, str(c))


def _pct(x) -> str:
    return "n/a" if pd.isna(x) else f"{100 * x:.0f}%"


def _ci(low, high, pct: bool = True) -> str:
    if pd.isna(low) or pd.isna(high):
        return "no interval: one article"
    f = _pct if pct else (lambda v: f"{v:+.2f}")
    return f"95% CI {f(low)} to {f(high)}"


def _overlap(a, b) -> bool:
    return not (a.ci_low > b.ci_high or b.ci_low > a.ci_high)


def _too_small(rows: pd.DataFrame, key: str, name=_alignment) -> str:
    return ", ".join(f"{name(r[key])} ({r['n_articles']})" for _, r in rows.iterrows())


def _quoted(results, min_articles: int, n_resamples: int, seed: int) -> list[Finding]:
    share = quote_share_by(results, by="alignment", unit="camp", n_resamples=n_resamples, seed=seed,
                           min_articles=min_articles)
    if not len(share):
        return [Finding("quoted", "No quotes were found, so no quote shares.", "no data")]
    out, small = [], []
    for alignment, everyone in share.groupby("alignment", sort=True):
        n = int(everyone["n_articles"].iloc[0])
        group = everyone[~everyone["camp"].isin(_UNNAMED)].sort_values("share", ascending=False)
        if n < min_articles or not len(group):
            small.append(f"{_alignment(alignment)} ({n})")
            continue
        top = group.iloc[0]
        rest = everyone[everyone["camp"].isin(_UNNAMED)].set_index("camp")["share"]
        text = (f"In {_alignment(alignment)} ({n} articles with quotes), {_camp(top.camp)} is the camp quoted most: "
                f"{_pct(top.share)} of quotes ({_ci(top.ci_low, top.ci_high)})")
        verdict = "estimate"
        if len(group) > 1:
            second = group.iloc[1]
            verdict = "not distinguishable" if _overlap(top, second) else "distinguishable"
            text += (f", then {_camp(second.camp)} at {_pct(second.share)} ({_ci(second.ci_low, second.ci_high)}); "
                     + ("the two are not distinguishable." if verdict == "not distinguishable"
                        else "the lead is clear."))
        text = text if text.endswith(".") else text + "."
        named = {"unnamed": "unnamed sources", "other": "speakers the actor lexicon does not know"}
        if len(rest):
            text += " Outside the camps: " + ", ".join(f"{named[c]} {_pct(v)}" for c, v in rest.items()) + "."
        out.append(Finding("quoted", text, verdict, top.share, top.ci_low, top.ci_high, n))
    if small:
        out.append(Finding("quoted", f"Too few articles with quotes to say for {', '.join(small)}.", "too small"))
    return out


def _distancing(results, min_articles: int, n_resamples: int, seed: int) -> list[Finding]:
    a, b = ("us_western", "russia"), ("russia", "us")
    try:
        test = difference_test(results, "distancing_verbs", by=["alignment", "camp"], per="quotes", a=a, b=b,
                               n_resamples=n_resamples, seed=seed, min_articles=min_articles).iloc[0]
    except ValueError:
        return [Finding("distancing", "Not comparable: US/Western outlets quoting Russia, or Russian-state outlets "
                                      "quoting the US, have no quotes here.", "no data")]
    interval = ("no interval: one article" if pd.isna(test.ci_low) else
                f"95% CI {100 * test.ci_low:+.0f} to {100 * test.ci_high:+.0f} points")
    text = (f"US/Western outlets introduce Russia's quotes with a distancing or denial verb at "
            f"{_pct(test.estimate_a)} ({test.n_a} articles); Russian-state outlets the US's at "
            f"{_pct(test.estimate_b)} ({test.n_b} articles): a difference of "
            f"{100 * test.difference:+.0f} points ({interval}, permutation p = {test.p_value:.2f}).")
    if test.small:
        verdict, text = "too small", text + f" One side has fewer than {min_articles} articles: too small to say."
    elif pd.isna(test.ci_low) or test.ci_low <= 0 <= test.ci_high:
        verdict, text = "not distinguishable", text + " The two are not distinguishable."
    else:
        verdict = "distinguishable"
    return [Finding("distancing", text, verdict, test.difference, test.ci_low, test.ci_high,
                    int(test.n_a + test.n_b))]


def _portrayal(results, min_articles: int, n_resamples: int, seed: int) -> list[Finding]:
    table = compare(results, "portrayal", by="alignment", filter={"camp": "opposition"}, n_resamples=n_resamples,
                    seed=seed, min_articles=min_articles).dropna(subset=["estimate"])
    big, small = table[~table["small"]], table[table["small"]]
    out = []
    if len(big):
        parts = [f"{_alignment(r.alignment)} {r.estimate:+.2f} ({_ci(r.ci_low, r.ci_high, pct=False)}, "
                 f"{r.n_articles} articles)" for r in big.sort_values("estimate").itertuples()]
        low, high = big.loc[big["estimate"].idxmin()], big.loc[big["estimate"].idxmax()]
        verdict = "estimate" if len(big) == 1 else ("not distinguishable" if _overlap(low, high) else "distinguishable")
        text = "Mean portrayal of the opposition (-1 negative to +1 positive), most negative first: " + "; ".join(parts)
        if verdict == "not distinguishable":
            text += ". Even the most negative and the most positive are not distinguishable."
        elif verdict == "distinguishable":
            text += (f". {_alignment(low.alignment)} portray it more negatively than "
                     f"{_alignment(high.alignment)} (intervals apart).")
        out.append(Finding("portrayal", text if text.endswith(".") else text + ".", verdict, low.estimate,
                           low.ci_low, low.ci_high, int(big["n_articles"].sum())))
    if len(small):
        out.append(Finding("portrayal", f"Too few articles to say for {_too_small(small, 'alignment')}.", "too small"))
    if "syria_government" in set(results.articles["alignment"]) and "syria_government" not in set(table["alignment"]):
        out.append(Finding("portrayal", "Syrian-state outlets never name the opposition as an actor (they label it, "
                                        "see the naming findings), so they have no portrayal row.", "no data"))
    return out or [Finding("portrayal", "No mentions of the opposition.", "no data")]


def _naming(results, min_articles: int, n_resamples: int, seed: int) -> list[Finding]:
    labels = results.labels
    out = []
    for camp in ("opposition", "syria_government"):
        share = label_shares(results, by="alignment", camp=camp, voice="own", n_resamples=n_resamples, seed=seed,
                             min_articles=min_articles)
        share = share[share["category"] == "delegitimising"]
        if not len(share):
            continue
        big, small = share[~share["small"]], share[share["small"]]
        parts = []
        for r in big.sort_values("share", ascending=False).itertuples():
            own = labels[(labels["camp"] == camp) & ~labels["in_quote"].astype(bool)
                         & labels["article_id"].isin(results.articles.loc[results.articles["alignment"] == r.alignment,
                                                                          "article_id"])]
            by_rule = int((own["how"] == "alignment").sum())
            note = f"; {by_rule} of {len(own)} labels by the outlet-alignment rule" if by_rule else ""
            parts.append(f"{_alignment(r.alignment)} {_pct(r.share)} ({_ci(r.ci_low, r.ci_high)}, "
                         f"{r.n_articles} articles{note})")
        if parts:
            hi, lo = big.loc[big["share"].idxmax()], big.loc[big["share"].idxmin()]
            verdict = "estimate" if len(big) == 1 else ("not distinguishable" if _overlap(hi, lo) else "distinguishable")
            text = (f"Share of delegitimising labels ('terrorists', 'the regime' ...) among the labels naming "
                    f"{_camp(camp)} in the outlets' own voice: " + "; ".join(parts) + ".")
            if verdict == "not distinguishable":
                text += " The highest and the lowest are not distinguishable."
            elif verdict == "distinguishable":
                text += (f" {_alignment(hi.alignment)} and {_alignment(lo.alignment)} differ (intervals apart).")
            if ((big["ci_low"] == big["ci_high"]) & big["share"].isin([0.0, 1.0])).any():
                text += (" An interval at 0% or 100% has zero width: every resample agrees, which says nothing "
                         "about how far the lexicon's reading of those labels can be trusted.")
            out.append(Finding("naming", text, verdict, hi.share, hi.ci_low, hi.ci_high, int(big["n_articles"].sum())))
        if len(small):
            out.append(Finding("naming", f"Labels of {_camp(camp)}: too few articles to say for "
                                         f"{_too_small(small, 'alignment')}.", "too small"))
    return out or [Finding("naming", "No labels naming the opposition or the Syrian government.", "no data")]


def findings(results, *, min_articles: int = MIN_ARTICLES, n_resamples: int = 1000, seed: int = 0) -> list[Finding]:
    """The findings of a comparison, question by question (see the module docstring for the wording rules).

    Args:
        results: a ``Results`` (or an object with its tables); several corpora: ``concat_results``.
        min_articles: groups with fewer articles are reported as too small.
        n_resamples: bootstrap and permutation resamples (1,000 keeps the report fast; the
            appendix tables use the comparison defaults).
        seed: the seed of every interval.
    """
    out = []
    for step in (_quoted, _distancing, _portrayal, _naming):
        out += step(results, min_articles, n_resamples, seed)
    return out


def findings_frame(items: list[Finding]) -> pd.DataFrame:
    """The findings as a tidy table (one row per sentence)."""
    return pd.DataFrame([f.__dict__ for f in items])


def findings_html(items: list[Finding]) -> str:
    """The findings as HTML: a heading per question, one bullet per sentence (``id="findings"``)."""
    parts = ['<div id="findings" class="findings">']
    for key, question in QUESTIONS.items():
        rows = [f for f in items if f.question == key]
        if rows:
            parts.append(f"<h3>{html.escape(question)}</h3><ul>")
            parts += [f'<li data-verdict="{html.escape(f.verdict)}">{html.escape(f.text)}</li>' for f in rows]
            parts.append("</ul>")
    parts.append("</div>")
    return "".join(parts)
