"""Each hedge attached to its claim's actor, with the rule that decided (toolkit.hedge_claims)."""

from dataclasses import dataclass

from toolkit.actors import find_mentions, load_actors
from toolkit.hedge_claims import HOWS, attribute_hedges
from toolkit.hedge_filter import FILTERED_HOW
from toolkit.hedging import find_hedges


@dataclass(frozen=True)
class _Q:
    start: int
    end: int
    actor: str | None


@dataclass(frozen=True)
class _M:
    start: int
    end: int
    actor: str


def _m(text, word, actor, nth=0):
    i = -1
    for _ in range(nth + 1):
        i = text.index(word, i + 1)
    return _M(i, i + len(word), actor)


def _claims(text, quotes=(), mentions=(), actors=None):
    return attribute_hedges(text, find_hedges(text), quotes, mentions, actors)


def test_hedging_claims_whether_inside_a_quote_is_the_speakers():
    text = 'The rebels advanced. "We do not know whether the town fell," a UN official said.'
    q = _Q(text.index('"'), text.index('fell,"') + 6, "united_nations")
    (c,) = _claims(text, [q], [_m(text, "rebels", "rebels")])
    assert (c.actor, c.role, c.how) == ("united_nations", "own", "quote")


def test_hedging_claims_subject_before_the_hedge_not_the_object_after():
    text = "Ministers may lean toward backing Ankara."
    (c,) = _claims(text, mentions=[_m(text, "Ankara", "turkey_government")])
    assert (c.actor, c.role, c.how) == (None, "none", "outlet")
    text = "The Kremlin apparently wants a deal with Tehran."
    (c,) = _claims(text, mentions=[_m(text, "Kremlin", "kremlin"), _m(text, "Tehran", "iran_government")])
    assert (c.actor, c.role, c.how) == ("kremlin", "distancing", "subject")


def test_hedging_claims_place_after_a_preposition_is_no_subject():
    text = "Shops in Aleppo may reopen next week."
    (c,) = _claims(text, mentions=[_m(text, "Aleppo", "syrian_government")])
    assert c.actor is None and c.how == "outlet"


def test_hedging_claims_impersonal_construction_reads_the_complement():
    text = "It was not immediately possible to check the Observatory's tally."
    (c,) = _claims(text, mentions=[_m(text, "Observatory", "syrian_observatory")])
    assert (c.actor, c.role, c.how) == ("syrian_observatory", "distancing", "impersonal")


def test_hedging_claims_he_resolves_to_the_last_person_named():
    actors = load_actors()
    text = "Sergei Lavrov met reporters in Geneva. He apparently expected a deal."
    claims = _claims(text, mentions=find_mentions(text, actors), actors=actors)
    # "apparently" and "expected" both qualify his claim
    assert [(c.actor, c.how) for c in claims] == [("lavrov", "pronoun"), ("lavrov", "pronoun")]
    assert all(c.how in HOWS for c in claims)


def test_hedging_claims_fill_the_pipeline_hedges_table():
    from toolkit import analyze

    records = [{"id": "h1", "outlet": "awire", "date": "2016-03-01", "title": "Truce",
                "text": "Truce\n\nSergei Lavrov said the truce \"may not hold\". Sources said the road was closed. "
                        "The Kremlin apparently wants a deal."}]
    hedges = analyze(records, cache=False).hedges
    assert set(hedges["how"]) <= set(HOWS) | {FILTERED_HOW}  # or the news hedge filter decided
    assert "sources said" not in set(hedges["cue"])  # plain attribution is no hedge
    by_cue = {r.cue: r for r in hedges.itertuples()}
    assert (by_cue["may"].role, by_cue["may"].how) == ("own", "quote")
    assert (by_cue["apparently"].actor, by_cue["apparently"].how) == ("kremlin", "subject")


def test_hedging_claims_according_to_an_agency_source_is_an_unnamed_sources_own():
    text = "According to a Sputnik source on the ground the fire was probably set on purpose."
    mentions = [_m(text, "Sputnik", "russian_state_agencies")]
    (c,) = _claims(text, mentions=mentions, actors=load_actors())
    assert (c.actor, c.role, c.how) == ("unnamed_source", "own", "according")


def test_hedging_claims_according_to_a_named_actor_is_that_actors_own():
    text = "According to the Observatory, the strikes were probably carried out by Russian jets."
    mentions = [_m(text, "Observatory", "syrian_observatory"), _m(text, "Russian", "russian_government")]
    (c,) = _claims(text, mentions=mentions)
    assert (c.actor, c.role, c.how) == ("syrian_observatory", "own", "according")
