"""Real-news spot sets: gold files hold offsets only; scored figures on the shared corpora."""

import json

import pytest

from toolkit.validate import gold_text
from toolkit.validate.spot import (DEV_SETS, GOLD_DIR, HEDGE_SETS, HELD_OUT, PORTRAYAL_HELD_OUT, PORTRAYAL_SETS, read_spot,
                                   report_hedges, score_hedges, score_portrayal)


@pytest.fixture(autouse=True)
def _corpora_read_once(monkeypatch, corpora_loaded_once):
    monkeypatch.setattr(gold_text, "load_corpus", corpora_loaded_once)


def test_validate_spot_gold_files_hold_offsets_not_text():
    for name in ("hedges_real.jsonl", "hedges_real_fresh.jsonl", "hedges_real_fresh2.jsonl", "hedges_real_fresh3.jsonl",
                 "hedges_real_fresh4.jsonl", "hedges_real_fresh5.jsonl", "hedges_real_fresh6.jsonl",
                 "hedges_real_fresh7.jsonl", "hedges_real_fresh8.jsonl", "hedges_real_fresh9.jsonl", "hedges_real_fresh10.jsonl",
                 "hedges_real_fresh11.jsonl", "hedges_real_fresh12.jsonl", "hedges_real_fresh13.jsonl",
                 "hedges_real_fresh14.jsonl", "hedges_real_fresh15.jsonl", "hedges_real_fresh16.jsonl", "hedges_real_train.jsonl", "hedges_real_train2.jsonl", "hedges_real_train3.jsonl",
                 "portrayal_real.jsonl", "portrayal_fresh.jsonl",
                 "portrayal_fresh2.jsonl", "portrayal_fresh3.jsonl"):
        rows = [json.loads(line) for line in (GOLD_DIR / name).read_text(encoding="utf-8").splitlines()]
        assert len(rows) == (200 if name == "hedges_real_train3.jsonl" else 120 if name.startswith("hedges_real_train") else 40)
        for r in rows:
            assert {"corpus", "doc_id", "n_chars", "sha256", "start", "end"} <= set(r)
            assert len(r["sha256"]) == 64 and 0 <= r["start"] < r["end"] <= r["n_chars"]
            assert not any(isinstance(v, str) and len(v) > 70 for k, v in r.items() if k != "sha256")


def test_validate_spot_hedges_scores(shared):
    res = score_hedges(shared("corpora"))
    print(res["as_drawn"], res["now"])
    assert res["records"] == 40 and res["real"] == 27
    assert res["as_drawn"]["precision"] == 27 / 40
    # measured (dev: rules read on these records): precision 0.900, real kept 1.0, actor right 0.926
    assert res["now"]["precision"] >= 0.84 and res["now"]["real_kept"] >= 0.88  # per-set filter floor
    assert res["now"]["actor_right"] >= 0.85


def test_validate_spot_fresh_hedges_scored_and_pooled(shared):
    fresh = score_hedges(shared("corpora"), ("hedges_real_fresh.jsonl",))
    print(fresh["as_drawn"], fresh["now"])
    assert fresh["records"] == 40 and fresh["real"] == 33
    assert fresh["as_drawn"]["precision"] == 33 / 40
    # drawn by an earlier finder; every real record is still found. Measured (dev since the attachment
    # rules of the second round were read on it): precision 0.917, actor right 0.909
    assert fresh["now"]["real_kept"] >= 0.88 and fresh["now"]["actor_right"] >= 0.87
    pooled = score_hedges(shared("corpora"), ("hedges_real.jsonl", "hedges_real_fresh.jsonl"))
    assert pooled["records"] == 80 and pooled["real"] == 60
    lines = report_hedges(shared("corpora"))
    assert sum(" records, " in line for line in lines) == 21  # nineteen sets, dev pooled, all pooled
    assert any("dev pooled (1040 records" in line for line in lines) and any("  all pooled (1080 records" in line for line in lines)
    dev_line = next(line for line in lines if line.startswith("  dev pooled ("))
    assert "hedges_real_fresh8.jsonl" in dev_line and not any(name in dev_line for name in HELD_OUT)  # all pooled only
    set_lines = [line.split(" (")[0].strip() for line in lines if " records, " in line]
    assert set_lines[-3:] == [*HELD_OUT, "dev pooled", "all pooled"]  # the held-out set last, before the pools
    # the second annotator's agreement on the hedge sets follows the spot lines, without the record keys
    assert lines[-1].startswith("    actor (records both call real): n ") and "kappa" in lines[-1]
    assert any(line.startswith("  hedges_real_fresh5.jsonl (") for line in lines[-6:])


