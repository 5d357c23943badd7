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
