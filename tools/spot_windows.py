"""Print the text windows of a real-news spot set for blind second annotation (issue 20, item 5).

Usage: ``python tools/spot_windows.py NAME [--first N]`` (``NAME``: a file of ``toolkit/validate/gold/``;
texts from ``NARRATIVE_SHARED``/corpora). For each record it prints only its key (corpus, doc_id, start,
end), the span text and the window the first annotator labelled from: for hedge sets the masked text 260
characters before and 200 after the span (as ``tools/draw_spot_sets.py`` showed it), for portrayal sets the
span's sentence (:func:`toolkit.sentiment.context.sentence_of`). The first annotator's fields (``real``,
``why``, ``role``, ``actor``, ``label``, ``place``, ``how``, ``drawn_*``) are never printed, so the second
labels are blind. The output is shared text: read it, never commit it.
"""

from __future__ import annotations

import argparse

from toolkit.paths import shared_path
from toolkit.sentiment.context import sentence_of
from toolkit.validate.spot import read_spot

KEY = ("corpus", "doc_id", "start", "end")


def window(name: str, text: str, start: int, end: int) -> tuple[int, int]:
    """The shown window of a record: the sentence for portrayal sets, 260 before / 200 after for hedge sets."""
    if name.startswith("portrayal"):
        return sentence_of(text, start, end)
    return max(0, start - 260), min(len(text), end + 200)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("name")
    ap.add_argument("--first", type=int, default=None, help="only the first N records")
    args = ap.parse_args()
    spot = read_spot(args.name, shared_path("corpora"))[: args.first]
    for i, (r, article) in enumerate(spot):
        text, s, e = article.masked_text, r["start"], r["end"]
        lo, hi = window(args.name, text, s, e)
        print(f"#{i} " + " ".join(f"{k}={r[k]}" for k in KEY) + f" span={text[s:e]!r}")
        print("   " + (text[lo:s] + "[[" + text[s:e] + "]]" + text[e:hi]).replace("\n", " / "))


if __name__ == "__main__":
    main()
