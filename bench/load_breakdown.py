"""Where the generator's load time goes: the server's cost per statement kind.

Not a test. Against an empty database (a scratch managed Neo4j, e.g.
PEERGRAPH_NEO4J_HOME=/tmp/load-neo4j PEERGRAPH_NEO4J_BOLT_PORT=7710):

    .venv/bin/python bench/load_breakdown.py [--works 50000] [--batch-size 5000]

Each statement of each batch runs in its own transaction and is timed alone, with
the generator not overlapping; the numbers are the server's per-record costs that
bound `peergraph generate`.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from collections import defaultdict

from core.timeouts import TransactionTimeouts
from resolvers.database import Created, Database
from resolvers.migrations import apply_migrations
from seed.bulk import batch_steps
from seed.generator import generate
from server.connection import connection_for
from server.settings import load_settings

LOAD_TIMEOUT_SECONDS = 600.0


async def run(works: int, batch_size: int) -> None:
    settings = load_settings()
    async with Database.connect(
        connection_for(settings), TransactionTimeouts(LOAD_TIMEOUT_SECONDS)
    ) as db:
        await apply_migrations(db)
        if (await db.read("generate/generated_exists"))[0]["found"]:
            raise SystemExit("the database already holds a generated graph; use an empty one")
        seconds: dict[str, float] = defaultdict(float)
        written: dict[str, Created] = defaultdict(Created)
        for batch in generate(works, 1, batch_size):
            for name, parameters in batch_steps(batch):
                started = time.perf_counter()
                written[name] += await db.write_all([(name, parameters)])
                seconds[name] += time.perf_counter() - started

    total = sum(seconds.values())
    print(f"{works:,} works in {total:.1f} s of statements: {works / total:,.0f} works/s")
    print()
    print("| statement | seconds | nodes | relationships | µs per record |")
    print("|---|---|---|---|---|")
    for name, spent in sorted(seconds.items(), key=lambda item: -item[1]):
        records = written[name].nodes + written[name].relationships
        per_record = spent / records * 1e6 if records else 0.0
        print(
            f"| {name.removeprefix('generate/')} | {spent:.1f} | {written[name].nodes:,} "
            f"| {written[name].relationships:,} | {per_record:.0f} |"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--works", type=int, default=50_000)
    parser.add_argument("--batch-size", type=int, default=5_000)
    arguments = parser.parse_args()
    asyncio.run(run(arguments.works, arguments.batch_size))
