"""Continuation quotes never inherit across a caption/body boundary; comparatives are not attributions."""

from __future__ import annotations

from dataclasses import dataclass

from toolkit.quotes import extract_quotes


@dataclass(frozen=True)
class _Section:
    start: int
    end: int
    kind: str


CAPTION = "Kerry said the plan was sound and would be kept."
PULL = '"We will not give up on the talks, whatever happens in the coming weeks."'


def test_quotes_a_pull_quote_after_a_caption_keeps_no_speaker():
    text = f"{CAPTION}\n{PULL}"
    sections = [_Section(0, len(CAPTION), "caption"), _Section(len(CAPTION) + 1, len(text), "body")]
    quotes = extract_quotes(text, sections=sections)
    assert [(q.section, q.actor) for q in quotes] == [("caption", "kerry"), ("body", None)]


def test_quotes_a_body_continuation_still_inherits():
    text = f"{CAPTION}\n{PULL}"
    quotes = extract_quotes(text, sections=[_Section(0, len(text), "body")])
    assert [q.actor for q in quotes] == ["kerry", "kerry"]


def test_quotes_than_x_claimed_does_not_steal_the_attribution():
    text = ("A U.S. defense official told the agency that the jet had stayed in the zone longer than "
            "Moscow claimed and that the sky was clear.")
    (q,) = extract_quotes(text)
    assert q.camp == "us" and q.cue == "told" and q.text.startswith("the jet had stayed")


def test_quotes_a_fragment_speaker_never_lies_inside_its_quotation():
    text = '"We will reopen the market on Monday", declared the mayor to the council.'
    for q in extract_quotes(text, actors=False):
        assert q.speaker_start is None or not (q.start <= q.speaker_start < q.end)
