"""Annotation samples are random and reproducible, the sheet round-trips through CSV and JSONL with a
researcher's edits, and load_annotations reads statement records and the demo corpus's gold."""

import json
from pathlib import Path

import pandas as pd
import pytest

from toolkit.annotation import annotation_sample, load_annotations, write_annotation_sheet

TEXT = ("The minister said the convoy had reached the town. Aid workers said they were not told. "
        "A spokesman later added that talks would resume on Monday.")


class _Results:
    def __init__(self, n=9):
        self.articles = pd.DataFrame({"article_id": [f"k{i}" for i in range(n)],
                                      "outlet": [("east", "west", "south")[i % 3] for i in range(n)],
                                      "alignment": "x", "date": "2015-10-01", "title": [f"T{i}" for i in range(n)],
                                      "text": TEXT})
        self.quotes = pd.DataFrame([{"article_id": f"k{i}", "start": 22, "end": 49, "kind": "indirect",
                                     "speaker": "The minister", "speaker_start": 0, "speaker_end": 12,
                                     "actor": "minister", "camp": "russia", "text": TEXT[22:49]} for i in range(n)])


def test_annotation_sample_is_seeded_and_stratified():
    results = _Results()
    a, b = annotation_sample(results, 4, seed=5), annotation_sample(results, 4, seed=5)
    assert a.article_ids == b.article_ids and len(set(a.article_ids)) == 4
    strat = annotation_sample(results, 2, by="outlet", seed=0)
    assert strat.articles.groupby("outlet").size().to_dict() == {"east": 2, "south": 2, "west": 2}
    assert set(strat.quotes["article_id"]) == set(strat.article_ids)
    assert len(annotation_sample(results, 50, by="outlet").articles) == 9  # a stratum smaller than n: all of it
    with pytest.raises(KeyError, match="stratify"):
        annotation_sample(results, 2, by="camp")


def test_annotation_sample_seeds_differ():
    results = _Results(40)
    draws = {tuple(annotation_sample(results, 5, seed=s).article_ids) for s in range(6)}
    assert len(draws) > 1


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_annotation_sheet_round_trip_with_edits(tmp_path, suffix):
    sample = annotation_sample(_Results(), 3, seed=1)
    path = write_annotation_sheet(sample, tmp_path / f"sheet{suffix}")
    sheet = pd.read_csv(path, dtype={"article_id": str}) if suffix == ".csv" else pd.read_json(path, lines=True)
    assert set(sheet["status"]) == {"article", "keep"} and (sheet["status"] == "keep").sum() == 3
    assert sheet.loc[sheet.status == "keep", "quote"].iloc[0] == TEXT[22:49]
    first, second, third = sample.article_ids
    sheet.loc[(sheet.article_id == first) & (sheet.status == "keep"), "status"] = "delete"
    sheet.loc[(sheet.article_id == second) & (sheet.status == "keep"), "camp"] = "us"
    added = {"article_id": third, "status": "add", "camp": "un", "quote": "talks would resume on Monday"}
    sheet = pd.concat([sheet, pd.DataFrame([added])], ignore_index=True)
    sheet.to_csv(path, index=False) if suffix == ".csv" else sheet.to_json(path, orient="records", lines=True)
    gold = load_annotations(path)
    assert set(gold["article_id"]) == {first, second, third}  # the emptied article stays annotated
    assert not gold.loc[gold.article_id == first, "statement"].any()
    statements = gold[gold.statement].set_index("article_id")
    assert statements.loc[second, "camp"] == "us"
    new = gold[(gold.article_id == third) & (gold.camp == "un")].iloc[0]
    assert TEXT[new.start:new.end] == "talks would resume on Monday"


def test_annotation_sheet_rejects_unknown_status_and_suffix(tmp_path):
    with pytest.raises(ValueError, match="unknown status"):
        load_annotations(pd.DataFrame([{"article_id": "k1", "status": "maybe", "camp": "us"}]))
    with pytest.raises(ValueError, match="csv, .jsonl or .html"):
        write_annotation_sheet(annotation_sample(_Results(), 1), tmp_path / "sheet.xlsx")


def test_annotation_load_statement_records_with_an_id_column():
    records = [{"article": "x-1", "doc_id": "1", "start": 22, "end": 49, "camp": "russia", "kind": "indirect",
                "speaker_start": 0, "speaker_end": 12, "actor": "minister"},
               {"article": "x-1", "doc_id": "1", "start": 86, "end": 140, "camp": None}]
    gold = load_annotations(records, id_column="doc_id")
    assert gold["article_id"].tolist() == ["1", "1"] and gold["statement"].all()
    assert gold["start"].tolist() == [22, 86] and gold["camp"].isna().tolist() == [False, True]
    assert load_annotations(records)["article_id"].iloc[0] == "x-1"
    with pytest.raises(KeyError, match="article column"):
        load_annotations([{"start": 1, "end": 2, "camp": "us"}])


def test_annotation_load_demo_gold(repo):
    path = Path(repo) / "corpora" / "demo" / "gold.jsonl"
    files = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    gold = load_annotations(path)
    assert set(gold["article_id"]) == {Path(f["file"]).stem for f in files}
    assert int(gold["statement"].sum()) == sum(len(f["quotes"]) for f in files)
    first = files[0]["quotes"][0]
    row = gold[(gold.article_id == Path(files[0]["file"]).stem) & (gold.start == first["start"])].iloc[0]
    assert row.camp == first["camp"] and row.end == first["end"] and row.speaker_start == first["speaker_start"]


def test_annotation_sheet_html_form_is_self_contained_and_holds_the_rows(tmp_path):
    sample = annotation_sample(_Results(), 2, seed=3)
    page = write_annotation_sheet(sample, tmp_path / "sheet.html").read_text(encoding="utf-8")
    lines = write_annotation_sheet(sample, tmp_path / "sheet.jsonl").read_text(encoding="utf-8")
    embedded = page.split('<script type="application/json" id="rows">')[1].split("</script>")[0]
    rows = json.loads(embedded)
    assert rows == [json.loads(line) for line in lines.splitlines()]
    assert "http" not in page and "<script src" not in page  # nothing fetched: works offline
    assert load_annotations(pd.DataFrame(rows)).equals(load_annotations(tmp_path / "sheet.jsonl"))
