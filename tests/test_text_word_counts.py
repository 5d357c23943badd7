"""text.word_counts: the counts of n_words per span, from one scan of the whole text."""

import random

from toolkit.text import n_words, word_bounds, word_counts

PIECES = ["U.S.", "Russia's", "pre-emptive", "A&M", "e.g.", "3.5", "talks", "said", ".", ",", "'", "-", "Mr.",
          "well-known", "don't", "\u2019s", "R.", "x.y", "Jan."]


def test_text_word_counts_equal_n_words_on_every_span():
    rng = random.Random(7)
    for _ in range(200):
        text = "".join(rng.choice(PIECES) + rng.choice(["", " ", "  ", "\n"]) for _ in range(rng.randint(1, 25)))
        spans = [tuple(sorted((rng.randrange(len(text) + 1), rng.randrange(len(text) + 1)))) for _ in range(20)]
        words = word_bounds(text)
        assert word_counts(text, spans, words) == [n_words(text, s, e) for s, e in spans]
        assert len(words[0]) == n_words(text)


def test_text_word_counts_of_a_span_cutting_a_word():
    text = "The U.S. envoy met Russia's minister."
    cut = text.index("envoy") + 2  # inside "envoy"
    assert word_counts(text, [(0, cut), (cut, len(text))]) == [n_words(text, 0, cut), n_words(text, cut, len(text))]
