"""The fixed cost of a request: a GraphQL request that runs no statement, next to the
smallest statement run straight through the driver.

Not a test. Against the Neo4j the settings name:

    .venv/bin/python bench/floor.py [--requests 500]

It starts `peergraph serve` and alternates blocks of 25 `{ __typename }` POSTs (a known
document: HTTP, the plan and the JSON, no database) with blocks of 25 `RETURN 1` through
the async driver, and prints both medians.
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

from server.connection import database_for
from server.settings import load_settings

BLOCK = 25


async def run(requests: int) -> None:
    settings = load_settings()
    port = free_port()
    server = subprocess.Popen(  # noqa: ASYNC220 - once, before anything is timed
        [sys.executable, "-m", "server.cli", "serve"],
        env=serve_env(port),
    )
    http: list[float] = []
    driver: list[float] = []
    try:
        await wait_ready(port)
        connection = await Connection.open(port)
        async with database_for(settings) as db:
            for _ in range(max(1, requests // BLOCK)):
                for _ in range(BLOCK):
                    started = time.perf_counter()
                    await connection.request("POST", "/graphql", {"query": "{ __typename }"})
                    http.append(time.perf_counter() - started)
                for _ in range(BLOCK):
                    started = time.perf_counter()
                    await db.query("RETURN 1 AS one", {})
                    driver.append(time.perf_counter() - started)
        connection.close()
    finally:
        server.terminate()
        server.wait()
    print(
        f"{{ __typename }} over HTTP: p50 {statistics.median(http) * 1000:.3f} ms; "
        f"RETURN 1 through the driver: p50 {statistics.median(driver) * 1000:.3f} ms"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=500)
    asyncio.run(run(parser.parse_args().requests))
