"""quote_share: shares of quotes or quoted words per actor/camp sum to 1 within each group."""

from __future__ import annotations

import pandas as pd
import pytest

from toolkit.quotes import extract_quotes, quote_share


@pytest.fixture
def frame():
    return pd.DataFrame({
        "article_id": ["a1", "a1", "a1", "a2", "a2"],
        "outlet": ["x", "x", "x", "y", "y"],
        "actor": ["putin", "carter", None, "putin", "putin"],
        "camp": ["russia", "us", None, "russia", "russia"],
        "text": ["one two three", "one", "one two three four five six", "a b", "c d e f"],
    })


@pytest.mark.parametrize("unit", ["actor", "camp"])
@pytest.mark.parametrize("weight", ["quotes", "words"])
def test_quotes_share_sums_to_one(frame, unit, weight):
    out = quote_share(frame, by=("article_id",), unit=unit, weight=weight)
    assert out.groupby("article_id")["share"].sum().round(12).eq(1).all()


def test_quotes_share_values(frame):
    by_quotes = quote_share(frame, unit="actor", weight="quotes").set_index(["article_id", "actor"])["share"]
    assert by_quotes[("a1", "putin")] == pytest.approx(1 / 3)
    assert by_quotes[("a1", "unnamed")] == pytest.approx(1 / 3)
    assert by_quotes[("a2", "putin")] == pytest.approx(1.0)
    by_words = quote_share(frame, unit="actor", weight="words").set_index(["article_id", "actor"])["share"]
    assert by_words[("a1", "unnamed")] == pytest.approx(6 / 10)
    corpus = quote_share(frame, by=(), unit="camp", weight="quotes").set_index("camp")["share"]
    assert corpus["russia"] == pytest.approx(3 / 5) and corpus.sum() == pytest.approx(1)
    outlet = quote_share(frame, by=("outlet",), unit="camp")
    assert outlet.groupby("outlet")["share"].sum().round(12).eq(1).all()


def test_quotes_share_from_extracted_frame():
    text = ('"The river is rising fast," the mayor said.\n'
            'Engineers said the dam would hold. "We checked it twice," one engineer added.\n')
    table = extract_quotes(text, lexicon=False).to_frame()
    table.insert(0, "article_id", "t1")
    out = quote_share(table, unit="camp", weight="words")
    assert out["share"].sum() == pytest.approx(1.0) and set(out["camp"]) == {"unnamed"}


def test_quotes_share_rejects_unknown_unit(frame):
    with pytest.raises(ValueError):
        quote_share(frame, unit="outlet")
