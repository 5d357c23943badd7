"""Labels: the words a text uses to name each camp ("terrorists", "rebels", "the regime"), and whose.

Naming is framing: the words chosen for an actor define the problem and carry the moral judgement
(Entman, "Framing: toward clarification of a fractured paradigm", Journal of Communication 43(4),
1993), and the labelling of armed groups ("rebels", "militants", "terrorists", "revolutionaries") is
a standard content-analysis variable of conflict coverage. :func:`find_labels` finds every term of
the label lexicon (``toolkit/lexicons/labels.yml``: per camp, terms in three categories,
``neutral``, ``legitimising``, ``delegitimising``, each list cited) and decides which camp each
occurrence names, keeping how it decided (:data:`HOWS`):

* ``lexicon``: the term names one camp only ("the regime", "Daesh", "moderate rebels");
* ``modifier``: a camp is named next to it - an actor of ``actors.yml`` or a word of the label
  lexicon's ``modifiers`` right before it ("Kurdish fighters", "Nusra terrorists", "ISIS militants"),
  in apposition ("the Nusra Front, a terrorist group", "the Islamic State (IS) terrorist
  organization"), or, for a term naming several camps, right after it ("terrorists of Daesh",
  "militants from the Nusra Front");
* ``coreference``: the term names several camps ("terrorists": the opposition or the Islamic State)
  and one of them is mentioned in the same paragraph (the nearest mention before it, else after;
  after "and other" not the camp just named: "the Islamic State and other terrorist groups");
* ``alignment``: nothing in the paragraph decides, and the usage of the outlet's alignment does
  (``by_alignment`` in the lexicon: in Syrian-government and Russian outlets "terrorists" names the
  opposition, in US/Western outlets mostly the Islamic State); inside a quote whose speaker has a
  camp, that camp's usage applies instead (Lavrov's "terrorists" in a US outlet: the opposition);
* ``unresolved``: none of these applies; ``camp`` is ``None``.

A label right before another ("ISIS fighters", "opposition militants") is one label: the first
names the camp, the more marked category of the two is kept ("ISIS terrorists" is delegitimising).
Nouns of ``group_nouns`` after a label belong to it ("terrorist groups", "army units"); a prefix
("so-called", "self-styled") makes any label delegitimising ("the so-called moderate opposition").
``in_quote`` tells the outlet's own voice from someone else's words: the label lies inside a quote
(direct, mixed or indirect) of ``quotes``.

Limits: a dictionary method. It sees only listed terms (a new epithet is missed until added), it
does not parse (a label is one noun phrase matched on surface words), it does not tell the
attributive "terrorist attack" from "the terrorists" (both name the camp the attack is ascribed
to, and are counted), and co-reference is a paragraph window, not a resolver (in FA-KES, whose
articles are one line, the window is the whole article). The quote speaker's camp is only as good
as quote attribution. Scare quotes ('"moderate" rebels') are not read as distance. Rules were
chosen on one fold of the label gold and checked on the other: ``python -m toolkit validate labels``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .lexicon import DEFAULT_DIR, FileCache, LexiconError, check_forms, line_of, load_yaml, require
from .records import RecordList
from .text import in_capitals, normalize_quotes, paragraphs, tokens, trie_regex

__all__ = ["Label", "LabelLexicon", "load_labels", "find_labels", "CATEGORIES", "HOWS", "DEFAULT_PATH"]

DEFAULT_PATH = DEFAULT_DIR / "labels.yml"
CATEGORIES = ("neutral", "legitimising", "delegitimising")
HOWS = ("lexicon", "modifier", "coreference", "alignment", "unresolved")
_TOP_KEYS = {"sources", "camps", "group_nouns", "prefixes", "modifiers", "by_alignment", "resolve_order"}
_CONTEXT_RULES = ("coreference", "alignment")
_CONDITIONS = ("not_followed_by", "not_preceded_by")
_MARKED = {"neutral": 0, "legitimising": 1, "delegitimising": 2}
_SPACE = r"[^\S\r\n]+"  # spaces within one line: a label never crosses a paragraph break
# between a camp mention and a label naming it: a space, an apposition ("the Nusra Front, a terrorist group")
# or a bracketed acronym ("the Islamic State (IS) terrorist organization")
_APPOSED = re.compile(r"\)?,?" + _SPACE + r"(?:(?:a|an|the)" + _SPACE + r")?")
_POST = re.compile(_SPACE + r"(?:of|from|belonging" + _SPACE + "to|affiliated" + _SPACE + r"(?:to|with)|"
                   r"linked" + _SPACE + r"to|loyal" + _SPACE + r"to)" + _SPACE + r"(?:the" + _SPACE + r")?")


@dataclass(frozen=True)
class Label:
    """One label occurrence: ``text[start:end]`` names ``camp`` with a term of the lexicon.

    Attributes:
        start, end: offsets into the text given to :func:`find_labels` (with any prefix, modifier
            label and group noun the label covers).
        text: ``text[start:end]``.
        term: the lexicon term that matched, as listed ("terrorists" also for "terrorist").
        category: ``neutral``, ``legitimising`` or ``delegitimising``.
        camp: the camp the label names (a camp of ``actors.yml``), ``None`` when unresolved.
        how: how the camp was decided, one of :data:`HOWS`.
        in_quote: the label lies inside a quote (someone else's words), not in the outlet's voice.
    """

    start: int
    end: int
    text: str
    term: str
    category: str
    camp: str | None
    how: str
    in_quote: bool


@dataclass(frozen=True)
class _Term:
    """A listed term: the camps it may name (with the category for each) and its context conditions."""

    term: str
    senses: tuple[tuple[str, str], ...]  # (camp, category), lexicon order
    not_followed_by: frozenset[str] = frozenset()
    not_preceded_by: frozenset[str] = frozenset()


class LabelLexicon:
    """Label terms per camp and category, with the matcher built from them.

    Attributes:
        terms: term -> :class:`_Term` (a term of several camps is ambiguous).
        sources: citation per list.
        group_nouns, prefixes: as in the lexicon file.
        modifiers: word -> camp.
        by_alignment: outlet alignment -> camps an ambiguous label names, most likely first.
        resolve_order: the order in which the context rules decide an ambiguous label
            (``coreference`` and ``alignment``, after the modifier rules).
    """

    def __init__(self, terms: dict[str, _Term], sources: dict[str, str], group_nouns: tuple[str, ...],
                 prefixes: tuple[str, ...], modifiers: dict[str, str], by_alignment: dict[str, tuple[str, ...]],
                 resolve_order: tuple[str, ...] = _CONTEXT_RULES):
        self.terms, self.sources = terms, sources
        self.group_nouns, self.prefixes = group_nouns, prefixes
        self.modifiers, self.by_alignment = modifiers, by_alignment
        self.resolve_order = resolve_order
        self._forms: dict[str, str] = {}
        for term in terms:
            for form in _variants(term):
                self._forms.setdefault(form, term)
        # a group noun that is itself a label ("ISIS terrorists") is joined by _merge_adjacent instead
        nouns = [v for n in group_nouns if n not in self._forms for v in (n, _capitalised(n))]
        unit = lambda ch: _SPACE if ch == " " else re.escape(ch)  # noqa: E731
        prefix = trie_regex(prefixes + tuple(_capitalised(p) for p in prefixes), unit) if prefixes else r"(?!)"
        self._regex = re.compile(
            rf"(?<![\w-])(?:(?P<prefix>{prefix}){_SPACE})?(?P<term>{trie_regex(self._forms, unit)})"
            rf"(?P<ext>(?:{_SPACE}(?:{trie_regex(nouns, unit) if nouns else '(?!)'}))*)(?![\w]|-\w)")
        mods = sorted(modifiers, key=len, reverse=True)
        self._modifier = re.compile(rf"(?<![\w-])({'|'.join(map(re.escape, mods)) or '(?!)'})(?:'s)?{_SPACE}$")

    def __repr__(self) -> str:
        return f"LabelLexicon({len(self.terms)} terms)"


def _capitalised(form: str) -> str:
    return form[:1].upper() + form[1:]


def _number(word: str) -> str | None:
    """The other grammatical number of an English noun (rules for the plurals of the lexicon)."""
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("y") and word[-2:-1] not in tuple("aeiou"):
        return word[:-1] + "ies"
    if word.endswith(("ss", "us", "is")):
        return None
    if word.endswith("s"):
        return word[:-1]
    if word[-1:].isalpha() and word.islower():
        return word + "s"
    return None


def _variants(term: str) -> list[str]:
    """Surface forms of a term: as listed, its last word in the other number (lower-case words only),
    capitalised and in Title Case when listed in lower case, and without the apostrophe of ``'s``."""
    forms = [term]
    words = term.split(" ")
    if words[-1].islower() and words[-1].isalpha():
        other = _number(words[-1])
        if other:
            forms.append(" ".join(words[:-1] + [other]))
    if term[:1].islower():
        forms += [_capitalised(f) for f in forms] + [" ".join(map(_capitalised, f.split(" "))) for f in forms]
    forms += [f.replace("'s ", "s ") for f in forms if "'s " in f]
    return list(dict.fromkeys(forms))


# ------------------------------------------------------------------------------------------- loading


def _strings(path, value, parent, what) -> list[str]:
    require(isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value), path, value,
            f"{what} must be a list of non-empty strings", parent)
    check_forms(value, path, value, what, parent)
    return [" ".join(v.split()) for v in value]


