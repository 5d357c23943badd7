"""Generate ``corpora/demo/gold.jsonl`` from the hand-written spec ``corpora/demo/gold_spec.yml``.

Nobody computes offsets by hand. The spec names each attributed statement by an exact substring of
its content plus the cue and speaker mention as they are written; this script finds them in the
article text and writes character offsets (Python ``str`` indices into the UTF-8 decoded file).
It fails loudly (``GoldError``) when a substring is missing or ambiguous.

Layout the script relies on (the shape of a scraped news page): paragraph 0 is site boilerplate,
paragraph 1 the title, paragraph 2 the photo caption. A later paragraph identical to the title or the
caption is a ``duplicate``; the paragraph holding the outlet's ``tail`` marker and everything after it
is ``boilerplate``. Everything else is ``body``.

Rules applied:

* Quote ``start/end``: direct quotes cover the text between the quotation marks (an unclosed
  quote that continues into the next paragraph runs to the end of its line); indirect quotes cover the
  reported clause; mixed quotes cover the reported clause including the quoted fragment and its marks.
* Cue and speaker mention: the occurrence (whole word) nearest to the quote, searched first in the
  sentences the quote overlaps, then in its paragraph, then ``back``/``fwd`` paragraphs around it
  (for continuation paragraphs); positions inside any quote's content are never taken. ``sp_ctx`` /
  ``cue_ctx`` (a longer substring holding the mention) disambiguate. A tie is an error.
* Quotes and hedges in the title or caption are copied, with shifted offsets, onto every duplicate of
  that paragraph (``section: duplicate``).
* Hedges: every whole-word, case-insensitive occurrence of a cue in ``hedge_cues`` inside the title,
  caption and body (longest cue first), minus the per-file ``not_hedges`` contexts (case-sensitive
  substrings such as ``"could not"`` or ``"in May"``; brackets limit the exclusion to a part, as in
  ``"if [confirmed]"``, which keeps ``if`` as a hedge). A ``not_hedges`` entry that excludes nothing is an
  error, so the exceptions never go stale.
* Lint: every double quotation mark (straight or curly) in title, caption and body must open or close
  an annotated direct quote or sit inside a mixed quote, so an unannotated quotation is an error.

Usage: ``python tools/make_demo_gold.py [--check]`` (``--check`` compares instead of writing).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from toolkit.text import paragraphs, sentences  # noqa: E402
from toolkit.vocab import QUOTE_KINDS  # noqa: E402

DEMO = ROOT / "corpora" / "demo"
SPEC = DEMO / "gold_spec.yml"
GOLD = DEMO / "gold.jsonl"

CAMPS = {"russia", "us", "opposition", "syria_government", "iran", "turkey", "un", "isis", "other", "unnamed"}
CATEGORIES = {"epistemic_modal", "epistemic_verb", "epistemic_adverb", "evidential", "conditional", "booster"}
OPEN_MARKS = "\"\u201c'\u2018"
CLOSE_MARKS = "\"\u201d'\u2019"
DOUBLE_MARKS = "\"\u201c\u201d"
QUOTE_KEYS = ["start", "end", "text", "kind", "cue", "cue_start", "cue_end", "speaker", "speaker_start",
              "speaker_end", "actor", "camp", "section"]


class GoldError(ValueError):
    pass


def _word_re(s: str) -> re.Pattern:
    pat = re.escape(s)
    if s[:1].isalnum():
        pat = r"(?<!\w)" + pat
    if s[-1:].isalnum():
        pat = pat + r"(?!\w)"
    return re.compile(pat)


def sections(text: str, tail: str) -> list[tuple[int, int, str]]:
    """(start, end, section) per paragraph."""
    paras = paragraphs(text)
    if len(paras) < 4:
        raise GoldError("an article needs boilerplate, title, caption and body paragraphs")
    title, caption = paras[1].text, paras[2].text
    out = [(paras[0].start, paras[0].end, "boilerplate"), (paras[1].start, paras[1].end, "title"),
           (paras[2].start, paras[2].end, "caption")]
    in_tail = False
    for p in paras[3:]:
        if tail in p.text:
            in_tail = True
        if in_tail:
            sec = "boilerplate"
        elif p.text in (title, caption):
            sec = "duplicate"
        else:
            sec = "body"
        out.append((p.start, p.end, sec))
    if not in_tail:
        raise GoldError(f"tail marker {tail!r} not found")
    return out


class Article:
    def __init__(self, name: str, text: str, tail: str):
        self.name, self.text = name, text
        self.paras = sections(text, tail)
        self.sents = sentences(text)

    def para_index(self, pos: int) -> int:
        for i, (s, e, _) in enumerate(self.paras):
            if s <= pos < e or (pos == e and s < e):
                return i
        raise GoldError(f"{self.name}: offset {pos} is in no paragraph")

    def fail(self, msg: str):
        raise GoldError(f"{self.name}: {msg}")

    def find_content(self, q: dict) -> tuple[int, int]:
        sec = q.get("sec", "body")
        needle = q["q"]
        hits = []
        for s, e, psec in self.paras:
            if psec != sec:
                continue
            i = self.text.find(needle, s, e)
            while i != -1 and i + len(needle) <= e:
                hits.append(i)
                i = self.text.find(needle, i + 1, e)
        if not hits:
            self.fail(f"quote content not found in {sec}: {needle!r}")
        occ = q.get("occ")
        if occ is None and len(hits) > 1:
            self.fail(f"quote content ambiguous ({len(hits)} hits), give occ: {needle!r}")
        start = hits[occ or 0]
        return start, start + len(needle)

    def locate(self, what: str, ctx: str | None, qs: int, qe: int, back: int, fwd: int,
               blocked: list[tuple[int, int]]) -> tuple[int, int]:
        """Nearest whole-word occurrence of ``what`` (inside ``ctx`` if given) around [qs, qe)."""
        pi = self.para_index(qs)
        sent_spans = [(s.start, s.end) for s in self.sents if s.start < max(qe, qs + 1) and s.end > qs]
        regions = []
        if sent_spans:
            regions.append((min(a for a, _ in sent_spans), max(b for _, b in sent_spans)))
        regions.append((self.paras[pi][0], self.paras[pi][1]))
        if back or fwd:
            lo = max(0, pi - back)
            hi = min(len(self.paras) - 1, self.para_index(max(qs, qe - 1)) + fwd)
            regions.append((self.paras[lo][0], self.paras[hi][1]))

        def free(a, b):
            return all(b <= s or a >= e for s, e in blocked)

        for rs, re_ in regions:
            cands = []
            if ctx is not None:
                for m in _word_re(ctx).finditer(self.text, rs, re_):
                    sub = _word_re(what).search(self.text, m.start(), m.end())
                    if sub and free(sub.start(), sub.end()):
                        cands.append((sub.start(), sub.end()))
            else:
                for m in _word_re(what).finditer(self.text, rs, re_):
                    if free(m.start(), m.end()):
                        cands.append((m.start(), m.end()))
            if not cands:
                continue

            def dist(c):
                return qs - c[1] if c[1] <= qs else c[0] - qe

            cands.sort(key=dist)
            if len(cands) > 1 and dist(cands[0]) == dist(cands[1]):
                self.fail(f"{what!r} ambiguous near {self.text[qs:qe]!r}")
            return cands[0]
        self.fail(f"{what!r} (ctx {ctx!r}) not found near {self.text[qs:qe]!r}")


def _actor(spec: dict, q: dict, where: str) -> tuple[str, str | None, str]:
    actors = spec["actors"]
    who = q.get("who")
    if who is not None:
        if who not in actors:
            raise GoldError(f"{where}: unknown actor {who!r}")
        name = q.get("name", actors[who]["name"])
        camp = q.get("camp", actors[who]["camp"])
    else:
        if "name" not in q or "camp" not in q:
            raise GoldError(f"{where}: an unnamed speaker needs name and camp")
        name, camp = q["name"], q["camp"]
    if camp not in CAMPS:
        raise GoldError(f"{where}: bad camp {camp!r}")
    return name, who, camp


def _hedge_regex(spec: dict) -> tuple[re.Pattern, dict[str, str]]:
    cat_of = {}
    for cat, cues in spec["hedge_cues"].items():
        if cat not in CATEGORIES:
            raise GoldError(f"bad hedge category {cat!r}")
        for c in cues:
            cat_of[c.lower()] = cat
    alts = sorted(cat_of, key=len, reverse=True)
    pat = r"(?<!\w)(?:" + "|".join(re.escape(a) for a in alts) + r")(?!\w)"
    return re.compile(pat, re.IGNORECASE), cat_of


def build_article(spec: dict, name: str, fs: dict) -> dict:
    text = (DEMO / name).read_text(encoding="utf-8")
    outlet = name.split("_", 1)[0]
    tail = fs.get("tail", spec["outlets"][outlet]["tail"])
    art = Article(name, text, tail)
    qspecs = fs.get("quotes") or []

    # pass 1: content spans
    spans = []
    for k, q in enumerate(qspecs):
        if q.get("k") not in QUOTE_KINDS:
            art.fail(f"quote {k}: bad kind {q.get('k')!r}")
        s, e = art.find_content(q)
        if q["k"] == "direct":
            pe = art.paras[art.para_index(s)][1]
            if text[s - 1] not in OPEN_MARKS:
                art.fail(f"direct quote not preceded by a quotation mark: {q['q']!r}")
            if not (e < len(text) and text[e] in CLOSE_MARKS) and e != pe:
                art.fail(f"direct quote neither closed nor running to the end of its line: {q['q']!r}")
        elif q["k"] == "mixed":
            if not any(c in DOUBLE_MARKS + "'" for c in text[s:e]):
                art.fail(f"mixed quote holds no quoted fragment: {q['q']!r}")
        spans.append((s, e))
    order = sorted(range(len(spans)), key=lambda i: spans[i])
    for a, b in zip(order, order[1:]):
        if spans[a][1] > spans[b][0]:
            art.fail(f"quotes overlap: {qspecs[a]['q']!r} / {qspecs[b]['q']!r}")

    # pass 2: cues and speakers
    quotes = []
    for q, (s, e) in zip(qspecs, spans):
        where = f"{name}: {q['q']!r}"
        back, fwd = q.get("back", 0), q.get("fwd", 0)
        cs, ce = art.locate(q["cue"], q.get("cue_ctx"), s, e, back, fwd, spans)
        ss, se = art.locate(q["sp"], q.get("sp_ctx"), s, e, back, fwd, spans)
        if not (ce <= ss or se <= cs):
            art.fail(f"cue and speaker overlap for {q['q']!r}")
        speaker, actor, camp = _actor(spec, q, where)
        sec = q.get("sec", "body")
        quotes.append({"start": s, "end": e, "text": text[s:e], "kind": q["k"], "cue": text[cs:ce],
                       "cue_start": cs, "cue_end": ce, "speaker": speaker, "speaker_start": ss,
                       "speaker_end": se, "actor": actor, "camp": camp, "section": sec})

    # hedges
    rx, cat_of = _hedge_regex(spec)
    not_hedges = fs.get("not_hedges") or []
    used = [0] * len(not_hedges)
    hedges = []
    for ps, pe, sec in art.paras:
        if sec not in ("title", "caption", "body"):
            continue
        blocked = []
        for j, ctx in enumerate(not_hedges):
            plain = ctx.replace("[", "").replace("]", "")
            lo = ctx.find("[")
            for m in _word_re(plain).finditer(text, ps, pe):
                if lo == -1:
                    blocked.append((m.start(), m.end(), j))
                else:
                    blocked.append((m.start() + lo, m.start() + ctx.find("]") - 1, j))
        for m in rx.finditer(text, ps, pe):
            hit = [j for a, b, j in blocked if a <= m.start() and m.end() <= b]
            if hit:
                for j in hit:
                    used[j] += 1
                continue
            hedges.append({"start": m.start(), "end": m.end(), "cue": m.group(),
                           "category": cat_of[m.group().lower()], "section": sec})
    for j, n in enumerate(used):
        if n == 0:
            art.fail(f"not_hedges entry excludes nothing: {not_hedges[j]!r}")

    # duplicates of title / caption
    dup_q, dup_h = [], []
    for sec_src in ("title", "caption"):
        src = next(p for p in art.paras if p[2] == sec_src)
        src_text = text[src[0]:src[1]]
        for ds, de, dsec in art.paras:
            if dsec != "duplicate" or text[ds:de] != src_text:
                continue
            shift = ds - src[0]
            for r in quotes:
                if r["section"] == sec_src:
                    if not all(src[0] <= r[k] <= src[1] for k in ("cue_start", "speaker_start")):
                        art.fail(f"{sec_src} quote attributed outside its paragraph: {r['text']!r}")
                    d = dict(r, section="duplicate")
                    for k in ("start", "end", "cue_start", "cue_end", "speaker_start", "speaker_end"):
                        d[k] += shift
                    dup_q.append(d)
            for h in hedges:
                if h["section"] == sec_src:
                    dup_h.append(dict(h, start=h["start"] + shift, end=h["end"] + shift, section="duplicate"))
    quotes = sorted(quotes + dup_q, key=lambda r: r["start"])
    hedges = sorted(hedges + dup_h, key=lambda r: r["start"])

    # lint: every double quotation mark belongs to an annotated quote
    for ps, pe, sec in art.paras:
        if sec == "boilerplate":
            continue
        for pos in range(ps, pe):
            if text[pos] not in DOUBLE_MARKS:
                continue
            ok = any((r["kind"] == "direct" and pos in (r["start"] - 1, r["end"]))
                     or (r["kind"] == "mixed" and r["start"] <= pos < r["end"]) for r in quotes)
            if not ok:
                art.fail(f"quotation mark at {pos} belongs to no annotated quote: "
                         f"{text[max(ps, pos - 40):pos + 40]!r}")
    return {"file": name, "quotes": [{k: r[k] for k in QUOTE_KEYS} for r in quotes], "hedges": hedges}


def build(spec_path: Path = SPEC) -> str:
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    files = sorted(p.name for p in DEMO.glob("*.txt"))
    missing = set(files) ^ set(spec["files"])
    if missing:
        raise GoldError(f"spec and corpus disagree on files: {sorted(missing)}")
    lines = [json.dumps(build_article(spec, n, spec["files"][n] or {}), ensure_ascii=False) for n in files]
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if gold.jsonl is not up to date")
    args = ap.parse_args(argv)
    out = build()
    if args.check:
        current = GOLD.read_text(encoding="utf-8") if GOLD.exists() else ""
        if current != out:
            print("gold.jsonl is out of date; run tools/make_demo_gold.py", file=sys.stderr)
            return 1
        return 0
    GOLD.write_text(out, encoding="utf-8")
    recs = [json.loads(x) for x in out.splitlines()]
    print(f"wrote {GOLD.relative_to(ROOT)}: {len(recs)} articles, "
          f"{sum(len(r['quotes']) for r in recs)} quotes, {sum(len(r['hedges']) for r in recs)} hedges")
    return 0


if __name__ == "__main__":
    sys.exit(main())
