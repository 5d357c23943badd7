"""Corpora: reading articles into :class:`Article` records (being split into one module per job)."""

from toolkit.corpus.records import *  # noqa: F401,F403
from toolkit.corpus.records import (  # noqa: F401
    COMMON_FIELDS, FORMATS, MANIFEST_DIR, MAX_CHARS, OUTLETS_FILE, _default_outlets, record_article, records,
    unique_id,
)
from toolkit.corpus.records import __all__  # noqa: F401