def _entry(path, item, parent, camp, category) -> tuple[str, dict]:
    """One term of a camp's category list: (term, its conditions)."""
    if isinstance(item, str):
        require(bool(item.strip()), path, parent, f"camp {camp!r}: {category}: empty term")
        check_forms([item], path, parent, f"camp {camp!r}: {category}")
        return " ".join(item.split()), {}
    require(isinstance(item, dict) and isinstance(item.get("term"), str) and item["term"].strip(), path, item,
            f"camp {camp!r}: {category}: each term is a string or a mapping with 'term'", parent)
    unknown = set(item) - {"term", *_CONDITIONS}
    require(not unknown, path, item, f"camp {camp!r}: term {item['term']!r}: unknown key(s) {sorted(unknown, key=str)}; "
            f"expected term, {', '.join(_CONDITIONS)}", parent)
    check_forms([item["term"]], path, item, f"camp {camp!r}: {category}", parent)
    conds = {k: frozenset(w.lower() for w in _strings(path, item[k], item, f"term {item['term']!r}: {k!r}"))
             for k in _CONDITIONS if k in item}
    return " ".join(item["term"].split()), conds


def _merge(base: dict, data: Any, path: Path, known_camps: set[str]) -> None:
    """Fold one parsed file into ``base``; every error names ``path`` and a line."""
    if not isinstance(data, dict):
        raise LexiconError(path, line_of(data, 1), "the file must be a mapping with 'camps' (and 'sources', ...)")
    unknown = set(data) - _TOP_KEYS
    require(not unknown, path, data, f"unknown top-level key(s) {sorted(unknown, key=str)}; expected {sorted(_TOP_KEYS)}")
    for key in ("sources", "camps", "modifiers", "by_alignment"):
        require(isinstance(data.get(key, {}), dict), path, data.get(key), f"'{key}' must be a mapping", data)
    for key, cite in (data.get("sources") or {}).items():
        require(isinstance(cite, str) and cite.strip(), path, data["sources"], f"source {key!r} must be a citation string")
        base["sources"][key] = cite
    for key in ("group_nouns", "prefixes"):
        if key in data:
            base[key] = list(dict.fromkeys(base[key] + _strings(path, data[key], data, f"'{key}'")))
    for word, camp in (data.get("modifiers") or {}).items():
        require(isinstance(word, str) and camp in known_camps, path, data["modifiers"],
                f"modifier {word!r}: unknown camp {camp!r}; known: {sorted(known_camps)}", data)
        base["modifiers"][word] = camp
    if "resolve_order" in data:
        order = _strings(path, data["resolve_order"], data, "'resolve_order'")
        require(sorted(order) == sorted(_CONTEXT_RULES), path, data["resolve_order"],
                f"'resolve_order' must list {', '.join(_CONTEXT_RULES)} once each, in the order they apply", data)
        base["resolve_order"] = tuple(order)
    for alignment, camps in (data.get("by_alignment") or {}).items():
        got = _strings(path, camps, data["by_alignment"], f"by_alignment {alignment!r}")
        bad = [c for c in got if c not in known_camps]
        require(not bad, path, camps, f"by_alignment {alignment!r}: unknown camp(s) {bad}", data["by_alignment"])
        base["by_alignment"][alignment] = tuple(got)
    for camp, lists in (data.get("camps") or {}).items():
        where = data["camps"]
        require(camp in known_camps, path, lists if line_of(lists) else where,
                f"unknown camp {camp!r}; camps are those of the actor lexicon: {sorted(known_camps)}", where)
        require(isinstance(lists, dict), path, where, f"camp {camp!r} must be a mapping with 'source' and category lists")
        unknown = set(lists) - {"source", *CATEGORIES}
        require(not unknown, path, lists, f"camp {camp!r}: unknown key(s) {sorted(unknown, key=str)}; "
                f"expected source, {', '.join(CATEGORIES)}", where)
        require(lists.get("source") in base["sources"], path, lists,
                f"camp {camp!r}: source {lists.get('source')!r} is not a key of 'sources'", where)
        for category in CATEGORIES:
            items = lists.get(category, [])
            require(isinstance(items, list), path, items, f"camp {camp!r}: {category!r} must be a list", lists)
            for item in items:
                term, conds = _entry(path, item, items, camp, category)
                senses, old = base["terms"].setdefault(term, ([], {}))
                senses[:] = [s for s in senses if s[0] != camp] + [(camp, category)]
                for k, words in conds.items():
                    old[k] = old.get(k, frozenset()) | words


