"""The API through a `neo4j://` routing URI, as a cluster or Aura is reached: against the
session's single server, whose routing table names itself as writer, reader and router
(docs/scaling.md)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from neo4j import AsyncNeo4jDriver
from starlette.testclient import TestClient

from core.global_ids import encode_id
from server.app import create_app
from server.connection import connection_for
from server.settings import Settings
from tests.conftest import SEED_RESEARCHER, gql, sign_up

NAME = "query ($id: ID!) { researcher(id: $id) { name stats { works } } }"


@pytest.fixture(scope="module")
def routed(seeded: Settings) -> Iterator[TestClient]:
    connection = connection_for(seeded)
    settings = seeded.model_copy(
        update={
            "neo4j_uri": re.sub(r"^bolt", "neo4j", connection.uri),
            "neo4j_password": connection.password,
            "neo4j_database": connection.database,
        }
    )
    with TestClient(create_app(settings)) as client:
        yield client


def test_the_driver_routes(routed: TestClient) -> None:
    assert isinstance(routed.app.state.db.driver, AsyncNeo4jDriver)  # type: ignore[attr-defined]


def test_reads_go_through_the_routing_table(routed: TestClient, client: TestClient) -> None:
    seed = encode_id("Researcher", SEED_RESEARCHER)
    answer = gql(routed, NAME, id=seed)
    assert answer.errors == []
    assert answer.data == gql(client, NAME, id=seed).data
    assert answer.data["researcher"]["name"] == "Anirbit Mukherjee"
    assert routed.get("/readyz").json() == {"status": "ready"}


def test_writes_go_to_the_writer(routed: TestClient, people: Settings) -> None:
    token = sign_up(routed, "routed-writer@example.org")
    viewer = gql(routed, "{ viewer { email } }", bearer=token)
    assert viewer.data == {"viewer": {"email": "routed-writer@example.org"}}
