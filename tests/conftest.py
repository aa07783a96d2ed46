"""A real Neo4j for the whole session: the managed server on a free port, or
PEERGRAPH_TEST_NEO4J_URI (its database is wiped, so never point it at real data)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from starlette.testclient import TestClient
from starlette.types import ASGIApp

from core.global_ids import encode_id
from resolvers.aggregates import Moment, Touched, verify
from resolvers.database import Row, Transaction
from resolvers.migrations import apply_migrations
from seed.bulk import LoadReport, load_generated
from seed.generator import HUB_KEY
from seed.loader import load_seed
from server.app import create_app
from server.connection import database_for
from server.neo4j_local import ManagedNeo4j
from server.settings import Settings

# The browser tests' servers and pages (web_base, generated_base, page).
pytest_plugins = ["tests.browser"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# What every test server differs in from production. argon2id at its cheapest: the tests
# hash hundreds of passwords, production a few.
TEST_SETTINGS: dict[str, Any] = {
    "argon2_time_cost": 1,
    "argon2_memory_cost": 1024,
    "argon2_parallelism": 1,
    # Every test client shares one address, and the suite sends in a minute what no one
    # client should: tests/test_fair_share.py sets budgets of its own.
    "rate_budget_anonymous": 10**15,
    "rate_budget_signed_in": 10**15,
    # The tests ask for every field of every node and every combination of lists, which
    # by the graph's statistics may read more than a request should: tests/test_work.py
    # sets a limit of its own.
    "max_work": 10**12,
}
# Every app a test makes, in this process or a `serve` it starts, would plan the web app's
# documents before it listens: tests/test_warm_up.py turns that on where it is the subject.
os.environ.setdefault("PEERGRAPH_WARM_UP_SECONDS", "0")


def managed_settings(home: Path) -> Settings:
    return Settings(
        _env_file=None,
        neo4j_uri=None,
        neo4j_password=None,
        neo4j_home=home,
        neo4j_bolt_port=free_port(),
        **TEST_SETTINGS,
    )


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    uri = os.environ.get("PEERGRAPH_TEST_NEO4J_URI")
    if uri:
        yield Settings(
            _env_file=None,
            neo4j_uri=uri,
            neo4j_password=os.environ["PEERGRAPH_TEST_NEO4J_PASSWORD"],
            **TEST_SETTINGS,
        )
        return
    with managed_server(managed_settings(tmp_path_factory.mktemp("neo4j"))) as settings:
        yield settings


@pytest.fixture(scope="session")
def own_neo4j(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    """A seeded managed Neo4j apart from the session's, for tests that freeze, stop and
    start a server or replace its database (tests/test_openalex_bulk.py); each leaves it
    running, and seeded."""
    if os.environ.get("PEERGRAPH_TEST_NEO4J_URI"):
        pytest.skip("stopping Neo4j needs a managed server; PEERGRAPH_TEST_NEO4J_URI is not")
    with managed_server(managed_settings(tmp_path_factory.mktemp("own"))) as settings:
        # Migrated and warm: on a cold server a first write can take longer than the short
        # query timeouts these tests set.
        seed_database(settings)
        yield settings


@contextlib.contextmanager
def managed_server(settings: Settings) -> Iterator[Settings]:
    """The managed Neo4j of these settings, running for the block, then thrown away."""
    server = ManagedNeo4j(settings)
    server.start()
    try:
        yield settings
    finally:
        discard(server)


def discard(server: ManagedNeo4j) -> None:
    """Stops a test's server without the clean shutdown (a checkpoint, seconds each)
    that a home nobody opens again does not need."""
    server.stop(timeout=0)


def run_on_db(settings: Settings, name: str, parameters: dict[str, Any] | None = None) -> list[Row]:
    async def run() -> list[Row]:
        async with database_for(settings) as db:
            return await db.write(name, parameters)

    return asyncio.run(run())


def keep_aggregates(
    settings: Settings, works: list[str] | None = None, researchers: list[str] | None = None
) -> None:
    """What a write path does after it writes: keeps the aggregates of what a test's own
    statement wrote (by key)."""

    async def run() -> None:
        async with database_for(settings) as db:

            async def work(tx: Transaction) -> None:
                touched = Touched()
                await touched.read(
                    tx, Moment.AFTER, works=works or [], researchers=researchers or []
                )
                await touched.keep(tx)

            await db.write_transaction(work)

    asyncio.run(run())


def kept_differences(settings: Settings) -> list[Row]:
    """What `peergraph verify aggregates` reports: every kept aggregate that differs from
    the one counted again from the graph."""

    async def run() -> list[Row]:
        async with database_for(settings) as db:
            return await verify(db)

    return asyncio.run(run())


def seed_database(settings: Settings, migrate: bool = True) -> None:
    """The seed loaded, after the migrations unless `migrate` is False (they are in
    place already, and a test's clean-up need not check two dozen of them again)."""

    async def run() -> None:
        async with database_for(settings) as db:
            if migrate:
                await apply_migrations(db)
            await load_seed(db)

    asyncio.run(run())


@pytest.fixture(scope="session")
def seeded(settings: Settings) -> Settings:
    run_on_db(settings, "test/wipe")
    seed_database(settings)
    return settings


@pytest.fixture(scope="module")
def seed_back_after(settings: Settings) -> Iterator[None]:
    """For a module whose tests wipe the session's graph: the seed is back after it."""
    yield
    run_on_db(settings, "test/wipe")
    seed_database(settings)


@pytest.fixture
def empty(settings: Settings, seed_back_after: None) -> Settings:
    """The session's graph, wiped; the seed comes back when the module is done."""
    run_on_db(settings, "test/wipe")
    return settings


@contextlib.contextmanager
def uvicorn_in_thread(app: ASGIApp, **options: Any) -> Iterator[int]:
    """`app` under a real uvicorn in a thread, on a free port (yielded): the test client
    reads a whole body before the app sees it, a socket does not."""
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error", **options)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        if not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield port
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def served(seeded: Settings) -> Iterator[int]:
    with uvicorn_in_thread(create_app(seeded)) as port:
        yield port


@pytest.fixture(scope="session")
def client(seeded: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(seeded)) as client:
        yield client


# The generated graph: a second managed server holding generate(GENERATED_WORKS,
# GENERATED_SEED) and nothing else. Its hub, GENERATED_HUB, has 150 works (5%).
GENERATED_WORKS = 3000
GENERATED_SEED = 7
GENERATED_HUB = HUB_KEY


@dataclass(frozen=True)
class GeneratedGraph:
    settings: Settings
    report: LoadReport


@pytest.fixture(scope="session")
def generated_graph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GeneratedGraph]:
    if os.environ.get("PEERGRAPH_TEST_NEO4J_URI"):
        pytest.skip("the generated graph needs a second database; PEERGRAPH_TEST_NEO4J_URI is one")
    settings = managed_settings(tmp_path_factory.mktemp("neo4j-generated"))
    server = ManagedNeo4j(settings)
    server.start()

    async def load() -> LoadReport:
        async with database_for(settings) as db:
            return await load_generated(db, GENERATED_WORKS, GENERATED_SEED)

    try:
        yield GeneratedGraph(settings, asyncio.run(load()))
    finally:
        discard(server)


