"""People with an account, as everyone else sees them."""

from __future__ import annotations

from enum import Enum
from typing import Self

import strawberry

from resolvers.graph import Row
from schema.ids import encode_id


@strawberry.enum
class Role(Enum):
    USER = "user"
    MODERATOR = "moderator"


@strawberry.type(description="A person with an account: a name and nothing else about them.")
class User:
    key: strawberry.Private[str]
    name: str

    @strawberry.field
    def id(self) -> strawberry.ID:
        return strawberry.ID(encode_id("User", self.key))

    @classmethod
    def from_record(cls, record: Row) -> Self:
        return cls(key=record["key"], name=record["name"])
