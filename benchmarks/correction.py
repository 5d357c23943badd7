"""Do corrected quote shares hold? Simulation coverage and the demo corpus's raw vs corrected error.

1. Simulation (``toolkit.comparison.simulation``): corpora of ``--articles`` articles with known camp
   shares and a camp-biased extractor; per labelled-sample size, the coverage of the raw (article
   bootstrap over extracted quotes) and corrected (prediction-powered) 95% intervals per camp over
   ``--draws`` draws, and the corrected interval's mean width.
2. Demo (``corpora/demo``, gold for every article): the mean absolute error of the raw and corrected
   shares against the full-gold shares, over camps and ``--samples`` random annotated samples of each
   ``--fractions`` of the articles (``toolkit.comparison.correction_error``), with the spread over
   samples and the share of samples where the corrected error is the smaller.

Usage: ``python benchmarks/correction.py [--draws 1000] [--samples 50]`` (run from the repository root;
about 2 minutes with the defaults on one core). Prints one JSON object.
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
    args = parser.parse_args()

    import toolkit
    from toolkit.comparison import correction_error
    from toolkit.comparison.simulation import coverage_study

    out: dict = {"simulation": [], "demo": []}
    for n in args.labelled:
        study = coverage_study(n_articles=args.articles, n_labelled=n, draws=args.draws, seed=0, n_resamples=500)
        per_camp = study.groupby("camp")[["raw_covers", "covers", "width"]].mean()
        out["simulation"].append({
            "n_labelled": n, "n_articles": args.articles, "draws": args.draws,
            "true_shares": [round(t, 3) for t in study.groupby("camp")["truth"].first()],
            "raw_coverage": [round(v, 3) for v in per_camp["raw_covers"]],
            "corrected_coverage": [round(v, 3) for v in per_camp["covers"]],
            "corrected_coverage_all": round(float(study["covers"].mean()), 3),
            "corrected_width": [round(v, 4) for v in per_camp["width"]]})

    root = Path(__file__).resolve().parent.parent / "corpora" / "demo"
    results = toolkit.analyze(toolkit.load_corpus(root), progress=False)
    for fraction in args.fractions:
        errors = correction_error(results, root / "gold.jsonl", fraction=fraction, n_samples=args.samples)
        out["demo"].append({
            "fraction": round(fraction, 4), "samples": args.samples,
            "n_annotated": int(errors["n_annotated"].iloc[0]),
            "mae_raw": round(float(errors["mae_raw"].mean()), 4),
            "mae_corrected": round(float(errors["mae_corrected"].mean()), 4),
            "mae_corrected_sd": round(float(errors["mae_corrected"].std()), 4),
            "corrected_better_share": round(float((errors["mae_corrected"] < errors["mae_raw"]).mean()), 3),
            "coverage_raw": round(float(errors["covered_raw"].mean()), 3),
            "coverage_corrected": round(float(errors["covered"].mean()), 3)})
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
