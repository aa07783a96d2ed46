"""The `peergraph` command refuses a wrong setting with one line."""

from __future__ import annotations

import os
import subprocess
import sys


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
