"""Results: the tidy tables of one run, in memory or read lazily from Parquet parts; save, load,
export (CSV, Excel) and stacking of several runs."""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import shutil
import tempfile
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.dataset as pads
import pyarrow.parquet as pq

from .schemas import SCHEMAS, TABLES, _to_pandas
from .store import _dir_lock, _fsync_dir, _recover_save, _remove, _sha256, _writing

log = logging.getLogger(__name__)


class Results:
    """Tidy tables of one analysis run; see ``docs/CONTRACTS.md`` for the columns.

    Tables are pandas DataFrames: ``articles``, ``sentences``, ``mentions``, ``quotes``, ``hedges``,
    ``labels``, ``actor_measures``, ``problems``. ``labels`` may be left out (Results built by hand
    before the table existed, or a folder saved before it): it is then empty. Results read from a
    cache entry load each table on first access, so analysing a large corpus does not hold its
    tables in memory; :meth:`dataset` gives a ``pyarrow.dataset`` over the Parquet parts for
    out-of-core work (or pass :attr:`path` to ``dask.dataframe.read_parquet``).
    """

    def __init__(self, articles: pd.DataFrame | None = None, sentences: pd.DataFrame | None = None,
                 mentions: pd.DataFrame | None = None, quotes: pd.DataFrame | None = None,
                 hedges: pd.DataFrame | None = None, actor_measures: pd.DataFrame | None = None,
                 problems: pd.DataFrame | None = None, settings: dict | None = None, *,
                 labels: pd.DataFrame | None = None, path: str | Path | None = None,
                 parts: dict[str, list[str]] | None = None) -> None:
        if labels is None and path is None:
            labels = _to_pandas(SCHEMAS["labels"].empty_table())
        given = dict(articles=articles, sentences=sentences, mentions=mentions, quotes=quotes, hedges=hedges,
                     labels=labels, actor_measures=actor_measures, problems=problems)
        self.settings = dict(settings or {})
        self.path = Path(path) if path is not None else None
        self._parts = parts or {}
        for name, frame in given.items():
            if frame is not None:
                self.__dict__[name] = frame
            elif self.path is None:
                raise TypeError(f"Results needs the {name!r} table or a cache entry path")

    def __getattr__(self, name: str):
        if name in TABLES and self.__dict__.get("path") is not None:
            frame = _to_pandas(_read_parts([self.path / p for p in self._parts[name]], name))
            self.__dict__[name] = frame
            return frame
        raise AttributeError(name)

    def dataset(self, name: str) -> pads.Dataset:
        """A ``pyarrow.dataset`` of one table's Parquet parts (in chunk order), read lazily."""
        if self.path is None:
            return pads.dataset(pa.Table.from_pandas(getattr(self, name), preserve_index=False))
        return pads.dataset([str(self.path / p) for p in self._parts[name]], schema=SCHEMAS[name], format="parquet")

    def save(self, out_dir: str | Path) -> Path:
        """Write each table as ``<name>.parquet`` plus ``settings.json`` into ``out_dir``, crash-safe.

        The new folder is written beside ``out_dir``; only when it is complete is the previous
        ``out_dir`` renamed aside, the new one renamed in and the previous one deleted, so a killed
        save leaves the previous output (restored by the next :meth:`save` or :meth:`load`) or the
        new one, never neither. Tables still on disk are copied part by part (bounded memory).

        Raises:
            StorageError: ``out_dir`` cannot be written (read-only, full, a file in the way).
        """
        out_dir = Path(out_dir)
        with _writing(out_dir, "output folder"):
            out_dir.parent.mkdir(parents=True, exist_ok=True)
            if out_dir.exists() and not out_dir.is_dir():
                raise OSError(errno.EEXIST, "a file of that name exists")
            _recover_save(out_dir, clean=True)
            tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.tmp-", dir=out_dir.parent))
            old = None
            try:
                for name in TABLES:
                    if name in self.__dict__:
                        table = pa.Table.from_pandas(self.__dict__[name], preserve_index=False)
                        pq.write_table(table, tmp / f"{name}.parquet", compression="zstd")
                    else:
                        with pq.ParquetWriter(tmp / f"{name}.parquet", SCHEMAS[name], compression="zstd") as writer:
                            for batch in self.dataset(name).to_batches():
                                writer.write_batch(batch)
                (tmp / "settings.json").write_text(json.dumps(self.settings, indent=1, sort_keys=True, default=str))
                for file in tmp.iterdir():
                    with open(file, "r+b") as fh:  # Windows fsyncs only descriptors open for writing
                        os.fsync(fh.fileno())
                with _dir_lock(out_dir.parent):
                    if os.path.lexists(out_dir):
                        old = out_dir.with_name(f".{out_dir.name}.old-{uuid.uuid4().hex}")
                        os.replace(out_dir, old)
                    os.replace(tmp, out_dir)
                _fsync_dir(out_dir.parent)
            except BaseException:
                if old is not None and not os.path.lexists(out_dir):  # put the previous output back
                    with contextlib.suppress(Exception):
                        os.replace(old, out_dir)
                raise
            finally:
                if tmp.exists():
                    shutil.rmtree(tmp, ignore_errors=True)
        if old is not None:
            try:
                _remove(old)
            except OSError as exc:  # the new output is in place; the next save removes the old one
                log.warning("could not remove the previous output %s: %s", old, exc)
        return out_dir

    @classmethod
    def load(cls, path: str | Path) -> Results:
        """Read a folder written by :meth:`save` or a cache entry of :func:`analyze`.

        Raises:
            ValueError: the folder is incomplete or corrupt (a cache entry's parts are checked
                against the SHA-256 sums of its manifest).
        """
        path = Path(path)
        if (path / "manifest.json").exists():
            return _open_entry(path)
        try:
            _recover_save(path, clean=False)
        except OSError as exc:
            log.warning("could not restore %s from an interrupted save: %s", path, exc)
        try:
            tables = {name: pd.read_parquet(path / f"{name}.parquet") for name in TABLES
                      if name != "labels" or (path / "labels.parquet").exists()}
            settings = json.loads((path / "settings.json").read_text())
        except Exception as exc:  # pyarrow raises several types for a damaged file
            raise ValueError(f"{path}: incomplete or corrupt results ({exc})") from exc
        return cls(**tables, settings=settings)

    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table by name, integer columns as pandas ``Int64`` (``241``, not ``241.0``, and empty
        where a value is missing: Parquet integers with nulls otherwise come back as floats)."""
        out = {}
        for name in TABLES:
            frame = getattr(self, name)
            ints = [f.name for f in SCHEMAS[name] if pa.types.is_integer(f.type) and f.name in frame]
            out[name] = frame.astype({c: "Int64" for c in ints}) if ints else frame
        return out

    def to_csv(self, out_dir: str | Path) -> list[Path]:
        """Write each table as ``<name>.csv`` (UTF-8, a header row, no index; dates as ``YYYY-MM-DD``)
        into ``out_dir`` (made when missing) and return the paths. The ``articles`` table keeps the full
        text; integer columns are written as integers."""
        out_dir = Path(out_dir)
        out_dir.mkdir(parents=True, exist_ok=True)
        paths = []
        for name, frame in self.tables().items():
            path = out_dir / f"{name}.csv"
            frame.to_csv(path, index=False)
            paths.append(path)
        return paths

    def to_excel(self, path: str | Path) -> Path:
        """Write one workbook (``.xlsx``, needs ``openpyxl``): a ``summary`` sheet, then one sheet per table.

        Excel holds at most 32,767 characters in a cell and 1,048,576 rows in a sheet: a longer text
        (an article's ``text``) is cut there and ends with ``[...]``, and the ``summary`` sheet says
        how many were cut; a table with more rows raises (write CSV or Parquet instead). Characters
        Excel refuses (control characters other than tab and newline) are removed.

        Raises:
            ValueError: a table has more rows than a sheet holds.
        """
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        tables = self.tables()
        for name, frame in tables.items():
            if len(frame) >= _EXCEL_ROWS:
                raise ValueError(f"the {name} table has {len(frame):,} rows, more than an Excel sheet holds "
                                 f"({_EXCEL_ROWS - 1:,} besides the header); write CSV or Parquet instead")
        cut = 0

        def clean(value):
            nonlocal cut
            if not isinstance(value, str):
                return value
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
            if len(value) > _EXCEL_CELL:
                cut += 1
                value = value[:_EXCEL_CELL - 5] + "[...]"
            return value

        cleaned = {}
        for name, frame in tables.items():
            text_cols = [c for c in frame.columns if frame[c].dtype == object or pd.api.types.is_string_dtype(frame[c])]
            cleaned[name] = frame.assign(**{c: frame[c].map(clean) for c in text_cols}) if text_cols else frame
        lines = self.summary().splitlines()
        if cut:
            lines.append(f"{cut} cells longer than Excel's {_EXCEL_CELL:,} characters were cut (ending [...]); "
                         "the CSV and Parquet exports keep them whole")
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        with pd.ExcelWriter(path, engine="openpyxl") as writer:
            pd.DataFrame({"summary": [clean(line) for line in lines]}).to_excel(writer, sheet_name="summary", index=False)
            for name, frame in cleaned.items():
                frame.to_excel(writer, sheet_name=name, index=False)
        return path

    def summary(self) -> str:
        """Counts, quote share by camp and the problems, as plain text."""
        lines = [
            f"{len(self.articles)} articles, {len(self.sentences)} sentences, {len(self.mentions)} mentions, "
            f"{len(self.quotes)} quotes, {len(self.hedges)} hedges, {len(self.labels)} labels, "
            f"{self.actor_measures['actor'].nunique() if len(self.actor_measures) else 0} actors",
        ]
        if len(self.quotes):
            share = self.quotes["camp"].fillna("unresolved").value_counts(normalize=True)
            lines.append("quote share by camp: " + ", ".join(f"{k} {v:.0%}" for k, v in share.items()))
        if len(self.problems):
            lines.append(f"{len(self.problems)} problems:")
            for r in self.problems.itertuples():
                unit = getattr(r, "unit", None) or "line"
                where = f", {unit} {int(r.line)}" if pd.notna(r.line) else ""
                lines.append(f"  {r.path}{where}: {r.why}")
        return "\n".join(lines)


_EXCEL_CELL = 32767  # characters in one cell
_EXCEL_ROWS = 1048576  # rows in one sheet, the header included


def _read_part(part: Path) -> pa.Table:
    """One Parquet part read whole, on one thread."""
    with pq.ParquetFile(part) as file:
        return file.read(use_threads=False)


def _read_parts(parts: list[Path], name: str) -> pa.Table:
    """One table from the paths of its Parquet parts, in order.

    Each part is read whole by ``pq.ParquetFile`` on one thread: on the ~150 small parts of a
    300-article run that costs about 40% less CPU than one ``pyarrow.dataset`` over them (the
    per-part set-up dominates). A part whose schema is not ``SCHEMAS[name]`` (a cache entry written by
    an older layout) sends the whole table through the dataset, which casts it as before.
    """
    schema = SCHEMAS[name]
    tables = [_read_part(part) for part in parts]
    if all(t.schema.equals(schema) for t in tables):
        return pa.concat_tables(tables) if tables else schema.empty_table()
    return pads.dataset([str(p) for p in parts], schema=schema, format="parquet").to_table()


def _open_entry(path: Path) -> Results:
    """A finished cache entry as lazily loaded :class:`Results`, after checking every part's SHA-256."""
    try:
        manifest = json.loads((path / "manifest.json").read_text())
        tables = {"labels": [], **manifest["tables"]}  # an entry written before the labels table has none
        parts: dict[str, list[str]] = {}
        for name in TABLES:
            parts[name] = []
            for part in tables[name]:
                if _sha256(path / part["file"]) != part["sha256"]:
                    raise ValueError(f"{part['file']} does not match its checksum")
                parts[name].append(part["file"])
    except (OSError, KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"{path}: incomplete or corrupt results ({exc})") from exc
    return Results(settings=manifest["settings"], path=path, parts=parts)


def concat_results(parts: Iterable[Results]) -> Results:
    """Stack the tables of several runs (e.g. one per corpus) into one :class:`Results`.

    Every table gets a first column ``corpus``: the name of the run's corpus (``settings["corpus"]``,
    the corpus folder's or manifest's name; a name two runs share gets ``#2``, ``#3``), so
    ``compare(both, ..., by="corpus")`` works. A run stacked before keeps its ``corpus`` column.
    Article ids that occur in more than one run are prefixed with the run's corpus name. One run
    gives the same tables with the ``corpus`` column added.
    """
    parts = list(parts)
    if not parts:
        raise ValueError("concat_results needs at least one Results")
    names: list[str] = []
    for p in parts:
        name = str(p.settings.get("corpus") or "corpus")
        n = 1
        while (f"{name}#{n}" if n > 1 else name) in names:
            n += 1
        names.append(f"{name}#{n}" if n > 1 else name)
    seen: Counter = Counter(i for p in parts for i in p.articles["article_id"])
    clash = {i for i, n in seen.items() if n > 1}
    tables: dict[str, list[pd.DataFrame]] = defaultdict(list)
    for p, name in zip(parts, names):
        for t in TABLES:
            frame = getattr(p, t).copy()
            if "article_id" in frame and clash:
                frame["article_id"] = [f"{name}/{i}" if i in clash else i for i in frame["article_id"]]
            if "corpus" not in frame:
                frame.insert(0, "corpus", pd.Series([name] * len(frame), index=frame.index, dtype=object))
            tables[t].append(frame)
    settings = {"parts": [p.settings for p in parts], "corpora": names}
    return Results(**{t: pd.concat(frames, ignore_index=True) for t, frames in tables.items()}, settings=settings)
