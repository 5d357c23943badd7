"""Leading words of a speaker span that do not belong to it: discourse adverbs, time adverbials and datelines.

:func:`trim_lead` gives the start of a speaker span after them ("Meanwhile, the Vale Council" -> "the Vale
Council", "PORT ELBE (Agency) - Mara Quill" -> "Mara Quill"). Read by the resolver
(:mod:`toolkit.quotes.speakers`) and by :func:`toolkit.quotes.spans.plausible_span`; it imports nothing of
the package, so both sit above it. Limits: a fixed list of English openers, matched by one regular expression;
a lead that is the whole span is kept (the span is not emptied).
"""

from __future__ import annotations

import re

__all__ = ["trim_lead"]

# Words that open a speaker span without belonging to it: discourse adverbs, time adverbials, "In a
# statement ...", "Speaking to ...", a broadcaster ending the preceding "Speaking to state TV" in
# punctuation-stripped text, and a dateline "CITY (Agency) -".
_WEEKDAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_LEAD = re.compile(
    r"(?:[A-Z][A-Za-z .,'-]{1,40}\([A-Za-z .]{2,30}\)\s*[-\u2013\u2014]+\s*"
    r"|(?:Meanwhile|However|Separately|Elsewhere|Moreover|Furthermore|Also|And|But|Then|Still|Yet|In\s+addition|"
    r"In\s+turn|For\s+(?:his|her|its|their)\s+part)\b,?\s+"
    r"|(?:In|in)\s+(?:the\s+)?same\s+context\b,?\s+"
    r"|(?:An?|One|Two|Three|Several|A\s+few)\s+(?:days?|weeks?|hours?|months?)\s+(?:later|earlier)\b,?\s+"
    r"|(?:In|in|Since|since)\s+(?:(?:early|late|mid-?)\s*)?" + _MONTHS + r"\b,?\s+"
    r"|(?:(?:Earlier|Later|Late|Early)\s+)?(?:on\s+|On\s+)?(?:" + _WEEKDAYS + r"|in\s+the\s+day|that\s+day|"
    r"this\s+week|last\s+week|today|yesterday|the\s+same\s+day)\b,?\s+"
    r"|(?:Earlier|Later|Previously|Afterwards|Today|Yesterday)\b,?\s+"
    r"|(?:In|On|At|Through)\s+(?:an?|the|his|her|its|their)\s+(?:[\w-]+\s+){0,2}?(?:statement|press\s+release|"
    r"interview|communiqu[e\u00e9]|speech|remarks|briefing|press\s+conference|news\s+conference|report|tweet|"
    r"post|message|letter|address)\b(?:\s+(?:issued|released|published|posted|delivered|given|carried|on|"
    r"to|with|by|late|early|this|last|\w+day)\b)*,?\s+"
    r"|Speaking\s+(?:to|with|at|on|in|after|before)\s+(?:[\w'-]+\s+){0,5}?(?=(?:he|she|they|it|the|a|an)\s|(?:he|she|they|it)$)"
    r"|Speaking\s+(?:to|with)\s+(?:[\w'-]+\s+){0,4}?(?:TV|television|radio|channel|agency|newspaper|reporters|journalists)\s+"
    r"|(?:TV|television|Television|radio|Radio)\s+(?=[A-Z]))")


def trim_lead(t: str, s: int, e: int) -> int:
    """Start of the speaker span ``t[s:e]`` after leading discourse words and a dateline."""
    while s < e:
        m = _LEAD.match(t, s, e)
        if not m or m.end() >= e:
            return s
        s = m.end()
    return s
