"""Latency and throughput of the API next to the same Cypher run straight through the driver.

Not a test. Against the Neo4j the settings name (managed or NEO4J_URI), with the
seed and a generated graph loaded:

    .venv/bin/python bench/run.py [--requests 400] [--concurrency 4] [--only profile ...]

It starts `peergraph serve` on a free port, sends each query in bench/queries/ over
HTTP, and replays the exact statements that query ran (recorded in-process: one per
root field, compiled) through the async driver, the two sides
taking turns in blocks of requests.
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

from resolvers.context import Context
from resolvers.database import Database
from schema.ids import encode_id
from schema.schema import build_schema
from server.connection import connection_for
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
        super().__init__(db, settings)
        self.waves: list[list[tuple[str, dict[str, Any]]]] = []

    def issuing(self, name: str, parameters: dict[str, Any]) -> None:
        super().issuing(name, parameters)
        if len(self.waves) < self.round_trips:
            self.waves.append([])
        self.waves[-1].append((name, parameters))


Call = Callable[[], Awaitable[None]]
BLOCK = 20


async def measure_side_by_side(
    api: Call, raw: Call, requests: int, concurrency: int
) -> tuple[Result, Result]:
    """Times both sides in alternating blocks of BLOCK requests, so that both meet the same
    machine: on shared cores, a whole run of one side can land in a slower minute."""
    for _ in range(max(10, requests // 10)):
        await api()
        await raw()
    latencies: dict[Call, list[float]] = {api: [], raw: []}
    busy: dict[Call, float] = {api: 0.0, raw: 0.0}

    async def worker(call: Call, count: int) -> None:
        for _ in range(count):
            started = time.perf_counter()
            await call()
            latencies[call].append(time.perf_counter() - started)

    for block in range(max(1, requests // BLOCK)):
        for call in (api, raw) if block % 2 == 0 else (raw, api):
            started = time.perf_counter()
            await asyncio.gather(*(worker(call, BLOCK // concurrency) for _ in range(concurrency)))
            busy[call] += time.perf_counter() - started
    return summary(latencies[api], busy[api]), summary(latencies[raw], busy[raw])


def summary(latencies: list[float], elapsed: float) -> Result:
    latencies.sort()
    return Result(
        p50=statistics.median(latencies) * 1000,
        p99=latencies[max(0, int(len(latencies) * 0.99) - 1)] * 1000,
        throughput=len(latencies) / elapsed,
    )


class Connection:
    """A bare HTTP/1.1 keep-alive connection. The benchmark times the API, not an HTTP
    client library: httpx alone costs about 0.5 ms a request on this machine."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer

    @classmethod
    async def open(cls, port: int) -> Connection:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        return cls(reader, writer)

    async def request(self, method: str, path: str, payload: Any = None) -> tuple[int, Any]:
        body = b"" if payload is None else json.dumps(payload).encode()
        head = f"{method} {path} HTTP/1.1\r\nHost: bench\r\nContent-Length: {len(body)}\r\n"
        if payload is not None:
            head += "Content-Type: application/json\r\n"
        self.writer.write(head.encode() + b"\r\n" + body)
        status_line, *header_lines = (await self.reader.readuntil(b"\r\n\r\n")).split(b"\r\n")
        headers = dict(line.lower().split(b": ", 1) for line in header_lines if line)
        answer = await self.reader.readexactly(int(headers[b"content-length"]))
        return int(status_line.split()[1]), json.loads(answer)

    def close(self) -> None:
        self.writer.close()


def close_all(connections: asyncio.Queue[Connection]) -> None:
    while not connections.empty():
        connections.get_nowait().close()


async def wait_ready(port: int) -> None:
    for _ in range(120):
        try:
            connection = await Connection.open(port)
            try:
                if (await connection.request("GET", "/readyz"))[0] == 200:
                    return
            finally:
                connection.close()
        except OSError:
            pass
        await asyncio.sleep(0.5)
    raise SystemExit("the API did not become ready")


async def run(requests: int, concurrency: int, only: list[str]) -> None:
    settings = load_settings()
    async with Database.connect(connection_for(settings), settings.query_timeout) as db:
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

        port = free_port()
        server = subprocess.Popen(  # noqa: ASYNC220 - once, before anything is timed
            [sys.executable, "-m", "server.cli", "serve"],
            env={
                **os.environ,
                "PEERGRAPH_PORT": str(port),
                "PEERGRAPH_GRAPHIQL": "false",
                "PEERGRAPH_ACCESS_LOG": "false",
            },
        )
        schema = build_schema(settings)
        rows = []
        connections: asyncio.Queue[Connection] = asyncio.Queue()
        try:
            await wait_ready(port)
            for path in sorted(QUERIES.glob("*.graphql")):
                if only and path.stem not in only:
                    continue
                document = path.read_text()
                wanted = {k: v for k, v in variables.items() if f"${k}" in document}
                payload = {"query": document, "variables": wanted}

                async def over_http(
                    payload: dict[str, Any] = payload, name: str = path.name
                ) -> None:
                    connection = await connections.get()
                    if connection.reader.at_eof():  # uvicorn closes connections idle for 5 s
                        connection.close()
                        connection = await Connection.open(port)
                    try:
                        status, body = await connection.request("POST", "/graphql", payload)
                    finally:
                        connections.put_nowait(connection)
                    if status != 200 or body.get("errors"):
                        raise SystemExit(f"{name}: HTTP {status} {body}")

                recording = RecordingContext(db, settings)
                result = await schema.execute(
                    document, variable_values=wanted, context_value=recording
                )
                if result.errors:
                    raise SystemExit(f"{path.name}: {result.errors}")
                waves = recording.waves

                async def raw(waves: list[list[tuple[str, dict[str, Any]]]] = waves) -> None:
                    for wave in waves:
                        await asyncio.gather(*(db.query(text, params) for text, params in wave))

                for _ in range(concurrency):
                    connections.put_nowait(await Connection.open(port))
                api, direct = await measure_side_by_side(over_http, raw, requests, concurrency)
                close_all(connections)
                statements = sum(len(wave) for wave in waves)
                rows.append((path.stem, statements, api, direct))
        finally:
            close_all(connections)
            server.terminate()
            server.wait()

    print()
    print(
        "| query | statements | API p50 | API p99 | API req/s "
        "| Cypher p50 | Cypher p99 | Cypher req/s | API/Cypher p50 |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for name, statements, api, direct in rows:
        print(
            f"| {name} | {statements} | {api.p50:.1f} ms | {api.p99:.1f} ms | {api.throughput:.0f} "
            f"| {direct.p50:.1f} ms | {direct.p99:.1f} ms | {direct.throughput:.0f} "
            f"| {api.p50 / direct.p50:.2f}x |"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument(
        "--only", nargs="+", default=[], metavar="QUERY", help="names from bench/queries/"
    )
    arguments = parser.parse_args()
    asyncio.run(run(arguments.requests, arguments.concurrency, arguments.only))
