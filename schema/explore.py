"""Root fields of the explorer: a slice around any node, and expanding one node."""

from __future__ import annotations

from typing import Annotated

import strawberry

from core import reads
from core.bounds import FanoutCenter, NeighborNodes
from core.collaboration import MAX_HOPS
from resolvers.compiler import roots
from schema.compiled import compiled, compiled_field, root_field
from schema.graph import GraphEdge, GraphNode, GraphSlice, NodeKind
from schema.pagination import PageInfo
from schema.path import CollaborationPath


@strawberry.type(description="One page of a node's neighbours and the edges that reach them.")
class Neighborhood:
    center: strawberry.ID = strawberry.field(description="The global id of the node expanded.")
    nodes: list[GraphNode] = compiled_field(
        items=NeighborNodes(), items_from_parent=True, description="The center, then this page."
    )
    edges: list[GraphEdge] = compiled_field(
        items=FanoutCenter(),
        items_from_parent=True,
        description="The relationships between the center and this page's neighbours.",
    )
    page_info: PageInfo = strawberry.field(
        description="Where this page sits among the neighbours, with offset cursors."
    )
    total_count: int = strawberry.field(description="Neighbours of the requested kinds seen.")
    truncated: bool = strawberry.field(
        description="True when the node has more relationships than the fan-out cap ranks."
    )


@strawberry.type
class ExploreQuery:
    @root_field(
        roots.root_graph,
        work=reads.GRAPH_SLICE,
        description="Nearby papers, people, topics and institutions of any node.",
    )
    def graph(
        self, center: strawberry.ID, depth: int = 1, limit_per_kind: int = 10
    ) -> GraphSlice | None:
        compiled()

    @root_field(
        roots.root_collaboration_path,
        work=reads.COLLABORATION_PATH,
        description="The shortest co-authorship chain between two researchers.",
    )
    def collaboration_path(
        self,
        from_: Annotated[strawberry.ID, strawberry.argument(name="from")],
        to: strawberry.ID,
        max_hops: int = MAX_HOPS,
    ) -> CollaborationPath | None:
        compiled()

    @root_field(
        roots.root_neighbors,
        work=reads.NEIGHBORS,
        description="Expand one node: its neighbours, strongest first, paged.",
    )
    def neighbors(
        self,
        id: strawberry.ID,
        kinds: list[NodeKind] | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Neighborhood | None:
        compiled()
