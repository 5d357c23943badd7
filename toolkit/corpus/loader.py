"""The loader: :func:`load_corpus`, which reads a corpus path with its manifest into a :class:`Corpus`.

It picks the files (:mod:`.files`), the manifest (:mod:`.manifest`) and a reader (:mod:`.readers`),
marks each article (:mod:`.cleaning`), drops repeated articles, gives each outlet its alignment
(:mod:`.outlets`) and flags stripped punctuation. Bad data never raises: each unreadable file, row
or field is a :class:`LoadProblem`, each change a :class:`CleaningNote`.
"""

from __future__ import annotations

import os
from pathlib import Path

from toolkit.corpus.cleaning import _dedupe, _punctuation_flags
from toolkit.corpus.files import FORMATS, _data_files, _detect_format, _folder_files, _inside, _refusal, _skipped_files
from toolkit.corpus.language import english_only
from toolkit.corpus.manifest import _checked_manifest, _entries, _key_line, _manifest
from toolkit.corpus.outlets import _corpus_alignment, read_alignment
from toolkit.corpus.readers import COMMON_FIELDS, MAX_CHARS, _READERS, _build, _column_map, _too_long
from toolkit.corpus.records import Article, CleaningNote, Corpus, LoadProblem
from toolkit.corpus.select import Selection
from toolkit.corpus.values import _first, _fs, _scalar
from toolkit.lexicon import line_of

__all__ = ["load_corpus"]


