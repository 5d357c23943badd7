"""Portrayal that reads the role (issue 20): violence nouns, passive agents, framing, evidence words, CV folds."""

import pytest

from toolkit.datasets import Example
from toolkit.sentiment import target_sentiment
from toolkit.sentiment.context import target_context
from toolkit.sentiment.linear import FUNCTION_WORDS, FeatureSet, LinearTargetBackend
from toolkit.sentiment.linear_fit import feature_rows, fit_rows, predict_row
from toolkit.sentiment.rules import RuleParams, word_terms
from toolkit.sentiment.lexical import vader
from toolkit.sentiment.selection import cross_validate, fold_of
from fold_examples import two_fold_examples


def _ctx(text, target):
    s = text.index(target)
    return target_context(text, s, s + len(target))


@pytest.mark.parametrize("text, target, role", [
    ("Raids by Varnian warplanes left thirty people injured.", "Varnian warplanes", "agent"),
    ("Varnia's airstrikes levelled the market.", "Varnia", "agent"),
    ("Heavy shelling on Doruk went on all night.", "Doruk", "patient"),
])
def test_sentiment_violence_nouns_give_agent_and_patient(text, target, role):
    roles = _ctx(text, target).roles
    assert [(k, r) for _i, k, r in roles] == [("attack", role)]


def test_sentiment_violence_noun_far_from_the_target_is_no_role():
    # "fled the shelling": the residents of the town are not the shelling's agent
    assert _ctx("Residents of Doruk fled the shelling overnight.", "Doruk").roles == ()


def test_sentiment_passive_agent_words_describe_the_patient():
    text = "Orvald was condemned by Maren for the cruel purge."
    ctx = _ctx(text, "Maren")
    lex = vader()
    plain = {i: v for i, v, _c in word_terms(ctx, lex.word_score, RuleParams(), False)}
    damped = {i: v for i, v, _c in word_terms(ctx, lex.word_score, RuleParams(passive_agent=True), False)}
    verb = ctx.sent.lower.index("condemned")
    assert damped[verb] == pytest.approx(plain[verb] * RuleParams().object_damp)
    after = ctx.sent.lower.index("cruel")
    assert damped[after] == pytest.approx(plain[after])  # words after the agent are untouched


def test_sentiment_framing_features_mark_so_called_scare_quotes_and_places():
    probe = LinearTargetBackend({}, settings={"features": {"framing": True}})

    def names(text, target):
        s = text.index(target)
        return {f for f, _v, _t in probe.features(text, s, s + len(target)) if f.startswith("frame:")}

    assert names("The so-called Free Legion held a rally.", "Free Legion") == {"frame:so_called"}
    assert names('The "Free Legion" held a rally.', "Free Legion") == {"frame:scare_quote"}
    assert names("Shops in Doruk stayed shut.", "Doruk") == {"frame:place"}
    assert names("Doruk said the shops stayed shut.", "Doruk") == set()


def test_sentiment_evidence_has_no_function_words_or_marks():
    text = 'Critics said the "reform" by Orlov was a cruel and reckless failure.'
    s = text.index("Orlov")
    r = target_sentiment(text, s, s + 5)
    assert r.evidence
    assert not any(e.text.lower() in FUNCTION_WORDS or not e.text[0].isalnum() for e in r.evidence)


def test_sentiment_feature_set_drops_function_word_features():
    ex = [Example("The envoy praised Orlov for the generous offer.", 18, 23, "positive")]
    (with_fw,) = feature_rows(ex, FeatureSet())
    (without_fw,) = feature_rows(ex, FeatureSet(function_words=False))
    assert any(f.endswith(":the") for f, _v, _t in with_fw)
    assert not any(f.endswith(":the") for f, _v, _t in without_fw)


def test_sentiment_selection_folds_keep_an_article_together_and_score():
    a = [Example(f"Orlov won praise number {i}.", 0, 5, "positive", doc="art_1") for i in range(3)]
    assert len({fold_of(e) for e in a}) == 1
    ex = two_fold_examples()
    (res,) = cross_validate(ex, ((FeatureSet(), 1.0, 1),), k=2)
    assert len(res["folds"]) == 2 and 0.0 <= res["mean"] <= 1.0
    weights = fit_rows(feature_rows(ex), [e.label for e in ex], l2=1.0, min_count=1)
    assert predict_row(weights, feature_rows(ex[:1])[0]) == "positive"
