"""The shortest co-authorship chain between two researchers."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from core.bounds import HOPS
from resolvers.compiler import collaboration
from schema.compiled import compiled_field

if TYPE_CHECKING:
    from schema.researcher import Researcher
    from schema.work import Work


@strawberry.type(description="Two researchers linked by a work they wrote together.")
class CollaborationHop:
    source: Annotated[Researcher, strawberry.lazy("schema.researcher")] = strawberry.field(
        description="The researcher nearer the start of the chain."
    )
    work: Annotated[Work, strawberry.lazy("schema.work")] = strawberry.field(
        description="A work both wrote."
    )
    target: Annotated[Researcher, strawberry.lazy("schema.researcher")] = strawberry.field(
        description="The next researcher along the chain."
    )


@strawberry.type(description="The shortest co-authorship chain between two researchers.")
class CollaborationPath:
    length: int = compiled_field(
        collaboration.path_length, description="Number of co-authorship hops."
    )
    hops: list[CollaborationHop] = compiled_field(
        collaboration.path_hops,
        items=HOPS,
        items_from_parent=True,
        description="The hops in order, from the first researcher to the other.",
    )
