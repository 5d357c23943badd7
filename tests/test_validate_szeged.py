"""Szeged validator: gold reading, scores on a tiny hand-written file, and the factbank-dev figure."""

import pytest

from toolkit.validate.szeged import evaluate, read_gold, report

# Own sentences in the Szeged XML layout (stray spaces in type strings, extra spaces around tokens).
MINI = """<?xml version="1.0" encoding="UTF-8"?>
<Annotation><DocumentSet><Document><DocID>mini</DocID>
<DocumentPart><Sentence id="S1">The envoy <ccue type="speculation_modal_probable_">might</ccue> \
 resign  soon.</Sentence>\
<Sentence id="S2">Aid will flow <ccue type="speculation_hypo_condition _">if</ccue> the road opens.</Sentence>\
<Sentence id="S3">Analysts <ccue type="speculation_hypo_doxastic _">reckon</ccue> the truce holds.</Sentence>\
<Sentence id="S4">The ministry confirmed the figures.</Sentence>\
<Sentence id="S5">The shelling could resume, sources said.</Sentence>\
<Sentence id="S6">The convoy reached the town at noon.</Sentence></DocumentPart>
</Document></DocumentSet></Annotation>
"""


@pytest.fixture
def mini(tmp_path):
    p = tmp_path / "mini.xml"
    p.write_text(MINI, encoding="utf-8")
    return p


def test_validate_szeged_read_gold_rebuilds_text_and_cue_spans(mini):
    sents = read_gold(mini)
    assert [s.id for s in sents] == ["S1", "S2", "S3", "S4", "S5", "S6"]
    first = sents[0]
    assert first.text == "The envoy might  resign  soon."
    (cue,) = first.cues
    assert (first.text[cue.start:cue.end], cue.type) == ("might", "speculation_modal_probable_")
    assert sents[1].cues[0].type == "speculation_hypo_condition_"
    assert [bool(s.cues) for s in sents] == [True, True, True, False, False, False]


def test_validate_szeged_evaluate_counts_sentences_and_cues(mini):
    res = evaluate(mini)
    assert (res["sentences"], res["uncertain"]) == (6, 3)
    # Predicted uncertain: S1 (might), S2 (if), S5 (could; "sources said" is attribution); S3's "reckon" is missed,
    # S4's booster does not count.
    s = res["sentence"]
    assert (s["tp"], s["predicted"], s["gold"]) == (2, 3, 3)
    assert s["precision"] == pytest.approx(2 / 3) and s["recall"] == pytest.approx(2 / 3)
    # Baseline words: might (S1), if (S2), could (S5).
    assert (res["baseline"]["tp"], res["baseline"]["predicted"]) == (2, 3)
    cues = res["cues"]
    assert (cues["all"]["tp"], cues["all"]["predicted"], cues["all"]["found"], cues["all"]["gold"]) == (2, 3, 2, 3)
    assert (cues["conditional"]["recall"], cues["conditional"]["precision"]) == (1.0, 1.0)
    assert cues["doxastic"]["recall"] == 0.0
    assert (cues["evidential"]["predicted"], cues["evidential"]["tp"]) == (0, 0)
    assert res["recall_by_type"]["speculation_hypo_doxastic_"] == {"gold": 1, "found": 0}


def test_validate_szeged_report_adds_wiki_beside_the_file_as_second_domain(tmp_path, mini):
    assert "wiki.xml" not in report(mini)
    (tmp_path / "wiki.xml").write_text(MINI, encoding="utf-8")
    text = report(mini)
    assert "mini.xml: 6 sentences, 3 uncertain" in text and "wiki.xml: 6 sentences, 3 uncertain" in text
    assert text.count("sentence  baseline") == 2


def test_validate_szeged_cli_prints_the_report(mini, capsys):
    from toolkit.cli import main

    assert main(["validate", "hedging", "--szeged", str(mini)]) == 0
    assert "sentence  toolkit   P 0.667  R 0.667  F1 0.667" in capsys.readouterr().out


def test_validate_szeged_factbank_dev_sentence_f1(shared):
    res = evaluate(shared("gold", "szeged-uncertainty", "factbank-dev.xml"))
    print(f"\nfactbank-dev sentence F1 {res['sentence']['f1']:.3f} (baseline {res['baseline']['f1']:.3f})")
    assert res["sentences"] == 1836 and res["uncertain"] == 288
    assert res["sentence"]["f1"] >= 0.82  # measured 0.848 (dev)
    assert res["sentence"]["f1"] > res["baseline"]["f1"] + 0.1


def test_validate_factbank_main_prints_dev_cv_folds_and_wikiweasel(tmp_path, monkeypatch, capsys):
    from toolkit.validate.factbank import main

    head, body = MINI.split("<Document>", 1)
    docs = "".join("<Document>" + body.split("</DocumentSet>")[0].replace("<DocID>mini", f"<DocID>mini{d}")
                   for d in range(5))
    gold = tmp_path / "gold" / "szeged-uncertainty"
    gold.mkdir(parents=True)
    (gold / "factbank-dev.xml").write_text(head + docs + "</DocumentSet></Annotation>\n", encoding="utf-8")
    (gold / "wiki.xml").write_text(MINI, encoding="utf-8")
    monkeypatch.setenv("NARRATIVE_SHARED", str(tmp_path))
    main([])
    out = capsys.readouterr().out
    assert "FactBank dev sentence F1 0.667" in out
    assert "rules chosen by CV 0.667 +- 0.000  [0.667, 0.667, 0.667, 0.667, 0.667]" in out
    assert "kept in 5/5 folds: ability 'could' is no hedge" in out
    assert "WikiWeasel sentence F1 0.667" in out
    with pytest.raises(SystemExit):
        main(["--undo", "no such rule"])
