"""Second-annotator agreement on the spot sets: percent agreement, Cohen's kappa, disagreeing keys."""

import math

import pytest

from toolkit.validate import agreement as ag
from toolkit.validate import gold_text


def _rec(i, **labels):
    return {"corpus": "invented", "doc_id": f"d{i}", "start": i, "end": i + 3, **labels}


def test_validate_agreement_kappa_matches_hand_computed_value():
    # first: yes yes no no; second: yes no no no -> observed 0.75, chance 0.5*0.25 + 0.5*0.75 = 0.5, kappa 0.5
    first = [_rec(i, real=v) for i, v in enumerate((True, True, False, False))]
    second = [_rec(i, real=v) for i, v in enumerate((True, False, False, False))]
    res = ag.agreement("real", ag.pair(first, second))
    assert res.n == 4 and res.agreement == 0.75
    assert res.kappa == pytest.approx(0.5)
    assert res.disagreements == (("invented", "d1", 1, 4),)


def test_validate_agreement_actor_only_on_records_both_call_real():
    first = [_rec(0, real=True, actor="obama"), _rec(1, real=True, actor=None), _rec(2, real=False, actor=None),
             _rec(3, real=True, actor="putin")]
    second = [_rec(0, real=True, actor="obama"), _rec(1, real=True, actor="assad"), _rec(2, real=True, actor="kerry"),
              _rec(3, real=False, actor=None)]
    real, actor = ag.compare(first, second)
    assert (real.field, real.n, real.agreement) == ("real", 4, 0.5)
    assert (actor.field, actor.n, actor.agreement) == ("actor", 2, 0.5)  # records 0 and 1 only; no actor is a category
    assert actor.disagreements == (("invented", "d1", 1, 4),)


def test_validate_agreement_portrayal_label_and_undefined_kappa():
    first = [_rec(i, label=v) for i, v in enumerate(("neutral", "negative", "positive"))]
    (res,) = ag.compare(first, [_rec(i, label=v) for i, v in enumerate(("neutral", "negative", "negative"))])
    assert res.field == "label" and res.agreement == pytest.approx(2 / 3) and 0 < res.kappa < 1
    (same,) = ag.compare(first[:1], [_rec(0, label="neutral")])
    assert same.agreement == 1.0 and math.isnan(same.kappa)  # one category only: kappa undefined


def test_validate_agreement_pair_rejects_second_labels_without_a_first_record():
    with pytest.raises(KeyError):
        ag.pair([_rec(0, real=True)], [_rec(1, real=True)])


def test_validate_agreement_real_files_pair_and_point_into_their_articles(shared, monkeypatch, corpora_loaded_once):
    monkeypatch.setattr(gold_text, "load_corpus", corpora_loaded_once)
    corpora = shared("corpora")
    tab = ag.table()
    assert list(zip(tab["set"], tab["field"])) == [("hedges_real_fresh15.jsonl", "real"), ("hedges_real_fresh15.jsonl", "actor"),
                                                   ("portrayal_fresh3.jsonl", "label"),
                                                   ("hedges_real_fresh14.jsonl", "real"), ("hedges_real_fresh14.jsonl", "actor"),
                                                   ("hedges_real_fresh13.jsonl", "real"), ("hedges_real_fresh13.jsonl", "actor"),
                                                   ("hedges_real_fresh12.jsonl", "real"), ("hedges_real_fresh12.jsonl", "actor"),
                                                   ("hedges_real_fresh11.jsonl", "real"), ("hedges_real_fresh11.jsonl", "actor"),
                                                   ("hedges_real_fresh10.jsonl", "real"), ("hedges_real_fresh10.jsonl", "actor"),
                                                   ("hedges_real_fresh9.jsonl", "real"), ("hedges_real_fresh9.jsonl", "actor"),
                                                   ("hedges_real_fresh8.jsonl", "real"), ("hedges_real_fresh8.jsonl", "actor"),
                                                   ("hedges_real_fresh7.jsonl", "real"), ("hedges_real_fresh7.jsonl", "actor"),
                                                   ("hedges_real_fresh6.jsonl", "real"), ("hedges_real_fresh6.jsonl", "actor"),
                                                   ("hedges_real_fresh5.jsonl", "real"), ("hedges_real_fresh5.jsonl", "actor"),
                                                   ("hedges_real_train.jsonl", "real"), ("hedges_real_train.jsonl", "actor"),
                                                   ("portrayal_fresh2.jsonl", "label"), ("portrayal_fresh.jsonl", "label")]
    assert (tab[tab["field"] != "actor"]["n"] == 40).all()
    assert tab["agreement"].between(0, 1).all() and tab["kappa"].between(-1, 1).all()
    for name in ag.SECOND_SETS:
        second = ag.read_labels(ag.GOLD_DIR / f"second_{name}")
        assert all(set(r) <= {"corpus", "doc_id", "start", "end", "real", "actor", "why", "role", "label", "place"}
                   for r in second)
        first = ag.read_labels(ag.GOLD_DIR / name)
        pairs = ag.pair(first, second)
        # the articles the first labels were made on (SHA-256 checked) hold every second record's span
        for (r, article), (_f, s) in zip(gold_text.gold_articles([f for f, _s in pairs], corpora), pairs):
            assert 0 <= s["start"] < s["end"] <= len(article.text) and article.text[s["start"]:s["end"]].strip()
    print("\n".join(ag.report()))


