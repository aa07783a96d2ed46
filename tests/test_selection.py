"""selects() reads the selection as graphql-core will execute it: fragments followed,
@skip and @include applied, literals and variables alike."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
import strawberry

from resolvers.context import Info
from schema.selection import selects


@strawberry.type
class Page:
    total: int = 1
    items: list[int] = strawberry.field(default_factory=list)


@strawberry.type
class Query:
    @strawberry.field
    def page(self, info: Info) -> Page:
        asked.append(selects(info, "total"))
        return Page()


asked: list[bool] = []
schema = strawberry.Schema(query=Query)


def selects_total(query: str, variables: dict[str, Any] | None = None) -> bool:
    asked.clear()
    result = asyncio.run(schema.execute(query, variable_values=variables))
    assert result.errors is None
    [answer] = asked
    return answer


@pytest.mark.parametrize(
    ("query", "variables", "expected"),
    [
        ("{ page { total } }", None, True),
        ("{ page { items } }", None, False),
        ("{ page { n: total } }", None, True),
        ("{ page { ... on Page { total } } }", None, True),
        ("{ page { ...counts } } fragment counts on Page { total }", None, True),
        ("{ page { items total @skip(if: true) } }", None, False),
        ("{ page { items total @include(if: false) } }", None, False),
        ("{ page { items ... @include(if: false) { total } } }", None, False),
        ("query($c: Boolean!) { page { items total @include(if: $c) } }", {"c": True}, True),
        ("query($c: Boolean!) { page { items total @include(if: $c) } }", {"c": False}, False),
        ("query($c: Boolean = true) { page { items total @skip(if: $c) } }", None, False),
    ],
)
def test_selection_as_executed(
    query: str, variables: dict[str, Any] | None, expected: bool
) -> None:
    assert selects_total(query, variables) is expected
