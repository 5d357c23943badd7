"""The label lexicon: the default file, user files that extend or replace it, and malformed files
(errors name the file and line)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from toolkit.actors import load_actors
from toolkit.labels import CATEGORIES, find_labels, load_labels
from toolkit.lexicon import LexiconError


def test_labels_default_lexicon_cites_every_camp_and_uses_actor_camps():
    lex = load_labels()
    camps = set(load_actors().camps)
    assert {"opposition", "syria_government", "russia", "us", "isis"} <= {c for t in lex.terms.values() for c, _ in t.senses}
    for term in lex.terms.values():
        for camp, category in term.senses:
            assert camp in camps and category in CATEGORIES
    assert "entman" in lex.sources and all(cite.strip() for cite in lex.sources.values())


def test_labels_default_lexicon_has_ambiguous_terrorists():
    senses = dict(load_labels().terms["terrorists"].senses)
    assert senses["opposition"] == senses["isis"] == "delegitimising"


def test_labels_user_file_extends_the_default(tmp_path):
    user = tmp_path / "my_labels.yml"
    user.write_text("sources: {mine: 'My own reading of the corpus'}\n"
                    "camps:\n  opposition: {source: mine, delegitimising: [bandits]}\n"
                    "  isis: {source: mine, delegitimising: [rebels]}\n", encoding="utf-8")
    lex = load_labels(user)
    assert dict(lex.terms["bandits"].senses) == {"opposition": "delegitimising"}
    assert dict(lex.terms["rebels"].senses) == {"opposition": "neutral", "isis": "delegitimising"}
    assert "regime" in lex.terms  # the default's terms stay
    (label,) = find_labels("Bandits attacked the village.", lex, quotes=())
    assert (label.term, label.camp, label.how) == ("bandits", "opposition", "lexicon")


def test_labels_user_file_replaces_the_default(tmp_path):
    user = tmp_path / "only.yml"
    user.write_text("sources: {mine: 'mine'}\ncamps:\n  opposition: {source: mine, neutral: [insurgents]}\n",
                    encoding="utf-8")
    lex = load_labels(user, extend=False)
    assert set(lex.terms) == {"insurgents"}
    assert find_labels("The regime fell.", lex, quotes=()) == []


@pytest.mark.parametrize("body, line, words", [
    ("sources: {s: x}\ncamps:\n  martians: {source: s, neutral: [aliens]}\n", 3, "unknown camp 'martians'"),
    ("sources: {s: x}\ncamps:\n  opposition:\n    source: s\n    heroic: [lions]\n", 4, "unknown key(s) ['heroic']"),
    ("sources: {s: x}\ncamps:\n  opposition: {source: nope, neutral: [a]}\n", 3, "source 'nope'"),
    ("sources: {s: x}\ncamps:\n  opposition:\n    source: s\n    neutral:\n      - {term: a, before: [b]}\n",
     6, "unknown key(s) ['before']"),
    ("sources: {s: x}\ncamps:\n  opposition:\n    source: s\n    neutral:\n      - {term: a, only_in: [mars]}\n",
     6, "only_in: unknown alignment(s) ['mars']"),
    ("sources: {s: x}\nheads: {nouns: [forces], before: [a]}\n", 2, "'heads' must be a mapping"),
    ("sources: {s: x}\ncoreference_window: article\n", 1, "'coreference_window' must be one of"),
    ("sources: {s: x}\nresolve_order: [alignment]\n", 2, "'resolve_order' must list"),
    ("sources: {s: x}\nmodifiers: {Martian: mars}\n", 2, "unknown camp 'mars'"),
    ("sources: {s: x}\nlabels: []\n", 1, "unknown top-level key(s) ['labels']"),
    ("camps:\n  opposition: {source: s, neutral: [a]\n", 3, "YAML syntax error"),  # pyyaml marks the end
])
def test_labels_malformed_file_names_file_and_line(tmp_path, body, line, words):
    user = tmp_path / "bad.yml"
    user.write_text(body, encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        load_labels(user)
    assert err.value.path == str(user) and err.value.line == line
    assert words in str(err.value)


def test_labels_edited_file_is_read_again(tmp_path):
    user = tmp_path / "mine.yml"
    user.write_text("sources: {s: x}\ncamps:\n  opposition: {source: s, neutral: [partisans]}\n", encoding="utf-8")
    assert "partisans" in load_labels(user).terms
    user.write_text("sources: {s: x}\ncamps:\n  opposition: {source: s, neutral: [guerrillas]}\n", encoding="utf-8")
    lex = load_labels(user)
    assert "guerrillas" in lex.terms and "partisans" not in lex.terms


def test_labels_sense_only_in_an_alignment_names_its_camp_there_alone(tmp_path):
    """A sense limited by only_in holds in that usage (the outlet's or a quoted speaker camp's) and is
    taken there before the context rules; elsewhere the term keeps its other senses."""
    text = "The Coalition condemned the shelling. Later the Coalition urged talks."
    own = [(lab.text, lab.camp, lab.how) for lab in find_labels(text, quotes=(), alignment="opposition")]
    assert own == [("Coalition", "opposition", "alignment"), ("Coalition", "opposition", "alignment")]
    other = [(lab.camp, lab.how) for lab in find_labels(text, quotes=(), alignment="us_western")]
    assert other == [("us", "lexicon"), ("us", "lexicon")]
    quoted = find_labels(text, quotes=[SimpleNamespace(start=0, end=36, camp="opposition")], alignment="russia")
    assert [(lab.camp, lab.in_quote) for lab in quoted] == [("opposition", True), ("us", False)]
    user = tmp_path / "mine.yml"  # listing the camp again without only_in lifts the limit
    user.write_text("sources: {s: x}\ncamps:\n  opposition: {source: s, neutral: [coalition]}\n", encoding="utf-8")
    assert load_labels(user).terms["coalition"].only_in == ()
