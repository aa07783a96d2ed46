"""The warm-up (resolvers/warm_up.py): by the time the server takes its first request,
every persisted query is compiled for the shapes the web app's pages send and Neo4j has
planned its statements; a database that is not there, or a time cap that runs out,
costs start-up a log line and nothing else."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from core.global_ids import encode_id
from resolvers.warm_up import OMITTED, SAMPLE_VIEWER, samples
from schema.schema import build_schema
from server.app import create_app
from server.persisted import document_hash
from server.settings import Settings
from tests.conftest import LOGIN, PASSWORD, REGISTER, free_port, gql
from tests.web_dist import build_dist
from tests.web_documents import web_documents

# Not a page of the web app: the signed-in user's own record, whose statement exists
# only for a signed-in viewer.
ME = "query Me { viewer { id name email } }"


DOCUMENTS = {**web_documents(), "Me": ME}
QUERIES = [name for name, text in DOCUMENTS.items() if re.search(rf"^query {name}\b", text, re.M)]


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_dist(tmp_path_factory.mktemp("dist"), list(DOCUMENTS.values()))


def by_id(name: str, variables: dict[str, Any]) -> dict[str, Any]:
    """A request as the web app sends it: the document's id, its operation's name."""
    return {
        "documentId": f"sha256:{document_hash(DOCUMENTS[name])}",
        "operationName": name,
        "variables": variables,
    }


@pytest.fixture(scope="module")
def ids(client: TestClient) -> dict[str, Any]:
    found = gql(
        client,
        """{ researchers(first: 2) { edges { node { id } } }
             works(first: 1) { edges { node { id } } }
             topics(first: 1) { edges { node { id } } }
             institutions(first: 1) { edges { node { id } } } }""",
    ).data
    first = {kind: found[kind]["edges"][0]["node"]["id"] for kind in found}
    return {**first, "second researcher": found["researchers"]["edges"][1]["node"]["id"]}


def page_requests(ids: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """The queries the web app sends, with the variables its pages give them."""
    nodes = [ids[kind] for kind in ("researchers", "works", "topics", "institutions")]
    kinds = ["RESEARCHER", "WORK", "TOPIC", "INSTITUTION"]
    return [
        ("ResearcherPage", {"id": ids["researchers"]}),
        ("WorkPage", {"id": ids["works"]}),
        ("TopicPage", {"id": ids["topics"]}),
        ("InstitutionPage", {"id": ids["institutions"]}),
        ("Search", {"query": "graph neural networks"}),
        ("CollaborationPath", {"from": ids["researchers"], "to": ids["second researcher"]}),
        *[("GraphSlice", {"center": node, "limitPerKind": 10}) for node in nodes],
        *[
            ("Neighbors", {"id": node, "kinds": kinds, "first": 12, "after": None})
            for node in nodes
        ],
    ]


# Time enough on any machine: these tests are about what the warm-up does, not how fast.
PATIENT = 600.0


@pytest.fixture
def warmed(seeded: Settings, dist: Path, caplog: pytest.LogCaptureFixture) -> Iterator[TestClient]:
    caplog.set_level(logging.INFO, logger="peergraph")
    app = create_app(seeded.model_copy(update={"web_dist": dist, "warm_up_seconds": PATIENT}))
    with TestClient(app) as client:
        yield client


def compiled(client: TestClient) -> int:
    count: int = client.app.state.plans.compiled  # type: ignore[attr-defined]
    return count


def test_the_pages_first_requests_compile_nothing(
    warmed: TestClient, ids: dict[str, Any], caplog: pytest.LogCaptureFixture
) -> None:
    logged = caplog.get_records("setup")  # the warm-up ran as the app started
    summary = next(r.message for r in logged if r.message.startswith("warm-up: "))
    found = re.search(r"(\d+) plans compiled, (\d+) of (\d+) statements planned", summary)
    assert found is not None, summary
    plans, planned, statements = map(int, found.groups())
    assert plans == compiled(warmed) > 0
    assert planned == statements >= len(QUERIES)  # each query one statement or more

    for name, variables in page_requests(ids):
        response = warmed.post("/graphql", json=by_id(name, variables))
        assert response.status_code == 200, name
        assert "errors" not in response.json(), (name, response.json())
    assert compiled(warmed) == plans


def test_a_signed_in_viewers_shape_is_compiled_too(warmed: TestClient, people: Settings) -> None:
    before = compiled(warmed)
    email = "warm@example.org"
    gql(warmed, REGISTER, email=email, password=PASSWORD, name="Warm Up")
    token = gql(warmed, LOGIN, email=email, password=PASSWORD).data["login"]["token"]
    after_sign_in = compiled(warmed)  # the mutations' documents are not persisted ones

    me = warmed.post("/graphql", json=by_id("Me", {}), headers={"Authorization": f"Bearer {token}"})
    assert me.json()["data"]["viewer"]["email"] == email
    anonymous = warmed.post("/graphql", json=by_id("Me", {}))
    assert anonymous.json()["data"] == {"viewer": None}
    assert compiled(warmed) == after_sign_in >= before


def test_an_unreachable_database_leaves_start_up_to_go_on(
    seeded: Settings, dist: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = seeded.model_copy(
        update={
            "web_dist": dist,
            "neo4j_uri": f"bolt://127.0.0.1:{free_port()}",
            "neo4j_password": "not-used",
            "warm_up_seconds": PATIENT,
        }
    )
    caplog.set_level(logging.INFO, logger="peergraph")
    with TestClient(create_app(settings)) as client:
        assert client.get("/healthz").status_code == 200
        assert client.get("/readyz").status_code == 503
    stopped = [r.message for r in caplog.records if r.message.startswith("warm-up stopped")]
    assert len(stopped) == 1
    assert "unavailable" in stopped[0] and " 0 of " in stopped[0]


def test_a_time_cap_that_runs_out_leaves_the_rest_to_their_first_request(
    seeded: Settings, dist: Path, ids: dict[str, Any], caplog: pytest.LogCaptureFixture
) -> None:
    app = create_app(seeded.model_copy(update={"web_dist": dist, "warm_up_seconds": 1e-6}))
    caplog.set_level(logging.INFO, logger="peergraph")
    with TestClient(app) as client:
        before = compiled(client)
        page = client.post("/graphql", json=by_id("WorkPage", {"id": ids["works"]}))
        assert page.json()["data"]["work"]["id"] == ids["works"]
        assert compiled(client) == before + 1
    # out of time, whether the cap or the wait for a turn at Neo4j noticed it first
    assert any(r.message.startswith("warm-up stopped (") for r in caplog.records)


def test_no_warm_up_without_persisted_documents(
    seeded: Settings, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="peergraph")
    with TestClient(create_app(seeded.model_copy(update={"web_dist": tmp_path}))) as client:
        assert compiled(client) == 0
    assert not [r for r in caplog.records if r.message.startswith("warm-up")]


def test_samples_cover_each_kind_of_node_and_both_viewers(seeded: Settings) -> None:
    from graphql import OperationDefinitionNode, parse

    schema = build_schema(seeded.request_limits(), introspection=False).graphql_schema
    document = parse(
        "query ($id: ID!, $kinds: [NodeKind!], $first: Int = 12) {"
        " neighbors(id: $id, kinds: $kinds, first: $first) { center } }"
    )
    operation = document.definitions[0]
    assert isinstance(operation, OperationDefinitionNode)
    found = list(samples(schema, operation, {"Work": [["a-work", "another-work"]]}))
    assert len(found) == 4 * 2 * 2  # kinds of node, kinds left out or given, viewers
    assert {viewer for _, viewer in found} == {None, SAMPLE_VIEWER}
    assert all("first" not in variables for variables, _ in found)
    assert sum("kinds" not in variables for variables, _ in found) == 8
    # a list as long as a client sends, so that Neo4j plans for its length
    assert {len(variables["kinds"]) for variables, _ in found if "kinds" in variables} == {4}
    assert encode_id("Work", "a-work") in {variables["id"] for variables, _ in found}
    assert OMITTED not in [value for variables, _ in found for value in variables.values()]
