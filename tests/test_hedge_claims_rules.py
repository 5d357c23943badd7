"""The attachment rules of toolkit.hedge_claims.RULES (issue 20, rounds 6 to 15), one table of invented sentences.

Each row is an example of one rule: a sentence, the hedge cue, the actor mentions (stand-ins, the first occurrence of
each word), quotes and lexicon kinds where the rule reads them, the claim's fields expected with every rule applied,
and, for the rule's contrast, the fields expected with the rule left out (and any rule it works with). A row with no
contrast is a case the rule must decide or must leave alone (its limit). A new rule adds rows here; a rule in
``RULES`` with no row fails :func:`test_hedge_claims_every_rule_has_an_example`. Texts written for these tests.

Limits: a row checks only the fields it names (the others are left to the rule's other rows), and one hedge per row.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from claim_stubs import StubLexicon, claim_of, quote_of, without
from mention_stubs import mention_at

from toolkit.hedge_claims import HOWS, RULES


@dataclass(frozen=True)
class Not:
    """An expected field value that is anything but ``value``."""

    value: object

    def __eq__(self, other: object) -> bool:
        return other != self.value

    __hash__ = None

    def __repr__(self) -> str:
        return f"not {self.value!r}"


@dataclass(frozen=True)
class Said:
    """A quote of ``content``; see :func:`claim_stubs.quote_of` for ``at`` and ``phrase``."""

    content: str
    speaker: str
    actor: str | None
    at: str | None = None
    phrase: tuple[str, str] | None = None


@dataclass(frozen=True)
class Case:
    rule: str
    tag: str
    text: str
    cue: str
    expect: dict
    mentions: tuple[tuple[str, str], ...] = ()
    quotes: tuple[Said, ...] = ()
    kinds: dict | None = None
    contrasts: tuple[tuple[tuple[str, ...], dict], ...] = ()  # ((rules also left out, expected fields), ...)

    def claim(self, rules):
        quotes = [quote_of(self.text, q.content, q.speaker, q.actor, q.at, q.phrase) for q in self.quotes]
        mentions = [mention_at(self.text, word, actor) for word, actor in self.mentions]
        lexicon = StubLexicon(**self.kinds) if self.kinds is not None else None
        return claim_of(self.text, self.cue, quotes, mentions, lexicon, rules)


def _own(actor, how):
    return {"actor": actor, "role": "own", "how": how}


def _distancing(actor, how):
    return {"actor": actor, "role": "distancing", "how": how}


def _left_out(expect, *also):
    """The contrast: ``expect`` with the row's rule (and ``also``) left out."""
    return ((also, expect),)


_RURITANIA = (("Ruritania", "ruritania"),)
_FRONT = (("Vale Front", "front"),)
_SHELLING = "Vale shelling killed ten in Osterlich the Relief Agency said ten more may have died."
_ASIDE = "Mara Quill, speaking at the Relief Agency, said ten more may have died."
_QUILL_BILL = "Senator Mara Quill filed the bill. Quill reportedly wants a vote. Quill said the vote could slip."
_BELIEVES = "Mara Quill said the Vale Front also believes the pass may fall."
_UNNAMED = {"vale": "country", "unnamed_source": ("generic", "unnamed")}
_UNNAMED_RURITANIA = {"ruritania": "country", "unnamed_source": ("generic", "unnamed")}
_VALE_POLICE = (("Vale police", "vale"),)
_HELD = {"actor": None, "role": "none", "how": "outlet"}

