"""Property tests on the text layer: no exception on arbitrary Unicode, spans inside the text and
reading back their substring, deterministic, quote normalisation keeps the length."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from test_properties_strategies import PROFILE, any_text
from toolkit.corpus import article_from_text
from toolkit.vocab import SECTION_KINDS
from toolkit.text import normalize_quotes, paragraphs, sentences, tokens


@PROFILE
@given(any_text)
def test_properties_paragraphs_are_trimmed_lines_inside_the_text(text):
    paras = paragraphs(text)
    for p in paras:
        assert 0 <= p.start < p.end <= len(text)
        assert text[p.start:p.end] == p.text == p.text.strip()
        assert not any(c in p.text for c in "\n\r\u2028\u2029")
    assert all(a.end <= b.start for a, b in zip(paras, paras[1:]))
    assert paras == paragraphs(text)


@PROFILE
@given(any_text)
def test_properties_sentences_read_back_do_not_overlap_nor_cross_lines(text):
    sents = sentences(text)
    for s in sents:
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start:s.end] == s.text
        assert not any(c in s.text for c in "\n\r\u2028\u2029")
    assert all(a.end <= b.start for a, b in zip(sents, sents[1:]))
    assert sents == sentences(text)


@PROFILE
@given(any_text, st.integers(0, 50), st.integers(0, 400))
def test_properties_tokens_stay_in_the_requested_window(text, start, length):
    start = min(start, len(text))
    end = min(len(text), start + length)
    toks = tokens(text, start, end)
    for t in toks:
        assert start <= t.start < t.end <= end
        assert text[t.start:t.end] == t.text and not t.text.isspace()
    assert all(a.end <= b.start for a, b in zip(toks, toks[1:]))


@PROFILE
@given(any_text)
def test_properties_normalize_quotes_keeps_length_and_is_idempotent(text):
    norm = normalize_quotes(text)
    assert len(norm) == len(text)
    assert normalize_quotes(norm) == norm
    assert all(a == b or b in "\"' " for a, b in zip(text, norm))


@PROFILE
@given(any_text)
def test_properties_article_sections_cover_paragraphs_and_masking_keeps_offsets(text):
    art, _notes = article_from_text(text, "p")
    assert art.text == text
    assert len(art.masked_text) == len(text)
    assert all(c == m or m == " " for c, m in zip(text, art.masked_text))
    if " | \n | " not in text and "<" not in text:  # no markup to blank: one section per paragraph
        assert [(s.start, s.end) for s in art.sections] == [(p.start, p.end) for p in paragraphs(text)]
    for s in art.sections:
        assert 0 <= s.start < s.end <= len(text) and s.kind in SECTION_KINDS
        assert art.section_at(s.start) == s.kind
    assert all(a.end <= b.start for a, b in zip(art.sections, art.sections[1:]))
