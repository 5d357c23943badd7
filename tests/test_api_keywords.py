"""Every keyword of the public API is used or rejected with a message naming the valid values."""

from __future__ import annotations

import pytest

import toolkit

RECORDS = [{"id": "k1", "outlet": "harbor", "date": "2015-10-01",
            "text": "Talks resume\n\n\"We are ready to talk,\" Sergei Lavrov said on Monday in Geneva."}]


def test_api_analyze_rejects_an_unknown_lexicon_key_naming_the_valid_ones(tmp_path):
    with pytest.raises(ValueError) as err:
        toolkit.analyze(RECORDS, cache=False, lexicons={"actor": tmp_path / "a.yml"})
    message = str(err.value)
    assert "'actor'" in message and all(k in message for k in ("actors", "verbs", "hedges", "labels", "outlets"))


def test_api_analyze_outlets_lexicon_sets_the_alignment(tmp_path):
    outlets = tmp_path / "outlets.yml"
    outlets.write_text("harbor: opposition\n", encoding="utf-8")
    plain = toolkit.analyze(RECORDS, cache=tmp_path / "cache", progress=False)
    mine = toolkit.analyze(RECORDS, cache=tmp_path / "cache", progress=False, lexicons={"outlets": outlets})
    assert set(plain.articles["alignment"]) == {"other"}
    assert set(mine.articles["alignment"]) == {"opposition"}
    assert set(mine.actor_measures["alignment"]) == {"opposition"}
    assert mine.path != plain.path  # a different cache entry


def test_api_analyze_scheduler_without_dask_is_rejected():
    with pytest.raises(ValueError, match="engine='dask'"):
        toolkit.analyze(RECORDS, cache=False, scheduler="tcp://127.0.0.1:8786")


def test_api_load_corpus_rejects_unknown_where_and_fields(tmp_path):
    (tmp_path / "harbor_2015-10-01_x.txt").write_text("Title\n\nSome words about talks here.\n", encoding="utf-8")
    with pytest.raises(ValueError, match="valid: since, until, outlets, words"):
        toolkit.load_corpus(tmp_path, where={"topic": "talks"})
    with pytest.raises(ValueError, match="valid: id"):
        toolkit.load_corpus(tmp_path, fields={"headline": "h"})
