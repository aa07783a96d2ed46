"""Small aggregate shapes shared by several types."""

from __future__ import annotations

import strawberry


@strawberry.type(description="Works that appeared in one year.")
class YearCount:
    year: int
    works: int


@strawberry.type(description="A researcher's works and the citations they received, in one year.")
class YearFigures:
    year: int
    works: int = strawberry.field(description="Works published that year.")
    citations: int = strawberry.field(
        description="Citations received that year: works in the graph published that year"
        " citing one of the works."
    )


@strawberry.type(description="The citations a work received in one year.")
class YearCitations:
    year: int
    citations: int = strawberry.field(
        description="Works in the graph published that year that cite the work."
    )
