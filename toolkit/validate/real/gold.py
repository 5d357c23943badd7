"""Gold statements, predictions and outcomes of the real-news scorer; loading the gold and its articles."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ...paths import shared_path

_WORD = re.compile(r"\w+")
SPEAKER_WINDOW = 400
FIRST_N = 12  # the articles the attribution issue describes
CORPUS_NAMES = {"fakes": "FA-KES", "allsides-syria": "AllSides", "sputnik-seededlda": "Sputnik"}
_PRONOUNS = frozenset("he she it they we i you him her them his its their".split())


@dataclass(frozen=True)
class GoldStatement:
    """One gold statement of ``dev.jsonl`` (the ``quote``/``speaker`` strings are not kept)."""

    article: str
    corpus: str
    doc_id: str
    start: int
    end: int
    speaker_start: int | None
    speaker_end: int | None
    camp: str
    actor: str | None = None
    kind: str | None = None
    section: str | None = None
    speaker_ambiguous: bool = False


@dataclass
class Prediction:
    """A predicted quote reduced to what scoring needs (offsets index the article text)."""

    start: int
    end: int
    speaker_start: int | None = None
    speaker_end: int | None = None
    camp: str | None = None
    speaker: str | None = None
    kind: str | None = None
    actor: str | None = None


@dataclass
class Outcome:
    """How one gold statement fared: the best quote's index (``None`` when missed) and the checks."""

    gold: GoldStatement
    best: int | None = None
    covered: float = 0.0
    camp_ok: bool = False
    speaker_ok: bool = False
    pred_camp: str | None = None
    extra: dict = field(default_factory=dict)

    @property
    def found(self) -> bool:
        return self.best is not None


# ------------------------------------------------------------------------------------------ loading


def load_gold(gold_dir: str | Path) -> list[GoldStatement]:
    """The statements of ``gold_dir/dev.jsonl`` in file order."""
    out = []
    with open(Path(gold_dir) / "dev.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            out.append(statement_of(json.loads(line)))
    return out


def statement_of(r: dict) -> GoldStatement:
    """The statement of one gold record (dev.jsonl's schema; a record without a camp is ``unnamed``)."""
    return GoldStatement(r["article"], r["corpus"], str(r["doc_id"]), int(r["start"]), int(r["end"]),
                         r.get("speaker_start"), r.get("speaker_end"), r.get("camp") or "unnamed", r.get("actor"),
                         r.get("kind"), r.get("section"), bool(r.get("speaker_offsets_ambiguous")))


def _corpora_root(gold_dir: Path, corpora: str | Path | None) -> Path:
    if corpora is not None:
        return Path(corpora)
    beside = gold_dir.resolve().parent.parent / "corpora"  # the README's ../../corpora/
    return beside if beside.exists() else (shared_path("corpora") or beside)


def load_articles(gold: list[GoldStatement], corpora_root: str | Path) -> dict[str, object]:
    """``{article id: toolkit Article}``: each gold article from its corpus as ``load_corpus`` loads it
    (each corpus read once per process: :func:`toolkit.validate.gold_text.read_corpus`)."""
    from ..gold_text import read_corpus

    wanted: dict[str, dict[str, str]] = defaultdict(dict)
    for g in gold:
        wanted[g.corpus][g.article] = g.doc_id
    out = {}
    for corpus_name, docs in wanted.items():
        corpus = read_corpus(Path(corpora_root) / corpus_name)
        for article_id, doc_id in docs.items():
            art = corpus.get(doc_id)
            if art is None:
                raise LookupError(f"{article_id}: document {doc_id} not found in {Path(corpora_root) / corpus_name}")
            out[article_id] = art
    return out


# -------------------------------------------------------------------------------------- predictions


def predict_system(article, actors=None, verbs=None) -> list[Prediction]:
    """The toolkit's quotes of one article, extracted as ``analyze`` extracts them."""
    from ...actors import load_actors
    from ...quotes import extract_quotes, load_verbs

    quotes = extract_quotes(article, actors=actors if actors is not None else load_actors(),
                            verbs=verbs or load_verbs())
    return [Prediction(q.start, q.end, q.speaker_start, q.speaker_end, q.camp, q.speaker, q.kind, q.actor)
            for q in quotes]


def predict_baseline(article) -> list[Prediction]:
    """The quotation-mark regex baseline of :mod:`toolkit.validate.polnear` (no speaker, no camp)."""
    from ..polnear import _baseline

    return [Prediction(spans[0][0], spans[0][1], kind=kind) for spans, _spk, kind in _baseline(article.masked_text)]
