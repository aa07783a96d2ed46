"""Queries generated from the live schema, sent through the real app: the estimate is
never below the items an answer holds, nor the declared work below the rows its statements
read as Neo4j's PROFILE counts them (tests/profiled.py), no accepted answer holds more
than the limit, no root field runs more than one statement, and no query makes the server
fail or leak a message (the schema's fuzzing). Every list field with every argument and their
combinations: tests/test_list_combinations.py."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from graphql import OperationDefinitionNode, print_ast
from hypothesis import HealthCheck, Phase, given, settings
from starlette.testclient import TestClient

from core.global_ids import encode_id
from tests.conftest import GENERATED_HUB
from tests.default_schema import SCHEMA
from tests.generated_queries import CODES, MASKED, Request, answer_items, generated
from tests.profiled import profiled

LIMITED = settings(
    derandomize=True,
    database=None,
    deadline=None,
    max_examples=40,
    phases=[Phase.explicit, Phase.generate],  # shrinking would run statements for minutes
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)


def graph_ids(client: TestClient) -> list[str]:
    """Ids of nodes the graph holds (the most productive researchers first), and ones it
    does not."""
    response = client.post(
        "/graphql",
        json={
            "query": "{ researchers(first: 5, orderBy: {field: WORKS_COUNT}) { edges { node { id } } }"
            " works(first: 5) { edges { node { id } } } topics(first: 3) { edges { node { id } } }"
            " institutions(first: 3) { edges { node { id } } } }"
        },
    ).json()
    found = [edge["node"]["id"] for root in response["data"].values() for edge in root["edges"]]
    return [*found, encode_id("Researcher", GENERATED_HUB), encode_id("Work", "absent"), "x"]


@dataclass(frozen=True)
class Graph:
    client: TestClient
    ids: list[str]


@pytest.fixture(scope="module", params=["client", "generated_client"])
def graph(request: pytest.FixtureRequest) -> Graph:
    client: TestClient = request.getfixturevalue(request.param)
    return Graph(client, graph_ids(client))


def check(graph: Graph, request: Request) -> None:
    """What every generated query must satisfy, and the same again when the document is
    known and takes the fast path."""
    client = graph.client
    body = {"query": print_ast(request.document), "variables": request.variables}
    answers = []
    for _ in range(2):
        with profiled(client.app.state.db) as reads:  # type: ignore[attr-defined]
            answers.append(client.post("/graphql", json=body))
        work = answers[-1].json().get("extensions", {}).get("cost", {}).get("work")
        if reads:
            assert work is not None, body
            assert sum(reads) <= work, body
    for response in answers:
        assert response.status_code < 500, response.text
        answer = response.json()
        for error in answer.get("errors") or ():
            code = error.get("extensions", {}).get("code")
            assert code in CODES, error
            if code == "INTERNAL_SERVER_ERROR":
                assert error["message"] == MASKED, error
        cost = answer.get("extensions", {}).get("cost", {})
        items = answer_items(answer.get("data"))
        if answer.get("data") is not None:
            assert items <= cost["estimatedItems"], body
            assert items <= cost["maxItems"], body
        if cost:
            assert cost["statements"] <= root_fields(request), body
    first, second = (response.json().get("extensions", {}).get("cost") for response in answers)
    if first is not None and second is not None:
        assert first["estimatedItems"] == second["estimatedItems"], body


def root_fields(request: Request) -> int:
    operation = request.document.definitions[0]
    assert isinstance(operation, OperationDefinitionNode)
    return len(operation.selection_set.selections)


def test_generated_queries(graph: Graph) -> None:
    @LIMITED
    @given(generated(SCHEMA, graph.ids))
    def run(request: Request) -> None:
        check(graph, request)

    run()


def test_generated_queries_of_many_nodes(graph: Graph) -> None:
    @LIMITED
    @given(generated(SCHEMA, graph.ids, fields=["nodes"]))
    def run(request: Request) -> None:
        check(graph, request)

    run()


def test_nodes_by_id_project_aggregating_fields(client: TestClient) -> None:
    """Found by the generated queries: a list of nodes whose selection aggregates (here
    collaborators) failed in Neo4j with an implicit grouping key."""
    researcher = graph_ids(client)[0]
    document = """query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Researcher {
      collaborators(first: 2) { researcher { name } works { title } } } } }"""

    response = client.post("/graphql", json={"query": document, "variables": {"ids": [researcher]}})

    assert response.json().get("errors") is None
    assert response.json()["data"]["nodes"][0]["collaborators"]
