"""The JSON/JSONL reader: one object per file or per line; bad JSON becomes a problem."""

from __future__ import annotations

import datetime
from pathlib import Path

from toolkit.corpus import load_corpus

FIX = Path(__file__).parent / "fixtures" / "corpus"


def test_corpus_json_folder_reads_good_files_and_reports_the_rest():
    corpus = load_corpus(FIX / "json_dir")
    assert [a.id for a in corpus] == ["j1", "j2"]
    j1, j2 = corpus
    assert j1.outlet == "lakeside herald" and j1.date == datetime.date(2014, 9, 30)
    assert j2.date is None  # empty date
    # content_original (raw) wins over the tokenised content field
    assert j1.text.startswith("Council votes on shelter budget\n")
    assert [s.kind for s in j1.sections] == ["title", "body", "boilerplate", "body"]
    problems = {Path(p.path).name: p for p in corpus.problems}
    assert set(problems) == {"broken.json", "empty.json", "list.json"}
    assert problems["broken.json"].line == 3 and "not JSON" in problems["broken.json"].why
    assert problems["empty.json"].why == "empty file"
    assert "expected a JSON object" in problems["list.json"].why


def test_corpus_jsonl_bad_line_is_reported_with_its_line_number():
    corpus = load_corpus(FIX / "lines.jsonl")
    assert [a.id for a in corpus] == ["l1", "l3"]
    assert len(corpus.problems) == 1
    assert str(corpus.problems[0]).endswith("lines.jsonl, line 2: not JSON (Unterminated string starting at)")
    assert corpus[1].meta["line"] == 3
