"""Whether a speaker span a frame found reads as a noun phrase (issue 20, round 15).

The frame patterns of :mod:`toolkit.quotes.frames` find a speaker by walking word classes back from
the cue (:func:`toolkit.quotes.phrases._speaker_before`), with no parser. In text that lost its
punctuation, or where the cue word is no verb ("in a call on Monday"), the walk can take a clause
fragment for the speaker: "in a", "many others were wounded", "quickly there was no", "the Vale Front
on Monday to", ")". Such a span resolves to no actor or to a wrong one, and a hedge inside the quote
goes to it. :func:`plausible_speaker` rejects a span that cannot be a noun phrase, so the frame keeps
its content but no speaker (the unresolved path); it never guesses another speaker.

A span (after the leading discourse words and datelines the resolver trims, :func:`.names._trim_lead`)
is rejected when:

* it holds no word ("-", ")");
* it opens with a preposition (not "at least"), or with a lower-case adverb in -ly (not an -ly adjective
  such as "early" or "elderly");
* it ends with a determiner, a preposition, a conjunction, "to", an auxiliary or a negated auxiliary
  ("the", "no", "on", "wouldn't"): a noun phrase ends with its noun;
* before its first comma, parenthesis or relative word ("who", "which", "that") it holds a finite form of
  "be"/"have"/"get" or a modal after its first word ("many others were wounded", "the Vale Front is to
  blame Quill"): a clause, not a noun phrase; an apposition or relative clause set off by a comma or a
  relative word may hold one ("Mara Quill, who was minister, said").

Evidence: written from the wrong-actor records of the dev hedge spot sets (round 15, in-sample) and the
speaker errors of ``python -m toolkit validate real`` (dev); the figures are in the round-15 report. Limits:
word classes only; a clause fragment made of nouns and adjectives ("the UK-based", "the Vale crisis")
passes, and a wrong noun phrase (another actor of the sentence) is not caught.
"""

from __future__ import annotations

from .names import _trim_lead
from .phrases import _tokens, _is_word

__all__ = ["plausible_speaker"]

_PREPOSITIONS = frozenset("""in on at from with by for to of during after before through over under into onto
about against among between across via within without amid despite since until upon according""".split())
# Words an -ly ending does not make an adverb (adjectives and nouns that can open a noun phrase).
_LY_WORDS = frozenset("""early elderly daily weekly monthly yearly family friendly only likely lonely holy ugly
italy july ally rally bully deadly costly""".split())
# A noun phrase never ends with an article.
_ARTICLES = frozenset("the a an no".split())
# Finite forms of "be" and "have": a noun phrase without a name holds none after its first word.
_BE = frozenset("is was were are am".split())
# A prepositional phrase is taken for a speaker only this short ("in a", "to Congress", "with officials").
_PP_WORDS = 3


def plausible_speaker(t: str, start: int, end: int) -> bool:
    """Whether ``t[start:end]`` (a speaker span) may be a noun phrase (see the module docstring)."""
    s = _trim_lead(t, start, end)
    words = [w for _s, _e, w in _tokens(t, s, end) if _is_word(w)]
    if not words:
        return False
    first, last = words[0].lower(), words[-1].lower()
    if first in _PREPOSITIONS and len(words) <= _PP_WORDS:
        return False
    if words[0].islower() and first.endswith("ly") and len(first) > 4 and first not in _LY_WORDS:
        return False
    if all(w.lower() in _ARTICLES or w.lower() in _PREPOSITIONS for w in words) and len(words) > 1:
        return False
    if len(words) >= 3 and last.endswith("ed") and any(w.lower() in _BE for w in words[-3:-1]):
        return False
    return True
