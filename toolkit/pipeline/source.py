"""The articles to analyse: a Corpus or records, read as Articles, in chunks with content hashes."""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..corpus import Article, Corpus

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Source:
    """The articles to analyse, as a re-readable or one-shot stream, with corpus-level fields."""

    items: Iterable  # Articles, or records (dicts with ``id`` and ``text``)
    name: str
    alignment: dict
    problems: tuple
    reusable: bool  # can be iterated twice (its key is known before computing)


def _source(data) -> _Source:
    from ..corpus import default_outlets

    if isinstance(data, Corpus):
        return _Source(data, data.name, data.alignment, tuple(data.problems), True)
    # records: a record without a text is a problem, a repeated id gets a #n suffix (corpus.records);
    # a list is cleaned once (its problems are known before the key), a stream lazily (problems
    # fill in as it is read, before the problems table is written)
    from ..corpus import records

    problems: list = []
    if iter(data) is not data:
        items = list(_language_checked(records(data, problems), problems))
        return _Source(items, "records", default_outlets(), tuple(problems), True)
    return _Source(_language_checked(records(data, problems), problems), "records", default_outlets(), problems, False)


def _language_checked(items: Iterable, problems: list) -> Iterator:
    """The items, with the problem ``load_corpus`` lists for an Article flagged ``not_english`` added for
    each such Article passed without its Corpus (at its source file and row, else ``article <id>``);
    records get theirs when cleaned (:func:`toolkit.pipeline.chunk._run_chunk`)."""
    from ..corpus import guess_language
    from ..corpus.loader import not_english_problem

    for item in items:
        if isinstance(item, Article) and "not_english" in item.flags:
            body = " ".join(item.masked_text[s.start:s.end] for s in item.sections if s.kind == "body")
            reason = guess_language(body or item.masked_text).reason
            problems.append(not_english_problem(item, f"not English: {reason}" if reason else "not English",
                                                f"article {item.id}"))
        yield item


def _article(item, i: int, notes: list | None = None) -> Article:
    """An Article as is; a record (dict with ``id`` and ``text``) cleaned like a txt article, its fields
    and date read as :func:`toolkit.corpus.load_corpus` reads them (:func:`toolkit.corpus.record_article`);
    its cleaning notes are added to ``notes`` when given."""
    from ..corpus import record_article

    if isinstance(item, Article):
        return item
    article, notes_of = record_article(item, i)
    if notes is not None:
        notes.extend(notes_of)
    if "original_id" in item:
        log.warning("record %d: id %r repeated; renamed %s", i, item["original_id"], article.id)
    for note in notes_of:
        if note.action in ("epoch_date", "ambiguous_date", "unparsed_date"):
            log.info("%s: %s", note.article_id, note.detail)
    return article


def _digest(item, i: int) -> bytes:
    """SHA-256 of one article's content (an Article's fields and metadata, or a record's JSON).

    The metadata (source file, flags, alignment, ...) is part of it because it reaches the tables:
    a corpus copied to another folder must not be served with the old ``source`` paths.
    """
    if isinstance(item, Article):
        body = [item.id, item.outlet, str(item.date), item.title, item.text,
                [tuple(s.__dict__.values()) for s in item.sections], item.meta, list(item.markup)]
    elif isinstance(item, dict) and "text" in item:
        body = item
    else:
        raise ValueError(f"record {i} has no 'text' field")
    return hashlib.sha256(json.dumps(body, sort_keys=True, default=str).encode()).digest()


def _chunks(items: Iterable, size: int) -> Iterator[tuple[int, str, list]]:
    """``(index, chunk hash, items)`` for consecutive chunks of ``size`` items."""
    it, start = iter(items), 0
    for index in itertools.count():
        chunk = list(itertools.islice(it, size))
        if not chunk:
            return
        h = hashlib.sha256(b"".join(_digest(item, start + j) for j, item in enumerate(chunk)))
        yield index, h.hexdigest()[:16], chunk
        start += len(chunk)
