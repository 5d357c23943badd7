"""find_mentions and find_hedges take an Article as well as a str: they read ``masked_text``
(boilerplate blanked, same length), so the offsets index ``article.text``."""

from __future__ import annotations

from toolkit.actors import find_mentions
from toolkit.corpus import Article, Section
from toolkit.hedging import find_hedges

BODY = "Vladimir Putin said the strikes might continue."
BOILER = "Putin news: subscribe, it might be free."
TEXT = f"{BODY}\n{BOILER}"
ARTICLE = Article("a1", "demo", None, None, TEXT,
                  (Section(0, len(BODY), "body"), Section(len(BODY) + 1, len(TEXT), "boilerplate")))


def test_extractors_find_mentions_of_an_article_skip_its_boilerplate():
    mentions = find_mentions(ARTICLE)
    assert [(m.text, m.actor) for m in mentions] == [("Vladimir Putin", "putin")]
    assert mentions == find_mentions(ARTICLE.masked_text)
    assert all(TEXT[m.start:m.end] == m.text for m in mentions)
    assert len(find_mentions(TEXT)) == 2


def test_extractors_find_hedges_of_an_article_skip_its_boilerplate():
    hedges = find_hedges(ARTICLE)
    assert [(TEXT[h.start:h.end], h.start) for h in hedges] == [("might", BODY.index("might"))]
    assert hedges == find_hedges(ARTICLE.masked_text)
    assert len(find_hedges(TEXT)) == 2
