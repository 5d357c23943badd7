"""User YAML is loaded safely: python tags are refused with LexiconError and never executed."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.actors import load_actors
from toolkit.corpus import load_corpus
from toolkit.hedging import load_hedges
from toolkit.lexicon import LexiconError, load_yaml

LEX = Path(__file__).parent / "fixtures" / "hostile" / "lexicons"

TAGS = [
    "!!python/object/apply:os.system [\"touch {marker}\"]",
    "!!python/object/new:os.system [\"touch {marker}\"]",
    "!!python/name:os.system",
    "!!python/module:os",
    "!!python/object:builtins.object {{}}",
]


@pytest.mark.parametrize("tag", TAGS)
def test_safety_python_tags_are_refused_and_not_run(tmp_path, tag):
    marker = tmp_path / "ran"
    path = tmp_path / "user.yml"
    path.write_text(f"source: {tag.format(marker=marker)}\ncues: []\n", encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load_yaml(path)
    assert info.value.path == str(path) and info.value.line == 1
    assert not marker.exists()


def test_safety_python_object_in_user_actor_lexicon_is_refused():
    with pytest.raises(LexiconError, match=r"python_object\.yml, line 2: .*python/object"):
        load_actors(LEX / "python_object.yml")
    with pytest.raises(LexiconError, match=r"python_name\.yml, line 1"):
        load_hedges(LEX / "python_name.yml")


def test_safety_python_tag_in_corpus_manifest_is_a_problem_not_code(tmp_path):
    marker = tmp_path / "ran"
    (tmp_path / "corpus.yml").write_text(f'name: !!python/object/apply:os.system ["touch {marker}"]\n',
                                         encoding="utf-8")
    (tmp_path / "a.txt").write_text("Title\nThe clerk said the office opens at nine.\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert [a.id for a in corpus] == ["a"]
    (problem,) = corpus.problems
    assert problem.path.endswith("corpus.yml") and "manifest ignored" in problem.why
    assert not marker.exists()


def test_safety_yaml_bomb_of_aliases_is_bounded_or_refused(tmp_path):
    """A 'billion laughs' document is refused while composing, before anything is expanded;
    a few shared anchors (as in the default hedges lexicon) still load as references."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    path = tmp_path / "bomb.yml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="aliases stand for more than") as info:
        load_yaml(path)
    assert info.value.path == str(path) and info.value.line is not None
    path.write_text("\n".join(lines[:3]) + "\n", encoding="utf-8")
    data = load_yaml(path)
    assert data["a2"][0] is data["a1"]  # references, not copies
