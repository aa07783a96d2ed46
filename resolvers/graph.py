"""Reading the graph: the few shapes every field's statement comes in."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from resolvers.context import Context
from resolvers.database import Row

__all__ = [
    "Page",
    "Row",
    "count",
    "find",
    "lookup",
    "nested_page",
    "read_back",
    "related",
    "root_page",
    "total",
]


@dataclass(frozen=True)
class Page:
    rows: list[Row]
    has_next: bool


async def lookup(context: Context, name: str, key: str) -> Row | None:
    """One node (or one computed row) per key, batched across the request."""
    row = await context.loaders.load(name, key)
    return None if row is None else row["item"]


async def read_back(context: Context, name: str, key: str) -> Row:
    """What a write of this request made or changed, by key."""
    row = await lookup(context, name, key)
    if row is None:
        raise LookupError(f"{name} {key} vanished during the request")
    return row


async def find(context: Context, name: str, **parameters: Any) -> Row | None:
    """One node by an alternate identifier (ORCID, DOI, arXiv id)."""
    rows = await context.read(name, parameters)
    return rows[0]["item"] if rows else None


async def related(context: Context, name: str, key: str, **parameters: Any) -> list[Row]:
    """A bounded list hanging off a parent, batched across the request."""
    row = await context.loaders.load(name, key, **parameters)
    return [] if row is None else list(row["items"])


async def count(context: Context, name: str, key: str, **parameters: Any) -> int:
    row = await context.loaders.load(name, key, **parameters)
    return 0 if row is None else int(row["count"])


async def root_page(context: Context, name: str, first: int, after_key: str | None) -> Page:
    """A top-level list ordered by key: keyset paging, one statement."""
    rows = await context.read(name, {"after": after_key, "limit": first + 1})
    items = [row["item"] for row in rows]
    return Page(items[:first], len(items) > first)


async def nested_page(
    context: Context, name: str, key: str, first: int, offset: int, **parameters: Any
) -> Page:
    items = await related(context, name, key, offset=offset, limit=first + 1, **parameters)
    return Page(items[:first], len(items) > first)


async def total(context: Context, name: str) -> int:
    rows = await context.read(name, {})
    return int(rows[0]["count"])
