"""Institution: a university, company or lab that researchers are affiliated with."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Self

import strawberry

from resolvers.context import Info
from resolvers.graph import Row, related
from schema import lists, topic
from schema.collections import HasWorks
from schema.filters import ResearcherOrder, ResearcherWhere
from schema.node import Node
from schema.pagination import Connection, list_limit

if TYPE_CHECKING:
    from schema.researcher import Researcher
    from schema.topic import Topic


@strawberry.type(description="A topic of an institution's works.")
class InstitutionTopic:
    topic: Annotated[Topic, strawberry.lazy("schema.topic")]
    works: int = strawberry.field(description="Works affiliated here about the topic.")
    researchers: int = strawberry.field(description="Distinct authors of those works.")
    share: float = strawberry.field(description="Score-weighted share of the topics here.")


@strawberry.type(description="A university, company or lab.")
class Institution(Node, HasWorks):
    name: str
    ror: str | None
    country: str | None = strawberry.field(description="ISO 3166-1 alpha-2 country code.")
    type: str | None
    domains: list[str] = strawberry.field(description="Email domains of its people (from ROR).")

    @classmethod
    def from_record(cls, record: Row) -> Self:
        return cls(
            key=record["key"],
            name=record["name"],
            ror=record.get("ror"),
            country=record.get("country"),
            type=record.get("type"),
            domains=record.get("domains") or [],
        )

    @strawberry.field(
        description="Researchers affiliated on their profile or on a paper, most works first."
    )
    async def researchers(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        where: ResearcherWhere | None = None,
        order_by: ResearcherOrder | None = None,
    ) -> Connection[Annotated[Researcher, strawberry.lazy("schema.researcher")]]:
        return await lists.researchers_connection(
            info, "Institution", self.key, first, after, where, order_by
        )

    @strawberry.field(description="Topics of the works affiliated here, most works first.")
    async def top_topics(self, info: Info, first: int | None = None) -> list[InstitutionTopic]:
        rows = await related(
            info.context, "institution_top_topics", self.key, limit=list_limit(info, first)
        )
        return [
            InstitutionTopic(
                topic=topic.Topic.from_record(row["topic"]),
                works=row["works"],
                researchers=row["researchers"],
                share=row["share"],
            )
            for row in rows
        ]
