"""Graph slices for the explorer: nodes and edges ready for Cytoscape or Sigma."""

from __future__ import annotations

import strawberry

from core import graph_kinds
from core.bounds import SliceEdges, SliceNodes
from schema.compiled import compiled_field

# The same classes as core's: Strawberry marks them as GraphQL enums in place.
NodeKind = graph_kinds.NodeKind
strawberry.enum(NodeKind)
EdgeKind = graph_kinds.EdgeKind
strawberry.enum(EdgeKind)


@strawberry.type(description="A node of a graph slice; `id` works with node(id) and neighbors(id).")
class GraphNode:
    id: strawberry.ID
    kind: NodeKind
    label: str
    weight: float = strawberry.field(
        description="Research relationships the node has in the whole graph (the kinds of edges)."
    )
    strength: float = strawberry.field(
        description="Tie to the center: edge score on hop 1, connecting neighbours on hop 2."
    )
    hop: int = strawberry.field(description="0 for the center, then 1 or 2.")


@strawberry.type(description="A relationship between two nodes of the slice.")
class GraphEdge:
    id: strawberry.ID
    source: strawberry.ID
    target: strawberry.ID
    kind: EdgeKind
    weight: float = strawberry.field(description="Topic score for ABOUT edges, else 1.")


@strawberry.type(description="A node's neighbourhood; every edge's ends are in `nodes`.")
class GraphSlice:
    center: strawberry.ID
    nodes: list[GraphNode] = compiled_field(
        items=SliceNodes(),
        items_from_parent=True,
        description="Center first, then strongest first.",
    )
    edges: list[GraphEdge] = compiled_field(items=SliceEdges(), items_from_parent=True)
    truncated: bool = strawberry.field(description="True when a fan-out cap left nodes out.")
