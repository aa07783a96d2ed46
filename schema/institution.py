"""Institution: a university, company or lab that researchers are affiliated with."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from core import reads
from core.bounds import PAGE
from resolvers.compiler import nodes, researchers
from schema.collections import HasWorks
from schema.compiled import compiled, compiled_field
from schema.filters import ResearcherOrder, ResearcherWhere
from schema.node import Node

if TYPE_CHECKING:
    from schema.researcher import ResearcherConnection
    from schema.topic import Topic


@strawberry.type(description="A topic of an institution's works.")
class InstitutionTopic:
    topic: Annotated[Topic, strawberry.lazy("schema.topic")] = strawberry.field(
        description="The topic."
    )
    works: int = strawberry.field(description="Works affiliated here about the topic.")
    researchers: int = strawberry.field(description="Distinct authors of those works.")
    share: float = strawberry.field(description="Score-weighted share of the topics here.")


@strawberry.type(description="A university, company or lab.")
class Institution(Node, HasWorks):
    name: str = strawberry.field(description="The institution's name.")
    ror: str | None = strawberry.field(
        description="The ROR id, without a URL prefix (027m9bs27); null when it has none."
    )
    country: str | None = strawberry.field(description="ISO 3166-1 alpha-2 country code.")
    type: str | None = strawberry.field(
        description="The kind of institution as OpenAlex gives it, such as education or"
        " company; null when unknown."
    )
    domains: list[str] = compiled_field(
        nodes.domains, description="Email domains of its people (from ROR)."
    )

    @compiled_field(
        researchers.institution_researchers,
        work=reads.INSTITUTION_RESEARCHERS,
        description="Researchers affiliated on their profile or on a paper, most works first.",
    )
    def researchers(
        self,
        first: int | None = None,
        after: str | None = None,
        where: ResearcherWhere | None = None,
        order_by: ResearcherOrder | None = None,
    ) -> Annotated[ResearcherConnection, strawberry.lazy("schema.researcher")]:
        compiled()

    @compiled_field(
        nodes.top_topics,
        items=PAGE,
        work=reads.INSTITUTION_TOPICS,
        description="Topics of the works affiliated here, most works first.",
    )
    def top_topics(self, first: int | None = None) -> list[InstitutionTopic]:
        compiled()
