"""Request ids: unique within a process and across processes, from a random per-process
prefix and a counter, far cheaper than a UUID per request."""

from __future__ import annotations

import itertools
import os

_prefix = os.urandom(6).hex()
_counter = itertools.count(1)


def new_request_id() -> str:
    return f"{_prefix}-{next(_counter):x}"
