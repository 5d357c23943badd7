"""``python -m toolkit quotes`` finds the quotes ``analyze`` finds: a caption paragraph printed twice is
masked (``Article.masked_text``, with the article's sections), offsets print as integers and the CSV
names the outlet. Texts written for this test."""

from __future__ import annotations

import io
import json

import pandas as pd

from cli_run import run_cli as _run

from toolkit.pipeline import analyze_article
from toolkit.corpus import load_corpus

CAPTION = "\"The bridge is gone and the town is cut off,\" said the mayor, standing by the flooded river."
ARTICLE = ("Floods cut off river town\n\n"
           f"{CAPTION}\n\n"
           "Rescue teams reached the northern bank on Monday after the water fell overnight.\n\n"
           "\"We are bringing boats and bread, and we will stay until the roads open,\" the relief "
           "coordinator told reporters.\n\n"
           f"{CAPTION}\n")


def test_cli_quotes_masking_repeated_caption_gives_analyze_quotes(tmp_path):
    path = tmp_path / "floods.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    rows = [json.loads(line) for line in _run("quotes", str(path)).splitlines()]
    article = next(iter(load_corpus(path)))
    assert "duplicate" in [s.kind for s in article.sections]
    expected = analyze_article(article)["quotes"]
    assert [(r["start"], r["end"], r["speaker_start"]) for r in rows] == \
        [(q["start"], q["end"], q["speaker_start"]) for q in expected]
    second = ARTICLE.rindex(CAPTION)
    assert all(r["start"] < second for r in rows)  # the repeated caption yields no second quote
    assert sum("bridge is gone" in r["text"] for r in rows) == 1
    assert all(ARTICLE[r["start"]:r["end"]] == r["text"] for r in rows)


def test_cli_quotes_masking_offsets_are_ints_and_csv_has_outlet(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_text(json.dumps({"id": "w1", "outlet": "Riverside Courier", "text": ARTICLE}) + "\n",
                    encoding="utf-8")
    out = _run("quotes", str(path), "--format", "csv")
    table = pd.read_csv(io.StringIO(out))
    assert list(table.columns[:2]) == ["article_id", "outlet"]
    assert set(table["outlet"]) == {next(iter(load_corpus(path))).outlet}
    first_row = out.splitlines()[1]
    assert f",{table['start'][0]}," in first_row and ".0," not in first_row
    assert table["start"].dtype.kind == "i" and table["speaker_start"].dtype.kind in "if"
    jsonl = [json.loads(line) for line in _run("quotes", str(path)).splitlines()]
    assert all(isinstance(r["start"], int) and isinstance(r["cue_start"], (int, type(None))) for r in jsonl)
    assert all(r["outlet"] == table["outlet"][0] for r in jsonl)
