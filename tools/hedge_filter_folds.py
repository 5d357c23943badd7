"""The folds, records and scores of the news hedge filter's cross-validation (``tools/hedge_filter_cv.py``, whose
docstring gives the protocol, the data and every round's figures; its command line imports these).

Records: :func:`records` matches each hand-labelled spot record of :func:`training_sets` (the dev sets of
:data:`toolkit.validate.spot.DEV_SETS` and ``--extra`` files, never a held-out set) with the current finder's hedge
and that hedge's filter features (:func:`toolkit.hedge_filter.hedge_features`), grouped by article. Choice:
:func:`inner_grid` / :func:`choose` / :func:`select` pick C, the class weights and the threshold by inner
article folds (scikit-learn ``StratifiedGroupKFold``, logistic regression) at a floor on the real hedges kept.
Out of set: :func:`loso_floors` (leave-one-set-out), :func:`forward_floors` (forward chaining in draw order) and
:func:`nested_floor` (the floor chosen without the held-out set), :func:`learning_curve` (the last sets scored by fits on
growing prefixes of the draw order); :func:`loso_lines`, :func:`loso_summary`,
:func:`curve_lines` and :func:`versus` format them.

Limits: a dev set has about 40 records, so one record moves a set's precision by about 0.03 (each set line gives
its binomial standard error); C, class weights and threshold are the only choices searched.
"""

from __future__ import annotations

import statistics

import numpy as np

from toolkit.actors import load_actors
from toolkit.hedge_filter import hedge_context, hedge_features
from toolkit.paths import shared_path
from toolkit.quotes import load_verbs
from toolkit.validate.spot import DEV_SETS, HELD_OUT, article_claims, read_spot

C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(0, 17))  # 0 (keep all) .. 0.8


def training_sets(extra: list[str]) -> list[str]:
    """The spot sets the filter is trained and cross-validated on: :data:`DEV_SETS`, then the ``extra`` files not
    yet registered. A held-out set (:data:`toolkit.validate.spot.HELD_OUT`) raises ``ValueError``: it is never read."""
    held = sorted(set(extra) & set(HELD_OUT))
    if held:
        raise ValueError(f"held-out spot set(s) {', '.join(held)}: the filter reads dev sets only")
    return list(dict.fromkeys([*DEV_SETS, *extra]))


def records(names: list[str]) -> list[dict]:
    """The matched records of the named spot sets: ``set``, ``group`` (corpus/article), ``features``, ``real``, and
    the hedge it matched: ``text`` (its article's text, shared by the article's records) and ``span``."""
    actors, verbs = load_actors(), load_verbs()
    loaded: dict = {}
    out = []
    for name in names:
        per_article: dict[tuple[str, str], list] = {}  # by corpus and article id: ids repeat across corpora
        for r, article in read_spot(name, shared_path("corpora"), loaded):
            key = (r["corpus"], article.id)
            if key not in per_article:
                text, found, quotes, claims = article_claims(article, actors, verbs)
                ctx = hedge_context(text, quotes, verbs, actors)
                per_article[key] = text, [(h, hedge_features(ctx, h, c)) for h, c in zip(found, claims)
                                          if c.role != "reporting"]
            text, hedges = per_article[key]
            hit = next(((h, f) for h, f in hedges if h.start < r["end"] and r["start"] < h.end), None)
            if hit is not None:
                out.append({"set": name, "group": f"{r['corpus']}/{r['doc_id']}", "features": hit[1],
                            "real": bool(r["real"]), "text": text, "span": (hit[0].start, hit[0].end)})
    return out


def drop_features(data: list[dict], prefixes: tuple[str, ...]) -> list[dict]:
    """``data`` (:func:`records`) with every feature named with one of ``prefixes`` left out (a feature-group
    ablation, ``--drop``); the records themselves unchanged."""
    return [{**d, "features": [f for f in d["features"] if not f.startswith(prefixes)]} for d in data] if prefixes else data


def fit_logistic(x, y, c: float, balanced: bool):
    """A logistic regression (scikit-learn, lbfgs) of ``y`` on ``x`` with inverse regularisation ``c``, classes
    weighted inversely to their frequency when ``balanced``: every fit of the filter's cross-validation."""
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, max_iter=5000, class_weight="balanced" if balanced else None).fit(x, y)