def _empty() -> dict:
    return {"sources": {}, "terms": {}, "group_nouns": [], "prefixes": [], "modifiers": {}, "by_alignment": {},
            "resolve_order": _CONTEXT_RULES}


def _build(base: dict, path: Path) -> LabelLexicon:
    if not base["terms"]:
        raise LexiconError(path, 1, "the label lexicon defines no terms")
    terms = {t: _Term(t, tuple(senses), conds.get("not_followed_by", frozenset()), conds.get("not_preceded_by", frozenset()))
             for t, (senses, conds) in base["terms"].items()}
    return LabelLexicon(terms, dict(base["sources"]), tuple(base["group_nouns"]), tuple(base["prefixes"]),
                        dict(base["modifiers"]), dict(base["by_alignment"]), base["resolve_order"])


_LEXICONS = FileCache(maxsize=8)


def load_labels(path: str | Path | None = None, *, extend: bool = True, actors=None) -> LabelLexicon:
    """Load the label lexicon.

    Args:
        path: a user YAML file of the shape of ``toolkit/lexicons/labels.yml`` (documented in its
            header); ``None`` loads the default only.
        extend: with a ``path``, ``True`` adds the user's terms (a term gains the camps and
            categories given; a camp listed again for a term replaces its category) and replaces
            modifiers and alignment entries by key; ``False`` uses the user's file alone.
        actors: the actor lexicon whose camps the labels name (default: ``toolkit.actors.load_actors()``).

    Returns:
        The :class:`LabelLexicon` (cached on the files' bytes: an edited file is read again).

    Raises:
        LexiconError: naming file and line for a YAML error, a wrong type, an unknown camp, category,
            condition or source.
    """
    from .actors import load_actors

    camps = tuple((actors if actors is not None else load_actors()).camps)
    user = None if path is None else Path(path)
    files = ([DEFAULT_PATH] if extend or user is None else []) + ([user] if user is not None else [])

    def build(raws: dict[Path, bytes]) -> LabelLexicon:
        base = _empty()
        for p in files:
            _merge(base, load_yaml(p, raws[p]), p, set(camps))
        return _build(base, files[-1])

    return _LEXICONS.get(files, build, camps)


