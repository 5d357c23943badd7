"""Mechanical classes of camp errors and wrong speakers, for counting (the report reads them by hand too)."""

from __future__ import annotations

from .gold import _PRONOUNS, _WORD, Outcome, Prediction


def _is_pronoun(words: str | None) -> bool:
    return bool(words) and words.strip().lower() in _PRONOUNS


_SOURCE_NOUNS = frozenset("""source sources official officials media agency reporter correspondent tv scroll
directorate command group network activist activists council members administration task force observatory
opposition ministry army military president secretary government regime""".split())


def _described(words: str) -> bool:
    """True for a speaker described by role or source ("the source", "state media", "The TV",
    "the president") rather than named ("Reid", "The US", "the Kremlin")."""
    return any(w.lower() in _SOURCE_NOUNS for w in _WORD.findall(words))


def error_class(text: str, o: Outcome, preds: list[Prediction], lexicon_ids=frozenset()) -> str:
    """A coarse, mechanical class of a camp error, for counting (the report reads them by hand too).

    ``<gold camp> -> <predicted camp>: <why>``, why being the first that holds of:

    * ``no speaker``: the best quote has no speaker;
    * ``wrong speaker``: its speaker span misses the gold speaker words;
    * ``pronoun not resolved``: the gold speaker is a pronoun (the quote kept it, camp not carried);
    * ``described source, side not resolved``: a role or source phrase ("the source", "state
      media", "a medical source at ...", "the president") whose side the context or the phrase names;
    * ``listed actor, camp missed``: a name whose actor is in the lexicon (``lexicon_ids``) yet the
      camp differs (alias form not matched, or a country name taken as other);
    * ``named speaker not in lexicon``: a name the lexicon does not list.
    """
    p = preds[o.best]
    g = o.gold
    gold_words = text[g.speaker_start:g.speaker_end] if g.speaker_start is not None else ""
    pair = f"{g.camp} -> {p.camp or 'unnamed'}"
    if p.speaker_start is None:
        why = "no speaker"
    elif not o.speaker_ok:
        why = "wrong speaker"
    elif _is_pronoun(gold_words):
        why = "pronoun not resolved"
    elif _described(gold_words):
        why = "described source, side not resolved"
    elif g.actor in lexicon_ids:
        why = "listed actor, camp missed"
    else:
        why = "named speaker not in lexicon"
    return f"{pair}: {why}"


def speaker_error_class(text: str, o: Outcome, preds: list[Prediction]) -> str:
    """A mechanical class of a wrong speaker (speaker span missing the gold speaker words), the first of:

    * ``no speaker``: the best quote has no speaker span;
    * ``right actor, other words``: the predicted actor is the gold actor (a pronoun resolved to the
      name, a name for a description): the span differs, who speaks does not;
    * ``speaker of another statement``: the speaker span lies outside the statement's sentence (an
      attribution inherited from an earlier quote or carried across a sentence);
    * ``span inside the statement``: the span was taken from the reported clause itself;
    * ``other phrase of the sentence``: a phrase of the statement's sentence that is not the speaker
      (an object, a place, a phrase of a clause before the cue).
    """
    from ...text import sentences

    p, g = preds[o.best], o.gold
    if p.speaker_start is None:
        return "no speaker"
    if g.actor is not None and p.actor == g.actor:
        return "right actor, other words"
    spans = [(x.start, x.end) for x in sentences(text)]
    lo = max((a for a, b in spans if a <= g.start), default=0)
    hi = min((b for a, b in spans if b >= g.end), default=len(text))
    if p.speaker_end <= lo or p.speaker_start >= hi:
        return "speaker of another statement"
    if g.start <= p.speaker_start and p.speaker_end <= g.end:
        return "span inside the statement"
    return "other phrase of the sentence"