def test_validate_spot_fresh2_hedges_scored_as_dev(shared):
    dev = score_hedges(shared("corpora"), ("hedges_real_fresh2.jsonl",))
    print(dev["as_drawn"], dev["now"])
    assert dev["records"] == 40 and dev["real"] == 32
    assert dev["as_drawn"]["precision"] == 32 / 40 and dev["as_drawn"]["actor_right"] == 29 / 32
    # measured (dev since the third round read its errors): precision 0.941, actor right 0.906 by the finder
    # alone; the news hedge filter (inner recall floor 0.92 since round 11) drops 3 of its 32 real ones
    assert dev["now"]["precision"] >= 0.90 and dev["now"]["real_kept"] >= 0.88


def test_validate_spot_fresh3_hedges_scored_as_dev(shared):
    dev = score_hedges(shared("corpora"), ("hedges_real_fresh3.jsonl",))
    print(dev["as_drawn"], dev["now"])
    assert dev["records"] == 40 and dev["real"] == 30
    assert dev["as_drawn"]["precision"] == 30 / 40 and dev["as_drawn"]["actor_right"] == 24 / 30
    # measured (dev since round 4 read its errors): precision 0.833, actor right 0.867, every real record found
    assert dev["now"]["precision"] >= 0.80 and dev["now"]["real_kept"] >= 0.88 and dev["now"]["actor_right"] >= 0.83


def test_validate_spot_fresh4_hedges_scored_as_dev(shared):
    dev = score_hedges(shared("corpora"), ("hedges_real_fresh4.jsonl",))
    print(dev["as_drawn"], dev["now"])
    assert dev["records"] == 40 and dev["real"] == 29
    assert dev["as_drawn"]["precision"] == 29 / 40 and dev["as_drawn"]["actor_right"] == 23 / 29
    # measured once while held out (round 4): precision 0.725, actor right 0.793, every real record found; dev since
    assert dev["now"]["real_kept"] >= 0.88


def test_validate_spot_filter_keeps_the_real_hedges_pooled_and_in_every_dev_set(shared):
    # the news hedge filter's recall floors, in-sample on the dev sets it is fitted on (its manifest names them;
    # a set that joined dev after the fit is out of sample for it): pooled over all of them >= 0.93 and no set
    # under 0.80 (a 40-record set's real kept has a standard error of about 0.045: a per-set floor is loose by
    # design); the out-of-set floor, leave-one-set-out pooled >= 0.92, is in docs/training.md.
    # Measured (round-11 refit, 14 sets): pooled 610/647 = 0.943, lowest set 29/32 = 0.906. Round 15 refit (18
    # sets): pooled 0.956, lowest fresh13 22/27 = 0.815, fresh11 21/25 = 0.840. The per-set floor was 0.88 until
    # round 15; it was lowered because it held only for sets a model was fitted on, and the round-11 model kept
    # fewer of those two sets' real hedges out of sample (18/25, 21/27) than the refit does in sample
    # (docs/training.md, round 15), so it penalised training on hard sets rather than guarding recall.
    from toolkit.validate.spot import hedge_outcomes, load_filter, summarise_hedges

    fitted = load_filter().manifest["data"]["sets"]
    assert set(fitted) <= set(DEV_SETS)  # never fitted on a held-out set
    loaded: dict = {}
    per = {name: summarise_hedges(hedge_outcomes(shared("corpora"), name, loaded)) for name in fitted}
    pooled = summarise_hedges([d for res in per.values() for d in res["details"]])
    assert pooled["records"] == 1040 and pooled["real"] == 753
    assert pooled["now"]["real_kept"] >= 0.93
    assert min(res["now"]["real_kept"] for res in per.values()) >= 0.80


