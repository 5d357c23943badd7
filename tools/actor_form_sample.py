"""A seeded random sample of one actor form's matches in the real corpora, to judge its precision by hand.

Usage: ``python tools/actor_form_sample.py [FORM] [--n 30] [--seed 15] [--out /tmp/actor_form_sample.txt]``
(``NARRATIVE_SHARED`` with the shared corpora; default form "the administration", compared case-blind).

Every mention whose matched text is FORM (what :func:`toolkit.actors.find_mentions` keeps, so the local rules
apply: an anaphor only after a full mention, not before "of"/"in" + another camp) is collected over the
articles of every corpus under ``corpora/``; ``--n`` of them are drawn with :class:`random.Random` (``--seed``)
and written, each with 200 characters either side and the actor it was given, to ``--out``: outside the
repository, since the text is other people's. The counts are printed; the judging is by hand (a reader marks
each window right or wrong) and the precision so found goes into the lexicon's comment with this command.

Limits: one reader's judgement; 30 windows give precision to about +/-0.1 (binomial, 95%).
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from toolkit.actors import find_mentions, load_actors
from toolkit.paths import shared_root
from toolkit.validate.gold_text import read_corpus


def matches(form: str, lex, articles) -> list[tuple[str, str, int, int, str]]:
    """(corpus, article id, start, end, actor) of every kept mention whose text is ``form`` (case-blind) in
    ``articles``, (corpus name, article) pairs."""
    return [(corpus, art.id, m.start, m.end, m.actor) for corpus, art in articles
            for m in find_mentions(art.text, lex) if m.text.casefold() == form.casefold()]


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("form", nargs="?", default="the administration")
    ap.add_argument("--n", type=int, default=30)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--out", default="/tmp/actor_form_sample.txt")
    args = ap.parse_args(argv)
    folders = sorted(p for p in (shared_root() / "corpora").iterdir() if p.is_dir())
    articles = [(f.name, a) for f in folders for a in read_corpus(f)]  # each corpus read once
    found = matches(args.form, load_actors(), articles)
    texts = {(corpus, a.id): a.text for corpus, a in articles}
    drawn = random.Random(args.seed).sample(found, min(args.n, len(found)))
    with Path(args.out).open("w", encoding="utf-8") as fh:
        for i, (corpus, aid, s, e, actor) in enumerate(drawn, 1):
            t = texts[(corpus, aid)]
            fh.write(f"[{i}] {corpus} {aid} -> {actor}\n...{t[max(0, s - 200):s]}[[{t[s:e]}]]{t[e:e + 200]}...\n\n")
    print(f"{len(found)} kept matches of {args.form!r} in {len(folders)} corpora; {len(drawn)} drawn "
          f"(seed {args.seed}) -> {args.out}")


if __name__ == "__main__":
    main()
