"""The loaders cache on the files' bytes: an edited file is read again (even with the same size and
modification time), an unchanged one is not; error messages keep the path as the caller gave it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import toolkit.lexicon as lexicon
from toolkit.actors import load_actors
from toolkit.hedging import load_hedges
from toolkit.lexicon import FileCache, LexiconError
from toolkit.quotes import load_verbs

ACTORS = ("sources: {{mine: Notes}}\ncamps: {{north: {{name: North}}}}\nactors:\n"
          "  - {{id: one, name: One, camp: north, kind: person, source: mine, aliases: [{alias}]}}\n")
HEDGES = "categories:\n  booster: {{source: Notes, cues: [{cue}]}}\n"
VERBS = "source: Notes\nstances:\n  neutral: {{source: Notes, verbs: [{verb}]}}\n"


def _rewrite(path: Path, text: str) -> None:
    """Write ``text`` keeping the file's size and modification time (as a fast editor or a copy might)."""
    st = path.stat()
    assert len(text.encode()) == st.st_size
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


@pytest.mark.parametrize("extend", [True, False])
def test_lexicon_cache_edited_actor_file_is_read_again(tmp_path, extend):
    path = tmp_path / "actors.yml"
    path.write_text(ACTORS.format(alias="Blue Fox"), encoding="utf-8")
    first = load_actors(path, extend=extend)
    assert load_actors(path, extend=extend) is first
    _rewrite(path, ACTORS.format(alias="Gray Owl"))
    second = load_actors(path, extend=extend)
    assert "Gray Owl" in second.actors["one"].aliases and "Blue Fox" not in second.actors["one"].aliases
    assert load_actors(path, extend=extend) is second


@pytest.mark.parametrize("extend", [True, False])
def test_lexicon_cache_edited_hedges_file_is_read_again(tmp_path, extend):
    path = tmp_path / "hedges.yml"
    path.write_text(HEDGES.format(cue="zorbly"), encoding="utf-8")
    first = load_hedges(path, extend=extend)
    assert load_hedges(path, extend=extend) is first  # analyze calls it once per article
    assert [h.cue for h in first.find("It is zorbly so.")] == ["zorbly"]
    _rewrite(path, HEDGES.format(cue="quaxly"))
    second = load_hedges(path, extend=extend)
    assert [h.cue for h in second.find("It is zorbly so, quaxly.")] == ["quaxly"]


@pytest.mark.parametrize("extend", [True, False])
def test_lexicon_cache_edited_verbs_file_is_read_again(tmp_path, extend):
    path = tmp_path / "verbs.yml"
    path.write_text(VERBS.format(verb="opine"), encoding="utf-8")
    first = load_verbs(path, extend=extend)
    assert load_verbs(path, extend=extend) is first and first.stance_of("opined") == "neutral"
    _rewrite(path, VERBS.format(verb="quoth"))
    second = load_verbs(path, extend=extend)
    assert second.stance_of("quoth") == "neutral" and second.stance_of("opined") is None


def test_lexicon_cache_same_bytes_in_another_file_share_the_build_per_path(tmp_path):
    a, b = tmp_path / "a.yml", tmp_path / "b.yml"
    for p in (a, b):
        p.write_text(HEDGES.format(cue="zorbly"), encoding="utf-8")
    assert load_hedges(a) is load_hedges(a)
    assert load_hedges(b).paths[0] == str(b)  # built for its own path: errors and provenance name it


def test_lexicon_cache_file_made_malformed_raises_then_recovers(tmp_path):
    path = tmp_path / "verbs.yml"
    path.write_text(VERBS.format(verb="opine"), encoding="utf-8")
    load_verbs(path)
    path.write_text("source: Notes\nstances: [oops]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"verbs\.yml, line 2"):
        load_verbs(path)
    path.write_text(VERBS.format(verb="opine"), encoding="utf-8")
    assert load_verbs(path).stance_of("opines") == "neutral"


def test_lexicon_cache_is_a_small_lru_that_builds_each_content_once(tmp_path):
    cache, built = FileCache(maxsize=2), []
    paths = [tmp_path / f"{i}.yml" for i in range(3)]
    for i, p in enumerate(paths):
        p.write_text(f"n: {i}\n", encoding="utf-8")

    def build(raws):
        built.append(b"".join(raws.values()))
        return len(built)

    assert [cache.get([p], build) for p in paths[:2]] == [1, 2]
    assert cache.get([paths[0]], build) == 1 and len(built) == 2  # hit
    assert cache.get([paths[2]], build) == 3 and len(cache) == 2  # evicts paths[1], the least recent
    assert cache.get([paths[0]], build) == 1
    assert cache.get([paths[1]], build) == 4
    assert cache.get([paths[1]], build, "other option") == 5  # the extra key parts count


def test_lexicon_cache_reads_each_file_with_the_bounds(tmp_path, monkeypatch):
    monkeypatch.setattr(lexicon, "MAX_BYTES", 50)
    path = tmp_path / "hedges.yml"
    path.write_text(HEDGES.format(cue="zorbly" * 10), encoding="utf-8")
    with pytest.raises(LexiconError, match="over the limit of 50 bytes"):
        load_hedges(path)


def test_lexicon_cache_edited_default_hedges_file_is_read_again(tmp_path, monkeypatch):
    import toolkit.hedging as hedging
    from toolkit.hedging import find_hedges

    path = tmp_path / "hedges.yml"
    path.write_text(HEDGES.format(cue="zorbly"), encoding="utf-8")
    monkeypatch.setattr(hedging, "DEFAULT_PATH", path)
    assert load_hedges() is load_hedges()
    assert [h.cue for h in find_hedges("It is zorbly so, quaxly.")] == ["zorbly"]
    _rewrite(path, HEDGES.format(cue="quaxly"))
    assert [h.cue for h in find_hedges("It is zorbly so, quaxly.")] == ["quaxly"]
    user = tmp_path / "user.yml"
    user.write_text(HEDGES.format(cue="blorpy"), encoding="utf-8")
    assert [h.cue for h in load_hedges(user).find("quaxly and blorpy")] == ["quaxly", "blorpy"]


def test_lexicon_cache_edited_default_actors_file_is_read_again(tmp_path, monkeypatch):
    import toolkit.actors.lexicon as actors
    from toolkit.actors import find_mentions

    path = tmp_path / "actors.yml"
    path.write_text(ACTORS.format(alias="Blue Fox"), encoding="utf-8")
    monkeypatch.setattr(actors, "DEFAULT_PATH", path)
    assert load_actors() is load_actors()
    assert [m.text for m in find_mentions("Blue Fox met Gray Owl.")] == ["Blue Fox"]
    _rewrite(path, ACTORS.format(alias="Gray Owl"))
    assert [m.text for m in find_mentions("Blue Fox met Gray Owl.")] == ["Gray Owl"]
