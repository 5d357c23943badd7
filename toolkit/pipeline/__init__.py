"""The per-article pipeline and corpus-level :class:`Results`, streamed to Parquet and cached.

``analyze(corpus)`` runs, for each article: sentences -> actor mentions -> quotes -> hedges -> labels ->
target sentiment, and returns tidy DataFrames (one row per sentence, mention, quote, hedge and
article x actor). Every row keeps the article id and character offsets into ``Article.text``.

Articles are processed in chunks (map over partitions, as in Dask's bag/dataframe model,
https://docs.dask.org): each chunk's tables are written as one Parquet part per table, atomically
(temporary name, ``fsync``, ``os.replace``), so memory stays bounded as the corpus grows and a
killed run resumes from its finished chunks. A finished cache entry carries a manifest with the
SHA-256 of every part; a damaged entry is detected and recomputed. Chunks run in-process, in
``workers`` local processes, or on a Dask cluster (``engine="dask"``); the bytes written are the
same in every case.

Results are cached under a key made of the corpus content, the lexicon files, the settings, the
sentiment models and the toolkit's own files and version (DESIGN: ``analyze`` is a pure function of that tuple), so an unchanged re-run of a
notebook reads the Parquet files instead of recomputing.

One job per module, imports going down the list: ``schemas`` (the tables' Arrow schemas, rows to
Parquet bytes), ``store`` (atomic files, storage errors, folder locks, chunk records, the
manifest), ``results`` (:class:`Results`, save/load, :func:`concat_results`), ``cache`` (listing
and pruning), ``measures`` (one article's rows), ``source`` (the input as Articles in hashed
chunks), ``keys`` (the cache key), ``chunk`` (one chunk to Parquet bytes), ``engines`` (in-process,
worker processes, Dask) and ``run`` (:func:`analyze`).
"""

from .cache import CacheEntry, cache_entries, prune_cache
from .engines import WorkerDied
from .measures import UNRESOLVED_SPEAKERS, analyze_article
from .results import Results, concat_results
from .run import analyze
from .schemas import SCHEMAS, TABLES
from .store import StorageError, check_writable

__all__ = ["analyze", "analyze_article", "Results", "TABLES", "SCHEMAS", "concat_results", "UNRESOLVED_SPEAKERS",
           "CacheEntry", "cache_entries", "prune_cache", "check_writable", "StorageError", "WorkerDied"]
