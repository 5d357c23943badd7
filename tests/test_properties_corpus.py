"""Property tests on the corpus readers: any bytes in a .txt, .csv or .jsonl file give articles or named
problems, never an exception, and every article's text is the decoded file (nothing lost silently)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from test_properties_strategies import PROFILE, news_text
from toolkit.corpus import load_corpus

raw_bytes = st.one_of(
    st.binary(max_size=400),
    news_text.map(lambda s: s.encode("utf-8")),
    news_text.map(lambda s: s.encode("utf-8", "replace")[::-1]),
    news_text.map(lambda s: b"\xef\xbb\xbf" + s.encode("utf-8")),
    news_text.map(lambda s: s.encode("cp1252", "ignore")),
)


@PROFILE
@given(st.lists(raw_bytes, min_size=1, max_size=4))
def test_properties_corpus_any_txt_files_are_articles_or_named_problems(blobs):
    with tempfile.TemporaryDirectory() as tmp:
        names = set()
        for i, data in enumerate(blobs):
            (Path(tmp) / f"f{i}.txt").write_bytes(data)
            names.add(f"f{i}.txt")
        corpus = load_corpus(tmp, dedupe=False)
        articles = {a.meta["file"] for a in corpus}
        problems = {Path(p.path).name for p in corpus.problems}
        assert articles | problems == names and not articles & problems
        for a in corpus:
            data = (Path(tmp) / a.meta["file"]).read_bytes()
            try:
                expected = data.decode("utf-8-sig")
            except UnicodeDecodeError:
                expected = data.decode("cp1252")
            assert a.text == expected and a.text.strip()
            assert len(a.masked_text) == len(a.text)


@PROFILE
@given(st.lists(st.one_of(news_text, st.binary(max_size=60).map(lambda b: b.decode("latin-1"))), min_size=1,
                max_size=5))
def test_properties_corpus_any_csv_rows_are_articles_or_named_problems(cells):
    body = "".join(f"{i},{cell}\n" for i, cell in enumerate(cells))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "rows.csv"
        path.write_text("id,text\n" + body, encoding="utf-8", errors="surrogatepass")
        corpus = load_corpus(path, dedupe=False)
        assert all(p.path == str(path) and p.why for p in corpus.problems)
        for a in corpus:
            assert a.text.strip() and a.meta["row"] >= 2
        # a record that loads is never also a problem
        assert not {a.meta["row"] for a in corpus} & {p.line for p in corpus.problems}


@PROFILE
@given(st.lists(st.one_of(news_text, st.just("{"), st.just("[1]"), st.just('{"text": 3}')), min_size=1,
                max_size=6))
def test_properties_corpus_any_jsonl_lines_are_articles_or_named_problems(texts):
    import json

    lines = [t if t in ("{", "[1]", '{"text": 3}') else json.dumps({"id": f"x{i}", "text": t}, ensure_ascii=i % 2 == 0)
             for i, t in enumerate(texts)]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "items.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        corpus = load_corpus(path, dedupe=False)
        loaded = {a.meta["line"] for a in corpus}
        # an article kept but flagged by the language check is named too; it is no lost line
        kept_flagged = {a.meta["line"] for a in corpus if "not_english" in a.flags}
        named = {p.line for p in corpus.problems if p.line not in kept_flagged or "English-only" not in p.why}
        nonblank = {n for n, line in enumerate(lines, 1) if line.strip()}
        assert loaded | named == nonblank and not loaded & named


def test_properties_corpus_jsonl_string_with_unicode_line_separators_is_one_record(tmp_path):
    """Regression: U+2028, U+0085 and form feeds are legal unescaped inside JSON strings."""
    import json

    text = "The clerk said\u2028the office opens\x85at nine\x0csharp."
    path = tmp_path / "u.jsonl"
    path.write_text(json.dumps({"id": "a", "text": text}, ensure_ascii=False) + "\n"
                    + json.dumps({"id": "b", "text": "A second record."}) + "\n", encoding="utf-8")
    corpus = load_corpus(path)
    assert corpus.problems == []
    assert [(a.id, a.meta["line"]) for a in corpus] == [("a", 1), ("b", 2)]
    assert corpus.get("a").text == text
