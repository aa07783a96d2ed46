"""Full-text search over researchers, works, topics and institutions."""

from __future__ import annotations

from enum import Enum

import strawberry

from core import reads
from core.bounds import PAGE
from resolvers.compiler import roots
from schema.compiled import compiled, compiled_field, root_field
from schema.node import Node


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
    node: Node = compiled_field(
        roots.search_hit_node, description="The researcher, work, topic or institution found."
    )


@strawberry.type
class SearchQuery:
    @root_field(
        roots.search,
        items=PAGE,
        work=reads.SEARCH_HITS,
        description=(
            "Researchers (by name), works (title, abstract), topics (name, description) and"
            " institutions (by name) matching a Lucene query, best first. A query that is an"
            " ORCID iD, DOI, arXiv id, ROR id or OpenAlex id puts the object it identifies"
            " first."
        ),
    )
    def search(
        self, query: str, kinds: list[SearchKind] = ALL_KINDS, first: int | None = None
    ) -> list[SearchHit]:
        compiled()
