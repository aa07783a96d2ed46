"""What researchers, topics and institutions share: the works that hang off them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from core import reads
from core.bounds import YEARS_PER_LIST, Capped
from resolvers.compiler import work_lists
from schema.aggregates import YearCount
from schema.compiled import compiled, compiled_field
from schema.filters import WorkOrder, WorkWhere

if TYPE_CHECKING:
    from schema.work import WorkConnection


@strawberry.interface(description="A researcher, topic or institution: something works belong to.")
class HasWorks:
    @compiled_field(
        work_lists.works,
        work=reads.WORKS_PAGE,
        description="Its works, newest first unless ordered.",
    )
    def works(
        self,
        first: int | None = None,
        after: str | None = None,
        where: WorkWhere | None = None,
        order_by: WorkOrder | None = None,
    ) -> Annotated[WorkConnection, strawberry.lazy("schema.work")]:
        compiled()

    @compiled_field(
        work_lists.works_by_year,
        items=Capped(YEARS_PER_LIST),
        work=reads.WORKS_BY_YEAR,
        description="How many of its works appeared each year, oldest first.",
    )
    def works_by_year(self, where: WorkWhere | None = None) -> list[YearCount]:
        compiled()
