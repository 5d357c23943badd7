"""``python -m toolkit validate real``: :func:`evaluate` the toolkit and the baseline, and the printed table."""

from __future__ import annotations

import json
from pathlib import Path

from .fresh import FRESH_GOLD, evaluate_fresh
from .gold import FIRST_N, _corpora_root, load_articles, load_gold, predict_baseline, predict_system
from .scoring import score


def evaluate(gold_dir: str | Path, corpora: str | Path | None = None) -> dict:
    """Score the toolkit and the quotation-mark baseline on ``gold_dir`` (a ``real-quotes`` folder).

    Args:
        gold_dir: the folder holding ``dev.jsonl``.
        corpora: the folder holding the corpora the gold names (default ``gold_dir/../../corpora``,
            else ``$NARRATIVE_SHARED/corpora``).

    Returns:
        ``{"gold_dir", "statements", "articles", "system": score(...), "baseline": score(...)}``.
    """
    return _evaluate(gold_dir, corpora)[0]


def _evaluate(gold_dir, corpora) -> tuple[dict, dict]:
    from ...actors import load_actors
    from ...quotes import load_verbs

    gold_dir = Path(gold_dir)
    gold = load_gold(gold_dir)
    articles = load_articles(gold, _corpora_root(gold_dir, corpora))
    actors, verbs = load_actors(), load_verbs()
    res = {"gold_dir": str(gold_dir), "statements": len(gold), "articles": len(articles),
           "system": score(articles, gold, lambda a: predict_system(a, actors, verbs), frozenset(actors.actors)),
           "baseline": score(articles, gold, predict_baseline)}
    return res, articles


def _line(name: str, f: dict, width: int = 28) -> str:
    prec = f"{f['precision']:6.2f}" if "precision" in f else "     -"
    pred = f"{f['predicted']:6d}" if "predicted" in f else "     -"
    return (f"  {name:<{width}}{f['gold']:6d}{f['found']:6d}{f['recall']:7.2f}{prec}{pred}"
            f"{f['camp_accuracy']:7.2f}{f['speaker_accuracy']:7.2f}")


def _snippet(text: str, start: int, end: int, n: int = 90) -> str:
    s = " ".join(text[start:end].split())
    return s if len(s) <= n else s[:n - 3] + "..."


def _fresh_lines(fr: dict) -> list[str]:
    """The fresh held-out block (:mod:`.fresh`), printed after dev."""
    s, b, ci = fr["system"], fr["baseline"], fr["intervals"]
    head = f"  {'':<28}{'gold':>6}{'found':>6}{'recall':>7}{'prec':>6}{'pred':>6}{'camp':>7}{'spkr':>7}"
    lines = ["", f"Real-news quotes, fresh (held out, offsets in repo): {FRESH_GOLD.name}",
             f"{fr['articles']} articles annotated before any run, {fr['statements']} statements; no rule chosen "
             f"on them; same rule as dev", "", head,
             _line("toolkit, pooled", s["pooled"]), _line("baseline (quote marks)", b["pooled"]),
             "  95% interval (articles resampled): recall {:.2f}-{:.2f}, camp {:.2f}-{:.2f}, speaker "
             "{:.2f}-{:.2f}".format(*ci["recall"], *ci["camp_accuracy"], *ci["speaker_accuracy"]),
             f"  lowest article: {fr['lowest'][0]} recall {fr['lowest'][1]:.2f}", "", "by corpus", head]
    for name, f in s["by_corpus"].items():
        lines += [_line(f"toolkit {name} ({f['articles']})", f), _line(f"baseline {name}", b["by_corpus"][name])]
    lines += ["", "by outlet camp", head]
    for stratum, f in fr["by_stratum"].items():
        lines.append(_line(f"toolkit {stratum} ({f['articles']})", f["system"]))
        lines.append(_line(f"baseline {stratum}", f["baseline"]))
    lines += ["", "by gold camp (toolkit)", head] + [_line(c, f) for c, f in s["by_camp"].items()]
    lines += ["", "by article (toolkit)", head] + [_line(a, f) for a, f in s["by_article"].items()]
    lines += ["", "camp confusion on found statements (gold -> predicted: n)"]
    for g, c in s["camp_confusion"].items():
        lines.append(f"  {g:<17}" + ", ".join(f"{p} {n}" for p, n in sorted(c.items(), key=lambda kv: -kv[1])))
    lines += ["", f"camp error classes ({len(s['camp_errors'])} errors)"]
    lines += [f"  {n:4d}  {cls}" for cls, n in s["error_classes"].items()]
    lines += ["", f"wrong-speaker classes ({len(s['speaker_errors'])})"]
    lines += [f"  {n:4d}  {cls}" for cls, n in s["speaker_error_classes"].items()]
    return lines


