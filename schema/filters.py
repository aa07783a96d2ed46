"""Analyst filters and orderings: the inputs. resolvers/compiler/where.py turns a
`where` tree into a Cypher predicate of the same shape, with every value a parameter."""

from __future__ import annotations

from enum import Enum

import strawberry

from schema.work_type import WorkType


@strawberry.enum
class Direction(Enum):
    ASC = "asc"
    DESC = "desc"


@strawberry.enum
class WorkOrderField(Enum):
    YEAR = "year"
    CITED_BY_COUNT = "citedByCount"
    TITLE = "title"


@strawberry.enum
class ResearcherOrderField(Enum):
    NAME = "name"
    WORKS_COUNT = "worksCount"


@strawberry.input
class WorkOrder:
    field: WorkOrderField
    direction: Direction = Direction.DESC


@strawberry.input
class ResearcherOrder:
    field: ResearcherOrderField
    direction: Direction = Direction.DESC


@strawberry.input(description="Conditions on works; fields of one input all hold (AND).")
class WorkWhere:
    year_from: int | None = None
    year_to: int | None = None
    type: list[WorkType] | None = None
    venue: str | None = None
    open_access: bool | None = None
    topic: strawberry.ID | None = None
    author: strawberry.ID | None = None
    institution: strawberry.ID | None = None
    title_contains: str | None = None
    AND: list[WorkWhere] | None = None
    OR: list[WorkWhere] | None = None
    NOT: WorkWhere | None = None


@strawberry.input(description="Conditions on researchers; fields of one input all hold (AND).")
class ResearcherWhere:
    name_contains: str | None = None
    topic: strawberry.ID | None = None
    institution: strawberry.ID | None = None
    has_orcid: bool | None = None
    open_to_collaborate: bool | None = None
    min_works: int | None = None
    AND: list[ResearcherWhere] | None = None
    OR: list[ResearcherWhere] | None = None
    NOT: ResearcherWhere | None = None
