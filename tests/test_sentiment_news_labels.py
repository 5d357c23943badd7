"""Portrayal's news labels (toolkit/sentiment/news.py): the neutral band on the mention score and the
follower-noun rule change portrayal's labels only, never its scores or target_sentiment; their choice by
leave-one-set-out (toolkit/sentiment/news_choice.py) follows the decision rule. Invented text and scores."""

from __future__ import annotations

import pytest

from toolkit.sentiment import entity_portrayal, get_backend, portrayal, target_sentiment
from toolkit.sentiment.context import target_context
from toolkit.sentiment.news import follower_modifier, news_label, portrayal_band
from toolkit.sentiment.news_choice import Choice, SpotMention, choose, leave_one_set_out, news_predictions, spot_mention
from toolkit.sentiment.records import TargetSentiment


def _result(label: str, score: float) -> TargetSentiment:
    return TargetSentiment(label, score, (), 0, 4, "test")


def _span(text: str, mention: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(mention, start + 1)
    return start, start + len(mention)


def test_sentiment_news_label_band_neutralises_weak_polar_labels_only():
    assert news_label(_result("positive", 0.2), 0.35, False).label == "neutral"
    assert news_label(_result("negative", -0.34), 0.35, False).label == "neutral"
    assert news_label(_result("negative", -0.6), 0.35, False).label == "negative"
    kept = news_label(_result("neutral", -0.5), 0.35, False)  # the band never makes a label polar
    assert kept.label == "neutral" and kept.score == -0.5
    moved = news_label(_result("positive", 0.9), 0.0, True)  # the follower rule ignores the score
    assert moved.label == "neutral" and moved.score == 0.9


def test_sentiment_news_follower_modifier_finds_the_noun_after_the_target():
    text = ("Mara Quill supporters cheered in Port Elbe. The Vale Front's allies marched. "
            "Mara Quill thanked her supporters.")
    assert follower_modifier(target_context(text, *_span(text, "Mara Quill")))
    assert follower_modifier(target_context(text, *_span(text, "Vale Front")))  # "Front's" is one token
    assert not follower_modifier(target_context(text, *_span(text, "Mara Quill", 1)))
    assert not follower_modifier(target_context(text, *_span(text, "Port Elbe")))


def test_sentiment_news_portrayal_keeps_scores_and_applies_the_band():
    text = ("The Vale Front lost control of the harbour. "
            "Mara Quill met the envoy of Ruritania amid tensions. "
            "Ruritania praised the brave volunteers who rebuilt the bridge.")
    spans = [_span(text, "The Vale Front"), _span(text, "Mara Quill"), _span(text, "Ruritania", 1)]
    band = portrayal_band(get_backend("default"))
    assert band > 0
    relabelled = 0
    for got, (start, end) in zip(portrayal(text, spans), spans):
        raw = target_sentiment(text, start, end)  # no quotation here: the same evidence in both voices
        assert got.score == raw.score and got.evidence == raw.evidence
        assert got.label == ("neutral" if abs(raw.score) < band else raw.label)
        relabelled += got.label != raw.label
    assert relabelled >= 1  # a weakly polar mention among them


def test_sentiment_news_follower_rule_in_portrayal_not_in_target_sentiment():
    text = "Angry Mara Quill supporters stormed the courthouse of Port Elbe and beat two guards."
    start, end = _span(text, "Mara Quill")
    assert portrayal(text, [(start, end)])[0].label == "neutral"
    assert portrayal(text, [(start, end)], backend="vader")[0].label == "neutral"
    raw, lexical = target_sentiment(text, start, end), target_sentiment(text, start, end, backend="vader")
    assert raw.label != "neutral" and lexical.label != "neutral"  # the models alone read the mention as polar
    assert portrayal(text, [(start, end)])[0].score == raw.score


def test_sentiment_news_band_only_where_a_backend_declares_one():
    assert portrayal_band(get_backend("vader")) == 0.0
    assert portrayal_band(get_backend("stacked")) == 0.0
    assert portrayal_band(get_backend("static")) == portrayal_band(get_backend("default")) > 0
    text = "Ruritania bombed the dam of Port Elbe. Ruritania opened a school there."
    spans = [_span(text, "Ruritania"), _span(text, "Ruritania", 1)]
    for got, (start, end) in zip(portrayal(text, spans, backend="vader"), spans):
        assert got.label == target_sentiment(text, start, end, backend="vader").label


def test_sentiment_news_entity_portrayal_uses_the_unchanged_scores():
    text = "The Vale Front shelled Port Elbe. The Vale Front signed a truce. The Vale Front met envoys."
    spans = [_span(text, "The Vale Front", i) for i in range(3)]
    ent = entity_portrayal(text, spans)
    mean = sum(target_sentiment(text, s, e).score for s, e in spans) / 3
    assert abs(ent.score - round(mean, 4)) < 1e-9


def _metric(gold, pred):
    acc = sum(g == p for g, p in zip(gold, pred)) / len(gold)
    return acc, acc  # a stand-in scorer: the choice logic is what is tested


def _mentions(rows):
    return [SpotMention(gold, _result(label, score), follower) for gold, label, score, follower in rows]


def test_sentiment_news_choice_picks_the_band_that_separates_weak_scores():
    rows = [("neutral", "positive", 0.2, False), ("positive", "positive", 0.5, False),
            ("neutral", "negative", -0.25, False), ("negative", "negative", -0.6, False)]
    sets = {"a": _mentions(rows), "b": _mentions(rows), "c": _mentions(rows)}
    assert choose(sets, _metric, (0.0, 0.1, 0.3, 0.55)) == Choice(0.3, False)  # the rule changes nothing: off
    folds = leave_one_set_out(sets, _metric, (0.0, 0.1, 0.3, 0.55))
    assert [f.choice for f in folds] == [Choice(0.3, False)] * 3
    assert all(f.accuracy == 1.0 and f.base_accuracy == 0.5 for f in folds)


def test_sentiment_news_choice_rule_adopted_only_when_no_training_set_falls():
    helps = [("neutral", "positive", 0.9, True), ("negative", "negative", -0.9, False)]
    hurts = [("positive", "positive", 0.9, True), ("negative", "negative", -0.9, False)]
    assert choose({"a": _mentions(helps), "b": _mentions(helps)}, _metric, (0.0,)).rule
    assert not choose({"a": _mentions(helps), "b": _mentions(hurts)}, _metric, (0.0,)).rule


def test_sentiment_news_spot_mention_keeps_the_backend_label():
    text = "Mara Quill met the envoy of Ruritania amid tensions."
    mention = spot_mention(text, 0, 10, "neutral")
    raw = target_sentiment(text, 0, 10)
    assert mention.result.label == raw.label != "neutral" and not mention.follower
    assert news_predictions([mention], Choice(0.35, True)) == ["neutral"]


_JUDGED = [("Mara Quill endorsement of the torture was condemned by judges.", "Mara Quill"),
           ("The Vale Front's support for the massacre of Port Elbe villagers drew outrage.", "The Vale Front"),
           ("Ruritania allies itself with the killers of Port Elbe.", "Ruritania")]


def test_sentiment_news_follower_rule_skips_acts_and_verbs():
    for text, mention in _JUDGED:  # a support act, not its people; "allies itself" is a verb
        assert not follower_modifier(target_context(text, *_span(text, mention))), text
    text = "Mara Quill fans the flames in Port Elbe. Mara Quill fans marched. Mara Quill loyalists wept."
    assert not follower_modifier(target_context(text, *_span(text, "Mara Quill")))
    assert follower_modifier(target_context(text, *_span(text, "Mara Quill", 1)))
    assert follower_modifier(target_context(text, *_span(text, "Mara Quill", 2)))  # a listed noun beyond support_nouns


def test_sentiment_news_judged_mentions_stay_polar_in_portrayal():
    band = portrayal_band(get_backend("default"))
    for text, mention in _JUDGED:
        start, end = _span(text, mention)
        lexical = target_sentiment(text, start, end, backend="vader")  # no band: only the rule could neutralise it
        assert lexical.label != "neutral" and portrayal(text, [(start, end)], backend="vader")[0].label == lexical.label
        raw, got = target_sentiment(text, start, end), portrayal(text, [(start, end)])[0]
        assert got.label == ("neutral" if abs(raw.score) < band else raw.label)  # the band alone, no rule
    text, mention = _JUDGED[0]
    assert portrayal(text, [_span(text, mention)])[0].label == "negative"


def test_sentiment_news_band_only_for_the_packaged_model(tmp_path):
    from toolkit.sentiment.static import MODEL_PATH, PACKAGED_PORTRAYAL_BAND, StaticLinearBackend

    assert portrayal_band(get_backend("default")) == portrayal_band(get_backend("static")) == PACKAGED_PORTRAYAL_BAND
    user = StaticLinearBackend.load(get_backend("default").save(tmp_path / "mine.json"))  # a user's own weights
    assert portrayal_band(user) == 0.0 and portrayal_band(StaticLinearBackend.load(MODEL_PATH)) == 0.0
    text = "Mara Quill met the envoy of Ruritania amid tensions."
    raw = target_sentiment(text, 0, 10, backend=user)
    assert raw.label != "neutral" and abs(raw.score) < PACKAGED_PORTRAYAL_BAND
    assert portrayal(text, [(0, 10)], backend=user)[0].label == raw.label  # no band unless the user sets one
    user.portrayal_band = PACKAGED_PORTRAYAL_BAND
    assert portrayal(text, [(0, 10)], backend=user)[0].label == "neutral"


def test_sentiment_news_follower_nouns_bad_entry_names_file_and_line(tmp_path):
    from toolkit.lexicon import LexiconError
    from toolkit.sentiment.context import ROLES_PATH, role_cues

    good = ROLES_PATH.read_text(encoding="utf-8")
    assert role_cues(ROLES_PATH).followers >= {"supporters", "loyalists"} and "support" not in role_cues().followers
    bad = tmp_path / "roles.yml"
    bad.write_text(good.replace("follower_nouns: [supporter,", "follower_nouns: [[supporter],", 1), encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        role_cues(bad)
    assert err.value.path == str(bad) and err.value.line and "follower_nouns" in str(err.value)
