"""Root fields of the explorer: a slice around any node, and expanding one node."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry

from resolvers.context import Info
from schema.collaboration import MAX_HOPS
from schema.graph import (
    GraphEdge,
    GraphNode,
    GraphSlice,
    NodeIds,
    NodeKind,
    edge_fields,
    graph_edges,
    graph_node,
    graph_slice,
    node_fields,
)
from schema.ids import decode_id
from schema.pagination import PageInfo, offset_cursor, offset_page
from schema.path import CollaborationPath, collaboration_path


@strawberry.type(description="One page of a node's neighbours and the edges that reach them.")
class Neighborhood:
    center: strawberry.ID
    nodes: list[GraphNode] = strawberry.field(description="The center, then this page.")
    edges: list[GraphEdge]
    page_info: PageInfo
    total_count: int = strawberry.field(description="Neighbours of the requested kinds seen.")
    truncated: bool = strawberry.field(
        description="True when the node has more relationships than the fan-out cap ranks."
    )


@strawberry.type
class ExploreQuery:
    @strawberry.field(description="Nearby papers, people, topics and institutions of any node.")
    async def graph(
        self, info: Info, center: strawberry.ID, depth: int = 1, limit_per_kind: int = 10
    ) -> GraphSlice | None:
        kind, key = decode_id(center)
        return await graph_slice(info, kind, key, depth, limit_per_kind)

    @strawberry.field(description="The shortest co-authorship chain between two researchers.")
    async def collaboration_path(
        self,
        info: Info,
        from_: Annotated[strawberry.ID, strawberry.argument(name="from")],
        to: strawberry.ID,
        max_hops: int = MAX_HOPS,
    ) -> CollaborationPath | None:
        _, source = decode_id(from_, expected="Researcher")
        _, target = decode_id(to, expected="Researcher")
        return await collaboration_path(info, source, target, max_hops)

    @strawberry.field(description="Expand one node: its neighbours, strongest first, paged.")
    async def neighbors(
        self,
        info: Info,
        id: strawberry.ID,
        kinds: list[NodeKind] | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Neighborhood | None:
        kind, key = decode_id(id)
        request = offset_page(info, first, after)
        wanted = [k.value for k in (kinds or list(NodeKind))]
        rows = await info.context.read(
            "neighbors",
            {
                "kind": kind,
                "key": key,
                "kinds": wanted,
                "offset": request.offset,
                "limit": request.first,
                "scan": info.context.settings.fanout_center,
            },
        )
        if not rows:
            return None
        row = rows[0]
        ids = NodeIds()
        nodes = [graph_node(node, ids) for node in row["nodes"]]
        end = request.offset + len(nodes) - 1
        return Neighborhood(
            center=ids[kind, key],
            nodes=nodes,
            edges=graph_edges(row["edges"], ids),
            page_info=PageInfo(
                has_next_page=end < row["total"],
                has_previous_page=request.offset > 0,
                start_cursor=offset_cursor(request.offset + 1) if len(nodes) > 1 else None,
                end_cursor=offset_cursor(end) if len(nodes) > 1 else None,
            ),
            total_count=row["total"],
            truncated=row["truncated"],
        )


def neighborhood_fields(value: dict[str, Any]) -> dict[str, Any]:
    """One page of neighbours as GraphQL names its fields; the center comes first."""
    ids = NodeIds()
    nodes = [node_fields(row, ids) for row in value["nodes"]]
    offset = value["offset"]
    end = offset + len(nodes) - 1
    return {
        "center": ids[value["kind"], value["key"]],
        "nodes": nodes,
        "edges": edge_fields(value["edges"], ids),
        "pageInfo": {
            "hasNextPage": end < value["total"],
            "hasPreviousPage": offset > 0,
            "startCursor": offset_cursor(offset + 1) if len(nodes) > 1 else None,
            "endCursor": offset_cursor(end) if len(nodes) > 1 else None,
        },
        "totalCount": value["total"],
        "truncated": value["truncated"],
    }
