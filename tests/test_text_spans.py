"""Sentences and tokens are offset-exact spans; news abbreviations do not split sentences."""

from __future__ import annotations

from toolkit.text import line_sentence_bounds, normalize_quotes, paragraphs, sentence_bounds, sentences, tokens

NEWS = (
    "Sen. Mara Quill (R-Ore.) said the U.S. envoy left on Sept. 4. She called it \u201ca mistake.\u201d\n"
    "\n"
    "Gen. Arno Vale, the U.N. monitor, spoke at 3 p.m. on Oct. 2. Nobody answered."
)


def test_text_sentences_keep_news_abbreviations():
    got = [s.text for s in sentences(NEWS)]
    assert got == [
        "Sen. Mara Quill (R-Ore.) said the U.S. envoy left on Sept. 4.",
        "She called it \u201ca mistake.\u201d",
        "Gen. Arno Vale, the U.N. monitor, spoke at 3 p.m. on Oct. 2.",
        "Nobody answered.",
    ]


def test_text_spans_index_the_raw_text():
    for span in sentences(NEWS) + tokens(NEWS) + paragraphs(NEWS):
        assert NEWS[span.start:span.end] == span.text


def test_text_sentences_never_cross_a_line_break():
    text = "An unclosed \"quote runs on\nand a new line starts here. Then more."
    assert all("\n" not in s.text for s in sentences(text))


def test_text_tokens_keep_abbreviations_and_inner_punctuation():
    words = [t.text for t in tokens("The U.S.-backed group's pre-emptive move, in D.C.")]
    assert "U.S." in words and "group's" in words and "pre-emptive" in words and "D.C." in words


def test_text_normalize_quotes_keeps_length():
    raw = "\u201cYes,\u201d he said\u00a0\u2018twice\u2019 \u00abnon\u00bb"
    out = normalize_quotes(raw)
    assert len(out) == len(raw)
    assert out == "\"Yes,\" he said 'twice' \"non\""


def test_text_empty_and_blank_inputs():
    assert sentences("") == [] and sentences("  \n\n \t") == []
    assert tokens("") == []


def test_text_title_abbreviations_before_a_name_do_not_end_a_sentence():
    text = ("\u201cThe convoy will wait,\u201d said Rep. Dora Penn, D-Ore., after the hearing. "
            "Gov. Lyle Hart and Lt. Col. Ines Mora disagreed. The vote is set for Nov. 3.")
    assert [s.text for s in sentences(text)] == [
        "\u201cThe convoy will wait,\u201d said Rep. Dora Penn, D-Ore., after the hearing.",
        "Gov. Lyle Hart and Lt. Col. Ines Mora disagreed.",
        "The vote is set for Nov. 3.",
    ]


def test_text_token_bounds_are_the_tokens_offsets():
    from toolkit.text import token_bounds, tokens

    text = "The U.S.-led coalition's \u201cpre-emptive\u201d strikes (R-Ariz.) hit 3.5 km away, Sen. Roe said."
    assert token_bounds(text) == [(t.start, t.end) for t in tokens(text)]
    assert token_bounds(text, 4, 30) == [(t.start, t.end) for t in tokens(text, 4, 30)]


def test_text_line_sentence_bounds_are_each_paragraphs_sentences():
    text = NEWS + "\n   \u201cHe left,\u201d an aide said.\u00a0Then she sat.   \n\u2028Dr. Ivo Penn wrote: \"No.\" Done."
    for para in paragraphs(text):
        want = [(s - para.start, e - para.start) for s, e in sentence_bounds(text) if para.start <= s < para.end]
        assert list(line_sentence_bounds(para.text)) == want and len(want) >= 2
