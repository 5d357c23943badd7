"""Quote extraction and speaker attribution (``toolkit.quotes``), one module per job.

- :mod:`.verbs`: the reporting-verb lexicon (:class:`Verbs`, :func:`load_verbs`);
- :mod:`.marks`: quotation-mark pairing and the units (sentences merged across a quotation);
- :mod:`.phrases` (noun phrases, speakers), :mod:`.subjects` (sentence subjects, bare
  speakers of text without punctuation), :mod:`.contents` (what follows a cue): the token patterns;
  :mod:`.frames` puts them together per cue, dropping speaker spans that cannot be noun phrases
  (:mod:`.spans`); :mod:`.leads`: leading discourse words and datelines of a speaker span;
- :mod:`.names`: a speaker span's name, actor and camp; :mod:`.descriptions`: speakers named by a
  description ("the ministry", "a source at X") resolved from the context; :mod:`.speakers`: one
  article's speaker resolution, pronouns included;
- :mod:`.extract`: :func:`extract_quotes` and :class:`Quote`;
- :mod:`.unresolved`: :func:`unresolved_speakers`, the speaker phrases the actor lexicon missed.
"""

from .extract import Quote, extract_quotes
from .unresolved import LEXICON_HINT, UNRESOLVED_SPEAKERS, normalize_speaker, unresolved_speakers
from .verbs import DEFAULT_VERBS, Verbs, inflect, load_verbs

__all__ = ["Quote", "Verbs", "load_verbs", "DEFAULT_VERBS", "extract_quotes", "unresolved_speakers",
           "normalize_speaker", "LEXICON_HINT", "UNRESOLVED_SPEAKERS", "inflect"]
