"""Incremental OpenAlex import rate: works through transactions into a graph that already
holds their authors, institutions and topics.

Not a test. Starts a scratch managed Neo4j (2g heap, 2g page cache), then for each round
and each source tree given (this checkout by default; several, e.g. commits exported
with `git archive`, to compare): wipes the graph, imports the reference
entities (domains ... authors), then times `peergraph import openalex DATA/works` and
prints works/s from the command's own summary, with the CPU seconds Neo4j spent meanwhile
(from /proc, so other processes on the machine do not count) per work. Trees take turns
round by round, so load from other processes falls on each alike.

    .venv/bin/python bench/openalex_import.py --data /tmp/oasample/data [--rounds 3]
        [--tree /tmp/base] [--batch-size 2000]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from neo4j import Query, RoutingControl
from ports import free_port

from server.connection import database_for
from server.neo4j_local import ManagedNeo4j
from server.settings import Settings, load_settings

HERE = Path(__file__).resolve().parent.parent
REFERENCE = ("domains", "fields", "subfields", "topics", "institutions", "authors")
SUMMARY = re.compile(r"^read ([\d,]+) records from \d+ files in ([\d.]+)s")
# Relationships first: a node's DETACH DELETE holds all of its relationships at once.
WIPE = (
    "MATCH ()-[r]->() WITH r LIMIT 50000 DELETE r RETURN count(*) AS deleted",
    "MATCH (n) WITH n LIMIT 50000 DELETE n RETURN count(*) AS deleted",
)
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def import_command(
    tree: Path, env: dict[str, str], paths: list[Path], batch_size: int
) -> tuple[int, float]:
    command = [sys.executable, "-m", "server.cli", "import", "openalex", *map(str, paths)]
    command += ["--batch-size", str(batch_size), "--errors", os.devnull]
    result = subprocess.run(command, cwd=tree, env=env, capture_output=True, text=True)
    for line in result.stdout.splitlines():
        found = SUMMARY.match(line)
        if found:
            return int(found.group(1).replace(",", "")), float(found.group(2))
    raise RuntimeError(f"no summary from {tree}:\n{result.stdout}\n{result.stderr}")


async def wipe(settings: Settings) -> None:
    async with database_for(settings) as db:
        for statement in WIPE:
            while True:
                records, _, _ = await db.driver.execute_query(
                    Query(statement, timeout=600),
                    database_=db.database,
                    routing_=RoutingControl.WRITE,
                )
                if not records[0]["deleted"]:
                    break


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--tree", type=Path, action="append", default=[])
    parser.add_argument("--batch-size", type=int, default=2000)
    options = parser.parse_args()
    trees = options.tree or [HERE]
    with tempfile.TemporaryDirectory(prefix="peergraph-import-bench-") as home:
        settings = load_settings().model_copy(
            update={
                "neo4j_home": Path(home),
                "neo4j_bolt_port": free_port(),
                "neo4j_heap": "2g",
                "neo4j_pagecache": "2g",
                "neo4j_uri": None,
            }
        )
        server = ManagedNeo4j(settings)
        server.start()
        env = {**os.environ, "NEO4J_URI": server.uri, "NEO4J_PASSWORD": server.password()}
        pid = server.pid()
        assert pid is not None
        try:
            for round_number in range(1, options.rounds + 1):
                for tree in trees:
                    asyncio.run(wipe(settings))
                    reference = [options.data / entity for entity in REFERENCE]
                    import_command(tree, env, reference, options.batch_size)
                    before = cpu_seconds(pid)
                    works, seconds = import_command(
                        tree, env, [options.data / "works"], options.batch_size
                    )
                    server_cpu = cpu_seconds(pid) - before
                    print(
                        f"round {round_number} {tree}: {works:,} works in {seconds:.1f}s = "
                        f"{works / seconds:,.0f} works/s; Neo4j CPU {server_cpu:.1f}s = "
                        f"{server_cpu / works * 1e6:,.0f} µs/work; "
                        f"load average {os.getloadavg()[0]:.1f}",
                        flush=True,
                    )
        finally:
            server.stop()


if __name__ == "__main__":
    main()
