"""Distinct documents against the API: the memory they leave behind, and how long a
known one-field request waits while clients flood new large documents (issue 21, rows 2
and 3).

Not a test. Against the Neo4j the settings name (managed or NEO4J_URI), migrated:

    .venv/bin/python bench/documents.py [--documents 10000] [--flooders 4] [--seconds 30]

It starts `peergraph serve` on a free port and:
1. reads the server's RSS after a warm-up, sends `--documents` distinct documents over 4
   connections (half small, 45 % of 300 fields, 5 % of 1,600 fields that validation
   refuses), and reads the RSS again;
2. times `{ __typename }` on one connection, alone and then while `--flooders` clients
   each send distinct 1,600-field documents back to back, and prints p50, p99 and max.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import statistics
import time
from collections.abc import Iterator
from pathlib import Path

from ports import free_port
from run import Connection, encode_request, wait_ready
from serve_env import serving

KNOWN = encode_request("POST", "/graphql", {"query": "{ __typename }"})


def typenames(index: int, fields: int) -> str:
    return f"query D{index} {{" + " __typename" * fields + "}"


def distinct_documents(count: int) -> Iterator[str]:
    for index in range(count):
        kind = index % 20
        fields = 1600 if kind == 0 else 300 if kind < 10 else 1
        yield typenames(index, fields)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise SystemExit(f"no RSS for process {pid}")


async def send_documents(port: int, documents: Iterator[str], connections: int) -> dict[int, int]:
    statuses: dict[int, int] = {}

    async def client() -> None:
        connection = await Connection.open(port)
        try:
            for text in documents:  # one iterator shared by every client
                status, _ = await connection.send(
                    encode_request("POST", "/graphql", {"query": text})
                )
                statuses[status] = statuses.get(status, 0) + 1
        finally:
            connection.close()

    await asyncio.gather(*(client() for _ in range(connections)))
    return statuses


async def known_latencies(port: int, seconds: float) -> list[float]:
    connection = await Connection.open(port)
    latencies: list[float] = []
    deadline = time.perf_counter() + seconds
    try:
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            status, _ = await connection.send(KNOWN)
            latencies.append(time.perf_counter() - started)
            if status != 200:
                raise SystemExit(f"{{ __typename }} answered {status}")
            await asyncio.sleep(0.01)  # a reader, not a flood of its own
    finally:
        connection.close()
    return latencies


def summary(latencies: list[float]) -> str:
    ordered = sorted(latencies)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return (
        f"{len(ordered)} requests, p50 {statistics.median(ordered) * 1000:.1f} ms, "
        f"p99 {p99 * 1000:.1f} ms, max {ordered[-1] * 1000:.1f} ms"
    )


async def flood_beside_reader(
    port: int, flooders: int, seconds: float
) -> tuple[str, dict[int, int]]:
    numbers = itertools.count(10_000_000)
    flooding = asyncio.Event()
    statuses: dict[int, int] = {}

    async def flooder() -> None:
        connection = await Connection.open(port)
        try:
            while not flooding.is_set():
                request = encode_request(
                    "POST", "/graphql", {"query": typenames(next(numbers), 1600)}
                )
                status, _ = await connection.send(request)
                statuses[status] = statuses.get(status, 0) + 1
        finally:
            connection.close()

    tasks = [asyncio.create_task(flooder()) for _ in range(flooders)]
    await asyncio.sleep(1)  # the flood under way before the reader starts
    latencies = await known_latencies(port, seconds)
    flooding.set()
    await asyncio.gather(*tasks)
    return summary(latencies), statuses


async def run(documents: int, flooders: int, seconds: float) -> None:
    port = free_port()
    with serving(port) as server:
        await wait_ready(port, server)
        await send_documents(port, (typenames(index, 300) for index in range(-50, 0)), 4)
        baseline = rss_mb(server.pid)
        started = time.perf_counter()
        statuses = await send_documents(port, distinct_documents(documents), 4)
        elapsed = time.perf_counter() - started
        after = rss_mb(server.pid)
        print(
            f"{documents:,} distinct documents in {elapsed:.0f} s (HTTP statuses {statuses}): "
            f"RSS {baseline:.0f} MB after warm-up, {after:.0f} MB after, "
            f"{after - baseline:+.0f} MB"
        )
        print(f"{{ __typename }} alone: {summary(await known_latencies(port, seconds))}")
        flooded, flood_statuses = await flood_beside_reader(port, flooders, seconds)
        print(
            f"{{ __typename }} beside {flooders} clients flooding distinct 1,600-field "
            f"documents: {flooded} (the flood's HTTP statuses {flood_statuses})"
        )
        print(f"RSS after the flood: {rss_mb(server.pid):.0f} MB")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--flooders", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=30)
    arguments = parser.parse_args()
    asyncio.run(run(arguments.documents, arguments.flooders, arguments.seconds))
