"""Real-news spot checks: hand-labelled hedges and mentions drawn at random from the shared corpora.

Gold (``toolkit/validate/gold/``; offsets, text length and SHA-256 only, the texts are read from
``shared/corpora``):

* ``hedges_real.jsonl``: 40 hedge records (not boosters) drawn with seed 20 by
  ``tools/draw_spot_sets.py``, one per random article of FA-KES, AllSides-Syria and Sputnik, by
  the code before the hedge changes of issue 20; each labelled ``real`` (a hedge: the writer or
  speaker qualifies a claim) or not (with ``why``: attribution, ability modal, compound noun ...)
  and, when real, the claim's ``actor`` (lexicon id, ``null`` for none or an unlisted one).
* ``hedges_real_fresh.jsonl``: 40 more hedge records, drawn with seed 22 by the same tool
  (``--by-alignment``: articles taken in turn from each outlet alignment, so every camp's outlets
  are in it; none of the first set's articles) by the code of commit f0dbe8d, labelled by the same
  guide before any later rule change; read while fixing attachment errors since, so now dev.
* ``hedges_real_fresh2.jsonl``: 40 more, seed 23, ``--by-alignment``, none of the first two sets'
  articles, drawn by the code of commit e721c18 and labelled by the same guide before any rule
  change it scores; held out in the second round of issue 20, read after it: dev since.
* ``hedges_real_fresh3.jsonl``: 40 more, seed 24, ``--by-alignment``, none of the first three sets'
  articles, drawn by the code of commit f3ea5de and labelled by the same guide before any rule
  change it scores, from the text window alone (the drawn category, actor and role hidden); held
  out in round 3, read in round 4: dev since.
* ``hedges_real_fresh4.jsonl``: 40 more, seed 25, ``--by-alignment``, none of the first four sets'
  articles, drawn by the code of commit 5452862 and labelled the same way (text window alone)
  and committed before any rule change of round 4; held out in round 4, read in round 5: dev since.
* ``hedges_real_fresh5.jsonl``: 40 more, seed 26, ``--by-alignment``, none of the first five sets'
  articles, drawn by the code of commit 9e61234 and labelled the same way (text window alone)
  and committed before any rule change of round 5; held out in round 5 (scored once), read in
  round 6: dev since.
* ``hedges_real_train.jsonl``: 120 more, seed 30, ``--by-alignment``, none of the six sets above's
  articles, drawn by the code of commit 9e61234 and labelled the same way; for training and
  cross-validating hedge filters: dev.
* ``hedges_real_train2.jsonl``: 120 more, seed 32, ``--by-alignment``, none of the seven sets above's nor
  fresh6's articles, drawn by the code of commit c46a299 and labelled the same way (text window alone) by
  another hand; for training and cross-validating the news hedge classifier: dev.
* ``hedges_real_fresh6.jsonl``: 40 more, seed 31, ``--by-alignment``, none of the seven sets above's
  articles, drawn by the code of commit c46a299 and labelled the same way (text window alone) and
  committed before any rule change of round 6; held out in round 6 (scored once), read in round 7:
  dev since.
* ``hedges_real_fresh7.jsonl``: 40 more, seed 33, ``--by-alignment``, none of the nine sets above's
  articles, drawn by the code of commit 33f6bb0 and labelled the same way (text window alone) and
  committed before any rule change of round 7; held out in rounds 7 and 8 (its actor right was printed once
  by accident in round 7; scored once, at 52dc611, in round 8): dev since.
* ``hedges_real_train3.jsonl``: 200 more, seed 34, ``--by-alignment``, none of the nine sets above's nor
  fresh7's articles, drawn by the code of commit 33f6bb0 and labelled the same way (text window alone) by
  another hand; for training and cross-validating the news hedge filter: dev.
* ``hedges_real_fresh8.jsonl``: 40 more, seed 35, ``--by-alignment``, none of the eleven sets above's
  articles, drawn by the code of commit 404cbd9 and labelled the same way (text window alone) and
  committed before any later rule change; held out in round 8 (scored once, at 52dc611): dev since.
* ``hedges_real_fresh9.jsonl``: 40 more, seed 36, ``--by-alignment``, none of the twelve sets above's
  articles, drawn by the code of commit c80957f and labelled the same way (text window alone) and
  committed alone before any later rule change; held out in round 9 (scored once, at 2a04771): dev since.
* ``hedges_real_fresh10.jsonl``: 40 more, seed 37, ``--by-alignment``, none of the thirteen sets above's
  articles, drawn by the code of commit 1e50193 and labelled the same way (text window alone) and
  committed alone before any later rule change; held out in round 10 (scored once, at 5f5ab49): dev since.
* ``hedges_real_fresh11.jsonl`` (and ``second_hedges_real_fresh11.jsonl``): 40 more, seed 38, ``--by-alignment``,
  none of the fourteen sets above's articles, drawn by the code of commit d40cbe5 after round 10's held-out set
  was scored, labelled the same way (text window alone) by two annotators and committed alone, unregistered,
  before any later rule change; registered in round 11 before any rule change; held out in round 11 (scored
  once, at 1079c3d): dev since.
* ``hedges_real_fresh12.jsonl`` (and ``second_hedges_real_fresh12.jsonl``): 40 more, seed 39, ``--by-alignment``,
  none of the fifteen sets above's articles, drawn by the code of commit 98f8db2 after round 11's held-out set was
  scored, labelled the same way (text window alone) by two annotators and committed alone, unregistered, before
  any later rule change; registered in round 12 before any rule change; held out in round 12 (scored once, at
  881c744): dev since.
* ``hedges_real_fresh13.jsonl`` (and ``second_hedges_real_fresh13.jsonl``): 40 more, seed 40, ``--by-alignment``,
  none of the sixteen sets above's articles, drawn by the code of commit 9200055 (round 12, before its rule
  changes), labelled the same way (text window alone) by two annotators and committed alone, unregistered, before
  any later rule change; registered in round 13 before any rule change; held out in round 13 (scored once, at
  5cdebe7): dev since.
* ``hedges_real_fresh14.jsonl`` (and ``second_hedges_real_fresh14.jsonl``): 40 more, seed 41, ``--by-alignment``,
  none of the seventeen sets above's articles, drawn by the code of commit d2e6d69 (round 13, before its rule
  changes), labelled the same way (text window alone, under the round-13 convention below) by two annotators and
  committed alone (agreement, labels only, measured then: ``real`` 0.975 / kappa 0.94, n 40, one disagreement, an
  ability-or-possibility "could"; ``actor`` 24/27 / kappa 0.84, the three differences named state bodies the
  lexicon lacks, taken as the generic government by one annotator and ``null`` by the other), unregistered, before
  any later rule change; registered in round 14 before any rule change; held out in round 14 (scored once, at
  dd48739): dev since.
* ``hedges_real_fresh15.jsonl`` (and ``second_hedges_real_fresh15.jsonl``): 40 more, seed 42, ``--by-alignment``,
  none of the eighteen sets above's articles, drawn by the code of commit 1960972 (round 14, before its rule
  changes), labelled the same way (text window alone, under the round-13 and round-14 conventions below) by two
  annotators and committed alone (agreement, labels only, measured then: ``real`` 0.975 / kappa 0.95, n 40, one
  disagreement, a "potential" before a risk noun; ``actor`` 20/24 / kappa 0.80: the Russian military as the government
  or its defence ministry, an unnamed party as ``null`` or the Syrian government, a UN body the lexicon lacks as the
  UN or its agencies, anonymous security sources as a guessed state or ``unnamed_source``), unregistered, before any later rule
  change; registered in round 15 before any rule change; never read to choose one: held out.
* ``hedges_real_fresh16.jsonl`` (and ``second_hedges_real_fresh16.jsonl``): 40 more, seed 43, ``--by-alignment``,
  none of the nineteen sets above's articles, drawn by the code of commit f52cdba (round 15, before its rule
  changes), labelled the same way (text window alone, under the conventions below up to round 15's) by two
  annotators and committed alone (agreement, labels only, measured then: ``real`` 0.975 / kappa 0.94, n 40, one
  disagreement, a "possible" before a noun of future deliveries as a topic or a hedge; ``actor`` 26/28 / kappa 0.89:
  a subjectless "appeared to" given to the officials of its clause or to the leader behind the act, and a speaker
  only named by a pronoun in the window given as ``null`` or inferred); **not registered** in :data:`HEDGE_SETS`, so
  no command scores it: round 16 registers it as its held-out set before any rule change.
  The held-out sets are the ones named in :data:`HELD_OUT` (fresh15; :data:`PORTRAYAL_HELD_OUT`
  for portrayal), not told by their descriptions. ``validate hedging`` prints each set, the eighteen dev sets
  pooled (1040, :data:`DEV_SETS`: every set but the held-out ones) and all nineteen pooled (1080).
* ``portrayal_real.jsonl``: 40 outlet mentions (outside quotes) drawn with seed 21 the same way,
  labelled with the outlet's portrayal of the actor in that sentence (``place``: the mention is a
  place, not the actor); read while changing the portrayal rules: dev.
* ``portrayal_fresh.jsonl``: 40 more, seed 27, none of the first set's articles, drawn by the code
  of commit 9e61234 and labelled the same way from the sentence alone (the drawn label hidden),
  committed before any later portrayal change; held out in round 3 (scored once): dev since.
* ``portrayal_fresh2.jsonl``: 40 more, seed 28, none of the first two sets' articles, drawn by the
  code of commit c46a299 and labelled the same way from the sentence alone (the drawn label hidden),
  committed before any later portrayal change; held out until round 15 (scored at the ends of rounds, never read
  to choose a change): dev since.
* ``portrayal_fresh3.jsonl`` (and ``second_portrayal_fresh3.jsonl``): 40 more, seed 29, ``--by-alignment``, none of
  the first three sets' articles, drawn by the code of commit 01b5d0d (round 15, a round with no portrayal change)
  and labelled the same way from the sentence alone by two annotators (agreement, labels only, measured then:
  ``label`` 38/40, kappa 0.89), committed and registered in round 15 before any later portrayal change; never read
  to choose one: held out.

Conventions the first annotator followed (written down after a blind second annotator,
:mod:`toolkit.validate.agreement`, read 120 records differently mostly on these): a conditional on
a predicted outcome ("if the talks fail, ...") is a hedge, a rule-like or commitment "if" ("return
fire if attacked") is not; an unattributed "according to (media) reports" is a real hedge (the
writer distances the claim), a named source ("according to the ministry") is attribution, not a
hedge; the ``actor`` of the writer's own distancing hedge is the actor whose claim or standing is
distanced, and ``null`` when the speaker is not in the actor lexicon. Clarified in round 7 from the
fresh6/fresh7 second annotations: "apparent" meaning seeming is a hedge, meaning evident is not
(``other_sense``); a negated evidential that denies a claim ("showed no evidence of") is not a hedge,
"little or no clear evidence" is; an anonymous source whose side is known ("officials" of a named
government) gets that side's generic actor, and ``unnamed_source`` is only for a source with no side;
a hedge held jointly by coordinated actors goes to the first one named; an unattributed "suspected X
by Y" is the writer distancing Y's action (actor Y), while a sentence agent's own suspicion ("A
suspects ...") is that agent's. Clarified in round 8 from the fresh8 second annotation: a belief or
suspicion verb inside another speaker's reported speech ("B said that A believes ...") is held by its
own subject A, not by the speaker B; "the possible N" as the object of a discussion ("to discuss the
possible N") names a topic (``topic_phrase``), not a hedge. Clarified in round 9 from the fresh9 second
annotation: an "if" naming the case in which an actor would act ("will strike if the convoy moves") is
rule-like, as a commitment "if" is; the writer's hedge over coordinated complements takes the actor of the
first complement that names one; a question in a headline or video title is ``question`` unless it states
its own answer (``rhetorical``); the writer's hedge about a subject the lexicon lacks has role
``distancing`` and actor ``null``. Clarified in round 13 from the fresh13 second annotation (its five
``real`` disagreements were all belief or opinion verbs): a belief verb ("think", "believe", "doubt",
"suspect") is the holder's own hedge when what it governs is a claim of fact that may turn out true or false
("believes the convoy was hit", "doubts the talks will open"); when it governs a judgement, a recommendation or
what ought to be done ("believes the force should withdraw", "considered the deal a mistake", "does not think
it fair") it states a view, not uncertainty (``assessment_verb``); "suggest" meaning propose ("suggested a
meeting") is ``other_sense``. fresh13's first labels predate this and stand. Clarified in round 14 from the
fresh14 second annotation (its three ``actor`` disagreements): a named state body the lexicon lacks (a ministry,
agency, office, committee or command of a state) takes that state's generic actor (``us_government``,
``russian_government``, ``syrian_government``, ``iran_government``, ``turkey_government``, or the country's own id,
``britain``, ``france``), as an anonymous official of that state does; ``null`` only when the lexicon has no actor
for that state. fresh14's labels predate this and stand. Clarified in round 15 from the fresh15 second annotation
(its four ``actor`` disagreements): a state's armed forces take the lexicon's actor for them where it has one (the
Russian military is ``russian_defense_ministry``, the Syrian one ``syrian_army``), else that state's generic actor; a
UN body the lexicon lacks (an agency, office, commission or mission of the UN) takes ``un_agencies``, the UN as a whole
and its unnamed officials ``united_nations``; an anonymous security, military or intelligence source takes the side
the text names for it (its qualifier or its sentence: "a Ruritanian military source" is Ruritania's generic actor),
and ``unnamed_source`` when the text names none, never a side guessed from the outlet; a party the text leaves
unnamed ("those responsible", "the attackers") is ``null``. fresh15's labels predate this and stand.
Second-annotator agreement (kappa) is
printed under the spot sets by ``validate hedging`` and ``validate sentiment``.

Each set was labelled before any change it scores, so the ``as drawn`` figures are the untouched
ones. The current code is scored on the same records: a drawn hedge is ``kept`` when the current
finder returns a hedge overlapping it. Hedge precision = real kept / kept; real kept = real kept /
real (what the changes cost in recall); actor right = kept real hedges whose
:func:`toolkit.hedge_claims.attribute_hedges` actor equals the label / kept real. Rules changed
after reading the dev sets were tuned on them, so their current figures are dev figures on 40
items each (one record moves precision by about 0.03); only the held-out sets' are not.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..actors import find_mentions, load_actors
from ..hedge_claims import RULES, attribute_hedges
from ..hedge_filter import FILTERED, filter_claims, load_filter
from ..hedging import NOT_HEDGES, find_hedges
from ..quotes import extract_quotes, load_verbs
from ..sentiment import LABELS, portrayal
from .agreement import SECOND_SETS
from .agreement import report as agreement_report
from .gold_text import gold_articles
from .metrics import accuracy, macro_f1

__all__ = ["GOLD_DIR", "HEDGE_SETS", "DEV_SETS", "HELD_OUT", "PORTRAYAL_SETS", "PORTRAYAL_HELD_OUT", "read_spot", "hedge_outcomes", "summarise_hedges", "score_hedges", "score_portrayal", "report_hedges", "report_portrayal"]

GOLD_DIR = Path(__file__).resolve().parent / "gold"


def read_spot(name: str, corpora: str | Path, loaded: dict | None = None) -> list[tuple[dict, object]]:
    """The records of ``gold/<name>`` with their articles from ``corpora`` (checked by length and SHA-256;
    ``loaded``: the corpora already read, shared across sets, :func:`toolkit.validate.gold_text.gold_articles`).

    Raises:
        LookupError: a document is missing or its text differs from the labelled one.
    """
    rows = [json.loads(line) for line in (GOLD_DIR / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    return list(gold_articles(rows, corpora, loaded))


HEDGE_SETS = {
    "hedges_real.jsonl": "seed 20; drawn by the code before issue 20; rules read on these records: dev",
    "hedges_real_fresh.jsonl": "seed 22, by outlet alignment; drawn by commit f0dbe8d; rules read on these records "
                               "since: dev",
    "hedges_real_fresh2.jsonl": "seed 23, by outlet alignment; drawn by commit e721c18; held out in round 2, "
                                "read since: dev",
    "hedges_real_fresh3.jsonl": "seed 24, by outlet alignment; drawn by commit f3ea5de; held out in round 3, "
                                "read since: dev",
    "hedges_real_fresh4.jsonl": "seed 25, by outlet alignment; drawn by commit 5452862; held out in round 4, "
                                "read in round 5: dev since",
    "hedges_real_fresh5.jsonl": "seed 26, by outlet alignment; drawn by commit 9e61234; held out in round 5, "
                                "scored once; read in round 6: dev since",
    "hedges_real_train.jsonl": "120 records, seed 30, by outlet alignment; drawn by commit 9e61234; for training "
                               "and CV of hedge filters: dev",
    "hedges_real_train2.jsonl": "120 records, seed 32, by outlet alignment; drawn by commit c46a299; for training "
                                "and CV of the news hedge classifier: dev",
    "hedges_real_fresh6.jsonl": "seed 31, by outlet alignment; drawn by commit c46a299; held out in round 6, "
                                "scored once; read in round 7: dev since",
    "hedges_real_train3.jsonl": "200 records, seed 34, by outlet alignment; drawn by commit 33f6bb0; for training "
                                "and CV of the news hedge filter: dev",
    "hedges_real_fresh7.jsonl": "seed 33, by outlet alignment; drawn by commit 33f6bb0, labelled before any later "
                                "rule; held out in rounds 7 and 8, scored once at 52dc611: dev since",
    "hedges_real_fresh8.jsonl": "seed 35, by outlet alignment; drawn by commit 404cbd9, labelled before any later "
                                "rule; held out in round 8, scored once at 52dc611: dev since",
    "hedges_real_fresh9.jsonl": "seed 36, by outlet alignment; drawn by commit c80957f, labelled before any later "
                                "rule; held out in round 9, scored once at 2a04771: dev since",
    "hedges_real_fresh10.jsonl": "seed 37, by outlet alignment; drawn by commit 1e50193, labelled before any later "
                                 "rule; held out in round 10, scored once at 5f5ab49: dev since",
    "hedges_real_fresh11.jsonl": "seed 38, by outlet alignment; drawn by commit d40cbe5, labelled before any later "
                                 "rule; held out in round 11, scored once at 1079c3d: dev since",
    "hedges_real_fresh12.jsonl": "seed 39, by outlet alignment; drawn by commit 98f8db2, labelled before any later "
                                 "rule; held out in round 12, scored once at 881c744: dev since",
    "hedges_real_fresh13.jsonl": "seed 40, by outlet alignment; drawn by commit 9200055, labelled before any later "
                                 "rule; held out in round 13, scored once at 5cdebe7: dev since",
    "hedges_real_fresh14.jsonl": "seed 41, by outlet alignment; drawn by commit d2e6d69, labelled before any later "
                                 "rule; held out in round 14, scored once at dd48739: dev since",
    "hedges_real_fresh15.jsonl": "seed 42, by outlet alignment; drawn by commit 1960972, labelled before any later "
                                 "rule; never read to choose one: held out",
}
HELD_OUT = ("hedges_real_fresh15.jsonl",)
DEV_SETS = tuple(name for name in HEDGE_SETS if name not in HELD_OUT)  # every registered set but the held-out ones


def article_claims(article, actors, verbs, hedges: object = None, rules: object = None) -> tuple:
    """One article's ``(text, hedges, quotes, claims)`` as the pipeline finds them, before the news hedge filter:
    the masked text, the finder's hedges (no boosters or reports of a charge), the quotes and
    :func:`toolkit.hedge_claims.attribute_hedges`'s claims (``rules``: :data:`toolkit.hedge_claims.RULES` when
    ``None``). Shared by :func:`hedge_outcomes` and the filter's CV (``tools/hedge_filter_cv.py``)."""
    text = article.masked_text
    found = [h for h in find_hedges(text, hedges) if h.category not in NOT_HEDGES]
    quotes = extract_quotes(article, actors=actors, verbs=verbs)
    claims = attribute_hedges(text, found, quotes, find_mentions(text, actors), actors,
                              RULES if rules is None else rules)
    return text, found, quotes, claims