def precision_kept(y: np.ndarray, keep: np.ndarray) -> tuple[float, float]:
    """``(precision, real kept)`` of the records ``keep`` marks (``y`` 1 for a real hedge): the share real among them
    and the share of the real records they hold, each 0 when there are none."""
    kept = y[keep]
    return (kept.mean() if len(kept) else 0.0), (kept.sum() / y.sum() if y.sum() else 0.0)


def inner_grid(x, y, groups, seed: int, c_grid: tuple[float, ...] = C_GRID) -> dict:
    """Out-of-fold probabilities of every grid point ``(balanced, C)`` (C in ``c_grid``) over 4 inner article folds,
    in grid order."""
    from sklearn.model_selection import StratifiedGroupKFold

    folds = list(StratifiedGroupKFold(4, shuffle=True, random_state=seed).split(x, y, groups))
    grid = {}
    for balanced in (False, True):
        for c in c_grid:
            prob = np.zeros(len(y))
            for tr, te in folds:
                prob[te] = fit_logistic(x[tr], y[tr], c, balanced).predict_proba(x[te])[:, 1]
            grid[balanced, c] = prob
    return grid


def choose(grid: dict, y: np.ndarray, min_kept: float) -> tuple[float, bool, float, float]:
    """The choice ``(C, balanced, threshold, inner precision)`` of :func:`inner_grid`'s probabilities: the best
    precision keeping at least ``min_kept`` of the real hedges (threshold 0, keep all, when none does better)."""
    best = (C_GRID[0], False, 0.0, precision_kept(y, np.ones(len(y), bool))[0])
    for (balanced, c), prob in grid.items():
        for t in THRESHOLDS[1:]:
            p, k = precision_kept(y, prob >= t)
            if k >= min_kept and p > best[3] + 1e-9:
                best = (c, balanced, t, p)
    return best


def select(x, y, groups, seed: int, min_kept: float, c_grid: tuple[float, ...] = C_GRID) -> tuple[float, bool, float, float]:
    """Inner CV choice ``(C, balanced, threshold, inner precision)``: best precision with real kept >= ``min_kept``."""
    return choose(inner_grid(x, y, groups, seed, c_grid), y, min_kept)


def _kept_by_floor(x, y, groups, tr, te, floors, seed: int, c_grid: tuple[float, ...] = C_GRID) -> dict:
    """For each recall floor, the records ``te`` kept by the inner choice and fit on the records ``tr``."""
    return kept_from_grid(inner_grid(x[tr], y[tr], groups[tr], seed, c_grid), x, y, tr, te, floors)


def kept_from_grid(grid: dict, x, y, tr, te, floors) -> dict:
    """For each recall floor, the records ``te`` kept by the choice (:func:`choose`) on ``grid`` (:func:`inner_grid`
    of the rows ``tr``) and a fit on ``tr``; one fit per grid point chosen."""
    models, out = {}, {}
    for floor in floors:
        c, balanced, t, _p = choose(grid, y[tr], floor)
        if t == 0:
            out[floor] = np.ones(len(te), bool)
            continue
        if (c, balanced) not in models:
            models[c, balanced] = fit_logistic(x[tr], y[tr], c, balanced)
        out[floor] = models[c, balanced].predict_proba(x[te])[:, 1] >= t
    return out


def loso_folds(sets: np.ndarray) -> list[tuple[str, np.ndarray, np.ndarray]]:
    """``(set, train rows, test rows)`` for leave-one-set-out: each set (in the order of first appearance) against
    all the others."""
    return [(name, np.flatnonzero(sets != name), np.flatnonzero(sets == name)) for name in dict.fromkeys(sets)]


def forward_folds(sets: np.ndarray, min_train: int = 200) -> list[tuple[str, np.ndarray, np.ndarray]]:
    """``(set, train rows, test rows)`` for forward chaining in draw order (first appearance in ``sets``): each set
    against the sets before it, once those hold at least ``min_train`` records."""
    names = list(dict.fromkeys(sets))
    folds = [(name, np.flatnonzero(np.isin(sets, names[:i])), np.flatnonzero(sets == name))
             for i, name in enumerate(names)]
    return [f for f in folds if len(f[1]) >= min_train]


