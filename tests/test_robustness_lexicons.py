"""Malformed user lexicons (syntax errors, wrong types) raise LexiconError naming the file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.actors import load_actors
from toolkit.pipeline import analyze
from toolkit.hedging import load_hedges
from toolkit.lexicon import LexiconError
from toolkit.quotes import load_verbs

LEX = Path(__file__).parent / "fixtures" / "hostile" / "lexicons"

CASES = [
    (load_actors, "actors_syntax.yml", 7, "YAML syntax error"),
    (load_actors, "actors_wrong_type.yml", 4, "'aliases' must be a list"),
    (load_actors, "actors_not_mapping.yml", 1, "must be a mapping"),
    (load_hedges, "hedges_syntax.yml", 5, "YAML syntax error"),
    (load_hedges, "hedges_wrong_type.yml", 3, "'cues' must be a list"),
    (load_verbs, "verbs_syntax.yml", 4, "YAML syntax error"),
    (load_verbs, "verbs_wrong_type.yml", 5, "must be a list"),
]


@pytest.mark.parametrize("loader, name, line, why", CASES, ids=[c[1] for c in CASES])
def test_robustness_bad_lexicon_error_names_file_line_and_reason(loader, name, line, why):
    with pytest.raises(LexiconError) as info:
        loader(LEX / name)
    err = info.value
    assert Path(err.path).name == name and err.line == line and why in err.why
    assert str(err).startswith(f"{err.path}, line {line}: ")


def test_robustness_analyze_with_a_broken_user_lexicon_raises_the_lexicon_error():
    with pytest.raises(LexiconError, match="actors_syntax.yml, line 7"):
        analyze([{"id": "a", "text": "The clerk said the office opens at nine."}], cache=False,
                lexicons={"actors": str(LEX / "actors_syntax.yml")})


def test_robustness_lexicon_that_is_not_utf8_is_a_lexicon_error(tmp_path):
    bad = tmp_path / "latin.yml"
    bad.write_bytes(b"source: caf\xe9\ncues: []\n")
    with pytest.raises(LexiconError, match="latin.yml"):
        load_hedges(bad)


def test_robustness_missing_lexicon_file_is_a_lexicon_error(tmp_path):
    with pytest.raises(LexiconError, match="nope.yml"):
        load_actors(tmp_path / "nope.yml")
