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


def _scope(
    statement: str, parent: str | None, key: str, clauses: Clauses
) -> tuple[str, str, dict[str, Any]]:
    """Where to start: under the given parent, else under the one all alternatives
    share (`<statement>_list`), else from every node of the kind (`<statement>_all`)."""
    if parent is None:
        anchor = anchor_of(clauses)
        parent, key = anchor.kind, anchor.key
    name = f"{statement}_all" if parent is None else f"{statement}_list"
    return name, key, {"parent": parent, "where": clauses}


async def works_connection(
    info: Info,
    parent: str | None,
    key: str,
    first: int | None,
    after: str | None,
    where: WorkWhere | None,
    order_by: WorkOrder | None,
) -> Connection[work.Work]:
    name, start, scope = _scope("works", parent, key, work_clauses(where))
    order = order_by or NEWEST_FIRST
    return await nested_connection(
        info,
        name,
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
    name, start, scope = _scope("researchers", parent, key, researcher_clauses(where))
    return await nested_connection(
        info,
        name,
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
    name, start, scope = _scope("works_by_year", parent, key, work_clauses(where))
    rows = await related(info.context, name, start, **scope)
    return [YearCount(year=row["year"], works=row["works"]) for row in rows]
