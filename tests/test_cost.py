"""Requests are sized from their shape, with their variables applied; ones that could
return too much never run."""

from __future__ import annotations

from typing import Any

import pytest
from graphql import (
    get_introspection_query,
    get_named_type,
    get_nullable_type,
    is_composite_type,
    is_list_type,
    parse,
)
from starlette.testclient import TestClient

from core.bounds import INSTITUTIONS_PER_WORK, TOPICS_PER_WORK, introspection_bounds
from core.work import NO_STATISTICS
from resolvers.compiler.declaration import declaration_of
from resolvers.cost import CostEstimate
from resolvers.operations import coerce_variables, select_operation
from tests.conftest import TEST_SETTINGS, gql
from tests.default_schema import LIMITS, SCHEMA, SETTINGS, estimated_items
from tests.generated_queries import answer_items


def items(document: str, **variables: Any) -> int:
    return estimated_items(document, variables)


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ("{ __typename }", 0),
        ('{ researcher(orcid: "0000-0002-1825-0097") { name } }', 0),
        ("{ works(first: 5) { edges { node { title } } } }", 5),
        ("{ works(first: 5) { totalCount pageInfo { hasNextPage } } }", 0),
        ("{ works { edges { node { title } } } }", 20),
        ("{ works(first: 10) { edges { node { authors(first: 3) { position } } } } }", 10 + 30),
        (
            "{ researchers(first: 10) { edges { node { works(first: 10) { edges { node {"
            " authors { researcher { name } } } } } } } } }",
            10 + 100 + 2000,
        ),
        (
            '{ work(id: "x") { references(first: 10) { edges { node {'
            " citedBy(first: 5) { edges { cursor } } } } } } }",
            10 + 50,
        ),
        ('{ graph(center: "x", depth: 2, limitPerKind: 5) { nodes { id } } }', 1 + 4 * 2 * 5),
        ('{ graph(center: "x") { edges { id } } }', 1000),
        ('{ graph(center: "x", depth: 2, limitPerKind: 5) { edges { id } } }', 1000 + 20 * 200),
        (
            "{ works(first: 2) { edges { node { ...slice } } } }"
            " fragment slice on Work { graph(depth: 1, limitPerKind: 10) { nodes { id } } }",
            2 + 2 * 41,
        ),
        (
            '{ search(query: "x", first: 4) { node { ... on Work { authors(first: 5) { position } } } } }',
            4 + 20,
        ),
        (
            '{ researcher(id: "x") { collaborators(first: 3) { works { title } } } }',
            3 + 3 * 5,
        ),
        (
            '{ researcher(id: "x") { collaborators(first: 3, worksPerCollaborator: 20) { works { title } } } }',
            3 + 3 * 20,
        ),
        (
            "{ works(first: 1) { edges { node { topics { score } institutions { name }"
            " authors(first: 2) { institutions { name } } } } } }",
            1 + TOPICS_PER_WORK + INSTITUTIONS_PER_WORK + 2 + 2 * 10,
        ),
        ('{ researcher(id: "x") { worksByYear { year } trust { components { name } } } }', 205),
        ('{ collaborationPath(from: "a", to: "b", maxHops: 3) { hops { work { title } } } }', 3),
        ('{ neighbors(id: "x", first: 4) { nodes { id } edges { id } } }', 5 + 1000),
    ],
)
def test_list_bounds_multiply_down_the_tree(document: str, expected: int) -> None:
    assert items(document) == expected


def test_variables_and_their_defaults_size_the_pages() -> None:
    document = "query ($n: Int) { works(first: $n) { edges { node { authors(first: $n) { position } } } } }"
    defaulted = "query ($n: Int = 100) { works(first: $n) { edges { node { title } } } }"

    assert items(document, n=7) == 7 + 49
    assert items(document) == 20 + 400
    assert items(defaulted) == 100
    assert items(defaulted, n=3) == 3


def test_what_skip_and_include_leave_out_is_not_counted() -> None:
    parsed = parse("""query ($skip: Boolean!, $more: Boolean!) {
      works(first: 5) @skip(if: $skip) { edges { node { title } } }
      researchers(first: 3) { edges { node { ... @include(if: $more) {
        works(first: 2) { edges { cursor } } } } } } }""")
    operation = select_operation(parsed, None)
    estimate = CostEstimate(SCHEMA, parsed, operation, LIMITS)

    def sized(**variables: bool) -> int:
        return estimate.cost(coerce_variables(SCHEMA, operation, variables), NO_STATISTICS).items

    assert sized(skip=False, more=True) == 5 + 3 + 6
    assert sized(skip=True, more=True) == 3 + 6
    assert sized(skip=True, more=False) == 3
    assert sized(skip=False, more=True) == 5 + 3 + 6  # from the walk kept for these values
    assert items("{ works(first: 5) @skip(if: true) { edges { cursor } } }") == 0


def test_a_list_of_ids_counts_each_id() -> None:
    document = "query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Researcher { works(first: 2) { edges { cursor } } } } }"

    assert items(document, ids=["a"] * 50) == 50 + 50 * 2
    assert items('{ nodes(ids: ["a", "b", "c"]) { id } }') == 3


def test_a_page_beyond_the_largest_counts_as_the_largest() -> None:
    # the compiler refuses first: 1000 by the same declaration, so nothing beyond 100 returns
    assert items("{ works(first: 1000) { edges { cursor } } }") == 100


