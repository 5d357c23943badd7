"""``toolkit.syntok_port`` gives syntok's own tokens and sentence bounds."""

from __future__ import annotations

import random

from syntok.tokenizer import Tokenizer

from toolkit.syntok_port import split, syntok_bounds, tokenize

# Pieces that reach every rule of syntok's tokenizer and segmenter: abbreviations, months, numbers,
# brackets (short, long, nested, unclosed), quotes with and without space, "n't", inner capitals,
# hyphens and underscores, ellipses, roman numerals, single letters, non-ASCII letters and spaces.
PIECES = ["word", "Word", "WORD", "A", "b", "I", "IV", "No", "no", "9", "12", "2015", "x1", "1x", "Mc", "McKay",
          "don't", "can\u2019t", "it's", "'em", "rock'n'roll", "O'Neil", "pre-war", "a_b", "e-mail", "-", "\u2010",
          "\u2014", "\u2013", "...", "\u2026", "a...b", ".", "?", "!", ";", ":", ",", "?!", ".\"", "\"", "'", "\u201d",
          "(", ")", "[", "]", "{", "}", "(a)", "(The end.)", "(see p. 4)", "Sen.", "Dr.", "etc.", "approx.", "U.S.",
          "Sept.", "Jan", "Mar.", "No. 5", "5.", "3.5", "p.m.", "Inc.", "However", "The", "In", "It", "\u00c9mile",
          "\u00e9t\u00e9", "\u0414\u0430", "\u00c5", "\u00df", "x\u00b2", "\u00bd", "@user", "#tag", "$5", "50%",
          "a/b", "&", "\u00a9", "\u200b", "\x1f", " ", " ", " ", "  ", "\t", "\u00a0", "\u2009", " (", ") ", ". ",
          "? ", "! ", ".\" ", " \"", ". (", "end.The", "end.\u00c9", "x.y", "St.", "no.", "v.", "e.g.", "i.e."]


def _syntok_tokens(text: str) -> tuple[list[str], list[int], list[bool]]:
    toks = list(Tokenizer(replace_not_contraction=False).tokenize(text))
    return [t.value for t in toks], [t.offset for t in toks], [bool(t.spacing) for t in toks]


def _paragraphs(seed: int, n: int):
    rng = random.Random(seed)
    for _ in range(n):
        para = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 30))).strip()
        if para and "\n" not in para:
            yield para


def test_text_syntok_port_tokens_match_syntok_on_generated_text():
    for para in _paragraphs(11, 3000):
        assert tokenize(para) == _syntok_tokens(para), para


def test_text_syntok_port_bounds_match_syntok_on_generated_paragraphs():
    several = 0
    for para in _paragraphs(12, 3000):
        got = split(para)
        assert got == syntok_bounds(para), para
        several += len(got) > 1
    assert several > 500  # the generated paragraphs were split, not only read as one sentence


def test_text_syntok_port_bounds_on_written_cases():
    cases = ["Sen. Ann Lee spoke. The vote failed.", "He left (it was 5 p.m. The end) and came back.",
             "It cost $3.5 billion. Then it fell.", "They said \"no.\" Then left.", "In Sept. 2015 it began.",
             "Ask No. 5 now. Go.", "Wait... what? Yes!", "A. B. Smith said so. Fine.", "IV. The end.",
             "He said: \"We won't.\" (They did.) It ended.", "end.The next", "one; two. Three",
             "Trailing space\u200b", "x (a [b (c) d] e) y. Z is last.", "(An aside in brackets.) Then more."]
    for para in cases:
        assert split(para) == syntok_bounds(para), para
    assert split("It rained. Then it stopped.") == [(0, 10), (11, 27)]
