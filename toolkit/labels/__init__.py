"""Labels: the words a text uses to name each camp ("terrorists", "rebels", "the regime"), and whose.

Naming is framing: the words chosen for an actor define the problem and carry the moral judgement
(Entman, "Framing: toward clarification of a fractured paradigm", Journal of Communication 43(4),
1993), and the labelling of armed groups ("rebels", "militants", "terrorists", "revolutionaries") is
a standard content-analysis variable of conflict coverage. One module per job:

- :mod:`.records`: :class:`Label` (one occurrence), :data:`CATEGORIES` and :data:`HOWS`;
- :mod:`.lexicon`: the label lexicon (``toolkit/lexicons/labels.yml``: per camp, terms in three
  categories, each list cited), :class:`LabelLexicon` and :func:`load_labels`;
- :mod:`.states`: whether a bare "the government" or "the opposition" is another state's;
- :mod:`.words`: the surface checks around a match (the word before or after, credits, titles, "anti-");
- :mod:`.match`: every term and head noun of the lexicon in a text, less credits, titles and closing tag lines;
- :mod:`.resolve`: which camp each match names (modifier, co-reference, alignment, another state, an owner);
- :mod:`.merge`: adjacent labels joined into one;
- :mod:`.find`: :func:`find_labels`, which runs these steps and marks the labels inside quotes, keeping how
  each camp was decided (the rules and their limits are in its docstring).
"""

from .find import find_labels
from .lexicon import DEFAULT_PATH, LabelLexicon, load_labels
from .records import CATEGORIES, HOWS, Label

__all__ = ["Label", "LabelLexicon", "load_labels", "find_labels", "CATEGORIES", "HOWS", "DEFAULT_PATH"]
