"""The evidence explorer's page: HTML, CSS and JavaScript in one string, no network (see :mod:`toolkit.explorer`).

``__TITLE__`` and ``__DATA__`` (the base64 of the gzipped JSON payload) are filled in by
:func:`toolkit.explorer.write_explorer`. The script decodes the payload with the browser's
``DecompressionStream``, builds one ``<select>`` per filter from the codes, keeps the filters in
``location.hash``, filters with a loop over the code arrays and renders 50 rows per page. When it
is ready it sets ``document.body.dataset.ready = "1"`` and, after each filter,
``document.body.dataset.filterMs`` (filter and render time), read by the browser test and
``benchmarks/explorer.py``.
"""

from __future__ import annotations

__all__ = ["PAGE"]

PAGE = r"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>__TITLE__</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#222;background:#fafafa}
header{position:sticky;top:0;background:#fff;border-bottom:1px solid #ddd;padding:.6em 1em;z-index:2}
h1{font-size:1.2em;margin:0 0 .4em 0}
#filters{display:flex;flex-wrap:wrap;gap:.4em .8em;align-items:flex-end}
#filters label{display:flex;flex-direction:column;font-size:.75em;color:#555}
#filters select,#filters input{font-size:1.1em;max-width:14em}
#status{font-size:.85em;margin-top:.4em;color:#333}
main{max-width:1100px;margin:0 auto;padding:.6em 1em}
.row{background:#fff;border:1px solid #e2e2e2;border-radius:4px;padding:.5em .8em;margin:.5em 0}
.meta{font-size:.8em;color:#555}.meta b{color:#222}
.tags{font-size:.78em;margin:.2em 0}.tags span{background:#eee;border-radius:3px;padding:0 .35em;margin-right:.3em}
.sent{line-height:1.55;font-family:Georgia,serif}
.span-quote{background:#fff3b0}.span-mention{border-bottom:2px solid #333;background:#e8e8ff}
.span-hedge{background:#ffc9c9}.span-label{background:#ffd8a8}
.m-sp{background:#b8e0ff;font-weight:600}.m-cu{text-decoration:underline;text-decoration-thickness:2px}
.m-pos{color:#1a7f37;font-weight:600}.m-neg{color:#b42318;font-weight:600}
details{font-size:.9em;margin-top:.3em}
#more{margin:1em auto;display:block;font-size:1em}
.legend span{margin-right:.6em;padding:0 .3em}
</style></head>
<body>
<header>
<h1>__TITLE__</h1>
<div id="filters"></div>
<div id="status">loading ...</div>
<div class="legend meta"><span class="span-quote">quote</span><span class="m-sp">speaker</span><span class="m-cu">cue</span>
<span class="span-mention">mention</span><span class="m-pos">+word</span><span class="m-neg">-word</span>
<span class="span-hedge">hedge</span><span class="span-label">label</span></div>
</header>
<main><div id="rows"></div><button id="more" hidden>show 50 more</button></main>
<script id="data" type="application/octet-stream">__DATA__</script>
<script>
"use strict";
const PAGE_SIZE = 50;
const ARTICLE_FILTERS = [["corpus", 0], ["outlet", 1], ["alignment", 2]];
const ROW_FILTERS = ["type", "measure", "camp", "actor", "stance"];
let D = null, selected = [], shown = 0, selects = {};
const $ = (id) => document.getElementById(id);
const esc = (s) => s.replace(/[&<>"]/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[c]));

async function decode() {
  const raw = atob($("data").textContent.trim());
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return JSON.parse(await new Response(stream).text());
}

function makeSelect(name, levels, counts) {
  const label = document.createElement("label");
  label.textContent = name;
  const s = document.createElement("select");
  s.id = "f-" + name;
  s.add(new Option("(all)", ""));
  levels.forEach((v, i) => { if (counts[i]) s.add(new Option((v || "(none)") + " (" + counts[i] + ")", v)); });
  s.addEventListener("change", () => { writeHash(); apply(); });
  label.appendChild(s);
  $("filters").appendChild(label);
  selects[name] = s;
}

function setup() {
  const n = D.n, A = D.articles, R = D.rows;
  D.articleCodes = {};
  for (const [name, col] of ARTICLE_FILTERS) {
    const levels = [...new Set(A.map((a) => a[col]))].sort();
    const index = new Map(levels.map((v, i) => [v, i]));
    const perArticle = Int32Array.from(A, (a) => index.get(a[col]));
    const counts = new Array(levels.length).fill(0);
    for (let i = 0; i < n; i++) counts[perArticle[R.a[i]]]++;
    D.articleCodes[name] = {levels, perArticle};
    makeSelect(name, levels, counts);
  }
  for (const name of ROW_FILTERS) {
    const levels = D.codes[name], counts = new Array(levels.length).fill(0);
    R[name] = Int32Array.from(R[name]);
    for (let i = 0; i < n; i++) counts[R[name][i]]++;
    makeSelect(name, levels, counts);
  }
  R.a = Int32Array.from(R.a);
  const label = document.createElement("label");
  label.textContent = "text contains";
  const input = document.createElement("input");
  input.id = "f-text"; input.type = "search"; input.placeholder = "word in the span";
  input.addEventListener("change", () => { writeHash(); apply(); });
  label.appendChild(input); $("filters").appendChild(label);
  selects.text = input;
  $("more").addEventListener("click", () => renderMore());
  window.addEventListener("hashchange", () => { readHash(); apply(); });
}

function readHash() {
  const params = new URLSearchParams(location.hash.slice(1));
  for (const [name, el] of Object.entries(selects)) {
    const v = params.get(name) || "";
    if (el.tagName === "SELECT" && v && ![...el.options].some((o) => o.value === v)) el.add(new Option(v + " (0)", v));
    el.value = v;
  }
}

function writeHash() {
  const params = new URLSearchParams();
  for (const [name, el] of Object.entries(selects)) if (el.value) params.set(name, el.value);
  history.replaceState(null, "", "#" + params.toString());
}

function apply() {
  const t0 = performance.now();
  const R = D.rows, n = D.n, tests = [];
  for (const [name] of ARTICLE_FILTERS) {
    const v = selects[name].value;
    if (!v) continue;
    const {levels, perArticle} = D.articleCodes[name], code = levels.indexOf(v);
    tests.push((i) => perArticle[R.a[i]] === code);
  }
  for (const name of ROW_FILTERS) {
    const v = selects[name].value;
    if (!v) continue;
    const code = D.codes[name].indexOf(v), col = R[name];
    tests.push((i) => col[i] === code);
  }
  const word = selects.text.value.toLowerCase();
  if (word) tests.push((i) => D.articles[R.a[i]][5].slice(R.start[i], R.end[i]).toLowerCase().includes(word));
  selected = [];
  outer: for (let i = 0; i < n; i++) {
    for (const t of tests) if (!t(i)) continue outer;
    selected.push(i);
  }
  $("rows").textContent = "";
  shown = 0;
  renderMore();
  const ms = performance.now() - t0;
  $("status").innerHTML = '<b id="count">' + selected.length + "</b> of " + n + " rows (" + ms.toFixed(0) + " ms)";
  document.body.dataset.filterMs = ms.toFixed(1);
  document.body.dataset.count = String(selected.length);
}

function marked(text, lo, hi, spans) {
  // spans: [start, end, class]; each character gets the classes of every span covering it
  const cuts = new Set([lo, hi]);
  for (const [s, e] of spans) { if (e > lo && s < hi) { cuts.add(Math.max(s, lo)); cuts.add(Math.min(e, hi)); } }
  const bounds = [...cuts].sort((x, y) => x - y);
  let out = "";
  for (let k = 0; k + 1 < bounds.length; k++) {
    const a = bounds[k], b = bounds[k + 1];
    const cls = spans.filter(([s, e]) => s <= a && b <= e).map((sp) => sp[2]).join(" ");
    const piece = esc(text.slice(a, b)).replace(/\n/g, "<br>");
    out += cls ? '<span class="' + cls + '">' + piece + "</span>" : piece;
  }
  return out;
}

function paragraph(text, s0, s1) {
  let p0 = text.lastIndexOf("\n", s0 - 1) + 1, p1 = text.indexOf("\n", s1);
  if (p1 < 0) p1 = text.length;
  return [Math.max(p0, s0 - 1500), Math.min(p1, s1 + 1500)];
}

function renderRow(i) {
  const R = D.rows, art = D.articles[R.a[i]], text = art[5];
  const type = D.codes.type[R.type[i]];
  const spans = [[R.start[i], R.end[i], "span-" + type]];
  for (const [s, e, k] of R.marks[i]) spans.push([s, e, k === "sp" ? "m-sp" : k === "cu" ? "m-cu" : k > 0 ? "m-pos" : "m-neg"]);
  const s0 = Math.max(R.s0[i], R.start[i] - 1200), s1 = Math.min(R.s1[i], R.end[i] + 1200);
  const tag = (k, v) => v ? "<span>" + k + ": " + esc(String(v)) + "</span>" : "";
  const score = R.score[i] === null ? "" : R.score[i].toFixed(2);
  const div = document.createElement("div");
  div.className = "row";
  div.innerHTML = '<div class="meta"><b>' + esc(art[4] || "(no title)") + "</b> &middot; " + esc(art[1] || "?") +
    " (" + esc(art[2] || "?") + ") &middot; " + esc(art[3] || "no date") + " &middot; " + esc(art[0]) + "</div>" +
    '<div class="tags">' + tag("type", type) + tag("measure", D.codes.measure[R.measure[i]]) +
    tag("camp", D.codes.camp[R.camp[i]]) + tag("actor", D.codes.actor[R.actor[i]]) +
    tag("stance", D.codes.stance[R.stance[i]]) + tag("score", score) + "<span>" + esc(R.detail[i]) + "</span></div>" +
    '<div class="sent">' + marked(text, s0, s1, spans) + "</div>";
  const more = document.createElement("details");
  more.innerHTML = "<summary>paragraph</summary>";
  more.addEventListener("toggle", () => {
    if (more.open && more.childNodes.length === 1) {
      const [p0, p1] = paragraph(text, s0, s1);
      const body = document.createElement("div");
      body.className = "sent";
      body.innerHTML = marked(text, p0, p1, spans);
      more.appendChild(body);
    }
  });
  div.appendChild(more);
  return div;
}

function renderMore() {
  const frag = document.createDocumentFragment();
  const stop = Math.min(shown + PAGE_SIZE, selected.length);
  for (; shown < stop; shown++) frag.appendChild(renderRow(selected[shown]));
  $("rows").appendChild(frag);
  $("more").hidden = shown >= selected.length;
}

decode().then((data) => {
  D = data;
  setup();
  readHash();
  apply();
  document.body.dataset.ready = "1";
}).catch((err) => { $("status").textContent = "could not read the data: " + err; throw err; });
</script>
</body></html>
"""