def test_validate_spot_fresh5_registered_as_dev_and_read(shared):
    assert "hedges_real_fresh5.jsonl" in DEV_SETS and "dev since" in HEDGE_SETS["hedges_real_fresh5.jsonl"]
    assert "hedges_real_fresh4.jsonl" in DEV_SETS and "dev since" in HEDGE_SETS["hedges_real_fresh4.jsonl"]
    spot = read_spot("hedges_real_fresh5.jsonl", shared("corpora"))  # texts checked by length and SHA-256
    assert len(spot) == 40 and len({(r["corpus"], r["doc_id"]) for r, _a in spot}) == 40
    assert sum(r["real"] for r, _a in spot) == 31
    assert all(r["role"] in ("own", "distancing", "none") and r["why"] is None for r, _a in spot if r["real"])
    assert all(r["role"] is None and r["actor"] is None and r["why"] for r, _a in spot if not r["real"])


def test_validate_spot_fresh6_registered_as_dev_and_read(shared):
    assert "hedges_real_fresh6.jsonl" in DEV_SETS and HEDGE_SETS["hedges_real_fresh6.jsonl"].endswith("dev since")
    spot = read_spot("hedges_real_fresh6.jsonl", shared("corpora"))  # texts checked by length and SHA-256
    keys = {(r["corpus"], r["doc_id"]) for r, _a in spot}
    assert len(spot) == 40 and len(keys) == 40 and sum(r["real"] for r, _a in spot) == 29  # 30 before adjudication
    others = {(r["corpus"], r["doc_id"]) for name in HEDGE_SETS if name != "hedges_real_fresh6.jsonl"
              for r, _a in read_spot(name, shared("corpora"))}
    assert not keys & others  # none of the other sets' articles
    assert all(r["role"] in ("own", "distancing", "none") and r["why"] is None for r, _a in spot if r["real"])
    assert all(r["role"] is None and r["actor"] is None and r["why"] for r, _a in spot if not r["real"])


def test_validate_spot_held_out_tuple_splits_the_registered_sets():
    # HELD_OUT (read by report_hedges and summary.held_out_spot) and DEV_SETS split the hedge sets; the
    # descriptions agree with the tuple but nothing reads them to decide
    assert HELD_OUT == ("hedges_real_fresh15.jsonl",)
    assert set(HELD_OUT) | set(DEV_SETS) == set(HEDGE_SETS) and not set(HELD_OUT) & set(DEV_SETS)
    assert len(DEV_SETS) == 18 and list(HEDGE_SETS)[-1:] == list(HELD_OUT)
    assert [name for name, why in HEDGE_SETS.items() if why.endswith("held out")] == list(HELD_OUT)
    assert PORTRAYAL_HELD_OUT == ("portrayal_fresh3.jsonl",)
    assert [name for name, why in PORTRAYAL_SETS.items() if why.endswith("held out")] == list(PORTRAYAL_HELD_OUT)


def _registered_set_reads(shared, name: str, real: int, corpora: bool = True) -> None:
    """A registered hedge set's 40 records point into their articles (texts checked by length and SHA-256), one
    record per article and none of another set's articles; ``real`` of them labelled real (labels counted, not
    scored), each label complete; with ``corpora``, all three shared corpora are in it."""
    spot = read_spot(name, shared("corpora"))
    keys = {(r["corpus"], r["doc_id"]) for r, _a in spot}
    assert len(spot) == 40 and len(keys) == 40 and sum(r["real"] for r, _a in spot) == real
    if corpora:
        assert {r["corpus"] for r, _a in spot} == {"fakes", "allsides-syria", "sputnik-seededlda"}
    others = {(r["corpus"], r["doc_id"]) for other in HEDGE_SETS if other != name
              for r, _a in read_spot(other, shared("corpora"))}
    assert not keys & others
    assert all(r["role"] in ("own", "distancing", "none") and r["why"] is None for r, _a in spot if r["real"])
    assert all(r["role"] is None and r["actor"] is None and r["why"] for r, _a in spot if not r["real"])


def test_validate_spot_fresh7_registered_as_dev_and_read(shared):
    # held out in rounds 7 and 8, scored once at 52dc611: dev since
    assert "hedges_real_fresh7.jsonl" in DEV_SETS and HEDGE_SETS["hedges_real_fresh7.jsonl"].endswith("dev since")
    _registered_set_reads(shared, "hedges_real_fresh7.jsonl", 35, corpora=False)


