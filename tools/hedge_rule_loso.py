"""Leave-one-set-out check of candidate hedge cue rules on the real-news spot sets (issue 20, round 5).

Usage: ``python tools/hedge_rule_loso.py [--rule NAME ...]`` for the finder's rules, ``python tools/hedge_rule_loso.py
--attachment [--rule NAME ...]`` for the attachment rules (``--rule`` once per rule; ``NARRATIVE_SHARED`` with the
shared corpora and the Szeged files). Round 15's finder rules are reproduced by
``python tools/hedge_rule_loso.py --rule "'potential' before a role-holder is no hedge"`` and
``python tools/hedge_rule_loso.py --rule "'so they could', 'ensure it could' state an aim, no hedge"``.

A finder candidate is one rule *kind*: either a change to the default lexicon's YAML text not shipped
(:data:`CANDIDATES`, a cue entry replaced, scored against the shipped lexicon), or a shipped rule, a
:class:`toolkit.validate.hedge_cv.Decision` named in :data:`SHIPPED` (or any decision given with ``--rule``), scored
against the lexicon with it undone (:func:`toolkit.validate.hedge_cv.without`, so no YAML text goes stale). For every
dev spot set (:data:`toolkit.validate.spot.DEV_SETS`, the 18 sets of round 15) held out in turn, the rule counts as
chosen when, on the other sets pooled, precision does not fall and no real hedge is lost; the held-out set's
precision and real kept with and without the rule are printed, and the records it removes (non-hedges and real
hedges) per set. Beside that: FactBank dev sentence F1 in each of the 5 document folds (the rule "kept" in a fold
when F1 on the other four folds does not fall, as :mod:`toolkit.validate.hedge_cv`) and WikiWeasel sentence F1
(second domain, never used to choose). A rule is worth shipping only when it is chosen in the leave-one-set-out
runs, helps on at least two sets it was not written from, loses no real hedge, keeps FactBank folds and WikiWeasel
>= 0.80.

Both checks score the finder's own matches, without the news hedge filter (:mod:`toolkit.hedge_filter`, fitted on
these sets: scoring a rule on top of it would judge the rule in-sample).

``--attachment`` checks the attachment rules of rounds 6, 9, 11, 12, 13, 14 and 15 (:data:`toolkit.hedge_claims.RULES`) the same
way over :data:`DEV_SETS`, on actor right (kept real hedges whose actor equals the label): each
rule is left out of the shipped set in turn, and per set the records it fixes and breaks are counted.
A rule counts as chosen with a set held out when, on the other sets pooled, it fixes a record and
breaks none; it is kept only when, so chosen, it fixes a record of a held-out set (it fixes records
in at least two sets) and breaks none anywhere. Round 6 read the wrong-actor records of all seven
sets before writing its rules, so a kept rule is one that records of two sets support
independently, not one tried on unread records. Round 11 (14 dev sets) did the same; its eight rules each fix
records in two or three sets and break none, while ``complement`` and ``speaker_after`` (round 6) now break one
train3 record each and ``short_forms`` fixes one set only (already so before round 11 for the first two), kept
as shipped. Round 12 (15 dev sets) added ``nested_belief``: fixes one record each in train2 and fresh8, breaks
none. Round 13 (16 dev sets) added ``raising_it`` (fixes one record each in fresh11 and fresh12) and ``cleft``
(train3 and fresh12), each breaking none; both were written after reading those sets' wrong-actor records, so
this is in-sample support. After the round-13 review narrowed ``raising_it`` to an expletive "it" (not before
"to", after a preposition, a speech verb or an actor mention of its clause) both still fix those records. Round 14
(17 dev sets) added ``attributive`` (fixes one record each in fresh6, train3 and fresh13, breaks none) and
``role_descriptions`` (one each in train3 and fresh13, breaks none), written after reading those records: in-sample
support too. Round 15 (18 dev sets) added ``unnamed_speaker`` (fixes one record each in fresh and train2),
``belief_verb`` (train3 and fresh8) and ``complement_holder`` (train3 and fresh11), each breaking none; all three
were written after reading the wrong-actor records of all 18 sets, so again in-sample support. After the round-15
review narrowed them (``unnamed_speaker`` not for a phrase naming a side, ``belief_verb`` not for "the suspects",
"think tank", a relative clause or a subject-less verb beside a speaker, ``complement_holder`` reading pronouns,
quantifiers and plural nouns in any case) each still fixes the same two records and breaks none.

Limits: each set has about 40 records, so one record moves a set's precision by about 0.03; the
rules are tested one at a time against the shipped lexicon (or the shipped attachment rules).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from toolkit.hedge_claims import RULES
from toolkit.hedging import DEFAULT_PATH, load_hedges
from toolkit.paths import shared_path
from toolkit.validate.hedge_cv import DECISIONS, FOLDS, KEEP_IN, sentence_f1, without
from toolkit.validate.spot import DEV_SETS, hedge_outcomes
from toolkit.validate.szeged import evaluate, read_gold

# (name, kind, old YAML text, new YAML text): each a rule kind not shipped, tried and dropped in earlier rounds.
CANDIDATES = (
    ("attitude 'viewed with'", "an attitude verb with 'with' (viewed with suspicion) states a feeling, no belief",
     "      - {cue: viewed, preceded_by: *passive}",
     "      - {cue: viewed, preceded_by: *passive, not_followed_by: [with]}"),
    ("status 'considered the'", "a passive opinion verb before 'the' + noun names a status (considered the favourite)",
     "      - {cue: considered, preceded_by: &passive",
     "      - {cue: considered, not_followed_by: [the], preceded_by: &passive"),
    ("desire 'could use'", "'could use a/some' (could use some help) voices a need, no possibility",
     "        not_followed_by: &could_fact [not, \"n't\", only, neither, hear, smell, taste, \"be heard\", "
     "\"be seen\"]",
     "        not_followed_by: &could_fact [not, \"n't\", only, neither, hear, smell, taste, \"be heard\", "
     "\"be seen\",\n                                      \"use a\", \"use some\"]"),
    ("anticipation 'can expect'",
     "'can/could expect' offers an anticipation (what voters can expect), no doxastic hedge",
     "      - {cue: expect, not_preceded_by: [\"what to\", ",
     "      - {cue: expect, not_preceded_by: [\"what to\", can, could, "),
    ("deeming after 'will/would be'", "'would be considered / will be seen as' states how an act will be judged",
     '      - seen as\n      # Passive verbs of opinion ("is widely regarded as", "was considered a threat").\n'
     "      - {cue: considered, preceded_by: &passive",
     "      - {cue: seen as, not_preceded_by: [\"will be\", \"would be\"]}\n"
     "      # Passive verbs of opinion (\"is widely regarded as\", \"was considered a threat\").\n"
     "      - {cue: considered, not_preceded_by: [\"will be\", \"would be\"], preceded_by: &passive"),
)

SHIPPED = ("'possibility' as a topic or an offer is no hedge",
           "a reduced 'if <participle>' is a policy's trigger, no hedge",
           "'potential' before a role-holder is no hedge", "'so they could', 'ensure it could' state an aim, no hedge")
"""The shipped decisions checked by default (rounds 5 and 15); ``--rule`` takes any name of :data:`DECISIONS`."""


def _variant(name: str, old: str, new: str, tmp: Path):
    text = DEFAULT_PATH.read_text(encoding="utf-8")
    if old not in text:
        raise SystemExit(f"candidate {name!r}: its line is not in the lexicon (update CANDIDATES): {old!r}")
    path = tmp / "hedges.yml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return load_hedges(path, extend=False)


def _set_scores(lexicon, corpora, loaded) -> dict:
    """Per dev set, of the finder's own matches: (records kept, real kept, real, indices of the non-hedges kept,
    indices of the real hedges kept)."""
    out = {}
    for name in DEV_SETS:
        rows = hedge_outcomes(corpora, name, loaded, lexicon, news_filter=False)  # the finder's own matches
        out[name] = (sum(h is not None for _r, h in rows), sum(r["real"] and h is not None for r, h in rows),
                     sum(r["real"] for r, _h in rows),
                     {i for i, (r, h) in enumerate(rows) if h is not None and not r["real"]},
                     {i for i, (r, h) in enumerate(rows) if h is not None and r["real"]})
    return out


def _prec(kept: int, real_kept: int) -> float:
    return real_kept / kept if kept else 0.0


def _fold_flags(sents, lexicon) -> list[list[tuple[bool, bool]]]:
    flags = [[] for _ in range(FOLDS)]
    for s in sents:
        flags[s.doc % FOLDS].append((bool(s.cues), any(h.category != "booster" for h in lexicon.find(s.text))))
    return flags


def _actor_hits(corpora, loaded, rules) -> dict:
    """Per set, the set of kept real records (by index) whose attached actor equals the label, and the kept real."""
    out = {}
    for name in DEV_SETS:
        rows = hedge_outcomes(corpora, name, loaded, rules=rules, news_filter=False)  # the finder's kept hedges
        kept = [i for i, (r, h) in enumerate(rows) if h is not None and r["real"]]
        out[name] = ({i for i in kept if rows[i][1].actor == rows[i][0]["actor"]}, len(kept))
    return out


def attachment(corpora, loaded, only: tuple[str, ...] = ()) -> None:
    """Leave each attachment rule (or each of ``only``) out in turn; print per set fixed / broken and the
    leave-one-set-out choice."""
    shipped = _actor_hits(corpora, loaded, RULES)
    print("shipped: " + "  ".join(f"{n.removeprefix('hedges_real').removesuffix('.jsonl') or '_'} {len(r)}/{k}"
                                  for n, (r, k) in shipped.items()))
    for rule in only or RULES:
        base = _actor_hits(corpora, loaded, tuple(x for x in RULES if x != rule))
        fixed = {n: len(shipped[n][0] - base[n][0]) for n in DEV_SETS}
        broken = {n: len(base[n][0] - shipped[n][0]) for n in DEV_SETS}
        chosen = {held: sum(fixed[n] for n in DEV_SETS if n != held) > 0
                  and not any(broken[n] for n in DEV_SETS if n != held) for held in DEV_SETS}
        helped = [n for n in DEV_SETS if chosen[n] and fixed[n]]
        keep = bool(helped) and not any(broken.values())
        print(f"\n{rule}: fixes {sum(fixed.values())}, breaks {sum(broken.values())}; helps {len(helped)} set(s) "
              f"held out; keep {keep}")
        for n in DEV_SETS:
            print(f"  {n}: fixed {fixed[n]} broken {broken[n]} ({len(base[n][0])} -> {len(shipped[n][0])} of "
                  f"{shipped[n][1]}); chosen with it held out {chosen[n]}")


def finder(corpora, gold, loaded, only: tuple[str, ...] = ()) -> None:
    """Score each finder candidate (or each of ``only``: candidate or decision names) against its baseline."""
    shipped = load_hedges()
    sents = read_gold(gold / "factbank-dev.xml")
    decisions = {d.name: d for d in DECISIONS}
    todo = only or (*(c[0] for c in CANDIDATES), *SHIPPED)
    with tempfile.TemporaryDirectory() as tmp:
        for name in todo:
            if name in decisions:  # shipped: scored against the lexicon without it
                why, base_lex, lex = decisions[name].why, without(shipped, (decisions[name],)), shipped
            else:
                _n, why, old, new = next(c for c in CANDIDATES if c[0] == name)
                base_lex, lex = shipped, _variant(name, old, new, Path(tmp))
            base, now = _set_scores(base_lex, corpora, loaded), _set_scores(lex, corpora, loaded)
            base_folds, folds = _fold_flags(sents, base_lex), _fold_flags(sents, lex)
            kept_in = sum(sentence_f1([f for j in range(FOLDS) if j != i for f in folds[j]])
                          >= sentence_f1([f for j in range(FOLDS) if j != i for f in base_folds[j]])
                          for i in range(FOLDS))
            wiki = [evaluate(gold / "wiki.xml", x)["sentence"]["f1"] for x in (base_lex, lex)]
            removed = {n: len(base[n][3] - now[n][3]) for n in DEV_SETS}
            lost = {n: len(base[n][4] - now[n][4]) for n in DEV_SETS}
            helped = []
            print(f"\n{name}: {why}\n  FactBank kept in {kept_in}/{FOLDS} folds; WikiWeasel {wiki[0]:.4f} -> "
                  f"{wiki[1]:.4f}")
            for held in DEV_SETS:
                others = [n for n in DEV_SETS if n != held]
                b = [sum(base[n][i] for n in others) for i in range(3)]
                a = [sum(now[n][i] for n in others) for i in range(3)]
                chosen = _prec(a[0], a[1]) >= _prec(b[0], b[1]) and a[1] == b[1]
                (bk, brk, r, *_b), (k, rk, *_k) = base[held], now[held]
                if chosen and removed[held] and not lost[held]:
                    helped.append(held)
                print(f"  held out {held}: chosen on the others {chosen} "
                      f"({_prec(b[0], b[1]):.3f} -> {_prec(a[0], a[1]):.3f}); held-out precision "
                      f"{_prec(bk, brk):.3f} -> {_prec(k, rk):.3f}, real kept {brk / r:.2f} -> {rk / r:.2f}; "
                      f"non-hedges removed {removed[held]}, real hedges lost {lost[held]}")
            news = len(helped) >= 2 and not any(lost.values())
            print(f"  non-hedges removed {sum(removed.values())}, real hedges lost {sum(lost.values())}; helps "
                  f"{len(helped)} set(s) held out ({', '.join(helped) or 'none'}); keep by the news sets {news}, "
                  f"with FactBank (kept in >= {KEEP_IN} folds) and WikiWeasel >= 0.80 "
                  f"{news and kept_in >= KEEP_IN and wiki[1] >= 0.80}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attachment", action="store_true", help="check the attachment rules (toolkit.hedge_claims)")
    finders = (*(c[0] for c in CANDIDATES), *(d.name for d in DECISIONS))
    parser.add_argument("--rule", action="append", default=[], metavar="NAME",
                        help="check only this rule (repeatable): an attachment rule with --attachment, else a finder "
                             "candidate or a decision name of toolkit.validate.hedge_cv.DECISIONS")
    args = parser.parse_args()
    allowed = RULES if args.attachment else finders
    bad = [r for r in args.rule if r not in allowed]
    if bad:
        parser.error(f"unknown rule(s) {bad}; choose from {list(allowed)}")
    corpora, gold = shared_path("corpora"), shared_path("gold/szeged-uncertainty")
    loaded: dict = {}
    if args.attachment:
        attachment(corpora, loaded, tuple(args.rule))
        return
    finder(corpora, gold, loaded, tuple(args.rule))


if __name__ == "__main__":
    main()
