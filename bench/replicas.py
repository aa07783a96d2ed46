"""Two API replicas behind haproxy, one killed mid-load (issue 24, docs/scaling.md).

Not a test: CI does not install haproxy. Starts a scratch managed Neo4j with the seed,
two `peergraph serve` processes that reach it through a `neo4j://` routing URI, and
Debian's haproxy in front of them (round robin, health checks on /readyz, retries on the
other replica). Then it sends the seed researcher's profile page through haproxy from
--connections keep-alive connections, SIGKILLs one replica after --before seconds and goes
on for --after seconds; --warm-up seconds of load come first, not counted:

    .venv/bin/python bench/replicas.py [--connections 8] [--warm-up 10] [--before 8] [--after 8]

Every request is counted: it passes when each one got a 200 with the researcher's data
and no GraphQL error, and both replicas answered before the kill. --retry-on sets
haproxy's `retry-on` (default: what a query may safely be retried on), to show what a
crash costs without layer-7 retries; --signal TERM stops the replica gracefully instead, as
a deploy does. Exits 1 when the run does not pass.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import csv
import json
import math
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/ is not installed

from ports import free_port
from run import Connection, CutOff, encode_request
from serve_env import ended, serve_env

from core.global_ids import encode_id
from seed.bulk import load_generated
from server.connection import database_for
from server.neo4j_local import ManagedNeo4j
from server.settings import Settings
from tests.conftest import SEED_RESEARCHER, managed_settings, seed_database

HAPROXY = "/usr/sbin/haproxy"
PROFILE = (Path(__file__).with_name("queries") / "profile.graphql").read_text()
REPLICAS = ("a", "b")
VICTIM = "a"
# Statements each replica runs on Neo4j at once, and the heap that gives every one of
# them, across both replicas, its 350 MiB of transaction memory (docs/operations.md).
TURNS_PER_REPLICA = 1
NEO4J_HEAP = "2g"
START_TIMEOUT = 120.0
REQUEST_TIMEOUT = 30.0
# What a GraphQL query may be retried on: the connection failed, or the replica closed it
# (or timed out) before answering. Not 5xx: see docs/scaling.md.
QUERY_RETRY_ON = "conn-failure empty-response response-timeout"

HAPROXY_CONFIG = """\
global
    maxconn 1024
    stats socket {socket} mode 600 level user
    log stderr format raw local0 info

defaults
    mode http
    log global
    option httplog
    timeout connect 1s
    timeout client 30s
    # above the API's own limit on a request (PEERGRAPH_QUERY_TIMEOUT, 10 s, plus its grace),
    # so that only a replica that stopped answering is timed out here
    timeout server 15s
    # /readyz answers within 2 s whatever Neo4j does; a check given less fails on a replica
    # that is only busy (one did, at the default of `inter`)
    timeout check 2s
    # a refused connection is retried, each time on another replica
    retries 3
    option redispatch 1
    retry-on {retry_on}

frontend api
    bind 127.0.0.1:{port}
    default_backend replicas

backend replicas
    balance roundrobin
    option httpchk GET /readyz
    http-check expect status 200
    default-server inter 500ms fall 2 rise 2
    # which replica answered, for the client's tally
    http-response set-header X-Replica %s
{servers}
"""


@dataclass(frozen=True)
class Outcome:
    """One request as the client saw it."""

    sent: float
    done: float
    status: int  # 0: no HTTP answer at all
    replica: str
    ok: bool
    error: str = ""


@dataclass
class Load:
    outcomes: list[Outcome] = field(default_factory=list)
    started: float = 0.0
    killed_at: float = 0.0


# the client


def answered(status: int, body: bytes) -> bool:
    """A 200 with the researcher's page and no error anywhere in it."""
    if status != 200:
        return False
    try:
        answer = json.loads(body)
    except ValueError:
        return False
    return not answer.get("errors") and bool((answer.get("data") or {}).get("researcher"))


def failure(error: Exception) -> tuple[str, bool, str]:
    """The replica (when known), False, and what went wrong, for a request with no answer."""
    if isinstance(error, CutOff):
        replica = error.headers.get("x-replica", "")
        return replica, False, f"answer cut off after its head (replica {replica})"
    if isinstance(error, asyncio.IncompleteReadError):
        return "", False, "connection closed before an answer"
    return "", False, type(error).__name__