def test_introspection_is_counted() -> None:
    one = items(get_introspection_query())
    schema_lists = introspection_bounds(SCHEMA)

    assert schema_lists["__Schema.types"].bound.items({}, LIMITS) == len(SCHEMA.type_map)
    assert 1000 < one <= SETTINGS.max_items
    assert items("{ a: __schema { types { name } } b: __schema { types { name } } }") == 2 * len(
        SCHEMA.type_map
    )


def test_every_list_of_objects_declares_a_bound() -> None:
    introspection = introspection_bounds(SCHEMA)
    undeclared = []
    for type_ in SCHEMA.type_map.values():
        for name, field in getattr(type_, "fields", {}).items():
            key = f"{type_.name}.{name}"
            declared = declaration_of(field).items is not None or key in introspection
            is_list = is_list_type(get_nullable_type(field.type))
            if is_list and is_composite_type(get_named_type(field.type)) and not declared:
                undeclared.append(key)

    assert undeclared == []


def test_the_estimate_and_the_limit_are_reported(client: TestClient) -> None:
    response = gql(client, "{ works(first: 3) { edges { node { title } } } }")

    assert response.errors == []
    assert response.body["extensions"]["cost"]["estimatedItems"] == 3
    assert response.body["extensions"]["cost"]["maxItems"] == 50_000


TOO_LARGE = """
  query ($n: Int) {
    researchers(first: $n) { edges { node {
      works(first: $n) { edges { node {
        authors(first: $n) { researcher { name } }
      } } }
    } } }
  }
"""


def test_too_large_a_request_is_refused_before_any_statement(client: TestClient) -> None:
    refused = gql(client, TOO_LARGE, n=100)
    allowed = gql(client, TOO_LARGE, n=10)

    assert refused.codes == ["BAD_USER_INPUT"]
    assert "1,010,100 items, more than the limit of 50,000" in refused.errors[0]["message"]
    assert refused.data is None
    assert refused.statements == refused.round_trips == 0
    assert refused.body["extensions"]["cost"] == {
        "statements": 0,
        "roundTrips": 0,
        "estimatedItems": 1_010_100,
        "maxItems": 50_000,
        "work": refused.body["extensions"]["cost"]["work"],
        "maxWork": TEST_SETTINGS["max_work"],
    }
    assert allowed.errors == []
    assert allowed.statements == allowed.round_trips == 1


def test_a_known_document_is_estimated_as_a_new_one(client: TestClient) -> None:
    """The second time, the document is looked up, not parsed or walked again."""
    document = TOO_LARGE.replace("query (", "query KnownTwice(")
    first, second = gql(client, document, n=100), gql(client, document, n=100)
    small_first, small_second = gql(client, document, n=3), gql(client, document, n=3)

    assert first.body == second.body
    assert small_first.body["extensions"] == small_second.body["extensions"]
    assert small_second.body["extensions"]["cost"]["estimatedItems"] == 3 + 9 + 27


REPRODUCER = """query ($ids: [ID!]!, $n: Int = 100) { nodes(ids: $ids) { ...on Researcher {
  works(first: $n) { edges { node { title authors(first: $n) { researcher { name } } } } }
} } }"""


def test_defaults_and_lists_of_ids_cannot_bypass_the_limit(generated_client: TestClient) -> None:
    """Issue 12, row 2: with the default of $n unread and `ids` uncounted, this was
    estimated at 420 items and answered 59,042."""
    hubs = gql(
        generated_client,
        "{ researchers(first: 100, orderBy: {field: WORKS_COUNT}) { edges { node { id } } } }",
    )
    ids = [edge["node"]["id"] for edge in hubs.data["researchers"]["edges"]]

    refused = gql(generated_client, REPRODUCER, ids=ids)
    smaller = gql(generated_client, REPRODUCER, ids=ids, n=5)

    assert len(ids) == 100
    assert refused.codes == ["BAD_USER_INPUT"]
    assert refused.data is None and refused.statements == 0
    assert refused.body["extensions"]["cost"]["estimatedItems"] == 100 + 100 * 100 + 100**3
    assert smaller.errors == []
    returned = answer_items(smaller.data)
    assert (
        100 < returned <= smaller.body["extensions"]["cost"]["estimatedItems"] == 100 + 500 + 2500
    )


def aliased_introspection(copies: int) -> str:
    full = get_introspection_query()
    selection = full[full.index("__schema") : full.index("fragment FullType")].rstrip()[:-1]
    fragments = full[full.index("fragment FullType") :]
    aliased = " ".join(f"a{copy}: {selection}" for copy in range(copies))
    return f"query {{ {aliased} }} {fragments}"


def test_aliased_introspection_is_counted(client: TestClient) -> None:
    """Issue 12, row 3: 30 aliased introspections answered 3 MB; now each counts."""
    refused = gql(client, aliased_introspection(30))
    one = gql(client, aliased_introspection(1))

    assert refused.codes == ["BAD_USER_INPUT"]
    assert refused.data is None
    assert refused.body["extensions"]["cost"]["estimatedItems"] > 30 * 1000
    assert one.errors == []
    assert len(one.data["a0"]["types"]) == len(SCHEMA.type_map)
    assert answer_items(one.data) <= one.body["extensions"]["cost"]["estimatedItems"]
