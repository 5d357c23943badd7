"""The one check that a loaded article is the text a gold file was annotated on (text written for the test)."""

import hashlib

from toolkit.validate.gold_text import same_text

TEXT = "The council met on Tuesday and said the bridge would reopen in May."
SHA = hashlib.sha256(TEXT.encode("utf-8")).hexdigest()


def test_validate_gold_text_same_text_accepts_the_annotated_text():
    assert same_text(TEXT, SHA) and same_text(TEXT, SHA, len(TEXT))


def test_validate_gold_text_same_text_rejects_an_edit_or_a_wrong_length():
    assert not same_text(TEXT.replace("May", "June"), SHA)
    assert not same_text(TEXT, SHA, len(TEXT) + 1)
    assert not same_text("caf\u00e9", hashlib.sha256("cafe".encode("utf-8")).hexdigest())


def test_validate_gold_text_read_corpus_reads_once_until_a_file_changes(tmp_path, monkeypatch):
    import os

    from toolkit.validate import gold_text

    reads = []
    monkeypatch.setattr(gold_text, "load_corpus", lambda folder: reads.append(str(folder)) or gold_text.Path(folder).name)
    gold_text._read.cache_clear()
    folder = tmp_path / "wire"
    folder.mkdir()
    (folder / "wire_2015-10-01_a.txt").write_text("Title\n\n" + TEXT + "\n", encoding="utf-8")
    assert gold_text.read_corpus(folder) == gold_text.read_corpus(str(folder)) == "wire"
    assert reads == [str(folder)]
    (folder / "wire_2015-10-01_a.txt").write_text("Title\n\n" + TEXT.replace("May", "June") + "\n", encoding="utf-8")
    gold_text.read_corpus(folder)
    (folder / "wire_2015-10-02_b.txt").write_text("Other\n\n" + TEXT + "\n", encoding="utf-8")
    gold_text.read_corpus(folder)
    os.remove(folder / "wire_2015-10-01_a.txt")
    gold_text.read_corpus(folder)
    assert len(reads) == 4  # an edited, an added and a removed file each read the folder again
    gold_text._read.cache_clear()
