"""Cleaning by marking: boilerplate, captions, titles, repeated paragraphs, stubs, duplicate articles
and stripped punctuation.

Nothing here rewrites a text. :func:`article_from_text` marks each paragraph of a text as a
:class:`Section` (``title``, ``body``, ``caption``, ``boilerplate``, ``duplicate``), and every mark
is a :class:`CleaningNote`. The rules are cue lists and regular expressions written for the news
sites of the shared corpora (site chrome, photo credits, the title repeated under the caption):
precise on those, a first pass elsewhere, and only paragraphs of at most 40 words can be
boilerplate. Duplicate articles are found on the text after :func:`toolkit.text.normalize_quotes`,
whitespace collapsing and case folding; a text of at least 80 words with no comma and no
apostrophe is flagged ``punctuation_stripped`` (FA-KES), as is a whole corpus when 90% of its long
articles are.
"""

from __future__ import annotations

import datetime
import re

from toolkit.corpus.decoding import _HTML_DOC, _PIPE_PARAGRAPH, _html_spans, _pipe_markup
from toolkit.corpus.language import guess_language
from toolkit.corpus.records import Article, CleaningNote, Section, _blank
from toolkit.corpus.values import _outlet_key
from toolkit.text import n_words, normalize_quotes, paragraphs

__all__ = ["article_from_text", "unique_id"]

# Site chrome. A paragraph of at most _BOILER_MAX_WORDS words is boilerplate when it starts like
# _BOILER_START or contains one of _BOILER_PHRASES (lower-case) or matches _BOILER_REGEX; the looser
# _BOILER_SHORT cues ("subscribe", "newsletter") count only in paragraphs of at most _SHORT_MAX_WORDS
# words, so a body sentence that mentions subscribing is left alone.
_BOILER_MAX_WORDS = 40
_SHORT_MAX_WORDS = 12
_BOILER_START = re.compile(
    r"\s*(?:\u00a9|\(c\)\s|copyright\b|advertisement\b|contributing:|(?:additional )?reporting by\b"
    r"|(?:writing|editing) by\b"
    r"|(?:read more|related|more on this)\s*[:.\u2026]*\s*$|(?:close|photo|video)\s*$|\[[\w ]+\]\s*$|[\W_]+$)",
    re.IGNORECASE,
)
_BOILER_PHRASES = (
    "all rights reserved", "want to leave a tip", "leaving a tip", "got a tip", "want to join the conversation",
    "already a subscriber", "contributed this report", "contributed to this report", "contributed this story",
    "contributed to this story", "story has been updated", "article has been updated", "post has been updated",
    "report has been updated", "story continued below", "continue reading the main story", "click here",
    "enlarge this image", "toggle caption", "got a story", "send us a tip", "send our newsroom",
    "comments are moderated", "share this story", "share this article", "terms of use", "privacy policy",
)
_BOILER_REGEX = re.compile(
    r"sign up for (?:our |daily |the )?\w*\s*newsletter|download (?:the|our) .{0,30}\bapp\b"
    r"|\u00a9\s*(?:copyright\s*)?(?:19|20)\d\d\b",  # a copyright notice inside a masthead or bio line
    re.IGNORECASE,
)
_BOILER_SHORT = re.compile(
    r"\bsubscribe\b|\bsubscription\b|\bnewsletters?\b|follow us\b|has been updated\b|sign up\b"
    r"|\bdonat(?:e|es|ion|ions)\b|support (?:our|independent) \w+ journalism",
    re.IGNORECASE,
)
# Photo captions: lead-ins, or a long paragraph ending with a parenthesised photo credit.
_CAPTION_START = re.compile(
    r"^\s*(?:this (?:image|photo|picture|undated)|in this (?:\w+ )?(?:photo|image|picture|file)"
    r"|file(?: photo)?\s*[-\u2013\u2014])",
    re.IGNORECASE,
)
_CAPTION_CREDIT = re.compile(
    r"\(([^()]{2,120})\)\s*$",
)
_CREDIT_WORDS = re.compile(r"\bvia\b|\bphoto\b|/|getty images|^\s*(?:ap|afp|reuters|epa)\s*$", re.IGNORECASE)
_CAPTION_MIN_WORDS = 12
# Sputnik-style photo line: "(c) <credit> | <caption>" (tested on the raw text, before markup is blanked).
_CREDIT_CAPTION = re.compile(r"^\s*\u00a9[^|\n]{1,100}\|\s*\S")
# Repeats of paragraphs shorter than this are structure ("Then:", a speaker's name), not scraping noise.
_DUPLICATE_MIN_WORDS = 5

_STUB = re.compile(r"^\W*(?:more )?details to follow\W*$|^\W*developing story\W*$", re.IGNORECASE)
_PUNCT_MIN_WORDS = 80  # an article this long with no comma and no apostrophe had its punctuation stripped
# A paragraph that can be a title: some letter once tags and invisible format characters are removed.
_TAGS = re.compile(r"<[^<>]{0,300}>")


