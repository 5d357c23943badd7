"""Hypothesis strategies shared by the property tests (no tests here): news-like fragments (quote marks,
reporting verbs, hedges, newlines) mixed with arbitrary Unicode, and the fixed CI profile."""

from __future__ import annotations

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from toolkit.actors import load_actors
from toolkit.quotes import load_verbs

settings.register_profile("robustness", max_examples=200, deadline=None, derandomize=True, database=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
PROFILE = settings.get_profile("robustness")

_LEX = load_actors()
NAMES = sorted({a.name for a in _LEX.actors.values()} | {al for a in _LEX.actors.values() for al in a.aliases[:2]})
VERBS = sorted(load_verbs().stance)[:80] + ["according to", "told reporters", "said in a statement"]
MARKS = ['"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e", "\u2039", "\u203a",
         "``", "''", "\u300c", "\u300d"]
HEDGES = ["reportedly", "may", "might", "appeared to", "allegedly", "claimed that", "it is possible that",
          "perhaps", "certainly", "if", "suggests", "could", "May", "estimated that"]
GLUE = [" ", ", ", ". ", "\n", "\n\n", " -- ", ": ", "(", ")", "\u00a0", "\r\n", "\u2028", "\t", "'s", "\u2026"]
WORDS = ["the", "strikes", "on", "Aleppo", "were", "not", "we", "will", "Monday", "officials", "rebels",
         "U.S.", "Sen.", "Mr.", "he", "she", "they", "it", "a", "spokesman", "civilians", "no"]

arbitrary = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
fragment = st.one_of(
    st.sampled_from(NAMES), st.sampled_from(VERBS), st.sampled_from(MARKS), st.sampled_from(HEDGES),
    st.sampled_from(GLUE), st.sampled_from(WORDS), arbitrary,
)
news_text = st.lists(fragment, max_size=60).map("".join)
any_text = st.one_of(news_text, st.text(max_size=300))


# ---------------------------------------------------------------------------------------------------------------
# Mixed corpora (tests/test_properties_mixed_corpora.py): generated good news articles and hostile inputs.
# Every good article is distinct (its serial number is in its title and first paragraph) and has commas and
# apostrophes, so the loader neither drops it as a duplicate nor flags it as punctuation-stripped.

import datetime as _dt  # noqa: E402

SPEAKERS = NAMES[:40] + ["a spokesman for the ministry", "the mayor", "a senior official", "the commander",
                         "local residents", "a witness"]
_PLAIN = ["the", "talks", "resumed", "near", "Aleppo", "convoy", "ceasefire", "held", "overnight", "we", "will",
          "not", "stop", "aid", "arrived", "in", "the", "city", "officials", "rebels", "strikes", "continued",
          "civilians", "fled", "border", "crossing", "remains", "closed", "there", "is", "no", "deal", "yet",
          "government", "forces", "army", "said", "today", "peace", "plan", "hospital", "bombing", "people"]
_clause = st.lists(st.sampled_from(_PLAIN), min_size=3, max_size=9).map(" ".join)
_speaker = st.sampled_from(SPEAKERS)
_sentence = st.one_of(
    st.builds(lambda c, s: f"\u201c{c.capitalize()},\u201d said {s}.", _clause, _speaker),
    st.builds(lambda c, s: f'"{c.capitalize()}, and it won\'t change," {s} said.', _clause, _speaker),
    st.builds(lambda s, v, c: f"{s[0].upper() + s[1:]} {v} that {c}, reportedly.", _speaker,
              st.sampled_from(["said", "claimed", "denied", "told reporters", "insisted"]), _clause),
    st.builds(lambda c, h, d: f"The {c}, which {h} {d}, was discussed on Monday.", _clause,
              st.sampled_from(HEDGES), _clause),
    st.builds(lambda c, s: f"According to {s}, {c}.", _clause, _speaker),
)
_paragraph = st.lists(_sentence, min_size=1, max_size=3).map(" ".join)
OUTLETS = ["cnn", "rt", "reuters", "al-jazeera", "bbc", "sana", "tass"]
OUTLET_NAMES = ["CNN", "RT", "Reuters", "Al Jazeera", "BBC  World", "SANA", "Fox News (Web)"]
article_dates = st.dates(min_value=_dt.date(2010, 1, 1), max_value=_dt.date(2020, 12, 31))
# (title words, body paragraphs): the serial number is added when the corpus is written
good_article = st.tuples(_clause.map(lambda c: c.title()), st.lists(_paragraph, min_size=1, max_size=3))


def article_text(serial: int, title_words: str, body: list[str], sep: str = "\n\n") -> tuple[str, str]:
    """The title and text of a good article: the title on the first line, then its paragraphs."""
    title = f"Dispatch {serial}: {title_words}"
    first = f"On day {serial} of the talks, officials met again, and no one left early."
    return title, sep.join([title, first, *body]) + "\n"


def article_body(serial: int, body: list[str]) -> str:
    """The text of a good CSV/JSON article (no title line; the title is its own field)."""
    first = f"On day {serial} of the talks, officials met again, and no one left early."
    return "\n\n".join([first, *body])


# The first paragraph of a txt file that is not its title: the title is the paragraph after it.
JUNK_LEADS = {
    "punctuation": "*** --- ***",
    "emoji": "\U0001f525\U0001f525 \U0001f4f0",
    "zero_width": "\u200b\u200c\u200d\ufeff",
    "advertisement": "Advertisement",
    "html_tags": "<div><span></span><br/></div>",
    "caption": "In this photo taken on Monday, a convoy crosses the border near Aleppo (AP Photo/Hussein Malla)",
}
