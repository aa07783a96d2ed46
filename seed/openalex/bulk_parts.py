"""What each reading process of the bulk path does with the records it reads: writes their
rows into a CSV part of its own (seed/openalex/bulk_graph.py) and sends the writing process
only their keys and versions, so that no mapped record crosses between processes.

A process writes the first version it reads of a record at once. A newer version of a
record it already wrote waits for the end of its files, when it goes into a second part;
the SnapshotGraph then sees both and cuts the older one out.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from seed.openalex.batches import read_batches
from seed.openalex.bulk_graph import (
    OWN_NODES,
    PART_NODES,
    PLACEHOLDER_NODES,
    Part,
    PartBatch,
    Rank,
)
from seed.openalex.files import Discovery
from seed.openalex.mapping import Mapped, Row, mention_stamp
from seed.openalex.records import Entity


def write_parts(
    folder: Path,
    numbers: dict[Path, int],
    index: int,
    share: Discovery,
    batch_size: int,
    strict: bool,
) -> Iterator[PartBatch]:
    """Reads `share`, the files of process `index`, into parts under `folder`; `numbers`
    gives each file its place in the import's order, which breaks ties between versions."""
    if not share.files:
        return
    parts = ProcessParts(folder, f"part-{index}")
    done = 0  # bytes of the share's files read before this one
    for file in share.files:
        number = numbers[file.path]
        for batch in read_batches(Discovery([file], []), batch_size, strict, prepare=False):
            nodes = OWN_NODES[batch.entity].name
            written = [parts.add(batch.entity, record, number) for record in batch.records.values()]
            batch.tally.created = len(batch.records)
            yield PartBatch(
                batch.entity,
                tally=batch.tally,
                position=done + batch.position,
                errors=batch.errors,
                file_errors=batch.file_errors,
                part=parts.name,
                versions={nodes: [version for version in written if version is not None]},
            )
            if strict and batch.errors:
                return
        done += file.size
    yield parts.finish(share.files[-1].entity, done)


class ProcessParts:
    """One reading process's parts, and the newest mention it read of each placeholder."""

    def __init__(self, folder: Path, name: str) -> None:
        self.folder = folder
        self.name = name
        self.part = Part(folder / name)
        # per node file, the rank of the version written of each record
        self.written: dict[str, dict[str, Rank]] = {nodes.name: {} for nodes in PART_NODES}
        # per node file, a newer version of a record already written, with its rank
        self.newer: dict[str, dict[str, tuple[Entity, Mapped, Rank]]] = {
            nodes.name: {} for nodes in PART_NODES
        }
        self.mentioned: dict[str, dict[str, Row]] = {
            nodes.name: {} for nodes in PLACEHOLDER_NODES.values()
        }

    def add(self, entity: Entity, record: Mapped, number: int) -> tuple[str, Rank] | None:
        """The record's key and rank when it was written now, None when it waits or lost."""
        self._mention(record)
        nodes = OWN_NODES[entity].name
        rank = (record.updated, -number)
        held = self.written[nodes].get(record.key)
        if held is None:
            self.written[nodes][record.key] = rank
            self.part.write(entity, record)
            return record.key, rank
        newer = self.newer[nodes].get(record.key)
        if (held if newer is None else newer[2]) < rank:
            self.newer[nodes][record.key] = (entity, record, rank)
        return None

    def _mention(self, record: Mapped) -> None:
        stamp = mention_stamp(record)
        for statement, nodes in PLACEHOLDER_NODES.items():
            mentioned = self.mentioned[nodes.name]
            for row in record.related.get(statement, ()):
                held = mentioned.get(row["key"])
                if held is None or held["mentionedIn"] < stamp:
                    mentioned[row["key"]] = {**row, "mentionedIn": stamp}

    def finish(self, entity: Entity, position: int) -> PartBatch:
        """The process's last message: the newer versions that waited, now written to a
        part of their own, and the mentions of nodes it read no record of."""
        self.part.close()
        last = PartBatch(entity, position=position, mentions=self._mentions())
        if any(self.newer.values()):
            last.part = f"{self.name}-late"
            late = Part(self.folder / last.part)
            for nodes, newer in self.newer.items():
                for key, (record_entity, record, rank) in newer.items():
                    late.write(record_entity, record)
                    last.versions.setdefault(nodes, []).append((key, rank))
            late.close()
        return last

    def _mentions(self) -> dict[str, list[Row]]:
        return {
            nodes: [row for key, row in mentioned.items() if key not in self.written[nodes]]
            for nodes, mentioned in self.mentioned.items()
        }
