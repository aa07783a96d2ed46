"""One generic connection type: edges with cursors, page info and the list's size."""

from __future__ import annotations

from typing import Generic, TypeVar

import strawberry

from core.bounds import PAGE
from schema.compiled import compiled_field

T = TypeVar("T")


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class Edge(Generic[T]):
    cursor: str
    node: T


@strawberry.type
class Connection(Generic[T]):
    # one more than the page is read, to tell whether another page follows
    edges: list[Edge[T]] = compiled_field(items=PAGE, items_from_parent=True, read_ahead=1)
    page_info: PageInfo
    total_count: int = strawberry.field(
        description="Size of the whole list; counted only when selected."
    )