def report(gold_dir: str | Path, details: bool = False, json_path: str | Path | None = None,
           corpora: str | Path | None = None, fresh: bool = True) -> str:
    """The table ``python -m toolkit validate real`` prints; ``details`` adds the misses and camp
    errors with their text (read from the corpora at run time); ``json_path`` writes the figures
    (offsets only, no text) to that file, the fresh set's under ``"fresh"``. ``fresh`` appends the
    fresh held-out block (:mod:`.fresh`, figures only) after dev, or a line saying why it was not
    scored when the corpora lack its articles."""
    res, articles = _evaluate(gold_dir, corpora)
    fr, fresh_note = None, None
    if fresh and FRESH_GOLD.exists():
        try:
            fr = evaluate_fresh(gold_dir, corpora)
            res = {**res, "fresh": fr}
        except (LookupError, FileNotFoundError) as exc:  # corpora without the fresh articles (a hand-made gold)
            fresh_note = f"fresh held-out set not scored: {exc}"
    if json_path:
        Path(json_path).write_text(json.dumps(res, indent=1, sort_keys=False), encoding="utf-8")
    s, b = res["system"], res["baseline"]
    head = f"  {'':<28}{'gold':>6}{'found':>6}{'recall':>7}{'prec':>6}{'pred':>6}{'camp':>7}{'spkr':>7}"
    lines = [f"Real-news quotes (dev): {gold_dir}",
             f"{res['articles']} articles, {res['statements']} gold statements; found = a quote covering >= half "
             f"the statement's words; camp and speaker accuracy on found statements", "", head,
             _line("toolkit, pooled", s["pooled"]), _line("baseline (quote marks)", b["pooled"]),
             _line(f"toolkit, first {FIRST_N} articles", s["first12"]),
             _line(f"baseline, first {FIRST_N} articles", b["first12"])]
    lines += [_line(f"toolkit, articles {span}", f) for span, f in s["halves"].items()]
    lines += ["", "by corpus", head]
    for name, f in s["by_corpus"].items():
        lines.append(_line(f"toolkit {name} ({f['articles']})", f))
        lines.append(_line(f"baseline {name}", b["by_corpus"][name]))
    lines += ["", "by gold camp (toolkit)", head]
    lines += [_line(camp, f) for camp, f in s["by_camp"].items()]
    lines += ["", "by article (toolkit)", head]
    lines += [_line(aid, f, 28) for aid, f in s["by_article"].items()]
    lines += ["", "camp confusion on found statements (gold -> predicted: n)"]
    for g, c in s["camp_confusion"].items():
        lines.append(f"  {g:<17}" + ", ".join(f"{p} {n}" for p, n in sorted(c.items(), key=lambda kv: -kv[1])))
    lines += ["", f"camp error classes ({len(s['camp_errors'])} errors)"]
    lines += [f"  {n:4d}  {cls}" for cls, n in s["error_classes"].items()]
    lines += ["", f"wrong-speaker classes ({len(s['speaker_errors'])} found statements whose speaker span misses "
              f"the gold speaker)"]
    lines += [f"  {n:4d}  {cls}" for cls, n in s["speaker_error_classes"].items()]
    if details:
        lines += ["", f"misses ({len(s['misses'])})"]
        for m in s["misses"]:
            t = articles[m["article"]].text
            lines.append(f"  {m['article']} {m['start']}-{m['end']} [{m['camp']}, {m['kind']}, {m['section']}]: "
                         f"{_snippet(t, m['start'], m['end'])}")
        lines += ["", f"camp errors ({len(s['camp_errors'])})"]
        for e in s["camp_errors"]:
            t = articles[e["article"]].text
            ps = t[e["pred_speaker_start"]:e["pred_speaker_end"]] if e["pred_speaker_start"] is not None else "-"
            gs = t[e["gold_speaker_start"]:e["gold_speaker_end"]] if e["gold_speaker_start"] is not None else "-"
            lines.append(f"  {e['article']} {e['start']}-{e['end']} gold {e['gold_camp']} ({e['gold_actor']}, "
                         f"'{gs}') vs pred {e['pred_camp']} ('{ps}') [{e['class']}]: "
                         f"{_snippet(t, e['start'], e['end'], 70)}")
        lines += ["", f"wrong speakers ({len(s['speaker_errors'])})"]
        for e in s["speaker_errors"]:
            t = articles[e["article"]].text
            ps = t[e["pred_speaker_start"]:e["pred_speaker_end"]] if e["pred_speaker_start"] is not None else "-"
            gs = t[e["gold_speaker_start"]:e["gold_speaker_end"]]
            lines.append(f"  {e['article']} {e['start']}-{e['end']} gold '{gs}' ({e['gold_actor']}) vs pred "
                         f"'{_snippet(ps, 0, len(ps), 50)}' ({e['pred_actor']}) [{e['class']}]: "
                         f"{_snippet(t, e['start'], e['end'], 60)}")
    if fr is not None:
        lines += _fresh_lines(fr)
    elif fresh_note:
        lines += ["", fresh_note]
    return "\n".join(lines)
