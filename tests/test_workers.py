"""`peergraph serve` with PEERGRAPH_WORKERS: worker processes behind one port, each with
its own app and its own garbage-collection tuning."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from server.cli import GC_YOUNG_THRESHOLD
from server.connection import connection_for
from server.settings import Settings
from tests.conftest import TEST_SETTINGS, free_port, gql
from tests.test_cli import run_cli

START_TIMEOUT = 90.0  # seconds for the workers to import, connect and answer /readyz
STOP_TIMEOUT = 30.0  # seconds for SIGTERM to stop the parent and its workers
REQUEST_TIMEOUT = 10.0

SEED_ID = "UmVzZWFyY2hlcjphbmlyYml0LW11a2hlcmplZQ"  # Researcher:anirbit-mukherjee
TOTALS = "query ($id: ID!) { researchers { totalCount } node(id: $id) { id } }"
PROFILE = (
    "query ($id: ID!) { researcher(id: $id) { name works(first: 2) { edges { node { year } } } } }"
)


@dataclass
class Served:
    process: subprocess.Popen[bytes]
    base: str
    log: Path

    def output(self, tail: int | None = 4000) -> str:
        text = self.log.read_text(errors="replace")
        return text if tail is None else text[-tail:]


def child_pids(pid: int) -> list[int]:
    """The processes whose parent is pid, from /proc/<n>/stat (any thread may have forked)."""
    children = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # it ended while we looked
            continue
        # "pid (comm) state ppid ...": comm may hold spaces, so split after its ")".
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[1]) == pid:
            children.append(int(entry.name))
    return sorted(children)


def command_line(pid: int) -> str:
    try:
        return (Path("/proc") / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def worker_pids(pid: int) -> list[int]:
    """uvicorn's workers: spawned multiprocessing children (not the resource tracker)."""
    return [child for child in child_pids(pid) if "spawn_main" in command_line(child)]


def get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=REQUEST_TIMEOUT) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def post_graphql(base: str, document: str, **variables: Any) -> dict[str, Any]:
    request = urllib.request.Request(
        f"{base}/graphql",
        data=json.dumps({"query": document, "variables": variables}).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT) as response:
        body: dict[str, Any] = json.loads(response.read())
        return body


def wait_until_ready(served: Served) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if served.process.poll() is not None:
            pytest.fail(f"serve exited with {served.process.returncode}:\n{served.output()}")
        try:
            status, _ = get(f"{served.base}/readyz")
        except OSError:  # not listening yet, or the connection was reset
            status = 0
        if status == 200:
            return
        time.sleep(0.2)
    pytest.fail(f"/readyz did not answer 200 within {START_TIMEOUT:.0f}s:\n{served.output()}")


def started_servers(served: Served, count: int) -> set[int]:
    """The pids of the first `count` server processes that logged a finished start-up."""
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        started = re.findall(r"Started server process \[(\d+)\]", served.output(None))
        if served.output(None).count("Application startup complete.") >= count:
            return {int(pid) for pid in started}
        if served.process.poll() is not None:
            break
        time.sleep(0.2)
    pytest.fail(f"{count} server processes did not start:\n{served.output()}")


def stop(process: subprocess.Popen[bytes]) -> int:
    """SIGTERM and a bounded wait; the whole session is killed if that is not enough."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=STOP_TIMEOUT)
            pytest.fail(f"serve did not stop within {STOP_TIMEOUT:.0f}s of SIGTERM")
    return process.returncode


@contextmanager
def serving(settings: Settings, log: Path, **variables: str) -> Iterator[Served]:
    """`peergraph serve` on a free port against the settings' database, with these
    environment variables, its log in `log`; stopped at the end."""
    connection = connection_for(settings)
    port = free_port()
    env = {
        **os.environ,
        "NEO4J_URI": connection.uri,
        "NEO4J_PASSWORD": connection.password,
        "NEO4J_DATABASE": connection.database,
        "PEERGRAPH_PORT": str(port),
        **variables,
    }
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "server.cli", "serve"],
            stdout=subprocess.DEVNULL,
            stderr=output,
            env=env,
            start_new_session=True,
        )
    try:
        yield Served(process, f"http://127.0.0.1:{port}", log)
    finally:
        stop(process)


@pytest.fixture
def two_workers(seeded: Settings, tmp_path: Path) -> Iterator[Served]:
    # the work limit of the in-process client it is compared with (tests/conftest.py)
    limit = str(TEST_SETTINGS["max_work"])
    with serving(
        seeded, tmp_path / "serve.log", PEERGRAPH_WORKERS="2", PEERGRAPH_MAX_WORK=limit
    ) as served:
        yield served


def test_serve_runs_two_workers_behind_one_port(two_workers: Served, client: TestClient) -> None:
    wait_until_ready(two_workers)
    parent = two_workers.process.pid

    workers = worker_pids(parent)
    assert len(workers) == 2, (child_pids(parent), two_workers.output())
    # Each worker built its own app and ran its lifespan; none of it ran in the parent.
    assert started_servers(two_workers, 2) == set(workers), two_workers.output()

    for _ in range(6):
        body = post_graphql(two_workers.base, PROFILE, id=SEED_ID)
        assert "errors" not in body, body
        researcher = body["data"]["researcher"]
        assert researcher["name"] == "Anirbit Mukherjee"
        assert [edge["node"]["year"] for edge in researcher["works"]["edges"]] == [2026, 2022]
    for document in (TOTALS, PROFILE):
        expected = gql(client, document, id=SEED_ID).body
        assert without_work(post_graphql(two_workers.base, document, id=SEED_ID)) == (
            without_work(expected)
        )
    assert get(f"{two_workers.base}/healthz") == (200, b'{"status":"ok"}')

    assert stop(two_workers.process) == 0, two_workers.output()
    assert all(not Path(f"/proc/{pid}").exists() for pid in workers), two_workers.output()


def without_work(body: dict[str, Any]) -> dict[str, Any]:
    """The answer but its estimated work, which reads the graph's statistics as each server
    last read them: the session's client read them before earlier tests wrote to the graph,
    the workers at their start (resolvers/graph_statistics.py)."""
    cost = {key: value for key, value in body["extensions"]["cost"].items() if key != "work"}
    return {**body, "extensions": {**body["extensions"], "cost": cost}}


def test_a_wrong_worker_count_stops_start_up_with_one_line() -> None:
    result = run_cli("serve", PEERGRAPH_WORKERS="0")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("peergraph: invalid configuration: PEERGRAPH_WORKERS:"), lines


def test_the_server_app_tunes_garbage_collection_in_its_own_process() -> None:
    """What each worker runs before it serves: the app from the environment, then gc tuned."""
    code = (
        "import gc\n"
        "from server.cli import server_app\n"
        "before = gc.get_freeze_count()\n"
        "app = server_app()\n"
        "print(type(app).__name__, gc.get_threshold()[0], before, gc.get_freeze_count() > 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["Starlette", str(GC_YOUNG_THRESHOLD), "0", "True"]