CASES = (
    # round 6
    Case("speaker_title", "title-after-a-country",
         'Ruritania envoy Mara Quill met the council. "The vote may slip," Quill said.', "may",
         _own("ruritania", "quote"), _RURITANIA, (Said("The vote may slip", "Quill", None, at='"'),),
         {"ruritania": "country", "orla": "person"}, _left_out({"actor": None})),
    Case("speaker_title", "person-before-the-name-is-no-title",
         'Minister Orla and Piet Vane met. "Prices may rise," Vane said.', "may", {"actor": None},
         (("Minister Orla", "orla"),), (Said("Prices may rise", "Vane", None, at='"'),),
         {"ruritania": "country", "orla": "person"}),
    Case("unlisted_name", "board-the-lexicon-lacks",
         "The council met in Vienna. The Wellcome Health Board said the outbreak may spread.", "may",
         _own(None, "quote"), (("council", "un_council"),),
         (Said("the outbreak may spread", "The Wellcome Health Board", "un_council"),),
         contrasts=_left_out({"actor": "un_council"})),
    Case("unlisted_name", "surname-in-the-actors-mention",
         'Piet Vane spoke first. "Prices may rise," Vane said.', "may", {"actor": "vane"},
         (("Piet Vane", "vane"),), (Said("Prices may rise", "Vane", "vane", at='"'),)),
    Case("short_forms", "title-and-surname",
         "Prime Minister Ada Lorne wrote to the party. Mrs. Lorne repeated in the alleged letter that talks were over.",
         "alleged", _distancing("lorne", "subject"), (("Prime Minister Ada Lorne", "lorne"),),
         contrasts=_left_out({"how": "outlet"})),
    Case("short_forms", "last-two-common-nouns",
         "A blast was reported by Ruritanian state radio. State radio apparently blamed the rebels.", "apparently",
         {"actor": "ruritania_radio"}, (("Ruritanian state radio", "ruritania_radio"), ("rebels", "rebels"))),
    # without speech_verb, round 9's partitive reads "in the Vale cabinet" as a prepositional object (the outlet's
    # hedge); without both, the mention inside the subject
    Case("speech_verb", "said-after-an-aside",
         "Mr. Dunn, a former envoy who served in the Vale cabinet, said the talks likely failed.", "likely",
         _own(None, "reported"), (("Vale", "vale"),),
         contrasts=(((), {"how": "outlet"}), (("partitive",), {"actor": "vale"}))),
    Case("speech_verb", "subject-said", "Vale said the truce will probably hold.", "probably",
         _own("vale", "reported"), (("Vale", "vale"),)),
    Case("complement", "not-known-whether", "It's not known whether Vale approved the strike.", "whether",
         _distancing("vale", "complement"), (("Vale", "vale"),), contrasts=_left_out({"how": "outlet"})),
    Case("complement", "possibility-that", "Nothing rules out the possibility that Vale knew.", "possibility",
         {"how": "complement"}, (("Vale", "vale"),)),
    Case("complement", "fronted-if-is-a-condition", "If Ruritania attacks, the price of grain may rise.", "if",
         {"how": "outlet"}, _RURITANIA),
    Case("speaker_after", "border-guards-said",
         "Rockets were reportedly moved to the ridge, border guards said on Tuesday.", "reportedly",
         _own("unnamed_source", "reported"), (("border guards", "unnamed_source"),),
         contrasts=_left_out({"how": "outlet"})),
    Case("speaker_after", "if-clause-then-acknowledged",
         "If the talks fail, Vale acknowledged that the truce would end.", "if", {"actor": "vale"},
         (("Vale", "vale"),)),
    # round 9
    Case("descriptions", "the-monitor",
         "The Ruritanian Health Watch counted the dead in Vale. The monitor believes the toll will rise.", "believes",
         _distancing("watch", "subject"), (("Ruritanian Health Watch", "watch"),),
         kinds={"watch": "organization", "vale": "place"}, contrasts=_left_out({"how": "outlet"})),
    Case("descriptions", "person-or-country-is-no-group",
         "Mayor Ana Lopez met Ruritania. The Vienna-based group is believed to hold the files.", "believed",
         {"how": "outlet"}, (("Mayor Ana Lopez", "lopez"), ("Ruritania", "ruritania")),
         kinds={"lopez": "person", "ruritania": "country"}),
    Case("descriptions", "no-lexicon-no-kinds", "The Watch met. The monitor believes it.", "believes",
         {"how": "outlet"}, (("Watch", "watch"),)),
    Case("partitive", "members-of-the-group", "Members of the Vale Front reportedly refused the offer.", "reportedly",
         _distancing("vale_front", "subject"), (("Vale Front", "vale_front"),)),
    Case("partitive", "members-of-a-bare-name", "Members of Vale Front reportedly refused the offer.", "reportedly",
         {"actor": "vale_front"}, (("Vale Front", "vale_front"),), contrasts=_left_out({"actor": None})),
    Case("partitive", "a-member-of-as-apposition",
         "Ada Lorne, a member of the Vale Front, claimed that the road was open.", "claimed",
         {"actor": "vale_front"}, (("Vale Front", "vale_front"),)),
    Case("partitive", "object-behind-a-determiner",
         "The minister Ada Lorne kept grain from the rebels for fear that they would hoard it.", "fear that",
         {"actor": "lorne"}, (("Ada Lorne", "lorne"), ("rebels", "rebels")),
         contrasts=_left_out({"actor": "rebels"})),
    # round 11
    Case("but_clause", "not-clear-but-another-clause",
         "It was not clear who fired the shells, but the Vale Watch said the road was closed.", "not clear",
         {"actor": None, "how": "outlet"}, (("Vale Watch", "watch"),), contrasts=_left_out({"actor": "watch"})),
    Case("but_clause", "mention-before-the-but",
         "It was not clear whether the Vale Front fired, but the road was closed.", "not clear",
         {"actor": "front"}, _FRONT),
    Case("relative_it", "that-it-believes",
         "Ruritania is also arming militias in the hills that it believes are loyal to the crown.", "believes",
         _distancing("ruritania", "subject"), _RURITANIA, kinds={"ruritania": "country"},
         contrasts=_left_out({"actor": None})),
    Case("relative_it", "it-is-no-person-and-no-prepositional-object",
         "Mara Quill spoke of weapons in Ruritania that it could use.", "could", {"actor": None},
         (("Mara Quill", "quill"), ("Ruritania", "ruritania")), kinds={"quill": "person", "ruritania": "country"}),
    Case("passive_agent", "stolen-by", "Most of the herds are believed to have been stolen by the Vale Front.",
         "believed", _distancing("front", "subject"), _FRONT, contrasts=_left_out({"how": "outlet"})),
    Case("passive_agent", "by-more-than-five-words-on",
         "The villagers are believed to have left the town in the night by the Vale Front road.", "believed",
         {"how": "outlet"}, _FRONT),
    # the extractor's speaker phrase ran back to "Vale shelling ..." and took its first mention
    Case("speaker_head", "phrase-ending-with-a-mention", _SHELLING, "may", {"actor": "relief"},
         (("Vale", "vale"), ("Relief Agency", "relief")),
         (Said("ten more may have died", "Vale", "vale", phrase=("Vale", " said")),),
         contrasts=_left_out({"actor": "vale"})),
    Case("speaker_head", "comma-aside-is-no-head", _ASIDE, "may", {"actor": "quill"},
         (("Mara Quill", "quill"), ("Relief Agency", "relief")),
         (Said("ten more may have died", "Mara Quill", "quill", phrase=("Mara Quill", " said")),)),
    Case("speaker_head", "one-mention-keeps-the-extractors-actor", _SHELLING, "may", {"actor": "vale"},
         (("Relief Agency", "relief"),),
         (Said("ten more may have died", "Relief Agency", "vale", phrase=("the Relief", " said")),)),
    Case("quoted_conjunct", "mention-ending-the-quote",
         "Vale probably expects a cold reply from Mara Quill, the analyst added.", "probably", {"actor": None},
         (("Vale", "vale"), ("Mara Quill", "quill")),
         (Said("Vale probably expects a cold reply from Mara Quill", "the analyst", None),),
         contrasts=_left_out({"actor": "quill"})),
    Case("bare_surname", "surname-as-subject", _QUILL_BILL, "reportedly", {"actor": "quill", "how": "subject"},
         (("Mara Quill", "quill"),), kinds={"quill": "person"}, contrasts=_left_out({"actor": None})),
    # the extractor left the speaker "Quill" unresolved
    Case("bare_surname", "surname-as-speaker", _QUILL_BILL, "could", {"actor": "quill"}, (("Mara Quill", "quill"),),
         (Said("the vote could slip", "Quill", None, at="Quill said"),), {"quill": "person"},
         _left_out({"actor": None})),
    Case("bare_surname", "last-word-of-an-organisation", "The Vale Front met. Front reportedly left.", "reportedly",
         {"actor": None}, _FRONT, kinds={"front": "group"}),
    Case("what_clause", "free-relative-what",
         "Donors pressed Ruritania to fix what is widely considered the worst drought in decades.", "considered",
         {"actor": None}, _RURITANIA, contrasts=_left_out({"actor": "ruritania"})),
    # round 12
    Case("nested_belief", "belief-verb-in-a-quote", _BELIEVES, "believes", _own("front", "quote"),
         (("Mara Quill", "quill"), ("Vale Front", "front")),
         (Said("the Vale Front also believes the pass may fall", "Mara Quill", "quill"),),
         contrasts=_left_out({"actor": "quill"})),
    Case("nested_belief", "other-hedge-of-the-quote", _BELIEVES, "may", {"actor": "quill"},
         (("Mara Quill", "quill"), ("Vale Front", "front")),
         (Said("the Vale Front also believes the pass may fall", "Mara Quill", "quill"),)),
    Case("nested_belief", "we-believe-is-the-speakers",
         "Mara Quill said we believe the Vale Front will retreat.", "believe", {"actor": "quill"},
         (("Mara Quill", "quill"), ("Vale Front", "front")),
         (Said("we believe the Vale Front will retreat", "Mara Quill", "quill"),)),
    Case("nested_belief", "he-believed-is-the-last-person",
         "Piet Vane spoke in Osterlich. The Ruritania envoy said he believed the talks would resume.", "believed",
         {"actor": "vane"}, (("Piet Vane", "vane"), ("Osterlich", "osterlich"), ("Ruritania", "ruritania")),
         (Said("he believed the talks would resume", "The Ruritania envoy", "ruritania"),),
         {"vane": "person", "osterlich": "country", "ruritania": "country"}, _left_out({"actor": "ruritania"})),
    # round 13
    Case("raising_it", "it-appears", "It appears the Vale Front patrols now reach the lower mills.", "appears",
         _distancing("front", "impersonal"), _FRONT, contrasts=_left_out({"actor": None})),
    Case("raising_it", "yet-it-seems", "The pass fell, yet it seems Vale Front columns had turned back by dusk.",
         "seems", _distancing("front", "impersonal"), _FRONT, contrasts=_left_out({"actor": None})),
    Case("raising_it", "after-a-speech-verb", "Mara Quill said it seems the Vale Front has withdrawn.", "seems",
         _own("quill", "reported"), (("Mara Quill", "quill"), ("Vale Front", "front"))),
    Case("raising_it", "actor-before-it", "Ruritania knows it seems weak to the Vale Front.", "seems",
         {"how": Not("impersonal")}, (("Ruritania", "ruritania"), ("Vale Front", "front"))),
    Case("raising_it", "parenthetical", "Ruritania, it seems, still trusts the Vale Front.", "seems",
         {"how": Not("impersonal")}, (("Ruritania", "ruritania"), ("Vale Front", "front"))),
    Case("raising_it", "although-it-seems",
         "The pass is a prize for Ruritania, although it seems the Vale Front still holds the mills.", "seems",
         {"actor": "front", "how": "impersonal"}, (("Ruritania", "ruritania"), ("Vale Front", "front"))),
    Case("raising_it", "seems-to-is-a-referential-it",
         "The Vale Front shelled the ridge. It seems to have lost ground to Ruritania.", "seems", {"actor": None},
         (("Vale Front", "front"), ("Ruritania", "ruritania"))),
    Case("raising_it", "seems-to-us", "It seems to us, sadly, that the Vale Front has withdrawn.", "seems",
         {"actor": "front", "how": "impersonal"}, _FRONT),
    Case("raising_it", "after-a-preposition", "Much of it appears aimed at the Vale Front.", "appears",
         {"actor": None, "how": "outlet"}, _FRONT),
    Case("cleft", "where-clause",
         "The envoy left early. This was reportedly where Mara Quill drew the line on tariffs.", "reportedly",
         _distancing("quill", "impersonal"), (("Mara Quill", "quill"),), contrasts=_left_out({"actor": None})),
    Case("cleft", "why-he",
         "Piet Vane toured the flooded mills of Osterlich. That\u2019s apparently why he dropped the grain levy.",
         "apparently", {"actor": "vane", "how": "pronoun"}, (("Piet Vane", "vane"), ("Osterlich", "osterlich")),
         kinds={"vane": "person", "osterlich": "country"}, contrasts=_left_out({"actor": None})),
    # round 14
    Case("attributive", "for-alleged", "Ruritania fined three mills for alleged ties to the smugglers.", "alleged",
         {"actor": None, "how": "outlet"}, _RURITANIA, contrasts=_left_out({"actor": "ruritania"})),
    Case("attributive", "over-suspected", "Ruritania detained forty clerks over suspected links to the ring.",
         "suspected", {"actor": None, "how": "outlet"}, _RURITANIA, contrasts=_left_out({"actor": "ruritania"})),
    Case("attributive", "about-two-words-suspected", "Ruritania spoke about the grim suspected poisoning of the wells.",
         "suspected", {"actor": None, "how": "outlet"}, _RURITANIA, contrasts=_left_out({"actor": "ruritania"})),
    Case("attributive", "agent-of-the-act", "Ruritania spoke about the suspected shelling by the Vale Front at dawn.",
         "suspected", {"actor": "front", "role": "distancing"}, (("Ruritania", "ruritania"), ("Vale Front", "front")),
         contrasts=_left_out({"actor": "ruritania"})),
    Case("attributive", "no-reason-preposition", "Ruritania cited the alleged letter in its reply.", "alleged",
         {"actor": "ruritania"}, _RURITANIA),
    Case("attributive", "trailing-speaker-keeps-the-report",
         "Three mills were fined for alleged ties to the smugglers, the Vale Council said.", "alleged",
         _own("vale_council", "reported"), (("Vale Council", "vale_council"),)),
    Case("attributive", "participle-before-of",
         "Ruritania, for years suspected of arming the Vale Front, denied the report.", "suspected",
         {"actor": "ruritania"}, (("Ruritania", "ruritania"), ("Vale Front", "front"))),
    Case("attributive", "number-after-about", "Ruritania killed about forty suspected militants.", "suspected",
         {"actor": "ruritania"}, _RURITANIA),
    Case("attributive", "adverb-not-adjective", "Ruritania fined the mills for allegedly hiding grain.", "allegedly",
         {"actor": "ruritania"}, _RURITANIA),
    Case("role_descriptions", "the-spokesman",
         "The radio quoted a Vale Council spokesman late on Monday. Mara Quill left. "
         "The spokesman could not confirm whether the dam had burst.", "whether",
         {"actor": "vale_council", "how": "subject"},
         (("Vale Council spokesman", "vale_council"), ("Mara Quill", "quill")),
         contrasts=_left_out({"actor": Not("vale_council")})),
    Case("role_descriptions", "role-word-as-adjective",
         "A Vale Council official spoke on Monday. The official death toll could rise, the monitor said.",
         "could", _own("monitor", "reported"), (("Vale Council official", "vale_council"), ("monitor", "monitor"))),
    # round 15
    Case("unnamed_speaker", "bare-role-noun", "Vale closed the pass. Diplomats said the talks may resume.", "may",
         _own("unnamed_source", "quote"), (("Vale", "vale"), ("Diplomats", "unnamed_source")),
         (Said("the talks may resume", "Diplomats", "vale"),), _UNNAMED, _left_out({"actor": "vale"})),
    Case("unnamed_speaker", "definite-role-noun-is-anaphoric",
         "Vale closed the pass. The officials, who asked not to be named, said the talks may resume.", "may",
         {"actor": "vale"}, (("Vale", "vale"), ("officials", "unnamed_source")),
         (Said("the talks may resume", "The officials", "vale"),), _UNNAMED),
    # round-15 review: a phrase naming a side keeps the extractor's actor (spot conventions: an anonymous official
    # of a state is that state's); lower-case words around the role noun name none
    Case("unnamed_speaker", "official-at-a-state-ministry",
         "Officials at the Ruritanian foreign ministry said the talks could resume soon.", "could",
         _own("ruritania", "quote"), (("Officials", "unnamed_source"),),
         (Said("the talks could resume soon", "Officials at the Ruritanian foreign ministry", "ruritania"),),
         _UNNAMED_RURITANIA, _left_out({"actor": "ruritania"})),
    Case("unnamed_speaker", "diplomats-from-a-state", "Diplomats from Ruritania said the talks could resume soon.",
         "could", {"actor": "ruritania"}, (("Diplomats", "unnamed_source"),),
         (Said("the talks could resume soon", "Diplomats from Ruritania", "ruritania"),), _UNNAMED_RURITANIA),
    Case("unnamed_speaker", "phrase-cut-before-its-qualifier",
         "Vale closed the pass. Diplomats from Vale said the talks may resume.", "may", {"actor": "vale"},
         (("Vale", "vale"), ("Diplomats", "unnamed_source")), (Said("the talks may resume", "Diplomats", "vale"),),
         _UNNAMED),
    Case("unnamed_speaker", "sentence-opens-on-a-place",
         "Vale closed the pass. In Osterlich, officials said the talks may resume.", "may", {"actor": "vale"},
         (("Vale", "vale"), ("officials", "unnamed_source")), (Said("the talks may resume", "officials", "vale"),),
         _UNNAMED),
    Case("unnamed_speaker", "lower-case-words-name-no-side",
         "Vale closed the pass. On Monday two officials familiar with the talks said the road may reopen.", "may",
         {"actor": "unnamed_source"}, (("Vale", "vale"), ("two officials", "unnamed_source")),
         (Said("the road may reopen", "two officials familiar with the talks", "vale"),), _UNNAMED,
         _left_out({"actor": "vale"})),
    Case("belief_verb", "unlisted-holder", "Mara Quill, a historian in Port Elbe, suspects the Vale Front may stall.",
         "may", _own(None, "reported"), _FRONT, contrasts=_left_out({"actor": "front"})),
    Case("belief_verb", "listed-holder", "Ruritania believes the Vale Front may stall the talks.", "may",
         _own("ruritania", "reported"), _RURITANIA + _FRONT, contrasts=_left_out({"actor": "front"})),
    Case("belief_verb", "worried-that", "Some critics are worried that Ruritania may not have enough grain.", "may",
         {"actor": None}, _RURITANIA, contrasts=_left_out({"actor": "ruritania"})),
    # round-15 review: "suspects" as a noun, "think tank", a relative clause, and a belief verb with no mention for
    # its subject beside a speech verb or a trailing speaker: the rule leaves them to the other rules
    Case("belief_verb", "the-suspects-after-a-speech-verb",
         "The Vale police said the suspects may have fled to Osterlich.", "may", _own("vale", "reported"),
         _VALE_POLICE, contrasts=_left_out(_own("vale", "reported"))),
    Case("belief_verb", "the-suspects-before-a-trailing-speaker",
         "The suspects may have fled to Osterlich, Vale police said.", "may", _own("vale", "reported"),
         _VALE_POLICE, contrasts=_left_out(_own("vale", "reported"))),
    Case("belief_verb", "think-before-a-trailing-speaker",
         "Police think the gang may have fled to Osterlich, Vale police said.", "may", _own("vale", "reported"),
         _VALE_POLICE),
    Case("belief_verb", "think-tank-after-a-speech-verb", "Ruritania said the Vale Front's think tank may have erred.",
         "may", _own("ruritania", "reported"), _RURITANIA + _FRONT),
    # the subject rule decides, with the rule as without it (its taking the Front is another rule's limit)
    Case("belief_verb", "think-tank-is-a-noun", "The Vale Front's think tank may have erred, Ruritania said.", "may",
         {"actor": Not(None), "how": "subject"}, _FRONT + _RURITANIA,
         contrasts=_left_out({"actor": Not(None), "how": "subject"})),
    Case("belief_verb", "belief-verb-in-a-relative-clause",
         "Vale, which Ruritania suspects of arming the Front, may now halt deliveries.", "may",
         {"actor": Not("ruritania"), "role": "distancing"},
         (("Vale", "vale"), ("Ruritania", "ruritania"), ("Front", "front")),
         contrasts=_left_out({"actor": Not("ruritania"), "role": "distancing"})),
    Case("belief_verb", "listed-subject-after-a-speech-verb", "Vale said Ruritania suspects the Front may stall.",
         "may", _own("ruritania", "reported"), (("Vale", "vale"), ("Ruritania", "ruritania"), ("Front", "front")),
         contrasts=_left_out({"actor": "vale"})),
    Case("complement_holder", "unlisted-believer",
         "Mara Quill, like the historian Piet Vane, believes that Ruritania takes its cue from Osterlich.",
         "believes", {"actor": None, "how": "outlet"}, _RURITANIA,
         contrasts=_left_out({"actor": "ruritania", "how": "complement"})),
    Case("complement_holder", "first-person", "I believe that Ruritania should open the pass.", "believe",
         {"actor": None, "how": "outlet"}, _RURITANIA, contrasts=_left_out({"actor": "ruritania"})),
    # round-15 review: the holder read the same in any case and at any place in the clause
    Case("complement_holder", "capitalised-plural-noun", "Critics believe that Ruritania armed the Front.", "believe",
         _HELD, _RURITANIA, contrasts=_left_out(_distancing("ruritania", "complement"))),
    Case("complement_holder", "lower-case-plural-noun", "On Monday, critics believe that Ruritania armed the Front.",
         "believe", _HELD, _RURITANIA, contrasts=_left_out(_distancing("ruritania", "complement"))),
    Case("complement_holder", "capitalised-quantifier", "Few doubt that Ruritania armed the Front.", "doubt", _HELD,
         _RURITANIA, contrasts=_left_out(_distancing("ruritania", "complement"))),
    Case("complement_holder", "lower-case-quantifier", "In Port Elbe, few believe that Ruritania armed the Front.",
         "believe", _HELD, _RURITANIA, contrasts=_left_out(_distancing("ruritania", "complement"))),
    Case("complement_holder", "name-opening-the-clause", "Quill believes that Ruritania armed the Front.", "believes",
         _HELD, _RURITANIA, contrasts=_left_out(_distancing("ruritania", "complement"))),
    Case("complement_holder", "name-inside-the-clause", "In Port Elbe, Quill believes that Ruritania armed the Front.",
         "believes", _HELD, _RURITANIA),
    Case("complement_holder", "singular-noun-is-no-holder", "The historian believes that Ruritania armed the Front.",
         "believes", _distancing("ruritania", "complement"), _RURITANIA),
    Case("complement_holder", "no-holder-stays-complement", "Nothing rules out the possibility that Vale knew.",
         "possibility", {"actor": "vale", "how": "complement"}, (("Vale", "vale"),)),
)


