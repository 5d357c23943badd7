"""The findings are written from the tables: estimate, interval, articles, and plain 'too small' wording."""

from __future__ import annotations

from types import SimpleNamespace

from report_fixtures import demo_results

from toolkit import quote_share_by
from toolkit.report import findings, findings_frame, findings_html
from toolkit.report.findings import QUESTIONS


def test_report_findings_answer_every_question_with_numbers():
    items = findings(demo_results())
    assert {f.question for f in items} == set(QUESTIONS)
    for f in items:
        assert f.verdict in {"distinguishable", "not distinguishable", "too small", "no data", "estimate"}
        if f.estimate is not None and f.verdict != "too small":
            assert "95% CI" in f.text and "articles" in f.text and f.n_articles > 0
    html = findings_html(items)
    assert html.startswith('<div id="findings"') and html.count("<li") == len(items)
    assert list(findings_frame(items).columns[:3]) == ["question", "text", "verdict"]


def test_report_findings_quoted_verdict_follows_the_intervals():
    r = demo_results()
    share = quote_share_by(r, by="alignment", unit="camp", n_resamples=1000, seed=0)
    for f in (f for f in findings(r) if f.question == "quoted" and f.verdict != "too small"):
        alignment = next(a for a in share["alignment"].unique() if f.estimate in set(share.loc[share.alignment == a, "share"]))
        group = share[(share["alignment"] == alignment) & ~share["camp"].isin(["other", "unnamed"])]
        group = group.sort_values("share", ascending=False)
        top, second = group.iloc[0], group.iloc[1]
        apart = top.ci_low > second.ci_high
        assert f.verdict == ("distinguishable" if apart else "not distinguishable")
        assert f"{100 * top.share:.0f}%" in f.text


def test_report_findings_small_groups_are_called_too_small():
    r = demo_results()
    keep = set(r.articles.groupby("alignment")["article_id"].apply(lambda ids: list(ids)[:2]).explode())
    tables = {name: getattr(r, name) for name in ("articles", "sentences", "mentions", "quotes", "hedges", "labels",
                                                  "actor_measures", "problems")}
    small = SimpleNamespace(**{name: (t[t["article_id"].isin(keep)] if "article_id" in t else t)
                               for name, t in tables.items()}, settings={})
    items = findings(small)
    assert any(f.verdict == "too small" and "Too few" in f.text for f in items if f.question == "quoted")
    assert not any(f.verdict == "distinguishable" for f in items)
