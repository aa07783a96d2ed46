"""Work: a paper, preprint, book or dataset."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from core import reads
from core.bounds import (
    INSTITUTIONS_PER_AUTHORSHIP,
    INSTITUTIONS_PER_WORK,
    PAGE,
    RECENT_YEARS,
    TOPICS_PER_WORK,
    Capped,
)
from core.citations import CitationFormat
from core.work import Most, every_candidate
from resolvers.compiler import nodes, work_lists
from schema.aggregates import WorkAggregate, YearCitations
from schema.compiled import compiled, compiled_field
from schema.filters import WorkOrder, WorkWhere
from schema.groups import GROUP_BY_DESCRIPTION, GroupOrder, Groups, WorkGroupField
from schema.node import Node
from schema.pagination import Connection
from schema.work_type import WorkType

# core's class, which Strawberry marks as a GraphQL enum in place
strawberry.enum(CitationFormat, description="The formats a work's citation is written in.")

if TYPE_CHECKING:
    from schema.institution import Institution
    from schema.researcher import Researcher
    from schema.topic import Topic


@strawberry.type(description="One author of a work, in byline order.")
class Authorship:
    position: int = strawberry.field(description="1-based position in the author list.")
    name: str = strawberry.field(
        description="The author's name: the researcher's, or as the byline prints it when "
        "the source does not identify the author."
    )
    researcher: Annotated[Researcher, strawberry.lazy("schema.researcher")] | None = compiled_field(
        nodes.authorship_researcher,
        work=reads.ONE_HOP,
        description="Null when the source does not identify the author.",
    )
    institutions: list[Annotated[Institution, strawberry.lazy("schema.institution")]] = (
        compiled_field(
            nodes.authorship_institutions,
            items=Capped(INSTITUTIONS_PER_AUTHORSHIP),
            work=Most("work.affiliations") + 1,
            description="Affiliations printed on this paper for this author.",
        )
    )


@strawberry.type(description="A topic a work is about, and how strongly.")
class WorkTopic:
    topic: Annotated[Topic, strawberry.lazy("schema.topic")] = strawberry.field(
        description="The topic."
    )
    score: float = strawberry.field(description="How strongly the work is about the topic, 0 to 1.")


@strawberry.type(description="A paper, preprint, book or dataset.")
class Work(Node):
    type: WorkType = strawberry.field(description="The kind of work.")
    title: str = strawberry.field(
        description="The title; empty for the few works OpenAlex has without one."
    )
    abstract: str | None = strawberry.field(description="Null when the source gives none.")
    year: int | None = strawberry.field(description="The publication year; null when unknown.")
    published_on: datetime.date | None = strawberry.field(
        description="The date the work was first published; null when unknown."
    )
    venue: str | None = strawberry.field(
        description="The name of the source it appeared in, such as a journal or arXiv; null"
        " when unknown."
    )
    doi: str | None = strawberry.field(
        description="The DOI in lower case, without a URL prefix (10.1016/…); null when it has"
        " none."
    )
    arxiv_id: str | None = strawberry.field(
        description="The arXiv id, without a version (2204.12554); null when it has none."
    )
    open_access: bool | None = strawberry.field(
        description="Whether the work is open access; null when unknown."
    )
    cited_by_count: int | None = strawberry.field(description="Null when not imported.")
    openalex_updated: datetime.datetime | None = strawberry.field(
        description="When OpenAlex last updated the record this work holds (its updated_date, "
        "OpenAlex's time, no zone); null for a work no OpenAlex record has reached."
    )
    counts_by_year: list[YearCitations] = compiled_field(
        nodes.work_counts_by_year,
        items=Capped(RECENT_YEARS),
        work=reads.WORK_COUNTS_BY_YEAR,
        description="Citations received from works in the graph, each year from nine years ago"
        " to this one, oldest first; years with none are left out.",
    )
    topics: list[WorkTopic] = compiled_field(
        nodes.work_topics,
        items=Capped(TOPICS_PER_WORK),
        work=Most("work.topics") + 1,
        description="Topics the work is about, highest score first.",
    )
    institutions: list[Annotated[Institution, strawberry.lazy("schema.institution")]] = (
        compiled_field(
            nodes.work_institutions,
            items=Capped(INSTITUTIONS_PER_WORK),
            work=Most("work.affiliations") + 1,
            description="Institutions named on the paper, by name.",
        )
    )

    @compiled_field(
        nodes.work_citation,
        work=Most("work.authors") + 1,
        description="The work as a reference manager imports it: BibTeX (the default), RIS or"
        " CSL-JSON, with"
        " what the graph holds of it (authors in byline order, title, venue, year, DOI, arXiv"
        " id); a value it does not hold is left out.",
    )
    def citation(self, format: CitationFormat = CitationFormat.BIBTEX) -> str:
        compiled()

    @compiled_field(
        nodes.authors,
        items=PAGE,
        work=Most("work.authors") + 1,
        description="Authors in byline order, each with paper-level institutions.",
    )
    def authors(self, first: int | None = None) -> list[Authorship]:
        compiled()

    @compiled_field(
        work_lists.references,
        work=every_candidate(Most("work.references")),
        description="Works this work cites that the graph holds, newest first unless ordered.",
    )
    def references(
        self,
        first: int | None = None,
        after: str | None = None,
        where: WorkWhere | None = None,
        order_by: WorkOrder | None = None,
    ) -> WorkConnection:
        compiled()

    @compiled_field(
        work_lists.cited_by,
        work=every_candidate(Most("work.citedBy")),
        description="Works in the graph that cite this one, newest first unless ordered;"
        " citedByCount also counts citing works the graph does not hold.",
    )
    def cited_by(
        self,
        first: int | None = None,
        after: str | None = None,
        where: WorkWhere | None = None,
        order_by: WorkOrder | None = None,
    ) -> WorkConnection:
        compiled()


@strawberry.type(description="A page of works, with facets over the whole list.")
class WorkConnection(Connection[Work]):
    aggregate: WorkAggregate = compiled_field(
        work=reads.WORK_AGGREGATE,
        description="Sums, averages, least and greatest values of the whole list's works.",
    )

    @compiled_field(work=reads.WORK_GROUPS, description=GROUP_BY_DESCRIPTION)
    def group_by(
        self,
        field: WorkGroupField,
        first: int = 20,
        order_by: GroupOrder = GroupOrder.COUNT_DESC,
    ) -> Groups:
        compiled()
