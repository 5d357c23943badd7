"""load_yaml is bounded: devices, FIFOs, oversized files, alias bombs, deep nesting and unreadable
scalars are each a LexiconError naming the file (and line), never a hang, a crash or a memory blow-up."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import toolkit.lexicon as lexicon
from toolkit.actors import load_actors
from toolkit.corpus import load_corpus
from toolkit.hedging import load_hedges
from toolkit.lexicon import LexiconError, load_yaml
from toolkit.quotes import load_verbs

LOADERS = [load_yaml, load_actors, load_hedges, load_verbs]


def _bomb(levels: int = 9, width: int = 9, merge: bool = False) -> str:
    """A 'billion laughs' document: each anchor lists ``width`` aliases of the previous one."""
    if merge:
        lines = ["a0: &a0 {x: 1}"] + [f"a{i}: &a{i} {{<<: [" + ", ".join([f"*a{i - 1}"] * width) + "]}"
                                      for i in range(1, levels)]
    else:
        lines = ["a0: &a0 [" + ", ".join(["lol"] * width) + "]"] + [
            f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * width) + "]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("loader", LOADERS, ids=lambda f: f.__name__)
def test_lexicon_device_behind_a_symlink_is_refused_without_reading(tmp_path, loader):
    link = tmp_path / "user.yml"
    link.symlink_to("/dev/zero")
    with pytest.raises(LexiconError, match="not a regular file") as info:
        loader(link)
    assert info.value.path.endswith("user.yml")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_lexicon_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "corpus.yml"
    os.mkfifo(fifo)
    with pytest.raises(LexiconError, match="not a regular file"):
        load_yaml(fifo)


def test_lexicon_folder_is_refused(tmp_path):
    with pytest.raises(LexiconError, match="not a regular file"):
        load_yaml(tmp_path)


def test_lexicon_file_over_the_size_limit_names_file_and_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(lexicon, "MAX_BYTES", 1_000)
    path = tmp_path / "big.yml"
    path.write_text("cues:\n" + "  - maybe\n" * 200, encoding="utf-8")
    with pytest.raises(LexiconError, match=r"over the limit of 1,000 bytes") as info:
        load_yaml(path)
    assert info.value.path == str(path)
    path.write_text("cues: [maybe]\n", encoding="utf-8")
    assert load_yaml(path) == {"cues": ["maybe"]}


def test_lexicon_default_size_limit_is_a_module_constant_of_megabytes():
    assert 1_000_000 <= lexicon.MAX_BYTES <= 100_000_000
    assert all(p.stat().st_size < lexicon.MAX_BYTES for p in lexicon.DEFAULT_DIR.glob("*.yml"))


@pytest.mark.parametrize("merge", [False, True], ids=["lists", "merge_keys"])
@pytest.mark.parametrize("loader", LOADERS, ids=lambda f: f.__name__)
def test_lexicon_alias_bomb_is_refused_in_every_loader(tmp_path, loader, merge):
    path = tmp_path / "bomb.yml"
    path.write_text(_bomb(merge=merge), encoding="utf-8")
    assert path.stat().st_size < 1_000
    with pytest.raises(LexiconError, match="aliases stand for more than") as info:
        loader(path)
    assert info.value.path == str(path) and 1 <= info.value.line <= 9


def test_lexicon_alias_bomb_in_a_corpus_manifest_is_a_problem(tmp_path):
    (tmp_path / "corpus.yml").write_text("name: bomb\n" + _bomb(), encoding="utf-8")
    (tmp_path / "a.txt").write_text("Title\nThe clerk said the office opens at nine.\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert [a.id for a in corpus] == ["a"]
    (problem,) = corpus.problems
    assert problem.path.endswith("corpus.yml") and "aliases stand for more than" in problem.why


def test_lexicon_aliases_below_the_bound_still_load(tmp_path):
    path = tmp_path / "ok.yml"
    path.write_text(_bomb(levels=4, width=9), encoding="utf-8")  # 9**4 nodes expanded: fine
    data = load_yaml(path)
    assert data["a3"][0] is data["a2"] and data["a1"][0] == ["lol"] * 9


@pytest.mark.parametrize("text", [
    "[" * 5_000 + "]" * 5_000,
    "a: " + "{b: [" * 3_000,
    "".join("  " * i + f"k{i}:\n" for i in range(150)),
    "".join("  " * i + "-\n" for i in range(150)),
], ids=["flow_lists", "flow_unclosed", "block_maps", "block_lists"])
def test_lexicon_deep_nesting_is_refused_with_its_line(tmp_path, text):
    path = tmp_path / "deep.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError, match=f"nested deeper than {lexicon.MAX_DEPTH} levels") as info:
        load_yaml(path)
    assert info.value.line is not None


def test_lexicon_nesting_at_the_bound_loads(tmp_path):
    path = tmp_path / "deep.yml"
    path.write_text("[" * (lexicon.MAX_DEPTH - 1) + "x" + "]" * (lexicon.MAX_DEPTH - 1), encoding="utf-8")
    data = load_yaml(path)
    for _ in range(lexicon.MAX_DEPTH - 1):
        data = data[0]
    assert data == "x"


@pytest.mark.parametrize("value", ["2001-13-45", "2001-02-29 25:61:61", "1" * 5_000, "0x" + "f" * 5_000,
                                   "0b" + "1" * 5_000, ":".join(["59"] * 500)],
                         ids=["month", "day", "digits", "hex", "binary", "sexagesimal"])
def test_lexicon_scalar_that_cannot_be_read_names_its_line(tmp_path, value):
    path = tmp_path / "bad.yml"
    path.write_text(f"source: mine\ncues:\n  - {value}\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="cannot read the value") as info:
        load_yaml(path)
    assert info.value.path == str(path) and info.value.line == 3
