"""Analyst filters and orderings: the inputs. Each field of a `where` declares the
condition it stands for; resolvers/compiler/where.py turns a `where` tree into a Cypher
predicate of the same shape, with every value a parameter."""

from __future__ import annotations

from enum import Enum

import strawberry

from resolvers.compiler import where
from schema.compiled import criterion_field
from schema.work_type import WorkType


@strawberry.enum(description="Ascending or descending order.")
class Direction(Enum):
    ASC = "asc"
    DESC = "desc"


@strawberry.enum(
    description="What a list of works is ordered by; works without the value come last in"
    " either direction."
)
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


@strawberry.enum(description="What a list of researchers is ordered by.")
class ResearcherOrderField(Enum):
    NAME = "name"
    WORKS_COUNT = "worksCount"
    CITATIONS = strawberry.enum_value("citations", description="As `stats.citations`.")
    H_INDEX = strawberry.enum_value("hIndex", description="As `stats.hIndex`.")
    FOLLOWERS = strawberry.enum_value("followers", description="As `stats.followers`.")
    RECENT_WORKS = strawberry.enum_value(
        "recentWorks", description="Works published in the last `years` years, this one included."
    )


@strawberry.enum(description="What the list of topics is ordered by.")
class TopicOrderField(Enum):
    NAME = "name"
    WORKS_COUNT = strawberry.enum_value("worksCount", description="The works about the topic.")


@strawberry.enum(description="What the list of institutions is ordered by.")
class InstitutionOrderField(Enum):
    NAME = "name"
    WORKS_COUNT = strawberry.enum_value(
        "worksCount", description="The works whose paper names the institution."
    )
    RESEARCHERS_COUNT = strawberry.enum_value(
        "researchersCount", description="As `researchers { totalCount }`."
    )


@strawberry.input(description="The order of the list of topics; ties go by key.")
class TopicOrder:
    field: TopicOrderField = strawberry.field(description="What to order by.")
    direction: Direction = strawberry.field(default=Direction.DESC, description="DESC when absent.")


@strawberry.input(description="The order of the list of institutions; ties go by key.")
class InstitutionOrder:
    field: InstitutionOrderField = strawberry.field(description="What to order by.")
    direction: Direction = strawberry.field(default=Direction.DESC, description="DESC when absent.")


@strawberry.input(
    description="The order of a list of works; ties go by key (for YEAR, by publication date"
    " first)."
)
class WorkOrder:
    field: WorkOrderField = strawberry.field(description="What to order by.")
    direction: Direction = strawberry.field(default=Direction.DESC, description="DESC when absent.")


@strawberry.input(description="The order of a list of researchers; ties go by key.")
class ResearcherOrder:
    field: ResearcherOrderField = strawberry.field(description="What to order by.")
    direction: Direction = strawberry.field(default=Direction.DESC, description="DESC when absent.")
    years: int = strawberry.field(
        default=5, description="For RECENT_WORKS: how many years, this one included (0 to 100)."
    )


@strawberry.input(description="Criteria on works; fields of one input all hold (AND).")
class WorkWhere:
    year_from: int | None = criterion_field(
        where.YEAR_FROM, description="Published in this year or later."
    )
    year_to: int | None = criterion_field(
        where.YEAR_TO, description="Published in this year or earlier."
    )
    type: list[WorkType] | None = criterion_field(
        where.WORK_TYPE, description="Of any of these kinds; an empty list matches nothing."
    )
    venue: str | None = criterion_field(
        where.VENUE, description="Whose venue is exactly this name."
    )
    open_access: bool | None = criterion_field(
        where.OPEN_ACCESS, description="Open access (true) or not (false); unknown matches neither."
    )
    topic: strawberry.ID | None = criterion_field(
        where.WORK_TOPIC,
        description="About this topic (a global id); works about a topic below it do not count.",
    )
    author: strawberry.ID | None = criterion_field(
        where.WORK_AUTHOR, description="Authored by this researcher (a global id)."
    )
    institution: strawberry.ID | None = criterion_field(
        where.WORK_INSTITUTION,
        description="Whose paper names this institution (a global id) for an author.",
    )
    title_contains: str | None = criterion_field(
        where.TITLE_CONTAINS, description="Whose title contains this text, ignoring case."
    )
    AND: list[WorkWhere] | None = strawberry.field(
        default=None, description="All of these hold; an empty list matches everything."
    )
    OR: list[WorkWhere] | None = strawberry.field(
        default=None, description="At least one of these holds; an empty list matches nothing."
    )
    NOT: WorkWhere | None = strawberry.field(default=None, description="This does not hold.")


@strawberry.input(description="Criteria on researchers; fields of one input all hold (AND).")
class ResearcherWhere:
    name_contains: str | None = criterion_field(
        where.NAME_CONTAINS, description="Whose name contains this text, ignoring case."
    )
    topic: strawberry.ID | None = criterion_field(
        where.RESEARCHER_TOPIC, description="Who wrote a work about this topic (a global id)."
    )
    institution: strawberry.ID | None = criterion_field(
        where.RESEARCHER_INSTITUTION,
        description="Affiliated with this institution (a global id), on the profile or on a paper.",
    )
    has_orcid: bool | None = criterion_field(
        where.HAS_ORCID, description="Whose record has an ORCID iD (true) or has none (false)."
    )
    open_to_collaborate: bool | None = criterion_field(
        where.OPEN_TO_COLLABORATE, description="Whose openToCollaborate is this value."
    )
    min_works: int | None = criterion_field(
        where.MIN_WORKS, description="With at least this many works; not negative."
    )
    AND: list[ResearcherWhere] | None = strawberry.field(
        default=None, description="All of these hold; an empty list matches everything."
    )
    OR: list[ResearcherWhere] | None = strawberry.field(
        default=None, description="At least one of these holds; an empty list matches nothing."
    )
    NOT: ResearcherWhere | None = strawberry.field(default=None, description="This does not hold.")
