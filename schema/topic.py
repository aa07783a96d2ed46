"""Topic: a node of the topic hierarchy (domain > field > subfield > topic)."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated

import strawberry

from core import reads
from resolvers.compiler import nodes, researchers
from schema.collections import HasWorks
from schema.compiled import compiled, compiled_field
from schema.filters import ResearcherOrder, ResearcherWhere
from schema.node import Node

if TYPE_CHECKING:
    from schema.researcher import ResearcherConnection


@strawberry.enum(description="The levels of the topic hierarchy, broadest first.")
class TopicLevel(Enum):
    DOMAIN = "domain"
    FIELD = "field"
    SUBFIELD = "subfield"
    TOPIC = "topic"


@strawberry.type(description="A research topic, placed in a hierarchy.")
class Topic(Node, HasWorks):
    name: str = strawberry.field(description="The topic's name.")
    description: str | None = strawberry.field(
        description="A description of what the topic covers; null when there is none."
    )
    level: TopicLevel = strawberry.field(description="Where the topic sits in the hierarchy.")
    parent: Topic | None = compiled_field(
        nodes.parent_topic,
        work=reads.ONE_HOP,
        description="The broader topic this one belongs to; null at the top.",
    )

    @compiled_field(
        researchers.topic_researchers,
        work=reads.TOPIC_RESEARCHERS,
        description="Authors of works about this topic, most such works first.",
    )
    def researchers(
        self,
        first: int | None = None,
        after: str | None = None,
        where: ResearcherWhere | None = None,
        order_by: ResearcherOrder | None = None,
    ) -> Annotated[ResearcherConnection, strawberry.lazy("schema.researcher")]:
        compiled()
