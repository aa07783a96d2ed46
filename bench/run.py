"""Latency and throughput of the API next to the same Cypher run straight through the driver.

Not a test. Against the Neo4j the settings name (managed or NEO4J_URI), with the
seed and a generated graph loaded:

    .venv/bin/python bench/run.py [--requests 400] [--concurrency 4] [--only profile ...]

It starts `peergraph serve` on a free port, sends each query in bench/queries/ over
HTTP, and replays the exact statements that query ran (recorded in-process: one per
root field, compiled) through the async driver. A third side sends the same request to
bench/bare_http.py, which answers with the API's own answer and does nothing else: the
HTTP round trip any server on this stack pays. The three take turns in blocks of
requests. At concurrency 1 the API can be no faster than its statement plus that round
trip, the last column.

A fourth side, bench/bare_driver.py, runs the query's statements inside a bare uvicorn
app through the same driver and answers with the records as they come: the floor of any
server on this stack that runs that statement, with no GraphQL at all.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ports import free_port
from serve_env import serve_env

from core.global_ids import encode_id
from resolvers.context import Context
from resolvers.database import Database
from schema.schema import build_schema
from server.connection import database_for
from server.settings import Settings, load_settings

QUERIES = Path(__file__).with_name("queries")


@dataclass(frozen=True)
class Result:
    p50: float
    p99: float
    throughput: float


class RecordingContext(Context):
    """Notes every statement under the round trip it joins: statements issued before any
    earlier one returned run concurrently, as the DataLoaders dispatch them."""

    def __init__(self, db: Database, settings: Settings) -> None:
        super().__init__(
            db,
            settings.request_limits(),
            passwords=settings.password_hashing(),
            tokens=settings.token_signing(),
        )
        self.waves: list[list[tuple[str, dict[str, Any]]]] = []

    def issuing(self, name: str, parameters: dict[str, Any]) -> None:
        super().issuing(name, parameters)
        if len(self.waves) < self.round_trips:
            self.waves.append([])
        self.waves[-1].append((name, parameters))


Call = Callable[[], Awaitable[None]]
BLOCK = 20


async def measure_side_by_side(calls: list[Call], requests: int, concurrency: int) -> list[Result]:
    """Times every side in turn, in blocks of BLOCK requests, the order rotating from block
    to block, so that all of them meet the same machine: on shared cores, a whole run of
    one side can land in a slower minute."""
    for _ in range(max(10, requests // 10)):
        for call in calls:
            await call()
    latencies: dict[Call, list[float]] = {call: [] for call in calls}
    busy: dict[Call, float] = dict.fromkeys(calls, 0.0)

    async def worker(call: Call, count: int) -> None:
        for _ in range(count):
            started = time.perf_counter()
            await call()
            latencies[call].append(time.perf_counter() - started)

    for block in range(max(1, requests // BLOCK)):
        turn = block % len(calls)
        for call in calls[turn:] + calls[:turn]:
            started = time.perf_counter()
            await asyncio.gather(*(worker(call, BLOCK // concurrency) for _ in range(concurrency)))
            busy[call] += time.perf_counter() - started
    return [summary(latencies[call], busy[call]) for call in calls]


def summary(latencies: list[float], elapsed: float) -> Result:
    latencies.sort()
    return Result(
        p50=statistics.median(latencies) * 1000,
        p99=latencies[max(0, int(len(latencies) * 0.99) - 1)] * 1000,
        throughput=len(latencies) / elapsed,
    )


class CutOff(Exception):
    """The connection closed after the answer's head, before the whole of its body: past
    the point where a balancer can retry. `headers`: the head's."""

    def __init__(self, headers: dict[str, str]) -> None:
        super().__init__(headers.get("x-replica", ""))
        self.headers = headers


