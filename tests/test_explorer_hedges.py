"""The evidence explorer's hedge rows: a hedge the news hedge filter drops reads "hedge (filtered)"."""

from toolkit import analyze
from toolkit.explorer import explorer_rows
from toolkit.hedge_filter import FILTERED

_TEXT = ("Talks\n\nEnvoys were asked to establish whether the shells came from the ridge. "
         "Moscow may veto the draft resolution.")


def _rows(**settings):
    res = analyze([{"id": "e1", "outlet": "awire", "date": "2019-03-01", "title": "Talks", "text": _TEXT}],
                  cache=False, progress=False, **settings)
    rows = explorer_rows(res, evidence_words=False)
    return res, rows[rows["type"] == "hedge"].set_index("start")["measure"]


def test_explorer_shows_a_filtered_hedge_as_filtered_not_as_one_without_actor():
    res, measure = _rows()
    filtered = res.hedges.loc[res.hedges["role"] == FILTERED, "start"].tolist()
    assert filtered, "the invented sentence should hold a hedge the shipped filter drops"
    assert all(measure[s] == "hedge (filtered)" for s in filtered)
    others = measure.drop(filtered)
    assert "hedge (filtered)" not in set(others) and len(others)
    _res, unfiltered = _rows(hedge_filter=False)
    assert "hedge (filtered)" not in set(unfiltered)
    assert set(unfiltered.index) == set(measure.index)
