"""Load and filter times of the evidence explorer in headless Chromium, on the real corpora or invented rows.

Builds the explorer page (``toolkit.explorer.write_explorer``) from the three shared corpora (FA-KES,
AllSides-Syria, Sputnik; analysed through the cache) or, with ``--demo-copies N``, from N copies of
the demo corpus's rows; then opens it in headless Chromium (``tests/report_browser.py``) and times
the load (decode of the embedded payload, filters built, first page rendered: until
``document.body.dataset.ready``) and each filter change (filter loop and first page, measured in
the page with ``performance.now()``). The filters of :data:`FILTERS` are set one after another, so
they add up (``type=`` clears the type again). The target (issue 19): filtering in under a second.

Usage: ``python benchmarks/explorer.py [--demo-copies 300] [--repeat 3] [--no-evidence-words]``
(prints one line per step and a JSON summary; needs ``chromium``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import toolkit
from toolkit.explorer import write_explorer
from toolkit.paths import shared_path

TESTS = Path(__file__).resolve().parent.parent / "tests"
FILTERS = [("type", "quote"), ("camp", "russia"), ("alignment", "us_western"), ("measure", "distancing_verbs"),
           ("type", ""), ("camp", "opposition"), ("type", "mention")]


def _parts(demo_copies: int | None):
    if demo_copies:
        from report_fixtures import demo_results, repeated

        return [repeated(demo_results(), demo_copies)]
    names = ("fakes", "allsides-syria", "sputnik-seededlda")
    paths = [shared_path("corpora", n) for n in names]
    if not all(paths):
        raise SystemExit("the shared corpora are absent: use --demo-copies N")
    return [toolkit.analyze(toolkit.load_corpus(p), progress=False) for p in paths]


def _set(browser, name: str, value: str) -> tuple[int, float]:
    out = browser.evaluate(
        f"(() => {{ const s = document.getElementById('f-{name}'); s.value = {value!r}; "
        "s.dispatchEvent(new Event('change')); return [Number(document.body.dataset.count), "
        "Number(document.body.dataset.filterMs)]; })()")
    return int(out[0]), float(out[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--demo-copies", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-evidence-words", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(TESTS))  # the DevTools client lives with the tests (the package makes no network calls)
    from report_browser import Browser

    parts = _parts(args.demo_copies)
    path = Path(tempfile.mkdtemp()) / "explorer.html"
    t0, c0 = time.monotonic(), os.times()
    write_explorer(parts, path, evidence_words=not args.no_evidence_words)
    c1 = os.times()
    write_s, write_cpu = time.monotonic() - t0, (c1.user + c1.system) - (c0.user + c0.system)
    print(f"written {path.stat().st_size / 1e6:.1f} MB in {write_s:.1f} s ({write_cpu:.1f} CPU s)")
    loads, filters, counts = [], {}, {}
    with Browser() as browser:
        for _ in range(args.repeat):
            start = time.monotonic()
            errors = browser.open(path)
            browser.wait_for("document.body.dataset.ready === '1'", timeout=120)
            loads.append(time.monotonic() - start)
            assert not errors, errors
            total = int(browser.evaluate("document.body.dataset.count"))
            for name, value in FILTERS:
                n, ms = _set(browser, name, value)
                filters.setdefault(f"{name}={value}", []).append(ms)
                counts[f"{name}={value}"] = n
    summary = {"rows": total, "mb": round(path.stat().st_size / 1e6, 1), "write_s": round(write_s, 1),
               "write_cpu_s": round(write_cpu, 1), "load_s_median": round(statistics.median(loads), 2),
               "filter_ms_max": round(max(max(v) for v in filters.values()), 1),
               "filters": {k: {"rows": counts[k], "ms_median": round(statistics.median(v), 1)} for k, v in filters.items()},
               "load_average": os.getloadavg()[0]}
    print(f"{total} rows; load (decode, filters, first page) median {summary['load_s_median']} s over {args.repeat}")
    for k, v in summary["filters"].items():
        print(f"  filter {k:<28} -> {v['rows']:>7} rows in {v['ms_median']} ms (median)")
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
