"""Calls of :func:`toolkit.labels.find_labels` in the outlet's own voice (no quotes given) for the
tests/test_labels_*.py files: ``one_label(text, ...)`` is the one label of ``text`` (an assertion error when there
are none or several), ``label_camps(text, ...)`` the ``(text, camp)`` of each label; keyword arguments (``alignment``
and the rest) go to ``find_labels``. Limits: no quote spans, so no label is ever inside a quote."""

from __future__ import annotations

from toolkit.labels import Label, find_labels


def one_label(text: str, **kw) -> Label:
    """The one label of ``text`` in the outlet's own voice."""
    labels = find_labels(text, quotes=(), **kw)
    assert len(labels) == 1, labels
    return labels[0]


def label_camps(text: str, **kw) -> list[tuple[str, str | None]]:
    """``(text, camp)`` of each label of ``text`` in the outlet's own voice."""
    return [(x.text, x.camp) for x in find_labels(text, quotes=(), **kw)]
