"""Write ``toolkit/report/validity.json``: the headline validity figures the comparison report shows.

Scoring every gold set takes about a minute (``toolkit.validate.summary.headline`` and the label
validator, which scores every rule order), too long for each report run, so the comparison report
reads this snapshot and says when and at which commit it was made; ``notebooks/03_validity`` and
``python -m toolkit validate ...`` compute the figures live. Re-run after changing an extractor or
a lexicon::

    python tools/validity_snapshot.py

Needs the gold data under ``../shared`` (``NARRATIVE_SHARED``); absent sets are listed as skipped.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import subprocess
from pathlib import Path

from toolkit.validate import labels
from toolkit.validate.summary import headline

OUT = Path(__file__).resolve().parent.parent / "toolkit" / "report" / "validity.json"


def _clean(value):
    return None if isinstance(value, float) and math.isnan(value) else value


def main() -> None:
    rows = [{k: _clean(v) for k, v in r.items()} for r in headline().to_dict("records")]
    try:
        sets = labels.evaluate()["sets"]
    except FileNotFoundError:
        sets = {}
    for which, name in (("real", "hand-annotated real articles (dev)"),
                        ("fresh5", "fresh-5 real articles (held out: no rule chosen on them)"),
                        ("demo", "demo corpus (constructed)")):
        if which not in sets:
            continue
        f = sets[which]["all"]
        for metric in ("precision", "recall"):
            rows.append({"measure": "labels (label -> camp)", "gold set": name,
                         "metric": metric, "value": round(f[metric], 3), "baseline": None,
                         "target": 0.90 if metric == "precision" else 0.85,
                         "meets target": f[metric] >= (0.90 if metric == "precision" else 0.85)})
    commit = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], capture_output=True, text=True,
                            cwd=OUT.parent).stdout.strip()
    OUT.write_text(json.dumps({"made": dt.date.today().isoformat(), "commit": commit, "rows": rows}, indent=1) + "\n",
                   encoding="utf-8")
    print(f"wrote {OUT} ({len(rows)} rows)")


if __name__ == "__main__":
    main()