def test_validate_spot_fresh8_registered_as_dev_and_read(shared):
    # held out in round 8, scored once at 52dc611: dev since
    assert "hedges_real_fresh8.jsonl" in DEV_SETS and HEDGE_SETS["hedges_real_fresh8.jsonl"].endswith("dev since")
    assert "404cbd9" in HEDGE_SETS["hedges_real_fresh8.jsonl"]
    _registered_set_reads(shared, "hedges_real_fresh8.jsonl", 29)


def test_validate_spot_fresh9_registered_as_dev_and_read(shared):
    # held out in round 9, scored once at 2a04771: dev since
    assert "hedges_real_fresh9.jsonl" in DEV_SETS and HEDGE_SETS["hedges_real_fresh9.jsonl"].endswith("dev since")
    assert "c80957f" in HEDGE_SETS["hedges_real_fresh9.jsonl"] and "seed 36" in HEDGE_SETS["hedges_real_fresh9.jsonl"]
    _registered_set_reads(shared, "hedges_real_fresh9.jsonl", 27)


def test_validate_spot_fresh10_registered_as_dev_and_read(shared):
    # held out in round 10, scored once at 5f5ab49: dev since
    assert "hedges_real_fresh10.jsonl" in DEV_SETS and HEDGE_SETS["hedges_real_fresh10.jsonl"].endswith("dev since")
    assert "1e50193" in HEDGE_SETS["hedges_real_fresh10.jsonl"] and "seed 37" in HEDGE_SETS["hedges_real_fresh10.jsonl"]
    _registered_set_reads(shared, "hedges_real_fresh10.jsonl", 27)


def test_validate_spot_fresh11_registered_as_dev_and_read(shared):
    # held out in round 11, scored once at 1079c3d: dev since
    assert "hedges_real_fresh11.jsonl" in DEV_SETS and HEDGE_SETS["hedges_real_fresh11.jsonl"].endswith("dev since")
    assert "d40cbe5" in HEDGE_SETS["hedges_real_fresh11.jsonl"] and "seed 38" in HEDGE_SETS["hedges_real_fresh11.jsonl"]
    _registered_set_reads(shared, "hedges_real_fresh11.jsonl", 25)


def _first_and_second_labels(name: str) -> tuple[list[dict], list[dict]]:
    """A set's first labels and its blind second ones, asserted to key the same records in the same order."""
    first, second = ([json.loads(line) for line in (GOLD_DIR / f).read_text(encoding="utf-8").splitlines()]
                     for f in (name, f"second_{name}"))
    key = ("corpus", "doc_id", "start", "end")
    assert [tuple(r[k] for k in key) for r in first] == [tuple(r[k] for k in key) for r in second]
    return first, second


def test_validate_spot_fresh12_registered_as_dev_and_read(shared):
    # held out in round 12, scored once at 881c744: dev since
    assert "hedges_real_fresh12.jsonl" in DEV_SETS and HEDGE_SETS["hedges_real_fresh12.jsonl"].endswith("dev since")
    assert "98f8db2" in HEDGE_SETS["hedges_real_fresh12.jsonl"] and "seed 39" in HEDGE_SETS["hedges_real_fresh12.jsonl"]
    _first_and_second_labels("hedges_real_fresh12.jsonl")
    _registered_set_reads(shared, "hedges_real_fresh12.jsonl", 27)


def test_validate_spot_fresh13_registered_as_dev_and_read(shared):
    # held out in round 13, scored once at 5cdebe7: dev since
    assert "hedges_real_fresh13.jsonl" in DEV_SETS and HEDGE_SETS["hedges_real_fresh13.jsonl"].endswith("dev since")
    assert "9200055" in HEDGE_SETS["hedges_real_fresh13.jsonl"] and "seed 40" in HEDGE_SETS["hedges_real_fresh13.jsonl"]
    _first_and_second_labels("hedges_real_fresh13.jsonl")
    _registered_set_reads(shared, "hedges_real_fresh13.jsonl", 27)