@pytest.fixture(scope="session")
def generated(generated_graph: GeneratedGraph) -> Settings:
    return generated_graph.settings


@pytest.fixture(scope="session")
def generated_client(generated: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(generated)) as client:
        yield client


class GraphQLResponse:
    def __init__(self, body: dict[str, Any]) -> None:
        self.body = body
        self.data: Any = body.get("data")
        self.errors: list[dict[str, Any]] = body.get("errors") or []
        cost = body.get("extensions", {}).get("cost", {})
        self.statements: int = cost.get("statements", 0)
        self.round_trips: int = cost.get("roundTrips", 0)

    @property
    def codes(self) -> list[str]:
        return [error.get("extensions", {}).get("code", "") for error in self.errors]


def gql(
    client: TestClient, document: str, *, bearer: str | None = None, **variables: Any
) -> GraphQLResponse:
    headers = {} if bearer is None else {"Authorization": f"Bearer {bearer}"}
    response = client.post(
        "/graphql", json={"query": document, "variables": variables}, headers=headers
    )
    return GraphQLResponse(response.json())


@pytest.fixture
def broken_work(seeded: Settings) -> Iterator[str]:
    """The id of a work whose stored type no resolver expects: an unexpected error."""
    run_on_db(seeded, "test/broken_work")
    keep_aggregates(seeded, works=["test:broken"])
    yield encode_id("Work", "test:broken")
    run_on_db(seeded, "test/delete_broken_work")


@pytest.fixture
def bare_work(seeded: Settings) -> Iterator[str]:
    """A work with a title and no year, type, venue or openAccess."""
    run_on_db(seeded, "test/bare_work")
    keep_aggregates(seeded, works=["test:bare"])
    yield encode_id("Work", "test:bare")
    run_on_db(seeded, "test/delete_bare_work")


# People on the platform. Tests that create accounts take the `people` fixture, which
# removes every account (with its follows, claims, invitations and login attempts) and
# restores the seed's profile fields afterwards, so the seed page reads as imported.
PASSWORD = "correct horse battery staple"
SEED_RESEARCHER = "anirbit-mukherjee"

REGISTER = """
mutation ($email: String!, $password: String!, $name: String!) {
  register(email: $email, password: $password, name: $name) { id email }
}"""
LOGIN = """
mutation ($email: String!, $password: String!) {
  login(email: $email, password: $password) { token expiresAt }
}"""


@pytest.fixture
def people(seeded: Settings) -> Iterator[Settings]:
    yield seeded
    run_on_db(seeded, "test/wipe_people")
    # the accounts went; the seed puts back the profile fields they edited
    seed_database(seeded, migrate=False)


def sign_up(client: TestClient, email: str, name: str = "A Person") -> str:
    """Registers and logs in; the access token."""
    registered = gql(client, REGISTER, email=email, password=PASSWORD, name=name)
    assert registered.errors == [], registered.errors
    return log_in(client, email)


def log_in(client: TestClient, email: str, password: str = PASSWORD) -> str:
    response = gql(client, LOGIN, email=email, password=password)
    assert response.errors == [], response.errors
    return str(response.data["login"]["token"])


def promote(settings: Settings, email: str) -> None:
    """What `peergraph users promote EMAIL` does."""
    assert run_on_db(settings, "accounts/promote", {"email": email})


def sign_up_moderator(client: TestClient, settings: Settings, email: str) -> str:
    sign_up(client, email, name="Moderator")
    promote(settings, email)
    return log_in(client, email)


def fingerprint(settings: Settings) -> Row:
    return run_on_db(settings, "test/graph_fingerprint")[0]


def whole_graph(settings: Settings) -> tuple[int, list[str], int, list[str]]:
    """The whole graph, independent of the order nodes, relationships and their properties
    were created in."""
    found = fingerprint(settings)

    def canonical(item: list[Any]) -> str:
        return repr([sorted(part.items()) if isinstance(part, dict) else part for part in item])

    return (
        found["nodes"],
        sorted(canonical(node) for node in found["nodeData"]),
        found["relationships"],
        sorted(canonical(relationship) for relationship in found["relationshipData"]),
    )
