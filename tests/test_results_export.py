"""Results.to_csv / to_excel / tables and concat_results's corpus column (invented records)."""

from __future__ import annotations

import pandas as pd
import pytest

from toolkit.pipeline import TABLES, Results, analyze, concat_results

RECORDS = [
    {"id": "a1", "outlet": "harbor", "date": "2015-10-01",
     "text": "Talks resume\n\n\"We are ready to talk,\" Sergei Lavrov said on Monday. Rebels denied the claim."},
    {"id": "a2", "outlet": "ridge", "date": "2015-10-02",
     "text": "Convoy waits\n\nJohn Kerry said the convoy was waiting at the crossing, officials said."},
]


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    return analyze(RECORDS, cache=tmp_path_factory.mktemp("cache"), progress=False)


def test_results_to_csv_writes_every_table_with_integer_offsets(results, tmp_path):
    paths = results.to_csv(tmp_path / "csv")
    assert sorted(p.stem for p in paths) == sorted(TABLES)
    quotes = pd.read_csv(tmp_path / "csv" / "quotes.csv")
    assert len(quotes) == len(results.quotes) and len(quotes)
    raw = (tmp_path / "csv" / "quotes.csv").read_text().splitlines()[1]
    assert ".0," not in raw  # offsets as 241, not 241.0
    text = results.articles.set_index("article_id").loc["a1", "text"]
    for row in quotes.itertuples():
        if row.article_id == "a1":
            assert text[row.start:row.end] == row.text


def test_results_tables_give_nullable_integers(results):
    quotes = results.tables()["quotes"]
    assert str(quotes["cue_start"].dtype) == "Int64" and str(quotes["start"].dtype) == "Int64"


def test_results_to_excel_one_sheet_per_table_and_long_cells_cut(results, tmp_path):
    long = Results(**{t: getattr(results, t) for t in TABLES}, settings=results.settings)
    long.articles = results.articles.assign(text=["x" * 40000 + "\x01", results.articles["text"].iloc[1]])
    path = long.to_excel(tmp_path / "out" / "results.xlsx")
    sheets = pd.read_excel(path, sheet_name=None)
    assert list(sheets) == ["summary", *TABLES]
    assert len(sheets["quotes"]) == len(results.quotes)
    cell = sheets["articles"]["text"].iloc[0]
    assert len(cell) == 32767 and cell.endswith("[...]")
    assert sheets["summary"]["summary"].str.contains("were cut").any()


def test_results_concat_adds_a_corpus_column_to_every_table(results):
    other = Results(**{t: getattr(results, t) for t in TABLES}, settings={**results.settings, "corpus": "second"})
    both = concat_results([results, other])
    for name in TABLES:
        frame = getattr(both, name)
        assert frame.columns[0] == "corpus"
    assert set(both.articles["corpus"]) == {"records", "second"}
    assert both.settings["corpora"] == ["records", "second"]
    assert both.articles["article_id"].is_unique  # the clashing ids are prefixed
    one = concat_results([results])
    assert (one.quotes["corpus"] == "records").all() and len(one.quotes) == len(results.quotes)


def test_results_concat_names_two_runs_of_one_corpus_apart(results):
    both = concat_results([results, results])
    assert both.settings["corpora"] == ["records", "records#2"]
    with pytest.raises(ValueError):
        concat_results([])
