"""The `peergraph import openalex` and `openalex-sample` commands: progress, summary, exit."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable
from pathlib import Path

import rich.progress

from resolvers.database import Database
from seed.openalex.bulk import BulkRefused, bulk_import
from seed.openalex.files import Discovery, InputError, discover
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
    discovery = _discover(paths)
    bar, advance = _progress(discovery, "importing")

    async def run() -> ImportReport:
        async with Database.connect(connection_for(settings), settings.query_timeout) as db:
            with ErrorLog.to_file(errors, strict) as log, bar:
                return await import_openalex(db, discovery, log, batch_size, advance)

    try:
        report = asyncio.run(run())
    except (
        StrictStop,
        ReaderFailed,
        ImportRunning,
        LockLost,
    ) as error:
        sys.exit(f"peergraph: {error}")
    except KeyboardInterrupt:
        sys.exit(
            "peergraph: interrupted; each batch is written whole or not at all, "
            "so the same command run again completes the import"
        )
    _finish(report, errors, [])


def run_bulk_import(
    settings: Settings, paths: list[Path], strict: bool, errors: Path, batch_size: int
) -> None:
    """As run_import, through neo4j-admin into an empty database (seed/openalex/bulk.py)."""
    discovery = _discover(paths)
    bar, advance = _progress(discovery, "reading")
    try:
        with ErrorLog.to_file(errors, strict) as log, bar:
            result = bulk_import(settings, discovery, log, batch_size, advance)
    except (StrictStop, ReaderFailed, BulkRefused, Neo4jLocalError) as error:
        sys.exit(f"peergraph: {error}")
    steps = [f"  {step}: {seconds:.1f}s" for step, seconds in result.steps.items()]
    _finish(result.report, errors, steps)


def _discover(paths: list[Path]) -> Discovery:
    try:
        return discover(paths)
    except InputError as error:
        sys.exit(f"peergraph: {error}")


def _progress(
    discovery: Discovery, action: str
) -> tuple[rich.progress.Progress, Callable[[int, int], None]]:
    bar = import_progress()
    task = bar.add_task(action, total=discovery.total_bytes, records=0)

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


def run_sample(works: int, seed: int, out: Path) -> None:
    report = write_sample(works, seed, out)
    counts = ", ".join(f"{count:,} {entity.value}" for entity, count in report.records.items())
    print(f"wrote {counts} in {len(report.files)} files under {out} ({report.bytes / 1e6:,.1f} MB)")
