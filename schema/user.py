"""People with an account, as everyone else sees them."""

from __future__ import annotations

from enum import Enum

import strawberry

from resolvers.compiler import nodes
from schema.compiled import compiled_field


@strawberry.enum(
    description="What an account may do: a MODERATOR also reviews claims and sets claim allowances."
)
class Role(Enum):
    USER = "user"
    MODERATOR = "moderator"


@strawberry.type(description="A person with an account: a name and nothing else about them.")
class User:
    id: strawberry.ID = compiled_field(
        nodes.node_id,
        description="A global id; not a node of the research graph, so node(id) answers null.",
    )
    name: str = strawberry.field(description="The name the user registered with.")
