"""A learned attribution backend: a token tagger for content / cue / source on a frozen encoder.

Attribution extraction as sequence labelling follows Pareti (2016, "PARC 3.0", LREC) and the
BIO taggers scored on PolNeAR by Zhang et al. (2022, "CofeNet", COLING: BERT-CRF Source / Cue /
Content exact F1 82.2 / 74.9 / 71.0). Here each paragraph is read by a *frozen* sentence encoder
(all-MiniLM-L6-v2, Wang et al. 2020; the hidden states of two of its layers, concatenated) and a
small head (a linear projection and two self-attention layers, in place of the BiLSTM of Huang,
Xu & Yu 2015, "Bidirectional LSTM-CRF models for sequence tagging", which trains far slower on a
CPU) gives each word piece one of :data:`TAGS`. Decoding is a Viterbi search over the head's
log-probabilities under the BIO constraints only (an ``I-x`` follows ``B-x`` or ``I-x``):
a CRF without learned transitions. The head is trained by :mod:`toolkit.quotes.tagger_train`.

Tags become :class:`toolkit.quotes.Quote` records: each content span takes the nearest cue of its
paragraph, the cue the nearest source; the source span is resolved to a name, actor and camp by the
rules' own speaker resolution (pronouns included), so both backends give camps the same way.

Limits: one label per word piece, so a nested attribution keeps its inner source and cue but its
content merges with the outer one; pairing is by distance, not by a learned relation; a paragraph
is read alone (a speaker named in the paragraph before is found only through a pronoun); about
100x slower than the rules on a CPU (the encoder reads every paragraph: about 1,300 against
145,000 words per CPU-second on PolNeAR dev, `benchmarks/quote_backends.py`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..corpus import Article
from ..encoder import HEAD_FILE, MANIFEST, latest_model_folder, load_encoder, models_dir, read_manifest
from ..records import RecordList
from ..text import paragraphs
from .extract import Quote, extract_quotes
from .marks import prepared
from .names import _camp_of, _default_lexicon
from .speakers import _Speakers
from .verbs import Verbs, load_verbs

__all__ = ["TAGS", "ROLES", "MANIFEST", "HEAD_FILE", "Unit", "QuoteTagger", "models_dir", "latest_tagger",
           "units", "head_class", "encode_units", "viterbi", "spans_of", "extract_quotes_tagged", "union_quotes", "extract_quotes_union"]

ROLES = ("content", "cue", "source")
TAGS = ("O",) + tuple(f"{p}-{r}" for r in ROLES for p in ("B", "I"))
_WORDS = re.compile(r"\w+")
_MIN_CONTENT_WORDS = 2


def latest_tagger(folder: str | Path | None = None) -> Path:
    """The most recently written ``quotes-*`` model folder under ``folder`` (default :func:`models_dir`)."""
    return latest_model_folder("quotes", "quote tagger", "python -m toolkit train quotes --polnear DIR", folder)


@dataclass(frozen=True)
class Unit:
    """One encoder input: a paragraph (or a window of a long one) as character offsets into the text."""

    start: int
    end: int
    paragraph: int


def units(text: str, tokenizer, max_tokens: int) -> list[tuple[Unit, list[tuple[int, int]], list[int]]]:
    """The paragraphs of ``text`` cut into windows of at most ``max_tokens`` word pieces.

    Returns each unit with its word pieces' absolute character offsets and token ids (no special tokens).
    """
    out = []
    for pi, para in enumerate(paragraphs(text)):
        enc = tokenizer(para.text, add_special_tokens=False, return_offsets_mapping=True)
        pieces = [((para.start + s, para.start + e), i) for (s, e), i in zip(enc["offset_mapping"], enc["input_ids"])
                  if e > s]
        for k in range(0, len(pieces), max_tokens):
            window = pieces[k:k + max_tokens]
            out.append((Unit(window[0][0][0], window[-1][0][1], pi), [o for o, _i in window], [i for _o, i in window]))
    return out


def head_class():
    """The torch head (built lazily so the toolkit imports without torch)."""
    import torch
    from torch import nn

    class TaggerHead(nn.Module):
        """Dropout, a linear projection, ``layers`` self-attention layers (Vaswani et al. 2017; the encoder's
        features carry the positions) and a linear layer to :data:`TAGS`.

        Self-attention rather than a BiLSTM: it trains about 10x faster on a CPU (no step-by-step recursion)."""

        def __init__(self, n_in: int, hidden: int = 128, n_tags: int = len(TAGS), dropout: float = 0.1,
                     layers: int = 2, heads: int = 4) -> None:
            super().__init__()
            self.drop = nn.Dropout(dropout)
            self.proj = nn.Linear(n_in, hidden)
            block = nn.TransformerEncoderLayer(hidden, heads, 2 * hidden, dropout, batch_first=True)
            self.mix = nn.TransformerEncoder(block, layers, enable_nested_tensor=False)
            self.out = nn.Linear(hidden, n_tags)

        def forward(self, x, lengths):
            pad = torch.arange(x.size(1))[None, :] >= lengths[:, None]
            h = self.mix(self.proj(self.drop(x)), src_key_padding_mask=pad)
            return self.out(self.drop(h))

    return TaggerHead


def encode_units(tokenizer, encoder, batch: list[list[int]], layers: tuple[int, ...]):
    """Frozen features of word-piece windows (token ids): the chosen hidden layers concatenated, one
    ``pieces x features`` tensor per window ([CLS] and [SEP] are added for the encoder and dropped after)."""
    import torch

    ids = [[tokenizer.cls_token_id, *i, tokenizer.sep_token_id] for i in batch]
    width = max(len(i) for i in ids)
    input_ids = torch.tensor([i + [tokenizer.pad_token_id] * (width - len(i)) for i in ids])
    mask = torch.tensor([[1] * len(i) + [0] * (width - len(i)) for i in ids])
    with torch.inference_mode():
        states = encoder(input_ids=input_ids, attention_mask=mask, output_hidden_states=True).hidden_states
        feats = torch.cat([states[k] for k in layers], dim=-1)
    return [feats[n, 1:len(i) + 1].clone() for n, i in enumerate(batch)]


def viterbi(logp) -> list[int]:
    """The best tag sequence under the BIO constraints, from per-piece log-probabilities (``n x len(TAGS)``)."""
    import numpy as np

    n, k = logp.shape
    allowed = np.ones((k, k), dtype=bool)  # allowed[prev, cur]
    start_ok = np.ones(k, dtype=bool)
    for j, tag in enumerate(TAGS):
        if tag.startswith("I-"):
            allowed[:, j] = False
            allowed[TAGS.index("B-" + tag[2:]), j] = allowed[j, j] = True
            start_ok[j] = False
    trans = np.where(allowed, 0.0, -np.inf)
    score = np.where(start_ok, logp[0], -np.inf)
    back = np.zeros((n, k), dtype=int)
    for i in range(1, n):
        cand = score[:, None] + trans
        back[i] = cand.argmax(0)
        score = cand.max(0) + logp[i]
    path = [int(score.argmax())]
    for i in range(n - 1, 0, -1):
        path.append(int(back[i, path[-1]]))
    return path[::-1]


def spans_of(tags: list[int], offsets: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """``(role, start, end)`` character spans of a BIO tag sequence over word pieces at ``offsets``
    (an ``I-x`` after anything but ``B-x``/``I-x`` opens a span, as when the constraints are not used)."""
    out: list[list] = []
    prev = "O"
    for t, (s, e) in zip(tags, offsets):
        tag = TAGS[t]
        if tag != "O":
            if tag.startswith("I-") and prev != "O" and prev[2:] == tag[2:]:
                out[-1][2] = e
            else:
                out.append([tag[2:], s, e])
        prev = tag
    return [(r, s, e) for r, s, e in out]


class QuoteTagger:
    """A tagger saved by :func:`toolkit.quotes.tagger_train.train_quotes`: frozen encoder + head.

    Args:
        path: the model folder (``encoder/``, ``head.safetensors``, ``manifest.json``).
        batch_size: windows per forward pass (64: about a quarter fewer CPU-seconds than 32).
        threads: CPU threads for torch (``None``: torch's default).
    """

    def __init__(self, path: str | Path, batch_size: int = 64, threads: int | None = None) -> None:
        import torch
        from safetensors.torch import load_file

        self.path, self.batch_size = Path(path), batch_size
        self.manifest = read_manifest(self.path, "train_quotes")
        settings = self.manifest["settings"]
        self.layers, self.max_tokens = tuple(settings["layers"]), int(settings["max_tokens"])
        if threads:
            torch.set_num_threads(threads)
        self.tokenizer, self.encoder = load_encoder(self.path / "encoder")
        self.encoder.eval()
        self.head = head_class()(self.manifest["n_features"], hidden=int(settings["hidden"]))
        self.head.load_state_dict(load_file(str(self.path / HEAD_FILE)))
        self.head.eval()
        self._torch = torch

    def tag(self, text: str) -> list[tuple[Unit, list[tuple[str, int, int]]]]:
        """Each unit of ``text`` with its ``(role, start, end)`` spans."""
        torch = self._torch
        found = sorted(units(text, self.tokenizer, self.max_tokens), key=lambda u: len(u[2]))  # little padding
        out = []
        for k in range(0, len(found), self.batch_size):
            chunk = found[k:k + self.batch_size]
            feats = encode_units(self.tokenizer, self.encoder, [ids for _u, _o, ids in chunk], self.layers)
            lengths = torch.tensor([len(f) for f in feats])
            x = torch.nn.utils.rnn.pad_sequence(feats, batch_first=True)
            with torch.inference_mode():
                logp = torch.log_softmax(self.head(x, lengths).float(), -1).numpy()
            for n, (unit, offsets, _ids) in enumerate(chunk):
                out.append((unit, spans_of(viterbi(logp[n, :len(offsets)]), offsets)))
        return sorted(out, key=lambda u: u[0].start)


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(a[0] - b[1], b[0] - a[1], 0)


def _kind(t: str, s: int, e: int) -> str:
    """direct / mixed / indirect from the quotation marks of the content (as the PolNeAR gold reads it)."""
    c = t[s:e].strip(" .,;:!?\n")
    if '"' not in c:
        return "indirect"
    return "direct" if c.startswith('"') and (c.endswith('"') or c.count('"') == 1) else "mixed"


def _attributions(tagged) -> list[tuple[tuple[int, int], tuple | None, tuple | None, int]]:
    """(content, cue, source, paragraph) per content span: the nearest cue of the paragraph, its nearest source."""
    by_para: dict[int, list] = {}
    for unit, spans in tagged:
        by_para.setdefault(unit.paragraph, []).extend(spans)
    out = []
    for pi, spans in sorted(by_para.items()):
        cues = [(s, e) for r, s, e in spans if r == "cue"]
        sources = [(s, e) for r, s, e in spans if r == "source"]
        for r, s, e in spans:
            if r != "content":
                continue
            cue = min(cues, key=lambda c: _gap(c, (s, e)), default=None)
            anchor = cue or (s, e)
            source = min(sources, key=lambda p: _gap(p, anchor), default=None)
            out.append(((s, e), cue, source, pi))
    return out


def extract_quotes_tagged(source: str | Article, model: QuoteTagger | str | Path | None = None, *,
                          actors: Any = None, verbs: Verbs | None = None) -> RecordList:
    """Quotes found by the trained tagger, as :class:`Quote` records (the rules' dataclass).

    Args:
        source: an Article (its ``masked_text`` is read, its sections fill ``Quote.section``) or a text.
        model: a loaded :class:`QuoteTagger`, a model folder, or ``None`` for :func:`latest_tagger`.
        actors: an actor lexicon (``None``: the default), as for :func:`toolkit.quotes.extract_quotes`.
        verbs: attribution verbs (only the cue's stance is read from them).

    Returns:
        The quotes in text order; a content span of fewer than two words is dropped.
    """
    if isinstance(source, Article):
        article, text = source, source.masked_text
    else:
        text = source
        article = Article(id="", outlet=None, date=None, title=None, text=text, sections=())
    if not isinstance(model, QuoteTagger):
        model = QuoteTagger(model or latest_tagger())
    verbs = verbs or load_verbs()
    t = prepared(text)
    speakers = _Speakers(t, text, _default_lexicon() if actors is None else actors)
    paras = paragraphs(t)
    out = []
    for (cs, ce), cue, spk, pi in sorted(_attributions(model.tag(t))):
        if len(_WORDS.findall(t, cs, ce)) < _MIN_CONTENT_WORDS:
            continue
        who = speakers.resolve(spk, paras[pi].start) if spk else None
        cue_text = " ".join(t[cue[0]:cue[1]].split()) if cue else None
        out.append(Quote(
            start=cs, end=ce, text=text[cs:ce], kind=_kind(t, cs, ce),
            cue=text[cue[0]:cue[1]] if cue else None, cue_start=cue[0] if cue else None,
            cue_end=cue[1] if cue else None, stance=verbs.stance_of(cue_text) if cue_text else None,
            speaker=who.name if who else None, speaker_start=spk[0] if spk else None,
            speaker_end=spk[1] if spk else None, actor=who.actor if who else None, camp=_camp_of(who),
            section=article.section_at(cs)))
    return RecordList(out)


def union_quotes(rules: list[Quote], tagged: list[Quote], cue_verbs: Verbs | None = None) -> RecordList:
    """The rules' quotes, plus each tagged quote that overlaps none of them (the tagger adds what the rules miss).

    With ``cue_verbs``, a tagged quote is added only when its cue holds one of those attribution verbs
    (``Verbs.pattern``, on the lower-cased cue): a rule without a setting, meant to drop the tagger's
    non-speech attributions (beliefs, intentions: "believes", "wants", "is expected") and its cue-less fragments.
    """
    def kept(q: Quote) -> bool:
        return cue_verbs is None or (q.cue is not None and cue_verbs.pattern.search(q.cue.lower()) is not None)

    extra = [q for q in tagged if kept(q) and not any(q.start < r.end and r.start < q.end for r in rules)]
    return RecordList(sorted([*rules, *extra], key=lambda q: (q.start, q.end)))


def extract_quotes_union(source: str | Article, model: QuoteTagger | str | Path | None = None, *,
                         actors: Any = None, verbs: Verbs | None = None, cue_verbs: bool = False) -> RecordList:
    """:func:`union_quotes` of :func:`toolkit.quotes.extract_quotes` and :func:`extract_quotes_tagged`
    (``cue_verbs=True``: a tagged quote is added only with a cue verb of ``verbs``)."""
    actors = _default_lexicon() if actors is None else actors
    verbs = verbs or load_verbs()
    return union_quotes(extract_quotes(source, actors=actors, verbs=verbs),
                        extract_quotes_tagged(source, model, actors=actors, verbs=verbs), verbs if cue_verbs else None)
