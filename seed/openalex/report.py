"""What an import did, per entity, and the error report (JSON Lines, one bad line each)."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any

from resolvers.database import Created
from seed.openalex.records import Entity


class StrictStop(RuntimeError):
    """--strict: the first bad line or file ends the import."""


@dataclass
class Tally:
    read: int = 0  # non-blank lines
    created: int = 0  # first record of an entity the graph had at most a placeholder of
    updated: int = 0  # newer than the version in the graph: replaced it
    skipped: int = 0  # the graph (or the same batch) already held this version or a newer one
    dropped: int = 0  # bad values left out of records that were kept, see the error report
    errors: int = 0  # lines (or files) refused, see the error report

    def __iadd__(self, other: Tally) -> Tally:
        self.read += other.read
        self.created += other.created
        self.updated += other.updated
        self.skipped += other.skipped
        self.dropped += other.dropped
        self.errors += other.errors
        return self


@dataclass
class ImportReport:
    files: int
    ignored: list[Path]
    tallies: dict[Entity, Tally] = field(default_factory=dict)
    written: Created = field(default_factory=Created)
    file_errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def add(self, entity: Entity, tally: Tally) -> None:
        current = self.tallies.setdefault(entity, Tally())
        current += tally

    @property
    def total(self) -> Tally:
        total = Tally()
        for tally in self.tallies.values():
            total += tally
        return total

    @property
    def records_per_second(self) -> float:
        return self.total.read / self.seconds if self.seconds else 0.0

    def summary(self, errors_path: Path) -> list[str]:
        total = self.total
        lines = [
            f"read {total.read:,} records from {self.files:,} files in {self.seconds:.1f}s "
            f"({self.records_per_second:,.0f} records/s); wrote {self.written.nodes:,} nodes "
            f"and {self.written.relationships:,} relationships",
            f"{'':>14}{'read':>11}{'created':>11}{'updated':>11}{'skipped':>11}"
            f"{'dropped':>11}{'errors':>11}",
        ]
        for entity in Entity:
            tally = self.tallies.get(entity)
            if tally is not None:
                lines.append(_row(entity.value, tally))
        lines.append(_row("total", total))
        if self.ignored:
            lines.append(f"ignored {len(self.ignored):,} files of entities the graph does not hold")
        if total.errors or total.dropped:
            lines.append(
                f"{total.errors:,} lines refused and {total.dropped:,} values dropped, "
                f"each with file and line: {errors_path}"
            )
        return lines


def _row(name: str, tally: Tally) -> str:
    counts = (tally.read, tally.created, tally.updated, tally.skipped, tally.dropped, tally.errors)
    return f"{name:>14}" + "".join(f"{count:>11,}" for count in counts)


@dataclass(frozen=True)
class ErrorEntry:
    """One refused line (or unreadable file), or one value dropped from a kept record, as
    the error report has it; `field` and `value` say what was dropped."""

    file: str
    line: int
    entity: Entity
    id: str | None
    error: str
    field: str | None = None
    value: Any = None


class ErrorLog:
    """Writes one JSON object per refused line or dropped value; in strict mode the first
    one stops the import. The stream is opened at the first entry, so a run with nothing to
    report writes no file."""

    def __init__(self, open_stream: Callable[[], IO[str]], strict: bool) -> None:
        self.open_stream = open_stream
        self.stream: IO[str] | None = None
        self.strict = strict

    @classmethod
    @contextlib.contextmanager
    def to_file(cls, path: Path, strict: bool) -> Iterator[ErrorLog]:
        """A log into `path`, which the first entry replaces."""
        log = cls(lambda: path.open("w", encoding="utf-8"), strict)
        try:
            yield log
        finally:
            if log.stream is not None:
                log.stream.close()

    def record(self, entry: ErrorEntry) -> None:
        if self.stream is None:
            self.stream = self.open_stream()
        fields = {**asdict(entry), "entity": entry.entity.value}
        self.stream.write(json.dumps(fields, ensure_ascii=False, default=str) + "\n")
        self.stream.flush()
        if self.strict:
            raise StrictStop(f"{entry.file}:{entry.line}: {entry.error}")


def record_id(line: bytes) -> str | None:
    """The id of a refused line, when it is JSON with one, to help find it."""
    try:
        value = json.loads(line)
    except ValueError:
        return None
    found = value.get("id") if isinstance(value, dict) else None
    return found if isinstance(found, str) else None
