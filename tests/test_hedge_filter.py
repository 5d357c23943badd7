"""The news hedge filter (toolkit.hedge_filter): features, the shipped model, its place in analyze."""

import re

from toolkit.actors import find_mentions, load_actors
from toolkit.hedge_claims import HOWS, attribute_hedges
from toolkit.hedge_filter import (FILTERED, FILTERED_HOW, JUDGED, HedgeFilter, filter_claims, hedge_context,
                                  hedge_features, judge_hedges, load_filter)
from toolkit.hedge_filter import _CLASSES, _PRONOUNS, _SOURCE_NOUNS, _cue_lemma
from toolkit.hedging import NOT_HEDGES, CATEGORIES, load_hedges
from toolkit.quotes import extract_quotes, load_verbs
from toolkit.vocab import STANCES


def _cv_tool():
    """``tools/hedge_filter_cv.py`` loaded as a module (a script, not a package module)."""
    from tool_scripts import load_tool

    return load_tool("hedge_filter_cv")


def _parts(text):
    actors, verbs = load_actors(), load_verbs()
    hedges = [h for h in load_hedges().find(text) if h.category not in NOT_HEDGES]
    quotes = extract_quotes(text, actors=actors, verbs=verbs)
    claims = attribute_hedges(text, hedges, quotes, find_mentions(text, actors), actors)
    return hedges, claims, quotes, verbs


def _features(text, cue):
    hedges, claims, quotes, verbs = _parts(text)
    i = next(i for i, h in enumerate(hedges) if h.cue == cue)
    return hedge_features(hedge_context(text, quotes, verbs), hedges[i], claims[i])


def test_hedge_filter_features_are_deterministic_and_read_the_claim():
    text = "The militia could use the bridge to move its tanks. Will the council decide whether the envoy acts?"
    first = _features(text, "could")
    assert first == _features(text, "could")
    assert {"cue=could", "gov=ability", "cat=epistemic_modal"} <= set(first)
    assert any(f.startswith("how=") for f in first)
    later = _features(text, "whether")
    assert {"whether_after_question", "question", "sentence=early"} <= set(later)
    quoted = _features('"Our patrols may be too late," the colonel told reporters.', "may")
    assert "in_quote" in quoted and "aux=be" in quoted


def test_hedge_filter_cue_forms_share_a_lemma_and_the_owner_gives_its_kind_not_its_camp():
    alleged = _features("The mayor alleged that the depot was empty.", "alleged")
    alleges = _features("The mayor alleges that the depot is empty.", "alleges")
    assert "cue_lemma=allege" in alleged and "cue_lemma=allege" in alleges
    assert {f for f in alleged if f.startswith("cue_lemma|gov=")} == {f for f in alleges if f.startswith("cue_lemma|gov=")}
    assert _cue_lemma("believed") == "believe" and _cue_lemma("perhaps") == "perhaps"
    owned = _features("Lavrov said the convoy may have been hit by mistake.", "may")
    assert "owner_kind=person" in owned and "role|owner_kind=own|person" in owned
    assert not any(f.startswith("owner_camp") or "russia" in f for f in owned)
    nobody = _features("The convoy may have been hit by mistake.", "may")
    assert "owner_kind=none" in nobody


def test_hedge_filter_model_loads_with_its_manifest_and_holds_no_text():
    model = load_filter()
    assert 0 < model.threshold < 1 and model.weights
    assert {"data", "cv", "choice", "command"} <= set(model.manifest)
    assert model.manifest["choice"]["threshold"] == model.threshold
    cues = {e.cue for e in load_hedges().entries}
    allowed = (cues | {_cue_lemma(c) for c in cues} | set(CATEGORIES) | set(_PRONOUNS)
               | {"person", "organization", "group", "generic", "place"}
               | set(_SOURCE_NOUNS) | set(_CLASSES) | {w for ws in _CLASSES.values() for w in ws} | set(HOWS)
               | set(STANCES) | {"own", "distancing", "none", "other", "to", "that", "None", "first", "early", "later",
                                 "direct", "indirect", "mixed", "be", "have", "be+be", "be+have", "have+be",
                                 "have+have", ",", ".", ";", ":", "?", "!", '"', "'", "(", ")"})
    for key in model.weights:
        for value in re.split(r"[|]", key.split("=", 1)[1]) if "=" in key else []:
            name = value.removesuffix("_near")
            assert name in allowed or re.fullmatch(r"</?s>|<\w+>", name), (key, value)