# ------------------------------------------------------------------------------------------ finding


@dataclass
class _Hit:
    start: int
    end: int
    term: _Term
    prefixed: bool
    camp: str | None = None
    category: str | None = None
    how: str = "unresolved"


def _word_before(text: str, start: int) -> str:
    """The token right before ``start`` across a space, lower-cased ("" at a line start or after punctuation)."""
    toks = tokens(text, max(0, start - 40), start) if text[start - 1:start].isspace() else []
    return toks[-1].text.lower() if toks and toks[-1].end < start else ""


def _word_after(text: str, end: int) -> str:
    """The token right after ``end`` across a space, lower-cased, without a final period."""
    toks = tokens(text, end, end + 40) if text[end:end + 1].isspace() else []
    return toks[0].text.lower().rstrip(".") if toks else ""


def _preceded(word: str, words: frozenset[str]) -> bool:
    """``word`` is one of ``words`` (``<num>``: any word with a digit, as in "Su-30", "F-16")."""
    return word in words or ("<num>" in words and any(ch.isdigit() for ch in word))


_CREDIT_OPEN = re.compile(r"\((?:(?:Source|Photo|Photos|Credit|Image)s?:)?[^()\n]*$")
_CREDIT_SOURCE = re.compile(r"\((?:Source|Photo|Photos|Credit|Image)s?:[^()\n]*$")
_CREDIT_VIA = re.compile(r"[^()\n]{0,60}\bvia\b[^()\n]*\)")


