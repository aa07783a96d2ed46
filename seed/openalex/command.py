"""The `peergraph import openalex` and `openalex-sample` commands: progress, summary, exit."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from resolvers.database import Database
from schema.errors import DatabaseUnavailable
from seed.openalex.bulk import BulkRefused, bulk_import
from seed.openalex.files import InputError, discover
from seed.openalex.importer import ReaderFailed, import_openalex
from seed.openalex.lock import ImportRunning, LockLost
from seed.openalex.report import ErrorLog, ImportReport, StrictStop
from seed.openalex.sample import write_sample
from server.connection import connection_for
from server.neo4j_local import Neo4jLocalError
from server.progress import import_progress
from server.settings import Settings


def run_import(
    settings: Settings, paths: list[Path], strict: bool, errors: Path, batch_size: int
) -> None:
    """Exits 1 when any line or file was refused or any value dropped (after loading the
    rest, unless strict)."""
    try:
        discovery = discover(paths)
    except InputError as error:
        sys.exit(f"peergraph: {error}")
    bar = import_progress()
    task = bar.add_task("importing", total=discovery.total_bytes, records=0)

    def advance(position: int, records: int) -> None:
        bar.update(task, completed=position, records=records)

    async def run() -> ImportReport:
        async with Database.connect(connection_for(settings), settings.query_timeout) as db:
            with ErrorLog.to_file(errors, strict) as log, bar:
                return await import_openalex(db, discovery, log, batch_size, advance)

    try:
        report = asyncio.run(run())
    except (
        StrictStop,
        ReaderFailed,
        DatabaseUnavailable,
        ImportRunning,
        LockLost,
    ) as error:
        sys.exit(f"peergraph: {error}")
    except KeyboardInterrupt:
        sys.exit(
            "peergraph: interrupted; each batch is written whole or not at all, "
            "so the same command run again completes the import"
        )
    print("\n".join(report.summary(errors)))
    for problem in report.file_errors:
        print(f"peergraph: {problem}", file=sys.stderr)
    if report.total.errors or report.total.dropped:
        sys.exit(1)
    # Only now: a report there is an earlier run's, not that of an import this one was
    # refused beside (which may be writing it).
    errors.unlink(missing_ok=True)


def run_bulk_import(
    settings: Settings, paths: list[Path], strict: bool, errors: Path, batch_size: int
) -> None:
    """Exits 1 when any line or file was refused (after loading the rest, unless strict)."""
    try:
        discovery = discover(paths)
    except InputError as error:
        sys.exit(f"peergraph: {error}")
    bar = import_progress()
    task = bar.add_task("reading", total=discovery.total_bytes, records=0)

    def advance(position: int, records: int) -> None:
        bar.update(task, completed=position, records=records)

    try:
        with errors.open("w", encoding="utf-8") as stream, bar:
            result = bulk_import(settings, discovery, ErrorLog(stream, strict), batch_size, advance)
    except (StrictStop, ReaderFailed, BulkRefused, Neo4jLocalError) as error:
        sys.exit(f"peergraph: {error}")
    report = result.report
    print("\n".join(report.summary(errors)))
    for step, seconds in result.steps.items():
        print(f"  {step}: {seconds:.1f}s")
    for problem in report.file_errors:
        print(f"peergraph: {problem}", file=sys.stderr)
    if report.total.errors:
        sys.exit(1)


def run_sample(works: int, seed: int, out: Path) -> None:
    report = write_sample(works, seed, out)
    counts = ", ".join(f"{count:,} {entity.value}" for entity, count in report.records.items())
    print(f"wrote {counts} in {len(report.files)} files under {out} ({report.bytes / 1e6:,.1f} MB)")
