"""Latency of the seed-profile query over real HTTP (not a test).

Usage: with `make run` serving on 127.0.0.1:8000,
    .venv/bin/python bench/profile_query.py [--requests 500] [--concurrency 1]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from pathlib import Path

import httpx2 as httpx

QUERY = (Path(__file__).with_name("profile_query.graphql")).read_text()
SEED_RESEARCHER = "UmVzZWFyY2hlcjphbmlyYml0LW11a2hlcmplZQ"


async def worker(client: httpx.AsyncClient, count: int, latencies: list[float]) -> None:
    payload = {"query": QUERY, "variables": {"id": SEED_RESEARCHER}}
    for _ in range(count):
        started = time.perf_counter()
        response = await client.post("/graphql", json=payload)
        latencies.append(time.perf_counter() - started)
        body = response.json()
        if response.status_code != 200 or body.get("errors"):
            raise SystemExit(f"request failed: {response.status_code} {body}")


async def main(url: str, requests: int, concurrency: int, warmup: int) -> None:
    async with httpx.AsyncClient(base_url=url, timeout=30) as client:
        await worker(client, warmup, [])
        latencies: list[float] = []
        started = time.perf_counter()
        per_worker = requests // concurrency
        await asyncio.gather(*(worker(client, per_worker, latencies) for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    latencies.sort()
    p50 = statistics.median(latencies) * 1000
    p99 = latencies[int(len(latencies) * 0.99) - 1] * 1000
    print(f"requests={len(latencies)} concurrency={concurrency}")
    print(f"p50={p50:.1f} ms  p99={p99:.1f} ms  throughput={len(latencies) / elapsed:.0f} req/s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--concurrency", type=int, default=1)
    parser.add_argument("--warmup", type=int, default=50)
    args = parser.parse_args()
    asyncio.run(main(args.url, args.requests, args.concurrency, args.warmup))
