"""toolkit.quotes.tagger_train and .tagger with a tiny model: `train quotes` on a handful of invented PolNeAR-style
articles (random 2-layer BERT, a few steps, CPU) saves a model with its manifest, which reloads and gives Quote
records with valid offsets, alone and in the union with the rules."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

from toolkit import cli  # noqa: E402
from toolkit.quotes import Quote, extract_quotes  # noqa: E402
from toolkit.quotes.tagger import QuoteTagger, extract_quotes_tagged, extract_quotes_union, latest_tagger  # noqa: E402
from toolkit.vocab import QUOTE_KINDS  # noqa: E402
from tiny_encoder import tiny_base  # noqa: E402

# Invented sentences; [S ...] source, [C ...] cue, [Q ...] content.
ARTICLES = [
    ['[S The harbour master] [C said] [Q the ferry would sail at noon].',
     '"[Q We are ready]," [S she] [C told] reporters.', 'The weather was calm.'],
    ['[S Mayor Lena Ortiz] [C announced] [Q a new bridge for the river town].',
     'Critics of the plan met on Tuesday.', '[Q The budget is too small] [C said] [S a council member].'],
    ['[S The union] [C warned] [Q that the strike would continue].',
     '"[Q Nobody listens to us]," [C said] [S the driver Tomas Berg].'],
    ['[S The ministry] [C denied] [Q the report about the closed school].',
     'Parents waited outside.', '[S A teacher] [C said] [Q the classes had moved online].'],
    ['[S The coach] [C insisted] [Q his team would win the final].',
     '[Q We trained hard all winter] [C said] [S the captain Ana Ruiz].'],
]
_MARK = re.compile(r"\[([SCQ]) ([^\]]+)\]")
_ROLE = {"S": "Source", "C": "Cue", "Q": "Content"}


def _article(lines: list[str]) -> tuple[str, str]:
    """Text and brat standoff (one E line per paragraph with marks) of one invented article."""
    text, ann, t = "", [], 0
    for n, line in enumerate(lines):
        ids, pos, out = {}, 0, ""
        for m in _MARK.finditer(line):
            out += line[pos:m.start()]
            start = len(text) + len(out)
            out += m.group(2)
            t += 1
            ann.append(f"T{t}\t{_ROLE[m.group(1)]} {start} {start + len(m.group(2))}\t{m.group(2)}")
            ids[_ROLE[m.group(1)]] = f"T{t}"
            pos = m.end()
        text += out + line[pos:] + "\n"
        if ids:
            ann.append(f"E{n + 1}\tAttribution:T0 " + " ".join(f"{k}:{v}" for k, v in ids.items()))
    return text, "\n".join(ann) + "\n"


@pytest.fixture(scope="module")
def model(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("tagger")
    split = root / "polnear" / "data" / "train"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    texts = []
    for n, lines in enumerate(ARTICLES * 2):  # ten articles: the held-out 5% is one of them
        text, ann = _article(lines)
        texts.append(text)
        (split / "text" / f"doc{n}.txt").write_text(text, encoding="utf-8")
        (split / "attributions" / f"doc{n}_ann1.ann").write_text(ann, encoding="utf-8")
    base = tiny_base(root / "base", texts)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("NARRATIVE_CACHE", str(root / "cache"))
        code = cli.main(["train", "quotes", "--polnear", str(root / "polnear"), "--base-model", str(base),
                         "--out", str(root / "model"), "--epochs", "3", "--hidden", "16", "--layers", "1", "2",
                         "--lr", "0.01", "--batch-size", "4", "--strip-share", "0.5", "--seed", "1"])
    assert code == 0
    return root / "model"


def test_tagger_training_saves_model_and_manifest(model):
    assert (model / "encoder" / "config.json").is_file() and (model / "head.safetensors").is_file()
    manifest = json.loads((model / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["data"]["articles"] == 10 and manifest["data"]["held_out_articles"] == 1
    assert manifest["data"]["windows"] > 20  # every paragraph, and the stripped copies of some articles
    assert manifest["settings"]["layers"] == [1, 2] and manifest["n_features"] == 64
    assert [h["epoch"] for h in manifest["history"]] == [1, 2, 3]
    assert manifest["selected_epoch"] in (1, 2, 3) and 0.0 <= manifest["holdout"]["mean_f1"] <= 1.0
    assert len(manifest["data"]["sha256"]) == 64 and manifest["train_seconds"] > 0


def test_tagger_quotes_have_valid_offsets(model):
    text = ("The harbour master said the bridge would open in May.\n"
            '"We trained hard," the captain Ana Ruiz said.\n')
    tagger = QuoteTagger(model)
    quotes = extract_quotes_tagged(text, tagger)
    assert all(isinstance(q, Quote) for q in quotes)
    for q in quotes:
        assert 0 <= q.start < q.end <= len(text) and q.text == text[q.start:q.end]
        assert q.kind in QUOTE_KINDS
        if q.cue is not None:
            assert text[q.cue_start:q.cue_end] == q.cue
        if q.speaker_start is not None:
            assert 0 <= q.speaker_start < q.speaker_end <= len(text)
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)


def test_tagger_union_adds_to_the_rule_quotes(model):
    text = 'The union warned that the strike would continue.\n"Nobody listens," said the driver Tomas Berg.\n'
    rules = extract_quotes(text)
    union = extract_quotes_union(text, model)
    assert len(rules) >= 1 and set(rules) <= set(union)
    assert set(union) - set(rules) <= set(extract_quotes_tagged(text, model))


def test_tagger_latest_tagger_is_the_newest_quotes_model(model, tmp_path, monkeypatch):
    monkeypatch.setenv("NARRATIVE_CACHE", str(tmp_path))
    with pytest.raises(FileNotFoundError, match="train quotes"):
        latest_tagger()
    (tmp_path / "models" / "sentiment-x").mkdir(parents=True)
    (tmp_path / "models" / "sentiment-x" / "manifest.json").write_text("{}", encoding="utf-8")
    (tmp_path / "models" / "quotes-a").symlink_to(model)
    assert latest_tagger() == tmp_path / "models" / "quotes-a"
