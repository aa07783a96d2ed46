"""The Node interface: anything with a global id."""

from __future__ import annotations

from typing import Self

import strawberry

from resolvers.graph import Row
from schema.ids import encode_id


@strawberry.interface(description="An object with a global, opaque id.")
class Node:
    key: strawberry.Private[str]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return strawberry.ID(encode_id(type(self).__name__, self.key))

    @classmethod
    def from_record(cls, record: Row) -> Self:
        """Build the type from a node's properties as Cypher projects them."""
        raise NotImplementedError
