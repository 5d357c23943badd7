"""The seed article (shared data): expected hedges and boosters; throughput printed, not asserted."""

import time

from toolkit.hedging import find_hedges


def test_seed_article_hedges_and_boosters(shared):
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


def test_throughput_on_a_big_text(shared):
    text = shared("seed", "000_cfdc8fee49a77273.txt").read_text(encoding="utf-8")
    big = "\n".join([text] * 300)
    t0 = time.perf_counter()
    found = find_hedges(big)
    seconds = time.perf_counter() - t0
    n_words = len(big.split())
    assert len(found) == 300 * len(find_hedges(text))
    print(f"\nfind_hedges: {n_words} words, {len(big) / 1e6:.1f} MB in {seconds:.2f}s = {n_words / seconds:,.0f} words/s")
