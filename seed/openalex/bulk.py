"""`peergraph import openalex --bulk`: a snapshot's first load, through Neo4j's offline
importer instead of transactions.

Only into the managed server's empty database: neo4j-admin replaces the database's files
while the server is stopped. The records are read and mapped as the transactional path
reads them, resolved into CSV files (seed/openalex/bulk_graph.py), imported, and the
server is started again with its constraints and indexes built. Later snapshots go
through the transactional path, which adds to what is there.
"""

from __future__ import annotations

import asyncio
import shutil
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Protocol

from core.timeouts import TransactionTimeouts
from resolvers.database import Created, Database, Neo4jConnection
from resolvers.migrations import apply_migrations
from resolvers.statements import statement
from seed.openalex.admin_csv import ARRAY_DELIMITER
from seed.openalex.bulk_graph import Files, SnapshotGraph
from seed.openalex.bulk_parts import write_parts
from seed.openalex.files import Discovery
from seed.openalex.importer import Progress, Reader
from seed.openalex.report import ErrorLog, ImportReport

READERS = 2  # processes parsing the files; the two cores of the machine this is tuned on
INDEX_WAIT_SECONDS = 3600


class BulkRefused(RuntimeError):
    """The bulk path cannot load into this database."""


class ManagedServer(Protocol):
    """The managed Neo4j as the bulk path drives it (server/neo4j_local.py)."""

    @property
    def home(self) -> Path: ...

    def start(self) -> bool: ...

    def stop(self) -> bool: ...

    def import_full(
        self, nodes: list[Path], relationships: list[Path], *, array_delimiter: str
    ) -> None: ...


@dataclass(frozen=True)
class BulkTarget:
    """The managed server whose database the bulk path replaces, and how to reach it."""

    server: ManagedServer
    connection: Neo4jConnection
    timeouts: TransactionTimeouts


@dataclass
class BulkReport:
    report: ImportReport
    steps: dict[str, float] = field(default_factory=dict)  # seconds each step took


def bulk_import(
    target: BulkTarget,
    discovery: Discovery,
    errors: ErrorLog,
    batch_size: int = 2000,
    progress: Progress | None = None,
) -> BulkReport:
    neo4j = target.server
    neo4j.start()  # the first start creates the home, its configuration and password
    nodes = asyncio.run(_census(target)).nodes
    if nodes:
        raise BulkRefused(
            f"--bulk loads only into an empty database, and this one holds {nodes:,} nodes; "
            "import later snapshots without --bulk"
        )
    result = BulkReport(ImportReport(files=len(discovery.files), ignored=discovery.ignored))
    folder = neo4j.home / "bulk-import"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    started = time.perf_counter()
    try:
        write = partial(_write_csv, discovery, errors, batch_size, progress, result.report, folder)
        files = _write_while_stopping(neo4j, result, write)
        with _step(result, "neo4j-admin database import full"):
            neo4j.import_full(files.nodes, files.relationships, array_delimiter=ARRAY_DELIMITER)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    with _step(result, "start Neo4j"):
        neo4j.start()
    with _step(result, "constraints, indexes until all are online, kept aggregates"):
        asyncio.run(_build_indexes(target.connection))
    result.report.written = asyncio.run(_census(target))
    result.report.seconds = time.perf_counter() - started
    return result


def _write_while_stopping(
    neo4j: ManagedServer, result: BulkReport, write: Callable[[], Files]
) -> Files:
    """The reading needs no server: its shutdown, mostly Bolt's idle grace period, runs
    beside the reading instead of after it. When the reading fails, the server starts
    again, its database as it was."""
    with ThreadPoolExecutor(1) as stopper:
        stopped = stopper.submit(neo4j.stop)
        try:
            with _step(result, "read, map and write CSV"):
                files = write()
        except Exception:
            stopped.result()
            neo4j.start()
            raise
        with _step(result, "stop Neo4j, the rest of it"):
            stopped.result()
    return files


def _write_csv(
    discovery: Discovery,
    errors: ErrorLog,
    batch_size: int,
    progress: Progress | None,
    report: ImportReport,
    folder: Path,
) -> Files:
    graph = SnapshotGraph(folder)
    numbers = {file.path: number for number, file in enumerate(discovery.files)}
    produce = partial(write_parts, folder, numbers)
    reader = Reader(discovery, batch_size, errors.strict, produce, READERS)
    try:
        while (batch := reader.next()) is not None:
            for entry in batch.errors:
                errors.record(entry)
            graph.add(batch)
            report.add(batch.entity, batch.tally)
            report.file_errors += batch.file_errors
            if progress is not None:
                progress(batch.position, report.total.read)
    finally:
        reader.close()
    return graph.finish(READERS)


async def _census(target: BulkTarget) -> Created:
    async with Database.connect(target.connection, target.timeouts) as db:
        (census,) = await db.read("admin/census")
        return Created(census["nodes"], census["relationships"])


async def _build_indexes(connection: Neo4jConnection) -> None:
    # index builds may take minutes: the statement that waits for them must not time out
    async with Database.connect(connection, TransactionTimeouts(INDEX_WAIT_SECONDS)) as db:
        # Neo4j builds two indexes at a time, in the order they were made, and a
        # constraint's statement waits for its index where an index's does not: the
        # full-text indexes, the longest builds, go first, then the other indexes, so
        # that the constraints' builds run beside them instead of before them.
        await apply_migrations(db, order=_build_order)
        await db.read("admin/await_indexes", {"seconds": INDEX_WAIT_SECONDS})


def _build_order(migration: str) -> tuple[bool, bool]:
    text = statement(migration)
    return "FULLTEXT" not in text, "CONSTRAINT" in text


@contextmanager
def _step(result: BulkReport, name: str) -> Iterator[None]:
    started = time.perf_counter()
    yield
    result.steps[name] = time.perf_counter() - started
