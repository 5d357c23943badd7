"""The unresolved-speaker report: phrases the actor lexicon could not resolve, normalised, counted per
outlet, with the toolkit's camp and one example read back from the article text; the CLI prints it
with a pointer to the lexicon's shape. Texts written for this test."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stderr, redirect_stdout

import pandas as pd
import pytest

import toolkit
from toolkit.pipeline import Results
from toolkit.cli import main
from toolkit.quotes import LEXICON_HINT, normalize_speaker, unresolved_speakers

A1 = ("The Harbour Council said on Monday that the port would reopen. "
      "Vladimir Putin said that talks would continue.\n\n"
      "He said the ships were late.")
A2 = ("Later, the harbour council said that the cranes were repaired. "
      "The Harbour Council's spokesman was not named.")
A3 = "Fishermen in the bay said the harbour council had promised new nets."


def _q(aid, text, phrase, actor, camp, start=None):
    s = text.index(phrase) if start is None else start
    return {"article_id": aid, "start": s, "end": s + len(phrase) + 5, "text": "x", "kind": "indirect",
            "cue": "said", "cue_start": None, "cue_end": None, "stance": "neutral", "speaker": phrase,
            "speaker_start": s, "speaker_end": s + len(phrase), "actor": actor, "camp": camp,
            "section": "body", "n_words": 3, "voice": 0.0}


def _results() -> Results:
    articles = pd.DataFrame([{"article_id": "a1", "outlet": "gazette", "text": A1},
                             {"article_id": "a2", "outlet": "courier", "text": A2},
                             {"article_id": "a3", "outlet": "gazette", "text": A3}])
    quotes = pd.DataFrame([
        _q("a1", A1, "The Harbour Council", "unlisted_speaker", "other"),
        _q("a1", A1, "Vladimir Putin", "putin", "russia"),                 # resolved: left out
        _q("a1", A1, "He", None, "unnamed"),                               # pronoun: left out
        _q("a2", A2, "harbour council", "unlisted_speaker", "other"),
        _q("a2", A2, "The Harbour Council's", None, "other"),
        _q("a3", A3, "Fishermen in the bay", "unnamed_source", "unnamed"),
    ])
    quotes.loc[len(quotes)] = {**_q("a3", A3, "Fishermen", None, None), "speaker": None}  # no speaker
    sentences = pd.DataFrame([{"article_id": "a1", "sentence": 0, "start": 0, "end": A1.index(" Vladimir")},
                              {"article_id": "a1", "sentence": 1, "start": A1.index("Vladimir"), "end": A1.index("\n")}])
    empty = pd.DataFrame()
    return Results(articles=articles, sentences=sentences, mentions=empty, quotes=quotes, hedges=empty,
                   actor_measures=empty, problems=empty)


def test_quotes_unresolved_normalises_case_the_possessive_and_space():
    assert normalize_speaker("The  Harbour Council's") == "harbour council"
    assert normalize_speaker('"the sources\'",') == "sources"
    assert normalize_speaker("THE\nSyrian  Observatory") == "syrian observatory"
    assert normalize_speaker("Theo Marsh") == "theo marsh"  # "the" only as a word
    assert normalize_speaker(None) == ""


def test_quotes_unresolved_counts_unresolved_phrases_per_outlet_most_frequent_first():
    table = unresolved_speakers(_results())
    assert list(table["phrase"]) == ["harbour council", "fishermen in the bay"]
    first = table.iloc[0]
    assert (first["n"], first["articles"], first["n_gazette"], first["n_courier"]) == (3, 2, 1, 2)
    assert first["camp"] == "other" and first["as_written"] == "Harbour Council"
    assert table.iloc[1]["camp"] == "unnamed"
    assert "putin" not in " ".join(table["phrase"]) and "he" not in set(table["phrase"])
    assert list(table.columns[:7]) == ["phrase", "as_written", "n", "articles", "camp", "n_courier", "n_gazette"]


def test_quotes_unresolved_example_reads_the_sentence_and_offsets_from_the_text():
    first = unresolved_speakers(_results()).iloc[0]
    assert first["example_article"] == "a1"
    s, e = first["example_speaker_start"], first["example_speaker_end"]
    assert A1[s:e] == "The Harbour Council"
    assert first["example_sentence"] == A1[:A1.index(" Vladimir")]
    assert first["example_start"] == s and first["example_end"] > e
    # an article without sentence rows: the sentence is split from the text
    other = unresolved_speakers(_results()).iloc[1]
    assert other["example_sentence"] == A3


def test_quotes_unresolved_top_and_long_form_agree():
    res = _results()
    assert len(unresolved_speakers(res, top=1)) == 1
    long = unresolved_speakers(res, long=True)
    assert list(long.columns) == ["phrase", "outlet", "n"]
    wide = unresolved_speakers(res)
    assert long.groupby("phrase")["n"].sum().to_dict() == dict(zip(wide["phrase"], wide["n"]))
    assert list(unresolved_speakers(res, top=1, long=True)["phrase"].unique()) == ["harbour council"]


def test_quotes_unresolved_empty_when_everything_resolves():
    res = _results()
    res.quotes["actor"] = "putin"
    table = unresolved_speakers(res)
    assert table.empty and {"phrase", "n", "example_sentence"} <= set(table.columns)


def test_quotes_unresolved_is_exported():
    assert toolkit.unresolved_speakers is unresolved_speakers
    assert "unresolved_speakers" in toolkit.__all__


@pytest.fixture
def corpus_file(tmp_path):
    path = tmp_path / "bay.jsonl"
    rows = [{"id": "b1", "outlet": "Gazette", "text": "Harbour pilots\n\nThe Bay Pilots Guild said on "
             "Monday that the channel was too shallow for the new ferries."},
            {"id": "b2", "outlet": "Courier", "text": "Ferry delays\n\nThe Bay Pilots Guild said that "
             "dredging had to start before the winter storms arrived."}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_quotes_unresolved_cli_prints_table_and_lexicon_hint(corpus_file, tmp_path):
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        assert main(["speakers", str(corpus_file), "--top", "3", "--cache", str(tmp_path / "cache")]) == 0
    text = out.getvalue()
    assert "bay pilots guild" in text and LEXICON_HINT in text and "actors.yml" in LEXICON_HINT
    out = io.StringIO()
    with redirect_stdout(out), redirect_stderr(io.StringIO()) as err:
        assert main(["speakers", str(corpus_file), "--format", "csv", "--cache", str(tmp_path / "cache")]) == 0
    table = pd.read_csv(io.StringIO(out.getvalue()))
    row = table[table["phrase"] == "bay pilots guild"].iloc[0]
    assert row["n"] == 2 and row["n_gazette"] == 1 and row["n_courier"] == 1
    assert "Bay Pilots Guild" in row["example_sentence"]
    assert LEXICON_HINT in err.getvalue()


def test_quotes_unresolved_cli_actors_file_resolves_the_phrase(corpus_file, tmp_path):
    actors = tmp_path / "my_actors.yml"
    actors.write_text("actors:\n  - {id: bay_pilots, name: Bay Pilots Guild, camp: other, kind: organization, "
                      "source: other, aliases: [Bay Pilots Guild]}\n", encoding="utf-8")
    out = io.StringIO()
    with redirect_stdout(out), redirect_stderr(io.StringIO()):
        assert main(["speakers", str(corpus_file), "--actors", str(actors), "--format", "csv",
                     "--cache", str(tmp_path / "cache")]) == 0
    table = pd.read_csv(io.StringIO(out.getvalue()))
    assert "bay pilots guild" not in set(table["phrase"].dropna())


def test_quotes_unresolved_as_written_is_trimmed_as_the_phrase_is_normalised():
    from toolkit.quotes.unresolved import _trimmed

    for written in ("THE HARBOUR COUNCIL'S", "‘the council’", "The Observatory’S", "Theo Marsh's"):
        assert _trimmed(written).lower() == normalize_speaker(written), written
    assert _trimmed("THE HARBOUR COUNCIL'S") == "HARBOUR COUNCIL"  # case kept, possessive gone
