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
    CITATIONS = strawberry.enum_value(
        "citations",
        description="The larger of citedByCount and the citing works in the graph, as "
        "researchers' citations count them.",
    )
    REFERENCES = strawberry.enum_value("references", description="The works in the graph it cites.")


@strawberry.enum
class ResearcherOrderField(Enum):
    NAME = "name"
    WORKS_COUNT = "worksCount"
    CITATIONS = strawberry.enum_value("citations", description="As `stats.citations`.")
    H_INDEX = strawberry.enum_value("hIndex", description="As `stats.hIndex`.")
    FOLLOWERS = strawberry.enum_value("followers", description="As `stats.followers`.")
    RECENT_WORKS = strawberry.enum_value(
        "recentWorks", description="Works published in the last `years` years, this one included."
    )


@strawberry.enum
class TopicOrderField(Enum):
    NAME = "name"
    WORKS_COUNT = strawberry.enum_value("worksCount", description="The works about the topic.")


@strawberry.enum
class InstitutionOrderField(Enum):
    NAME = "name"
    WORKS_COUNT = strawberry.enum_value(
        "worksCount", description="The works whose paper names the institution."
    )
    RESEARCHERS_COUNT = strawberry.enum_value(
        "researchersCount", description="As `researchers { totalCount }`."
    )


@strawberry.input
class TopicOrder:
    field: TopicOrderField
    direction: Direction = Direction.DESC


@strawberry.input
class InstitutionOrder:
    field: InstitutionOrderField
    direction: Direction = Direction.DESC


@strawberry.input
class WorkOrder:
    field: WorkOrderField
    direction: Direction = Direction.DESC


@strawberry.input
class ResearcherOrder:
    field: ResearcherOrderField
    direction: Direction = Direction.DESC
    years: int = strawberry.field(
        default=5, description="For RECENT_WORKS: how many years, this one included (0 to 100)."
    )


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