def test_validate_agreement_heldout_second_labels_cover_every_record_of_their_set():
    heldout = [name for name, covers in ag.SECOND_SETS.items() if covers.startswith("held out")]
    assert heldout == ["hedges_real_fresh15.jsonl", "portrayal_fresh3.jsonl"]
    for name in heldout:
        first, second = ag.read_labels(ag.GOLD_DIR / name), ag.read_labels(ag.GOLD_DIR / f"second_{name}")
        assert len(second) == len(first) == 40
        assert sorted(map(ag._key, second)) == sorted(map(ag._key, first))  # all of it, each record once
        fields = {"real", "actor"} if name.startswith("hedges_") else {"label", "place"}
        for r in second:  # the key and the second labels only: no text, no first-annotator field
            assert fields <= set(r) <= set(ag.KEY) | fields | {"why", "role"}
            assert ("why" in r) == (r.get("real") is False)
            if "role" in r:  # fresh7's to fresh15's second labels give the role too: none for a non-hedge
                assert (r["role"] in ("own", "distancing", "none")) == r["real"] and (r["role"] is None) == (not r["real"])
    for name in ("second_hedges_real_fresh7.jsonl", "second_hedges_real_fresh8.jsonl", "second_hedges_real_fresh9.jsonl",
                 "second_hedges_real_fresh10.jsonl", "second_hedges_real_fresh11.jsonl",
                 "second_hedges_real_fresh12.jsonl", "second_hedges_real_fresh13.jsonl",
                 "second_hedges_real_fresh14.jsonl", "second_hedges_real_fresh15.jsonl"):
        assert all("role" in r for r in ag.read_labels(ag.GOLD_DIR / name))
    # the dev sets' blocks stay last, where the spot reports of toolkit.validate.spot are read from
    hedge_sets = [name for name in ag.SECOND_SETS if name.startswith("hedges_")]
    assert hedge_sets[-2:] == ["hedges_real_fresh5.jsonl", "hedges_real_train.jsonl"]
    assert [name for name in ag.SECOND_SETS if name.startswith("portrayal_")][-1] == "portrayal_fresh.jsonl"


def test_validate_agreement_report_filters_sets_and_hides_keys():
    lines = ag.report(sets=["portrayal_fresh.jsonl"], keys=False)
    assert lines[1].startswith("  portrayal_fresh.jsonl") and len(lines) == 3  # title, the set, its one field
    assert "kappa" in lines[2] and "hedges_" not in "\n".join(lines)
    with_keys = ag.report(sets=["portrayal_fresh.jsonl"])
    n_disagree = int(lines[2].rsplit("disagree ", 1)[1])
    assert len(with_keys) == 3 + n_disagree  # one key line per disagreeing record


def test_validate_agreement_main_prints_the_report(capsys):
    assert ag.main(["--no-keys"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == ag.report(keys=False)
