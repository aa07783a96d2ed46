"""The Node interface: anything with a global id."""

from __future__ import annotations

import strawberry

from core import reads
from resolvers.compiler import nodes, slices
from schema.compiled import compiled, compiled_field
from schema.graph import GraphSlice


@strawberry.interface(description="An object with a global, opaque id.")
class Node:
    id: strawberry.ID = compiled_field(
        nodes.node_id, description="The global id, which node(id) and nodes(ids) accept."
    )

    @compiled_field(
        slices.graph_slice,
        work=reads.GRAPH_SLICE,
        description="The neighbourhood of this node, for the graph explorer.",
    )
    def graph(self, depth: int = 1, limit_per_kind: int = 10) -> GraphSlice:
        compiled()
