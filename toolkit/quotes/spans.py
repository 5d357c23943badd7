"""Whether a speaker span a frame found reads as a noun phrase (issue 20, round 15; review mends in round 15).

The frame patterns of :mod:`toolkit.quotes.frames` find a speaker by walking word classes back from
the cue (:func:`toolkit.quotes.phrases._speaker_before`), with no parser. In text that lost its
punctuation, or where the cue word is no verb ("in a call on Monday"), the walk can take a clause
fragment for the speaker: "in a", "many others were wounded", "swiftly there was", ")". Such a span
resolves to no actor or to a wrong one, and a hedge inside the quote goes to it. :func:`plausible_span`
returns ``None`` for a span that cannot be a noun phrase, so the frame keeps its content but no speaker
(the unresolved path); it never guesses another speaker. A passive relative clause after a name is cut
off instead ("Mara Quill who was wounded" -> "Mara Quill").

A span (after the leading discourse words and datelines the resolver trims, :func:`.leads.trim_lead`)
is rejected when:

* it holds no word ("-", ")");
* it opens with a preposition and has at most three words ("in a", "by", "with officials"; a longer
  one may end with the speaker in text without commas, "in Port Elbe on Monday the council"), unless a
  numeral follows the preposition, then nothing or a lower-case word: a counted noun phrase ("about 20
  residents", "Over 100 doctors"; a year or a date stays rejected: "in 2014", "on 12 May");
* it opens with a lower-case adverb in -ly ("swiftly ...", "reportedly ..."); not an -ly adjective or
  noun of ``_LY_WORDS`` ("early", "family", "assembly members", "supply officials");
* it has two or more words, all articles or prepositions ("in a", "for the");
* it ends with a participle in -ed after a form of "be" among its last three words ("many others were
  wounded"): a passive clause. When "who", "which" or "that" stands right before that "be" with words
  before it, the span is cut back to those words instead ("Mara Quill, who was injured" -> "Mara Quill").

:func:`toolkit.quotes.frames._frames` then keeps the frame's content with no speaker, or drops the frame
when its cue lies in another frame's content (a noun taken for a cue, "alarmed by reports").

Tried and dropped (dev figures in the round-15 report): rejecting any span that holds a finite "be"/"have"
or a modal, or ends with an article, a preposition, "to" or an auxiliary. Those spans are mostly the true
subject with the cue's auxiliaries or infinitive attached ("X isn't saying", "X needs to say") or a
clause in text without commas that ends with the speaker ("... were wounded the Vale Monitor said");
rejecting them lowered ``validate real`` speaker accuracy 0.93 -> 0.91 and PolNeAR dev's 0.910 -> 0.895.
Rejecting a span that opens with an auxiliary ("Did Mara Quill ...") lost one right speaker and camp of
``validate real`` (speaker 576 -> 575, camp 572 -> 571 of 616) and fixed no hedge actor.

Evidence: written from the wrong-actor records of the dev hedge spot sets (round 15) and the speaker
errors of ``python -m toolkit validate real`` (dev): in-sample. On those, the rules fix no hedge actor
(the span resolved to no actor before and the quote has none now) and raise ``validate real`` camp
accuracy by one statement. Limits: word classes only; a clause fragment made of nouns and adjectives
("the UK-based", "the Vale crisis") passes, a wrong noun phrase (another actor of the sentence) is not
caught, and a date before a name is left to the resolver.

The review mends (the counted noun phrase, the -ly nouns added to ``_LY_WORDS``, the relative-clause
cut) came from a maintainer's review with invented sentences, not from data; they leave the counts of
``validate real`` (camp 574, speaker 576 of 616 found, dev), ``validate quotes`` (PolNeAR dev P 0.904,
R 0.828, speaker 0.910) and ``validate demo``'s output unchanged, and change one speaker span of the 1167
articles of the allsides-syria corpus (a relative clause cut off a description; now the right speaker).
Tried and dropped: keeping any -ly word not followed by a function word ("there", a determiner, a pronoun,
an auxiliary), as the review proposed. On that corpus (speaker spans of ``extract_quotes`` before and
after) it made 13 adverb-led spans speakers: 3 read as noun phrases (an -ly adjective or "virtually"
before a noun or pronoun), 10 were clause fragments (an adverb before a preposition, a verb or an
adjective, of the kind "especially in ..." or "nearly two weeks into"). The same check found a time unit
after a numeral taken for a counted speaker ("for two years"), hence ``_TIME_UNITS``.
"""

