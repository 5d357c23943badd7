"""PerSenT validation: span recovery and scoring on invented documents; dev figures on the shared gold set."""

import csv

from toolkit import entity_portrayal
from toolkit.datasets import load_persent
from toolkit.datasets.persent import mention_spans
from toolkit.validate.persent import evaluate, report

# Dev figure measured with `python -m toolkit validate persent`; the test allows a small margin.
MEASURED_DEFAULT = 0.394
MARGIN = 0.01

_FIELDS = ["DOCUMENT_INDEX", "TITLE", "TARGET_ENTITY", "DOCUMENT", "MASKED_DOCUMENT", "TRUE_SENTIMENT"]


def _write(path, rows):
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=_FIELDS)
        w.writeheader()
        for r in rows:
            w.writerow(dict(zip(_FIELDS, r)))


def test_validate_persent_spans_come_from_the_masked_copy(tmp_path):
    doc = 'Mayor Ilse Varnhagen opened the bridge. "It is ours" she said.\n Varnhagen thanked the builders.'
    masked = 'Mayor [TGT] opened the bridge. It is ours [TGT] said.\n [TGT] thanked the builders.'
    _write(tmp_path / "dev.csv", [("7", "t", "Ilse Varnhagen", doc, masked, "Positive")])
    (d,) = load_persent(tmp_path / "dev.csv")
    assert d.aligned and d.label == "positive"
    # the quotation mark the masked copy dropped stays out of the mention
    assert [doc[s:e] for s, e in d.spans] == ["Ilse Varnhagen", "she", "Varnhagen"]


def test_validate_persent_spans_fall_back_to_the_name_without_marks(tmp_path):
    doc = "Tomas Brandl resigned. Brandl said the board had failed. Brandlson was not asked."
    _write(tmp_path / "dev.csv", [("3", "t", "Tomas Brandl", doc, doc, "Neutral")])
    (d,) = load_persent(tmp_path / "dev.csv")
    assert not d.aligned
    assert [doc[s:e] for s, e in d.spans] == ["Tomas Brandl", "Brandl"]
    assert mention_spans(doc, "Anna Kovacs") == ()  # a name not in the text has no mention


def test_validate_persent_entity_portrayal_pools_the_mentions():
    text = ("Critics condemned Orvald for the brutal crackdown. Orvald was blamed for the deaths. "
            "Orvald spoke on Tuesday.")
    spans = [(m, m + 6) for m in (text.index("Orvald"), text.index("Orvald was"), text.rindex("Orvald"))]
    res = entity_portrayal(text, spans)
    assert res.label == "negative" and res.score < 0
    assert (res.start, res.end) == (spans[0][0], spans[-1][1])
    assert all(text[e.start:e.end] == e.text for e in res.evidence)
    one = entity_portrayal(text, spans[-1:])
    assert one.score > res.score  # the neutral mention alone is less negative than the three pooled


def test_validate_persent_scores_portrayal_and_baseline(tmp_path):
    rows = [("1", "t", "Orvald", "Critics condemned Orvald for the brutal and cruel crackdown.",
             "Critics condemned [TGT] for the brutal and cruel crackdown.", "Negative"),
            ("2", "t", "Mira Lenz", "Mira Lenz won praise for her brave and generous rescue work.",
             "[TGT] won praise for [TGT] brave and generous rescue work.", "Positive")]
    _write(tmp_path / "dev.csv", rows)
    res = evaluate(tmp_path)
    assert res["documents"] == 2 and res["mentions"] == 3
    assert {"default", "vader", "vader-document"} == set(res["methods"])
    assert res["methods"]["default"]["n"] == 2
    assert "VADER on the whole document (baseline)" in report(tmp_path / "dev.csv")


def test_validate_persent_report_header_in_own_words(tmp_path):
    _write(tmp_path / "dev.csv", [("1", "t", "Orvald", "Orvald opened a bridge.", "[TGT] opened a bridge.", "Neutral")])
    head = report(tmp_path / "dev.csv").splitlines()[0]
    assert head.startswith("PerSenT (Bastan et al. 2020): how each document's writer regards the one entity")


def test_validate_persent_dev_figures(shared):
    path = shared("gold", "persent", "dev.csv")
    res = evaluate(path)
    m = res["methods"]
    print({k: (v["macro_f1"], v["fold_mean"], v["fold_sd"]) for k, v in m.items()})
    assert res["documents"] == 578 and res["aligned"] > 500
    assert m["default"]["macro_f1"] >= MEASURED_DEFAULT - MARGIN
    assert m["default"]["macro_f1"] >= m["vader-document"]["macro_f1"] + 0.05


def test_validate_persent_cli_prints_the_report(tmp_path, capsys):
    from toolkit.cli import main

    rows = [("1", "t", "Orvald", "Critics condemned Orvald for the brutal crackdown.",
             "Critics condemned [TGT] for the brutal crackdown.", "Negative")]
    _write(tmp_path / "dev.csv", rows)
    assert main(["validate", "persent", "--persent", str(tmp_path / "dev.csv")]) == 0
    out = capsys.readouterr().out
    assert "entity_portrayal, backend default" in out and "VADER on the whole document" in out
