"""toolkit.evidence works for every table, including actor_measures (the spans behind each measure)."""

from __future__ import annotations

import pytest
from report_fixtures import demo_results

from toolkit.display import MEASURE_SPANS, evidence


@pytest.mark.parametrize("table", ["quotes", "mentions", "hedges", "labels", "sentences", "articles", "problems"])
def test_display_evidence_every_table(table):
    r = demo_results()
    frame = evidence(r, table)
    assert len(frame) == len(getattr(r, table))
    if len(frame) and "article_id" in frame:
        assert frame["context"].map(len).gt(0).all()


def test_display_evidence_actor_measures_portrayal_reads_the_outlets_mentions():
    r = demo_results()
    am = r.actor_measures
    row = am[am["mentions"] > 0].iloc[0]
    spans = evidence(r, "actor_measures", measure="portrayal", article_id=row.article_id, actor=row.actor)
    assert len(spans) and (spans["actor"] == row.actor).all() and not spans["in_quote"].any()
    own = r.mentions[(r.mentions.article_id == row.article_id) & (r.mentions.actor == row.actor) & ~r.mentions.in_quote]
    assert len(spans) == len(own)
    assert all("[[" in c for c in spans["context"]) and (spans["measure"] == "portrayal").all()


def test_display_evidence_actor_measures_counts_match_the_measure():
    r = demo_results()
    am = r.actor_measures
    for measure in ("quotes", "distancing_verbs", "own_hedges", "distancing_hedges"):
        spans = evidence(r, "actor_measures", measure=measure)
        assert len(spans) == int(am[measure].sum()), measure


def test_display_evidence_unknown_measure_names_the_known_ones():
    with pytest.raises(KeyError, match="portrayal"):
        evidence(demo_results(), "actor_measures", measure="nonsense")
    assert "voice" in MEASURE_SPANS
