"""The cost of a request is fixed by its shape: one statement per level, whatever the page size."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from schema.ids import encode_id
from tests.conftest import gql

NESTED = """
query ($first: Int!) {
  researchers(first: $first) {
    edges { node { name works { edges { node { title authors { researcher { name } } } } } } }
  }
}
"""


@pytest.mark.parametrize("first", [1, 3, 7])
def test_nested_lists_cost_one_statement_per_level(client: TestClient, first: int) -> None:
    response = gql(client, NESTED, first=first)
    assert response.errors == []
    assert len(response.data["researchers"]["edges"]) == first
    assert response.statements == 3


def test_counts_and_stats_are_batched_and_run_only_when_selected(client: TestClient) -> None:
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
    # page + stats (shared by stats and trust) + works page
    assert without.statements == 3
    # + root count + one batched works count
    assert with_counts.statements == 5
    # each count starts beside its page: no round trip of its own
    assert with_counts.round_trips == without.round_trips == 2


def test_profile_query_is_a_fixed_number_of_statements(client: TestClient) -> None:
    query = """
    query ($id: ID!) {
      researcher(id: $id) {
        name affiliation { name } stats { works } trust { score }
        topics { topic { name } } collaborators { researcher { name } }
        works { totalCount edges { node { title authors { researcher { name } institutions { name } } topics { topic { name } } } } }
      }
    }"""
    response = gql(client, query, id=encode_id("Researcher", "anirbit-mukherjee"))
    assert response.errors == []
    # researcher, affiliation, stats, topics, collaborators, works, works count, authors, work topics
    assert response.statements == 9
    # the researcher; then everything under it, the works count beside its page; then
    # what the works hold
    assert response.round_trips == 3


def test_stats_counts_start_together(client: TestClient) -> None:
    query = """
    query ($id: ID!) {
      researcher(id: $id) { stats { works followers topics closeCollaborators } }
    }"""
    response = gql(client, query, id=encode_id("Researcher", "anirbit-mukherjee"))
    assert response.errors == []
    assert response.statements == 4
    assert response.round_trips == 2