def test_hedge_filter_drops_what_a_model_weighs_down_and_keeps_the_rest():
    text = "The militia could use the bridge. The truce may collapse within days."
    hedges, claims, quotes, verbs = _parts(text)
    model = HedgeFilter({"gov=ability": -8.0}, 2.0, 0.5, {})
    out = filter_claims(text, hedges, claims, quotes, verbs, model)
    by_cue = {h.cue: c for h, c in zip(hedges, out)}
    assert (by_cue["could"].role, by_cue["could"].how, by_cue["could"].actor) == (FILTERED, FILTERED_HOW, None)
    assert by_cue["may"] == claims[[h.cue for h in hedges].index("may")]  # untouched
    probs = judge_hedges(text, hedges, claims, quotes, verbs, model)
    assert probs[0] < 0.5 < probs[1] and all(h.category in JUDGED for h in hedges)


def test_hedge_filter_shipped_drops_a_questioned_reporting_verb_and_keeps_an_epistemic_hedge():
    model = load_filter()
    text = "Did they suggest that the army should withdraw? The ceasefire may collapse within days, diplomats fear."
    hedges, claims, quotes, verbs = _parts(text)
    probs = dict(zip((h.cue for h in hedges), judge_hedges(text, hedges, claims, quotes, verbs)))
    assert probs["suggest"] < model.threshold
    assert probs["may"] >= model.threshold


def test_hedge_filter_in_analyze_marks_the_dropped_hedge_and_counts_it_for_no_actor():
    from toolkit import analyze

    text = ("Truce\n\nUN inspectors were sent to investigate whether chlorine was used in Douma. "
            "The Kremlin may reject the findings.")
    res = analyze([{"id": "f1", "outlet": "awire", "date": "2018-04-01", "title": "Truce", "text": text}], cache=False)
    rows = {r.cue: r for r in res.hedges.itertuples()}
    assert (rows["investigate whether"].role, rows["investigate whether"].how) == (FILTERED, FILTERED_HOW)
    assert res.hedges.loc[res.hedges["cue"] == "investigate whether", "actor"].isna().all()
    assert rows["may"].role in ("own", "distancing") and rows["may"].actor == "kremlin"
    counted = res.actor_measures.set_index("actor")
    assert counted["own_hedges"].sum() + counted["distancing_hedges"].sum() == 1


def test_hedge_filter_szeged_scores_the_filtered_decision_beside_the_finders(tmp_path):
    from toolkit.validate.szeged import GoldSentence, evaluate, filtered_flags

    sents = [GoldSentence("s1", "Did they suggest that the army should withdraw?", ()),
             GoldSentence("s2", "The ceasefire may collapse within days, diplomats fear.", ()),
             GoldSentence("s3", "Rebels accused the army of shelling the town.", ())]
    # a questioned reporting verb is dropped; an epistemic modal stays; a report of a charge is not judged
    assert filtered_flags(sents) == [False, True, True]
    xml = tmp_path / "mini.xml"
    xml.write_text('<Annotation><Document><Sentence id="a">The envoy <ccue type="speculation_modal_probable_">might'
                   '</ccue> resign.</Sentence><Sentence id="b">The convoy reached the town.</Sentence></Document>'
                   '</Annotation>', encoding="utf-8")
    res = evaluate(xml)
    assert res["sentence_filtered"]["gold"] == res["sentence"]["gold"] == 1
    assert res["sentence_filtered"]["predicted"] <= res["sentence"]["predicted"]


_SWITCH_TEXT = ("Ceasefire\n\nMonitors were dispatched to investigate whether nerve agents were released near the "
                "airfield. The ministry may dispute the monitors' account.")


def _switch_records():
    return [{"id": "s1", "outlet": "awire", "date": "2019-02-01", "title": "Ceasefire", "text": _SWITCH_TEXT}]