def test_validate_spot_fresh14_registered_as_dev_and_read(shared):
    # held out in round 14, scored once at dd48739: dev since
    assert "hedges_real_fresh14.jsonl" in DEV_SETS and HEDGE_SETS["hedges_real_fresh14.jsonl"].endswith("dev since")
    assert "d2e6d69" in HEDGE_SETS["hedges_real_fresh14.jsonl"] and "seed 41" in HEDGE_SETS["hedges_real_fresh14.jsonl"]
    _first_and_second_labels("hedges_real_fresh14.jsonl")
    _registered_set_reads(shared, "hedges_real_fresh14.jsonl", 27)


def test_validate_spot_fresh15_registered_held_out_and_read(shared):
    # drawn by 1960972, labelled blind twice and committed unregistered in round 14; registered in round 15
    assert HELD_OUT == ("hedges_real_fresh15.jsonl",) and "hedges_real_fresh15.jsonl" not in DEV_SETS
    assert "1960972" in HEDGE_SETS["hedges_real_fresh15.jsonl"] and "seed 42" in HEDGE_SETS["hedges_real_fresh15.jsonl"]
    first, second = _first_and_second_labels("hedges_real_fresh15.jsonl")
    assert len(first) == len(second) == 40 and sum(r["real"] for r in second) == 24
    _registered_set_reads(shared, "hedges_real_fresh15.jsonl", 25)  # labels counted, not scored
    corpora = [r["corpus"] for r in first]
    assert (corpora.count("allsides-syria"), corpora.count("sputnik-seededlda"), corpora.count("fakes")) == (22, 12, 6)


def test_validate_spot_fresh16_committed_but_not_registered():
    # drawn by f52cdba for round 16 and labelled blind twice; no command may score it before round 16 registers it
    first, second = _first_and_second_labels("hedges_real_fresh16.jsonl")
    assert "hedges_real_fresh16.jsonl" not in HEDGE_SETS and len(first) == len(second) == 40
    assert sum(r["real"] for r in first) == 28 and sum(r["real"] for r in second) == 29  # labels counted, not scored
    assert all({"corpus", "doc_id", "n_chars", "sha256", "start", "end"} <= set(r) for r in first)
    assert len({(r["corpus"], r["doc_id"]) for r in first}) == 40


def test_validate_spot_report_pools_dev_without_the_held_out_sets(monkeypatch):
    # invented outcomes, no shared data: each set gets as many records as its position + 1, all real and kept with
    # the right actor; "dev pooled" counts the DEV_SETS' records only, "all pooled" every set's
    from toolkit.validate import spot

    class Hit:
        actor = None

    sizes = {name: i + 1 for i, name in enumerate(HEDGE_SETS)}
    rows = {name: [({"real": True, "actor": None, "drawn_actor": None}, Hit()) for _ in range(n)]
            for name, n in sizes.items()}
    monkeypatch.setattr(spot, "hedge_outcomes",
                        lambda corpora, name, loaded, news_filter=True, claims_of=None: rows[name])
    monkeypatch.setattr(spot, "load_filter", lambda: type("F", (), {"manifest": {}})())
    monkeypatch.setattr(spot, "agreement_report", lambda sets, keys: [])
    lines = spot.report_hedges("unused")
    dev, held = sum(sizes[name] for name in DEV_SETS), sum(sizes[name] for name in HELD_OUT)
    assert held and any(line.startswith(f"  dev pooled ({dev} records, {dev} real; ") for line in lines)
    assert any(line.startswith(f"  all pooled ({dev + held} records, ") for line in lines)
    dev_line = next(line for line in lines if line.startswith("  dev pooled ("))
    assert not any(name in dev_line for name in HELD_OUT) and all(name in dev_line for name in DEV_SETS)


def test_validate_spot_portrayal_scores(shared):
    res = score_portrayal(shared("corpora"))
    print(res["as_drawn"], res["now"])
    assert res["mentions"] == 40 and res["as_drawn"]["accuracy"] == 28 / 40
    assert res["now"]["accuracy"] >= res["as_drawn"]["accuracy"] - 0.03


