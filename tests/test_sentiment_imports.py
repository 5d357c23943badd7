"""toolkit.sentiment imports without torch and without the ``trained`` backend's module (imported
only when that backend is asked for), and without toolkit.validate; the command line builds its
parser, train command included, without torch."""

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


def test_sentiment_cli_train_parser_imports_no_torch(repo):
    code = ("import toolkit.cli\n"
            "toolkit.cli.build_parser().parse_args(['train', 'sentiment', '--newsmtsc', 'd'])")
    assert _loaded_after(repo, code) == ["toolkit.sentiment.trained"]