def test_hedge_filter_switch_off_in_analyze_keeps_the_attachment_claims_and_enters_the_cache_key(tmp_path):
    from toolkit import analyze

    on = analyze(_switch_records(), cache=tmp_path, progress=False)
    off = analyze(_switch_records(), cache=tmp_path, progress=False, hedge_filter=False)
    assert on.path != off.path  # a separate cache entry, not the filtered one served again
    assert on.settings["hedge_filter"] is True and off.settings["hedge_filter"] is False
    assert FILTERED in set(on.hedges["role"]) and FILTERED not in set(off.hedges["role"])
    assert FILTERED_HOW not in set(off.hedges["how"])
    # off: exactly the attachment rules' claims; on: the same rows except the filtered ones
    text = on.articles["text"].iloc[0]
    hedges, claims, _quotes, _verbs = _parts(text)
    assert list(off.hedges["role"]) == [c.role for c in claims]
    kept = on.hedges["role"] != FILTERED
    cols = ["start", "end", "cue", "role", "how", "actor"]
    assert on.hedges.loc[kept, cols].equals(off.hedges.loc[kept, cols])
    assert (off.actor_measures["own_hedges"].sum() + off.actor_measures["distancing_hedges"].sum()
            >= on.actor_measures["own_hedges"].sum() + on.actor_measures["distancing_hedges"].sum())


def test_hedge_filter_cli_analyze_no_hedge_filter_keeps_every_hedge(tmp_path):
    import pandas as pd
    from cli_run import run_cli

    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "awire_2019-02-01_monitors.txt").write_text(_SWITCH_TEXT + "\n", encoding="utf-8")
    roles = {}
    for flag in ((), ("--no-hedge-filter",)):
        out = tmp_path / ("off" if flag else "on")
        run_cli("analyze", str(tmp_path / "data"), "--out", str(out), "--cache", str(tmp_path / "cache"), *flag)
        roles[bool(flag)] = set(pd.read_parquet(out / "hedges.parquet")["role"])
    assert FILTERED in roles[False] and FILTERED not in roles[True]


def test_hedge_filter_lemma_is_the_shared_inflector_read_backwards():
    from toolkit.hedge_filter import _CLASS_OF, _lemma
    from toolkit.quotes import inflect

    for lemma in ("stop", "use", "try", "investigate", "reach"):
        assert {_lemma(form) for form in inflect(lemma)} == {lemma}
    assert all(_lemma(f) == lemma for lemma in _CLASS_OF if lemma != "be" for f in inflect(lemma)
               if f not in ("seed", "bes", "bed"))
    assert [_lemma(w) for w in ("goes", "having", "was", "Heard")] == ["go", "have", "be", "hear"]
    # words that only look like a class verb's forms stay themselves
    assert [_lemma(w) for w in ("good", "planes", "god", "bed")] == ["good", "planes", "god", "bed"]


def test_hedge_filter_cv_trains_on_dev_sets_only_and_refuses_a_held_out_one():
    import pytest

    from toolkit.validate.spot import DEV_SETS, HEDGE_SETS

    cv = _cv_tool()
    assert cv.training_sets([]) == list(DEV_SETS)
    assert cv.training_sets(["new_unregistered.jsonl", DEV_SETS[0]]) == [*DEV_SETS, "new_unregistered.jsonl"]
    held = sorted(set(HEDGE_SETS) - set(DEV_SETS))
    if held:  # a registered set that is not dev is held out
        with pytest.raises(ValueError, match="held-out"):
            cv.training_sets([held[0]])


def test_hedge_filter_cv_selection_and_fit_repeat_exactly():
    """The inner-CV choice and the fit the --fit command writes are the same on a second run (invented data)."""
    import numpy as np
    from scipy import sparse

    cv = _cv_tool()
    rng = np.random.default_rng(7)
    x = sparse.csr_matrix((rng.random((120, 15)) < 0.3).astype(float))
    y = ((x[:, 0].toarray().ravel() + rng.random(120)) > 0.6).astype(int)
    groups = np.array([f"doc{i // 2}" for i in range(120)])
    runs = []
    for _ in range(2):
        c, balanced, t, inner = cv.select(x, y, groups, 100, 0.9)
        model = cv.fit_logistic(x, y, c, balanced)
        runs.append((c, balanced, t, inner, model.coef_.tolist(), model.intercept_.tolist()))
    assert runs[0] == runs[1]
    assert 0.0 < runs[0][3] <= 1.0


def _invented_sets(seed: int, n: int = 150, sets: int = 3):
    """Invented matched records: sparse features, labels leaning on the first, two records an article, every
    article in one of ``sets`` sets."""
    import numpy as np
    from scipy import sparse

    rng = np.random.default_rng(seed)
    x = sparse.csr_matrix((rng.random((n, 12)) < 0.3).astype(float))
    y = ((x[:, 0].toarray().ravel() + rng.random(n)) > 0.5).astype(int)
    groups = np.array([f"doc{i // 2}" for i in range(n)])
    return x, y, groups, np.array([f"s{int(g[3:]) % sets}.jsonl" for g in groups])


