"""Hand annotation of a random sample of articles: draw it, write a sheet to correct, read it back.

The corrected comparisons (:func:`toolkit.quote_share_by` with ``annotations=``, prediction-powered
inference: Angelopoulos et al. 2023, *Science* 382; Egami et al. 2023, NeurIPS) need the true
statements of a **random** sample of **whole** articles of the corpus being analysed:

* :func:`annotation_sample` draws the articles (simple random, or ``n`` per stratum ``by``), with
  their predicted quotes;
* :func:`write_annotation_sheet` writes them as CSV or JSONL a spreadsheet edits (or as a
  self-contained HTML form whose Save button downloads the edited rows as JSONL): one ``article``
  row per article (its full text in ``context``, so it is marked annotated even when it has no
  statement), one ``keep`` row per predicted quote (speaker, camp and context prefilled; set
  ``status`` to ``delete`` to drop a wrong one, edit ``camp``/``actor``/``speaker`` to fix one) and
  ``add`` rows for missed statements (``article_id``, ``camp``, and the statement's words in
  ``quote``: its offsets are found in the article text when ``start``/``end`` are left empty);
* :func:`load_annotations` reads such a sheet, or gold in the shape of
  ``shared/gold/real-quotes/dev.jsonl`` (one record per statement), or the demo corpus's
  ``gold.jsonl`` (one record per file with a ``quotes`` list), into one tidy frame.

Every article that appears in the annotations is taken as **completely** annotated: a predicted quote
missing from its rows was a false positive, a statement absent from the predictions was missed.
The sample must be drawn at random (with a seed) for the correction to be unbiased; a sample picked
by hand is not a sample of the corpus.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = ["AnnotationSample", "annotation_sample", "write_annotation_sheet", "load_annotations",
           "SHEET_COLUMNS", "ANNOTATION_COLUMNS"]

SHEET_COLUMNS = ("article_id", "status", "start", "end", "camp", "actor", "speaker", "speaker_start",
                 "speaker_end", "kind", "quote", "context", "note")
ANNOTATION_COLUMNS = ("article_id", "statement", "start", "end", "camp", "actor", "kind", "speaker",
                      "speaker_start", "speaker_end")
STATUSES = ("article", "keep", "delete", "add")
CONTEXT = 160  # characters of context either side of a predicted quote
_ARTICLE_META = ("outlet", "alignment", "date", "title")


@dataclass(frozen=True)
class AnnotationSample:
    """A random sample of whole articles and their predicted quotes.

    ``articles``: one row per sampled article (``corpus`` when the results have one, ``article_id``,
    outlet, alignment, date, title, text and the ``by`` columns); ``quotes``: the results' quotes of
    those articles. ``seed`` and ``by`` record how it was drawn.
    """

    articles: pd.DataFrame
    quotes: pd.DataFrame
    seed: int
    by: tuple[str, ...]

    @property
    def article_ids(self) -> list[str]:
        return self.articles["article_id"].tolist()


def annotation_sample(results, n: int, by: str | list[str] | None = None, seed: int = 0) -> AnnotationSample:
    """Draw ``n`` whole articles at random (``n`` per stratum when ``by`` names article columns).

    Simple random sampling without replacement (``numpy.random.Generator.choice``); with ``by``
    (e.g. ``"outlet"`` or ``"alignment"``) each stratum gets ``n`` articles, or all of its articles
    when it has fewer, so every group compared later has annotated articles. Limits: a stratum's
    articles are equally likely; the corrected estimate treats the annotated articles of a group
    as a random sample of that group, which this guarantees.

    Args:
        results: a ``Results``-like object with ``articles`` and ``quotes`` tables.
        n: articles to draw (per stratum with ``by``).
        by: article column(s) to stratify by.
        seed: seed of the draw; the same results and seed give the same sample.
    """
    if n < 1:
        raise ValueError(f"n must be at least 1, not {n}")
    articles = results.articles
    keys = [by] if isinstance(by, str) else list(by or [])
    for key in keys:
        if key not in articles.columns:
            raise KeyError(f"cannot stratify by {key!r}: not a column of the articles table")
    rng = np.random.default_rng(seed)
    ordered = articles.sort_values([*keys, "article_id"], kind="stable")
    strata = [ordered] if not keys else [g for _, g in ordered.groupby(keys, sort=True, observed=True)]
    picked = [g.iloc[np.sort(rng.choice(len(g), size=min(n, len(g)), replace=False))] for g in strata]
    chosen = pd.concat(picked, ignore_index=True)
    columns = [c for c in ("corpus", "article_id", *_ARTICLE_META, *keys, "text") if c in chosen.columns]
    chosen = chosen[list(dict.fromkeys(columns))]
    quotes = results.quotes
    quotes = quotes[quotes["article_id"].isin(set(chosen["article_id"]))].sort_values(["article_id", "start"])
    return AnnotationSample(chosen.reset_index(drop=True), quotes.reset_index(drop=True), seed, tuple(keys))


def _sheet_rows(sample: AnnotationSample) -> list[dict]:
    rows = []
    by_article = dict(tuple(sample.quotes.groupby("article_id", sort=False)))
    for article in sample.articles.to_dict("records"):
        text = str(article.get("text") or "")
        head = " | ".join(str(article[c]) for c in _ARTICLE_META if c in article and article[c] is not None)
        rows.append({"article_id": article["article_id"], "status": "article", "note": head, "context": text})
        for q in by_article.get(article["article_id"], pd.DataFrame()).to_dict("records"):
            start, end = int(q["start"]), int(q["end"])
            rows.append({"article_id": article["article_id"], "status": "keep", "start": start, "end": end,
                         "camp": q.get("camp"), "actor": q.get("actor"), "speaker": q.get("speaker"),
                         "speaker_start": q.get("speaker_start"), "speaker_end": q.get("speaker_end"),
                         "kind": q.get("kind"), "quote": text[start:end] or q.get("text"),
                         "context": text[max(0, start - CONTEXT):end + CONTEXT]})
    return rows


_FORM = """<!doctype html><html><head><meta charset="utf-8"><title>Annotation sheet</title><style>
body{font:14px sans-serif;margin:1em} .text{background:#eef;padding:.5em;white-space:pre-wrap;max-height:14em;
overflow:auto} table{border-collapse:collapse;width:100%} td{border:1px solid #ccc;padding:2px;vertical-align:top}
input,select{width:100%;min-width:5em} td.context{font-size:12px;color:#444}</style></head><body>
<p>Every article shown is taken as completely annotated. Set a wrong quote's status to <b>delete</b> or fix its
camp, actor or speaker; add each missed statement (its camp and its words). <b>Save</b> downloads the rows as
JSONL, read by <code>toolkit.load_annotations</code>.</p><button onclick="save()">Save (JSONL)</button>
<div id="sheet"></div><script type="application/json" id="rows">__ROWS__</script><script>
const rows = JSON.parse(document.getElementById("rows").textContent);
const EDIT = ["status", "camp", "actor", "speaker", "quote", "note"];
function render() {
  const root = document.getElementById("sheet"); root.innerHTML = ""; let table = null;
  rows.forEach((r, i) => {
    if (r.status === "article") {
      const h = document.createElement("h3"); h.textContent = r.article_id + "  " + (r.note || ""); root.append(h);
      const d = document.createElement("div"); d.className = "text"; d.textContent = r.context || ""; root.append(d);
      const b = document.createElement("button"); b.textContent = "Add a missed statement";
      b.onclick = () => { rows.splice(i + 1, 0, {article_id: r.article_id, status: "add"}); render(); };
      root.append(b); table = document.createElement("table"); root.append(table);
      const head = table.insertRow(); [...EDIT, "context"].forEach(k => { head.insertCell().textContent = k; });
      return;
    }
    const tr = table.insertRow();
    EDIT.forEach(k => {
      const input = document.createElement(k === "status" ? "select" : "input");
      if (k === "status") ["keep", "delete", "add"].forEach(o => input.add(new Option(o, o)));
      input.value = r[k] ?? ""; input.onchange = () => { r[k] = input.value; }; tr.insertCell().append(input);
    });
    const c = tr.insertCell(); c.className = "context"; c.textContent = r.context || "";
  });
}
function save() {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([rows.map(r => JSON.stringify(r)).join("\\n") + "\\n"],
                                        {type: "application/x-ndjson"}));
  a.download = "annotations.jsonl"; a.click();
}
render();
</script></body></html>
"""


def write_annotation_sheet(sample: AnnotationSample, path: str | Path) -> Path:
    """Write the sheet a researcher corrects: ``.csv`` (spreadsheets), ``.jsonl`` or ``.html``, by the suffix.

    Columns: :data:`SHEET_COLUMNS`. ``status`` is ``article`` (the article's header in ``note``,
    its text in ``context``), ``keep`` (a predicted quote: change to ``delete`` to drop it, or edit
    its fields) or, for rows the researcher adds, ``add``. :func:`load_annotations` reads the CSV
    and JSONL back. The HTML form holds the same rows (embedded as JSON; no network, no server)
    and its Save button downloads the edited rows as JSONL; it needs a browser with JavaScript.
    """
    path = Path(path)
    frame = pd.DataFrame(_sheet_rows(sample), columns=list(SHEET_COLUMNS))
    for column in ("start", "end", "speaker_start", "speaker_end"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("Int64")
    if path.suffix == ".csv":
        frame.to_csv(path, index=False, encoding="utf-8")
    elif path.suffix == ".jsonl":
        frame.to_json(path, orient="records", lines=True, force_ascii=False)
    elif path.suffix == ".html":
        rows = frame.to_json(orient="records", force_ascii=False).replace("</", "<\\/")
        path.write_text(_FORM.replace("__ROWS__", rows), encoding="utf-8")
    else:
        raise ValueError(f"annotation sheets are .csv, .jsonl or .html, not {path.suffix!r}")
    return path


def _records(source) -> pd.DataFrame:
    if isinstance(source, pd.DataFrame):
        return source.copy()
    if isinstance(source, (list, tuple)):
        return pd.DataFrame(list(source))
    path = Path(source)
    if path.suffix == ".csv":
        return pd.read_csv(path, dtype={"article_id": str}, keep_default_na=True)
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        data = json.loads(text)
        return pd.DataFrame(data if isinstance(data, list) else [data])
    return pd.DataFrame([json.loads(line) for line in text.splitlines() if line.strip()])


def _explode_files(frame: pd.DataFrame) -> pd.DataFrame:
    """Demo-gold records (one per file, a ``quotes`` list) to one row per statement (or per empty file)."""
    rows = []
    for record in frame.to_dict("records"):
        base = {"article_id": Path(str(record["file"])).stem}
        quotes = record.get("quotes") or []
        rows.extend({**base, **q, "statement": True} for q in quotes)
        if not quotes:
            rows.append({**base, "statement": False})
    return pd.DataFrame(rows)


def _locate(frame: pd.DataFrame) -> pd.DataFrame:
    """Offsets of added statements given by their words only, found in the sheet's article text."""
    if "quote" not in frame.columns or "context" not in frame.columns:
        return frame
    texts = frame[frame["status"] == "article"].set_index("article_id")["context"].to_dict()
    missing = frame["start"].isna() & frame["quote"].notna() & frame["statement"]
    for i in frame.index[missing]:
        at = str(texts.get(frame.at[i, "article_id"]) or "").find(str(frame.at[i, "quote"]))
        if at >= 0:
            frame.at[i, "start"], frame.at[i, "end"] = at, at + len(str(frame.at[i, "quote"]))
    return frame


def load_annotations(source, id_column: str | None = None) -> pd.DataFrame:
    """Read annotated statements into a tidy frame, one row per statement.

    Accepts a DataFrame, a list of records, or a ``.jsonl`` / ``.json`` / ``.csv`` file in one of
    three shapes: an annotation sheet (:func:`write_annotation_sheet`, with ``status``), statement
    records like ``shared/gold/real-quotes/dev.jsonl`` (``start``, ``end``, ``camp`` and optionally
    ``speaker_start``, ``speaker_end``, ``actor``, ``kind``), or the demo corpus's ``gold.jsonl``
    (per ``file``, a ``quotes`` list). The article is named by ``id_column``, else by
    ``article_id``, else ``file`` (its stem), else ``article``.

    Returns:
        Columns :data:`ANNOTATION_COLUMNS` (and ``corpus`` when the records have one). ``statement``
        is False on the one row that marks an annotated article with no statement; every article
        present is taken as completely annotated. A statement with no camp counts for no camp.
    """
    frame = _records(source)
    if "quotes" in frame.columns and "file" in frame.columns:
        frame = _explode_files(frame)
    name = id_column or next((c for c in ("article_id", "file", "article") if c in frame.columns), None)
    if name is None:
        raise KeyError("annotations need an article column: article_id, file or article (or id_column=)")
    ids = frame[name].astype(str)
    frame["article_id"] = ids.map(lambda v: Path(v).stem) if name == "file" else ids
    if "status" in frame.columns:
        status = frame["status"].fillna("add").astype(str).str.strip().str.lower()
        unknown = set(status) - set(STATUSES)
        if unknown:
            raise ValueError(f"unknown status {sorted(unknown)!r} in the annotations (use {', '.join(STATUSES)})")
        frame = frame.assign(status=status, statement=status.isin(["keep", "add"]))
        frame = _locate(frame)[status != "delete"]
    elif "statement" not in frame.columns:
        frame["statement"] = True
    for column in ANNOTATION_COLUMNS:
        if column not in frame.columns:
            frame[column] = None
    for column in ("start", "end", "speaker_start", "speaker_end"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("Int64")
    for column in ("camp", "actor", "kind", "speaker"):
        frame[column] = frame[column].where(frame[column].notna() & (frame[column].astype(str) != ""), None)
    frame["statement"] = frame["statement"].astype(bool)
    columns = (["corpus"] if "corpus" in frame.columns else []) + list(ANNOTATION_COLUMNS)
    out = frame[columns].sort_values(["article_id", "start"], kind="stable", na_position="first")
    return out.reset_index(drop=True)
