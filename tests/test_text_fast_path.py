"""The fast paths of ``toolkit.text`` (one-sentence paragraphs, sure sentence ends) agree with syntok itself."""

from __future__ import annotations

import random

from toolkit.corpus import load_corpus
from toolkit.syntok_port import syntok_bounds
from toolkit.text import _ONE_SENTENCE, _segment, _sure_cuts, normalize_quotes, paragraphs, sentences

PIECES = ["word", "A", "it's", "9", "x1", " ", ",", "'", '"', "%", "$", "&", "/", "-", "\u2013", "\u2014",
          "U", "the", " and ", ".", "?", "!", ";", ":", "(", ")", "Mr.", " U.S. ", " etc. ", " said. ",
          " There", " It", "?\" ", "Gen. ", " it. The ", " approx. ", " max. ", "U.S.-backed. ", " Russia",
          " Assad. ", "Sept. ", "{", " said. \"", " in 2015. ", " 5. ", " 12. Sept", " Mar", " left.\" ",
          " left. \"The", "[", "]", " (it. The end) ", " (x) "]


def test_text_fast_path_cuts_only_where_syntok_ends_a_sentence():
    # Words syntok reads as one token with a dot inside, and its abbreviations: no sure end there.
    for para in ("Forces were U.S.-backed. Russia left.", "It was approx. Russia left.", "In Sept. Russia left.",
                 "He met Assad. Russia left.", "They left {at once. Russia} too."):
        assert _segment(para) == syntok_bounds(para), para
    assert _sure_cuts("He met Assad. Russia left.") == [13] and not _sure_cuts("It was approx. Russia left.")


def test_text_fast_path_cuts_after_numbers_and_quotes_outside_brackets():
    for para in ('He left in 2015. Russia stayed.', 'It ended on 12. Sept too.', 'They left." Russia stayed.',
                 'They left. "Russia stayed," he said.', 'Rebels (who left. Russia) stayed. Then it rained.',
                 'A note (short). Then it rained. After that the sun came.', 'An open ( bracket. Then rain.'):
        assert _segment(para) == syntok_bounds(para), para
    assert _sure_cuts("He left in 2015. Russia stayed.") == [16]
    assert _sure_cuts('They left." Russia stayed.') == [11]
    assert _sure_cuts("Rebels (who left. Russia) stayed. Then it rained.") == []  # no cut beside brackets
    assert _sure_cuts("It ended on 12. Sept too.") == []  # a month after a number


def test_text_fast_path_matches_syntok_on_generated_paragraphs():
    rng = random.Random(7)
    fast = cut = 0
    for _ in range(4000):
        para = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 14))).strip()
        if not para:
            continue
        fast += bool(_ONE_SENTENCE.fullmatch(para))
        cut += bool(_sure_cuts(para))
        assert _segment(para) == syntok_bounds(para), para
    assert fast > 100 and cut > 20  # both fast paths were exercised, not only syntok


def test_text_sentences_of_raw_and_normalised_text_agree():
    text = "\u201cWe left,\u201d she said.\u00a0Then rain fell.\nA line with no end mark"
    raw = [(s.start, s.end) for s in sentences(text)]
    assert raw == [(s.start, s.end) for s in sentences(normalize_quotes(text))]
    assert [text[s:e] for s, e in raw] == ["\u201cWe left,\u201d she said.", "Then rain fell.", "A line with no end mark"]


def test_text_fast_path_matches_syntok_on_shared_corpus(shared):
    corpus = load_corpus(shared("corpora", "allsides-syria"))
    checked = 0
    for article in list(corpus)[:150]:
        for para in paragraphs(article.masked_text):
            norm = normalize_quotes(para.text)
            if _ONE_SENTENCE.fullmatch(norm) or _sure_cuts(norm):
                checked += 1  # a fast path decides (elsewhere _segment is syntok on the whole paragraph)
                assert _segment(norm) == syntok_bounds(norm), norm[:80]
    assert checked > 1000