def _in_credit(text: str, start: int, end: int) -> bool:
    """Inside a bracketed credit: "(Source: Syrian Coalition)", "(Free Syrian Army media via ...)"."""
    before = text[max(0, start - 80):start]
    if _CREDIT_OPEN.search(before) is None:
        return False
    return _CREDIT_SOURCE.search(before) is not None or _CREDIT_VIA.match(text, end, end + 120) is not None


def _category(term: _Term, camp: str | None) -> str:
    for c, category in term.senses:
        if c == camp:
            return category
    return max((cat for _c, cat in term.senses), key=_MARKED.__getitem__)


def _quote_spans(quotes) -> list[tuple[int, int, str | None]]:
    """``(start, end, speaker camp)`` of each quote, sorted (the camp is ``None`` for plain pairs)."""
    spans = [(q.start, q.end, getattr(q, "camp", None)) if hasattr(q, "start") else (int(q[0]), int(q[1]), None)
             for q in quotes]
    return sorted(spans, key=lambda s: s[:2])


def _quote_at(spans: list[tuple[int, int, str | None]], starts: list[int], start: int, end: int):
    """The quote span holding ``[start, end)``, or ``None``."""
    i = bisect_right(starts, start) - 1
    return spans[i] if i >= 0 and spans[i][0] <= start and end <= spans[i][1] else None


# A quote's speaker camp read as the alignment whose usage its labels follow (camp us: us_western outlets' usage).
_CAMP_USAGE = {"us": "us_western"}


def find_labels(text_or_article, labels: LabelLexicon | None = None, *, actors=None, alignment: str | None = None,
                quotes=None, mentions=None) -> RecordList:
    """Every label occurrence of ``text_or_article``, with the camp it names and how that was decided.

    Args:
        text_or_article: raw text, or a :class:`toolkit.corpus.Article` (its ``masked_text`` is
            read, and its ``meta["alignment"]`` when ``alignment`` is not given).
        labels: a :class:`LabelLexicon` (default: :func:`load_labels`).
        actors: the actor lexicon for camp mentions (default: ``toolkit.actors.load_actors()``).
        alignment: the outlet's alignment (``toolkit.vocab.ALIGNMENTS``), for ``how="alignment"``.
        quotes: quotes (records with ``start``/``end`` and ``camp``, as ``toolkit.extract_quotes``
            gives them, or ``(start, end)`` pairs) that decide ``in_quote`` and, by the speaker's
            camp, whose usage an ambiguous label inside follows; ``None`` extracts them with
            ``toolkit.quotes.extract_quotes`` (default lexicons); ``()`` puts every label in the
            outlet's own voice.
        mentions: the actor mentions of the text, as ``find_mentions(text, actors)`` gives them
            (the pipeline passes the ones it already has); ``None`` finds them.

    Returns:
        ``RecordList[Label]`` in text order, never overlapping; ``text[l.start:l.end] == l.text``.
    """
    from .actors import find_mentions, load_actors

    article = None if isinstance(text_or_article, str) else text_or_article
    text = text_or_article if article is None else article.masked_text
    if alignment is None and article is not None:
        alignment = getattr(article, "meta", {}).get("alignment")
    actors = actors if actors is not None else load_actors()
    lex = labels if labels is not None else load_labels(actors=actors)
    if quotes is None:
        from .quotes import extract_quotes

        quotes = extract_quotes(text, sections=getattr(article, "sections", None))
    spans = _quote_spans(quotes)
    starts = [s[0] for s in spans]
    norm = normalize_quotes(text)
    hits = _match(norm, lex)
    mentions = [m for m in (find_mentions(text, actors) if mentions is None else mentions) if m.camp != "unnamed"]
    quoted = [_quote_at(spans, starts, h.start, h.end) for h in hits]
    usage = [_CAMP_USAGE.get(q[2], q[2]) if q is not None and q[2] else alignment for q in quoted]
    _resolve(norm, hits, mentions, lex, usage)
    out = RecordList()
    for h in _merge_adjacent(norm, hits):
        category = "delegitimising" if h.prefixed else h.category
        out.append(Label(h.start, h.end, text[h.start:h.end], h.term.term, category, h.camp, h.how,
                         _quote_at(spans, starts, h.start, h.end) is not None))
    return out


