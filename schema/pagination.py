"""One generic connection type, and the paging rules every list follows."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import strawberry

from resolvers.context import Context, Info
from resolvers.graph import Page, Row, count, nested_page, root_page, total
from schema.errors import BadInput
from schema.ids import decode_opaque, encode_opaque
from schema.selection import selects

T = TypeVar("T")
Counter = Callable[[], Awaitable[int]]


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
    edges: list[Edge[T]]
    page_info: PageInfo
    counter: strawberry.Private[Counter]

    @strawberry.field(
        description="Size of the whole list; costs one more statement, run only when selected."
    )
    async def total_count(self) -> int:
        return await self.counter()


@dataclass(frozen=True)
class PageRequest:
    """A validated `first`/`after`. Lists ordered by key page by keyset, others by offset."""

    first: int
    keyset: bool
    after_key: str | None = None
    offset: int = 0


def bounded(value: int | None, default: int, maximum: int, argument: str = "first") -> int:
    size = default if value is None else value
    if not 0 <= size <= maximum:
        raise BadInput(f"{argument} must be between 0 and {maximum}, got {size}")
    return size


def page_request(
    first: int | None, after: str | None, *, default: int, maximum: int, keyset: bool
) -> PageRequest:
    size = bounded(first, default, maximum)
    if after is None:
        return PageRequest(size, keyset)
    mode, _, value = decode_opaque(after, "cursor").partition("|")
    if keyset and mode == "k" and value:
        return PageRequest(size, keyset, after_key=value)
    if not keyset and mode == "o" and value.isdigit():
        return PageRequest(size, keyset, offset=int(value))
    raise BadInput(f"cursor {after!r} does not belong to this list")


def offset_cursor(position: int) -> str:
    """The cursor after the item at a 1-based position of an offset-paged list."""
    return encode_opaque(f"o|{position}")


def connection(
    page: Page,
    request: PageRequest,
    build: Callable[[Row], T],
    counter: Counter,
) -> Connection[T]:
    if request.keyset:
        cursors = [encode_opaque(f"k|{row['key']}") for row in page.rows]
    else:
        cursors = [offset_cursor(request.offset + n) for n in range(1, len(page.rows) + 1)]
    edges = [Edge(cursor=c, node=build(row)) for c, row in zip(cursors, page.rows, strict=True)]
    info = PageInfo(
        has_next_page=page.has_next,
        has_previous_page=request.after_key is not None or request.offset > 0,
        start_cursor=cursors[0] if cursors else None,
        end_cursor=cursors[-1] if cursors else None,
    )
    return Connection(edges=edges, page_info=info, counter=counter)


async def root_connection(
    info: Info, name: str, first: int | None, after: str | None, build: Callable[[Row], T]
) -> Connection[T]:
    """A top-level list ordered by key: `<name>_page` and `<name>_count`."""
    context = info.context
    request = page_request(first, after, **_limits(context), keyset=True)
    counter = eager_total(info, lambda: total(context, f"{name}_count"))
    page = await root_page(context, f"{name}_page", request.first, request.after_key)
    return connection(page, request, build, counter)


async def nested_connection(
    info: Info,
    name: str,
    key: str,
    first: int | None,
    after: str | None,
    build: Callable[[Row], T],
    **parameters: Any,
) -> Connection[T]:
    """A list under a parent: `<name>` and `<name>_count`, each one statement per level."""
    context = info.context
    request = offset_page(info, first, after)
    counter = eager_total(info, lambda: count(context, f"{name}_count", key, **parameters))
    page = await nested_page(context, name, key, request.first, request.offset, **parameters)
    return connection(page, request, build, counter)


def offset_page(info: Info, first: int | None, after: str | None) -> PageRequest:
    return page_request(first, after, **_limits(info.context), keyset=False)


def list_limit(info: Info, first: int | None) -> int:
    settings = info.context.settings
    return bounded(first, settings.default_page_size, settings.max_page_size)


def _limits(context: Context) -> dict[str, int]:
    settings = context.settings
    return {"default": settings.default_page_size, "maximum": settings.max_page_size}


def eager_total(info: Info, counter: Counter) -> Counter:
    """When the request selects totalCount, its statement starts now, beside the page's,
    instead of in a wave of its own once the page has arrived."""
    if not selects(info, "totalCount"):
        return counter
    started = asyncio.ensure_future(counter())
    # fetched even when the page fails and totalCount is never read, so that no
    # "exception was never retrieved" reaches the log
    started.add_done_callback(lambda task: task.cancelled() or task.exception())
    return lambda: started