async def keep_sending(port: int, request: bytes, until: float, load: Load) -> None:
    """One client connection, sending the next request as soon as the last is answered;
    a connection that fails is counted and replaced."""
    clock = time.monotonic
    connection: Connection | None = None
    while clock() < until:
        sent = clock()
        try:
            if connection is None:
                connection = await Connection.open(port)
            async with asyncio.timeout(REQUEST_TIMEOUT):
                status, headers, body = await connection.exchange(request)
        except (OSError, asyncio.IncompleteReadError, TimeoutError, CutOff) as error:
            load.outcomes.append(Outcome(sent, clock(), 0, *failure(error)))
            if connection is not None:
                connection.close()
            connection = None
            continue
        replica = headers.get("x-replica", "")
        load.outcomes.append(Outcome(sent, clock(), status, replica, answered(status, body)))
        if headers.get("connection", "").lower() == "close":
            connection.close()
            connection = None
    if connection is not None:
        connection.close()


async def drive(
    port: int,
    request: bytes,
    connections: int,
    before: float,
    after: float,
    victim: int,
    stop: signal.Signals,
) -> Load:
    load = Load(started=time.monotonic())
    until = load.started + before + after

    async def kill() -> None:
        await asyncio.sleep(before)
        os.kill(victim, stop)
        load.killed_at = time.monotonic()

    await asyncio.gather(
        kill(), *(keep_sending(port, request, until, load) for _ in range(connections))
    )
    return load


# the processes


def wait_until_ready(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{url} exited with {process.returncode}:\n{tail(log)}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:  # not listening yet, or an HTTPError: 503 while Neo4j is not ready
            pass
        time.sleep(0.25)
    raise SystemExit(f"{url} did not answer 200 within {START_TIMEOUT:.0f}s:\n{tail(log)}")


def tail(log: Path) -> str:
    return log.read_text(errors="replace")[-3000:] if log.exists() else ""


@contextlib.contextmanager
def running(
    command: list[str], log: Path, env: dict[str, str] | None = None
) -> Iterator[subprocess.Popen[bytes]]:
    """A process of ours for the block, in a session of its own, its output in `log`;
    ended at the end whatever happened, by its own pid."""
    with log.open("wb") as output:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
        )
    try:
        yield process
    finally:
        ended(process, grace=20)


@contextlib.contextmanager
def scratch_neo4j(home: Path, works: int) -> Iterator[Settings]:
    """A managed Neo4j sized for both replicas' turns, migrated and seeded (plus a
    generated graph of `works` works), thrown away at the end."""
    settings = managed_settings(home).model_copy(
        update={
            "neo4j_heap": NEO4J_HEAP,
            "workers": len(REPLICAS),
            "db_concurrency": TURNS_PER_REPLICA,
        }
    )
    server = ManagedNeo4j(settings)
    try:
        server.start()
        seed_database(settings)
        if works:

            async def generated() -> None:
                async with database_for(settings) as db:
                    await load_generated(db, works, 7)

            asyncio.run(generated())
        yield settings
    finally:
        server.stop(timeout=0)


def replica_env(settings: Settings, port: int) -> dict[str, str]:
    server = ManagedNeo4j(settings)
    env = serve_env(
        port,
        # the routing scheme a cluster or Aura is reached by; a single server's routing
        # table names itself as writer, reader and router
        NEO4J_URI=f"neo4j://127.0.0.1:{server.port}",
        NEO4J_PASSWORD=server.password(),
        PEERGRAPH_DB_CONCURRENCY=str(TURNS_PER_REPLICA),
        PEERGRAPH_WORKERS="1",
    )
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    return env


def haproxy_config(port: int, replicas: dict[str, int], stats: Path, retry_on: str) -> str:
    servers = "\n".join(
        f"    server {name} 127.0.0.1:{replica_port} check"
        for name, replica_port in replicas.items()
    )
    return HAPROXY_CONFIG.format(port=port, socket=stats, retry_on=retry_on, servers=servers)


def haproxy_stats(stats: Path) -> dict[str, dict[str, str]]:
    """`show stat` of the replicas' backend, by server name (BACKEND for the whole)."""
    with socket.socket(socket.AF_UNIX) as sock:
        sock.connect(str(stats))
        sock.sendall(b"show stat\n")
        text = b"".join(iter(lambda: sock.recv(65536), b"")).decode()
    rows = csv.DictReader(text.lstrip("# ").splitlines())
    return {row["svname"]: row for row in rows if row["pxname"] == "replicas"}


