"""Requests are sized from their shape; ones that could return too much never run."""

from __future__ import annotations

from typing import Any

import pytest
from graphql import parse
from starlette.testclient import TestClient

from schema.cost import estimate_items
from schema.schema import build_schema
from server.settings import Settings
from tests.conftest import gql

SCHEMA = build_schema(Settings(_env_file=None))._schema


def items(document: str, **variables: Any) -> int:
    return estimate_items(SCHEMA, parse(document), None, variables, default_page=20)


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ("{ __typename }", 0),
        ('{ researcher(orcid: "0000-0002-1825-0097") { name } }', 0),
        ("{ works(first: 5) { edges { node { title } } } }", 5),
        ("{ works { edges { node { title } } } }", 20),
        ("{ works(first: 10) { edges { node { authors(first: 3) { position } } } } }", 10 + 30),
        (
            "{ researchers(first: 10) { edges { node { works(first: 10) { edges { node {"
            " authors { researcher { name } } } } } } } } }",
            10 + 100 + 2000,
        ),
        (
            '{ work(id: "x") { references(first: 10) { edges { node {'
            " citedBy(first: 5) { totalCount } } } } } }",
            10 + 50,
        ),
        ('{ work(id: "x") { citedBy { edges { node { references { totalCount } } } } } }', 420),
        ('{ graph(center: "x", depth: 2, limitPerKind: 5) { nodes { id } } }', 1 + 4 * 2 * 5),
        (
            "{ works(first: 2) { edges { node { ...slice } } } }"
            " fragment slice on Work { graph(depth: 1, limitPerKind: 10) { nodes { id } } }",
            2 + 2 * 41,
        ),
        (
            '{ search(query: "x", first: 4) { node { ... on Work { authors(first: 5) { position } } } } }',
            4 + 20,
        ),
    ],
)
def test_page_sizes_multiply_down_the_tree(document: str, expected: int) -> None:
    assert items(document) == expected


def test_variables_size_the_pages() -> None:
    document = "query ($n: Int) { works(first: $n) { edges { node { authors(first: $n) { position } } } } }"

    assert items(document, n=7) == 7 + 49
    assert items(document) == 20 + 400


def test_the_estimate_is_reported(client: TestClient) -> None:
    response = gql(client, "{ works(first: 3) { edges { node { title } } } }")

    assert response.errors == []
    assert response.body["extensions"]["cost"]["estimatedItems"] == 3


def test_too_large_a_request_is_refused_before_any_statement(client: TestClient) -> None:
    document = """
      query ($n: Int) {
        researchers(first: $n) { edges { node {
          works(first: $n) { edges { node {
            authors(first: $n) { researcher { name } }
          } } }
        } } }
      }
    """

    refused = gql(client, document, n=100)
    allowed = gql(client, document, n=10)

    assert refused.codes == ["BAD_USER_INPUT"]
    assert "1,010,100 items, more than the limit of 50,000" in refused.errors[0]["message"]
    assert refused.data is None
    assert refused.statements == refused.round_trips == 0
    assert allowed.errors == []
    assert allowed.statements == allowed.round_trips == 1