def test_hedge_filter_cv_loso_scores_each_set_without_its_own_labels():
    """Leave-one-set-out: a set's kept mask is the same whatever its own labels say (invented data)."""
    import numpy as np

    cv = _cv_tool()
    x, y, groups, sets = _invented_sets(11)
    per = cv.loso(x, y, groups, sets, 0.9)
    assert list(per) == ["s0.jsonl", "s1.jsonl", "s2.jsonl"]
    flipped = y.copy()
    flipped[sets == "s1.jsonl"] ^= 1
    again = cv.loso(x, flipped, groups, sets, 0.9)
    assert np.array_equal(per["s1.jsonl"][2], again["s1.jsonl"][2])  # its own labels never chose or fitted it
    for name, (base, p, kept) in per.items():
        ys = y[sets == name]
        assert base == ys.mean() and p == (ys[kept].mean() if kept.any() else 0.0)
    lines = cv.loso_lines(per, y, sets)
    keep = np.zeros(len(y), bool)
    for name, row in per.items():
        keep[sets == name] = row[2]
    assert cv.pooled(per, y, sets) == (y[keep].mean(), y[keep].sum() / y.sum())
    assert lines[-1].startswith("leave-one-set-out (3 sets)") and f"pooled {y[keep].mean():.3f}" in lines[-1]
    assert f"kept {y[keep].sum() / y.sum():.3f}" in lines[-1]


def test_hedge_filter_cv_loso_floors_match_one_floor_runs_and_count_sets_against_the_first():
    cv = _cv_tool()
    x, y, groups, sets = _invented_sets(5)
    both = cv.loso_floors(x, y, groups, sets, (0.95, 0.8))
    for floor in (0.95, 0.8):
        one = cv.loso(x, y, groups, sets, floor)
        assert all((one[n][0], one[n][1], one[n][2].tolist()) == (r[0], r[1], r[2].tolist())
                   for n, r in both[floor].items())
    higher = sum(both[0.8][n][1] > both[0.95][n][1] + 1e-9 for n in both[0.8])
    lower = sum(both[0.8][n][1] < both[0.95][n][1] - 1e-9 for n in both[0.8])
    assert cv.versus(both[0.8], both[0.95]) == f"higher in {higher} sets, lower in {lower}, the same in {3 - higher - lower}"


def test_hedge_filter_cv_nested_floor_chooses_each_sets_floor_without_its_labels():
    """The floor that scores a set is chosen on the other sets only, and that set is then scored as loso scores it."""
    import numpy as np

    cv = _cv_tool()
    x, y, groups, sets = _invented_sets(3, n=200, sets=4)
    floors = (0.95, 0.85, 0.7)
    outer = cv.loso_floors(x, y, groups, sets, floors)
    nested = cv.nested_floor(x, y, groups, sets, outer, 0.9)
    flipped = y.copy()
    flipped[sets == "s2.jsonl"] ^= 1
    again = cv.nested_floor(x, flipped, groups, sets, cv.loso_floors(x, flipped, groups, sets, floors), 0.9)
    assert nested["s2.jsonl"][2] == again["s2.jsonl"][2]  # the same floor whatever its own labels say
    assert np.array_equal(nested["s2.jsonl"][3], again["s2.jsonl"][3])
    for name, (base, p, floor, kept) in nested.items():
        assert floor in floors and (base, p) == outer[floor][name][:2] and np.array_equal(kept, outer[floor][name][2])
    lines = cv.loso_lines(nested, y, sets)
    assert all(f", floor {nested[n][2]}" in line for n, line in zip(nested, lines))


def test_hedge_filter_cv_drop_leaves_out_a_feature_group_and_keeps_the_records():
    cv = _cv_tool()
    data = [{"set": "s", "group": "g/1", "real": True, "features": ["cue=may", "if_clause", "gov=state"]},
            {"set": "s", "group": "g/2", "real": False, "features": ["cue=if", "if_other"]}]
    out = cv.drop_features(data, ("if_", "gov="))
    assert [d["features"] for d in out] == [["cue=may"], ["cue=if"]]
    assert [(d["set"], d["group"], d["real"]) for d in out] == [(d["set"], d["group"], d["real"]) for d in data]
    assert cv.drop_features(data, ()) == data and data[0]["features"] == ["cue=may", "if_clause", "gov=state"]