def _quote_pattern() -> re.Pattern:
    """A character class of the non-space characters that :func:`normalize_quotes` changes."""
    sample = "".join(map(chr, range(128, 0x10000)))
    changed = [a for a, b in zip(sample, normalize_quotes(sample)) if a != b and not a.isspace()]
    return re.compile("[" + re.escape("".join(changed)) + "]")


_QUOTES = _quote_pattern()


def _norm(text: str) -> str:
    """Key for duplicate detection: quotes as :func:`normalize_quotes` maps them, whitespace collapsed,
    case folded. Only the quote characters go through ``normalize_quotes`` (much faster on long texts)."""
    return " ".join(_QUOTES.sub(lambda m: normalize_quotes(m.group()), text).split()).casefold()


def _is_boilerplate(para: str, n_words: int) -> bool:
    """True if a paragraph of ``n_words`` words is site chrome (see the cue lists above)."""
    if n_words > _BOILER_MAX_WORDS:
        return False
    if _BOILER_START.match(para):
        return True
    low = para.lower()
    if any(p in low for p in _BOILER_PHRASES):
        return True
    if ("newsletter" in low or "download" in low or "\u00a9" in low) and _BOILER_REGEX.search(para):
        return True
    return n_words <= _SHORT_MAX_WORDS and bool(_BOILER_SHORT.search(para))


def _is_caption(para: str) -> bool:
    """True if a paragraph is a photo caption: a caption lead-in, or a long paragraph ending with a credit."""
    if _CAPTION_START.match(para):
        return True
    if not para.endswith(")"):
        return False
    m = _CAPTION_CREDIT.search(para, max(0, len(para) - 125))
    return bool(m) and len(para.split()) >= _CAPTION_MIN_WORDS and bool(_CREDIT_WORDS.search(m.group(1)))


def article_from_text(
    text: str,
    id: str = "text",  # noqa: A002 - the record's field name
    *,
    outlet: str | None = None,
    date: datetime.date | None = None,
    title: str | None = None,
    title_line: bool = False,
    markup: bool | None = None,
    meta: dict | None = None,
) -> tuple[Article, list[CleaningNote]]:
    """Mark the sections of one text and build its :class:`Article`.

    Args:
        text: The raw text; kept as is.
        id: The article id.
        outlet, date, title: Metadata; ``outlet`` is lower-cased.
        title_line: If true, the first paragraph of real text is the title (txt files): boilerplate
            ("Advertisement"), photo captions and paragraphs with no letter once tags and invisible
            characters are removed (punctuation, emoji, zero-width spaces, ``<p></p>``) are passed
            over, and there is no title if no paragraph qualifies; otherwise only a first paragraph
            equal to ``title`` is marked ``title``.
        markup: Blank Sputnik-style `` | `` element separators and leftover tags; ``None`` detects
            them (the paragraph separator `` | \\n | `` is present).
        meta: Extra metadata (copied).

    Returns:
        The article and the cleaning notes for it (boilerplate, duplicate paragraphs, stub).
    """
    notes: list[CleaningNote] = []
    html = markup is None and bool(_HTML_DOC.match(text))
    if markup is None:
        markup = _PIPE_PARAGRAPH in text or html
    marks = _pipe_markup(text) if markup else ()
    if html:  # a web page saved as text: blank script/style/comment blocks and every tag
        marks = tuple(sorted(marks + _html_spans(text)))
        notes.append(CleaningNote(id, "html_markup", None, None, f"HTML page: {len(marks)} tag and script spans blanked"))
    view = _blank(text, marks) if marks else text
    sections: list[Section] = []
    seen: dict[str, int] = {}
    title_key = _norm(title) if title else None
    need_title = True
    for para in paragraphs(view):
        raw = text[para.start:para.end]
        para_words = len(para.text.split())
        key = _norm(para.text) if para_words >= _DUPLICATE_MIN_WORDS or title_key else None
        if _CREDIT_CAPTION.match(raw):
            kind = "caption"
        elif _is_boilerplate(para.text, para_words):
            kind = "boilerplate"
            notes.append(CleaningNote(id, "boilerplate", para.start, para.end, para.text[:60]))
        elif key in seen and para_words >= _DUPLICATE_MIN_WORDS:
            kind = "duplicate"
            notes.append(CleaningNote(id, "duplicate_paragraph", para.start, para.end,
                                      f"repeats the paragraph at offset {seen[key]}"))
        elif need_title and (title_line and _titled(para.text) if title_line
                             else key is not None and key == title_key):
            kind = "title"
            if title is None:
                title = " ".join(para.text.split()) if html else para.text
        elif _is_caption(para.text):
            kind = "caption"
        else:
            kind = "body"
        if kind not in ("boilerplate", "duplicate"):
            if not (title_line and kind != "title" and not _titled(para.text)):
                need_title = False
            if key is not None:
                seen.setdefault(key, para.start)
        sections.append(Section(para.start, para.end, kind))
    meta = dict(meta or {})
    flags = set(meta.get("flags", ()))
    body = " ".join(view[s.start:s.end] for s in sections if s.kind == "body")
    if _STUB.match(body or view) or str(meta.get("is_stub", "")).strip() in ("1", "true", "True"):
        flags.add("stub")
        notes.append(CleaningNote(id, "stub", None, None, "placeholder text, no article body"))
    language = guess_language(body or view)
    if language.english is False:  # the measures are English-only: say so rather than report empty rows
        flags.add("not_english")
        notes.append(CleaningNote(id, "not_english", None, None, f"not English: {language.reason}"))
    meta["flags"] = tuple(sorted(flags))
    article = Article(id, _outlet_key(outlet) if outlet else None, date, title, text, tuple(sections),
                      meta, marks)
    return article, notes


