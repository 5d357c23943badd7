"""toolkit.sentiment imports without torch and without the ``trained`` backend's module (imported
only when that backend is asked for), and without toolkit.validate; a command line run loads no torch."""

from __future__ import annotations

import json
import os
import subprocess
import sys

HEAVY = ("torch", "transformers", "toolkit.sentiment.trained", "toolkit.validate")


def _loaded_after(repo, code: str) -> list[str]:
    """The modules of :data:`HEAVY` that a fresh Python process holds after running ``code``."""
    code += f"\nimport json, sys\nprint(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)))"
    env = {**os.environ, "PYTHONPATH": str(repo)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_sentiment_scores_and_lists_trained_without_importing_torch(repo):
    code = ("import toolkit\n"
            "toolkit.target_sentiment('Critics slammed the mayor.', 20, 25)\n"
            "assert 'trained' in toolkit.available_backends()")
    assert _loaded_after(repo, code) == []


def test_sentiment_cli_run_loads_no_torch(repo):
    code = ("import contextlib, io, toolkit.cli\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    assert toolkit.cli.main(['corpus', {str(repo / 'corpora' / 'demo')!r}]) == 0")
    assert set(_loaded_after(repo, code)) <= {"toolkit.sentiment.trained"}  # the trainer's options, without torch
