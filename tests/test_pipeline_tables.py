"""analyze(): contract columns, offsets that read back, records input, cache, save and load."""

from __future__ import annotations

import logging

import pandas as pd
import pytest

from toolkit.pipeline import Results, analyze

RECORDS = [
    {"id": "a1", "outlet": "novosti", "date": "2015-10-01", "title": "Strikes continue",
     "text": "Strikes continue\n\nRussian Defense Ministry spokesman Igor Konashenkov said the jets hit twelve depots.\n\n"
             "\"We struck only terrorist positions,\" he said. Activists claimed that a market was hit.\n\n"
             "The Pentagon said the strikes appeared to target rebels, and it may review its plans."},
    {"id": "a2", "outlet": "awire", "date": "2015-10-02", "title": "Talks",
     "text": "Talks\n\nDefense Secretary Ash Carter said the talks were \"professional but short.\"\n\n"
             "Kremlin spokesman Dmitry Peskov denied that any farms were hit. According to activists, dozens died."},
]

COLUMNS = {
    "articles": {"article_id", "outlet", "alignment", "date", "title", "n_words", "n_sentences", "text"},
    "mentions": {"article_id", "start", "end", "text", "actor", "camp", "name", "section", "sentence"},
    "quotes": {"article_id", "start", "end", "text", "kind", "cue", "cue_start", "cue_end", "stance", "speaker",
               "speaker_start", "speaker_end", "actor", "camp", "section", "n_words"},
    "hedges": {"article_id", "start", "end", "cue", "category", "section", "actor", "role"},
    "actor_measures": {"article_id", "outlet", "alignment", "date", "actor", "camp", "mentions", "quotes",
                       "quoted_words", "portrayal", "portrayal_vader", "portrayal_textblob", "voice", "voice_vader",
                       "voice_textblob", "own_hedges", "distancing_hedges", "distancing_verbs", "stance_neutral",
                       "stance_distancing", "stance_denial", "stance_concession", "stance_assertive"},
}


@pytest.fixture(scope="module")
def results():
    return analyze(RECORDS, cache=False)


def test_pipeline_tables_have_contract_columns(results):
    for table, cols in COLUMNS.items():
        assert cols <= set(getattr(results, table).columns), table


def test_pipeline_offsets_read_back_from_raw_text(results):
    texts = dict(zip(results.articles.article_id, results.articles.text))
    for table in ("mentions", "quotes"):
        for row in getattr(results, table).itertuples():
            assert texts[row.article_id][row.start:row.end] == row.text
    for row in results.hedges.itertuples():
        assert texts[row.article_id][row.start:row.end].lower() == row.cue.lower()


def test_pipeline_finds_actors_quotes_and_stances(results):
    am = results.actor_measures.set_index(["article_id", "actor"])
    assert am.loc[("a1", "konashenkov"), "quotes"] >= 2
    assert am.loc[("a1", "konashenkov"), "camp"] == "russia"
    assert am.loc[("a2", "peskov"), "stance_denial"] == 1
    assert am.loc[("a2", "carter"), "camp"] == "us"
    assert results.articles.set_index("article_id").loc["a1", "outlet"] == "novosti"


def test_pipeline_cache_reloads_identical_tables(tmp_path):
    first = analyze(RECORDS, cache=tmp_path)
    assert len(list(tmp_path.iterdir())) == 1
    second = analyze(RECORDS, cache=tmp_path)
    for name in ("articles", "quotes", "actor_measures"):
        pd.testing.assert_frame_equal(getattr(first, name), getattr(second, name), check_dtype=False)
    changed = [dict(RECORDS[0], text=RECORDS[0]["text"] + " Later, Lavrov said nothing.")] + RECORDS[1:]
    analyze(changed, cache=tmp_path)
    assert len(list(tmp_path.iterdir())) == 2


def test_pipeline_unreadable_cache_part_is_recomputed(tmp_path, caplog):
    first = analyze(RECORDS, cache=tmp_path)
    expected = first.quotes  # read now, before the damage
    (part,) = (first.path / "quotes").iterdir()  # the part the entry's quotes table is read from
    good = part.read_bytes()
    part.write_bytes(b"not parquet")
    with pytest.raises(ValueError, match="corrupt"):
        Results.load(first.path)
    with caplog.at_level(logging.WARNING, logger="toolkit.pipeline"):
        again = analyze(RECORDS, cache=tmp_path)
    assert "recomputing a damaged cache entry" in caplog.text
    assert again.path == first.path and part.read_bytes() == good  # rewritten as it was
    pd.testing.assert_frame_equal(again.quotes, expected)
    assert len(expected) > 0


def test_pipeline_save_and_load_round_trip(results, tmp_path):
    results.save(tmp_path / "out")
    back = Results.load(tmp_path / "out")
    pd.testing.assert_frame_equal(back.quotes, results.quotes, check_dtype=False)


def test_pipeline_record_without_text_is_a_problem_and_the_rest_goes_on():
    results = analyze([{"id": "x", "body": "no text key"}, {"id": "y", "text": "Officials said the road was open."}],
                      cache=False)
    assert list(results.articles["article_id"]) == ["y"]
    (problem,) = results.problems.itertuples()
    assert (problem.path, problem.line, problem.unit) == ("records", 1, "item")
    assert "no 'text' field" in problem.why and "body" in problem.why


def test_pipeline_speakers_missing_from_the_lexicon_count_for_a_stand_in_of_their_camp():
    text = ("Clinic reopens after strike\n\n"
            "\"We worked through the night,\" said Hanan Qudsi, a nurse at the clinic.\n\n"
            "\"The road is closed again,\" a local driver said.")
    results = analyze([{"id": "x1", "text": text}], cache=False, progress=False)
    quotes = results.quotes.set_index("speaker")
    assert quotes.loc["Hanan Qudsi", ["actor", "camp"]].tolist() == ["unlisted_speaker", "other"]
    assert quotes.loc["a local driver", ["actor", "camp"]].tolist() == ["unnamed_source", "unnamed"]
    measures = results.actor_measures.set_index("actor")
    assert measures.loc["unlisted_speaker", ["camp", "quotes"]].tolist() == ["other", 1]
    assert measures.loc["unnamed_source", ["camp", "quotes"]].tolist() == ["unnamed", 1]
    assert measures["quotes"].sum() == quotes["actor"].notna().sum()


def test_pipeline_tables_arrow_table_of_rows_with_and_without_every_column():
    from toolkit.pipeline.schemas import SCHEMAS, _arrow_table

    assert _arrow_table([], "quotes").schema == SCHEMAS["quotes"]  # no rows: every column, empty
    full = {name: None for name in SCHEMAS["articles"].names}
    table = _arrow_table([{**full, "article_id": "a", "n_chars": 3}, {"article_id": "b"}], "articles")
    assert table.column("article_id").to_pylist() == ["a", "b"]  # a row lacking columns: read by get
    assert table.column("n_chars").to_pylist() == [3, None]
