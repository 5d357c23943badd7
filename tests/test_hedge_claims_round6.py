"""No tests: the round-6 names of the stubs in tests/claim_stubs.py, for the two files that still import them
(tests/test_claim_mentions.py, tests/test_claim_mentions_role_descriptions.py; another helper's). The round-6
examples are rows of tests/test_hedge_claims_rules.py. Delete this file once those two import from claim_stubs."""

from claim_stubs import StubLexicon as _Lexicon
from claim_stubs import claim_of as _claim
from claim_stubs import without as _without

__all__ = ["_Lexicon", "_claim", "_without"]
