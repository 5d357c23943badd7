"""The evidence explorer's payload: every quote, outlet mention, hedge and label, with sentence bounds and marks."""

from __future__ import annotations

from report_fixtures import demo_results, explorer_payload

from toolkit.explorer import explorer_rows, write_explorer
from toolkit.report import caption
from toolkit.report.tables import explorer_link


def test_report_explorer_rows_cover_every_span_table():
    r = demo_results()
    rows = explorer_rows(r)
    counts = rows["type"].value_counts()
    assert counts["quote"] == len(r.quotes)
    assert counts["mention"] == int((~r.mentions["in_quote"].astype(bool)).sum())
    assert counts["hedge"] >= len(r.hedges)  # a distancing hedge once per actor it counts for
    hedges = rows[rows["type"] == "hedge"]
    for measure in ("own_hedges", "distancing_hedges"):
        assert (hedges["measure"] == measure).sum() == r.actor_measures[measure].sum()
    assert counts.get("label", 0) == len(r.labels)
    assert (rows["s0"] <= rows["start"]).all() and (rows["end"] <= rows["s1"]).all()
    quotes = rows[rows["type"] == "quote"]
    distancing = r.quotes["stance"].isin(["distancing", "denial"]).sum()
    assert (quotes["measure"] == "distancing_verbs").sum() == distancing


def test_report_explorer_mentions_carry_their_portrayal_and_evidence_words():
    r = demo_results()
    rows = explorer_rows(r)
    mentions = rows[rows["type"] == "mention"]
    assert mentions["score"].notna().all()
    marked = mentions[mentions["marks"].map(len) > 0]
    assert len(marked), "some mention has evidence words"
    texts = r.articles.set_index("article_id")["text"]
    for row in marked.head(20).itertuples():
        for start, end, sign in row.marks:
            assert sign in (1, -1) and texts[row.article_id][start:end].strip()


def test_report_explorer_page_is_self_contained(tmp_path):
    r = demo_results()
    page = write_explorer(r, tmp_path / "explorer.html").read_text()
    assert "http://" not in page and "https://" not in page
    data = explorer_payload(page)
    assert data["n"] == len(explorer_rows(r))
    assert len(data["rows"]["a"]) == data["n"] and set(data["codes"]["type"]) <= {"quote", "mention", "hedge", "label"}
    texts = set(r.articles["text"])
    assert all(a[5] in texts for a in data["articles"])


def test_report_caption_links_to_the_explorer_rows():
    assert explorer_link(type="quote", camp="russia") == "evidence_explorer.html#type=quote&camp=russia"
    html = caption("Quote shares.", type="quote", measure="distancing_verbs")
    assert 'href="evidence_explorer.html#type=quote&amp;measure=distancing_verbs"' in html


def test_report_explorer_link_escapes_values():
    assert explorer_link(measure="label: neutral") == "evidence_explorer.html#measure=label%3A%20neutral"
