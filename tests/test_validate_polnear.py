"""PolNeAR dev validation: figures reached, regression-guarded (reads ../shared; skips when absent)."""

from __future__ import annotations

from pathlib import Path

from toolkit.validate.polnear import _parse_ann, evaluate, load_gold, report

DEV = ("gold", "polnear", "data", "dev")


def test_validate_polnear_dev_figures(shared):
    res = evaluate(shared(*DEV))
    sys_, base = res["system"], res["baseline"]
    print(f"\nPolNeAR dev: P {sys_['precision']:.3f} R {sys_['recall']:.3f} F1 {sys_['f1']:.3f} "
          f"speaker acc {sys_['speaker_accuracy']:.3f}; baseline F1 {base['f1']:.3f}; "
          f"{res['words_per_second']:,.0f} words/s")
    # measured on dev: P 0.921, R 0.742, F1 0.822, speaker accuracy 0.861 (baseline F1 0.482)
    assert sys_["f1"] >= 0.80
    assert sys_["speaker_accuracy"] >= 0.845
    assert sys_["precision"] >= 0.89 and sys_["recall"] >= 0.71
    assert base["f1"] < sys_["f1"] and base["speaker_accuracy"] < 0.2
    assert res["articles"] == 84


def test_validate_polnear_report_lists_system_and_baseline(shared):
    text = report(shared(*DEV))
    assert "system" in text and "baseline" in text and "words/s" in text


def test_validate_polnear_parses_discontinuous_spans(tmp_path):
    text = "Ann said: first part, he added, second part."
    ann = tmp_path / "x_abcd.ann"
    ann.write_text("T1\tSource 0 3\tAnn\nT2\tCue 4 8\tsaid\nT3\tContent 10 20;32 43\tfirst part second part\n"
                   "T4\tAttribution 4 8\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n", encoding="utf-8")
    (g,) = _parse_ann(ann, text)
    assert g.content == ((10, 20), (32, 43)) and g.source == ((0, 3),) and g.speech and g.kind == "indirect"


def test_validate_polnear_one_annotator_per_article(shared):
    docs = load_gold(shared(*DEV))
    stems = [stem for stem, _t, _g in docs]
    assert len(stems) == len(set(stems))


def test_validate_polnear_evaluate_extracts_each_article_once(monkeypatch):
    from toolkit.validate import polnear

    texts = ("\u201cThe dam will hold,\u201d Mara Quill said.", "The Vale Front said the road was open.")
    docs = [(f"doc{i}", text, []) for i, text in enumerate(texts)]
    monkeypatch.setattr(polnear, "load_gold", lambda path: docs)
    monkeypatch.setattr(polnear, "_EVALUATED", {})
    real, calls = polnear.extract_quotes, []
    monkeypatch.setattr(polnear, "extract_quotes", lambda text, **kw: calls.append(text) or real(text, **kw))
    res = polnear.evaluate("unused")
    assert sorted(calls) == sorted(texts)  # the timed pass's quotes are the ones scored
    assert res["system"]["n_pred"] == 2 and res["articles"] == 2


def test_validate_polnear_evaluate_computes_once_per_content(tmp_path, monkeypatch):
    from toolkit.validate import polnear

    (tmp_path / "a.txt").write_text("\u201cThe dam will hold,\u201d Mara Quill said.", encoding="utf-8")
    monkeypatch.setattr(polnear, "_EVALUATED", {})
    monkeypatch.setattr(polnear, "load_gold", lambda path: [
        (f.stem, f.read_text(encoding="utf-8"), []) for f in sorted(Path(path).glob("*.txt"))])
    real, calls = polnear.extract_quotes, []
    monkeypatch.setattr(polnear, "extract_quotes", lambda text, **kw: calls.append(text) or real(text, **kw))
    first = polnear.evaluate(tmp_path)
    first["articles"] = 99  # a caller changing its copy does not change the next caller's
    assert polnear.evaluate(str(tmp_path))["articles"] == 1 and len(calls) == 1  # same content: computed once
    (tmp_path / "a.txt").write_text("The Vale Front said the road was open.", encoding="utf-8")
    again = polnear.evaluate(tmp_path)  # changed file: computed afresh, never served stale
    assert len(calls) == 2 and calls[-1].startswith("The Vale") and again["articles"] == 1
