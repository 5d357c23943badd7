"""User lexicons extend or replace the default; malformed files raise LexiconError with file and line."""

import pytest

from toolkit.hedging import find_hedges, is_uncertain, load_hedges
from toolkit.lexicon import LexiconError

USER = """\
categories:
  evidential:
    source: Our own newsroom style guide (2024).
    cues:
      - people familiar with the matter
  epistemic_adverb:
    source: Our own list.
    cues:
      - {cue: arguably, not_followed_by: [not]}
      - ostensibly
"""


def write(tmp_path, text, name="mine.yml"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_hedging_user_file_extends_the_default(tmp_path):
    lex = load_hedges(write(tmp_path, USER))
    text = "People familiar with the matter said the rebels might regroup."
    assert [(h.cue, h.category) for h in find_hedges(text, lex)] == [
        ("people familiar with the matter", "evidential"),
        ("might", "epistemic_modal"),
    ]
    assert "newsroom" in lex.sources["evidential"] and "Hyland" in lex.sources["evidential"]


def test_hedging_user_entries_override_default_rules_for_the_same_phrase(tmp_path):
    lex = load_hedges(write(tmp_path, USER))
    assert [h.cue for h in find_hedges("It is arguably the worst week.", lex)] == ["arguably"]
    assert find_hedges("It is arguably not the worst week.", lex) == []


def test_hedging_user_file_replaces_the_default(tmp_path):
    lex = load_hedges(write(tmp_path, USER), extend=False)
    assert find_hedges("The rebels might regroup.", lex) == []
    assert is_uncertain("People familiar with the matter spoke.", lex)
    assert set(lex.sources) == {"evidential", "epistemic_adverb"}


SLOTS = """\
categories:
  epistemic_adverb:
    source: Our own list.
    cues:
      - cue: likely
        not_followed_by: [[[heir, winner], [of, "<end>"]]]
"""


def test_hedging_condition_phrase_places_take_alternatives_and_the_end(tmp_path):
    lex = load_hedges(write(tmp_path, SLOTS), extend=False)
    found = {text: [h.cue for h in lex.find(text)] for text in (
        "Mara Quill is the likely heir of Port Elbe.", "Mara Quill is the likely winner.",
        "Mara Quill is the likely winner", "Mara Quill is the likely winner tonight.",
        "The likely heir apparent left.")}
    assert found == {"Mara Quill is the likely heir of Port Elbe.": [], "Mara Quill is the likely winner.": [],
                     "Mara Quill is the likely winner": [], "Mara Quill is the likely winner tonight.": ["likely"],
                     "The likely heir apparent left.": ["likely"]}


def test_hedging_default_lexicon_is_loaded_once_and_used_by_default():
    assert load_hedges() is load_hedges()
    assert find_hedges("They might.", load_hedges()) == find_hedges("They might.")


@pytest.mark.parametrize(
    "body, line, why",
    [
        ("categories:\n  hedgy:\n    source: x\n    cues: [maybe]\n", 3, "unknown category"),
        ("categories:\n  booster:\n    cues: [surely]\n", 3, "source"),
        ("categories:\n  booster:\n    source: x\n    cues: surely\n", 3, "'cues' must be a list"),
        ("categories:\n  booster:\n    source: x\n    cues:\n      - {cue: surely, nearby: [a]}\n", 5, "unknown key"),
        ("categories:\n  booster:\n    source: x\n    cues:\n      - {cue: surely, followed_by: [no]}\n", 5,
         "booleans"),
        ("categories:\n  booster:\n    source: x\n    cues:\n      - [surely\n", 6, "YAML syntax error"),
        ("categories:\n  booster:\n    source: x\n    cues:\n      - {cue: surely, followed_by: [[a, [b c]]]}\n",
         5, "alternative words"),
        ("- just\n- a list\n", 1, "top level"),
    ],
)
def test_hedging_malformed_file_names_file_and_line(tmp_path, body, line, why):
    path = write(tmp_path, body, "broken.yml")
    with pytest.raises(LexiconError) as err:
        load_hedges(path)
    assert err.value.path == str(path)
    assert err.value.line == line
    assert why in str(err.value)
    assert f"broken.yml, line {line}" in str(err.value)


def test_hedging_missing_file_raises_lexicon_error(tmp_path):
    with pytest.raises(LexiconError, match="cannot read"):
        load_hedges(tmp_path / "absent.yml", extend=False)
