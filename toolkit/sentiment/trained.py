"""The ``trained`` backend: a sentence encoder fine-tuned for target sentiment, serving predictions.

The lexicon backends read polarity words around a mention; this backend reads the mention's
sentence with a small transformer encoder (default ``sentence-transformers/all-MiniLM-L6-v2``, Wang
et al. 2020, "MiniLM", NeurIPS; Reimers & Gurevych 2019, "Sentence-BERT", EMNLP) fine-tuned on
NewsMTSC (Hamborg & Donnay 2021, EACL) by :mod:`toolkit.sentiment.finetune`.

The target is marked inline with two added special tokens (``[TGT]`` ... ``[/TGT]``), the
entity-marker input of Baldini Soares et al. (2019, "Matching the Blanks", ACL) also used for
target-dependent sentiment (Gao et al. 2019, "Target-Dependent Sentiment Classification With
BERT", IEEE Access). The classifier reads the concatenation of the mean-pooled sentence (the
sentence-transformers pooling the encoder was trained with) and the mean of the marked target's
token states. Training, dev scoring and inference read the same input, :func:`model_input`.

Models live in a cache folder (:func:`models_dir`: ``$NARRATIVE_CACHE/models/`` or
``~/.cache/narrative-toolkit/models/``), never in the repository, each with ``manifest.json``
recording the base model, a hash of the data, the settings and the dev figures. The registry
imports this module only when the ``trained`` backend is asked for; torch and transformers are
imported only when a model is loaded. Loading, saving and the cache folder are :mod:`toolkit.encoder`'s,
shared with the quote tagger.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from ..encoder import HEAD_FILE, MANIFEST, latest_model_folder, load_encoder, models_dir, read_manifest
from .context import sentence_of
from .lexical import vader
from .records import LABELS, TargetSentiment

__all__ = [
    "MARKERS",
    "MANIFEST",
    "HEAD_FILE",
    "TrainedTargetBackend",
    "models_dir",
    "mark_target",
    "model_input",
    "classifier_class",
    "encode",
    "torch_device",
    "latest_model",
    "trained_backend",
]

MARKERS = ("[TGT]", "[/TGT]")
_CONTEXT_CHARS = 400  # characters kept either side of a mention in a very long sentence


def mark_target(text: str, start: int, end: int) -> str:
    """``text`` with the mention ``[start, end)`` wrapped in :data:`MARKERS`.

    Examples:
        >>> mark_target("Aleppo was shelled.", 0, 6)
        '[TGT] Aleppo [/TGT] was shelled.'
    """
    left, right = text[:start].rstrip(), text[end:].lstrip()
    return " ".join(p for p in (left, MARKERS[0], text[start:end], MARKERS[1], right) if p)


def _sentence_window(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The sentence holding the mention (as the lexicon backends find it: from the text's own sentence
    split, :func:`toolkit.text.sentence_bounds`, cached per text) and the mention's offsets in it; a sentence longer than
    ``2 * _CONTEXT_CHARS`` is cut to that many characters around the mention."""
    s, e = sentence_of(text, start, end)
    s, e = max(s, start - _CONTEXT_CHARS), min(e, end + _CONTEXT_CHARS)
    return text[s:e], start - s, end - s


def model_input(text: str, start: int, end: int) -> str:
    """What the model reads for the mention ``text[start:end]``: its sentence window, marked.

    Training, dev scoring and inference all go through this function, so a NewsMTSC example that
    the sentence splitter cuts (a headline run into a sentence, say) is read the same way in each.
    """
    return mark_target(*_sentence_window(text, start, end))


def classifier_class():
    """The torch module class (built lazily so the toolkit imports without torch)."""
    import torch
    from torch import nn

    class TargetClassifier(nn.Module):
        """Encoder + linear layer over [mean-pooled sentence; mean-pooled marked target]."""

        def __init__(self, encoder, n_labels: int = len(LABELS), dropout: float = 0.1) -> None:
            super().__init__()
            self.encoder = encoder
            self.dropout = nn.Dropout(dropout)
            self.head = nn.Linear(2 * encoder.config.hidden_size, n_labels)

        def forward(self, input_ids, attention_mask, target_mask):
            states = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            def pool(mask):
                m = mask.unsqueeze(-1).to(states.dtype)
                return (states * m).sum(1) / m.sum(1).clamp(min=1.0)
            features = torch.cat([pool(attention_mask), pool(target_mask)], dim=-1)
            return self.head(self.dropout(features))

    return TargetClassifier