def hedge_outcomes(corpora: str | Path, name: str = "hedges_real.jsonl",
                   loaded: dict | None = None, hedges: object = None, rules: object = None,
                   news_filter: bool = True, claims_of: dict | None = None) -> list[tuple[dict, object]]:
    """Each record of ``gold/<name>`` with the current finder's overlapping claim (a ``HedgeClaim`` or ``None``;
    a reporting verb, role ``reporting``, is no hedge found, nor one the news hedge filter drops,
    :func:`toolkit.hedge_filter.filter_claims`, unless ``news_filter`` is false); ``loaded`` as for
    :func:`read_spot`; ``hedges`` a hedge lexicon (:func:`toolkit.hedging.load_hedges`; the default when ``None``);
    ``rules`` the attachment rules applied (:data:`toolkit.hedge_claims.RULES` when ``None``); ``claims_of``
    each article's claims before and after the filter, filled here and shared by calls with the same
    ``hedges`` and ``rules`` (the report scores every set with and without the filter)."""
    actors, verbs = load_actors(), load_verbs()
    claims_of = {} if claims_of is None else claims_of
    out = []
    for r, article in read_spot(name, corpora, loaded):
        key = (r["corpus"], article.id)
        if key not in claims_of:
            text, found, quotes, claims = article_claims(article, actors, verbs, hedges, rules)
            claims_of[key] = (claims, filter_claims(text, found, claims, quotes, verbs, actors=actors))
        out.append((r, next((c for c in claims_of[key][news_filter] if c.start < r["end"] and r["start"] < c.end
                             and c.role not in ("reporting", FILTERED)), None)))
    return out