def _match(norm: str, lex: LabelLexicon) -> list[_Hit]:
    hits = []
    for m in lex._regex.finditer(norm):
        term = lex.terms[lex._forms[m.group("term")]]
        s, e = m.start("term"), m.end("term")
        if term.not_followed_by and _word_after(norm, e) in term.not_followed_by:
            continue
        if term.not_preceded_by and _preceded(_word_before(norm, m.start()), term.not_preceded_by):
            continue
        if _in_credit(norm, m.start(), m.end()):
            continue
        if term.term.isupper() and in_capitals(norm, s, e):
            continue
        hits.append(_Hit(m.start(), m.end(), term, m.group("prefix") is not None))
    return hits


def _resolve(norm: str, hits: list[_Hit], mentions: list, lex: LabelLexicon, usage: list[str | None]) -> None:
    """Decide each hit's camp (see the module docstring for the order of the rules); ``usage``: per
    hit, the alignment whose usage applies (the outlet's, or inside a quote its speaker's camp)."""
    for h in hits:
        camps = [c for c, _cat in h.term.senses]
        mod = _modifier(norm, h, mentions, lex)
        if mod is not None:
            h.camp, h.how = mod, "lexicon" if camps == [mod] else "modifier"
        elif len(camps) == 1:
            h.camp, h.how = camps[0], "lexicon"
    paras = paragraphs(norm)
    para_starts = [p.start for p in paras]
    # camp mentions a paragraph window can point to: actor mentions and labels already decided
    anchors = sorted([(m.start, m.camp) for m in mentions] + [(h.start, h.camp) for h in hits if h.camp])
    for h, alignment in zip(hits, usage):
        if h.camp is not None:
            continue
        camps = [c for c, _cat in h.term.senses]
        after = _POST.match(norm, h.end)
        nxt = [m for m in mentions if after and m.start == after.end() and m.camp in camps]
        if nxt:
            h.camp, h.how = nxt[0].camp, "modifier"
            continue
        i = bisect_right(para_starts, h.start) - 1
        lo, hi = (paras[i].start, paras[i].end) if i >= 0 else (0, len(norm))
        if _word_before(norm, h.start) == "other":  # "the Islamic State and other terrorist groups"
            before = [c for s, c in anchors if lo <= s < h.start]
            camps = [c for c in camps if not before or c != before[-1]]
        near = [(abs(s - h.start) + (0 if s < h.start else len(norm)), c) for s, c in anchors
                if lo <= s < hi and s != h.start and c in camps]
        by_alignment = [c for c in lex.by_alignment.get(alignment or "", ()) if c in camps]
        decided = {"coreference": min(near)[1] if near else None,
                   "alignment": by_alignment[0] if by_alignment else None}
        for rule in lex.resolve_order:
            if decided[rule] is not None:
                h.camp, h.how = decided[rule], rule
                break
    for h in hits:
        h.category = _category(h.term, h.camp)


def _modifier(norm: str, h: _Hit, mentions: list, lex: LabelLexicon) -> str | None:
    """The camp named right before the label: a modifier word, or an actor mention ending there or covering it."""
    m = lex._modifier.search(norm, max(0, h.start - 40), h.start)
    if m is not None:
        return lex.modifiers[m.group(1)]
    found = None
    for mn in mentions:
        if mn.start >= h.start:
            break
        if mn.end <= h.end and (mn.end >= h.start or _APPOSED.fullmatch(norm, mn.end, h.start)):
            found = mn.camp
    return found


def _merge_adjacent(norm: str, hits: list[_Hit]) -> list[_Hit]:
    """Join a label right before another ("ISIS fighters") into one: the first names the camp when it
    is decided by the lexicon or a modifier; the more marked category (and its term) is kept."""
    out: list[_Hit] = []
    for h in hits:
        prev = out[-1] if out else None
        if prev is not None and h.start > prev.end and norm[prev.end:h.start].strip(" \t") == "":
            camp, how = h.camp, h.how
            if prev.how in ("lexicon", "modifier"):  # the first label names the camp
                camp = prev.camp
                how = "lexicon" if h.how == "lexicon" and h.camp == prev.camp else "modifier"
            keep = prev if _MARKED[prev.category] > _MARKED[h.category] else h
            out[-1] = _Hit(prev.start, h.end, keep.term, prev.prefixed or h.prefixed, camp,
                           _category(keep.term, camp), how)
            continue
        out.append(h)
    return out
