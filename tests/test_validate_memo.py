"""Validator results memoised in the cache folder: computed once per key, recomputed when a gold file
or the toolkit's code changes (:mod:`toolkit.validate.memo`)."""

from __future__ import annotations

import pytest

from toolkit.validate import memo


@pytest.fixture
def counted(tmp_path, monkeypatch):
    """A validator-like function over a gold file of its own, counting its calls; the cache in tmp_path."""
    monkeypatch.setenv("NARRATIVE_CACHE", str(tmp_path / "cache"))
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"label": "positive"}\n', encoding="utf-8")
    calls = []

    def evaluate(path):
        calls.append(path)
        return {"n": len(calls), "text": open(path, encoding="utf-8").read()}

    return evaluate, gold, calls


def test_validate_memo_second_call_reads_the_first_result(counted):
    evaluate, gold, calls = counted
    first = memo.memoised(evaluate, str(gold))
    again = memo.memoised(evaluate, str(gold))
    assert first == again == {"n": 1, "text": '{"label": "positive"}\n'} and len(calls) == 1
    again["n"] = 99  # a copy: the stored result is not changed by a caller
    assert memo.memoised(evaluate, str(gold))["n"] == 1


def test_validate_memo_changed_gold_file_is_recomputed(counted):
    evaluate, gold, calls = counted
    memo.memoised(evaluate, str(gold))
    gold.write_text('{"label": "negative"}\n', encoding="utf-8")
    assert memo.memoised(evaluate, str(gold)) == {"n": 2, "text": '{"label": "negative"}\n'}


def test_validate_memo_changed_input_folder_is_recomputed(counted, tmp_path):
    evaluate, gold, calls = counted
    corpora = tmp_path / "corpora"
    (corpora / "c").mkdir(parents=True)
    (corpora / "c" / "a.txt").write_text("An invented article.", encoding="utf-8")
    memo.memoised(evaluate, str(gold), inputs=[corpora])
    memo.memoised(evaluate, str(gold), inputs=[corpora])
    assert len(calls) == 1
    (corpora / "c" / "b.txt").write_text("Another invented article.", encoding="utf-8")
    memo.memoised(evaluate, str(gold), inputs=[corpora])
    assert len(calls) == 2


def test_validate_memo_changed_code_is_recomputed(counted, monkeypatch):
    evaluate, gold, calls = counted
    memo.memoised(evaluate, str(gold))
    monkeypatch.setattr(memo, "_code_fingerprint", lambda: "another toolkit")
    assert memo.memoised(evaluate, str(gold))["n"] == 2
    assert memo.memoised(evaluate, str(gold))["n"] == 2  # and stored under the new key


def test_validate_memo_salt_and_arguments_are_in_the_key(counted):
    evaluate, gold, calls = counted
    memo.memoised(evaluate, str(gold), salt="trained: no")
    memo.memoised(evaluate, str(gold), salt="trained: yes")
    memo.memoised(evaluate, path=str(gold))
    assert len(calls) == 3


def test_validate_memo_tuples_sets_and_number_keys_read_back_equal(tmp_path, monkeypatch):
    monkeypatch.setenv("NARRATIVE_CACHE", str(tmp_path / "cache"))
    calls = []

    def evaluate():
        calls.append(1)
        return {"order": ("coreference", "alignment"), "ids": frozenset({"a", "b"}), "by_n": {1: [0.5, None]},
                "~odd": "key"}

    assert memo.memoised(evaluate) == memo.memoised(evaluate) == evaluate() and len(calls) == 2
    assert list((tmp_path / "cache" / "validate").glob("*.json"))
