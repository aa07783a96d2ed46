"""The environment a benchmark starts `peergraph serve` in: its own port, no access log,
and the fair-share budgets out of the way, since one benchmark client sends what many
clients would (docs/operations.md)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

UNBOUNDED = str(10**15)


def serve_env(port: int, **more: str) -> dict[str, str]:
    return {
        **os.environ,
        "PEERGRAPH_PORT": str(port),
        "PEERGRAPH_ACCESS_LOG": "false",
        "PEERGRAPH_RATE_BUDGET_ANONYMOUS": UNBOUNDED,
        "PEERGRAPH_RATE_BUDGET_SIGNED_IN": UNBOUNDED,
        **more,
    }


@contextmanager
def serving(port: int, **more: str) -> Iterator[subprocess.Popen[bytes]]:
    """`peergraph serve` from this tree on `port`, with `more` variables, stopped at the end."""
    server = subprocess.Popen(
        [sys.executable, "-m", "server.cli", "serve"], env=serve_env(port, **more)
    )
    try:
        yield server
    finally:
        ended(server)


def ended(process: subprocess.Popen[bytes], grace: float = 15) -> None:
    """Asks `process` to stop, and kills it after `grace` seconds."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