def test_hedge_filter_cv_loso_summary_formats_the_scored_sets_figures():
    """:func:`loso_summary` and :func:`loso_lines` on invented sets, figures worked by hand: set a keeps 2 of 4
    records, both real (0.500 -> 1.000, se 0), set b keeps 2 of 4, one real (0.750 -> 0.500, se sqrt(.25/2) =
    0.354); over a and b only (c is not scored) unfiltered 5/8 = 0.625, pooled 3/4 = 0.750, real kept 3/5 = 0.600,
    per set mean 0.750, sd sqrt(2 * 0.25 ** 2) = 0.354, higher in one set and lower in one."""
    import numpy as np

    cv = _cv_tool()
    sets = np.array(["a"] * 4 + ["b"] * 4 + ["c"] * 2)
    y = np.array([1, 1, 0, 0, 1, 1, 1, 0, 1, 0])
    per = {"a": (0.5, 1.0, np.array([True, True, False, False])),
           "b": (0.75, 0.5, np.array([True, False, False, True]))}
    summary = ("unfiltered 0.625 -> pooled 0.750, real kept 0.600; per set 0.750 +- 0.354 "
               "(higher in 1, lower in 1)")
    assert cv.loso_summary(per, y, sets, "forward chaining") == f"forward chaining (2 sets): {summary}"
    assert cv.loso_lines(per, y, sets) == [
        "  a: precision 0.500 -> 1.000 (2/2, binomial se 0.000), real kept 2/2",
        "  b: precision 0.750 -> 0.500 (1/2, binomial se 0.354), real kept 1/3",
        f"leave-one-set-out (2 sets): {summary}"]


def test_hedge_filter_cv_curve_folds_grow_the_training_prefix_and_keep_the_test_sets_fixed():
    """Learning curve folds over invented sets drawn in order a..f (20 records each): the last two sets, e and f,
    scored by the first 2 sets (40 records >= 30) and by the first 4 (the whole prefix before them); never trained
    on a test set or on a set drawn after the prefix."""
    import numpy as np

    cv = _cv_tool()
    sets = np.repeat(np.array(["a", "b", "c", "d", "e", "f"]), 20)
    folds = cv.curve_folds(sets, 2, min_train=30, step=2)
    assert [(m, name) for m, name, _tr, _te in folds] == [(2, "e"), (2, "f"), (4, "e"), (4, "f")]
    for m, name, tr, te in folds:
        assert set(sets[tr]) == set("abcd"[:m]) and set(sets[te]) == {name}
    assert [m for m, *_ in cv.curve_folds(sets, 2, min_train=10, step=3)] == [1, 1, 4, 4]  # steps down from the whole
    assert [m for m, *_ in cv.curve_folds(sets, 2, min_train=30, step=3)] == [4, 4]  # prefix, none under min_train


def test_hedge_filter_cv_curve_folds_refuse_too_few_training_records_naming_n_test_and_min_train():
    """Invented sets a..f (20 records each): a curve whose sets before the test sets never reach ``min_train``
    records, or that leaves no training set (``n_test`` the number of sets or more), raises ``ValueError`` naming
    ``n_test`` and ``min_train``, not a bare ``StopIteration``."""
    import numpy as np
    import pytest

    cv = _cv_tool()
    sets = np.repeat(np.array(list("abcdef")), 20)
    for n_test, min_train in ((5, 200), (2, 81), (6, 1), (7, 1)):
        with pytest.raises(ValueError, match=f"n_test={n_test} .*min_train={min_train}"):
            cv.curve_folds(sets, n_test, min_train=min_train)
    assert [m for m, *_ in cv.curve_folds(sets, 2, min_train=80)] == [4, 4]  # 80 records before e: just enough


