"""extract_quotes' call forms: an Article or a text, ``actors=`` (default, a lexicon, or none), and
verbs read from a file edited in the running process; the one inflector."""

from __future__ import annotations

import pytest

from toolkit.actors import load_actors
from toolkit.corpus import Section, article_from_text
from toolkit.quotes import extract_quotes, inflect, load_verbs

TEXT = ('Photo: a crowd at the square. "Nothing will stop us," said Vladimir Putin.\n\n'
        'Rival leaders met in the hall. "We will keep the roads open," the mayor said.\n')


def test_quotes_article_reads_masked_text_and_sections():
    article, _notes = article_from_text(TEXT)
    from_article = extract_quotes(article)
    from_text = extract_quotes(article.masked_text, sections=article.sections)
    assert list(from_article) == list(from_text) and len(from_article) == 2
    assert [q.section for q in from_article] == [article.section_at(q.start) for q in from_article]


def test_quotes_article_with_sections_is_refused():
    article, _notes = article_from_text(TEXT)
    with pytest.raises(TypeError, match="sections"):
        extract_quotes(article, sections=article.sections)


def test_quotes_sections_of_a_text_fill_the_section_column():
    cut = TEXT.index("\n\n")
    quotes = extract_quotes(TEXT, sections=[Section(0, cut, "caption"), Section(cut + 2, len(TEXT), "body")])
    assert [q.section for q in quotes] == ["caption", "body"]


def test_quotes_actors_none_is_the_default_lexicon_and_false_is_no_lexicon():
    default = extract_quotes(TEXT)
    assert list(extract_quotes(TEXT, actors=None)) == list(default)
    assert list(extract_quotes(TEXT, actors=load_actors())) == list(default)
    assert default[0].actor == "putin" and default[0].camp == "russia"
    bare = extract_quotes(TEXT, actors=False)
    assert [q.speaker for q in bare] == [q.speaker for q in default]
    assert bare[0].actor is None and bare[0].camp == "other"  # a name the toolkit knows no actor for
    assert bare[1].camp == "unnamed"  # a description


def test_quotes_verbs_file_edited_in_process_gives_the_new_cues(tmp_path):
    path = tmp_path / "verbs.yml"
    text = "The landlord grumbled that the heating bill had doubled again."
    path.write_text("source: Notes\nstances:\n  neutral: {source: Notes, verbs: [mutter]}\n", encoding="utf-8")
    assert list(extract_quotes(text, actors=False, verbs=load_verbs(path, extend=False))) == []
    path.write_text("source: Notes\nstances:\n  neutral: {source: Notes, verbs: [grumble]}\n", encoding="utf-8")
    (q,) = extract_quotes(text, actors=False, verbs=load_verbs(path, extend=False))
    assert q.cue == "grumbled" and q.speaker == "The landlord"


@pytest.mark.parametrize("lemma, forms", [
    ("say", ["say", "says", "sayed", "saying"]),  # irregular past: the lexicons list "said"
    ("deny", ["deny", "denies", "denied", "denying"]),
    ("announce", ["announce", "announces", "announced", "announcing"]),
    ("agree", ["agree", "agrees", "agreed", "agreeing"]),
    ("stress", ["stress", "stresses", "stressed", "stressing"]),
    ("stab", ["stab", "stabs", "stabed", "stabing", "stabbed", "stabbing"]),
    ("point out", ["point out", "points out", "pointed out", "pointing out"]),
])
def test_quotes_inflect_regular_forms(lemma, forms):
    assert inflect(lemma) == forms


MENTIONS_TEXT = ('Officials in Damascus met on Monday. A military source said the convoy was hit near the bridge.\n\n'
                 '"We will keep the roads open," Vladimir Putin said. He added that talks would go on.\n')


def test_quotes_mentions_passed_in_give_identical_quotes(monkeypatch):
    import toolkit.actors as actors_pkg
    from toolkit.actors import find_mentions

    lexicon = load_actors()
    article, _notes = article_from_text(MENTIONS_TEXT)
    for source in (MENTIONS_TEXT, article):
        mentions = find_mentions(source, lexicon, places=True)
        assert any(m.how == "place" for m in mentions)  # the places anchor the unnamed source
        expected = extract_quotes(source, actors=lexicon)
        assert [q.actor for q in expected][1:] == ["putin", "putin"]  # the pronoun resolved through the mentions

        def no_second_search(*_args, **_kwargs):
            raise AssertionError("mentions found twice")

        with monkeypatch.context() as m:
            m.setattr(actors_pkg, "find_mentions", no_second_search)
            assert list(extract_quotes(source, actors=lexicon, mentions=mentions)) == list(expected)
