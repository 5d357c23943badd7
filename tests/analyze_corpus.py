"""A small invented corpus (records) for the analyze tests: varied actors, quotes and hedges."""

from __future__ import annotations

LINES = [
    "Russian Defense Ministry spokesman Igor Konashenkov said the jets hit {n} depots near the town.",
    "\"We struck only terrorist positions,\" he said. Activists claimed that a market was hit.",
    "The Pentagon said the strikes appeared to target rebels, and it may review its plans.",
    "Kremlin spokesman Dmitry Peskov denied that any farms were hit in the {n} raids.",
    "Defense Secretary Ash Carter said the talks were \"professional but short.\"",
    "According to activists, perhaps {n} people died, and the claims could not be verified.",
]


def records(n: int = 10) -> list[dict]:
    """``n`` records with ids ``r0``.., three outlets and dates, each a different mix of lines."""
    out = []
    for i in range(n):
        body = "\n\n".join(LINES[(i + j) % len(LINES)].format(n=i + 2) for j in range(3 + i % 3))
        out.append({"id": f"r{i}", "outlet": ("novosti", "awire", "gazette")[i % 3],
                    "date": f"2015-10-{1 + i % 28:02d}", "title": f"Report {i}", "text": f"Report {i}\n\n{body}"})
    return out


def kill_after_chunks(n: int | None) -> None:
    """Make this process die by SIGKILL once ``analyze`` has written ``n`` chunks (None: never), as
    a run killed from outside between two chunks: the run's chunk writer is wrapped, from the test."""
    if n is None:
        return
    import os
    import signal

    from toolkit.pipeline import run

    write, written = run._write_chunk, []

    def write_then_die(*args) -> None:
        write(*args)
        written.append(args[1])
        if len(written) == n:
            os.kill(os.getpid(), signal.SIGKILL)

    run._write_chunk = write_then_die
