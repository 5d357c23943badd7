"""An unbalanced quotation mark never swallows the rest of an article."""

from __future__ import annotations

from toolkit.quotes import extract_quotes


def test_quotes_unbalanced_mark_is_bounded_by_its_paragraph():
    first = 'The council member said: "We expected the vote to fail, and it did.\n'
    filler = ("The harbour reopened on a cold morning and fishing boats left before sunrise. "
              "Prices at the market fell for the third week as the catch improved.\n") * 200
    last = '"Nobody trusts the numbers any more," a trader said.\n'
    text = first + filler + last
    qs = extract_quotes(text, actors=False)
    assert qs[0].kind == "direct" and qs[0].end <= len(first)
    assert qs[0].text == "We expected the vote to fail, and it did."
    assert qs[-1].text == "Nobody trusts the numbers any more" and qs[-1].speaker == "a trader"
    assert all(q.end - q.start < 200 for q in qs)
    spans = sorted((q.start, q.end) for q in qs)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    assert all(0 <= q.start < q.end <= len(text) and text[q.start:q.end] == q.text for q in qs)


def test_quotes_stray_mark_mid_paragraph_ends_at_paragraph_end():
    text = ('The report used the word "crisis three times, an analyst said.\n'
            'The ministry said the figures were provisional.\n')
    qs = extract_quotes(text, actors=False)
    assert all(q.end <= text.index("\n") or q.start > text.index("\n") for q in qs)
    assert any(q.text.startswith("the figures were provisional") for q in qs)
