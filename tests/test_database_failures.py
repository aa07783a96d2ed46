"""`peergraph serve` when its Neo4j is frozen (SIGSTOP) or refuses its password: every
request answers with a code instead of waiting, /readyz says why, and the server keeps
trying. A Neo4j of this module's own: freezing or locking out the session's would stall
every other test."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from server.connection import connection_for
from server.neo4j_local import ManagedNeo4j
from server.settings import Settings
from tests.conftest import (
    LOGIN,
    PASSWORD,
    TEST_SETTINGS,
    free_port,
)
from tests.test_cli import database_env
from tests.test_workers import Served, stop, wait_until_ready

# Long enough that a request still waiting on a frozen Neo4j fails the test, rather than
# finishing in the query timeout (2 s here) and a little.
CLIENT_TIMEOUT = 30.0
START_TIMEOUT = 90.0
WORKS = "{ works(first: 1) { totalCount } }"


@contextlib.contextmanager
def serving(tmp_path: Path, **env: str) -> Iterator[Served]:
    """`peergraph serve` on a free port, listening (ready or not)."""
    port = free_port()
    for_tests = {f"PEERGRAPH_{name.upper()}": str(value) for name, value in TEST_SETTINGS.items()}
    inherited = {name: value for name, value in os.environ.items() if not name.startswith("NEO4J_")}
    log = tmp_path / "serve.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "server.cli", "serve"],
            stdout=output,
            stderr=subprocess.STDOUT,
            env={
                **inherited,
                **for_tests,
                "PEERGRAPH_PORT": str(port),
                "PEERGRAPH_ACCESS_LOG": "false",
                **env,
            },
            start_new_session=True,
        )
    served = Served(process, f"http://127.0.0.1:{port}", log)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while request(served, "/healthz")[0] != 200:
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"serve did not start:\n{served.output()}")
            time.sleep(0.2)
        yield served
    finally:
        stop(process)


def request(served: Served, path: str, body: dict[str, Any] | None = None) -> tuple[int, Any]:
    """(status, JSON body); (0, None) when nothing listens."""
    data = None if body is None else json.dumps(body).encode()
    sent = urllib.request.Request(
        served.base + path, data=data, headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(sent, timeout=CLIENT_TIMEOUT) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())
    except urllib.error.URLError:  # not listening yet
        return 0, None


def graphql(served: Served, document: str, **variables: Any) -> dict[str, Any]:
    status, body = request(served, "/graphql", {"query": document, "variables": variables})
    assert status == 200, body
    answer: dict[str, Any] = body
    return answer


def codes(answer: dict[str, Any]) -> list[str]:
    return [error["extensions"]["code"] for error in answer.get("errors", [])]


@contextlib.contextmanager
def frozen(server: ManagedNeo4j) -> Iterator[None]:
    pid = server.pid()
    assert pid is not None
    os.kill(pid, signal.SIGSTOP)
    try:
        yield
    finally:
        os.kill(pid, signal.SIGCONT)


def answers(served: Served, document: str, attempts: int = 20) -> None:
    """Asks until the API answers without an error: on a loaded machine a statement's first
    run (its planning) may take longer than the short query timeout here."""
    for _ in range(attempts):
        if codes(graphql(served, document)) == []:
            return
        time.sleep(0.5)
    pytest.fail(f"{document} did not succeed in {attempts} attempts:\n{served.output()}")


def test_a_frozen_neo4j_gets_answers_not_hangs(own_neo4j: Settings, tmp_path: Path) -> None:
    with serving(tmp_path, **database_env(own_neo4j), PEERGRAPH_QUERY_TIMEOUT="2") as served:
        wait_until_ready(served)
        answers(served, WORKS)

        with frozen(ManagedNeo4j(own_neo4j)):
            status, body = request(served, "/readyz")
            assert status == 503
            assert "did not answer" in body["reason"]
            assert codes(graphql(served, WORKS)) == ["DATABASE_UNAVAILABLE"]
            login = graphql(served, LOGIN, email="someone@example.org", password=PASSWORD)
            assert codes(login) == ["DATABASE_UNAVAILABLE"]
            # again, on a connection of its own: the last one was given up on
            assert codes(graphql(served, WORKS)) == ["DATABASE_UNAVAILABLE"]

        wait_until_ready(served)
        answers(served, WORKS)
        assert "Traceback" not in served.output(None)


def test_a_wrong_password_gets_503_with_the_reason_and_retries(
    own_neo4j: Settings, tmp_path: Path
) -> None:
    connection = connection_for(own_neo4j)
    env = {"NEO4J_URI": connection.uri, "NEO4J_PASSWORD": "not-" + connection.password}
    with serving(tmp_path, **env) as served:
        status, body = request(served, "/readyz")
        assert status == 503
        assert "refused user 'neo4j'" in body["reason"] and "NEO4J_PASSWORD" in body["reason"]
        assert codes(graphql(served, WORKS)) == ["DATABASE_UNAVAILABLE"]

        # The migrations are not given up: each attempt says why it failed.
        deadline = time.monotonic() + START_TIMEOUT
        while served.output(None).count("migrations wait for Neo4j") < 2:
            assert time.monotonic() < deadline, served.output()
            time.sleep(0.5)
        waits = [line for line in served.output(None).splitlines() if "migrations wait" in line]
        assert all("check NEO4J_USER and NEO4J_PASSWORD" in line for line in waits)
        assert "Traceback" not in served.output(None)
