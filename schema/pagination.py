"""One generic connection type: edges with cursors, page info and the list's size."""

from __future__ import annotations

from typing import Generic, TypeVar

import strawberry

from core.bounds import PAGE
from schema.compiled import compiled_field

T = TypeVar("T")


@strawberry.type(description="Where a page sits in its list, and the cursors to page on from it.")
class PageInfo:
    has_next_page: bool = strawberry.field(
        description="True when items of the list come after this page."
    )
    has_previous_page: bool = strawberry.field(
        description="True when items of the list come before this page (`after` was given)."
    )
    start_cursor: str | None = strawberry.field(
        description="The cursor of the page's first item; null when the page is empty."
    )
    end_cursor: str | None = strawberry.field(
        description="The cursor of the page's last item, to pass as `after` for the next page;"
        " null when the page is empty."
    )


@strawberry.type(description="One item of a page, with its cursor.")
class Edge(Generic[T]):
    cursor: str = strawberry.field(
        description="Opaque; pass it as `after` to read the items after this one."
    )
    node: T = strawberry.field(description="The item.")


@strawberry.type(description="A page of a list, with its cursors and the size of the whole list.")
class Connection(Generic[T]):
    # one more than the page is read, to tell whether another page follows
    edges: list[Edge[T]] = compiled_field(
        items=PAGE,
        items_from_parent=True,
        read_ahead=1,
        description="The page's items, in the list's order.",
    )
    page_info: PageInfo = strawberry.field(
        description="Whether items come before or after this page, and its first and last cursors."
    )
    total_count: int = strawberry.field(
        description="Size of the whole list; counted only when selected."
    )