def curve_folds(sets: np.ndarray, n_test: int, min_train: int = 200,
                step: int = 2) -> list[tuple[int, str, np.ndarray, np.ndarray]]:
    """``(training sets, set, train rows, test rows)`` for a learning curve in draw order: each of the last
    ``n_test`` sets against the first ``m`` sets, for every ``m`` from the first prefix holding ``min_train``
    records up to all the sets before the test sets, in steps of ``step`` (the last prefix always included).
    ``ValueError`` (naming ``n_test`` and ``min_train``) when the sets before the test sets hold under ``min_train``
    records, none at all when ``n_test`` is the number of sets or more."""
    names = list(dict.fromkeys(sets))
    top = len(names) - n_test
    first = next((m for m in range(1, top + 1) if np.isin(sets, names[:m]).sum() >= min_train), None)
    if first is None:
        before = int(np.isin(sets, names[:max(top, 0)]).sum())
        raise ValueError(f"learning curve: n_test={n_test} of {len(names)} sets leaves {max(top, 0)} training set(s) "
                         f"of {before} records, under min_train={min_train}")
    sizes = sorted({*range(top, first - 1, -step)})
    return [(m, name, np.flatnonzero(np.isin(sets, names[:m])), np.flatnonzero(sets == name))
            for m in sizes for name in names[top:]]


def learning_curve(x, y, groups, sets, floors, n_test: int, min_train: int = 200, step: int = 2, seed: int = 100,
                   c_grid: tuple[float, ...] = C_GRID) -> dict:
    """``{floor: {m: {set: (unfiltered precision, precision, kept mask)}}}``: the last ``n_test`` sets (fixed) scored
    by the inner choice and fit on the first ``m`` sets (:func:`curve_folds`), so only the training data grows
    (with it the share of later-drawn sets, as a refit adds them)."""
    out: dict = {floor: {} for floor in floors}
    for m, name, tr, te in curve_folds(sets, n_test, min_train, step):
        for floor, keep in _kept_by_floor(x, y, groups, tr, te, floors, seed, c_grid).items():
            out[floor].setdefault(m, {})[name] = (y[te].mean(), precision_kept(y[te], keep)[0], keep)
    return out


def curve_lines(curve: dict, y: np.ndarray, sets: np.ndarray) -> list[str]:
    """Report lines of :func:`learning_curve` at one floor: per training size, the training sets and records, the
    pooled precision and real kept of the test sets, and each test set's precision (kept real / kept)."""
    names = list(dict.fromkeys(sets))
    lines = []
    for m, per in curve.items():
        p, k = pooled(per, y, sets)
        each = ", ".join(f"{n.removeprefix('hedges_real_').removesuffix('.jsonl')} {v[1]:.3f} "
                         f"({y[sets == n][v[2]].sum()}/{v[2].sum()})" for n, v in per.items())
        lines.append(f"  first {m} sets ({np.isin(sets, names[:m]).sum()} records): pooled {p:.3f}, real kept "
                     f"{k:.3f}; {each}")
    return lines


def _by_floor(x, y, groups, folds, floors, seed: int, c_grid: tuple[float, ...]) -> dict:
    """``{floor: {set: (unfiltered precision, precision, kept mask)}}`` over ``folds`` (:func:`loso_folds`,
    :func:`forward_folds`): each test set's mask from the inner choice and fit on its train rows."""
    out = {floor: {} for floor in floors}
    for name, tr, te in folds:
        for floor, keep in _kept_by_floor(x, y, groups, tr, te, floors, seed, c_grid).items():
            out[floor][name] = (y[te].mean(), precision_kept(y[te], keep)[0], keep)
    return out


def loso_floors(x, y, groups, sets, floors, seed: int = 100, c_grid: tuple[float, ...] = C_GRID) -> dict:
    """Leave-one-set-out for several inner recall floors at once: ``{floor: {set: (unfiltered precision,
    precision, kept mask)}}``; each set's mask comes from the inner choice (:func:`select`, article folds of the
    other sets) and a fit on the other sets, as a new held-out set would be scored."""
    return _by_floor(x, y, groups, loso_folds(sets), floors, seed, c_grid)


def forward_floors(x, y, groups, sets, floors, min_train: int = 200, seed: int = 100,
                   c_grid: tuple[float, ...] = C_GRID) -> dict:
    """Forward chaining over the sets in draw order (the order of ``sets``' first appearance, that of
    :data:`toolkit.validate.spot.HEDGE_SETS`): each set is scored by the inner choice and fit on the sets drawn
    before it, once those hold at least ``min_train`` records; ``{floor: {set: (unfiltered precision, precision,
    kept mask)}}`` as :func:`loso_floors`. Unlike leave-one-set-out it never trains on a set drawn later (by a
    tightened finder), as the next held-out set is scored."""
    return _by_floor(x, y, groups, forward_folds(sets, min_train), floors, seed, c_grid)


