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
