"""The `peergraph` command: one-line refusals of wrong settings, and `users promote`."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

from starlette.testclient import TestClient

from server.cli import build_parser
from server.settings import Settings
from tests.conftest import gql, sign_up


def run_cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "server.cli", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        check=False,
        timeout=60,
    )


def test_a_wrong_setting_stops_start_up_with_one_line() -> None:
    result = run_cli("migrate", PEERGRAPH_PORT="eighty")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("peergraph: invalid configuration: port")


def test_a_wrong_neo4j_uri_is_refused() -> None:
    result = run_cli("serve", NEO4J_URI="http://localhost:7474", NEO4J_PASSWORD="x")
    assert result.returncode == 1
    assert "NEO4J_URI" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_neo4j_commands_refuse_an_external_server() -> None:
    result = run_cli("neo4j", "status", NEO4J_URI="bolt://db.example:7687", NEO4J_PASSWORD="x")
    assert result.returncode == 1
    assert "not managed by peergraph" in result.stderr


def test_production_refuses_to_start_with_the_default_jwt_secret() -> None:
    result = run_cli("serve", PEERGRAPH_ENVIRONMENT="production")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("peergraph: invalid configuration: jwt_secret:")
    assert "PEERGRAPH_JWT_SECRET" in lines[0]


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
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                parsers += [(f"{name} {sub}", child) for sub, child in action.choices.items()]
            elif not action.help:
                undocumented.append(f"{name}: {action.dest}")
    assert undocumented == []
