"""Paged lists: `edges { cursor node }`, `pageInfo` and `totalCount` from one subquery.

ORDER BY, the cursor and LIMIT apply before the items are projected, so what lies
below a page (authors, topics...) is fetched for that page only, however long the list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from graphql import GraphQLError, GraphQLNonNull

from core.bounds import PAGE
from core.errors import BadUserInput
from core.global_ids import after_key, after_offset, key_cursor, list_identity, offset_cursor
from resolvers.compiler.aggregate import aggregate
from resolvers.compiler.collect import Selected
from resolvers.compiler.compile import Compilation, Compiled, Scope
from resolvers.compiler.groups import RESEARCHER_GROUPINGS, WORK_GROUPINGS, Buckets, group_by
from resolvers.compiler.request import PARENT, Arguments
from resolvers.compiler.shape import FieldShape, Path, Shaper, object_shape


@dataclass(frozen=True)
class Items:
    """Where a list's items come from. `head` is Cypher that leaves `variable` (and any
    `carried` columns the order uses) bound to each candidate; `order` sorts them."""

    head: str
    variable: str
    order: str
    predicate: str = "true"
    carried: str = ""
    keyset: bool = False  # ordered by key alone: page by the last key seen
    # columns the items' own fields read beside the item (an invitation's sender...)
    columns: tuple[tuple[str, str], ...] = ()
    # how many candidates there are without a `where`, kept on the parent or its degree
    kept_total: str | None = None
    every: bool = False  # `head` matches every node of the kind
    buckets: Buckets | None = None
    # the head of a page that wants the first `need` candidates in `order` (text for a
    # number): fewer candidates than `head` matches, all those the page may hold
    narrowed: Callable[[str], str] | None = None


# The groupings of `groupBy` on a list, by the type of its items.
GROUPINGS = {"Work": WORK_GROUPINGS, "Researcher": RESEARCHER_GROUPINGS}


def page_size(c: Compilation, selected: Selected) -> str:
    """The `$parameter` of a list's `first`, as core/bounds.py declares pages."""
    return c.parameter(selected, lambda arguments: PAGE.size(arguments, c.limits))


def bounded(value: int | None, default: int, maximum: int, argument: str = "first") -> int:
    size = default if value is None else value
    if not 0 <= size <= maximum:
        raise BadUserInput(f"{argument} must be between 0 and {maximum}, got {size}")
    return size


