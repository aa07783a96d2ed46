"""The environment a benchmark starts `peergraph serve` in: its own port, no access log,
and the fair-share budgets out of the way, since one benchmark client sends what many
clients would (docs/operations.md)."""

from __future__ import annotations

import os

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
