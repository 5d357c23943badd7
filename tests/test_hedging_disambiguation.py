"""Context rules: May the month, could not, will/would, appear on TV, as if/even if, claim, possible."""

from toolkit.hedging import find_hedges, is_uncertain


def words(text):
    return [text[h.start:h.end] for h in find_hedges(text)]


def test_hedging_may_the_month_and_the_name_are_not_modals():
    assert words("The offensive began in May and ended in June.") == []
    assert words("Talks resumed on May 14 in Astana.") == []
    assert words("Prime Minister Theresa May thanked the lifeboat crews.") == []


def test_hedging_may_the_modal_in_lower_case_or_sentence_initial():
    assert words("The rebels may accept the offer.") == ["may"]
    assert words("Last week was calm. May the truce hold, he said.") == ["May"]


def test_hedging_may_at_sentence_start_before_a_number_is_the_month():
    assert words("May 2016 saw heavy fighting around the city.") == []


def test_hedging_could_not_and_couldnt_are_not_hedges():
    assert words("The medics could not reach the wounded.") == []
    assert words("The medics couldn't reach the wounded.") == []
    assert words("The medics couldn\u2019t reach the wounded.") == []
    assert words("The medics could n't reach the wounded.") == []
    assert words("The medics could reach the wounded soon.") == ["could"]


def test_hedging_may_not_and_might_not_remain_hedges():
    assert words("The deal may not survive the week.") == ["may"]
    assert words("The deal might not survive the week.") == ["might"]


def test_hedging_will_and_would_are_not_hedges():
    assert words("The ministers will meet again next month.") == []
    assert words("He said the army would leave the town.") == []


def test_hedging_appear_on_tv_or_in_court_is_not_a_hedge():
    assert words("The defector appeared on state television last night.") == []
    assert words("The suspect appeared in court on Monday.") == []
    assert words("The envoy appeared before the committee.") == []
    assert words("She appears as a witness for the prosecution.") == []


def test_hedging_appear_with_a_proposition_is_a_hedge():
    assert words("The jets appeared to target a market.") == ["appeared"]
    assert words("It appears that the road was mined.") == ["appears"]


def test_hedging_as_if_is_not_and_even_if_is_conditional():
    assert words("The town carried on as if nothing had happened.") == []
    found = find_hedges("The army will advance even if the talks succeed.")
    assert [(h.cue, h.category) for h in found] == [("even if", "conditional")]


def test_hedging_claim_counts_only_when_it_introduces_a_proposition():
    assert words("The Vale Front claimed responsibility for the ambush.") == []
    assert words("The claims were repeated on the radio.") == []
    assert words("The group claimed that its fighters held the dam.") == ["claimed"]


def test_hedging_possible_in_fixed_phrases_is_not_a_hedge():
    assert words("Aid must arrive as soon as possible.") == []
    assert words("The new road made it possible to evacuate the sick.") == []
    assert words("Officials warned of a possible attack.") == ["possible"]


def test_hedging_words_containing_a_cue_are_not_cues():
    assert words("The mayhem in the maybe-not-so-quiet suburb was unexpected.") == []


def test_hedging_opinion_verbs_count_in_the_passive_or_with_as():
    assert words("The commander is widely regarded as a moderate.") == ["regarded"]
    assert words("The town was considered safe until March.") == ["considered"]
    assert words("The council considered the request on Monday.") == []


def test_hedging_estimate_counts_with_a_proposition_not_before_a_number():
    assert words("An estimated 4,000 families fled the valley.") == []
    assert words("Officials estimated that the dam held.") == ["estimated"]


def test_hedging_suspect_the_noun_is_not_a_hedge_but_suspected_is():
    assert words("The suspect was detained at the border.") == []
    assert words("A suspected car bomb hit the market.") == ["suspected"]


def test_hedging_accusations_are_reports_not_hedges():
    text = "The ministry accused the militia of looting."
    assert find_hedges(text) == []
    found = find_hedges(text, reporting=True)  # found on request (Szeged counts them as doxastic)
    assert [(h.cue, h.category) for h in found] == [("accused", "reporting")]
    assert not is_uncertain(text) and is_uncertain(text, reporting=True)
    # "alleged" still distances the writer from the claim
    assert [h.cue for h in find_hedges("The alleged smuggler was released.")] == ["alleged"]