from __future__ import annotations

from .leads import trim_lead
from .phrases import tokens, is_word

__all__ = ["plausible_span"]

_PREPOSITIONS = frozenset("""in on at from with by for to of during after before through over under into onto
about against among between across via within without amid despite since until upon according""".split())
# Words an -ly ending does not make an adverb (adjectives and nouns that can open a noun phrase).
_LY_WORDS = frozenset("""early elderly daily weekly monthly yearly family friendly only likely lonely holy ugly
italy july ally rally bully deadly costly assembly supply reply anomaly monopoly tally quarterly nightly hourly
fortnightly biweekly unlikely unfriendly orderly scholarly timely""".split())
# Number words after a preposition: a counted noun phrase ("about two dozen residents").
_NUMBER_WORDS = frozenset("""one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty
forty fifty hundred hundreds dozen dozens thousand thousands million millions""".split())
# Units of time after a numeral: a time adverbial, no counted speaker ("for two years").
_TIME_UNITS = frozenset("""second seconds minute minutes hour hours day days week weeks month months year years
decade decades""".split())
# Relative pronouns before the "be" of a passive: the span keeps the words before them.
_RELATIVE = frozenset("who which that".split())
# Articles: a span of articles and prepositions alone names no one.
_ARTICLES = frozenset("the a an no".split())
# Forms of "be" before a participle ending the span: a passive clause.
_BE = frozenset("is was were are am".split())
# A span opening with a preposition is rejected up to this many words ("in a", "to Congress", "with officials").
_PP_WORDS = 3


def plausible_span(t: str, start: int, end: int) -> tuple[int, int] | None:
    """The speaker span ``t[start:end]``, its part before a relative clause, or ``None`` when it cannot be a
    noun phrase (see the module docstring)."""
    s = trim_lead(t, start, end)
    toks = [tk for tk in tokens(t, s, end) if is_word(tk[2])]
    words = [w for _s, _e, w in toks]
    if not words:
        return None
    low = [w.lower() for w in words]
    if low[0] in _PREPOSITIONS and len(words) <= _PP_WORDS and not _counted(words):
        return None
    if words[0].islower() and low[0].endswith("ly") and len(low[0]) > 4 and low[0] not in _LY_WORDS:
        return None
    if all(w in _ARTICLES or w in _PREPOSITIONS for w in low) and len(words) > 1:
        return None
    if len(words) >= 3 and low[-1].endswith("ed") and any(w in _BE for w in low[-3:-1]):
        rel = next((k for k in range(len(low) - 2, 0, -1) if low[k] in _RELATIVE and low[k + 1] in _BE), None)
        if rel is None:
            return None
        return start, _before(t, toks[rel - 1][1])
    return start, end


def _counted(words: list[str]) -> bool:
    """Whether a preposition opens a counted noun phrase: a numeral (not a year) then nothing or a lower-case
    word that is no unit of time ("about 20 residents", "Over 100 doctors"; not "in 2014", "on 12 May", "for
    two years")."""
    num = words[1] if len(words) > 1 else ""
    numeral = num.lower() in _NUMBER_WORDS or num.isdigit() and not (len(num) == 4 and num[:2] in ("18", "19", "20"))
    return numeral and (len(words) == 2 or words[2].islower() and words[2] not in _TIME_UNITS)


def _before(t: str, e: int) -> int:
    """``e`` moved back over a comma and spaces ("Mara Quill, who ..." -> "Mara Quill")."""
    while e > 0 and t[e - 1] in " ,":
        e -= 1
    return e
