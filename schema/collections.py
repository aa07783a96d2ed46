"""What researchers, topics and institutions share: the works that hang off them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from resolvers.context import Info
from schema import lists
from schema.aggregates import YearCount
from schema.filters import WorkOrder, WorkWhere
from schema.pagination import Connection

if TYPE_CHECKING:
    from schema.work import Work


@strawberry.interface(description="A researcher, topic or institution: something works belong to.")
class HasWorks:
    key: strawberry.Private[str]

    @strawberry.field(description="Its works, newest first unless ordered.")
    async def works(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        where: WorkWhere | None = None,
        order_by: WorkOrder | None = None,
    ) -> Connection[Annotated[Work, strawberry.lazy("schema.work")]]:
        return await lists.works_connection(
            info, type(self).__name__, self.key, first, after, where, order_by
        )

    @strawberry.field(description="How many of its works appeared each year, oldest first.")
    async def works_by_year(self, info: Info, where: WorkWhere | None = None) -> list[YearCount]:
        return await lists.works_by_year(info, type(self).__name__, self.key, where)