def summarise_hedges(details: list[tuple[dict, object]]) -> dict:
    """Precision, real kept and actor right, as drawn and now, of :func:`hedge_outcomes` rows (one set or pooled)."""
    kept = [(r, hit) for r, hit in details if hit is not None]
    real_kept = sum(r["real"] for r, _h in kept)
    actor_right = sum(bool(r["real"] and hit.actor == r["actor"]) for r, hit in kept)
    real = sum(r["real"] for r, _h in details)
    drawn_right = sum(r["real"] and r["drawn_actor"] == r["actor"] for r, _h in details)
    return {
        "records": len(details), "real": real,
        "as_drawn": {"precision": real / len(details), "actor_right": drawn_right / real if real else 0.0},
        "now": {"kept": len(kept), "precision": real_kept / len(kept) if kept else 0.0,
                "real_kept": real_kept / real if real else 0.0,
                "actor_right": actor_right / real_kept if real_kept else 0.0},
        "details": details,
    }


def score_hedges(corpora: str | Path, names: tuple[str, ...] = ("hedges_real.jsonl",)) -> dict:
    """Hedge precision, real kept and actor right on the named spot sets pooled, as drawn and now."""
    loaded: dict = {}  # each corpus read once for all the sets
    return summarise_hedges([d for name in names for d in hedge_outcomes(corpora, name, loaded)])