def _titled(para: str) -> bool:
    """True if a txt paragraph can be the title: it has a letter once tags and format characters
    (zero-width spaces, joiners, BOM) are removed, and it is not a photo caption."""
    bare = _TAGS.sub("", para) if "<" in para else para
    return any(ch.isalpha() for ch in bare) and not _is_caption(para) and not _CREDIT_CAPTION.match(para)


def _punctuation_stripped(text: str, min_words: int = _PUNCT_MIN_WORDS) -> bool:
    """True if ``text`` has no comma and no apostrophe in at least ``min_words`` words."""
    return ("," not in text and "'" not in text and "\u2019" not in text
            and n_words(text) >= min_words)


def _long(article: Article) -> bool:
    """True if the article is long enough for its missing punctuation to mean it was stripped."""
    return n_words(article.masked_text) >= _PUNCT_MIN_WORDS


def _punctuation_flags(articles: list[Article], log: list[CleaningNote]) -> set[str]:
    """The corpus flags (``{"punctuation_stripped"}`` when at least 90% of the long articles lost their
    punctuation, then each article without commas or apostrophes is flagged too), with a note per
    flagged article."""
    flags: set[str] = set()
    long_enough = [a for a in articles if "punctuation_stripped" in a.flags or _long(a)]
    stripped = [a for a in long_enough if "punctuation_stripped" in a.flags]
    if stripped and len(stripped) >= 0.9 * len(long_enough):
        flags.add("punctuation_stripped")
    for a in articles:
        if "punctuation_stripped" in flags and "punctuation_stripped" not in a.flags \
                and _punctuation_stripped(a.masked_text, min_words=0):
            a.meta["flags"] = tuple(sorted({*a.flags, "punctuation_stripped"}))
        if "punctuation_stripped" in a.flags:
            log.append(CleaningNote(a.id, "punctuation_stripped", None, None, "no commas or apostrophes in the text"))
    return flags


def _dedupe(articles: list[Article], log: list[CleaningNote], dedupe: bool) -> list[Article]:
    """Drop repeated texts (unless ``dedupe`` is false) and make ids unique with ``#n`` suffixes.

    A suffix is never one of the ids the input holds (``a``, ``a#2``, ``a`` gives ``a``, ``a#2``, ``a#3``).
    """
    first_by_text: dict[str, Article] = {}
    used = {a.id for a in articles}
    taken: set[str] = set()
    out = []
    for a in articles:
        key = _norm(a.text)
        earlier = first_by_text.get(key)
        if dedupe and earlier is not None and "stub" not in a.flags:
            differ = sorted(k for k in set(a.meta) | set(earlier.meta)
                            if k not in ("source", "row", "line", "item", "file", "flags")
                            and a.meta.get(k) != earlier.meta.get(k))
            same = "repeats id" if earlier.id == a.id else "same text as"
            detail = f"{a.meta.get('source')}: {a.id} {same} {earlier.id} ({earlier.meta.get('source')})"
            if differ:
                detail += "; fields differ: " + ", ".join(differ)
            log.append(CleaningNote(a.id, "duplicate_article", None, None, detail))
            continue
        first_by_text.setdefault(key, a)
        if a.id in taken:
            new_id = unique_id(a.id, used)
            log.append(CleaningNote(new_id, "duplicate_id", None, None,
                                    f"{a.meta.get('source')}: id {a.id} already used by a different text; "
                                    f"renamed {new_id}"))
            a = Article(new_id, a.outlet, a.date, a.title, a.text, a.sections, {**a.meta, "original_id": a.id},
                        a.markup)
        taken.add(a.id)
        out.append(a)
    return out


def unique_id(article_id: str, used: set[str]) -> str:
    """``<id>#n`` for the smallest n >= 2 not in ``used``; the new id is added to ``used``."""
    n = 2
    while f"{article_id}#{n}" in used:
        n += 1
    new_id = f"{article_id}#{n}"
    used.add(new_id)
    return new_id
