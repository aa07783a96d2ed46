"""Latency and throughput of the API next to the same Cypher run straight through the driver.

Not a test. Against the Neo4j the settings name (managed or NEO4J_URI), with the
seed and a generated graph loaded:

    .venv/bin/python bench/run.py [--requests 400] [--concurrency 4]

It starts `peergraph serve` on a free port, sends each query in bench/queries/ over
HTTP, then replays the exact statements that query ran (recorded in-process, in the
same waves the DataLoaders issued them) through the async driver.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx2 as httpx

from resolvers.context import Context
from resolvers.database import Database, Row
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
    """Notes every statement and the wave it belongs to: statements issued before any
    earlier one returned run concurrently, as the DataLoaders dispatch them."""

    def __init__(self, db: Database, settings: Settings) -> None:
        super().__init__(db, settings)
        self.waves: list[list[tuple[str, dict[str, Any]]]] = [[]]
        self.returned = False

    async def read(self, name: str, parameters: dict[str, Any]) -> list[Row]:
        if self.returned:
            self.waves.append([])
            self.returned = False
        self.waves[-1].append((name, parameters))
        try:
            return await super().read(name, parameters)
        finally:
            self.returned = True


async def measure(call: Callable[[], Awaitable[None]], requests: int, concurrency: int) -> Result:
    for _ in range(max(10, requests // 10)):
        await call()
    latencies: list[float] = []

    async def worker(count: int) -> None:
        for _ in range(count):
            started = time.perf_counter()
            await call()
            latencies.append(time.perf_counter() - started)

    started = time.perf_counter()
    await asyncio.gather(*(worker(requests // concurrency) for _ in range(concurrency)))
    elapsed = time.perf_counter() - started
    latencies.sort()
    return Result(
        p50=statistics.median(latencies) * 1000,
        p99=latencies[max(0, int(len(latencies) * 0.99) - 1)] * 1000,
        throughput=len(latencies) / elapsed,
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def wait_ready(client: httpx.AsyncClient) -> None:
    for _ in range(120):
        try:
            if (await client.get("/readyz")).status_code == 200:
                return
        except httpx.TransportError:
            pass
        await asyncio.sleep(0.5)
    raise SystemExit("the API did not become ready")


async def run(requests: int, concurrency: int) -> None:
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
        try:
            async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
                await wait_ready(client)
                for path in sorted(QUERIES.glob("*.graphql")):
                    document = path.read_text()
                    wanted = {k: v for k, v in variables.items() if f"${k}" in document}
                    payload = {"query": document, "variables": wanted}

                    async def over_http(
                        payload: dict[str, Any] = payload, name: str = path.name
                    ) -> None:
                        body = (await client.post("/graphql", json=payload)).json()
                        if body.get("errors"):
                            raise SystemExit(f"{name}: {body['errors']}")

                    recording = RecordingContext(db, settings)
                    result = await schema.execute(
                        document, variable_values=wanted, context_value=recording
                    )
                    if result.errors:
                        raise SystemExit(f"{path.name}: {result.errors}")
                    waves = recording.waves

                    async def raw(waves: list[list[tuple[str, dict[str, Any]]]] = waves) -> None:
                        for wave in waves:
                            await asyncio.gather(*(db.read(name, params) for name, params in wave))

                    api = await measure(over_http, requests, concurrency)
                    direct = await measure(raw, requests, concurrency)
                    statements = sum(len(wave) for wave in waves)
                    rows.append((path.stem, statements, api, direct))
        finally:
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
    arguments = parser.parse_args()
    asyncio.run(run(arguments.requests, arguments.concurrency))