def connection(
    c: Compilation, scope: Scope, selected: Selected, items: Items, owner: str
) -> Compiled:
    """`owner`: the type whose field the list is ("Query" at the root)."""
    first = page_size(c, selected)
    identity = list_identity(owner, selected.name, c.order(selected))
    nested = owner != "Query"
    pin = c.pins.get(scope["this"]) if nested else None

    def parent_key(arguments: Arguments) -> str | None:
        if not nested:
            return ""
        return None if pin is None else pin.key(arguments[PARENT])

    limit = f"{first} + 1"
    connection_type = c.object_type(str(unwrap_name(selected)))
    fields = c.collector.fields(selected.selection_sets(), connection_type)
    entries = [f"first: {first}"]
    node_projections: dict[tuple[str, str], tuple[str, Shaper]] = {}
    edge_type = c.object_type(connection_type.fields["edges"].type.of_type.of_type.of_type.name)
    node_type = c.object_type(edge_type.fields["node"].type.of_type.name)
    for field in fields:
        if field.name != "edges":
            continue
        for edge_field in c.collector.fields(field.selection_sets(), edge_type):
            if edge_field.name == "node":
                node_scope = {"this": items.variable, **dict(items.columns)}
                node_projections[field.key, edge_field.key] = c.project(
                    node_scope, node_type, edge_field.selection_sets()
                )
    wants_items = any(field.name in ("edges", "pageInfo") for field in fields)
    facets: dict[str, tuple[str, Shaper]] = {}
    for field in fields:
        if field.name == "groupBy":
            source = f"g{len(facets)}"
            text, shaper = group_by(c, field, items, GROUPINGS[node_type.name])
            facets[field.key] = (source, shaper)
            entries.append(f"{source}: {text}")
        elif field.name == "aggregate":
            source = f"g{len(facets)}"
            text, shaper = aggregate(c, field, items)
            facets[field.key] = (source, shaper)
            entries.append(f"{source}: {text}")
    resumed = items.keyset and c.given(selected, "after")
    if items.keyset:
        entries.append(f"offset: 0, after: {'true' if resumed else 'false'}")
    else:
        offset = c.parameter(
            selected,
            lambda arguments: after_offset(arguments.get("after"), identity, parent_key(arguments)),
            None if pin is None else pin.source,
        )
        entries.append(f"offset: {offset}")
    if resumed:
        # checked even when only totalCount reads the list: another list's cursor is refused
        after = c.parameter(selected, lambda arguments: after_key(arguments["after"], identity))
    if nested:
        entries.append(f"parent: {scope['this']}.key")  # what its cursors name
    if wants_items:
        projected = ", ".join(
            f"n{index}: {text}" for index, (text, _) in enumerate(node_projections.values())
        )
        item_map = "{" + (projected + ", " if projected else "") + f"k: {items.variable}.key}}"
        paging = f"LIMIT {limit}"
        predicate = items.predicate
        if resumed:
            predicate = f"{predicate} AND {items.variable}.key > {after}"
        elif items.keyset:
            # what lets the planner walk the key index in order instead of sorting
            predicate = f"{predicate} AND {items.variable}.key IS NOT NULL"
        elif not items.keyset:
            paging = f"SKIP {offset} LIMIT {limit}"
        # a list whose count costs a walk counts its matches as it collects them for the
        # page; one with columns beside each item (a topic's researchers and their works
        # there) only when filtered: collecting every row of the biggest parent at once
        # needs more than a request's memory share
        counted = any(field.name == "totalCount" for field in fields)
        filtered = items.predicate != "true"
        walked = filtered or not (items.carried or cheap_count(items))
        if counted and not items.keyset and items.buckets is None and walked:
            page = one_pass(items, paging, item_map, c.variable("rows"), c.variable("row"))
            entries.append(f"page: {page}")
            return finish(
                c,
                entries,
                fields,
                node_projections,
                connection_type,
                edge_type,
                items,
                identity,
                facets,
            )
        head = items.head
        if items.narrowed is not None:
            head = items.narrowed(f"{offset} + {first} + 1")
        entries.append(
            "items: COLLECT { "
            f"{head} WITH {items.variable}{items.carried} WHERE {predicate} "
            f"WITH {items.variable}{items.carried} ORDER BY {items.order} {paging} "
            f"WITH {items.variable}{items.carried}, {item_map} AS item RETURN item }}"
        )
    if any(field.name == "totalCount" for field in fields):
        entries.append(f"total: {count(items)}")
    return finish(
        c, entries, fields, node_projections, connection_type, edge_type, items, identity, facets
    )


def cheap_count(items: Items) -> bool:
    """Whether the unfiltered candidates are counted without a walk: a kept count, or a bare
    pattern, which Neo4j counts from its counts store or the node's degrees."""
    return items.kept_total is not None or " WITH " not in items.head


def count(items: Items) -> str:
    if items.predicate == "true" and cheap_count(items):
        return items.kept_total or f"COUNT {{ {items.head} }}"
    if items.buckets is not None:
        bucket = items.buckets.variable
        return f"COLLECT {{ {items.buckets.head} RETURN sum({bucket}.works) AS n }}[0]"
    return (
        f"COUNT {{ {items.head} WITH {items.variable}{items.carried} WHERE {items.predicate} "
        f"RETURN {items.variable} }}"
    )


def one_pass(items: Items, paging: str, item_map: str, rows: str, row: str) -> str:
    """A filtered list's page and its size from one scan: the matches are collected once
    (as references), counted, then sorted and cut; each match is tested once, not twice.
    `rows` and `row` are the builder's names: the nodes' projections inside may call
    fragments, whose own names must not clash with them."""
    names = [items.variable, *(name.strip() for name in items.carried.split(",") if name.strip())]
    if len(names) == 1:
        packed, unpacked = items.variable, f"{row} AS {items.variable}"
    else:
        packed = "{" + ", ".join(f"{name}: {name}" for name in names) + "}"
        unpacked = ", ".join(f"{row}.{name} AS {name}" for name in names)
    return (
        f"COLLECT {{ {items.head} WITH {items.variable}{items.carried} WHERE {items.predicate} "
        f"WITH collect({packed}) AS {rows} "
        f"WITH {rows}, COLLECT {{ UNWIND {rows} AS {row} WITH {unpacked} "
        f"ORDER BY {items.order} {paging} "
        f"WITH {items.variable}{items.carried}, {item_map} AS item RETURN item }} AS items "
        f"RETURN {{total: size({rows}), items: items}} AS page }}[0]"
    )


