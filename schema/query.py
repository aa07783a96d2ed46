"""The root Query type."""

from __future__ import annotations

import asyncio
from typing import TypeVar

import strawberry

from resolvers.context import Info
from resolvers.graph import find, lookup
from schema.aggregates import YearCount
from schema.errors import BadInput
from schema.filters import ResearcherOrder, ResearcherWhere, WorkOrder, WorkWhere
from schema.identifiers import normalize_arxiv_id, normalize_doi, normalize_orcid, normalize_ror
from schema.ids import decode_id
from schema.institution import Institution
from schema.lists import researchers_connection, works_by_year, works_connection
from schema.node import Node
from schema.pagination import Connection, root_connection
from schema.researcher import Researcher
from schema.topic import Topic
from schema.work import Work

N = TypeVar("N", bound=Node)

NODE_TYPES: dict[str, type[Node]] = {
    cls.__name__: cls for cls in (Researcher, Work, Topic, Institution)
}


async def load_node(info: Info, cls: type[N], key: str) -> N | None:
    record = await lookup(info.context, f"{cls.__name__.lower()}_by_key", key)
    return None if record is None else cls.from_record(record)


async def node_of_kind(info: Info, kind: str, key: str) -> Node | None:
    cls = NODE_TYPES.get(kind)
    return None if cls is None else await load_node(info, cls, key)


async def by_id(info: Info, cls: type[N], id: strawberry.ID) -> N | None:
    _, key = decode_id(id, expected=cls.__name__)
    return await load_node(info, cls, key)


def exactly_one(**arguments: object) -> str:
    given = [name for name, value in arguments.items() if value is not None]
    if len(given) != 1:
        raise BadInput(f"give exactly one of: {', '.join(arguments)}")
    return given[0]


@strawberry.type
class Query:
    @strawberry.field(
        description="A node of the research graph by global id; null when it does not exist,"
        " and for ids of users, claims and invitations, which are not nodes."
    )
    async def node(self, info: Info, id: strawberry.ID) -> Node | None:
        return await node_of_kind(info, *decode_id(id))

    @strawberry.field(description="Nodes by global id, in the order given (at most 100).")
    async def nodes(self, info: Info, ids: list[strawberry.ID]) -> list[Node | None]:
        if len(ids) > info.context.settings.max_page_size:
            raise BadInput(f"at most {info.context.settings.max_page_size} ids at once")
        decoded = [decode_id(id) for id in ids]  # any malformed id refuses the whole call
        return list(await asyncio.gather(*(node_of_kind(info, *pair) for pair in decoded)))

    @strawberry.field(description="A researcher by global id or by ORCID iD.")
    async def researcher(
        self, info: Info, id: strawberry.ID | None = None, orcid: str | None = None
    ) -> Researcher | None:
        if exactly_one(id=id, orcid=orcid) == "id":
            assert id is not None
            return await by_id(info, Researcher, id)
        else:
            assert orcid is not None
            record = await find(info.context, "researcher_by_orcid", orcid=normalize_orcid(orcid))
        return None if record is None else Researcher.from_record(record)

    @strawberry.field(description="A work by global id, DOI or arXiv id.")
    async def work(
        self,
        info: Info,
        id: strawberry.ID | None = None,
        doi: str | None = None,
        arxiv_id: str | None = None,
    ) -> Work | None:
        given = exactly_one(id=id, doi=doi, arxiv_id=arxiv_id)
        if given == "id":
            assert id is not None
            return await by_id(info, Work, id)
        elif given == "doi":
            assert doi is not None
            record = await find(info.context, "work_by_doi", doi=normalize_doi(doi))
        else:
            assert arxiv_id is not None
            record = await find(
                info.context, "work_by_arxiv_id", arxivId=normalize_arxiv_id(arxiv_id)
            )
        return None if record is None else Work.from_record(record)

    @strawberry.field
    async def topic(self, info: Info, id: strawberry.ID) -> Topic | None:
        return await by_id(info, Topic, id)

    @strawberry.field(description="An institution by global id or by ROR id.")
    async def institution(
        self, info: Info, id: strawberry.ID | None = None, ror: str | None = None
    ) -> Institution | None:
        if exactly_one(id=id, ror=ror) == "id":
            assert id is not None
            return await by_id(info, Institution, id)
        else:
            assert ror is not None
            record = await find(info.context, "institution_by_ror", ror=normalize_ror(ror))
        return None if record is None else Institution.from_record(record)

    @strawberry.field(
        description="All researchers: by key, or filtered and ordered (then paged by offset)."
    )
    async def researchers(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        where: ResearcherWhere | None = None,
        order_by: ResearcherOrder | None = None,
    ) -> Connection[Researcher]:
        if where is None and order_by is None:
            return await root_connection(info, "researchers", first, after, Researcher.from_record)
        return await researchers_connection(info, None, "", first, after, where, order_by)

    @strawberry.field(
        description="All works: by key, or filtered and ordered (then paged by offset)."
    )
    async def works(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        where: WorkWhere | None = None,
        order_by: WorkOrder | None = None,
    ) -> Connection[Work]:
        if where is None and order_by is None:
            return await root_connection(info, "works", first, after, Work.from_record)
        return await works_connection(info, None, "", first, after, where, order_by)

    @strawberry.field(
        description="Works per year across the graph, or of the works matching `where`."
    )
    async def works_by_year(self, info: Info, where: WorkWhere | None = None) -> list[YearCount]:
        return await works_by_year(info, None, "", where)

    @strawberry.field(description="All topics, by key.")
    async def topics(
        self, info: Info, first: int | None = None, after: str | None = None
    ) -> Connection[Topic]:
        return await root_connection(info, "topics", first, after, Topic.from_record)

    @strawberry.field(description="All institutions, by key.")
    async def institutions(
        self, info: Info, first: int | None = None, after: str | None = None
    ) -> Connection[Institution]:
        return await root_connection(info, "institutions", first, after, Institution.from_record)
