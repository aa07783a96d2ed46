"""The managed server: its files, start/stop/status, one-line refusals to start, and the
API riding out an outage."""

from __future__ import annotations

import stat
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from server.app import create_app
from server.neo4j_local import ManagedNeo4j
from server.settings import Settings
from tests.conftest import free_port, gql, run_on_db
from tests.test_cli import database_env, refusal, run_cli


def test_config_is_loopback_only_with_http_off(settings: Settings) -> None:
    if not settings.managed:
        pytest.skip("tests run against NEO4J_URI")
    server = ManagedNeo4j(settings)
    conf = (server.home / "conf" / "neo4j.conf").read_text()
    assert "server.default_listen_address=127.0.0.1" in conf
    assert f"server.bolt.listen_address=127.0.0.1:{settings.neo4j_bolt_port}" in conf
    assert "server.http.enabled=false" in conf
    assert "dbms.usage_report.enabled=false" in conf
    assert stat.S_IMODE((server.home / "password").stat().st_mode) == 0o600


def test_start_when_running_only_reports(settings: Settings) -> None:
    if not settings.managed:
        pytest.skip("tests run against NEO4J_URI")
    server = ManagedNeo4j(settings)
    assert server.start() is False
    status = server.status()
    assert status.running and status.version == settings.neo4j_version
    assert status.uri == f"bolt://127.0.0.1:{settings.neo4j_bolt_port}"


def wait_for_constraints(settings: Settings) -> list[str]:
    """Start-up applies migrations in the background; give it a moment."""
    deadline = time.monotonic() + 30
    while True:
        names: list[str] = run_on_db(settings, "test/constraint_names")[0]["names"]
        if names or time.monotonic() > deadline:
            return names
        time.sleep(0.2)


@pytest.fixture
def own_server(own_neo4j: Settings) -> Iterator[ManagedNeo4j]:
    server = ManagedNeo4j(own_neo4j)
    yield server
    server.start()  # running again for the next test, whatever this one left


def test_outage_gives_database_unavailable_and_the_api_recovers(own_server: ManagedNeo4j) -> None:
    query = "{ works(first: 1) { totalCount } }"
    with TestClient(create_app(own_server.settings)) as client:
        assert client.get("/readyz").status_code == 200
        assert "researcher_key" in wait_for_constraints(own_server.settings)
        assert gql(client, query).errors == []

        assert own_server.stop() is True
        assert own_server.status().running is False
        assert client.get("/healthz").status_code == 200
        unready = client.get("/readyz")
        assert unready.status_code == 503
        assert "not running" in unready.json()["reason"]
        assert "peergraph neo4j start" in unready.json()["reason"]
        down = gql(client, query)
        assert down.codes == ["DATABASE_UNAVAILABLE"]
        assert "Traceback" not in str(down.body)

        assert own_server.start() is True
        assert client.get("/readyz").status_code == 200
        assert gql(client, query).errors == []


def test_start_without_java_says_so_in_one_line(tmp_path: Path) -> None:
    home = tmp_path / "neo4j"
    env = {"PEERGRAPH_NEO4J_HOME": str(home), "PEERGRAPH_NEO4J_BOLT_PORT": str(free_port())}
    line = refusal(run_cli("neo4j", "start", PATH=str(tmp_path), **env))
    assert "'java' was not found on PATH" in line and "NEO4J_URI" in line


def test_start_on_a_taken_bolt_port_names_the_port(settings: Settings, tmp_path: Path) -> None:
    if not settings.managed:
        pytest.skip("tests run against NEO4J_URI")
    # Another Neo4j (the session's) answers on that port, with a password of its own.
    home = tmp_path / "neo4j"
    env = {
        "PEERGRAPH_NEO4J_HOME": str(home),
        "PEERGRAPH_NEO4J_BOLT_PORT": str(settings.neo4j_bolt_port),
    }
    line = refusal(run_cli("neo4j", "start", **env))
    assert f"port {settings.neo4j_bolt_port} is taken" in line
    assert "PEERGRAPH_NEO4J_BOLT_PORT" in line and "password" not in line
    assert not home.exists()


def test_a_compose_env_file_leaves_the_managed_password_alone(
    settings: Settings, tmp_path: Path
) -> None:
    if not settings.managed:
        pytest.skip("tests run against NEO4J_URI")
    (tmp_path / ".env").write_text("NEO4J_PASSWORD=written-for-docker-compose\n")
    started = run_cli("neo4j", "start", cwd=str(tmp_path), **database_env(settings))
    assert started.returncode == 0, started.stderr
    assert started.stdout.startswith("Neo4j is already running at")
    migrated = run_cli("migrate", cwd=str(tmp_path), **database_env(settings))
    assert migrated.returncode == 0, migrated.stderr
