"""Score quote extraction, speakers and camps on real multi-outlet news (``gold/real-quotes``).

The gold (``../shared/gold/real-quotes/``, made for this project; see its README and GUIDE) marks
every attributed statement of 30 real articles from the FA-KES, AllSides-Syria and Sputnik corpora:
the content span, the speaker words at the cue, the resolved actor and its camp. Offsets index the
article text as :func:`toolkit.load_corpus` loads it from ``../shared/corpora/<corpus>``; the
extractor runs the way :func:`toolkit.pipeline.analyze_article` runs it, on ``Article.masked_text``
with the default actor lexicon and verbs.

The scoring rule is the gold README's (the held-out set is scored the same way):

* a statement is **found** when some single predicted quote covers at least half of its word
  tokens (``\\w+`` of the statement's content; a token counts as covered when it lies wholly inside
  the quote's span);
* the **best-overlapping** quote of a found statement is the one covering most of its tokens
  (ties: the first in text order);
* **camp accuracy**, on found statements: the best quote's camp (``None`` read as ``unnamed``, as
  :func:`toolkit.analyze` records it) equals the gold camp; gold camp ``other`` is right
  for any prediction;
* **speaker accuracy**, on found statements: the best quote's speaker span overlaps the gold
  speaker words, at the gold offsets or any other occurrence of the same words, on word
  boundaries, within 400 characters of the statement;
* **precision**: predicted quotes covering at least half of the tokens of some gold statement, over
  all predicted quotes (a quote covering two statements counts once).

(The README's figures were taken on the raw ``Article.text``: the same on FA-KES and AllSides, but on
the Sputnik corpus the raw text keeps the `` | `` markup that ``masked_text`` blanks, so the run here,
like ``analyze``, finds more there: recall 0.92 against the README's 0.81.)

Figures are given per article, per corpus, per gold camp, pooled, and for the first 12 articles
(``dev.jsonl`` order: the set the attribution issue describes). The quotation-mark regex baseline
of :mod:`toolkit.validate.polnear` is scored in the same run. Misses and camp errors come back with
offsets and camps only; :func:`report` with ``details=True`` prints their text at run time (the
text stays in ``../shared``, never in this repository).

A fresh held-out set (:mod:`.fresh`: 12 articles annotated before any run, offsets in
``toolkit/validate/gold/real_quotes_fresh.jsonl``) is scored with the same rule and printed after dev
(figures only: its misses are not listed, so that no rule is chosen on it).

The package: :mod:`.gold` (records, loading, the two predictors), :mod:`.scoring` (the rule),
:mod:`.errors` (the error classes), :mod:`.fresh` (the held-out set), :mod:`.report` (:func:`evaluate`
and the printed table).
"""

from .errors import error_class, speaker_error_class
from .gold import (CORPUS_NAMES, SPEAKER_WINDOW, GoldStatement, Outcome, Prediction, load_articles, load_gold,
                   predict_baseline, predict_system)
from .fresh import FRESH_GOLD, evaluate_fresh, load_fresh
from .report import evaluate, report
from .scoring import match, score

__all__ = ["GoldStatement", "Prediction", "Outcome", "load_gold", "load_articles", "predict_system", "predict_baseline", "match",
           "score", "evaluate", "report",
           "evaluate_fresh", "load_fresh", "FRESH_GOLD", "error_class", "speaker_error_class", "CORPUS_NAMES", "SPEAKER_WINDOW"]
