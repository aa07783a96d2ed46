"""The cost of a request is fixed by its shape: one statement per root field, whatever
the page sizes and however deep the nesting."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from core.global_ids import encode_id
from tests.conftest import gql

NESTED = """
query ($first: Int!) {
  researchers(first: $first) {
    edges { node { name works { edges { node { title authors { researcher { name } } } } } } }
  }
}
"""


@pytest.mark.parametrize("first", [1, 3, 7])
def test_nested_lists_cost_one_statement(client: TestClient, first: int) -> None:
    response = gql(client, NESTED, first=first)
    assert response.errors == []
    assert len(response.data["researchers"]["edges"]) == first
    assert response.statements == response.round_trips == 1


def test_counts_and_stats_add_no_statement(client: TestClient) -> None:
    query = """
    query ($first: Int!, $count: Boolean!) {
      researchers(first: $first) {
        totalCount @include(if: $count)
        edges { node { stats { works } trust { score } works { totalCount @include(if: $count) } } }
      }
    }"""
    without = gql(client, query, first=7, count=False)
    with_counts = gql(client, query, first=7, count=True)
    assert without.errors == with_counts.errors == []
    assert "totalCount" not in without.data["researchers"]
    assert with_counts.data["researchers"]["totalCount"] == 7
    assert without.statements == with_counts.statements == 1


def test_profile_query_is_one_statement(client: TestClient) -> None:
    query = """
    query ($id: ID!) {
      researcher(id: $id) {
        name affiliation { name } stats { works followers topics closeCollaborators } trust { score }
        topics { topic { name } }
        works { totalCount edges { node { title authors { researcher { name } institutions { name } } topics { topic { name } } } } }
      }
    }"""
    response = gql(client, query, id=encode_id("Researcher", "anirbit-mukherjee"))
    assert response.errors == []
    assert response.data["researcher"]["stats"]["works"] == 4
    assert response.statements == response.round_trips == 1


def test_root_fields_run_together(client: TestClient) -> None:
    query = """
    query ($id: ID!) {
      a: researcher(id: $id) { name } b: researcher(id: $id) { stats { works } }
      works(first: 2) { totalCount } __typename
    }"""
    response = gql(client, query, id=encode_id("Researcher", "anirbit-mukherjee"))
    assert response.errors == []
    assert response.data["__typename"] == "Query"
    assert response.statements == 3
    assert response.round_trips == 1
