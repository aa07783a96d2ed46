"""The `peergraph import openalex` and `openalex-sample` commands: progress, summary, exit."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any, TypeVar

import rich.progress

from seed.openalex.bulk import BulkRefused, BulkTarget, bulk_import
from seed.openalex.files import Discovery, InputError, discover
from seed.openalex.importer import ReaderFailed, import_openalex
from seed.openalex.lock import ImportRunning, LockLost
from seed.openalex.report import ErrorLog, ImportReport, StrictStop
from seed.openalex.sample import write_sample
from seed.openalex.sync import SyncReport, sync_openalex
from server.connection import connection_for, database_for
from server.neo4j_local import ManagedNeo4j, Neo4jLocalError
from server.progress import import_progress
from server.settings import Settings

T = TypeVar("T")
# An import or sync is background work beside a serving API: at the lowest CPU priority
# (its reading processes inherit it), the API's requests get the cores first. On two cores
# this keeps a profile page's p99 during a sync near quiet (bench/RESULTS.md).
BACKGROUND_NICENESS = 19


def run_import(
    settings: Settings, paths: list[Path], strict: bool, errors: Path, batch_size: int
) -> None:
    """Exits 1 when any line or file was refused or any value dropped (after loading the
    rest, unless strict)."""
    _in_background()
    discovery = _discover(paths)
    bar, advance = _progress(discovery.total_bytes, "importing")

    async def run() -> ImportReport:
        async with database_for(settings) as db:
            with ErrorLog.to_file(errors, strict) as log, bar:
                return await import_openalex(db, discovery, log, batch_size, advance)

    _finish(_interruptible(run), errors, [])


def run_sync(settings: Settings, root: Path, strict: bool, errors: Path, batch_size: int) -> None:
    """As run_import, for what is newer than the graph's sync point (seed/openalex/sync.py)."""
    _in_background()
    bar, advance = _progress(None, "syncing")

    async def run() -> SyncReport:
        async with database_for(settings) as db:
            with ErrorLog.to_file(errors, strict) as log, bar:
                return await sync_openalex(db, root, log, batch_size, advance)

    result = _interruptible(run)
    since = "the start" if result.since is None else result.since.isoformat()
    through = "nothing" if result.through is None else result.through.isoformat()
    _finish(
        result.report,
        errors,
        [f"synced from {since} through {through}; {result.merges:,} merged ids applied"],
    )


def _in_background() -> None:
    os.setpriority(os.PRIO_PROCESS, 0, BACKGROUND_NICENESS)


def _interruptible(run: Callable[[], Coroutine[Any, Any, T]]) -> T:
    try:
        return asyncio.run(run())
    except (StrictStop, ReaderFailed, ImportRunning, LockLost, InputError) as error:
        sys.exit(f"peergraph: {error}")
    except KeyboardInterrupt:
        sys.exit(
            "peergraph: interrupted; each batch is written whole or not at all, "
            "so the same command run again completes the import"
        )


def run_bulk_import(
    settings: Settings, paths: list[Path], strict: bool, errors: Path, batch_size: int
) -> None:
    """As run_import, through neo4j-admin into an empty database (seed/openalex/bulk.py)."""
    discovery = _discover(paths)
    bar, advance = _progress(discovery.total_bytes, "reading")
    try:
        with ErrorLog.to_file(errors, strict) as log, bar:
            result = bulk_import(bulk_target(settings), discovery, log, batch_size, advance)
    except (StrictStop, ReaderFailed, BulkRefused, Neo4jLocalError) as error:
        sys.exit(f"peergraph: {error}")
    steps = [f"  {step}: {seconds:.1f}s" for step, seconds in result.steps.items()]
    _finish(result.report, errors, steps)


def bulk_target(settings: Settings) -> BulkTarget:
    """The managed Neo4j, whose database the bulk path replaces; never a NEO4J_URI server."""
    if not settings.managed:
        raise BulkRefused(
            "--bulk loads into the managed Neo4j, whose files it replaces; with NEO4J_URI "
            "set, import without --bulk"
        )
    return BulkTarget(
        ManagedNeo4j(settings), connection_for(settings), settings.transaction_timeouts()
    )


def _discover(paths: list[Path]) -> Discovery:
    try:
        return discover(paths)
    except InputError as error:
        sys.exit(f"peergraph: {error}")


def _progress(
    total: int | None, action: str
) -> tuple[rich.progress.Progress, Callable[[int, int], None]]:
    bar = import_progress()
    task = bar.add_task(action, total=total, records=0)

    def advance(position: int, records: int) -> None:
        bar.update(task, completed=position, records=records)

    return bar, advance


def _finish(report: ImportReport, errors: Path, details: list[str]) -> None:
    print("\n".join([*report.summary(errors), *details]))
    for problem in report.file_errors:
        print(f"peergraph: {problem}", file=sys.stderr)
    if report.total.errors or report.total.dropped:
        sys.exit(1)
    # Only now: a report there is an earlier run's, not that of an import this one was
    # refused beside (which may be writing it). Only a file: `--errors /dev/null` is not.
    if errors.is_file():
        errors.unlink()


def run_sample(works: int, seed: int, out: Path, months: int) -> None:
    report = write_sample(works, seed, out, months=months)
    counts = ", ".join(f"{count:,} {entity.value}" for entity, count in report.records.items())
    print(f"wrote {counts} in {len(report.files)} files under {out} ({report.bytes / 1e6:,.1f} MB)")
