"""Compare framing measures between groups, with article-level uncertainty.

Rows of ``actor_measures`` (one per article x actor) are not independent: actors of one article share
its outlet, author, topic and tone. Every interval and test here therefore resamples or permutes
**articles** (clusters), never rows (the cluster bootstrap: Davison & Hinkley 1997, sec. 3.8;
Field & Welsh 2007).

An estimate is a ratio of sums over the rows of a group,
``sum(measure) / sum(per)``, where ``per=None`` counts rows (so the estimate is the mean of the
measure over article x actor rows) and e.g. ``per="quotes"`` gives distancing verbs per quote.
Rows where the measure (or ``per``) is missing are left out, and so are articles whose
denominator is 0 (they carry no information about the ratio).

Functions:

* :func:`compare` - estimate and bootstrap CI per group;
* :func:`difference_test` - difference between two groups with a bootstrap CI, a permutation
  p-value and effect sizes (Cohen's d, Cliff's delta) on article-level values;
* :func:`quote_share_by` - share of quotes (or quoted words) going to each camp or actor within a
  group, with bootstrap CIs; shares within a group sum to 1;
* :func:`stance_shares` - share of attribution verbs of each stance within a group;
* :func:`article_labels` - label counts per article x camp and category (from the ``labels`` table);
* :func:`label_shares` - share of each label category (neutral, legitimising, delegitimising)
  among the labels naming a camp within a group, in the outlet's own voice or inside quotes;
* :func:`correction_against_gold`, :func:`correction_error` - raw vs corrected quote shares against
  a corpus's full gold (the demo corpus).

With ``annotations=`` (a hand-annotated random sample of articles, :mod:`toolkit.annotation`)
:func:`quote_share_by` and :func:`compare` (quote counts) give prediction-powered estimates whose
intervals carry the extraction error (:mod:`.correction`). Zero and near-zero rates get score
intervals instead of a collapsed bootstrap (:mod:`.intervals`). A ``corpus`` column (several
corpora stacked) joins ``article_id`` in naming an article and splits ``outlet`` groups.

Modules: ``frame`` (keys, filters, clusters), ``intervals``, ``groups`` (compare, difference_test),
``shares``, ``naming`` (labels), ``correction``, ``gold_check``, ``simulation``.

Groups are named by any column (``outlet``, ``alignment``, ``camp``, ``actor`` ...) or by a period
derived from ``date``: ``day``, ``week``, ``month``, ``quarter``, ``year`` (the column holds the
period's start). Groups with fewer than ``min_articles`` articles are kept and flagged
``small=True``. Each group gets its own random stream, derived from ``seed`` and the group's key,
so a group's interval does not change when other groups are filtered out, and the same inputs and
seed give identical tables.

Example (on an analysed corpus ``results``)::

    compare(results, "portrayal", by=["alignment", "camp"], filter={"camp": "opposition"})
    quote_share_by(results, by="alignment", unit="camp")
    difference_test(results, "distancing_verbs", by=["alignment", "camp"], per="quotes",
                    a=("us_western", "russia"), b=("russia", "us"))
"""


from .frame import MIN_ARTICLES, PERIODS, VOICES
from .gold_check import correction_against_gold, correction_error
from .groups import compare, difference_test
from .naming import article_labels, label_shares
from .shares import quote_share_by, stance_shares

__all__ = ["compare", "difference_test", "quote_share_by", "stance_shares", "article_labels", "label_shares",
           "correction_against_gold", "correction_error", "VOICES", "PERIODS", "MIN_ARTICLES"]
