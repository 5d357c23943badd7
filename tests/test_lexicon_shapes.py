"""Malformed lexicon shapes, generated: every wrong type at every key of a valid actors, hedges or verbs
file (nulls, numbers, lists for mappings, nested lists, odd keys) is a LexiconError naming the file and
a line, never a TypeError, KeyError or IndexError."""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.test_properties_strategies import PROFILE
from toolkit.actors import load_actors
from toolkit.hedging import load_hedges
from toolkit.lexicon import LexiconError
from toolkit.quotes import load_verbs

ACTORS = {
    "sources": {"mine": "Notes written for this test"},
    "camps": {"north": {"name": "North", "generic": "north_officials"}, "south": {"name": "South"}},
    "titles": ["Mayor"], "title_qualifiers": ["Northern"],
    "actors": [
        {"id": "anna_berg", "name": "Anna Berg", "camp": "north", "kind": "person", "source": "mine",
         "aliases": ["Anna Berg"], "surnames": ["Berg"], "titles": ["Harbour Mayor"], "metonyms": ["Northtown"],
         "gender": "f", "spokesperson": "north_officials"},
        {"id": "north_officials", "name": "North officials", "camp": "north", "kind": "generic", "source": "mine",
         "generic": {"qualifiers": ["North", "northern"], "nouns": ["officials", "aides"]}},
    ],
}
HEDGES = {"categories": {
    "booster": {"source": "Notes written for this test", "cues": [
        "surely", {"cue": "plainly", "lowercase": True, "followed_by": ["that"], "not_followed_by": ["not"],
                   "preceded_by": ["it is"], "not_preceded_by": ["un"]}]},
    "evidential": {"source": "Notes", "cues": ["rumoured"]}}}
VERBS = {"source": "Notes written for this test",
         "stances": {"neutral": {"source": "Notes", "verbs": ["utter", {"opine": ["opined", "opines"]}],
                                 "phrases": ["made clear"]},
                     "denial": {"source": "Notes", "verbs": ["gainsay"]}},
         "needs_complement": ["utter"]}

LOADERS = {
    "actors": (ACTORS, [load_actors, lambda p: load_actors(p, extend=False)]),
    "hedges": (HEDGES, [load_hedges, lambda p: load_hedges(p, extend=False)]),
    "verbs": (VERBS, [load_verbs, lambda p: load_verbs(p, extend=False)]),
}

scalar = st.one_of(st.none(), st.booleans(), st.integers(-5, 10**6), st.floats(allow_nan=False),
                   st.sampled_from(["", "  ", "north", "mine", "person", "Anna Berg", "Not an id!", "\u0130", "x" * 3]),
                   st.text(max_size=8))
junk = st.recursive(scalar, lambda inner: st.one_of(
    st.lists(inner, max_size=3),
    st.dictionaries(st.one_of(st.sampled_from(["cue", "id", "name", "verbs", "source", "generic"]), scalar),
                    inner, max_size=3)), max_leaves=8)


def _paths(obj, prefix=()):
    yield prefix
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _paths(v, (*prefix, i))


@st.composite
def mutated(draw, base):
    """``base`` with one to three places replaced by junk, dropped, or their key renamed."""
    doc = copy.deepcopy(base)
    for _ in range(draw(st.integers(1, 3))):
        where = draw(st.sampled_from(list(_paths(doc))))
        value = draw(junk)
        if not where:
            doc = value
            continue
        parent = doc
        for step in where[:-1]:
            parent = parent[step]
        how = draw(st.sampled_from(["replace", "replace", "drop", "rename"]))
        if how == "drop" and isinstance(parent, dict):
            del parent[where[-1]]
        elif how == "rename" and isinstance(parent, dict):
            parent[draw(scalar)] = parent.pop(where[-1])
        else:
            parent[where[-1]] = value
    return doc


