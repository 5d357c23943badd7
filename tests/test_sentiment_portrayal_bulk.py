"""Portrayal over a long multi-paragraph text: consistent per-line results; sentences never cross a line break."""

import re

from toolkit.sentiment import portrayal
from toolkit.sentiment.context import sentence_of
from toolkit.text import LINE_BREAKS

LINES = ["Dalton slammed the committee, calling its report a shameful failure.",
         "The mayor praised Karimova for her brave and honest work on the bridge repair.",
         "Officials from the ministry met Orlov on Monday to discuss the schedule for the talks."]


def test_sentiment_portrayal_on_a_long_text_is_consistent():
    text = "\n".join(f"{LINES[i % 3]} Note {i}." for i in range(600))
    spans = [(m.start(), m.end()) for m in re.finditer(r"committee|Karimova", text)]
    out = portrayal(text, spans)
    by_mention = {}
    for r in out:
        by_mention.setdefault(text[r.start:r.end], set()).add((r.label, r.score))
        assert all(text[e.start:e.end] == e.text for e in r.evidence)
    assert by_mention == {"committee": {next(iter(by_mention["committee"]))},
                          "Karimova": {next(iter(by_mention["Karimova"]))}}
    assert next(iter(by_mention["committee"]))[0] == "negative"
    assert next(iter(by_mention["Karimova"]))[0] == "positive"


def test_sentiment_sentence_of_never_crosses_a_page_break():
    for brk in LINE_BREAKS:  # the breaks toolkit.text.sentences splits on, form feed included
        text = f"Alpha is here.{brk}   {brk}Beta went home."
        s, e = sentence_of(text, 16, 17)  # between the breaks: no sentence holds it, its line does
        assert (s, e) == (15, 18), repr(brk)
        assert not any(c in LINE_BREAKS for c in text[s:e])
