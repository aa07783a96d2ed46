"""Works and researchers as analysts list them: under a parent or at the root,
filtered by `where`, ordered by `orderBy`, paged, counted and aggregated."""

from __future__ import annotations

from typing import Any

from resolvers.context import Info
from resolvers.graph import related
from schema import researcher, work
from schema.aggregates import YearCount
from schema.filters import (
    Clauses,
    Direction,
    ResearcherOrder,
    ResearcherWhere,
    WorkOrder,
    WorkOrderField,
    WorkWhere,
    anchor_of,
    researcher_clauses,
    work_clauses,
)
from schema.pagination import Connection, nested_connection

NEWEST_FIRST = WorkOrder(field=WorkOrderField.YEAR, direction=Direction.DESC)


def _scope(parent: str | None, key: str, clauses: Clauses) -> tuple[str, dict[str, Any]]:
    """The parent to start from: the given one, or at the root the anchor all alternatives share."""
    if parent is None:
        anchor = anchor_of(clauses)
        parent, key = anchor.kind, anchor.key
    return key, {"parent": parent, "where": clauses}


async def works_connection(
    info: Info,
    parent: str | None,
    key: str,
    first: int | None,
    after: str | None,
    where: WorkWhere | None,
    order_by: WorkOrder | None,
) -> Connection[work.Work]:
    start, scope = _scope(parent, key, work_clauses(where))
    order = order_by or NEWEST_FIRST
    return await nested_connection(
        info,
        "works_list",
        start,
        first,
        after,
        work.Work.from_record,
        order=order.field.value,
        descending=order.direction is Direction.DESC,
        **scope,
    )


async def researchers_connection(
    info: Info,
    parent: str | None,
    key: str,
    first: int | None,
    after: str | None,
    where: ResearcherWhere | None,
    order_by: ResearcherOrder | None,
) -> Connection[researcher.Researcher]:
    """Without orderBy: most works under the parent first (by key at the root)."""
    start, scope = _scope(parent, key, researcher_clauses(where))
    return await nested_connection(
        info,
        "researchers_list",
        start,
        first,
        after,
        researcher.Researcher.from_record,
        order="relevance" if order_by is None else order_by.field.value,
        descending=order_by is None or order_by.direction is Direction.DESC,
        **scope,
    )


async def works_by_year(
    info: Info, parent: str | None, key: str, where: WorkWhere | None
) -> list[YearCount]:
    start, scope = _scope(parent, key, work_clauses(where))
    rows = await related(info.context, "works_by_year", start, **scope)
    return [YearCount(year=row["year"], works=row["works"]) for row in rows]