def encode(tokenizer, marked: Sequence[str], max_length: int):
    """Token ids, attention mask and target mask (marker tokens and everything between)."""
    import torch

    batch = tokenizer(list(marked), padding=True, truncation=True, max_length=max_length, return_tensors="pt")
    open_id, close_id = tokenizer.convert_tokens_to_ids(list(MARKERS))
    ids = batch["input_ids"]
    is_open, is_close = (ids == open_id).long(), (ids == close_id).long()
    # inside = after an opening marker and not after its closing one; markers themselves included
    target = ((is_open.cumsum(1) - is_close.cumsum(1) + is_close) > 0).long() * batch["attention_mask"]
    return ids, batch["attention_mask"], target


def torch_device():
    import torch

    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


class TrainedTargetBackend:
    """Target sentiment from a fine-tuned encoder saved by :func:`toolkit.sentiment.finetune.train_sentiment`.

    ``target`` and ``target_batch`` return :class:`toolkit.sentiment.TargetSentiment` with the
    arg-max label and ``score = P(positive) - P(negative)``. The model reads the mention's
    sentence as written, quotations included, so ``ignore_quotes`` (part of the backend protocol)
    leaves the result unchanged, and ``evidence`` is empty (the model gives no word weights).
    ``score(text)`` (target-blind, used for quotes) is VADER's compound score, as for the
    ``default`` backend.

    Args:
        path: a folder written by :func:`toolkit.sentiment.finetune.train_sentiment`.
        name: the backend name.
        batch_size: inputs per forward pass in :meth:`target_batch`.
    """

    def __init__(self, path: str | Path, name: str = "trained", batch_size: int = 64) -> None:
        import torch
        from safetensors.torch import load_file

        self.path, self.name, self.batch_size = Path(path), name, batch_size
        self.manifest = read_manifest(self.path, "train_sentiment")
        self.max_length = int(self.manifest["settings"]["max_length"])
        self.device = torch_device()
        self.tokenizer, encoder = load_encoder(self.path / "encoder")
        self.model = classifier_class()(encoder)
        self.model.head.load_state_dict(load_file(str(self.path / HEAD_FILE)))
        self.model.to(self.device).eval()
        self._torch = torch

    def score(self, text: str) -> float:
        """Sentence-level score: VADER's compound (the trained model needs a target)."""
        return vader().score(text)

    def probabilities(self, marked: Sequence[str]) -> list[list[float]]:
        """Class probabilities (order of :data:`toolkit.sentiment.LABELS`) of marked inputs."""
        torch = self._torch
        order = sorted(range(len(marked)), key=lambda i: len(marked[i]))  # similar lengths pad little
        out: list[list[float]] = [[]] * len(marked)
        with torch.inference_mode():
            for k in range(0, len(order), self.batch_size):
                idx = order[k:k + self.batch_size]
                ids, att, tgt = (t.to(self.device) for t in encode(self.tokenizer, [marked[i] for i in idx],
                                                                     self.max_length))
                probs = torch.softmax(self.model(ids, att, tgt).float(), dim=-1).cpu().tolist()
                for i, p in zip(idx, probs):
                    out[i] = p
        return out

    def target_batch(self, items: Iterable[tuple[str, int, int]]) -> list[TargetSentiment]:
        """Sentiment toward many mentions ``(text, start, end)`` in batched forward passes."""
        items = list(items)
        marked = []
        for text, start, end in items:
            if not 0 <= start < end <= len(text):
                raise ValueError(f"mention span [{start}, {end}) outside text of length {len(text)}")
            marked.append(model_input(text, start, end))
        out = []
        for (_text, start, end), p in zip(items, self.probabilities(marked)):
            label = LABELS[max(range(len(LABELS)), key=p.__getitem__)]
            out.append(TargetSentiment(label, round(p[2] - p[0], 4), (), start, end, self.name))
        return out

    def target(self, text: str, start: int, end: int, ignore_quotes: bool = False) -> TargetSentiment:
        """Sentiment toward ``text[start:end]`` (see the class notes on ``ignore_quotes``)."""
        return self.target_batch([(text, start, end)])[0]


def latest_model(folder: str | Path | None = None) -> Path:
    """The most recently written model folder under ``folder`` (default :func:`models_dir`).

    Raises:
        FileNotFoundError: no trained model there (the message says how to train one).
    """
    return latest_model_folder("sentiment", "sentiment model", "python -m toolkit train sentiment --newsmtsc DIR",
                               folder)


def trained_backend() -> TrainedTargetBackend:
    """Zero-argument factory: the backend ``trained`` from the newest cached model."""
    return TrainedTargetBackend(latest_model())