def loso(x, y, groups, sets, min_kept: float, seed: int = 100) -> dict:
    """:func:`loso_floors` at one floor: ``{set: (unfiltered precision, precision, kept mask)}`` in the sets' order."""
    return loso_floors(x, y, groups, sets, (min_kept,), seed)[min_kept]


def pooled(per: dict, y: np.ndarray, sets: np.ndarray) -> tuple[float, float]:
    """Pooled precision and real kept of the records :func:`loso` keeps."""
    mine = np.isin(sets, list(per))
    keep = np.zeros(len(y), bool)
    for name, row in per.items():
        keep[sets == name] = row[-1]
    return precision_kept(y[mine], keep[mine])


def nested_floor(x, y, groups, sets, outer: dict, target: float, seed: int = 100) -> dict:
    """Leave-one-set-out with the recall floor chosen without the held-out set: for each set, an inner
    leave-one-set-out over the other sets (each pair of sets left out together once, scored for both) gives each
    floor's pooled precision and real kept; the floor with the best precision keeping at least ``target`` of the
    real hedges (the highest floor when none does) then scores the set by ``outer`` (:func:`loso_floors` at the
    same floors and seed). ``{set: (unfiltered precision, precision, floor, kept mask)}``."""
    names, floors = list(dict.fromkeys(sets)), list(outer)
    pair = {}
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            te, tr = np.flatnonzero(np.isin(sets, (a, b))), np.flatnonzero(~np.isin(sets, (a, b)))
            pair[a, b] = pair[b, a] = (te, _kept_by_floor(x, y, groups, tr, te, floors, seed))
    out = {}
    for a in names:
        score = {}
        for floor in floors:
            ys, ks = [], []
            for b in names:
                if b != a:
                    te, kept = pair[a, b]
                    mine = sets[te] == b
                    ys.append(y[te][mine])
                    ks.append(kept[floor][mine])
            score[floor] = precision_kept(np.concatenate(ys), np.concatenate(ks))
        ok = [f for f in floors if score[f][1] >= target]
        floor = max(ok, key=lambda f: (score[f][0], f)) if ok else max(floors)
        base, p, keep = outer[floor][a]
        out[a] = (base, p, floor, keep)
    return out


def loso_lines(per: dict, y: np.ndarray, sets: np.ndarray, what: str = "leave-one-set-out") -> list[str]:
    """Report lines of :func:`loso` (or :func:`nested_floor`, with each set's floor): each set (kept real / kept,
    real kept, the binomial standard error of its precision), the pooled precision and real kept, the mean +-
    standard deviation over sets, sets higher / lower than unfiltered."""
    lines = []
    for name, row in per.items():
        base, p, kept = row[0], row[1], row[-1]
        real = y[sets == name]
        se = (p * (1 - p) / kept.sum()) ** 0.5 if kept.sum() else 0.0
        floor = f", floor {row[2]}" if len(row) == 4 else ""
        lines.append(f"  {name}: precision {base:.3f} -> {p:.3f} ({real[kept].sum()}/{kept.sum()}, binomial se "
                     f"{se:.3f}), real kept {real[kept].sum()}/{real.sum()}{floor}")
    return [*lines, loso_summary(per, y, sets, what)]


def loso_summary(per: dict, y: np.ndarray, sets: np.ndarray, what: str = "leave-one-set-out") -> str:
    """The last line of :func:`loso_lines` alone: pooled precision and real kept, mean +- sd over sets, sets
    higher / lower than unfiltered."""
    ps = [v[1] for v in per.values()]
    p, k = pooled(per, y, sets)
    base = y[np.isin(sets, list(per))].mean()
    return (f"{what} ({len(per)} sets): unfiltered {base:.3f} -> pooled {p:.3f}, real "
            f"kept {k:.3f}; per set {statistics.mean(ps):.3f} +- {statistics.stdev(ps):.3f} "
            f"(higher in {sum(v[1] > v[0] + 1e-9 for v in per.values())}, lower in "
            f"{sum(v[1] < v[0] - 1e-9 for v in per.values())})")


def versus(per: dict, base: dict) -> str:
    """How many sets :func:`loso`'s ``per`` scores higher and lower in precision than ``base`` does."""
    higher = sum(per[n][1] > base[n][1] + 1e-9 for n in per)
    lower = sum(per[n][1] < base[n][1] - 1e-9 for n in per)
    return f"higher in {higher} sets, lower in {lower}, the same in {len(per) - higher - lower}"
