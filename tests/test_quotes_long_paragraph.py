"""One very long paragraph (R1 of the robustness findings): every repeated attribution is still found.

The quotation pairs, sentence units and mentions of a paragraph are looked up by bisection, so a
single-line article of hundreds of kilobytes is processed in linear time; this test checks that the
lookups keep the attributions exact (no timing is asserted).
"""

from __future__ import annotations

from toolkit.quotes import extract_quotes

BLOCK = ('Sergei Lavrov said "the convoy will move at dawn" on Monday. '
         'Witnesses in the valley reportedly claimed that the bridge had been closed. '
         '\u201cWe counted nine trucks,\u201d an official said. ')


def test_quotes_every_block_of_a_long_paragraph_is_attributed():
    n = 2000
    text = BLOCK * n  # about 300 KB on one line
    quotes = extract_quotes(text)
    by_text = {}
    for q in quotes:
        by_text.setdefault(q.text, []).append(q)
    lavrov = by_text['"the convoy will move at dawn" on Monday.']
    official = by_text["We counted nine trucks"]
    assert len(lavrov) == len(official) == len(by_text["the bridge had been closed."]) == n
    assert all(q.actor == "lavrov" and q.kind == "mixed" for q in lavrov)
    # a bare official takes the camp of the actor last named in its paragraph (Lavrov)
    assert all(q.cue == "said" and q.camp == "russia" for q in official)
    assert all(text[q.speaker_start:q.speaker_end] == "an official" for q in official)
    spans = [(q.start, q.end) for q in quotes]
    assert spans == sorted(spans) and all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
