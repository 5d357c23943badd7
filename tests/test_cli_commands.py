"""python -m toolkit: quotes, corpus, analyze and validate on small inputs."""

from __future__ import annotations

import io
import json

import pandas as pd

from cli_run import run_cli as _run


ARTICLE = ("Ceasefire holds\n\n"
           "\"The corridor is open,\" said Lavrov on Tuesday.\n\n"
           "Rebel commanders insisted that shelling had continued overnight.\n")


def test_cli_quotes_jsonl_and_csv(tmp_path):
    path = tmp_path / "ceasefire.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    rows = [json.loads(line) for line in _run("quotes", str(path)).splitlines()]
    assert any(r["speaker"] and "Lavrov" in r["speaker"] and r["kind"] == "direct" for r in rows)
    assert all(ARTICLE[r["start"]:r["end"]] == r["text"] for r in rows)
    table = pd.read_csv(io.StringIO(_run("quotes", str(path), "--format", "csv")))
    assert len(table) == len(rows) and {"cue", "stance", "camp"} <= set(table.columns)


def test_cli_corpus_summary_and_analyze(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "ceasefire.txt").write_text(ARTICLE, encoding="utf-8")
    assert "1 article" in _run("corpus", str(tmp_path / "data"))
    out = _run("analyze", str(tmp_path / "data"), "--out", str(tmp_path / "out"), "--cache", str(tmp_path / "cache"))
    assert "quotes" in out
    assert (tmp_path / "out" / "actor_measures.parquet").exists()


def test_cli_validate_demo_prints_figures(repo):
    out = _run("validate", "demo")
    assert "quotes" in out and "F1" in out and "hedges" in out


def test_cli_analyze_side_backends_fill_their_columns_only_when_asked(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "ceasefire.txt").write_text(ARTICLE, encoding="utf-8")
    measures = {}
    for flag in ((), ("--side-backends",)):
        out = tmp_path / ("side" if flag else "plain")
        _run("analyze", str(tmp_path / "data"), "--out", str(out), "--cache", str(tmp_path / "cache"), *flag)
        measures[bool(flag)] = pd.read_parquet(out / "actor_measures.parquet")
    side = [c for c in measures[True].columns if c.endswith(("_vader", "_textblob"))]
    assert side and measures[False][side].isna().all().all()
    assert measures[True][side].notna().any().any()


def test_cli_analyze_labels_as_mentions_adds_label_mentions_only_when_asked(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "sana_2016-01-05_raid.txt").write_text(
        "Army units restore calm\n\nArmy units killed dozens of terrorists in the countryside, the general said.\n",
        encoding="utf-8")
    hows = {}
    for flag in ((), ("--labels-as-mentions",)):
        out = tmp_path / ("labels" if flag else "plain")
        _run("analyze", str(tmp_path / "data"), "--out", str(out), "--cache", str(tmp_path / "cache"), *flag)
        hows[bool(flag)] = set(pd.read_parquet(out / "mentions.parquet")["how"])
    assert "label" not in hows[False] and "label" in hows[True]
