"""Actors of the Syrian war, their camps, and where a text mentions them.

The default lexicon (``toolkit/lexicons/actors.yml``) lists the people, institutions and groups of
the Syrian war 2011-2018 with their camp (``russia``, ``us``, ``opposition``, ``syria_government``,
``iran``, ``turkey``, ``un``, ``isis``, ``other``, ``unnamed``); each list cites its reference
(Wikipedia articles on the Russian intervention, the Syrian opposition, the Obama cabinet ...).

:func:`find_mentions` is dictionary-based named-entity linking in the gazetteer tradition (see
Nadeau & Sekine, "A survey of named entity recognition and classification", Lingvisticae
Investigationes 30(1), 2007): every alias, surname, title-only form, metonym and generated
"qualifier + noun" form (``U.S.`` + ``defense officials``) goes into one character trie compiled to a
single regular expression, so a 20 MB corpus is scanned once, longest alias first. A few local
rules then decide each match:

* a title just before a name belongs to the mention ("Russian President Vladimir Putin");
* ``'s``, ``'`` or a bare ``s`` (apostrophes stripped, as in FA-KES) after a name makes it
  ``possessive``;
* a bare surname maps when only one actor carries it, else to the one fully named last; it is
  skipped after another capitalised word ("Jimmy Carter" is not Ash Carter);
* a metonym ("Moscow") counts only when used as an actor, not after a locative preposition
  ("outside Moscow") nor before a capitalised word ("Moscow Times") - the preposition heuristic of
  metonymy resolution (Markert & Nissim, "Metonymy resolution as a classification task", EMNLP 2002,
  report the governing preposition as the strongest cue); an institution named by its seat ("the
  White House") is the institution after "from" and before an officer's title ("White House Press
  Secretary"), and a place at, in or outside it.

:meth:`ActorLexicon.lookup` resolves a speaker phrase (the Source span of a quote) to its head
actor: "Putin's spokesman, Dmitry Peskov" -> peskov; "a spokesman for Russian President Vladimir
Putin" -> the Kremlin spokesperson.
"""

from .api import find_mentions
from .lexicon import DEFAULT_PATH, MAX_GENERATED_FORMS, MAX_GENERATED_TOTAL, ActorLexicon, load_actors
from .records import HOWS, Actor, Mention

__all__ = ["Actor", "Mention", "ActorLexicon", "load_actors", "find_mentions", "DEFAULT_PATH", "HOWS",
           "MAX_GENERATED_FORMS", "MAX_GENERATED_TOTAL"]
