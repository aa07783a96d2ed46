"""The Node interface: anything with a global id."""

from __future__ import annotations

import strawberry

from schema.compiled import compiled
from schema.graph import GraphSlice


@strawberry.interface(description="An object with a global, opaque id.")
class Node:
    id: strawberry.ID

    @strawberry.field(description="The neighbourhood of this node, for the graph explorer.")
    def graph(self, depth: int = 1, limit_per_kind: int = 10) -> GraphSlice:
        compiled()
