"""python -m toolkit analyze over several corpora with lexicon, alignment, selection and format options,
the same options on report, and quotes --format csv (all on invented articles)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest

from cli_run import run_cli
from toolkit.cli import main
from toolkit.pipeline import TABLES

KURDS = """\
sources:
  kurds: "Wikipedia, Syrian Democratic Forces, https://en.wikipedia.org/wiki/Syrian_Democratic_Forces"
camps:
  kurds: {name: Kurdish forces, generic: kurdish_forces}
actors:
  - {id: kurdish_forces, name: Kurdish forces, camp: kurds, kind: generic, source: kurds,
     generic: {qualifiers: [Kurdish], nouns: [officials, commanders]}}
  - {id: ypg, name: YPG, camp: kurds, kind: group, source: kurds, aliases: [YPG]}
"""

ARTICLES = {
    "east": {"harbor_2015-10-01_offensive.txt": "Offensive near the dam\n\n"
                                                "\"We will take the town,\" the YPG said in a statement on Monday.\n",
             "harbor_2015-11-15_winter.txt": "Winter arrives\n\n"
                                             "\"The camps need tents,\" an aid worker said about Syria.\n"},
    "west": {"ridge_2015-10-03_talks.txt": "Talks on Syria\n\n"
                                           "\"We are ready to talk,\" Sergei Lavrov said in Geneva about Syria.\n"},
}


@pytest.fixture
def corpora(tmp_path):
    paths = []
    for name, files in ARTICLES.items():
        folder = tmp_path / name
        folder.mkdir()
        for file, text in files.items():
            (folder / file).write_text(text, encoding="utf-8")
        paths.append(str(folder))
    (tmp_path / "kurds.yml").write_text(KURDS, encoding="utf-8")
    (tmp_path / "alignment.yml").write_text("harbor: opposition\nridge: us_western\n", encoding="utf-8")
    return tmp_path, paths


def test_cli_analyze_several_corpora_with_every_option_to_csv(corpora):
    tmp, paths = corpora
    out = tmp / "out"
    printed = run_cli("analyze", *paths, "--out", str(out), "--cache", str(tmp / "cache"), "--format", "csv",
                      "--lexicon", f"actors={tmp / 'kurds.yml'}", "--alignment", str(tmp / "alignment.yml"),
                      "--since", "2015-10-01", "--until", "2015-10-31", "--match", "ypg,syria")
    assert "corpus east: 1 of 2 articles" in printed and "corpus west: 1 of 1 articles" in printed
    for name in TABLES:
        assert pd.read_csv(out / f"{name}.csv").columns[0] == "corpus"
    articles = pd.read_csv(out / "articles.csv")
    assert dict(zip(articles["corpus"], articles["alignment"])) == {"east": "opposition", "west": "us_western"}
    quotes = pd.read_csv(out / "quotes.csv")
    assert "kurds" in set(quotes["camp"]) and "russia" in set(quotes["camp"])
    assert (out / "summary.txt").read_text().startswith("corpus east") and (out / "problems.csv").exists()


def test_cli_analyze_outlet_selection_and_parquet_default(corpora):
    tmp, paths = corpora
    run_cli("analyze", *paths, "--out", str(tmp / "pq"), "--cache", str(tmp / "cache"), "--outlet", "RIDGE")
    articles = pd.read_parquet(tmp / "pq" / "articles.parquet")
    assert list(articles["outlet"]) == ["ridge"] and list(articles["corpus"]) == ["west"]
    assert (tmp / "pq" / "summary.txt").exists() and (tmp / "pq" / "problems.csv").exists()


def test_cli_analyze_xlsx_writes_one_workbook(corpora):
    tmp, paths = corpora
    run_cli("analyze", paths[1], "--out", str(tmp / "x"), "--cache", str(tmp / "cache"), "--format", "xlsx")
    sheets = pd.read_excel(tmp / "x" / "results.xlsx", sheet_name=None)
    assert list(sheets) == ["summary", *TABLES] and len(sheets["articles"]) == 1


@pytest.mark.parametrize("options, said", [
    (["--outlet", "nowhere"], "outlets there: harbor, ridge"),
    (["--since", "2016-01-01"], "keeps no article"),
    (["--since", "next week"], "not a date"),
    (["--lexicon", "actor=x.yml"], "actors, verbs, hedges, labels, outlets"),
    (["--sentiment", "no-such-backend"], "registered:"),
])
def test_cli_analyze_bad_options_exit_2_saying_why(corpora, capsys, options, said):
    tmp, paths = corpora
    assert main(["analyze", *paths, "--out", str(tmp / "bad"), "--cache", str(tmp / "cache"), *options]) == 2
    assert said in capsys.readouterr().err
    assert not (tmp / "bad").exists()


def test_cli_report_passes_the_analysis_options(corpora, monkeypatch):
    import toolkit.report

    tmp, paths = corpora
    seen = {}

    def fake_build_report(corpus=None, out_dir="reports", options=None):
        seen.update(corpus=corpus, out_dir=out_dir, options=options)
        return [tmp / "fake.html"]

    monkeypatch.setattr(toolkit.report, "build_report", fake_build_report)
    printed = run_cli("report", "--corpus", *paths, "--out", str(tmp / "rep"), "--lexicon", "actors=kurds.yml",
                      "--alignment", "alignment.yml", "--since", "2015-10-01",
                      "--outlet", "harbor,ridge", "--match", "syria*", "--sentiment", "vader")
    assert printed.strip() == str(tmp / "fake.html")
    assert seen["corpus"] == paths and seen["out_dir"] == str(tmp / "rep")
    here = Path.cwd()  # the notebooks run elsewhere: relative files are passed as absolute paths
    # --alignment is the outlets lexicon, applied before the analysis as in `analyze` (either file shape)
    assert seen["options"] == {"lexicons": {"actors": str(here / "kurds.yml"), "outlets": str(here / "alignment.yml")},
                               "where": {"since": "2015-10-01", "outlets": ["harbor", "ridge"], "words": ["syria*"]},
                               "sentiment": "vader"}
    # two files for one thing (which wins would be a guess): a usage error, build_report not called
    assert main(["report", "--lexicon", "outlets=outlets.yml", "--alignment", "alignment.yml"]) == 2
    seen.clear()
    run_cli("report")  # no option: build_report is called as before, without options
    assert seen["options"] is None and seen["corpus"] is None


def test_cli_quotes_csv_has_integer_offsets_and_the_outlet(corpora):
    tmp, paths = corpora
    printed = run_cli("quotes", paths[1], "--format", "csv")
    table = pd.read_csv(io.StringIO(printed))
    assert list(table["outlet"]) == ["ridge"] and table["start"].dtype == "int64"
    assert ".0," not in printed.splitlines()[1]
    rows = [json.loads(line) for line in run_cli("quotes", paths[1]).splitlines()]
    assert rows[0]["outlet"] == "ridge" and isinstance(rows[0]["start"], int)


def test_cli_corpus_previews_a_selection(corpora, capsys):
    tmp, paths = corpora
    printed = run_cli("corpus", paths[0], "--since", "2015-11-01", "--alignment", str(tmp / "alignment.yml"))
    assert "selected: 1 of 2 articles (since 2015-11-01)" in printed and "harbor 1 [opposition]" in printed
    assert main(["corpus", paths[0], "--outlet", "ridge"]) == 2
    assert "outlets there: harbor" in capsys.readouterr().err