# the report


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def latencies(outcomes: list[Outcome]) -> str:
    took = [(outcome.done - outcome.sent) * 1000 for outcome in outcomes]
    if not took:
        return "-"
    return (
        f"p50 {percentile(took, 0.5):.0f} ms, p90 {percentile(took, 0.9):.0f}, "
        f"p99 {percentile(took, 0.99):.0f}, max {max(took):.0f}"
    )


def spread(outcomes: list[Outcome]) -> str:
    counts = Counter(outcome.replica or "-" for outcome in outcomes if outcome.ok)
    return ", ".join(f"{name} {counts.get(name, 0)}" for name in REPLICAS)


def timeline(load: Load) -> str:
    """Requests answered in each second of the load, `|` where the kill fell."""
    seconds = Counter(int(outcome.done - load.started) for outcome in load.outcomes if outcome.ok)
    kill = int(load.killed_at - load.started)
    return " ".join(
        ("| " if second == kill else "") + str(seconds.get(second, 0))
        for second in range(max(seconds, default=-1) + 1)
    )


def unusual(log: Path, most: int = 12) -> list[str]:
    """haproxy's log lines other than a request that went through untroubled: a replica
    going down, a request that ended abnormally (its termination state is not ----)."""
    lines = [line for line in log.read_text(errors="replace").splitlines() if " ---- " not in line]
    return [f"haproxy: {line}" for line in lines[:most]]


def report(load: Load, seconds: float, stats: dict[str, dict[str, str]]) -> bool:
    outcomes = load.outcomes
    before = [outcome for outcome in outcomes if outcome.done < load.killed_at]
    after = [outcome for outcome in outcomes if outcome.sent >= load.killed_at]
    across = [o for o in outcomes if o.sent < load.killed_at <= o.done]
    failed = [outcome for outcome in outcomes if not outcome.ok]
    print(
        f"requests {len(outcomes)} in {seconds:.1f} s ({len(outcomes) / seconds:.0f}/s): "
        f"answered {len(outcomes) - len(failed)}, failed {len(failed)}"
    )
    if failed:
        kinds = Counter(outcome.error or f"HTTP {outcome.status}" for outcome in failed)
        print("failures: " + ", ".join(f"{kind} x{count}" for kind, count in kinds.items()))
    print(f"before the kill: {len(before)} requests ({spread(before)}); {latencies(before)}")
    print(f"in flight at the kill: {len(across)} ({spread(across)}); {latencies(across)}")
    print(f"after the kill: {len(after)} requests ({spread(after)}); {latencies(after)}")
    print(f"all: {latencies(outcomes)}")
    print(f"answered per second: {timeline(load)}")
    whole = stats.get("BACKEND", {})
    print(
        f"haproxy: retries {whole.get('wretr', '?')}, redispatches {whole.get('wredis', '?')}; "
        + "; ".join(
            f"{name} {stats[name]['status']} 2xx {stats[name]['hrsp_2xx']} "
            f"5xx {stats[name]['hrsp_5xx']} checks failed {stats[name]['chkfail']}"
            for name in REPLICAS
            if name in stats
        )
    )
    both_served = all(
        any(outcome.replica == name and outcome.ok for outcome in before) for name in REPLICAS
    )
    passed = not failed and both_served and bool(after)
    print(
        "PASS" if passed else "FAIL",
        f"(failed {len(failed)}, both replicas served before the kill: {both_served}, "
        f"requests after it: {len(after)})",
    )
    return passed


# the run


def warm(port: int, request: bytes) -> None:
    """A few requests straight to a replica: Neo4j plans the statement, the replica compiles
    the document, before anything is timed."""

    async def send() -> None:
        connection = await Connection.open(port)
        try:
            for _ in range(3):
                status, _, body = await connection.exchange(request)
                if not answered(status, body):
                    raise SystemExit(f"replica on {port} answered {status}: {body[:500]!r}")
        finally:
            connection.close()

    asyncio.run(send())


async def warm_through(port: int, request: bytes, connections: int, seconds: float) -> None:
    """Load through haproxy that is not counted, unless it fails."""
    load = Load(started=time.monotonic())
    until = load.started + seconds
    await asyncio.gather(*(keep_sending(port, request, until, load) for _ in range(connections)))
    failed = [outcome for outcome in load.outcomes if not outcome.ok]
    if failed:
        raise SystemExit(f"{len(failed)} of {len(load.outcomes)} failed while warming up")