def test_validate_spot_portrayal_fresh_registered_as_dev_and_read(shared):
    assert "dev since" in PORTRAYAL_SETS["portrayal_fresh.jsonl"] and "dev" in PORTRAYAL_SETS["portrayal_real.jsonl"]
    spot = read_spot("portrayal_fresh.jsonl", shared("corpora"))  # texts checked by length and SHA-256
    assert len(spot) == 40 and len({(r["corpus"], r["doc_id"]) for r, _a in spot}) == 40
    assert {r["label"] for r, _a in spot} == {"positive", "negative", "neutral"}
    assert all(isinstance(r["place"], bool) and r["actor"] for r, _a in spot)
    first = {(r["corpus"], r["doc_id"]) for r, _a in read_spot("portrayal_real.jsonl", shared("corpora"))}
    assert not first & {(r["corpus"], r["doc_id"]) for r, _a in spot}


def test_validate_spot_portrayal_fresh2_registered_as_dev_and_read(shared):
    assert PORTRAYAL_SETS["portrayal_fresh2.jsonl"].endswith("dev since") and "portrayal_fresh2.jsonl" not in PORTRAYAL_HELD_OUT
    spot = read_spot("portrayal_fresh2.jsonl", shared("corpora"))  # texts checked by length and SHA-256
    keys = {(r["corpus"], r["doc_id"]) for r, _a in spot}
    assert len(spot) == 40 and len(keys) == 40
    assert sorted(r["label"] for r, _a in spot) == ["negative"] * 10 + ["neutral"] * 28 + ["positive"] * 2
    assert all(isinstance(r["place"], bool) and r["actor"] for r, _a in spot) and sum(r["place"] for r, _a in spot) == 2
    earlier = {(r["corpus"], r["doc_id"]) for name in ("portrayal_real.jsonl", "portrayal_fresh.jsonl")
               for r, _a in read_spot(name, shared("corpora"))}
    assert not earlier & keys  # none of the two earlier sets' articles


def test_validate_spot_portrayal_fresh3_registered_held_out_and_read(shared):
    # drawn by 01b5d0d in round 15 (no portrayal change that round), labelled blind twice, registered before any
    assert PORTRAYAL_SETS["portrayal_fresh3.jsonl"].endswith("held out") and list(PORTRAYAL_SETS)[-1] == "portrayal_fresh3.jsonl"
    assert "01b5d0d" in PORTRAYAL_SETS["portrayal_fresh3.jsonl"] and "seed 29" in PORTRAYAL_SETS["portrayal_fresh3.jsonl"]
    spot = read_spot("portrayal_fresh3.jsonl", shared("corpora"))  # texts checked by length and SHA-256
    keys = {(r["corpus"], r["doc_id"]) for r, _a in spot}
    assert len(spot) == 40 and len(keys) == 40  # labels counted, not scored
    assert sorted(r["label"] for r, _a in spot) == ["negative"] * 6 + ["neutral"] * 30 + ["positive"] * 4
    assert all(isinstance(r["place"], bool) and r["actor"] and r["drawn_label"] for r, _a in spot)
    earlier = {(r["corpus"], r["doc_id"]) for name in ("portrayal_real.jsonl", "portrayal_fresh.jsonl", "portrayal_fresh2.jsonl")
               for r, _a in read_spot(name, shared("corpora"))}
    assert not earlier & keys  # none of the three earlier sets' articles


@pytest.mark.parametrize(("name", "real", "n"), [("hedges_real_train.jsonl", 82, 120), ("hedges_real_train2.jsonl", 89, 120),
                                                  ("hedges_real_train3.jsonl", 147, 200)])
def test_validate_spot_train_set_registered_as_dev_and_read(shared, name, real, n):
    assert name in DEV_SETS and "training" in HEDGE_SETS[name]
    spot = read_spot(name, shared("corpora"))  # texts checked by length and SHA-256
    keys = {(r["corpus"], r["doc_id"]) for r, _a in spot}
    assert len(spot) == n and len(keys) == n and sum(r["real"] for r, _a in spot) == real
    others = {(r["corpus"], r["doc_id"]) for other in HEDGE_SETS if other != name
              for r, _a in read_spot(other, shared("corpora"))}
    assert not keys & others  # none of the other sets' articles
    assert all(r["role"] in ("own", "distancing", "none") and r["why"] is None for r, _a in spot if r["real"])
    assert all(r["role"] is None and r["actor"] is None and r["why"] for r, _a in spot if not r["real"])
