"""The real corpora in ../shared (skipped when absent): counts, outlets, dates, duplicates, flags.

Load times are printed (run with ``-s`` to see them), never asserted.
"""

from __future__ import annotations

import collections
import datetime
import functools
import time

import pytest

from toolkit.corpus import Corpus, load_corpus

pytestmark = pytest.mark.shared


@functools.lru_cache(maxsize=None)
def _load(path) -> Corpus:
    t0 = time.perf_counter()
    corpus = load_corpus(path)
    print(f"\nloaded {path}: {len(corpus)} articles in {time.perf_counter() - t0:.2f} s")
    return corpus


def test_corpus_seed_article_sections_are_marked(shared):
    corpus = _load(shared("seed"))
    (art,) = corpus
    assert art.title.startswith("Russian Airstrikes in Syria Will Be")
    assert art.title.endswith("Iranian Troops: Report")
    kinds = [s.kind for s in art.sections]
    assert kinds[:4] == ["boilerplate", "title", "caption", "duplicate"]
    assert kinds.count("duplicate") == 2 and kinds.count("caption") == 4
    by_kind = collections.defaultdict(list)
    for s in art.sections:
        by_kind[s.kind].append(art.text[s.start:s.end])
    # the repeated title and the repeated caption, each after its first occurrence
    assert by_kind["duplicate"][0] == art.title
    assert by_kind["duplicate"][1] == by_kind["caption"][0]
    assert all(c.rstrip().endswith(")") for c in by_kind["caption"])
    assert by_kind["boilerplate"][0].startswith("\u00a9") and "All rights reserved" in by_kind["boilerplate"][0]
    assert any("leave a tip" in b for b in by_kind["boilerplate"])
    assert any("contributed this report" in b for b in by_kind["boilerplate"])
    assert kinds[-5:] == ["boilerplate"] * 5
    masked = art.masked_text
    assert len(masked) == len(art.text) and "tip" not in masked[-400:]
    assert "\u00a0" in art.text  # raw text is never rewritten


def test_corpus_fakes_counts_outlets_dates_and_flags(shared):
    corpus = _load(shared("corpora", "fakes", "FA-KES-Dataset.csv"))
    log = collections.Counter(n.action for n in corpus.log)
    # 804 rows: 15 repeated texts dropped, one repeated id with a different text renamed
    assert len(corpus) + log["duplicate_article"] == 804
    assert log["duplicate_article"] == 15 and log["duplicate_id"] == 1
    outlets = collections.Counter(a.outlet for a in corpus)
    assert len(outlets) == 15
    assert outlets["ahram"] == 149 and outlets["sputnik"] == 53 and outlets["tass"] == 5
    assert all(isinstance(a.date, datetime.date) for a in corpus)
    assert min(a.date for a in corpus) == datetime.date(2011, 2, 2)
    assert max(a.date for a in corpus) == datetime.date(2018, 7, 18)
    assert "punctuation_stripped" in corpus.flags
    assert all("punctuation_stripped" in a.flags for a in corpus)
    assert "punctuation_stripped" in corpus.summary()
    assert corpus.alignment_of("sana") == "syria_government" and corpus.alignment_of("manar") == "iran"
    assert corpus.problems == []
    frame = corpus.to_frame()
    assert len(frame) == len(corpus) and set(frame["alignment"]) <= {
        "russia", "us_western", "opposition", "syria_government", "iran", "turkey", "arab"}
    dup = next(n for n in corpus.log if n.action == "duplicate_article" and "repeats id" not in n.detail)
    assert dup.article_id in dup.detail and "same text as" in dup.detail


def test_corpus_fakes_folder_path_uses_the_bundled_manifest(shared):
    corpus = _load(shared("corpora", "fakes"))
    assert corpus.name == "fakes" and len(corpus) == len(_load(shared("corpora", "fakes", "FA-KES-Dataset.csv")))


def test_corpus_allsides_counts_outlets_and_alignments(shared):
    corpus = _load(shared("corpora", "allsides-syria"))
    assert len(corpus) == 1167 and corpus.problems == []
    outlets = collections.Counter(a.outlet for a in corpus)
    assert len(outlets) == 80
    assert outlets["cnn (web news)"] == 169 and outlets["washington times"] == 116
    assert sum(a.date is None for a in corpus) == 90
    assert corpus.alignment_of("cnn (web news)") == "us_western"
    assert corpus.alignment_of("al jazeera") == "arab"
    assert "punctuation_stripped" not in corpus.flags
    assert any(s.kind == "caption" for a in corpus for s in a.sections)


def test_corpus_sputnik_stubs_markup_and_outlet(shared):
    corpus = _load(shared("corpora", "sputnik-seededlda"))
    log = collections.Counter(n.action for n in corpus.log)
    assert len(corpus) + log["duplicate_article"] == 1000 and log["duplicate_article"] == 2
    assert sum("stub" in a.flags for a in corpus) == 31
    assert {a.outlet for a in corpus} == {"sputnik"} and corpus.alignment_of("sputnik") == "russia"
    assert sum(a.date is None for a in corpus) == 1
    marked = [a for a in corpus if a.markup]
    assert len(marked) > 900
    assert all("|" not in a.masked_text[s.start:s.end] for a in marked[:50] for s in a.sections
               if s.kind == "body")
