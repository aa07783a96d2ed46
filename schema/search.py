"""Full-text search over researchers, works, topics and institutions."""

from __future__ import annotations

from enum import Enum

import strawberry

from resolvers.context import Info
from schema.errors import BadInput
from schema.identifiers import lucene_phrase, recognise
from schema.node import Node
from schema.pagination import list_limit
from schema.query import NODE_TYPES


@strawberry.enum(description="The kinds of object search looks through.")
class SearchKind(Enum):
    RESEARCHER = "Researcher"
    WORK = "Work"
    TOPIC = "Topic"
    INSTITUTION = "Institution"


ALL_KINDS = list(SearchKind)


@strawberry.type(description="One search result.")
class SearchHit:
    score: float = strawberry.field(
        description="Lucene relevance, higher first; an exact identifier match has the top score."
    )
    node: Node


@strawberry.type
class SearchQuery:
    @strawberry.field(
        description=(
            "Researchers (by name), works (title, abstract), topics (name, description) and"
            " institutions (by name) matching a Lucene query, best first. A query that is an"
            " ORCID iD, DOI, arXiv id or ROR id puts the object it identifies first."
        )
    )
    async def search(
        self,
        info: Info,
        query: str,
        kinds: list[SearchKind] = ALL_KINDS,
        first: int | None = None,
    ) -> list[SearchHit]:
        text = query.strip()
        if not text:
            raise BadInput("the search query is blank")
        identifiers = recognise(text)
        rows = await info.context.read(
            "search",
            {
                # Identifiers hold Lucene syntax (a DOI URL's ':' and '/'): search them literally.
                "text": lucene_phrase(text) if identifiers.recognised else text,
                "kinds": [kind.value for kind in kinds],
                "limit": list_limit(info, first),
                "orcid": identifiers.orcid,
                "doi": identifiers.doi,
                "arxivId": identifiers.arxiv_id,
                "ror": identifiers.ror,
            },
        )
        return [
            SearchHit(score=row["score"], node=NODE_TYPES[row["kind"]].from_record(row["item"]))
            for row in rows
        ]
