"""The Node interface: anything with a global id."""

from __future__ import annotations

from typing import Self

import strawberry

from resolvers.context import Info
from resolvers.graph import Row
from schema.graph import GraphSlice, graph_slice
from schema.ids import encode_id


@strawberry.interface(description="An object with a global, opaque id.")
class Node:
    key: strawberry.Private[str]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return strawberry.ID(encode_id(type(self).__name__, self.key))

    @strawberry.field(description="The neighbourhood of this node, for the graph explorer.")
    async def graph(self, info: Info, depth: int = 1, limit_per_kind: int = 10) -> GraphSlice:
        found = await graph_slice(info, type(self).__name__, self.key, depth, limit_per_kind)
        if found is None:
            raise LookupError(f"{type(self).__name__} {self.key} vanished during the request")
        return found

    @classmethod
    def from_record(cls, record: Row) -> Self:
        """Build the type from a node's properties as Cypher projects them."""
        raise NotImplementedError