class Connection:
    """A bare HTTP/1.1 keep-alive connection. The benchmark times the API, not an HTTP
    client library: httpx alone costs about 0.5 ms a request on this machine, so the
    request is encoded once and the answer comes back as bytes."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer

    @classmethod
    async def open(cls, port: int) -> Connection:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        return cls(reader, writer)

    async def exchange(self, request: bytes) -> tuple[int, dict[str, str], bytes]:
        """The status, the headers (names in lower case) and the body."""
        self.writer.write(request)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status_line, *lines = head.decode("latin-1").split("\r\n")
        headers = {}
        for line in lines:
            if line:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
        try:
            body = await self.reader.readexactly(int(headers.get("content-length", "0")))
        except asyncio.IncompleteReadError:
            raise CutOff(headers) from None
        return int(status_line.split()[1]), headers, body

    async def send(self, request: bytes) -> tuple[int, bytes]:
        status, _, body = await self.exchange(request)
        return status, body

    async def request(self, method: str, path: str, payload: Any = None) -> tuple[int, Any]:
        status, answer = await self.send(encode_request(method, path, payload))
        return status, json.loads(answer)

    def close(self) -> None:
        self.writer.close()


def encode_request(method: str, path: str, payload: Any = None) -> bytes:
    body = b"" if payload is None else json.dumps(payload).encode()
    head = f"{method} {path} HTTP/1.1\r\nHost: bench\r\nContent-Length: {len(body)}\r\n"
    if payload is not None:
        head += "Content-Type: application/json\r\n"
    return head.encode() + b"\r\n" + body


def close_all(connections: asyncio.Queue[Connection]) -> None:
    while not connections.empty():
        connections.get_nowait().close()


async def wait_ready(
    port: int, process: subprocess.Popen[bytes] | None = None, poll: float = 0.5
) -> None:
    """Until /readyz answers 200: for a minute, or for as long as `process` runs."""
    deadline = None if process is not None else time.monotonic() + 60
    while deadline is None or time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise SystemExit("the API exited before it was ready")
        try:
            connection = await Connection.open(port)
            try:
                if (await connection.request("GET", "/readyz"))[0] == 200:
                    return
            finally:
                connection.close()
        except OSError:
            pass
        await asyncio.sleep(poll)
    raise SystemExit("the API did not become ready")


async def run(requests: int, concurrency: int, only: list[str]) -> None:
    settings = load_settings()
    async with database_for(settings) as db:
        hub = (await db.read("bench/biggest_hub"))[0]
        topic = (await db.read("bench/biggest_topic"))[0]
        size = (await db.read("bench/graph_size"))[0]
        variables = {
            "seed": encode_id("Researcher", "anirbit-mukherjee"),
            "hub": encode_id("Researcher", hub["key"]),
            "topic": encode_id("Topic", topic["key"]),
        }
        print(
            f"graph: {size['works']:,} works, {size['researchers']:,} researchers, "
            f"{size['authorships']:,} authorships; hub {hub['key']} ({hub['works']:,} works), "
            f"topic {topic['key']} ({topic['works']:,} works)"
        )
        print(
            f"machine: {os.cpu_count()} cores, {platform.processor() or platform.machine()}, "
            f"Python {platform.python_version()}; requests={requests} concurrency={concurrency}"
        )

        port, bare_port, driver_port = free_port(), free_port(), free_port()
        server = subprocess.Popen(  # noqa: ASYNC220 - once, before anything is timed
            [sys.executable, "-m", "server.cli", "serve"],
            env=serve_env(port, PEERGRAPH_GRAPHIQL="false"),
        )
        bare = subprocess.Popen(  # noqa: ASYNC220 - once, before anything is timed
            [sys.executable, str(Path(__file__).with_name("bare_http.py")), str(bare_port)]
        )
        driver_app = subprocess.Popen(  # noqa: ASYNC220 - once, before anything is timed
            [sys.executable, str(Path(__file__).with_name("bare_driver.py")), str(driver_port)]
        )
        schema = build_schema(
            settings.request_limits(), introspection=settings.allows_introspection
        )
        rows = []
        pools: dict[int, asyncio.Queue[Connection]] = {
            port: asyncio.Queue(),
            bare_port: asyncio.Queue(),
            driver_port: asyncio.Queue(),
        }
        try:
            await wait_ready(port)
            await wait_ready(bare_port)
            await wait_ready(driver_port)
            for path in sorted(QUERIES.glob("*.graphql")):
                if only and path.stem not in only:
                    continue
                document = path.read_text()
                wanted = {k: v for k, v in variables.items() if f"${k}" in document}
                request = encode_request(
                    "POST", "/graphql", {"query": document, "variables": wanted}
                )
                for pool_port, pool in pools.items():
                    for _ in range(concurrency):
                        pool.put_nowait(await Connection.open(pool_port))
                answer = await post(pools[port], port, request)
                if json.loads(answer).get("errors"):
                    raise SystemExit(f"{path.name}: {answer!r}")
                await post(pools[bare_port], bare_port, b"PUT" + request[4:])

                async def over_http(request: bytes = request, name: str = path.name) -> None:
                    if b'"errors":[' in await post(pools[port], port, request):
                        raise SystemExit(f"{name}: an error in the answer")

                async def bare_http(request: bytes = request) -> None:
                    await post(pools[bare_port], bare_port, request)

                recording = RecordingContext(db, settings)
                result = await schema.pipeline.run(document, None, wanted, recording)
                if result.get("errors"):
                    raise SystemExit(f"{path.name}: {result['errors']}")
                waves = recording.waves
                await post(
                    pools[driver_port],
                    driver_port,
                    encode_request("PUT", "/", waves),
                )

                async def bare_driver(request: bytes = request) -> None:
                    await post(pools[driver_port], driver_port, request)

                async def raw(waves: list[list[tuple[str, dict[str, Any]]]] = waves) -> None:
                    for wave in waves:
                        await asyncio.gather(*(db.query(text, params) for text, params in wave))

                api, direct, floor, driver_floor = await measure_side_by_side(
                    [over_http, raw, bare_http, bare_driver], requests, concurrency
                )
                for pool in pools.values():
                    close_all(pool)
                statements = sum(len(wave) for wave in waves)
                rows.append((path.stem, statements, api, direct, floor, driver_floor))
        finally:
            for pool in pools.values():
                close_all(pool)
            for process in (server, bare, driver_app):
                process.terminate()
                process.wait()

    print()
    print(
        "| query | statements | API p50 | API p99 | API req/s "
        "| Cypher p50 | Cypher p99 | Cypher req/s | bare HTTP p50 | bare driver p50 "
        "| API/Cypher p50 | (Cypher + bare HTTP)/Cypher p50 | bare driver/Cypher p50 |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for name, statements, api, direct, floor, driver_floor in rows:
        print(
            f"| {name} | {statements} | {api.p50:.2f} ms | {api.p99:.1f} ms | {api.throughput:.0f} "
            f"| {direct.p50:.2f} ms | {direct.p99:.1f} ms | {direct.throughput:.0f} "
            f"| {floor.p50:.2f} ms | {driver_floor.p50:.2f} ms | {api.p50 / direct.p50:.2f}x "
            f"| {(direct.p50 + floor.p50) / direct.p50:.2f}x "
            f"| {driver_floor.p50 / direct.p50:.2f}x |"
        )


async def post(pool: asyncio.Queue[Connection], port: int, request: bytes) -> bytes:
    connection = await pool.get()
    if connection.reader.at_eof():  # uvicorn closes connections idle for 5 s
        connection.close()
        connection = await Connection.open(port)
    try:
        status, answer = await connection.send(request)
    finally:
        pool.put_nowait(connection)
    if status != 200:
        raise SystemExit(f"HTTP {status}: {answer!r}")
    return answer


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument(
        "--only", nargs="+", default=[], metavar="QUERY", help="names from bench/queries/"
    )
    arguments = parser.parse_args()
    asyncio.run(run(arguments.requests, arguments.concurrency, arguments.only))
