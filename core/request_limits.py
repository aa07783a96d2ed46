"""What one request, and one account, may ask of the API: a frozen value the server makes
from its settings, so that nothing below the server reads the settings."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RequestLimits:
    # the document, checked before it runs (resolvers/limits.py)
    max_depth: int
    max_aliases: int
    max_tokens: int
    # items a request may return, and the pages of its lists (core/bounds.py, resolvers/cost.py)
    max_items: int
    # rows a request may read from the store (core/work.py, resolvers/cost.py), and the most
    # a light one reads, which never waits behind heavy ones for a turn at Neo4j
    max_work: int
    light_work: int
    max_page_size: int
    default_page_size: int
    # fan-out caps that keep a hub as cheap as a leaf (docs/explorer.md, docs/metrics.md)
    fanout_center: int
    fanout_per_neighbor: int
    fanout_works: int
    # what one account may do in a while
    login_attempts: int
    login_window: int  # seconds
    invitations_per_day: int
