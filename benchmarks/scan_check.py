"""``toolkit.text.scan`` against ``finditer`` on every text of the shared corpora, for the label patterns.

The label lexicon's term and state patterns open with a lookbehind, so ``re`` tries them at every
position; ``scan`` tries them only where a term, prefix or state name begins (``_regex_starts``,
``_states_starts``). This checks, on every article of ``$NARRATIVE_SHARED/corpora`` (their masked,
quote-normalised text, as :func:`toolkit.labels.find_labels` reads it), that both give the same
matches (spans and groups; whole texts and texts cut at half their length) and prints the CPU
seconds of each.

Usage: ``python benchmarks/scan_check.py`` (exit status 1 when a text differs).
"""

from __future__ import annotations

import argparse
import sys
import time


def main() -> None:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    from toolkit.corpus import load_corpus
    from toolkit.labels import load_labels
    from toolkit.paths import shared_path
    from toolkit.text import normalize_quotes, scan

    root = shared_path("corpora")
    if root is None:
        sys.exit("no shared corpora (set NARRATIVE_SHARED)")
    texts = [normalize_quotes(a.masked_text) for folder in sorted(p for p in root.iterdir() if p.is_dir())
             for a in load_corpus(folder)]
    lex = load_labels()
    differ = 0
    for name, pattern, starts in (("terms", lex.term_pattern, lex.term_starts), ("states", lex.states_pattern, lex.states_starts)):
        c0 = time.process_time()
        want = [[(m.span(), m.groupdict()) for m in pattern.finditer(t)] for t in texts]
        c1 = time.process_time()
        got = [[(m.span(), m.groupdict()) for m in scan(pattern, starts, t)] for t in texts]
        c2 = time.process_time()
        cut = sum([m.span() for m in pattern.finditer(t, 0, len(t) // 2)] != [m.span() for m in scan(pattern, starts, t, 0, len(t) // 2)]
                  for t in texts)
        bad = sum(w != g for w, g in zip(want, got)) + cut
        differ += bad
        print(f"{name}: {sum(map(len, want)):,} matches in {len(texts):,} texts, {bad} texts differ; "
              f"finditer {c1 - c0:.3f} CPU s, scan {c2 - c1:.3f} CPU s")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
