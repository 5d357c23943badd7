"""Attribution verbs as data: stance classes, inflections, user files, line-accurate errors."""

from __future__ import annotations

import pytest

from toolkit.lexicon import LexiconError
from toolkit.quotes import extract_quotes, load_verbs


def test_quotes_default_verbs_have_stances_and_inflections():
    verbs = load_verbs()
    assert verbs.stance_of("says") == "neutral" and verbs.stance_of("told") == "neutral"
    assert verbs.stance_of("claims") == "distancing" and verbs.stance_of("alleging") == "distancing"
    assert verbs.stance_of("denies") == "denial" and verbs.stance_of("rejected") == "denial"
    assert verbs.stance_of("conceded") == "concession"
    assert verbs.stance_of("emphasized") == "assertive" and verbs.stance_of("pointed out") == "assertive"
    assert verbs.stance_of("according to") == "neutral"
    assert verbs.stance_of("walked") is None


def test_quotes_user_verbs_extend_and_replace(tmp_path):
    path = tmp_path / "mine.yml"
    path.write_text("source: my own list\nstances:\n  distancing:\n    source: my note\n    verbs:\n      - grumble\n",
                    encoding="utf-8")
    extended = load_verbs(path)
    assert extended.stance_of("grumbled") == "distancing" and extended.stance_of("said") == "neutral"
    replaced = load_verbs(path, extend=False)
    assert replaced.stance_of("said") is None
    qs = extract_quotes("The landlord grumbled that the heating bill had doubled.", actors=False, verbs=replaced)
    assert len(qs) == 1 and qs[0].stance == "distancing" and qs[0].cue == "grumbled"


@pytest.mark.parametrize("body,line", [
    ("source: x\nstances:\n  neutral:\n    source: y\n    verbs:\n      - say\n  sarcastic:\n    source: z\n", 8),
    ("source: x\nstances:\n  neutral:\n    source: y\n    verbs:\n      - say\n      - [a, b]\n", 7),
    ("source: x\nstances:\n  neutral:\n    source: y\n    verbs: [say\n", None),
    ("stances:\n  neutral:\n    source: y\n    verbs:\n      - say\n", 1),
])
def test_quotes_malformed_verbs_raise_with_line(tmp_path, body, line):
    path = tmp_path / "bad.yml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        load_verbs(path)
    assert str(path) in str(err.value)
    if line is not None:
        assert err.value.line == line
    else:
        assert err.value.line is not None


def test_quotes_same_form_in_two_stances_is_an_error(tmp_path):
    path = tmp_path / "dup.yml"
    path.write_text("source: x\nstances:\n  neutral:\n    source: y\n    verbs:\n      - claim\n"
                    "  distancing:\n    source: z\n    verbs:\n      - claim\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="both"):
        load_verbs(path)