def finish(
    c: Compilation,
    entries: list[str],
    fields: list[Selected],
    node_projections: dict[tuple[str, str], tuple[str, Shaper]],
    connection_type: Any,
    edge_type: Any,
    items: Items,
    identity: str,
    facets: dict[str, tuple[str, Shaper]],
) -> Compiled:
    shapes = [shaper for _, shaper in node_projections.values()]
    shape = connection_shape(
        c,
        connection_type,
        edge_type,
        fields,
        list(node_projections),
        shapes,
        items.keyset,
        identity,
        facets,
    )
    return Compiled("{" + ", ".join(entries) + "}", shape)


def unwrap_name(selected: Selected) -> str:
    assert selected.definition is not None
    output: Any = selected.definition.type
    while not hasattr(output, "fields"):
        output = output.of_type
    return str(output.name)


def connection_shape(
    c: Compilation,
    connection_type: Any,
    edge_type: Any,
    fields: list[Selected],
    node_keys: list[tuple[str, str]],
    node_shapes: list[Shaper],
    keyset: bool,
    identity: str,
    facets: dict[str, tuple[str, Shaper]],
) -> Shaper:
    """Edges, cursors and pageInfo built from the page the statement returned; `facets`:
    where the statement put each `groupBy`, and its shaper."""
    edge_shapers: dict[str, Shaper] = {}
    for field in fields:
        if field.name == "edges":
            edge_fields = []
            for edge_field in c.collector.fields(field.selection_sets(), edge_type):
                source = edge_field.name
                edge_shape: Shaper | None = None
                if edge_field.name == "node":
                    index = node_keys.index((field.key, edge_field.key))
                    source, edge_shape = f"n{index}", node_shapes[index]
                elif edge_field.name == "__typename":
                    source = "__typename"
                edge_fields.append(
                    FieldShape(
                        edge_field.key,
                        source,
                        f"{edge_type.name}.{edge_field.name}",
                        edge_field.name != "__typename",
                        edge_shape,
                    )
                )
            edge_shapers[field.key] = object_shape(tuple(edge_fields))
    page_info = c.object_type("PageInfo")
    info_shapers: dict[str, Shaper] = {}
    for field in fields:
        if field.name == "pageInfo":
            info_fields = tuple(
                FieldShape(
                    f.key,
                    f.name,
                    f"PageInfo.{f.name}",
                    isinstance(f.definition.type, GraphQLNonNull) if f.definition else True,
                )
                for f in c.collector.fields(field.selection_sets(), page_info)
            )
            info_shapers[field.key] = object_shape(info_fields)
    plan = [(field.key, field.name) for field in fields]
    typename = connection_type.name

    def shape(raw: dict[str, Any], path: Path, errors: list[GraphQLError]) -> dict[str, Any]:
        first, offset = raw["first"], raw["offset"]
        if "page" in raw:
            # nothing matched: Neo4j leaves no row to count (the parent groups the count)
            fused = raw["page"] or {"items": [], "total": 0}
            raw = {**raw, "items": fused["items"], "total": fused["total"]}
        items = raw.get("items") or []
        page = items[:first]
        parent = raw.get("parent") or ""
        cursors = [
            key_cursor(item["k"], identity)
            if keyset
            else offset_cursor(offset + n, identity, parent)
            for n, item in enumerate(page, start=1)
        ]
        result: dict[str, Any] = {}
        for key, name in plan:
            at = (path, key)
            if name == "edges":
                edge = edge_shapers[key]
                result[key] = [
                    edge({**item, "cursor": cursor, "__typename": edge_type.name}, (at, n), errors)
                    for n, (item, cursor) in enumerate(zip(page, cursors, strict=True))
                ]
            elif name == "pageInfo":
                info = {
                    "hasNextPage": len(items) > first,
                    "hasPreviousPage": offset > 0 or raw.get("after", False),
                    "startCursor": cursors[0] if cursors else None,
                    "endCursor": cursors[-1] if cursors else None,
                    "__typename": "PageInfo",
                }
                result[key] = info_shapers[key](info, at, errors)
            elif name == "totalCount":
                result[key] = raw["total"]
            elif name in ("groupBy", "aggregate"):
                source, facet = facets[key]
                result[key] = facet(raw[source], at, errors)
            else:
                result[key] = typename
        return result

    return shape
