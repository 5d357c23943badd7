"""The hedge finder's non-hedge rules (issue 20, rounds 2 to 15), one table of invented sentences.

Each rule of the lexicon (``toolkit/lexicons/hedges.yml``) is a :class:`toolkit.validate.hedge_cv.Decision`; a row
of :data:`CASES` is an example of one: a sentence, the cues :func:`toolkit.hedging.find_hedges` returns with every
rule, and the cues the lexicon returns with that decision undone (:func:`toolkit.validate.hedge_cv.without`). A
decision in ``DECISIONS`` with no row fails :func:`test_hedging_every_decision_has_an_example`, so a new rule adds
a row here. :data:`KEPT` holds the limits: an epistemic use next to a rule's non-hedge sense that the shipped
lexicon must still find (the row names the decision it is the limit of). Texts written for these tests.

Limits: a row checks one decision undone at a time (combinations are in the plain tests below); cues are compared
as the finder's ordered list of cue words, not spans or categories.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import SimpleNamespace

import pytest
from mention_stubs import mention_at

from toolkit.hedge_claims import attribute_hedges
from toolkit.hedging import find_hedges, load_hedges
from toolkit.validate.hedge_cv import BUILDERS, DECISIONS, as_sets, flags_in, without

_BY_NAME = {d.name: d for d in DECISIONS}


@dataclass(frozen=True)
class Case:
    """``text`` gives ``found`` with every rule and ``undone`` with ``decision`` undone."""

    decision: str
    tag: str
    text: str
    found: tuple[str, ...]
    undone: tuple[str, ...]


@dataclass(frozen=True)
class Kept:
    """``text`` is a hedge the rule ``decision`` must spare: the shipped lexicon finds ``cues``."""

    decision: str
    tag: str
    text: str
    cues: tuple[str, ...]


def _cases(decision: str, *rows: tuple) -> tuple[Case, ...]:
    """Rows of one decision: ``(tag, text, found, undone)``."""
    return tuple(Case(decision, *row) for row in rows)


def _kept(decision: str, *rows: tuple) -> tuple[Kept, ...]:
    """Limits of one decision: ``(tag, text, cues)``."""
    return tuple(Kept(decision, *row) for row in rows)


def _slug(row) -> str:
    return re.sub(r"[^a-z0-9]+", "_", row.decision.lower()).strip("_") + "-" + row.tag


_COMPARISON = "a comparison with what is thought or expected is no hedge"
_CONCESSIVE = "concessive 'whether it be', 'no matter if' are no condition"
_ROLE = "'potential' before a role-holder is no hedge"
_SO = "'so they could', 'ensure it could' state an aim, no hedge"

CASES = (
    # before round 2 (the earlier rules and issue 20's first round)
    *_cases("named attribution is no evidential hedge",
            ("sources-said", "Sources said the Vale Front had left the pass.", (), ("sources said",))),
    *_cases("ability 'could' is no hedge",
            ("could-hear", "Neighbours in Ruritania could hear the blast.", (), ("could",))),
    *_cases("bare 'investigate' is no hedge",
            ("investigate-the-fire", "Mara Quill will investigate the fire at the Vale mill.", (), ("investigate",))),
    *_cases("'think tank' and questions are no hedges",
            ("think-tank", "A Ruritanian think tank said so.", (), ("think",)),
            ("do-you-think", "What do you think of the Vale Front's plan?", (), ("think",))),
    *_cases("'what to expect' is no hedge",
            ("what-to-expect", "Here is what to expect from the Vale Front.", (), ("expect",))),
    *_cases("'more likely than' compares, it does not hedge",
            ("more-likely-than", "Farmers in Ruritania are more likely than traders to back the levy.", (),
             ("likely",))),
    *_cases("'who would have believed' is rhetorical",
            ("who-would-have-believed", "Who would have believed that the Vale mill would win a prize?", (),
             ("believed",))),
    *_cases("'as expected' is no hedge",
            ("as-expected", "As expected, the council met.", (), ("expected",))),
    *_cases("'suspects' the noun is no hedge",
            ("identified-suspects", "Police in Ruritania identified suspects in three of the thefts.", (),
             ("suspects",))),
    *_cases("'assume' in the take-on sense is no hedge",
            ("assume-duties", "Mara Quill will assume her duties on Monday.", (), ("assume",)),
            ("assumed-control", "The Vale Front assumed control of the port.", (), ("assumed",))),
    *_cases("'can(not) claim' is entitlement, no hedge",
            ("cannot-claim", "The Vale Front cannot claim to be neutral.", (), ("claim",))),
    *_cases("'appear' in the presence sense is no hedge (earlier rule)",
            ("appeared-on-television", "Mara Quill appeared on television in Ruritania.", (), ("appeared",))),
    *_cases("'claim' only with a proposition (earlier rule)",
            ("claimed-responsibility", "The Vale Front claimed responsibility for the blast.", (), ("claimed",))),
    *_cases("'may' the month is no modal (earlier rule)",
            ("may-5", "Mara Quill left Ruritania on May 5.", (), ("may",))),
    *_cases("'possible' after 'as'/'make it' is no hedge (earlier rule)",
            ("as-soon-as-possible", "The ferry will leave Ruritania as soon as possible.", (), ("possible",)),
            ("made-it-possible", "The new bridge made it possible for the Vale Front to cross.", (), ("possible",))),
    # round 2
    *_cases("'could be heard' is perception, no hedge",
            ("sirens", "The sirens could be heard across the valley.", (), ("could",))),
    *_cases("'could' in a purpose clause is no hedge",
            ("so-that", "The pass was cleared so that the lorries could reach the farms.", (), ("could",))),
    *_cases("'determine the possible causes' names candidates, no hedge",
            ("examining-the-possible", "Engineers are examining the possible causes of the flood.", (),
             ("possible",))),
    *_cases("'possibility to' is an opportunity, no hedge",
            ("possibility-to-study", "Students get the possibility to study abroad.", (), ("possibility",))),
    *_cases("'spreading rumors' names misinformation, no hedge",
            ("spreading-rumors", "The council warned against spreading rumors online.", (), ("rumors",))),
    *_cases("'in case of' a rule's condition is no hedge",
            ("in-case-of", "The lease ends in case of late payment.", (), ("in case",))),
    # round 4
    *_cases("'could be seen' is perception, no hedge",
            ("flames", "Flames could be seen from the harbour.", (), ("could",))),
    *_cases("'before they could' is an event prevented, no hedge",
            ("stopped-before", "Guards stopped the lorries before they could cross the bridge.", (), ("could",))),
    *_cases("'to determine' a thing is a purpose, no hedge",
            ("met-to-determine", "The panel met to determine the winners.", (), ("to determine",))),
    *_cases("'if you look at' invites, it states no condition",
            ("if-you-look", "If you look at the ledger, the pattern is plain.", (), ("if",))),
    # round 5
    *_cases("'possibility' as a topic or an offer is no hedge",
            ("discussed-the-possibility", "The ministers discussed the possibility of a ceasefire in the north.", (),
             ("possibility",)),
            ("endless-possibilities", "The brochure promises endless possibilities for new recruits.", (),
             ("possibilities",))),
    *_cases("a reduced 'if <participle>' is a policy's trigger, no hedge",
            ("if-attacked", "The navy said its ships would return fire if attacked.", (), ("if",))),
    # round 12 ("confirm" is a booster, found with every rule)
    *_cases("'could only/neither' states what was (not) done, no hedge",
            ("could-only", "Residents of Ruritania could only watch the smoke rise.", (), ("could",)),
            ("could-neither", "The office could neither confirm the report.", ("confirm",), ("could", "confirm"))),
    *_cases("'potential' the noun is a capacity, no hedge",
            ("potential-to", "The Vale Front has the potential to grow.", (), ("potential",)),
            ("potential-comma", "Ruritania kept its military potential, the envoy said.", (), ("potential",))),
    *_cases("exhaustive 'possible' is no hedge",
            ("every-means-possible", "Mara Quill said her team used every means possible.", (), ("possible",)),
            ("any-possible", "Guards were posted to prevent any possible attack on the dam.", (), ("possible",))),
    *_cases("'whether to' names a decision, no hedge",
            ("decide-whether-to", "The council will decide whether to extend the truce.", (), ("whether",))),
    *_cases("'asked if', 'what if', 'a matter of if' are no condition",
            ("asked-if", "Mara Quill was asked if the convoy had left.", (), ("if",)),
            ("what-if", "What if the dam breaks before the rains?", (), ("if",)),
            ("matter-of-if", "A strike on the port is not a matter of if, but when.", (), ("if",))),
    # round 13
    *_cases("'became apparent' means evident, no hedge",
            ("became-apparent", "It became apparent to the scouts that the Vale Front had left the pass.", (),
             ("apparent",)),
            ("became-increasingly-apparent", "As the siege went on it became increasingly apparent who held the town.",
             (), ("apparent",))),
    *_cases("'beliefs' the plural noun names convictions, no hedge",
            ("religious-beliefs", "The envoy said Ruritania respects their religious beliefs.", (), ("beliefs",))),
    *_cases(_CONCESSIVE,
            ("whether-it-be", "Mara Quill will visit, whether it be by road or by sea.", (), ("whether",)),
            ("no-matter-if", "Ruritania will keep its word no matter if the talks fail.", (), ("if",)),
            ("whether-you-like-it", "The pact binds Ruritania, whether you like it or loathe it.", (), ("whether",)),
            ("both-cues", "No matter if the talks fail, the pact binds Ruritania whether you like it or loathe it.",
             (), ("if", "whether"))),
    *_cases("exhaustive or topic 'potential' is no hedge",
            ("any-potential", "Any potential breach of the truce goes to the Ruritanian council.", (), ("potential",)),
            ("discuss-potential", "The envoys met to discuss potential routes for the convoy.", (), ("potential",))),
    # round 14
    *_cases(_COMPARISON,
            ("faster-than-people-think", "The thaw in Ruritania came faster than people think.", (), ("think",)),
            ("less-than-expected", "The Vale Front's harvest was less than expected.", (), ("expected",)),
            ("more-than-most-people-think", "Mara Quill said the dam cost more than most people think.", (),
             ("think",)),
            ("sooner-than-anyone-thinks", "The ferry fills sooner than anyone thinks.", (), ("thinks",)),
            ("higher-than-we-expect", "Turnout in the valley ran higher than we expect.", (), ("expect",))),
    # round 15
    *_cases(_ROLE,
            ("a-potential-candidate", "The council named Mara Quill a potential candidate for Port Elbe.", (),
             ("potential",)),
            ("potential-buyers", "The Vale Front met potential buyers of its grain.", (), ("potential",)),
            ("a-potential-running-mate", "Ruritania's press called her a potential running mate.", (),
             ("potential",)),
            ("a-potential-member-at-the-end", "The Vale Front wants Ruritania as a potential member.", (),
             ("potential",)),
            ("a-potential-buyer-who", "Mara Quill is a potential buyer who visited Port Elbe.", (), ("potential",))),
    *_cases(_SO,
            ("so-they-could", "The villagers packed their carts so they could leave Port Elbe.", (), ("could",)),
            ("ensure-it-could", "The crew turned the plane to ensure it could land in Ruritania.", (), ("could",))),
)

KEPT = (
    # round 2
    *_kept("'could be heard' is perception, no hedge", ("could-burst", "The dam could burst before dawn.", ("could",))),
    *_kept("'could' in a purpose clause is no hedge",
           ("so-is-no-purpose", "The talks stalled, so the envoy could resign.", ("could",)),
           ("not-after-six-words-back-only", "So that was the plan, said the mayor, and the ferry could leave.",
            ("could",))),
    *_kept("'determine the possible causes' names candidates, no hedge",
           ("named-a-possible-cause", "Officials named a possible cause of the fire.", ("possible",))),
    *_kept("'possibility to' is an opportunity, no hedge",
           ("possibility-that", "There is a possibility that the dam will burst.", ("possibility",))),
    *_kept("'spreading rumors' names misinformation, no hedge",
           ("rumors-spread", "Rumors spread that the mayor had resigned.", ("rumors",))),
    *_kept("'in case of' a rule's condition is no hedge",
           ("in-case-it-rains", "Take an umbrella in case it rains.", ("in case",))),
    # round 4
    *_kept("'could be seen' is perception, no hedge",
           ("could-be-seen-as", "The strike could be seen as a warning.", ("seen as",))),
    *_kept("'before they could' is an event prevented, no hedge",
           ("could-collapse-before", "The bridge could collapse before winter.", ("could",))),
    *_kept("'to determine' a thing is a purpose, no hedge",
           ("determine-whether", "Inspectors came to determine whether the dam had cracked.", ("determine whether",))),
    *_kept("'if you look at' invites, it states no condition",
           ("if-you-leave", "If you leave now, the ferry will wait.", ("if",))),
    # round 5
    *_kept("'possibility' as a topic or an offer is no hedge",
           ("raised-the-possibility-that", "Officials raised the possibility that the convoy was never sent.",
            ("possibility",)),
           ("two-possibilities", "There are two possibilities: the dam broke or it was blown up.", ("possibilities",))),
    *_kept("a reduced 'if <participle>' is a policy's trigger, no hedge",
           ("if-the-ships-are-attacked", "The navy said it would return fire if the ships are attacked.", ("if",))),
    # round 12
    *_kept("'could only/neither' states what was (not) done, no hedge",
           ("could-still", "The rebels could still take the bridge.", ("could",))),
    *_kept("'potential' the noun is a capacity, no hedge",
           ("a-potential-threat", "Officials called the Vale Front a potential threat.", ("potential",))),
    *_kept("exhaustive 'possible' is no hedge", ("a-possible-breach", "Engineers warned of a possible breach.",
                                                 ("possible",))),
    *_kept("'whether to' names a decision, no hedge",
           ("unknown-whether", "It is unknown whether the convoy left.", ("whether",))),
    *_kept("'asked if', 'what if', 'a matter of if' are no condition",
           ("if-the-rains-continue", "The dam will fail if the rains continue.", ("if",))),
    # round 13
    *_kept("'became apparent' means evident, no hedge",
           ("an-apparent-raid", "Officials described an apparent raid on the depot.", ("apparent",))),
    *_kept("'beliefs' the plural noun names convictions, no hedge",
           ("their-belief-that", "Their belief that the dam would hold was wrong.", ("belief",)),
           ("beliefs-that", "Mara Quill asked the envoys about their beliefs that the dam would hold.", ("beliefs",))),
    *_kept(_CONCESSIVE,
           ("nobody-knows-whether", "Nobody knows whether the convoy left.", ("whether",)),
           ("whether-they-like", "Nobody knows whether they like the new plan.", ("whether",))),
    *_kept("exhaustive or topic 'potential' is no hedge",
           ("a-potential-breach", "The Vale Front called it a potential breach of the truce.", ("potential",))),
    # round 14
    *_kept(_COMPARISON,
           ("thinks-the-dam", "Mara Quill thinks the dam will hold.", ("thinks",)),
           ("i-think", "I think the Vale Front will sign.", ("think",)),
           ("is-expected-to", "The envoy is expected to arrive on Monday.", ("expected",)),
           ("rather-than-wait", "Rather than wait, the council thinks it should act.", ("thinks",)),
           ("reporters-expect", "Reporters expect a vote in Ruritania on Friday.", ("expect",))),
    # round 15
    *_kept(_ROLE,
           ("potential-targets", "Port Elbe's depots are potential targets for the Vale Front.", ("potential",)),
           ("potential-new-members", "Ruritania courted potential new members of the pact.", ("potential",)),
           ("potential-refugee-crisis", "Aid groups warn of a potential refugee crisis on the Vale border.",
            ("potential",)),
           ("potential-migrant-surge", "Officials fear a potential migrant surge at Port Elbe.", ("potential",)),
           ("potential-member-state", "Ruritania is a potential member state of the pact.", ("potential",)),
           ("potential-donor-backlash", "The levy risks potential donor backlash in the Vale.", ("potential",))),
    *_kept(_SO,
           ("so-it-could", "The river is rising, so it could flood Port Elbe.", ("could",)),
           ("so-we-could", "So we could see a long wait at the Vale Front's border.", ("could",)),
           ("so-he-could-still", "The army moved fast, so he could still be in the Vale.", ("could",)),
           ("so-they-could-face", "The guards were armed, so they could face charges.", ("could",)),
           ("so-she-could-have", "Mara Quill left early, so she could have missed the ferry.", ("could",))),
)


def _cues(lexicon, text: str) -> tuple[str, ...]:
    return tuple(h.cue for h in lexicon.find(text))


@pytest.mark.parametrize("case", CASES, ids=[_slug(c) for c in CASES])
def test_hedging_rule_removes_the_cue_and_its_decision_restores_it(case):
    lexicon = load_hedges()
    assert tuple(h.cue for h in find_hedges(case.text)) == case.found
    assert _cues(without(lexicon, (_BY_NAME[case.decision],)), case.text) == case.undone


@pytest.mark.parametrize("kept", KEPT, ids=[_slug(k) for k in KEPT])
def test_hedging_epistemic_uses_beside_a_rule_are_still_found(kept):
    assert kept.decision in _BY_NAME
    assert tuple(h.cue for h in find_hedges(kept.text)) == kept.cues


def test_hedging_every_decision_has_an_example():
    """Each decision has a row whose cues it changes, and every row names a decision."""
    assert {c.decision for c in CASES} == set(_BY_NAME)
    assert all(c.found != c.undone for c in CASES)


@pytest.mark.parametrize("name", ["'think tank' and questions are no hedges", "'what to expect' is no hedge",
                                  "'as expected' is no hedge"])
def test_hedging_earlier_decisions_of_think_and_expect_leave_the_comparison_rule(name):
    undone = without(load_hedges(), (_BY_NAME[name],))
    assert _cues(undone, "The harvest was less than expected, than people think.") == ()


@pytest.mark.parametrize("name", ["'think tank' and questions are no hedges", "'what to expect' is no hedge",
                                  "'as expected' is no hedge"])
def test_hedge_cv_undoing_a_rule_of_a_lexicon_without_another_keeps_that_one_undone(name):
    comparison = without(load_hedges(), (_BY_NAME[_COMPARISON],))
    text = "The harvest was less than expected, than people think."
    assert _cues(comparison, text) == ("expected", "think")
    assert _cues(without(comparison, (_BY_NAME[name],)), text) == ("expected", "think")


def test_hedge_cv_flags_in_reads_the_rules_a_lexicon_holds():
    assert set(flags_in(load_hedges(), "expect").values()) == {True}
    undone = without(load_hedges(), (_BY_NAME[_COMPARISON], _BY_NAME["'as expected' is no hedge"]))
    assert flags_in(undone, "expect") == {"topic": True, "as_": False, "than": False}
    assert flags_in(undone, "think") == {"tank": True, "than": False}


def test_hedge_cv_flags_in_rejects_entries_no_builder_makes(tmp_path):
    path = tmp_path / "mine.yml"
    path.write_text("categories:\n  epistemic_verb:\n    source: test\n    cues:\n"
                    "      - {cue: expect, not_preceded_by: [\"what we\"]}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="expect"):
        without(load_hedges(path), (_BY_NAME["'what to expect' is no hedge"],))


@pytest.mark.parametrize("builder", sorted(BUILDERS))
def test_hedge_cv_builder_with_every_flag_on_equals_the_shipped_entries(builder):
    built = dict(BUILDERS[builder]())
    shipped = [e for e in load_hedges().entries if e.cue in built]
    assert as_sets(shipped) == as_sets(e for group in built.values() for e in group)


def test_hedge_cv_cues_outside_the_builders_are_undone_by_one_decision_each():
    cues = [c for d in DECISIONS for c, _e in d.alternative]
    assert len(cues) == len(set(cues)) and not set(cues) & {c for b in BUILDERS.values() for c, _e in b()}


@pytest.mark.parametrize("first, second, text", [
    ("'could be heard' is perception, no hedge", "'could' in a purpose clause is no hedge",
     "The blasts could be heard in Ruritania, so that the guards could rest."),
    ("'potential' the noun is a capacity, no hedge", "exhaustive or topic 'potential' is no hedge",
     "The Vale Front has the potential to grow; any potential breach goes to the council."),
])
def test_hedge_cv_dropping_two_decisions_of_one_cue_undoes_both(first, second, text):
    lexicon = load_hedges()
    cue = _BY_NAME[first].undo[0][0]
    one = [len([h for h in without(lexicon, (_BY_NAME[n],)).find(text) if h.cue == cue]) for n in (first, second)]
    both = [len([h for h in without(lexicon, pair).find(text) if h.cue == cue])
            for pair in ((_BY_NAME[first], _BY_NAME[second]), (_BY_NAME[second], _BY_NAME[first]))]
    assert one == [1, 1] and both == [2, 2]


# Attachment of a hedge to an actor (toolkit.hedge_claims, rounds 4 and 5); not rules of RULES, so kept as they were.


def test_hedge_claims_impersonal_cue_distances_from_the_actor_after_it():
    text = "Meanwhile it is reported that ISIS fighters gathered near the dam."
    (claim,) = attribute_hedges(text, find_hedges(text), [], [mention_at(text, "ISIS", "isis")])
    assert (claim.actor, claim.role, claim.how) == ("isis", "distancing", "impersonal")


def test_hedge_claims_speech_verb_and_phrase_before_that_is_a_reported_claim():
    text = 'The Speaker said on the "Morning Hour" show that the army may have to stay if the truce fails.'
    mentions = [mention_at(text, "Speaker", "boehner"), mention_at(text, "army", "syrian_army")]
    claims = attribute_hedges(text, find_hedges(text), [], mentions)
    assert [(c.actor, c.role, c.how) for c in claims] == [("boehner", "own", "reported")] * 2


def _quote(text: str, content: str, speaker: str, actor: str | None):
    start, at = text.index(content), text.index(speaker)
    return SimpleNamespace(start=start, end=start + len(content), actor=actor, speaker=speaker, speaker_start=at,
                           cue_start=at + len(speaker) + 1, cue_end=at + len(speaker) + 5, stance="neutral")


def test_hedge_claims_epithet_speaker_is_the_source_named_before():
    text = ('The Syrian Observatory counted new clashes near the dam. '
            '"The toll may rise," the London-based group said.')
    q = _quote(text, "The toll may rise,", "the London-based group", "britain")
    mentions = [mention_at(text, "Syrian Observatory", "syrian_observatory"), mention_at(text, "London", "britain")]
    (claim,) = attribute_hedges(text, find_hedges(text), [q], mentions)
    assert (claim.actor, claim.role, claim.how) == ("syrian_observatory", "own", "quote")


def test_hedge_claims_epithet_speaker_without_an_earlier_source_keeps_the_quote_actor():
    text = '"The toll may rise," the London-based group said.'
    q = _quote(text, "The toll may rise,", "the London-based group", "britain")
    (claim,) = attribute_hedges(text, find_hedges(text), [q], [mention_at(text, "London", "britain")])
    assert claim.actor == "britain"
