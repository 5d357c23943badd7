"""analyze(): the labels table (one row per label occurrence), labels_as_mentions, the cache key, save/load."""

from __future__ import annotations

import bisect
import json

import pandas as pd
import pytest

from toolkit.pipeline import SCHEMAS, Results, analyze, concat_results

# Invented articles: a Syrian-state outlet naming the opposition only by labels, a Western one naming both camps.
RECORDS = [
    {"id": "s1", "outlet": "SANA", "date": "2016-03-01", "title": "Army units restore security",
     "text": "Army units restore security\n\nArmy units killed dozens of terrorists near the village on Tuesday. "
             "The terrorists had shelled a school.\n\nThe Syrian Arab Army secured the road."},
    {"id": "r1", "outlet": "Reuters", "date": "2016-03-02", "title": "Rebels hold town",
     "text": "Rebels hold town\n\nSyrian rebels said the Assad regime bombed the market. "
             "\"The regime targets civilians,\" a rebel commander said.\n\nGovernment forces denied it."},
]


@pytest.fixture(scope="module")
def results():
    return analyze(RECORDS, cache=False)


@pytest.fixture(scope="module")
def with_label_mentions():
    return analyze(RECORDS, cache=False, labels_as_mentions=True)


def test_pipeline_labels_rows_read_back_from_raw_text(results):
    labels = results.labels
    assert list(labels.columns) == SCHEMAS["labels"].names
    texts = dict(zip(results.articles.article_id, results.articles.text))
    for row in labels.itertuples():
        assert texts[row.article_id][row.start:row.end] == row.text


def test_pipeline_labels_sentence_and_section_match_the_other_tables(results):
    sentences = results.sentences
    for row in results.labels.itertuples():
        starts = sentences[sentences.article_id == row.article_id].sort_values("sentence")["start"].tolist()
        assert row.sentence == max(bisect.bisect_right(starts, row.start) - 1, 0)
    sections = results.labels.set_index(["article_id", "start"])["section"]
    assert sections[("s1", 0)] == "title" and sections[("s1", 57)] == "body"


def test_pipeline_labels_name_camps_by_the_outlets_alignment(results):
    labels = results.labels.set_index(["article_id", "text"])
    sana_terrorists = labels.loc[("s1", "terrorists")]
    assert set(sana_terrorists["camp"]) == {"opposition"}
    assert set(sana_terrorists["how"]) == {"alignment"}  # nothing in the paragraph decides: SANA's usage
    assert set(sana_terrorists["category"]) == {"delegitimising"}
    regime = labels.loc[("r1", "Assad regime")]
    assert (regime["camp"], regime["category"], regime["in_quote"]) == ("syria_government", "delegitimising", True)
    assert not labels.loc[("r1", "Government forces"), "in_quote"]


def test_pipeline_labels_as_mentions_adds_mentions_only_when_on(results, with_label_mentions):
    off, on = results.mentions, with_label_mentions.mentions
    assert "label" not in set(off["how"])
    added = on[on["how"] == "label"]
    assert set(added["actor"]) >= {"syrian_opposition"}  # the generic actor of the opposition camp
    assert ((added.camp == "opposition") & (added.article_id == "s1")).sum() == 2  # SANA's two "terrorists"
    pd.testing.assert_frame_equal(on[on["how"] != "label"].reset_index(drop=True), off.reset_index(drop=True))
    pd.testing.assert_frame_equal(with_label_mentions.labels, results.labels)
    am = with_label_mentions.actor_measures.set_index(["article_id", "actor"])
    assert am.loc[("s1", "syrian_opposition"), "mentions"] == 2
    assert ("s1", "syrian_opposition") not in results.actor_measures.set_index(["article_id", "actor"]).index


def test_pipeline_labels_as_mentions_skips_labels_overlapping_a_mention(with_label_mentions):
    on = with_label_mentions.mentions
    r1 = on[on.article_id == "r1"]
    # "rebels" in "Syrian rebels" and "Assad regime" are labels inside mentions: no second mention there
    for start, end in r1[r1.how != "label"][["start", "end"]].itertuples(index=False):
        inside = r1[(r1.how == "label") & (r1.start < end) & (r1.end > start)]
        assert inside.empty
    assert len(r1[r1.how == "label"]) == 1  # the quoted "regime", which no mention covers


def test_pipeline_labels_cache_key_changes_with_labels_file_and_option(tmp_path):
    user = tmp_path / "labels.yml"
    user.write_text("sources: {mine: 'My own reading'}\n"
                    "camps:\n  opposition: {source: mine, delegitimising: [bandits]}\n", encoding="utf-8")
    cache = tmp_path / "cache"
    plain = analyze(RECORDS, cache=cache, progress=False)
    again = analyze(RECORDS, cache=cache, progress=False)
    assert again.path == plain.path
    mine = analyze(RECORDS, cache=cache, progress=False, lexicons={"labels": user})
    assert mine.path != plain.path
    user.write_text(user.read_text().replace("bandits", "outlaws"), encoding="utf-8")
    edited = analyze(RECORDS, cache=cache, progress=False, lexicons={"labels": user})
    assert edited.path not in (plain.path, mine.path)
    on = analyze(RECORDS, cache=cache, progress=False, labels_as_mentions=True)
    assert on.path not in (plain.path, mine.path, edited.path)
    assert on.settings["labels_as_mentions"] is True and plain.settings["labels_as_mentions"] is False
    pd.testing.assert_frame_equal(plain.labels, analyze(RECORDS, cache=False).labels)


def test_pipeline_labels_survive_save_load_and_concat(results, tmp_path):
    loaded = Results.load(results.save(tmp_path / "out"))
    pd.testing.assert_frame_equal(loaded.labels, results.labels)
    both = concat_results([results, loaded])
    assert len(both.labels) == 2 * len(results.labels)
    assert both.labels["article_id"].str.contains("/").all()  # the clashing ids are prefixed, as in every table


def test_pipeline_labels_missing_from_an_older_saved_folder_is_empty(results, tmp_path):
    out = results.save(tmp_path / "old")
    (out / "labels.parquet").unlink()
    loaded = Results.load(out)
    assert loaded.labels.empty and list(loaded.labels.columns) == SCHEMAS["labels"].names
    pd.testing.assert_frame_equal(loaded.quotes, results.quotes)


def test_pipeline_labels_missing_from_an_older_cache_entry_is_empty(tmp_path):
    entry = analyze(RECORDS, cache=tmp_path, progress=False).path
    manifest = json.loads((entry / "manifest.json").read_text())
    del manifest["tables"]["labels"]  # as an entry written before the labels table
    (entry / "manifest.json").write_text(json.dumps(manifest))
    loaded = Results.load(entry)
    assert loaded.labels.empty and list(loaded.labels.columns) == SCHEMAS["labels"].names
    assert len(loaded.quotes) > 0
