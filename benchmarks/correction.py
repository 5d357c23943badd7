"""Do corrected quote shares hold? Simulation coverage and the demo corpus's raw vs corrected error.

1. Simulation (``toolkit.comparison.simulation``): corpora of ``--articles`` articles with known camp
   shares and a camp-biased extractor; per labelled-sample size, the coverage of the raw (article
   bootstrap over extracted quotes) and corrected (prediction-powered) 95% intervals per camp over
   ``--draws`` draws, and the corrected interval's mean width and median lambda: the default
   (the process's share, plain PPI: lambda = 1), PPI++ (``power=None``, lambda tuned) and the
   corpus's share (``finite_population``), each against its own truth.
2. Demo (``corpora/demo``, gold for every article): the mean absolute error of the raw and corrected
   shares against the full-gold shares, over camps and ``--samples`` random annotated samples of each
   ``--fractions`` of the articles (``toolkit.comparison.correction_error``), with the spread over
   samples, the share of samples where the corrected error is the smaller, the intervals' coverage
   of the full-gold share and their mean width, for each variant of the simulation.
3. Real news (``../shared/gold/real-quotes/dev.jsonl``, every statement of 30 articles; skipped when
   ``../shared`` is absent): the same error over random annotated fractions of those 30 articles,
   against their full gold. The extractor was tuned on these articles, so its raw error here is
   smaller than on unseen real news; and the 30 were chosen by hand, so they stand for themselves,
   not for their corpora.

Usage: ``python benchmarks/correction.py [--draws 1000] [--samples 50]`` (run from the repository root;
about 3 minutes with the defaults on one core). Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=1000, help="simulated corpora per labelled-sample size")
    parser.add_argument("--articles", type=int, default=300, help="articles per simulated corpus")
    parser.add_argument("--labelled", type=int, nargs="+", default=[25, 50, 100, 200])
    parser.add_argument("--samples", type=int, default=50, help="random annotated samples of the demo")
    parser.add_argument("--fractions", type=float, nargs="+", default=[1 / 3, 1 / 2])
    parser.add_argument("--skip-simulation", action="store_true", help="only the demo and real-news errors")
    args = parser.parse_args()

    import toolkit
    from toolkit.comparison import correction_error
    from toolkit.comparison.simulation import coverage_study

    out: dict = {"simulation": [], "demo": []}
    for n in [] if args.skip_simulation else args.labelled:
        row: dict = {"n_labelled": n, "n_articles": args.articles, "draws": args.draws}
        for name, options in VARIANTS.items():
            study = coverage_study(n_articles=args.articles, n_labelled=n, draws=args.draws, seed=0, n_resamples=500,
                                   raw_interval=name == "default", **options)
            per_camp = study.groupby("camp")[["raw_covers", "covers", "width"]].mean()
            if name == "default":
                row["true_shares"] = [round(t, 3) for t in study.groupby("camp")["truth"].first()]
                row["raw_coverage"] = [round(v, 3) for v in per_camp["raw_covers"]]
            row[name] = {"coverage": [round(v, 3) for v in per_camp["covers"]],
                         "coverage_all": round(float(study["covers"].mean()), 3),
                         "width": [round(v, 4) for v in per_camp["width"]],
                         "power_median": round(float(study["power"].median()), 2)}
        out["simulation"].append(row)

    root = Path(__file__).resolve().parent.parent / "corpora" / "demo"
    results = toolkit.analyze(toolkit.load_corpus(root), progress=False)
    real = _real_news()
    if real is not None:
        out["real_news"] = []
    for fraction in args.fractions:
        for name in VARIANTS:
            errors = correction_error(results, root / "gold.jsonl", fraction=fraction, n_samples=args.samples,
                                      **VARIANTS[name])
            out["demo"].append(_summary(errors, fraction, args.samples, name))
            if real is not None:
                errors = correction_error(real[0], real[1], fraction=fraction, n_samples=args.samples,
                                          **VARIANTS[name])
                out["real_news"].append(_summary(errors, fraction, args.samples, name))
    print(json.dumps(out, indent=1))
    return 0


VARIANTS = {"default": {}, "power_tuned": {"power": None}, "finite_population": {"finite_population": True}}


def _summary(errors, fraction: float, samples: int, variant: str) -> dict:
    return {"fraction": round(fraction, 4), "variant": variant, "samples": samples,
            "n_annotated": int(errors["n_annotated"].iloc[0]),
            "mae_raw": round(float(errors["mae_raw"].mean()), 4),
            "mae_corrected": round(float(errors["mae_corrected"].mean()), 4),
            "mae_corrected_sd": round(float(errors["mae_corrected"].std()), 4),
            "corrected_better_share": round(float((errors["mae_corrected"] < errors["mae_raw"]).mean()), 3),
            "coverage_raw": round(float(errors["covered_raw"].mean()), 3),
            "coverage_corrected": round(float(errors["covered"].mean()), 3),
            "width_corrected": round(float(errors["width"].mean()), 4)}


def _real_news():
    """Results of the 30 real-quotes articles (analysed per corpus, with its flags) and their gold."""
    import toolkit
    from toolkit.corpus import Corpus
    from toolkit.paths import shared_path

    path = shared_path("gold", "real-quotes", "dev.jsonl")
    if path is None:
        return None
    gold = toolkit.load_annotations(path, id_column="doc_id")
    parts = []
    for name, ids in gold.groupby("corpus")["article_id"]:
        corpus = toolkit.load_corpus(shared_path("corpora", name))
        chosen = [corpus.get(i) for i in sorted(set(ids))]
        parts.append(toolkit.analyze(Corpus(chosen, name=name, alignment=corpus.alignment, flags=corpus.flags),
                                     progress=False))
    return toolkit.concat_results(parts), gold.drop(columns=["corpus"])


if __name__ == "__main__":
    raise SystemExit(main())
