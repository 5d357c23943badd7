"""Target-dependent sentiment (see :mod:`toolkit.sentiment.rules`)."""

from .rules import *  # noqa: F401,F403
from .rules import __all__  # noqa: F401
from .rules import packaged_backend, _FACTORIES, _INSTANCES, _PunctuationStripper, _analyse, _cues, _line_sentences, _sentence_of  # noqa: F401
