"""Manifest files are parsed once per process while their bytes are unchanged (toolkit.corpus.manifest)."""

from __future__ import annotations

import os

from toolkit.corpus import load_corpus
from toolkit.corpus import manifest


def _folder(tmp_path, name: str):
    folder = tmp_path / "vale"
    folder.mkdir(exist_ok=True)
    (folder / "a.txt").write_text("The Vale Front said on Monday that the road was open.\n", encoding="utf-8")
    (folder / "corpus.yml").write_text(f"name: {name}\noutlet: ruritania post\n", encoding="utf-8")
    return folder


def test_corpus_manifest_parsed_once_for_repeated_loads(tmp_path, monkeypatch):
    parsed = []
    real = manifest.load_yaml
    monkeypatch.setattr(manifest, "load_yaml", lambda path, raw=None: parsed.append(path) or real(path, raw))
    manifest._PARSED.clear()
    bare = tmp_path / "bare"
    bare.mkdir()
    (bare / "a.txt").write_text("Mara Quill said the talks would resume.\n", encoding="utf-8")
    for _ in range(3):  # no corpus.yml: every bundled manifest is looked through for a match
        assert len(load_corpus(bare)) == 1
    bundled = sorted(manifest.MANIFEST_DIR.glob("*.yml"))
    assert bundled and sorted(parsed) == bundled  # each parsed once, not once per load
    folder = _folder(tmp_path, "alpha")
    for _ in range(3):
        assert load_corpus(folder).name == "alpha"
    assert parsed.count(folder / "corpus.yml") == 1


def test_corpus_manifest_edited_file_is_parsed_again_even_with_its_old_size_and_time(tmp_path):
    folder = _folder(tmp_path, "alpha")
    mf = folder / "corpus.yml"
    assert load_corpus(folder).name == "alpha"
    before = os.stat(mf)
    _folder(tmp_path, "gamma")  # same length
    os.utime(mf, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(mf).st_size == before.st_size and os.stat(mf).st_mtime_ns == before.st_mtime_ns
    assert load_corpus(folder).name == "gamma"


def test_corpus_manifest_callers_get_copies(tmp_path):
    mf = _folder(tmp_path, "alpha") / "corpus.yml"
    first = manifest._parsed(mf)
    first["name"] = "changed"
    first.line = 99
    again = manifest._parsed(mf)
    assert again == {"name": "alpha", "outlet": "ruritania post"} and again.line == 1
