"""The `peergraph` command: one-line refusals of wrong settings and of a Neo4j it cannot
use, naming the environment variable to change, and `users promote`."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from server.cli import build_parser
from server.connection import connection_for
from server.settings import Settings
from tests.conftest import free_port, gql, sign_up

ROOT = Path(__file__).resolve().parent.parent


def run_cli(*args: str, cwd: str | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    """`peergraph ARGS` where Neo4j is only what `env` says."""
    inherited = {name: value for name, value in os.environ.items() if not name.startswith("NEO4J_")}
    return subprocess.run(
        [sys.executable, "-m", "server.cli", *args],
        capture_output=True,
        text=True,
        env={**inherited, **env},
        cwd=cwd,
        check=False,
        timeout=60,
    )


def refusal(result: subprocess.CompletedProcess[str]) -> str:
    """The one line a failed command printed."""
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("peergraph: ")
    return lines[0]


def test_a_wrong_setting_stops_start_up_with_one_line() -> None:
    line = refusal(run_cli("migrate", PEERGRAPH_PORT="eighty"))
    assert line.startswith("peergraph: invalid configuration: PEERGRAPH_PORT: ")


def test_a_wrong_neo4j_uri_is_refused() -> None:
    line = refusal(run_cli("serve", NEO4J_URI="http://localhost:7474", NEO4J_PASSWORD="x"))
    assert "NEO4J_URI" in line


def test_serve_refuses_a_neo4j_uri_without_a_password(tmp_path: Path) -> None:
    line = refusal(run_cli("serve", cwd=str(tmp_path), NEO4J_URI="bolt://127.0.0.1:7687"))
    assert line == "peergraph: NEO4J_PASSWORD must be set when NEO4J_URI is set"


def test_neo4j_commands_refuse_an_external_server() -> None:
    result = run_cli("neo4j", "status", NEO4J_URI="bolt://db.example:7687", NEO4J_PASSWORD="x")
    assert result.returncode == 1
    assert "not managed by peergraph" in result.stderr


def test_production_refuses_to_start_with_the_default_jwt_secret() -> None:
    line = refusal(run_cli("serve", PEERGRAPH_ENVIRONMENT="production"))
    assert line.startswith("peergraph: invalid configuration: PEERGRAPH_JWT_SECRET: ")


def database_env(settings: Settings) -> dict[str, str]:
    """How a `peergraph` process reaches the test database."""
    if settings.neo4j_uri is not None:
        return {"NEO4J_URI": settings.neo4j_uri, "NEO4J_PASSWORD": settings.neo4j_password or ""}
    return {
        "PEERGRAPH_NEO4J_HOME": str(settings.neo4j_home),
        "PEERGRAPH_NEO4J_BOLT_PORT": str(settings.neo4j_bolt_port),
    }


def test_users_promote_makes_a_moderator(client: TestClient, people: Settings) -> None:
    token = sign_up(client, "future.mod@example.org")
    result = run_cli("users", "promote", " Future.Mod@example.org", **database_env(people))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "future.mod@example.org is now a moderator"
    assert gql(client, "{ viewer { role } }", bearer=token).data == {
        "viewer": {"role": "MODERATOR"}
    }


def test_users_promote_refuses_an_unknown_email(people: Settings) -> None:
    result = run_cli("users", "promote", "nobody@example.org", **database_env(people))
    assert result.returncode == 1
    assert result.stderr.strip() == "peergraph: no account has the email nobody@example.org"


def test_version_and_help_for_every_command() -> None:
    assert run_cli("--version").stdout.strip() == "peergraph 0.1.0"
    undocumented = []
    parsers = [("peergraph", build_parser())]
    while parsers:
        name, parser = parsers.pop()
        # argparse offers no public way to walk a parser's arguments and sub-commands
        for action in parser._actions:  # noqa: SLF001
            if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
                parsers += [(f"{name} {sub}", child) for sub, child in action.choices.items()]
            elif not action.help:
                undocumented.append(f"{name}: {action.dest}")
    assert undocumented == []


def test_the_checked_in_schema_is_the_one_served() -> None:
    """docs/schema.graphql is what `peergraph schema` prints: regenerate it with
    `peergraph schema > docs/schema.graphql` when the schema changes."""
    result = run_cli("schema")
    assert result.returncode == 0, result.stderr
    assert result.stdout == (ROOT / "docs" / "schema.graphql").read_text(encoding="utf-8")


def test_numbers_and_ports_are_refused_in_words() -> None:
    words = run_cli("generate", "--works", "abc", "--seed", "1")
    assert words.returncode == 2
    assert "argument --works: 'abc' is not a whole number" in words.stderr
    port = run_cli("serve", "--port", "70000")
    assert port.returncode == 2
    assert "argument --port: 70000 is not a port (1 to 65535)" in port.stderr


def external(settings: Settings, **changes: str) -> dict[str, str]:
    """The test database as a NEO4J_URI server, with some of its settings changed."""
    connection = connection_for(settings)
    return {
        "NEO4J_URI": connection.uri,
        "NEO4J_USER": connection.user,
        "NEO4J_PASSWORD": connection.password,
        "NEO4J_DATABASE": connection.database,
        **changes,
    }


def test_a_closed_port_is_named_with_the_variable_to_change() -> None:
    uri = f"bolt://127.0.0.1:{free_port()}"
    line = refusal(run_cli("migrate", NEO4J_URI=uri, NEO4J_PASSWORD="x"))
    assert "connection refused" in line and "NEO4J_URI" in line


def test_an_unknown_host_is_named() -> None:
    uri = "neo4j://no-such-host.invalid:7687"
    line = refusal(run_cli("seed", NEO4J_URI=uri, NEO4J_PASSWORD="x"))
    assert "'no-such-host.invalid'" in line and "does not resolve" in line
    assert "NEO4J_URI" in line


def test_a_wrong_password_is_named(settings: Settings) -> None:
    env = external(settings, NEO4J_PASSWORD="not-the-password")
    line = refusal(run_cli("users", "promote", "someone@example.org", **env))
    assert "refused user" in line and "NEO4J_PASSWORD" in line


def test_a_wrong_database_is_named(settings: Settings) -> None:
    line = refusal(run_cli("migrate", **external(settings, NEO4J_DATABASE="nosuchdatabase")))
    assert "no database 'nosuchdatabase'" in line and "NEO4J_DATABASE" in line


@pytest.mark.parametrize("scheme", ["neo4j+s", "bolt+ssc"])
def test_tls_to_a_plain_server_is_named(settings: Settings, scheme: str) -> None:
    if not settings.managed:
        pytest.skip("the managed server is the one known to speak no TLS")
    uri = f"{scheme}://127.0.0.1:{settings.neo4j_bolt_port}"
    line = refusal(run_cli("migrate", **external(settings, NEO4J_URI=uri)))
    plain = scheme.split("+")[0]
    assert "does not speak TLS" in line and f"use {plain}:// in NEO4J_URI" in line
    assert "retry shortly" not in line


def test_a_managed_server_not_started_is_named(tmp_path: Path) -> None:
    env = {"PEERGRAPH_NEO4J_HOME": str(tmp_path), "PEERGRAPH_NEO4J_BOLT_PORT": str(free_port())}
    line = refusal(run_cli("migrate", **env))
    assert "not running" in line and "peergraph neo4j start" in line
