"""Generated forms are bounded: a small file whose products (qualifier x noun, title qualifier x title)
would make millions of forms is a LexiconError saying the limit, not a build that exhausts memory."""

from __future__ import annotations

import pytest

from toolkit.actors import lexicon as actor_lexicon
from toolkit.actors import MAX_GENERATED_FORMS, find_mentions, load_actors
from toolkit.lexicon import LexiconError

HEAD = "sources: {mine: Notes}\ncamps: {north: {name: North}}\n"


def _words(prefix: str, n: int) -> str:
    return "[" + ", ".join(f"{prefix}{i:04d}" for i in range(n)) + "]"


def _generic(n_qualifiers: int, n_nouns: int, aid: str = "crowd") -> str:
    return (f"  - id: {aid}\n    name: Crowd {aid}\n    camp: north\n    kind: generic\n    source: mine\n"
            f"    generic:\n      qualifiers: {_words('q' + aid, n_qualifiers)}\n"
            f"      nouns: {_words('n' + aid, n_nouns)}\n")


def test_actors_generic_product_of_1500_by_1500_is_refused_with_the_limit(tmp_path):
    path = tmp_path / "crowd.yml"
    path.write_text(HEAD + "actors:\n" + _generic(1_500, 1_500), encoding="utf-8")
    assert path.stat().st_size < 40_000
    with pytest.raises(LexiconError) as info:
        load_actors(path, extend=False)
    err = info.value
    assert err.path == str(path) and err.line == 10
    assert "2,250,000" in err.why and f"{MAX_GENERATED_FORMS:,}" in err.why


def test_actors_generic_product_under_the_limit_is_matched(tmp_path):
    path = tmp_path / "crowd.yml"
    path.write_text(HEAD + "actors:\n" + _generic(100, 100), encoding="utf-8")
    lex = load_actors(path, extend=False)
    (m,) = find_mentions("Later qcrowd0042 ncrowd0099 spoke.", lex)
    assert (m.actor, m.how, m.text) == ("crowd", "generic", "qcrowd0042 ncrowd0099")


def test_actors_generic_forms_of_all_actors_are_bounded_together(tmp_path, monkeypatch):
    monkeypatch.setattr(actor_lexicon, "MAX_GENERATED_TOTAL", 25_000)
    path = tmp_path / "crowds.yml"
    path.write_text(HEAD + "actors:\n" + "".join(_generic(100, 100, f"c{i}") for i in range(3)), encoding="utf-8")
    with pytest.raises(LexiconError, match="over 25,000 qualifier \\+ noun forms in all") as info:
        load_actors(path, extend=False)
    assert info.value.line is not None


def test_actors_title_product_is_bounded(tmp_path):
    path = tmp_path / "titles.yml"
    path.write_text(HEAD + f"titles: {_words('T', 400)}\ntitle_qualifiers: {_words('Q', 400)}\nactors:\n"
                    "  - {id: a, name: A, camp: north, kind: person, source: mine}\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="makes 160,000 titles, over the limit") as info:
        load_actors(path, extend=False)
    assert info.value.path == str(path) and info.value.line is not None
