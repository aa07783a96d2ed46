"""Work: a paper, preprint, book or dataset."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Annotated, Self

import strawberry

from resolvers.context import Info
from resolvers.graph import Row, related
from schema import institution, researcher, topic
from schema.node import Node
from schema.pagination import list_limit
from schema.work_type import WorkType

if TYPE_CHECKING:
    from schema.institution import Institution
    from schema.researcher import Researcher
    from schema.topic import Topic


@strawberry.type(description="One author of a work, in byline order.")
class Authorship:
    position: int = strawberry.field(description="1-based position in the author list.")
    researcher: Annotated[Researcher, strawberry.lazy("schema.researcher")]
    institutions: list[Annotated[Institution, strawberry.lazy("schema.institution")]] = (
        strawberry.field(description="Affiliations printed on this paper for this author.")
    )


@strawberry.type
class WorkTopic:
    topic: Annotated[Topic, strawberry.lazy("schema.topic")]
    score: float = strawberry.field(description="How strongly the work is about the topic, 0 to 1.")


@strawberry.type(description="A paper, preprint, book or dataset.")
class Work(Node):
    type: WorkType
    title: str
    abstract: str | None
    year: int | None
    published_on: datetime.date | None
    venue: str | None
    doi: str | None
    arxiv_id: str | None
    open_access: bool | None
    cited_by_count: int | None = strawberry.field(description="Null when not imported.")

    @classmethod
    def from_record(cls, record: Row) -> Self:
        published = record.get("publishedOn")
        return cls(
            key=record["key"],
            type=WorkType(record.get("type", "other")),
            title=record["title"],
            abstract=record.get("abstract"),
            year=record.get("year"),
            published_on=None if published is None else published.to_native(),
            venue=record.get("venue"),
            doi=record.get("doi"),
            arxiv_id=record.get("arxivId"),
            open_access=record.get("openAccess"),
            cited_by_count=record.get("citedByCount"),
        )

    @strawberry.field(description="Authors in byline order, each with paper-level institutions.")
    async def authors(self, info: Info, first: int | None = None) -> list[Authorship]:
        rows = await related(info.context, "work_authors", self.key, limit=list_limit(info, first))
        return [
            Authorship(
                position=row["position"],
                researcher=researcher.Researcher.from_record(row["researcher"]),
                institutions=[institution.Institution.from_record(i) for i in row["institutions"]],
            )
            for row in rows
        ]

    @strawberry.field(description="Topics the work is about, highest score first.")
    async def topics(self, info: Info) -> list[WorkTopic]:
        rows = await related(info.context, "work_topics", self.key)
        return [
            WorkTopic(topic=topic.Topic.from_record(row["topic"]), score=row["score"])
            for row in rows
        ]

    @strawberry.field(description="Institutions named on the paper, by name.")
    async def institutions(
        self, info: Info
    ) -> list[Annotated[Institution, strawberry.lazy("schema.institution")]]:
        rows = await related(info.context, "work_institutions", self.key)
        return [institution.Institution.from_record(row) for row in rows]
