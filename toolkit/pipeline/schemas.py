"""The tables' fixed Arrow schemas, and rows of Python values coerced to them as Parquet bytes.

Every part of every table is written with the schema of :data:`SCHEMAS` (no type inference), so
parts written by different chunks, workers or engines always agree and the bytes are deterministic.
"""

from __future__ import annotations

import io
import math
from operator import itemgetter

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from ..corpus import parse_date
from ..vocab import STANCES

TABLES = ("articles", "sentences", "mentions", "quotes", "hedges", "labels", "actor_measures", "problems")
CHUNK_TABLES = TABLES[:-1]  # written per chunk; problems belong to the corpus

_S, _I, _F, _B = pa.string(), pa.int64(), pa.float64(), pa.bool_()
_MEASURES = [("mentions", _I), ("quotes", _I), ("quoted_words", _I)] + [
    (f"{m}{suffix}", _F) for m in ("portrayal", "voice") for suffix in ("", "_vader", "_textblob")] + [
    ("own_hedges", _I), ("distancing_hedges", _I), ("distancing_verbs", _I)] + [(f"stance_{s}", _I) for s in STANCES]
SCHEMAS: dict[str, pa.Schema] = {name: pa.schema(fields) for name, fields in {
    "articles": [("article_id", _S), ("outlet", _S), ("alignment", _S), ("date", pa.date32()), ("title", _S),
                 ("n_chars", _I), ("n_words", _I), ("flags", _S), ("source", _S), ("n_sentences", _I), ("text", _S)],
    "sentences": [("article_id", _S), ("sentence", _I), ("start", _I), ("end", _I), ("n_words", _I), ("section", _S)],
    "mentions": [("article_id", _S), ("start", _I), ("end", _I), ("text", _S), ("actor", _S), ("camp", _S),
                 ("name", _S), ("how", _S), ("section", _S), ("sentence", _I), ("in_quote", _B)],
    "quotes": [("article_id", _S), ("start", _I), ("end", _I), ("text", _S), ("kind", _S), ("cue", _S),
               ("cue_start", _I), ("cue_end", _I), ("stance", _S), ("speaker", _S), ("speaker_start", _I),
               ("speaker_end", _I), ("actor", _S), ("camp", _S), ("section", _S), ("n_words", _I), ("voice", _F)],
    "hedges": [("article_id", _S), ("start", _I), ("end", _I), ("cue", _S), ("category", _S), ("section", _S),
               ("actor", _S), ("role", _S), ("how", _S)],
    "labels": [("article_id", _S), ("start", _I), ("end", _I), ("text", _S), ("term", _S), ("category", _S),
               ("camp", _S), ("how", _S), ("in_quote", _B), ("section", _S), ("sentence", _I)],
    "actor_measures": [("article_id", _S), ("outlet", _S), ("alignment", _S), ("date", pa.date32()), ("actor", _S),
                       ("camp", _S)] + _MEASURES,
    "problems": [("path", _S), ("line", _I), ("unit", _S), ("why", _S)],
}.items()}
"""Arrow schema of every table (columns as in ``docs/CONTRACTS.md``), fixed so parts always agree."""


def _missing(value) -> bool:
    """None, NaN or NaT (what pandas or a CSV reader puts where a value is absent)."""
    return value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value))


def _coerce(value, type_: pa.DataType):
    """One Python value as the column type wants it: a missing value is null (a float NaN stays NaN
    in a float column), a string column takes ``str``, an int column ``int``, a date column a date."""
    if pa.types.is_floating(type_):
        return None if value is None or value is pd.NaT else float(value)
    if _missing(value):
        return None
    if pa.types.is_string(type_):
        return value if isinstance(value, str) else str(value)
    if pa.types.is_integer(type_):
        return int(value)
    if pa.types.is_boolean(type_):
        return bool(value)
    if pa.types.is_date(type_):  # the corpus's one date parser (a date, a Timestamp, a string, ...)
        date, action, detail = parse_date(value)
        if action == "unparsed_date":
            raise ValueError(f"not a date: {detail}")
        return date
    return value


# The Python types a column takes as they are (pyarrow converts them exactly as _coerce would), and
# None: a column of only these skips the value-by-value coercion (its values' types, gathered in C
# by ``set(map(type, ...))``, are a subset).
_EXACT = {t: frozenset({*types, type(None)}) for t, types in
          {pa.string(): (str,), pa.int64(): (int,), pa.float64(): (float, int), pa.bool_(): (bool,)}.items()}


def _column(values: list, type_: pa.DataType) -> pa.Array:
    exact = _EXACT.get(type_)
    if exact is not None and exact.issuperset(map(type, values)):
        return pa.array(values, type=type_)
    return pa.array([_coerce(v, type_) for v in values], type=type_)


def _values(rows: list[dict], names: list[str]) -> list:
    """Each column's values, ``row.get(name)`` for every row: one pass of ``itemgetter`` over the rows
    when each has every column (the tables of :func:`~toolkit.pipeline.measures.analyze_article`), the
    per-column ``get`` otherwise (and for no rows, where the transposition would give no columns at all)."""
    if len(names) > 1 and rows:
        try:
            return list(zip(*map(itemgetter(*names), rows)))
        except KeyError:
            pass
    return [[r.get(n) for r in rows] for n in names]


def _arrow_table(rows: list[dict], name: str) -> pa.Table:
    """Rows of Python values as a table of ``SCHEMAS[name]``, column by column (no type inference)."""
    schema = SCHEMAS[name]
    columns = []
    for f, values in zip(schema, _values(rows, schema.names)):
        try:
            columns.append(_column(list(values), f.type))
        except (TypeError, ValueError, pa.ArrowException) as exc:
            bad = next((r for r in rows if not _coerces(r.get(f.name), f.type)), {})
            raise ValueError(f"{name}.{f.name}: cannot store {bad.get(f.name)!r} of article "
                             f"{bad.get('article_id', bad.get('path'))!r} as {f.type} ({exc})") from exc
    return pa.Table.from_arrays(columns, schema=schema)


def _coerces(value, type_: pa.DataType) -> bool:
    try:
        pa.array([_coerce(value, type_)], type=type_)
    except (TypeError, ValueError, pa.ArrowException):
        return False
    return True


def _table(rows: list[dict], name: str) -> pa.Table:
    """Rows as a table of ``SCHEMAS[name]`` (an empty one, with its columns, for no rows)."""
    return _arrow_table(rows, name) if rows else SCHEMAS[name].empty_table()


def _parquet_bytes(rows: list[dict], name: str) -> bytes:
    """One table as deterministic zstd Parquet bytes (fixed schema, no pandas index, no timestamps)."""
    sink = io.BytesIO()
    pq.write_table(_table(rows, name), sink, compression="zstd", store_schema=True)
    return sink.getvalue()


def _to_pandas(table: pa.Table) -> pd.DataFrame:
    return table.to_pandas(date_as_object=True)
