"""Which state a bare "the government" or "the opposition" belongs to, for :mod:`toolkit.labels.resolve`.

A term of the label lexicon's ``state_bound`` ("government", "opposition") that the lexicon alone gave
a Syrian camp names another state's government or opposition (camp ``other``) in a text that never
names Syria, where the last state named before it in its sentence is another one ("Iraqi Prime
Minister ... his government"; not one right before it: that is a modifier or a name, "the Cairo
Opposition Platform"), or where one is named right after it ("the military government in Myanmar").
The states are the lexicon's ``state_bound`` lists: Syria's words (``home``) and the others (the
English names of the CLDR territories, with common demonyms and capitals).

Limits: a surface rule on the sentence, no parsing: a pronoun is not resolved ("his government" takes
the state named last before it, not its owner's), and the states of the camps (Russia, Turkey, Iran,
the United States) are no evidence (their own labels name them).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ..text import scan, sentence_bounds
from .lexicon import SPACE, LabelLexicon

__all__ = ["StateEvidence"]

_IN_STATE = re.compile(SPACE + r"(?:in|of)" + SPACE + r"(?:the" + SPACE + r")?")


class StateEvidence:
    """The states named in one text (found once), asked per label by :meth:`elsewhere`."""

    def __init__(self, norm: str, lex: LabelLexicon):
        self.norm, self.lex = norm, lex
        self.named = list(scan(lex.states_pattern, lex.states_starts, norm))
        self.starts = [m.start() for m in self.named]
        self.home = any(m.group("home") for m in self.named)
        self.sent_starts = [s for s, _e in sentence_bounds(norm)]  # the bounds find_labels read (cached per text)

    def elsewhere(self, start: int, end: int) -> bool:
        """The label at ``[start, end)`` names another state's camp than Syria's (see the module docstring)."""
        if not self.home:
            return True
        norm, named = self.norm, self.named
        lo = self.sent_starts[bisect_right(self.sent_starts, start) - 1] if self.sent_starts else 0
        i = bisect_left(self.starts, start) - 1
        if i >= 0 and not norm[named[i].end():start].strip():  # a name of its own ("Cairo Opposition Platform")
            i -= 1
        if i >= 0 and named[i].start() >= lo and named[i].group("other"):
            return True
        after = _IN_STATE.match(norm, end)
        nxt = self.lex.states_pattern.match(norm, after.end()) if after else None
        return nxt is not None and nxt.group("other") is not None