PORTRAYAL_SETS = {
    "portrayal_real.jsonl": "seed 21; drawn by the code before issue 20; read while changing the rules: dev",
    "portrayal_fresh.jsonl": "seed 27; drawn by commit 9e61234; held out in round 3, scored once: dev since",
    "portrayal_fresh2.jsonl": "seed 28; drawn by commit c46a299, labelled before any later change; held out until "
                              "round 15: dev since",
    "portrayal_fresh3.jsonl": "seed 29; drawn by commit 01b5d0d, labelled before any later change; never read to "
                              "choose one: held out",
}
PORTRAYAL_HELD_OUT = ("portrayal_fresh3.jsonl",)


def score_portrayal(corpora: str | Path, backend: str = "default", name: str = "portrayal_real.jsonl",
                    loaded: dict | None = None) -> dict:
    """Portrayal accuracy and macro-F1 on the spot set ``gold/<name>``, as drawn and now (``loaded`` as for
    :func:`read_spot`)."""
    spot = read_spot(name, corpora, loaded)
    gold = [r["label"] for r, _a in spot]
    drawn = [r["drawn_label"] for r, _a in spot]
    now = [portrayal(a.masked_text, [(r["start"], r["end"])], backend=backend)[0].label for r, a in spot]
    return {"mentions": len(spot), "labels": {label: gold.count(label) for label in LABELS},
            "as_drawn": {"accuracy": accuracy(gold, drawn), "macro_f1": macro_f1(gold, drawn, LABELS)},
            "now": {"accuracy": accuracy(gold, now), "macro_f1": macro_f1(gold, now, LABELS)}}


