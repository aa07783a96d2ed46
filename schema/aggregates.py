"""Small aggregate shapes shared by several types."""

from __future__ import annotations

import strawberry


@strawberry.type(
    description="Sum, average, least and greatest of one number over a list's items that have"
    " it; items without it are left out."
)
class IntStats:
    sum: float = strawberry.field(
        description="0 when no item has the number. A Float: a whole graph's citations pass"
        " GraphQL's 32-bit Int."
    )
    average: float | None = strawberry.field(description="Null when no item has the number.")
    min: int | None = strawberry.field(description="Null when no item has the number.")
    max: int | None = strawberry.field(description="Null when no item has the number.")


@strawberry.type(
    description="Numbers of a list's works summed up over the whole list (every page, the same"
    " `where`)."
)
class WorkAggregate:
    cited_by_count: IntStats = strawberry.field(description="OpenAlex's citedByCount.")
    citations: IntStats = strawberry.field(
        description="Citations as docs/metrics.md counts them: the larger of citedByCount and"
        " the works in the graph citing the work."
    )
    year: IntStats = strawberry.field(description="Publication years.")


@strawberry.type(description="Works that appeared in one year.")
class YearCount:
    year: int = strawberry.field(description="The publication year.")
    works: int = strawberry.field(description="How many of the works were published that year.")


@strawberry.type(description="A researcher's works and the citations they received, in one year.")
class YearFigures:
    year: int = strawberry.field(description="The year.")
    works: int = strawberry.field(description="Works published that year.")
    citations: int = strawberry.field(
        description="Citations received that year: works in the graph published that year"
        " citing one of the works."
    )


@strawberry.type(description="The citations a work received in one year.")
class YearCitations:
    year: int = strawberry.field(description="The year.")
    citations: int = strawberry.field(
        description="Works in the graph published that year that cite the work."
    )
