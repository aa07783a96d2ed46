"""Analyst filters and orderings: the inputs. Each field of a `where` declares the
condition it stands for; resolvers/compiler/where.py turns a `where` tree into a Cypher
predicate of the same shape, with every value a parameter."""

from __future__ import annotations

from enum import Enum

import strawberry

from resolvers.compiler import where
from schema.compiled import criterion_field
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


@strawberry.input(description="Criteria on works; fields of one input all hold (AND).")
class WorkWhere:
    year_from: int | None = criterion_field(where.YEAR_FROM)
    year_to: int | None = criterion_field(where.YEAR_TO)
    type: list[WorkType] | None = criterion_field(where.WORK_TYPE)
    venue: str | None = criterion_field(where.VENUE)
    open_access: bool | None = criterion_field(where.OPEN_ACCESS)
    topic: strawberry.ID | None = criterion_field(where.WORK_TOPIC)
    author: strawberry.ID | None = criterion_field(where.WORK_AUTHOR)
    institution: strawberry.ID | None = criterion_field(where.WORK_INSTITUTION)
    title_contains: str | None = criterion_field(where.TITLE_CONTAINS)
    AND: list[WorkWhere] | None = None
    OR: list[WorkWhere] | None = None
    NOT: WorkWhere | None = None


@strawberry.input(description="Criteria on researchers; fields of one input all hold (AND).")
class ResearcherWhere:
    name_contains: str | None = criterion_field(where.NAME_CONTAINS)
    topic: strawberry.ID | None = criterion_field(where.RESEARCHER_TOPIC)
    institution: strawberry.ID | None = criterion_field(where.RESEARCHER_INSTITUTION)
    has_orcid: bool | None = criterion_field(where.HAS_ORCID)
    open_to_collaborate: bool | None = criterion_field(where.OPEN_TO_COLLABORATE)
    min_works: int | None = criterion_field(where.MIN_WORKS)
    AND: list[ResearcherWhere] | None = None
    OR: list[ResearcherWhere] | None = None
    NOT: ResearcherWhere | None = None
