"""Validator results memoised in the cache folder: computed once per key, recomputed when a gold file
or the toolkit's code changes (:mod:`toolkit.validate.memo`)."""

from __future__ import annotations

from pathlib import Path

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
    monkeypatch.setattr(memo, "code_fingerprint", lambda: "another toolkit")
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


def _copy_of_the_repo(root, monkeypatch):
    """A repository at ``root`` (the memo's idea of it) with ``shared`` beside it, each holding the same
    invented gold file: what two fresh clones of one checkout look like to the memo."""
    for folder in (root / "narrative-toolkit" / "toolkit" / "validate" / "gold", root / "shared" / "gold" / "set"):
        folder.mkdir(parents=True)
        (folder / "dev.jsonl").write_text('{"label": "positive"}\n', encoding="utf-8")
    monkeypatch.setattr(memo, "_REPO", root / "narrative-toolkit")
    monkeypatch.setattr(memo, "_PACKAGE_GOLD", root / "narrative-toolkit" / "toolkit" / "validate" / "gold")
    monkeypatch.setenv("NARRATIVE_SHARED", str(root / "shared"))
    return root / "shared" / "gold" / "set"


def _report(gold):
    return {"text": f"Invented gold set: {gold}\n1 label", "file": str(gold / "dev.jsonl"), "n": 1}


def test_validate_memo_key_is_the_same_for_two_copies_of_the_same_gold_folder(tmp_path, monkeypatch):
    keys = []
    for copy in ("a", "b"):
        gold = _copy_of_the_repo(tmp_path / copy, monkeypatch)
        keys.append(memo.memo_key(_report, (str(gold),), {}, [gold, tmp_path / copy / "narrative-toolkit" / "corpora"]))
    assert keys[0] == keys[1]
    (gold / "dev.jsonl").write_text('{"label": "negative"}\n', encoding="utf-8")  # the content is in the key
    assert memo.memo_key(_report, (str(gold),), {}, [gold]) != keys[1]


def test_validate_memo_package_gold_changed_in_a_copy_is_recomputed(tmp_path, monkeypatch):
    _copy_of_the_repo(tmp_path / "a", monkeypatch)
    before = memo.memo_key(_report, (), {}, [])
    (tmp_path / "a" / "narrative-toolkit" / "toolkit" / "validate" / "gold" / "dev.jsonl").write_text("{}\n")
    assert memo.memo_key(_report, (), {}, []) != before


def test_validate_memo_result_naming_its_gold_reads_back_under_the_readers_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("NARRATIVE_CACHE", str(tmp_path / "cache"))
    calls = []

    def report(path):
        calls.append(path)
        return _report(Path(path))

    first = _copy_of_the_repo(tmp_path / "a", monkeypatch)
    assert memo.memoised(report, str(first)) == _report(first)
    second = _copy_of_the_repo(tmp_path / "b", monkeypatch)
    assert memo.memoised(report, str(second)) == _report(second) and len(calls) == 1  # computed once, in a
    stored = next((tmp_path / "cache" / "validate").glob("*.json")).read_text(encoding="utf-8")
    assert str(tmp_path) not in stored


def test_validate_memo_same_gold_elsewhere_is_keyed_on_its_place(tmp_path):
    """Outside the repository and the shared folder a path stays in the key: a result may name it."""
    keys = []
    for copy in ("a", "b"):
        (tmp_path / copy).mkdir()
        (tmp_path / copy / "dev.jsonl").write_text('{"label": "positive"}\n', encoding="utf-8")
        keys.append(memo.memo_key(_report, (str(tmp_path / copy),), {}, [tmp_path / copy]))
    assert keys[0] != keys[1]


def test_validate_memo_place_needs_a_whole_folder_name(tmp_path, monkeypatch):
    """``.../shared2`` is not under ``.../shared``: it is stored as written."""
    monkeypatch.setenv("NARRATIVE_CACHE", str(tmp_path / "cache"))
    shared = _copy_of_the_repo(tmp_path / "a", monkeypatch).parent.parent
    text = f"{shared}2/x and {shared}: and {shared}"
    assert memo.memoised(lambda: text) == text
    stored = next((tmp_path / "cache" / "validate").glob("*.json")).read_text(encoding="utf-8")
    assert stored.count(str(shared)) == 1 and f"{shared}2/x" in stored


def test_validate_memo_two_callers_at_once_compute_once(tmp_path, monkeypatch):
    """Two callers missing the same key together: the first computes under the key's lock, the
    second waits on it and reads the stored entry (flock conflicts between two opens of the file,
    so two threads stand for two report processes)."""
    import threading
    import time

    monkeypatch.setenv("NARRATIVE_CACHE", str(tmp_path / "cache"))
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"label": "negative"}\n', encoding="utf-8")
    calls, results, start = [], [], threading.Barrier(2)

    def slow_evaluate(path):
        calls.append(path)
        time.sleep(0.5)  # long enough for the other caller to miss the entry too without the lock
        return {"calls": len(calls)}

    def ask():
        start.wait()
        results.append(memo.memoised(slow_evaluate, str(gold)))

    threads = [threading.Thread(target=ask) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1
    assert results == [{"calls": 1}, {"calls": 1}]