def _fields(claim, expect):
    return {name: getattr(claim, name) for name in expect}


@pytest.mark.parametrize("case", CASES, ids=[f"{c.rule}-{c.tag}" for c in CASES])
def test_hedge_claims_rule_decides_its_example(case):
    assert _fields(case.claim(RULES), case.expect) == case.expect
    for also, expect in case.contrasts:
        assert _fields(case.claim(without(case.rule, *also)), expect) == expect, also


def test_hedge_claims_every_rule_has_an_example():
    """Each rule has a row, and a row it decides differently from the rules without it."""
    assert {c.rule for c in CASES} == set(RULES)
    assert {c.rule for c in CASES if c.contrasts} == set(RULES)


def test_hedge_claims_hows_and_rules_are_listed():
    assert "complement" in HOWS and len(set(RULES)) == len(RULES) == 23


def test_hedge_claims_lexicon_written_forms_of_civil_defence_the_foreign_office_and_other_officials():
    from toolkit.actors import find_mentions, load_actors
    from toolkit.hedge_claims import attribute_hedges
    from toolkit.hedging import find_hedges

    actors = load_actors()
    for text, actor in (("Civil-defense units reportedly reached the market in Osterlich.", "white_helmets"),
                        ("The FCO reportedly warned travellers to avoid the Vale.", "britain"),
                        ("German officials reportedly left Osterlich.", "other_officials")):
        claims = attribute_hedges(text, find_hedges(text), [], find_mentions(text, actors), actors)
        assert [(c.actor, c.how) for c in claims if text[c.start:c.end] == "reportedly"] == [(actor, "subject")]
