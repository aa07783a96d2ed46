"""Snapshot files -> batches of mapped records, one entity per batch.

Bad lines travel with their batch as error entries and reading goes on (in strict mode it
ends with the batch holding the first one). Within a batch each key keeps only its newest
record, so a batch never writes one entity twice.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass, field

from seed.openalex.files import Discovery, FileError, SnapshotFile, read_lines
from seed.openalex.mapping import Mapped, Row, gather, map_record
from seed.openalex.records import RECORDS, Entity
from seed.openalex.report import ErrorEntry, Tally, record_id
from seed.openalex.salvage import Refused, salvage


@dataclass
class Batch:
    entity: Entity
    records: dict[str, Mapped] = field(default_factory=dict)
    tally: Tally = field(default_factory=Tally)  # lines read and refused since the last batch
    position: int = 0  # bytes of the input consumed, over all files
    errors: list[ErrorEntry] = field(default_factory=list)
    file_errors: list[str] = field(default_factory=list)
    prepared: dict[str, list[Row]] | None = None  # rows() of all records, made by the reader

    def add(self, mapped: Mapped) -> None:
        held = self.records.get(mapped.key)
        if held is not None:
            self.tally.skipped += 1
            if held.updated > mapped.updated:
                return
        self.records[mapped.key] = mapped

    def refuse(self, entry: ErrorEntry) -> None:
        self.tally.errors += 1
        self.errors.append(entry)

    def drop(self, entry: ErrorEntry) -> None:
        self.tally.dropped += 1
        self.errors.append(entry)

    def rows(self, keys: set[str] | None = None) -> dict[str, list[Row]]:
        """The statement rows of the records with these keys (default: all)."""
        if keys is None or len(keys) == len(self.records):
            if self.prepared is None:
                self.prepared = gather(self.records.values())
            return self.prepared
        return gather(record for key, record in self.records.items() if key in keys)


def read_batches(
    discovery: Discovery, batch_size: int, strict: bool, prepare: bool = True
) -> Generator[Batch, None, None]:
    """With `prepare`, each batch comes with its statement rows (see Batch.rows)."""
    finish = _prepared if prepare else _as_read
    done = 0  # bytes of the files already read
    batch: Batch | None = None
    for file in discovery.files:
        if batch is None or batch.entity is not file.entity:
            if batch is not None:
                yield finish(batch)
            batch = Batch(file.entity)
        try:
            for number, line, position in read_lines(file):
                batch.tally.read += 1
                batch.position = done + position
                _parse(file, number, line, batch)
                if strict and batch.errors:
                    yield batch
                    return
                if len(batch.records) >= batch_size:
                    yield finish(batch)
                    batch = Batch(file.entity)
        except FileError as error:
            batch.file_errors.append(str(error))
            batch.refuse(
                ErrorEntry(str(file.path), error.line + 1, file.entity, None, error.reason)
            )
            if strict:
                yield batch
                return
        done += file.size
        batch.position = done
    if batch is not None:
        yield finish(batch)


def _as_read(batch: Batch) -> Batch:
    return batch


def _prepared(batch: Batch) -> Batch:
    batch.rows()
    return batch


def _parse(file: SnapshotFile, number: int, line: bytes, batch: Batch) -> None:
    try:
        record, dropped = salvage(RECORDS[file.entity], line)
    except Refused as refused:
        batch.refuse(
            ErrorEntry(str(file.path), number, file.entity, record_id(line), refused.reason)
        )
        return
    for value in dropped:
        batch.drop(
            ErrorEntry(
                str(file.path),
                number,
                file.entity,
                record_id(line),
                value.error,
                value.field,
                value.value,
            )
        )
    batch.add(map_record(file.entity, record, file.folder_date))
