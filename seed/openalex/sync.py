"""`peergraph import openalex --sync ROOT`: a mirror kept current with OpenAlex's monthly
snapshots, applying only what is new since the last sync.

The graph records how far it is synced (`(:SyncPoint {key: "openalex"}).through`, the
newest partition date applied). A sync imports the `updated_date=` partitions after that
date through the transactional path (a newer record replaces the fields and links of the
one it updates), then applies the `merged_ids/` files of those dates, and only then moves
the sync point: an interrupted sync is finished by running it again, and a sync with
nothing new changes nothing.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from resolvers.database import Database
from resolvers.migrations import apply_migrations
from seed.openalex.files import discover
from seed.openalex.importer import Progress, write_files
from seed.openalex.lock import import_lock
from seed.openalex.merges import read_merges
from seed.openalex.merging import apply_merges
from seed.openalex.report import ErrorLog, ImportReport

SYNC_POINT = "openalex"


@dataclass
class SyncReport:
    report: ImportReport
    merges: int
    since: datetime.date | None  # the sync point found
    through: datetime.date | None  # the sync point left


async def sync_openalex(
    db: Database,
    root: Path,
    errors: ErrorLog,
    batch_size: int = 2000,
    progress: Progress | None = None,
) -> SyncReport:
    await apply_migrations(db)
    async with import_lock(db) as lock:
        since = await sync_point(db)
        discovery = discover([root]).newer_than(since)
        merges = read_merges(root, since)
        report = ImportReport(files=0, ignored=discovery.ignored)
        if discovery.files:
            report = await write_files(db, discovery, errors, batch_size, progress, lock)
        await apply_merges(db, merges, lock.check)
        dates = [file.folder_date for file in discovery.files if file.folder_date is not None]
        through = max([*dates, *(merge.date for merge in merges)], default=since)
        if through != since:
            await db.write("openalex/sync_point_set", {"key": SYNC_POINT, "through": through})
        return SyncReport(report, len(merges), since, through)


async def sync_point(db: Database) -> datetime.date | None:
    rows = await db.write("openalex/sync_point", {"key": SYNC_POINT})
    through = rows[0]["through"] if rows else None
    return None if through is None else through.to_native()
