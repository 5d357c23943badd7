"""Run the command line in-process and return what it printed (shared by the CLI tests)."""

from __future__ import annotations

import io
from contextlib import redirect_stdout

from toolkit.cli import main


def run_cli(*argv: str) -> str:
    """``python -m toolkit ARGV`` in this process; asserts exit status 0 and returns stdout."""
    buf = io.StringIO()
    with redirect_stdout(buf):
        assert main(list(argv)) == 0
    return buf.getvalue()
