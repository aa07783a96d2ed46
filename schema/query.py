"""The root Query type."""

from __future__ import annotations

import strawberry

from core import reads
from core.bounds import IDS, YEARS_PER_LIST, Capped
from resolvers.compiler import roots
from schema.aggregates import YearCount
from schema.compiled import compiled, root_field
from schema.filters import (
    InstitutionOrder,
    ResearcherOrder,
    ResearcherWhere,
    TopicOrder,
    WorkOrder,
    WorkWhere,
)
from schema.institution import Institution
from schema.node import Node
from schema.pagination import Connection
from schema.researcher import Researcher, ResearcherConnection
from schema.topic import Topic
from schema.work import Work, WorkConnection


@strawberry.type
class Query:
    @root_field(
        roots.node,
        work=reads.LOOKUP,
        description="A node of the research graph by global id; null when it does not exist,"
        " and for ids of users, claims and invitations, which are not nodes.",
    )
    def node(self, id: strawberry.ID) -> Node | None:
        compiled()

    @root_field(
        roots.nodes_by_ids,
        items=IDS,
        work=reads.NODES_BY_IDS,
        description="Nodes by global id, in the order given (at most 100).",
    )
    def nodes(self, ids: list[strawberry.ID]) -> list[Node | None]:
        compiled()

    @root_field(
        roots.researcher,
        work=reads.LOOKUP,
        description="A researcher by global id, ORCID iD or OpenAlex author id (A…).",
    )
    def researcher(
        self,
        id: strawberry.ID | None = None,
        orcid: str | None = None,
        openalex_id: str | None = None,
    ) -> Researcher | None:
        compiled()

    @root_field(
        roots.work,
        work=reads.LOOKUP,
        description="A work by global id, DOI, arXiv id or OpenAlex work id (W…).",
    )
    def work(
        self,
        id: strawberry.ID | None = None,
        doi: str | None = None,
        arxiv_id: str | None = None,
        openalex_id: str | None = None,
    ) -> Work | None:
        compiled()

    @root_field(
        roots.topic,
        work=reads.LOOKUP,
        description="A topic by global id or OpenAlex id (T…, or subfields/…, fields/…,"
        " domains/… for the levels above).",
    )
    def topic(
        self, id: strawberry.ID | None = None, openalex_id: str | None = None
    ) -> Topic | None:
        compiled()

    @root_field(
        roots.institution,
        work=reads.LOOKUP,
        description="An institution by global id, ROR id or OpenAlex institution id (I…).",
    )
    def institution(
        self,
        id: strawberry.ID | None = None,
        ror: str | None = None,
        openalex_id: str | None = None,
    ) -> Institution | None:
        compiled()

    @root_field(
        roots.root_researchers,
        work=reads.ROOT_RESEARCHERS,
        description="All researchers: by key, or filtered and ordered (then paged by offset).",
    )
    def researchers(
        self,
        first: int | None = None,
        after: str | None = None,
        where: ResearcherWhere | None = None,
        order_by: ResearcherOrder | None = None,
    ) -> ResearcherConnection:
        compiled()

    @root_field(
        roots.root_works,
        work=reads.ROOT_WORKS,
        description="All works: by key, or filtered and ordered (then paged by offset).",
    )
    def works(
        self,
        first: int | None = None,
        after: str | None = None,
        where: WorkWhere | None = None,
        order_by: WorkOrder | None = None,
    ) -> WorkConnection:
        compiled()

    @root_field(
        roots.root_works_by_year,
        items=Capped(YEARS_PER_LIST),
        work=reads.ROOT_WORKS_BY_YEAR,
        description="Works per year across the graph, or of the works matching `where`.",
    )
    def works_by_year(self, where: WorkWhere | None = None) -> list[YearCount]:
        compiled()

    @root_field(
        roots.topics,
        work=reads.ROOT_TOPICS,
        description="All topics: by key, or ordered (then paged by offset).",
    )
    def topics(
        self, first: int | None = None, after: str | None = None, order_by: TopicOrder | None = None
    ) -> Connection[Topic]:
        compiled()

    @root_field(
        roots.institutions,
        work=reads.ROOT_INSTITUTIONS,
        description="All institutions: by key, or ordered (then paged by offset).",
    )
    def institutions(
        self,
        first: int | None = None,
        after: str | None = None,
        order_by: InstitutionOrder | None = None,
    ) -> Connection[Institution]:
        compiled()
