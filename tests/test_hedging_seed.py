"""The seed article (shared data): expected hedges and boosters, also in a long text of many copies (its
speed is measured by benchmarks/extractors.py, not here)."""

from toolkit.hedging import find_hedges


def test_hedging_seed_article_hedges_and_boosters(shared):
    text = shared("seed", "000_cfdc8fee49a77273.txt").read_text(encoding="utf-8")
    found = find_hedges(text)
    assert all(text[h.start:h.end].lower().split() == h.cue.split() for h in found)
    got = {(text[h.start:h.end].lower(), h.category) for h in found}
    for expected in [
        ("appeared", "epistemic_verb"),  # "appeared to have targeted"
        ("it is possible", "epistemic_adverb"),
        ("believe", "epistemic_verb"),
        ("could", "epistemic_modal"),
        ("absolutely", "booster"),  # "absolutely confirm"
        ("confirm", "booster"),
        ("confirmed", "booster"),
    ]:
        assert expected in got
    appeared = next(h for h in found if h.cue == "appeared")
    assert text[appeared.end:appeared.end + 3] == " to"
    absolutely = next(h for h in found if h.cue == "absolutely")
    confirm = next(h for h in found if h.start > absolutely.end)
    assert (confirm.cue, text[absolutely.end:confirm.start]) == ("confirm", " ")


def test_hedging_seed_copies_give_the_same_cues_at_shifted_offsets(shared):
    text = shared("seed", "000_cfdc8fee49a77273.txt").read_text(encoding="utf-8")
    copies = 20
    big = "\n".join([text] * copies)
    one = find_hedges(text)
    found = find_hedges(big)
    assert len(found) == copies * len(one)
    shift = len(text) + 1
    last = found[-len(one):]
    assert [(h.start - (copies - 1) * shift, h.end - (copies - 1) * shift, h.cue) for h in last] == \
        [(h.start, h.end, h.cue) for h in one]
