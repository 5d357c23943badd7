"""The test session's own settings (tests/conftest.py)."""

from __future__ import annotations

import gc

from conftest import SESSION_GC_THRESHOLD


def test_suite_settings_collector_thresholds_raised_in_the_session():
    assert gc.get_threshold() == SESSION_GC_THRESHOLD and SESSION_GC_THRESHOLD[0] > 700