def main(
    connections: int,
    warm_up: float,
    before: float,
    after: float,
    works: int,
    retry_on: str,
    stop: signal.Signals,
) -> bool:
    if not Path(HAPROXY).exists():
        raise SystemExit(f"{HAPROXY} is missing: apt-get install haproxy")
    scratch = Path(tempfile.mkdtemp(prefix="peergraph-replicas-"))
    try:
        with contextlib.ExitStack() as stack:
            settings = stack.enter_context(scratch_neo4j(scratch / "neo4j", works))
            ports = {name: free_port() for name in REPLICAS}
            processes = {}
            for name, port in ports.items():
                log = scratch / f"replica-{name}.log"
                processes[name] = stack.enter_context(
                    running(
                        [sys.executable, "-m", "server.cli", "serve"],
                        log,
                        replica_env(settings, port),
                    )
                )
            for name, port in ports.items():
                log = scratch / f"replica-{name}.log"
                wait_until_ready(f"http://127.0.0.1:{port}/readyz", processes[name], log)

            balancer_port, stats = free_port(), scratch / "haproxy.sock"
            config = scratch / "haproxy.cfg"
            config.write_text(haproxy_config(balancer_port, ports, stats, retry_on))
            subprocess.run([HAPROXY, "-c", "-q", "-f", str(config)], check=True)
            log = scratch / "haproxy.log"
            haproxy = stack.enter_context(running([HAPROXY, "-db", "-f", str(config)], log))
            wait_until_ready(f"http://127.0.0.1:{balancer_port}/readyz", haproxy, log)

            seed = encode_id("Researcher", SEED_RESEARCHER)
            request = encode_request(
                "POST", "/graphql", {"query": PROFILE, "variables": {"seed": seed}}
            )
            for port in ports.values():
                warm(port, request)
            # both replicas up in haproxy's eyes before the load starts
            deadline = time.monotonic() + START_TIMEOUT
            while any(haproxy_stats(stats)[name]["status"] != "UP" for name in REPLICAS):
                if time.monotonic() > deadline:
                    raise SystemExit("haproxy did not see both replicas up")
                time.sleep(0.2)

            print(
                f"two replicas (ports {ports['a']}, {ports['b']}) on neo4j://127.0.0.1:"
                f"{settings.neo4j_bolt_port}, haproxy on {balancer_port} "
                f"(retry-on {retry_on}); {connections} connections, {warm_up:g} s not "
                f"counted, then replica {VICTIM} sent {stop.name} after {before:g} s, "
                f"then {after:g} s more"
            )
            # Neo4j's JIT and the replicas' caches take seconds of load to settle: without
            # this, the seconds before the kill are slower than those after it
            asyncio.run(warm_through(balancer_port, request, connections, warm_up))
            started = time.monotonic()
            load = asyncio.run(
                drive(
                    balancer_port,
                    request,
                    connections,
                    before,
                    after,
                    processes[VICTIM].pid,
                    stop,
                )
            )
            seconds = time.monotonic() - started
            passed = report(load, seconds, haproxy_stats(stats))
            print(*unusual(log), sep="\n")
            return passed
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def stop_on_sigterm() -> None:
    """A SIGTERM ends the run through its clean-ups, like Ctrl-C."""

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(143)

    signal.signal(signal.SIGTERM, stop)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument(
        "--warm-up", type=float, default=10.0, help="seconds of load not counted, first"
    )
    parser.add_argument("--before", type=float, default=8.0, help="seconds before the kill")
    parser.add_argument("--after", type=float, default=8.0, help="seconds after the kill")
    parser.add_argument("--works", type=int, default=0, help="a generated graph beside the seed")
    parser.add_argument(
        "--signal",
        choices=["KILL", "TERM"],
        default="KILL",
        help="how the replica is stopped: KILL, a crash; TERM, a graceful stop (a deploy)",
    )
    parser.add_argument("--retry-on", default=QUERY_RETRY_ON, help="haproxy's retry-on")
    arguments = parser.parse_args()
    stop_on_sigterm()
    passed = main(
        arguments.connections,
        arguments.warm_up,
        arguments.before,
        arguments.after,
        arguments.works,
        arguments.retry_on,
        signal.Signals["SIG" + arguments.signal],
    )
    sys.exit(0 if passed else 1)
