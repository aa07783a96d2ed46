"""Graph slices for the explorer: nodes and edges ready for Cytoscape or Sigma."""

from __future__ import annotations

import strawberry

from core import graph_kinds
from core.bounds import SliceEdges, SliceNodes
from schema.compiled import compiled_field

# The same classes as core's: Strawberry marks them as GraphQL enums in place.
NodeKind = graph_kinds.NodeKind
strawberry.enum(NodeKind, description="The kinds of node the explorer shows.")
EdgeKind = graph_kinds.EdgeKind
strawberry.enum(
    EdgeKind,
    description="The relationships the explorer follows: AUTHORED (researcher to work), ABOUT"
    " (work to topic), AFFILIATION (work to an institution its paper names), AFFILIATED_WITH"
    " (researcher to a profile institution), SUBTOPIC_OF (topic to the broader topic) and"
    " CITES (work to a work it cites).",
)


@strawberry.type(description="A node of a graph slice; `id` works with node(id) and neighbors(id).")
class GraphNode:
    id: strawberry.ID = strawberry.field(description="The node's global id.")
    kind: NodeKind = strawberry.field(description="Which kind of node it is.")
    label: str = strawberry.field(
        description="The node's name, or a work's title; its key when it has neither."
    )
    weight: float = strawberry.field(
        description="Research relationships the node has in the whole graph (the kinds of edges)."
    )
    strength: float = strawberry.field(
        description="Tie to the center: edge score on hop 1, connecting neighbours on hop 2."
    )
    hop: int = strawberry.field(description="0 for the center, then 1 or 2.")


@strawberry.type(description="A relationship between two nodes of the slice.")
class GraphEdge:
    id: strawberry.ID = strawberry.field(
        description="An opaque id of the relationship, the same in every answer."
    )
    source: strawberry.ID = strawberry.field(
        description="The global id of the node the relationship goes from."
    )
    target: strawberry.ID = strawberry.field(
        description="The global id of the node the relationship goes to."
    )
    kind: EdgeKind = strawberry.field(description="The relationship's type.")
    weight: float = strawberry.field(description="Topic score for ABOUT edges, else 1.")


@strawberry.type(description="A node's neighbourhood; every edge's ends are in `nodes`.")
class GraphSlice:
    center: strawberry.ID = strawberry.field(
        description="The global id of the node the slice is around."
    )
    nodes: list[GraphNode] = compiled_field(
        items=SliceNodes(),
        items_from_parent=True,
        description="Center first, then strongest first.",
    )
    edges: list[GraphEdge] = compiled_field(
        items=SliceEdges(),
        items_from_parent=True,
        description="The relationships the hops followed, each once, highest weight first.",
    )
    truncated: bool = strawberry.field(description="True when a fan-out cap left nodes out.")