def test_hedge_filter_cv_learning_curve_scores_the_last_sets_by_each_prefix_fit():
    """Each curve point is the score forward chaining would give the test set with only the prefix as training:
    the first ``m`` sets fitted, the test set's own labels never read (invented data)."""
    import numpy as np

    cv = _cv_tool()
    x, y, groups, sets = _invented_sets(3, n=240, sets=4)
    order = np.argsort(sets, kind="stable")
    x, y, groups, sets = x[order], y[order], groups[order], sets[order]
    curve = cv.learning_curve(x, y, groups, sets, (0.9,), 1, min_train=50, step=1)[0.9]
    assert list(curve) == [1, 2, 3] and all(list(per) == ["s3.jsonl"] for per in curve.values())
    forward = cv.forward_floors(x, y, groups, sets, (0.9,), 50)[0.9]
    assert curve[3]["s3.jsonl"][2].tolist() == forward["s3.jsonl"][2].tolist()
    flipped = y.copy()
    flipped[sets == "s3.jsonl"] ^= 1
    again = cv.learning_curve(x, flipped, groups, sets, (0.9,), 1, min_train=50, step=1)[0.9]
    assert all(np.array_equal(curve[m]["s3.jsonl"][2], again[m]["s3.jsonl"][2]) for m in curve)
    lines = cv.curve_lines(curve, y, sets)
    kept = curve[2]["s3.jsonl"][2]
    assert lines[1].startswith("  first 2 sets (120 records): pooled ")
    assert f"s3 {y[sets == 's3.jsonl'][kept].mean():.3f} ({y[sets == 's3.jsonl'][kept].sum()}/{kept.sum()})" in lines[1]


def test_hedge_filter_cv_out_of_set_figures_pool_the_loso_and_forward_scores():
    import numpy as np

    cv = _cv_tool()
    x, y, groups, sets = _invented_sets(5, n=300, sets=3)
    order = np.argsort(sets, kind="stable")
    x, y, groups, sets = x[order], y[order], groups[order], sets[order]
    got = cv.out_of_set_figures(x, y, groups, sets, 0.9)
    loso = cv.loso_floors(x, y, groups, sets, [0.9])[0.9]
    fwd = cv.forward_floors(x, y, groups, sets, [0.9], 200)[0.9]
    assert got["leave_one_set_out"] == {"sets": 3, "unfiltered": round(float(y.mean()), 4),
                                        **dict(zip(("precision", "real_kept"),
                                                   (round(float(v), 4) for v in cv.pooled(loso, y, sets))))}
    assert list(fwd) == ["s2.jsonl"] and got["forward_chaining"]["sets"] == 1
    assert got["forward_chaining"]["precision"] == round(float(cv.pooled(fwd, y, sets)[0]), 4)


def test_hedge_filter_embed_cv_shared_grids_give_each_floors_own_choice():
    """The embedding tool's variants at several floors in one pass (inner grids shared) keep what a separate run
    at each floor keeps: ``base`` as the filter's own CV, ``avg`` as the mean of the two models' probabilities
    with the threshold chosen on their mean inner probabilities (invented features and embedding)."""
    import numpy as np

    from tool_scripts import load_tool

    emb_cv = load_tool("hedge_filter_embed_cv")
    cv = emb_cv.hcv  # tools/hedge_filter_folds.py, as the tool reads it
    x, y, groups, sets = _invented_sets(9, n=160, sets=2)
    emb = np.random.default_rng(9).normal(size=(160, 6)) + y[:, None] * np.array([1.0, 0, 0, 0, 0, 0])
    tr, te = np.flatnonzero(sets == "s0.jsonl"), np.flatnonzero(sets == "s1.jsonl")
    got = emb_cv.kept(["base", "avg"], x, emb, y, groups, tr, te, (0.9, 0.8), pca=2)
    z = emb_cv._dense(emb, tr, None)
    for floor in (0.9, 0.8):
        assert got["base"][floor].tolist() == cv._kept_by_floor(x, y, groups, tr, te, (floor,), 100)[floor].tolist()
        inner, test = [], []
        for m in (x, z):
            grid = cv.inner_grid(m[tr], y[tr], groups[tr], 100)
            c, balanced, _t, _p = cv.choose(grid, y[tr], floor)
            inner.append(grid[balanced, c])
            test.append(cv.fit_logistic(m[tr], y[tr], c, balanced).predict_proba(m[te])[:, 1])
        t = cv.choose({(False, 0.0): (inner[0] + inner[1]) / 2}, y[tr], floor)[2]
        want = (test[0] + test[1]) / 2 >= t if t > 0 else np.ones(len(te), bool)
        assert got["avg"][floor].tolist() == want.tolist()
    assert not got["avg"][0.8].all() and got["avg"][0.8].sum() < got["avg"][0.9].sum()  # each floor its own choice
