"""The reproducibility stamp at the top of every report: what made it, so a reader can make it again.

:func:`stamp` records the toolkit version and git commit (with ``+dirty`` when the work tree has
uncommitted changes), a fingerprint of each corpus (SHA-256 over its files' relative names and
bytes, so a renamed or edited file changes it), the SHA-256 of every lexicon file in use (bundled
and user files), the sentiment backend, the settings passed to :func:`toolkit.report.build_report`
and the date. :func:`stamp_html` renders it as the small table that heads each HTML report.

Limits: the fingerprint is over the files as stored, not over the articles as loaded (a different
``where=`` filter of the same files is told by the settings row, not the fingerprint); the commit
is read with ``git`` and is ``unknown`` outside a git checkout.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import html
import json
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Stamp", "stamp", "stamp_html", "fingerprint", "file_sha256"]

_ROOT = Path(__file__).resolve().parent.parent.parent
LEXICON_DIR = _ROOT / "toolkit" / "lexicons"


@dataclass(frozen=True)
class Stamp:
    """What made a set of reports (see the module docstring)."""

    version: str
    commit: str
    corpora: tuple[tuple[str, str, int], ...]  # (path, sha256 prefix, files)
    lexicons: tuple[tuple[str, str], ...]  # (file, sha256 prefix)
    backend: str
    settings: str  # JSON of the options
    date: str
    run_id: str = field(default="")

    def to_dict(self) -> dict:
        return {"version": self.version, "commit": self.commit, "backend": self.backend, "date": self.date,
                "run_id": self.run_id, "settings": json.loads(self.settings),
                "corpora": [{"path": p, "sha256": h, "files": n} for p, h, n in self.corpora],
                "lexicons": [{"file": f, "sha256": h} for f, h in self.lexicons]}


def file_sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fingerprint(path: str | Path) -> tuple[str, int]:
    """SHA-256 (first 16 hex digits) over a corpus file or folder: relative names and bytes; and the file count."""
    path = Path(path)
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file() and not p.is_symlink())
    digest = hashlib.sha256()
    for f in files:
        digest.update(str(f.relative_to(path) if f != path else f.name).encode("utf-8", "surrogateescape") + b"\0")
        digest.update(file_sha256(f).encode() + b"\n")
    return digest.hexdigest()[:16], len(files)


def _commit() -> str:
    try:
        head = subprocess.run(["git", "-C", str(_ROOT), "rev-parse", "--short=12", "HEAD"], capture_output=True,
                              text=True, timeout=10, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(_ROOT), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, timeout=10, check=True).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return head + ("+dirty" if dirty else "")


def stamp(corpus: list[str] | None = None, options: dict | None = None, *, run_id: str = "") -> Stamp:
    """The stamp for reports made from ``corpus`` paths (``None``: the demo corpus) with ``options``."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        toolkit_version = version("narrative-toolkit")
    except PackageNotFoundError:
        toolkit_version = "unknown"
    options = dict(options or {})
    paths = [str(Path(p).resolve()) for p in (corpus or [_ROOT / "corpora" / "demo"])]
    corpora = tuple((p, *fingerprint(p)) for p in paths)
    lexicon_files = sorted(LEXICON_DIR.glob("*.yml")) + [Path(p) for p in (options.get("lexicons") or {}).values()]
    if options.get("alignment"):
        lexicon_files.append(Path(options["alignment"]))
    lexicons = tuple((f.name if f.parent == LEXICON_DIR else str(f), file_sha256(f)[:16]) for f in lexicon_files)
    return Stamp(version=toolkit_version, commit=_commit(), corpora=corpora, lexicons=lexicons,
                 backend=str(options.get("sentiment") or "default"),
                 settings=json.dumps(options, sort_keys=True, default=str),
                 date=_dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), run_id=run_id)


def stamp_html(s: Stamp, rerun: str) -> str:
    """The stamp as a compact HTML block (the first thing in every report), with how to re-run it."""
    esc = html.escape
    corpora = "<br>".join(f"{esc(p)} <code>{h}</code> ({n} files)" for p, h, n in s.corpora)
    lexicons = ", ".join(f"{esc(f)} <code>{h}</code>" for f, h in s.lexicons)
    rows = [("toolkit", f"{esc(s.version)}, commit <code>{esc(s.commit)}</code>"), ("corpora (SHA-256 of the files)", corpora),
            ("lexicons (SHA-256)", lexicons), ("sentiment backend", esc(s.backend)),
            ("settings", f"<code>{esc(s.settings)}</code>"), ("made", f"{esc(s.date)}, run <code>{esc(s.run_id)}</code>"),
            ("re-run", f"<code>{esc(rerun)}</code> (the code is in the notebook under <code>notebooks/</code>)")]
    body = "".join(f'<tr><th style="text-align:left;padding-right:1em;vertical-align:top">{k}</th><td>{v}</td></tr>'
                   for k, v in rows)
    return (f'<details class="report-stamp" open><summary><b>Reproducibility stamp</b></summary>'
            f'<table style="font-size:80%;margin:0">{body}</table></details>')
