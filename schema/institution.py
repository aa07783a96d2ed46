"""Institution: a university, company or lab that researchers are affiliated with."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Self

import strawberry

from resolvers.context import Info
from resolvers.graph import Row
from schema import researcher, work
from schema.node import Node
from schema.pagination import Connection, nested_connection

if TYPE_CHECKING:
    from schema.researcher import Researcher
    from schema.work import Work


@strawberry.type(description="A university, company or lab.")
class Institution(Node):
    name: str
    ror: str | None
    country: str | None = strawberry.field(description="ISO 3166-1 alpha-2 country code.")
    type: str | None

    @classmethod
    def from_record(cls, record: Row) -> Self:
        return cls(
            key=record["key"],
            name=record["name"],
            ror=record.get("ror"),
            country=record.get("country"),
            type=record.get("type"),
        )

    @strawberry.field(
        description="Researchers who published with this affiliation, most works first."
    )
    async def researchers(
        self, info: Info, first: int | None = None, after: str | None = None
    ) -> Connection[Annotated[Researcher, strawberry.lazy("schema.researcher")]]:
        return await nested_connection(
            info,
            "institution_researchers",
            self.key,
            first,
            after,
            researcher.Researcher.from_record,
        )

    @strawberry.field(description="Works with an author affiliated here, newest first.")
    async def works(
        self, info: Info, first: int | None = None, after: str | None = None
    ) -> Connection[Annotated[Work, strawberry.lazy("schema.work")]]:
        return await nested_connection(
            info, "institution_works", self.key, first, after, work.Work.from_record
        )
