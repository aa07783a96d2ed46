"""Topic: a node of the topic hierarchy (domain > field > subfield > topic)."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated, Self

import strawberry

from resolvers.context import Info
from resolvers.graph import Row, lookup
from schema import lists
from schema.collections import HasWorks
from schema.filters import ResearcherOrder, ResearcherWhere
from schema.node import Node
from schema.pagination import Connection

if TYPE_CHECKING:
    from schema.researcher import Researcher


@strawberry.enum
class TopicLevel(Enum):
    DOMAIN = "domain"
    FIELD = "field"
    SUBFIELD = "subfield"
    TOPIC = "topic"


@strawberry.type(description="A research topic, placed in a hierarchy.")
class Topic(Node, HasWorks):
    name: str
    description: str | None
    level: TopicLevel

    @classmethod
    def from_record(cls, record: Row) -> Self:
        return cls(
            key=record["key"],
            name=record["name"],
            description=record.get("description"),
            level=TopicLevel(record.get("level", "topic")),
        )

    @strawberry.field(description="The broader topic this one belongs to; null at the top.")
    async def parent(self, info: Info) -> Topic | None:
        record = await lookup(info.context, "topic_parent", self.key)
        return None if record is None else Topic.from_record(record)

    @strawberry.field(description="Authors of works about this topic, most such works first.")
    async def researchers(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        where: ResearcherWhere | None = None,
        order_by: ResearcherOrder | None = None,
    ) -> Connection[Annotated[Researcher, strawberry.lazy("schema.researcher")]]:
        return await lists.researchers_connection(
            info, "Topic", self.key, first, after, where, order_by
        )
