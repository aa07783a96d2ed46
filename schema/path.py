"""The shortest co-authorship chain between two researchers."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from resolvers.context import Info
from schema import researcher, work
from schema.collaboration import MAX_HOPS
from schema.errors import BadInput

if TYPE_CHECKING:
    from schema.researcher import Researcher
    from schema.work import Work


@strawberry.type(description="Two researchers linked by a work they wrote together.")
class CollaborationHop:
    source: Annotated[Researcher, strawberry.lazy("schema.researcher")]
    work: Annotated[Work, strawberry.lazy("schema.work")]
    target: Annotated[Researcher, strawberry.lazy("schema.researcher")]


@strawberry.type
class CollaborationPath:
    length: int = strawberry.field(description="Number of co-authorship hops.")
    hops: list[CollaborationHop]


async def collaboration_path(
    info: Info, source_key: str, target_key: str, max_hops: int
) -> CollaborationPath | None:
    if not 1 <= max_hops <= MAX_HOPS:
        raise BadInput(f"maxHops must be between 1 and {MAX_HOPS}, got {max_hops}")
    if source_key == target_key:
        raise BadInput("from and to are the same researcher")
    rows = await info.context.read(
        "collaboration_path", {"from": source_key, "to": target_key, "maxHops": max_hops}
    )
    if not rows:
        return None
    chain = rows[0]["chain"]
    hops = [
        CollaborationHop(
            source=researcher.Researcher.from_record(chain[i]),
            work=work.Work.from_record(chain[i + 1]),
            target=researcher.Researcher.from_record(chain[i + 2]),
        )
        for i in range(0, len(chain) - 2, 2)
    ]
    return CollaborationPath(length=len(hops), hops=hops)
