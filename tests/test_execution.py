"""The plain-field executor answers exactly as graphql-core's own, errors included."""

from __future__ import annotations

import asyncio
from enum import Enum
from typing import Any

import pytest
import strawberry
from graphql import GraphQLObjectType
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from schema.execution import PlainFieldExecution, plain_field


@strawberry.enum
class Colour(Enum):
    RED = "red"
    BLUE = "blue"


@strawberry.type
class Item:
    name: str
    colour: Colour
    size: int | None

    @strawberry.field
    def shout(self) -> str:
        return self.name.upper()

    @strawberry.field
    async def later(self) -> str:
        await asyncio.sleep(0)
        return f"{self.name} later"


def items() -> list[Item | None]:
    broken = Item(name="b", colour=Colour.BLUE, size=2)
    # a resolver bug the executor must report
    broken.name = None  # type: ignore[assignment]
    odd = Item(name="c", colour="green", size=3)  # type: ignore[arg-type]
    # graphql-core also names an enum from its bare value
    bare = Item(name="d", colour="blue", size=4)  # type: ignore[arg-type]
    return [Item(name="a", colour=Colour.RED, size=None), broken, odd, bare]


@strawberry.type
class Query:
    @strawberry.field
    def items(self) -> list[Item | None]:
        return items()

    @strawberry.field
    def good(self) -> list[Item]:
        return [Item(name=name, colour=Colour.BLUE, size=len(name)) for name in ("x", "yy")]


QUERIES = [
    "{ items { name colour size } }",
    "{ items { size colour name __typename } }",
    "{ items { n: name c: colour other: name } }",
    "{ items { name shout size } }",
    "{ items { later name colour } }",
    "query($skip: Boolean!) { items { name @skip(if: $skip) size colour @include(if: $skip) } }",
    "{ items { ... on Item { colour } name ...rest } } fragment rest on Item { size name }",
    "{ good { name colour size } }",
    "{ good { s: size __typename } }",
    "{ good { size later } }",
]


def run(execution: type[StrawberryGraphQLCoreExecutionContext], query: str) -> dict[str, Any]:
    schema = strawberry.Schema(query=Query, execution_context_class=execution)
    result = asyncio.run(schema.execute(query, variable_values={"skip": True}))
    return {
        "data": result.data,
        "errors": [(error.message, error.path) for error in result.errors or []],
    }


@pytest.mark.parametrize("query", QUERIES)
def test_same_answer_as_graphql_core(query: str) -> None:
    expected = run(StrawberryGraphQLCoreExecutionContext, query)

    assert run(PlainFieldExecution, query) == expected


def test_key_order_follows_the_selection() -> None:
    data = run(PlainFieldExecution, "{ items { size later colour shout } }")["data"]

    assert list(data["items"][0]) == ["size", "later", "colour", "shout"]


def test_errors_are_reported_where_they_happen() -> None:
    answer = run(PlainFieldExecution, "{ items { name colour } }")

    assert answer["data"] == {
        "items": [{"name": "a", "colour": "RED"}, None, None, {"name": "d", "colour": "BLUE"}]
    }
    assert [path for _, path in answer["errors"]] == [["items", 1, "name"], ["items", 2, "colour"]]


def test_only_attributes_holding_scalars_or_enums_are_plain() -> None:
    item = strawberry.Schema(query=Query)._schema.get_type("Item")
    assert isinstance(item, GraphQLObjectType)

    plain = {name for name in item.fields if plain_field(name, item, name) is not None}

    assert plain == {"name", "colour", "size"}


def test_lists_of_plain_objects_are_completed_in_one_pass() -> None:
    completed: list[object] = []

    class Spy(PlainFieldExecution):
        def plain_list(self, *args: Any) -> list[dict[str, Any]] | None:
            result = super().plain_list(*args)
            completed.append(result)
            return result

    answer = run(Spy, "{ good { name colour } items { name } }")

    assert answer["data"]["good"] == [
        {"name": "x", "colour": "BLUE"},
        {"name": "yy", "colour": "BLUE"},
    ]
    assert completed == [answer["data"]["good"], None]
