"""The floor of a sync: how fast Neo4j takes a month's works when every other cost is gone.

Not a test. The sync (bench/sync.py) reads, maps, looks up versions and identities, and
writes. This bench reads and maps the month first, untimed, then times only the statements
that write the works with their links (placeholders, the works themselves, citations), their
rows made in advance and no version, unlink or identity statement run. Whatever the sync
does, it cannot take a month faster than this on the same Neo4j and machine.

It runs the writes with one writer, then (on a fresh copy of the mirror) with two writers
taking alternate batches, since two cores could write two batches at once.

    .venv/bin/python bench/sync_floor.py --data D --store S [--writers 1 2] [--batch-size N]

D is a sample written with `openalex-sample --months 1`, S the mirror's store that
bench/sync.py kept with --store (the first month synced).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from ports import free_port
from sync import NEXT_MONTH, copy_store, cpu_seconds, month_view

from resolvers.database import Created, Database, Transaction
from resolvers.defaults import NODE_DEFAULTS
from seed.openalex.batches import Batch, read_batches
from seed.openalex.files import discover
from seed.openalex.records import Entity
from seed.openalex.writer import PLANS
from server.connection import database_for
from server.neo4j_local import ManagedNeo4j
from server.settings import Settings, load_settings

Steps = list[tuple[str, list[dict[str, object]]]]


def work_batches(view: Path, batch_size: int) -> Iterator[Batch]:
    for batch in read_batches(discover([view]), batch_size, strict=False, prepare=True):
        if batch.entity is Entity.WORKS and batch.records:
            yield batch


def write_steps(batch: Batch) -> Steps:
    """The statements that write a batch's works, in the sync's order, rows made."""
    plan = PLANS[Entity.WORKS]
    links = batch.rows()
    nodes = [record.node_at(None) for record in batch.records.values()]
    names = [*plan.before, plan.nodes, *plan.after]
    return [(name, nodes if name == plan.nodes else links.get(name, [])) for name in names]


async def write(db: Database, steps: Steps) -> Created:
    async def work(tx: Transaction) -> Created:
        created = Created()
        for name, rows in steps:
            if rows:
                created += (await tx.run(name, {"rows": rows, "defaults": NODE_DEFAULTS})).created
        return created

    return await db.write_transaction(work)


async def writers(settings: Settings, batches: list[Steps], count: int) -> float:
    """Seconds for `count` writers taking alternate batches to write them all."""
    async with database_for(settings.model_copy(update={"query_timeout": 600.0})) as db:

        async def writer(index: int) -> None:
            for steps in batches[index::count]:
                await write(db, steps)

        started = time.perf_counter()
        await asyncio.gather(*(writer(index) for index in range(count)))
        return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--writers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--batch-size", type=int, default=2000)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="peergraph-sync-floor-") as scratch:
        view = Path(scratch) / "view"
        month_view(options.data, view, NEXT_MONTH)
        started = time.perf_counter()
        batches, works = [], 0
        for batch in work_batches(view, options.batch_size):
            batches.append(write_steps(batch))
            works += len(batch.records)
        print(f"{works:,} works mapped in {time.perf_counter() - started:.1f}s", flush=True)
        for count in options.writers:
            home = Path(scratch) / f"neo4j-{count}"
            settings = load_settings().model_copy(
                update={"neo4j_home": home, "neo4j_bolt_port": free_port(), "neo4j_uri": None}
            )
            server = ManagedNeo4j(settings)
            copy_store(options.store, server.data_dir.parent)
            server.start()
            try:
                pid = server.pid()
                assert pid is not None
                connected = settings.model_copy(
                    update={"neo4j_uri": server.uri, "neo4j_password": server.password()}
                )
                cpu_before = cpu_seconds(pid)
                seconds = asyncio.run(writers(connected, batches, count))
                cpu = cpu_seconds(pid) - cpu_before
                print(
                    f"{count} writer(s): {works:,} works in {seconds:.1f}s ="
                    f" {works / seconds:,.0f} works/s; Neo4j CPU {cpu:.1f}s ="
                    f" {cpu / works * 1e6:,.0f} us a work; load average"
                    f" {os.getloadavg()[0]:.1f}",
                    flush=True,
                )
            finally:
                server.stop()


if __name__ == "__main__":
    main()
