"""The public entry of the actors package: :func:`find_mentions` on a text or an Article."""

from __future__ import annotations

from typing import TYPE_CHECKING

from toolkit.records import RecordList

from .lexicon import ActorLexicon, load_actors
from .mentions import mentions_in

if TYPE_CHECKING:
    from toolkit.corpus import Article

__all__ = ["find_mentions"]


def find_mentions(text: str | Article, actors: ActorLexicon | None = None, *, places: bool = False) -> RecordList:
    """All actor mentions in ``text``, sorted and non-overlapping (the longest match wins).

    Args:
        text: raw article text; offsets index it (curly apostrophes are normalised internally,
            one character for one). Or a :class:`toolkit.corpus.Article`: its ``masked_text`` is
            read (boilerplate and repeated paragraphs blanked, same length), so offsets index
            ``article.text``.
        actors: the lexicon to use (default: :func:`load_actors`).
        places: also return metonyms used as places ("officials in Washington"), with ``how``
            ``"place"``; quote attribution reads them as the setting of an unnamed speaker.

    Returns:
        ``RecordList[Mention]`` with ``text[m.start:m.end] == m.text``.
    """
    lex = actors if actors is not None else load_actors()
    return mentions_in(text if isinstance(text, str) else text.masked_text, lex, places=places)