def _check(kind: str, doc) -> None:
    base, loaders = LOADERS[kind]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"user_{kind}.yml"
        path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
        for load in loaders:
            try:
                load(path)
            except LexiconError as exc:
                assert Path(exc.path).name == path.name, exc
                assert exc.line is not None and exc.line >= 1, exc
                assert str(exc).startswith(f"{exc.path}, line {exc.line}: ")


@pytest.mark.parametrize("kind", sorted(LOADERS))
def test_lexicon_shapes_valid_base_files_load(kind):
    base, loaders = LOADERS[kind]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"user_{kind}.yml"
        path.write_text(yaml.safe_dump(base, sort_keys=False), encoding="utf-8")
        for load in loaders:
            loaded = load(path)
            if kind == "actors":
                assert {"anna_berg", "north_officials"} <= set(loaded.actors)
            elif kind == "hedges":
                assert {"surely", "plainly", "rumoured"} <= {e.cue for e in loaded.entries}
            else:
                assert (loaded.stance_of("gainsay"), loaded.stance_of("opined")) == ("denial", "neutral")


@settings(PROFILE, max_examples=150)
@given(mutated(ACTORS))
def test_lexicon_shapes_generated_actor_files_raise_only_lexicon_errors(doc):
    _check("actors", doc)


@settings(PROFILE, max_examples=150)
@given(mutated(HEDGES))
def test_lexicon_shapes_generated_hedge_files_raise_only_lexicon_errors(doc):
    _check("hedges", doc)


@settings(PROFILE, max_examples=150)
@given(mutated(VERBS))
def test_lexicon_shapes_generated_verb_files_raise_only_lexicon_errors(doc):
    _check("verbs", doc)


@pytest.mark.parametrize("text, line, why", [
    ("sources: {mine: Notes}\ncamps: {north: {name: North}}\nactors:\n"
     "  - {id: {x: 1}, name: A, camp: north, kind: person, source: mine}\n", 4, "'id'"),
    ("sources: {mine: Notes}\ncamps:\n  north: {name: North, generic: [null]}\nactors:\n"
     "  - {id: a, name: A, camp: north, kind: person, source: mine}\n", 3, "'generic' must be an actor id"),
    ("sources: {mine: Notes}\ncamps: {north: {name: North}, 1: {name: One}}\nactors:\n"
     "  - {id: a, name: A, camp: nowhere, kind: person, source: mine}\n", 4, "unknown camp"),
    ("sources: {mine: Notes}\ncamps: {north: {name: North}}\nactors:\n"
     "  - {id: a, name: A, camp: north, kind: person, source: mine, null: 1, zz: 2}\n", 4, "unknown actor key"),
    ("sources: {mine: Notes}\ncamps: {north: {name: North}}\nactors:\n"
     "  - {id: a, name: A, camp: north, kind: person, source: mine,\n     spokesperson: nobody}\n", 4,
     "spokesperson 'nobody' is not an actor id"),
    ("- just\n- a list\n", 1, "must be a mapping"),
    ("42\n", 1, "must be a mapping"),
])
def test_lexicon_shapes_actor_type_errors_are_lexicon_errors(tmp_path, text, line, why):
    path = tmp_path / "mine.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load_actors(path, extend=False)
    assert info.value.path.endswith("mine.yml") and info.value.line == line and why in info.value.why


@pytest.mark.parametrize("text, line", [
    ("source: N\nstances:\n  neutral:\n    source: N\n    verbs: [{opine: ['  ']}]\n", 5),
    ("source: N\nstances:\n  neutral:\n    source: N\n    verbs: [utter]\n    phrases: ['']\n", 6),
    ("source: N\nstances:\n  neutral: {source: N, verbs: []}\n", 1),
])
def test_lexicon_shapes_verb_empty_forms_are_lexicon_errors(tmp_path, text, line):
    path = tmp_path / "verbs.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load_verbs(path, extend=False)
    assert info.value.path.endswith("verbs.yml") and info.value.line == line
