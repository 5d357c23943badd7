"""Gold-set loaders shared by training and validation.

A loader reads a published annotated data set into the toolkit's records; ``toolkit.sentiment``
trains on them and ``toolkit.validate`` scores against them, so neither depends on the other. The
data itself is never in the repository: it is read at run time (``toolkit.paths.shared_path``).
"""

from __future__ import annotations

from .newsmtsc import POLARITY, Example, load_newsmtsc
from .persent import PersentDoc, load_persent

__all__ = ["Example", "POLARITY", "load_newsmtsc", "PersentDoc", "load_persent"]
