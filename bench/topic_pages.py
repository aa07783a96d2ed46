"""Bounded memory under fan-out: concurrent pages of the biggest topic's works.

Not a test. Against the Neo4j the settings name (managed or NEO4J_URI), holding a
generated graph:

    .venv/bin/python bench/topic_pages.py [--concurrency 8] [--rounds 25]

It starts `peergraph serve`, then sends rounds of `--concurrency` simultaneous requests
for a page of 100 of the biggest topic's works (with their authors and topics, and the
topic's totalCount), and counts every answer that is not a clean 200: a Neo4j memory
error would surface there as an error in the answer.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import time

from ports import free_port
from run import Connection, wait_ready
from serve_env import serve_env

from core.global_ids import encode_id
from server.connection import database_for
from server.settings import load_settings

PAGE = """query ($topic: ID!) { topic(id: $topic) { name works(first: 100) { totalCount
  edges { node { title year authors { researcher { name } } topics { topic { name } } } } } } }"""


async def run(concurrency: int, rounds: int) -> None:
    settings = load_settings()
    async with database_for(settings) as db:
        topic = (await db.read("bench/biggest_topic"))[0]
    print(f"topic {topic['key']}: {topic['works']:,} works; {rounds} rounds of {concurrency}")
    port = free_port()
    server = subprocess.Popen(  # noqa: ASYNC220 - once, before anything is timed
        [sys.executable, "-m", "server.cli", "serve"],
        env=serve_env(port),
    )
    payload = {"query": PAGE, "variables": {"topic": encode_id("Topic", topic["key"])}}
    latencies: list[float] = []
    failures: list[str] = []
    try:
        await wait_ready(port)
        connections = [await Connection.open(port) for _ in range(concurrency)]

        async def one(connection: Connection) -> None:
            started = time.perf_counter()
            status, body = await connection.request("POST", "/graphql", payload)
            latencies.append(time.perf_counter() - started)
            if status != 200 or body.get("errors") or not body["data"]["topic"]["works"]["edges"]:
                failures.append(f"HTTP {status}: {str(body.get('errors'))[:200]}")

        for _ in range(rounds):
            await asyncio.gather(*(one(connection) for connection in connections))
        for connection in connections:
            connection.close()
    finally:
        server.terminate()
        server.wait()
    print(
        f"{len(latencies)} requests, {len(failures)} failed; "
        f"p50 {statistics.median(latencies) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms"
    )
    for failure in failures[:5]:
        print(failure)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=25)
    arguments = parser.parse_args()
    asyncio.run(run(arguments.concurrency, arguments.rounds))