def report_hedges(corpora: str | Path) -> list[str]:
    """Report lines for the hedge spot sets: each one (the held-out ones, :data:`HELD_OUT`, last), the dev sets
    pooled, then all of them pooled."""
    loaded: dict = {}  # each corpus read once for all the sets
    claims_of: dict = {}  # each article's claims found once, with and without the filter
    per = {name: hedge_outcomes(corpora, name, loaded, claims_of=claims_of) for name in HEDGE_SETS}
    raw = {name: hedge_outcomes(corpora, name, loaded, news_filter=False, claims_of=claims_of) for name in HEDGE_SETS}
    order = [name for name in HEDGE_SETS if name not in HELD_OUT] + list(HELD_OUT)
    groups = [(name, HEDGE_SETS[name], per[name], raw[name]) for name in order]
    groups += [("dev pooled", " + ".join(DEV_SETS), [d for name in DEV_SETS for d in per[name]],
                [d for name in DEV_SETS for d in raw[name]]),
               ("all pooled", "all sets, the held-out ones (" + " + ".join(HELD_OUT) + ") too",
                [d for rows in per.values() for d in rows], [d for rows in raw.values() for d in rows])]
    lines = ["real-news hedge spot sets (records drawn at random from FA-KES, AllSides and Sputnik; hand-labelled "
             "before the changes they score; 'as drawn' is the code that drew them; 'now' is the finder with the news "
             "hedge filter, trained on these records: see tools/hedge_filter_cv.py for its out-of-fold figures)"]
    trained = set(load_filter().manifest.get("data", {}).get("sets", ()))
    for name, why, rows, rows_raw in groups:
        sets = DEV_SETS if name == "dev pooled" else tuple(HEDGE_SETS) if name == "all pooled" else (name,)
        seen = ("fitted on these records: in-sample" if trained.issuperset(sets) else
                "not fitted on these" if trained.isdisjoint(sets) else "partly in-sample")
        res, alone = summarise_hedges(rows), summarise_hedges(rows_raw)["now"]
        d, n = res["as_drawn"], res["now"]
        lines += [f"  {name} ({res['records']} records, {res['real']} real; {why})",
                  f"    as drawn: precision {d['precision']:.3f}  actor right {d['actor_right']:.3f}",
                  f"    finder alone: {alone['kept']} kept  precision {alone['precision']:.3f}  real kept "
                  f"{alone['real_kept']:.3f}  actor right {alone['actor_right']:.3f}",
                  f"    now (+ news filter, {seen}): {n['kept']} kept  precision {n['precision']:.3f}  real kept {n['real_kept']:.3f}  "
                  f"actor right {n['actor_right']:.3f}"]
    hedge_seconds = [name for name in SECOND_SETS if name.startswith("hedges_")]
    return lines + [""] + agreement_report(sets=hedge_seconds, keys=False)


def report_portrayal(corpora: str | Path) -> list[str]:
    """Report lines for the portrayal spot sets, each one (the dev sets, then the held-out one)."""
    loaded: dict = {}  # each corpus read once for all the sets
    lines = ["real-news portrayal spot sets (outlet mentions drawn at random from FA-KES, AllSides and Sputnik; "
             "hand-labelled before the changes they score; 'as drawn' is the code that drew them)"]
    for name, why in PORTRAYAL_SETS.items():
        res = score_portrayal(corpora, name=name, loaded=loaded)
        d, n = res["as_drawn"], res["now"]
        lines += [f"  {name} ({res['mentions']} mentions; gold "
                  + ", ".join(f"{k} {v}" for k, v in res["labels"].items()) + f"; {why})",
                  f"    as drawn: accuracy {d['accuracy']:.3f}  macro-F1 {d['macro_f1']:.3f}",
                  f"    now (default backend): accuracy {n['accuracy']:.3f}  macro-F1 {n['macro_f1']:.3f}"]
    portrayal_seconds = [name for name in SECOND_SETS if name.startswith("portrayal_")]
    return lines + [""] + agreement_report(sets=portrayal_seconds, keys=False)
