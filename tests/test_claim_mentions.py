"""toolkit.claim_mentions: the exact overlap check of ``descriptions`` and the one lexicon lookup
(``lexicon_entry``). Texts and actors invented for these tests."""

from claim_stubs import StubLexicon

from mention_stubs import StubMention, mention_at
from toolkit.claim_mentions import descriptions, lexicon_entry


def test_claim_mentions_description_inside_a_mention_that_starts_far_back_is_not_added():
    # one long mention ("Envoys ... Vale elders") holds three shorter ones before "the group" and "the group" itself:
    # the words are covered, so "the group" is no new mention, however many mentions start between
    text = "Envoys of Ruritania, Osterlich and the Tarn League met the group of Vale elders in Bren."
    long = StubMention(0, text.index(" in Bren"), "envoys")
    ms = [long, mention_at(text, "Ruritania", "ruritania"), mention_at(text, "Osterlich", "osterlich"),
          mention_at(text, "Tarn League", "tarn")]
    lex = StubLexicon(envoys="group", ruritania="country", osterlich="country", tarn="organization")
    assert descriptions(text, ms, lex) == []
    # the same description outside the long mention is added, for the nearest organisation before it
    free = [m for m in ms if m is not long]
    (found,) = descriptions(text, free, lex)
    assert (text[found.start:found.end], found.actor) == ("the group", "tarn")


def test_claim_mentions_lexicon_entry_is_the_entry_or_none():
    lex = StubLexicon(tarn="organization")
    assert lexicon_entry(lex, "tarn").kind == "organization"
    assert lexicon_entry(lex, "nobody") is None
    assert lexicon_entry(None, "tarn") is None
