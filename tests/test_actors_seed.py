"""find_mentions on the real seed article and on the AllSides corpus (read from ../shared); its speed is
measured by benchmarks/extractors.py, not here."""

from __future__ import annotations

import json

from toolkit.actors import find_mentions, load_actors


def test_actors_seed_article_actors_and_camps(shared):
    text = shared("seed", "000_cfdc8fee49a77273.txt").read_text(encoding="utf-8")
    ms = find_mentions(text)
    assert all(text[m.start:m.end] == m.text for m in ms)
    found = {(m.actor, m.camp) for m in ms}
    expected = {
        ("putin", "russia"), ("peskov", "russia"), ("konashenkov", "russia"), ("mccain", "us"),
        ("carter", "us"), ("khoja", "opposition"), ("syrian_observatory", "opposition"),
        ("white_helmets", "opposition"), ("pentagon", "us"), ("us_officials", "us"),
        ("activists", "opposition"), ("unnamed_source", "unnamed"),
    }
    assert expected <= found
    by_text = {m.text: m for m in ms}
    assert by_text["U.S. defense officials"].actor == "us_officials"
    assert by_text["a Lebanese source"].actor == "unnamed_source"
    assert {"Syria Civil Defence", "White Helmets"} <= {m.text for m in ms if m.actor == "white_helmets"}
    assert any(m.text == "Dmitry Peskov" for m in ms) and any(m.how == "possessive" for m in ms if m.actor == "putin")
    # "outside Moscow" is a place; the other "Moscow" mentions are the Russian government.
    outside = text.index("outside Moscow") + len("outside ")
    assert not any(m.start <= outside < m.end for m in ms)
    assert any(m.text == "Moscow" and m.how == "metonym" for m in ms)


def test_actors_allsides_mentions_index_their_text(shared):
    folder = shared("corpora", "allsides-syria", "data", "jsons")
    texts = [json.loads(p.read_text(encoding="utf-8")).get("content_original") or ""
             for p in sorted(folder.glob("*.json"))]
    lex = load_actors()
    found = [(t, find_mentions(t, lex)) for t in texts]
    assert all(t[m.start:m.end] == m.text for t, ms in found for m in ms)
    assert sum(len(ms) for _, ms in found) > len(texts)  # every Syria article names at least one actor on average