def load_corpus(
    path: str | Path,
    *,
    format: str | None = None,  # noqa: A002 - public option name
    fields: dict[str, str] | None = None,
    manifest: str | Path | dict | None = None,
    outlet: str | None = None,
    dedupe: bool = True,
    encoding: str | None = None,
    max_chars: int | None = MAX_CHARS,
    allow_outside: bool = False,
    alignment: str | Path | dict | None = None,
    where: dict | None = None,
) -> Corpus:
    """Load a corpus from a folder or file of txt, CSV or JSON/JSONL articles.

    Args:
        path: A folder (of ``.txt``/``.json``/``.csv`` files, optionally with a ``corpus.yml``), a data
            file, or a ``corpus.yml``.
        format: ``"txt"``, ``"csv"``, ``"json"`` or ``"jsonl"``; detected from the path when ``None``.
        fields: Column/key names for the roles ``id``, ``title``, ``text``, ``outlet``, ``date``; roles
            left out come from the manifest, else from common names (see :data:`COMMON_FIELDS`).
        manifest: A ``corpus.yml`` path or an already-parsed dict; default: ``corpus.yml`` beside the
            data, else a bundled manifest for the known shared corpora.
        outlet: The outlet of articles that name none (e.g. a single-outlet corpus).
        dedupe: Drop repeated articles (same normalised text), logging each.
        encoding: Force a text encoding instead of UTF-8 with a cp1252 fallback.
        max_chars: The longest text (or other field) one article may have, in characters (default
            10 million); a longer record is a problem saying so. ``None`` for no limit.
        allow_outside: Read files outside the corpus folder: symlinks, a manifest ``data:`` path or
            ``articles: - file:`` entries that resolve elsewhere (``../../etc/passwd``). By default
            they are refused, each as a problem.
        alignment: Outlet alignments of your own, laid over the manifest's and the bundled
            ``lexicons/outlets.yml``: a mapping ``{"sana": "syria_government"}``, a YAML file of such a
            mapping, or a file shaped like ``outlets.yml`` (see :func:`read_alignment`).
        where: Select articles as :meth:`Corpus.filter` does: ``{"since": "2015-09-30", "until": ...,
            "outlets": [...], "words": [...]}``; an unknown key raises naming the valid ones.

    Folder entries that are not regular files (subfolders, FIFOs, sockets, devices, dangling
    symlinks) are never opened; each is a problem. A manifest field of the wrong type is a problem
    naming the manifest line, and is ignored.

    Articles that are not English (:mod:`toolkit.corpus.language`) are kept, flagged ``not_english``,
    and each is a problem naming it: the measures are English-only.

    Returns:
        The :class:`Corpus`. Unreadable files and rows are in ``problems``; nothing raises for bad data.

    Raises:
        FileNotFoundError: if ``path`` does not exist.
        ValueError: if ``format`` is not one of the supported formats, ``fields`` names a role that
            is not one of :data:`COMMON_FIELDS`, or ``where`` has an unknown key or a date that does not parse.
        LexiconError: if ``alignment`` is a malformed file or names an unknown alignment.
    """
    selection = Selection.from_where(where)  # a wrong key fails before any file is read
    unknown = sorted(set(fields or {}) - set(COMMON_FIELDS), key=str)
    if unknown:
        raise ValueError(f"unknown field role(s) {', '.join(map(repr, unknown))}; valid: {', '.join(COMMON_FIELDS)}")
    user_alignment = read_alignment(alignment) if alignment is not None else {}
    path = Path(path)
    if not os.path.lexists(path):
        raise FileNotFoundError(f"corpus path not found: {_fs(path)}")
    problems: list[LoadProblem] = []
    log: list[CleaningNote] = []
    if path.is_file() and path.suffix.lower() in (".yml", ".yaml"):
        manifest, path = manifest or path, path.parent
    root = (path if path.is_dir() else path.parent).resolve()
    mf, base, mf_name = _manifest(path, manifest, problems)
    mf = _checked_manifest(mf, mf_name, problems)
    if mf.get("data") and path.is_dir():
        data_path = path / mf["data"]
        if not allow_outside and os.path.lexists(data_path) and not _inside(data_path.resolve(), root):
            problems.append(LoadProblem(mf_name, _key_line(mf_name, "data"),
                                        f"data path {mf['data']!r} refused: outside the corpus folder "
                                        "(pass load_corpus(..., allow_outside=True) to read it)"))
        elif os.path.lexists(data_path):
            path = data_path
        else:
            problems.append(LoadProblem(mf_name, _key_line(mf_name, "data"),
                                        f"data path {mf['data']!r} not found; reading {_fs(path)}"))
    listing = None
    if path.is_dir():
        listing = _folder_files(path, root, allow_outside, problems)
    else:
        why = _refusal(path, root, True)
        if why is not None:
            problems.append(LoadProblem(_fs(path), None, why))
            return Corpus([], name=_fs(mf.get("name", path.name)), problems=problems, log=log)
    fmt = format or mf.get("format") or _detect_format(path, listing)
    if fmt not in FORMATS:
        if format is not None:
            raise ValueError(f"unknown format {format!r}; expected one of {FORMATS}")
        problems.append(LoadProblem(_fs(path), None, "no readable articles found (no .txt, .csv, .json files)"))
        return Corpus([], name=_fs(mf.get("name", path.name)), problems=problems, log=log)
    given = {**(mf.get("fields") or {}), **(fields or {})}
    default_outlet = _first(_scalar(outlet), mf.get("outlet"))
    date_format = mf.get("date_format")
    markup = {"pipe": True, "none": False}.get(str(mf.get("markup", "")).lower())
    entries = _entries(mf, mf_name, base, root, allow_outside, problems)
    files = _data_files(listing, fmt) if listing is not None else [path]
    if listing is not None and not mf:
        problems.extend(_skipped_files(listing, fmt))
    if fmt == "txt" and base:
        for name, entry in entries.items():
            if not (base / name).exists():
                problems.append(LoadProblem(mf_name, line_of(entry), f"listed file {name} not found"))

    articles: list[Article] = []
    columns = None
    reader = _READERS[fmt]
    for file in files:
        if fmt == "txt" and max_chars is not None:
            try:
                size = os.stat(file).st_size
            except OSError:
                size = 0
            if size > 4 * max_chars:  # a UTF-8 character is at most 4 bytes: surely over the bound
                problems.append(LoadProblem(_fs(file), None, _too_long(size, max_chars, "bytes")))
                continue
        for raw in reader(file, encoding, problems, log):
            rec = raw.fields
            if columns is None or fmt != "csv":  # a CSV has one header; each JSON object names its own keys
                columns = _column_map(rec, given)
            art = _build(raw, columns, entries, default_outlet, date_format, markup, problems, log, len(articles),
                         max_chars)
            if art is not None:
                articles.append(art)

    articles = _dedupe(articles, log, dedupe)
    outlets = _corpus_alignment((a.outlet for a in articles), mf.get("alignment"),
                                mf.get("default_alignment", "other"), mf_name, problems)
    outlets.update(user_alignment)
    flags = _punctuation_flags(articles, log)
    languages = {n.article_id: n.detail for n in log if n.action == "not_english"}
    for a in articles:
        a.meta["alignment"] = outlets.get(a.outlet, "other") if a.outlet else "other"
        if "not_english" in a.flags:
            problems.append(not_english_problem(a, languages.get(a.id, "not English")))
    corpus = Corpus(
        articles,
        name=_fs(mf.get("name", path.stem if path.is_file() else path.name)),
        description=str(mf.get("description", "")),
        source=str(mf.get("source", "")),
        license=str(mf.get("license", "")),
        alignment=outlets,
        problems=problems,
        log=log,
        flags=flags,
    )
    return corpus.filter(**selection.__dict__) if selection else corpus


def not_english_problem(article: Article, detail: str, unsourced: str = "") -> LoadProblem:
    """The problem naming an article the language check found not English, at its file and row
    (``unsourced``: the place named when the article has no ``source``, e.g. ``"article <id>"``)."""
    unit = next((u for u in ("row", "item", "line") if u in article.meta), "line")
    source = str(article.meta.get("source") or unsourced)
    if unit in article.meta:
        source = source.rsplit(f", {unit} ", 1)[0]
    return LoadProblem(source, article.meta.get(unit), english_only(article.id, detail), unit)
