"""Corpora: reading articles from txt folders, CSV and JSON files into :class:`Article` records.

An :class:`Article` keeps its text exactly as decoded. Cleaning never rewrites it: site boilerplate,
photo captions, the title line and repeated paragraphs are *marked* as :class:`Section` spans, and
:attr:`Article.masked_text` blanks the boilerplate and duplicate spans (and inline markup such as
Sputnik's `` | `` element separators) with spaces, keeping the length and the newlines, so an
extractor can run on the masked text and its offsets still index :attr:`Article.text`.

:func:`load_corpus` picks a reader from the path (a folder or file of ``.txt`` articles, CSV,
JSON/JSONL), reads an optional ``corpus.yml`` manifest beside the data (or a bundled manifest from
``toolkit/manifests/`` for the known shared corpora), and never aborts on bad input: an unreadable
file, a broken CSV row or a JSON syntax error becomes a :class:`LoadProblem` and the rest loads.
Everything the loader changes or drops is written to :attr:`Corpus.log` as :class:`CleaningNote`.

One module per job, imports only downward (``values`` -> ``dates`` -> ``select`` -> ``records`` ->
``decoding``/``language`` -> ``cleaning`` -> ``readers`` -> ``files``/``outlets`` -> ``manifest`` -> ``loader``):

* :mod:`.records`: :class:`Section`, :class:`Article`, :class:`LoadProblem`, :class:`CleaningNote`,
  :class:`Corpus`;
* :mod:`.values`: ids, titles, outlets and file names as clean strings;
* :mod:`.dates`: :func:`parse_date`, the one date parser;
* :mod:`.decoding`: bytes to text (encodings, surrogates, JSON text, HTML and pipe markup);
* :mod:`.cleaning`: :func:`article_from_text` (boilerplate, captions, titles, repeats, stubs),
  duplicate articles and stripped punctuation;
* :mod:`.readers`: the txt/CSV/JSON readers, field mapping, :func:`records` and :func:`record_article`;
* :mod:`.files`: which files of a folder are read; :mod:`.manifest`: ``corpus.yml`` and the bundled
  manifests; :mod:`.outlets`: outlet alignments; :mod:`.loader`: :func:`load_corpus`;
* :mod:`.select`: :class:`Selection`, the date/outlet/word filter behind :meth:`Corpus.filter` and
  ``load_corpus(..., where=...)``; :mod:`.language`: :func:`guess_language`, the English check that
  flags ``not_english`` articles.

Decisions worth knowing:

* Duplicate articles (same text after :func:`toolkit.text.normalize_quotes`, whitespace collapsing
  and case folding) are dropped, the later one, with a ``duplicate_article`` note naming both ids.
  Placeholder stubs ("DETAILS TO FOLLOW") are exempt: they are different stories without a text.
* A repeated id with a *different* text is kept under a suffixed id (``<id>#2``, ``<id>#3`` ...) with a
  ``duplicate_id`` note, so ids are unique in every corpus; a suffix never takes an id the input holds.
* Ids, titles and outlets are clean strings or ``None`` (``0`` is ``"0"``, NaN and blanks are ``None``);
  dates go through one parser, :func:`parse_date` (also used for records passed to ``analyze``).
* Only regular files inside the corpus folder are opened: subfolders, FIFOs, sockets, devices,
  dangling symlinks and paths leading outside (``allow_outside=False``) are problems. A text or field
  over ``max_chars`` (10 million by default) is a problem too.
* CSV rows are numbered like a spreadsheet: the header is row 1, the first record row 2.
* Outlet keys are lower-case (``"CNN (Web News)"`` becomes ``"cnn (web news)"``); the name as written
  is kept in ``meta["outlet_name"]``.
* **Alignment is not camp.** An outlet's *alignment* (:data:`toolkit.vocab.ALIGNMENTS`, from
  ``lexicons/outlets.yml`` or a manifest's ``alignment:``; the ``alignment`` column of the tables) is
  whose line the outlet is taken to follow. A speaker's *camp* (``lexicons/actors.yml``; the ``camp``
  column) is the side the quoted or mentioned actor belongs to. The names are shared where the sides
  are (``russia``, ``opposition``, ``syria_government``, ``iran``, ``turkey``, ``other``), but US and
  Western outlets are the alignment ``us_western`` and US officials the camp ``us``: a Reuters story
  quoting Lavrov is alignment ``us_western``, camp ``russia``. The names differ so that a comparison
  by ``["alignment", "camp"]`` (``a=("us_western", "russia")``) cannot mix the two. ``us`` given as an
  outlet's alignment (in ``outlets.yml`` or a manifest) is an error or a problem naming the file and
  line, saying which alignment is meant; the outlet is then ``other``.
"""

from toolkit.corpus.cleaning import article_from_text, unique_id
from toolkit.corpus.dates import parse_date
from toolkit.corpus.files import FORMATS
from toolkit.corpus.loader import load_corpus
from toolkit.corpus.manifest import MANIFEST_DIR
from toolkit.corpus.outlets import OUTLETS_FILE, default_outlets, load_outlet_table, read_alignment
from toolkit.corpus.readers import COMMON_FIELDS, MAX_CHARS, record_article, records
from toolkit.corpus.language import LanguageGuess, guess_language
from toolkit.corpus.records import Article, CleaningNote, Corpus, LoadProblem, Section
from toolkit.corpus.select import WHERE_KEYS, Selection

__all__ = [
    "Section",
    "Article",
    "LoadProblem",
    "CleaningNote",
    "Corpus",
    "load_corpus",
    "article_from_text",
    "records",
    "record_article",
    "unique_id",
    "parse_date",
    "load_outlet_table",
    "read_alignment",
    "Selection",
    "WHERE_KEYS",
    "guess_language",
    "LanguageGuess",
    "default_outlets",
    "OUTLETS_FILE",
    "MANIFEST_DIR",
    "COMMON_FIELDS",
    "FORMATS",
    "MAX_CHARS",
]
