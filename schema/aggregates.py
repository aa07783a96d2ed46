"""Small aggregate shapes shared by several types."""

from __future__ import annotations

import strawberry


@strawberry.type(description="Works that appeared in one year.")
class YearCount:
    year: int
    works: int
