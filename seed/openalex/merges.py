"""OpenAlex's merged ids: `merged_ids/<entity>/<date>.csv.gz`, one row per record found
to duplicate another (`merge_date,id,merge_into_id`). The duplicate is gone from later
snapshots; a mirror keeps one node and lets the old id answer it (docs/identity.md)."""

from __future__ import annotations

import csv
import datetime
import gzip
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from seed.openalex.files import GZIP_MAGIC, MERGED_FOLDER, InputError
from seed.openalex.records import Entity, openalex_key

# The merges this graph applies: it holds no sources, and institutions keep their key alone.
MERGED_ENTITIES = (Entity.AUTHORS, Entity.WORKS)
COLUMNS = ("merge_date", "id", "merge_into_id")


@dataclass(frozen=True)
class Merge:
    entity: Entity
    date: datetime.date
    id: str
    into: str


def read_merges(root: Path, after: datetime.date | None) -> list[Merge]:
    """The merges under `root` dated after `after` (all for None), oldest first."""
    merges = [
        merge
        for entity in MERGED_ENTITIES
        for path in sorted(_files(root, entity))
        for merge in _rows(path, entity)
        if after is None or merge.date > after
    ]
    return sorted(merges, key=lambda merge: (merge.date, merge.entity.value, merge.id))


def _files(root: Path, entity: Entity) -> Iterator[Path]:
    """`merged_ids/<entity>/*.csv[.gz]` anywhere under `root`, or in `root` itself."""
    pattern = f"{entity.value}/*.csv*"
    if root.name != MERGED_FOLDER:
        pattern = f"**/{MERGED_FOLDER}/{pattern}"
    yield from (path for path in root.glob(pattern) if path.is_file())


def _rows(path: Path, entity: Entity) -> Iterator[Merge]:
    data = path.read_bytes()
    if data.startswith(GZIP_MAGIC):
        data = gzip.decompress(data)
    reader = csv.DictReader(io.StringIO(data.decode("utf-8")))
    if reader.fieldnames is None or not set(COLUMNS) <= set(reader.fieldnames):
        raise InputError(f"{path}: expected the columns {', '.join(COLUMNS)}")
    for line, row in enumerate(reader, start=2):
        try:
            yield Merge(
                entity,
                datetime.date.fromisoformat(row["merge_date"]),
                openalex_key(row["id"], entity),
                openalex_key(row["merge_into_id"], entity),
            )
        except ValueError as error:
            raise InputError(f"{path}:{line}: {error}") from error
