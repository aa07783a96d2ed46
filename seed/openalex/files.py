"""Finding snapshot files and reading their lines, plain or gzip.

The snapshot lays files out as `data/<entity>/updated_date=YYYY-MM-DD/part_NNN.gz`: the
entity comes from the nearest folder named like one, the date from the nearest
`updated_date=` folder (a file outside one has no folder date).
"""

from __future__ import annotations

import datetime
import re
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from seed.openalex.records import Entity

GZIP_MAGIC = b"\x1f\x8b"
MERGED_FOLDER = "merged_ids"
DATE_FOLDER = re.compile(r"^updated_date=(\d{4}-\d{2}-\d{2})$")
DATA_SUFFIXES = (".gz", ".json", ".jsonl", ".ndjson")
# Entity folders of the snapshot that have no place in this graph.
OTHER_ENTITIES = frozenset({"sources", "publishers", "funders", "concepts", "keywords"})
ENTITY_FOLDERS = frozenset(entity.value for entity in Entity)
READ_BUFFER = 1 << 20
GZIP_WBITS = 16 + zlib.MAX_WBITS  # a gzip header and trailer around deflate data


class InputError(ValueError):
    """A path the import cannot use; reported before anything is written."""


class FileError(ValueError):
    """A file that cannot be read to its end, e.g. a truncated gzip."""

    def __init__(self, path: Path, line: int, reason: str) -> None:
        super().__init__(f"{path}: {reason} (after line {line})")
        self.path = path
        self.line = line
        self.reason = reason


@dataclass(frozen=True)
class SnapshotFile:
    path: Path
    entity: Entity
    folder_date: datetime.date | None
    size: int

    @property
    def order(self) -> tuple[int, datetime.date, str]:
        """Referenced entities before their referrers, then oldest folder first."""
        entities = list(Entity)
        return (entities.index(self.entity), self.folder_date or datetime.date.min, str(self.path))


@dataclass(frozen=True)
class Discovery:
    files: list[SnapshotFile]
    ignored: list[Path]  # files of entities the graph does not hold

    @property
    def total_bytes(self) -> int:
        return sum(file.size for file in self.files)

    def newer_than(self, through: datetime.date | None) -> Discovery:
        """The files of `updated_date=` folders after `through` (all of them for None)."""
        undated = [file.path for file in self.files if file.folder_date is None]
        if undated:
            raise InputError(
                f"{undated[0]} is in no updated_date= folder: a sync applies dated partitions"
            )
        return Discovery(
            [file for file in self.files if _after(file.folder_date, through)], self.ignored
        )


def discover(paths: Sequence[Path]) -> Discovery:
    found: dict[Path, SnapshotFile] = {}
    ignored: list[Path] = []
    for path in paths:
        if not path.exists():
            raise InputError(f"{path} does not exist")
        candidates = [path] if path.is_file() else sorted(_data_files(path))
        for candidate in candidates:
            folder = _entity_folder(candidate)
            if folder in OTHER_ENTITIES:
                ignored.append(candidate)
                continue
            if folder is None:
                raise InputError(
                    f"{candidate} is not inside a folder named after an entity "
                    f"({', '.join(entity.value for entity in Entity)})"
                )
            resolved = candidate.resolve()
            found[resolved] = SnapshotFile(
                candidate, Entity(folder), _folder_date(candidate), candidate.stat().st_size
            )
    if not found:
        where = ", ".join(str(path) for path in paths) or "no path given"
        others = f" ({len(ignored)} files of entities the graph does not hold)" if ignored else ""
        raise InputError(f"nothing to import: no OpenAlex data files in {where}{others}")
    return Discovery(sorted(found.values(), key=lambda file: file.order), ignored)


def read_lines(file: SnapshotFile) -> Iterator[tuple[int, bytes, int]]:
    """(line number, line, bytes of the file consumed so far) for each non-blank line; a
    damaged gzip yields every complete line before the damage, then raises FileError."""
    number = 0
    with file.path.open("rb") as raw:
        magic = raw.read(2)
        raw.seek(0)
        lines = _gzip_lines(raw) if magic == GZIP_MAGIC else iter(raw)
        try:
            for number, line in enumerate(lines, start=1):
                if line.strip():
                    yield number, line.rstrip(b"\r\n"), raw.tell()
        except (EOFError, zlib.error) as error:
            raise FileError(file.path, number, _gzip_reason(error)) from error
        except OSError as error:
            raise FileError(file.path, number, f"cannot be read: {error}") from error


def _gzip_lines(raw: BinaryIO) -> Iterator[bytes]:
    """The lines of one or more concatenated gzip members, decompressed as they come, so the
    lines before a damaged or missing end are read (gzip.GzipFile loses its whole buffer)."""
    pending = b""
    for data in _gunzipped(raw):
        lines = (pending + data).split(b"\n")
        pending = lines.pop()
        yield from lines
    if pending:
        yield pending


def _gunzipped(raw: BinaryIO) -> Iterator[bytes]:
    decompressor = None
    while chunk := raw.read(READ_BUFFER):
        while chunk:
            if decompressor is not None and decompressor.eof and not chunk.strip(b"\0"):
                break  # padding after the last member, which gzip tolerates too
            if decompressor is None or decompressor.eof:
                decompressor = zlib.decompressobj(wbits=GZIP_WBITS)
            yield decompressor.decompress(chunk)
            chunk = decompressor.unused_data if decompressor.eof else b""
    if decompressor is None or not decompressor.eof:
        raise EOFError("the compressed data ends before its end marker")


def _gzip_reason(error: Exception) -> str:
    if isinstance(error, EOFError):
        return "truncated gzip: the compressed data ends before its end marker"
    return f"corrupt gzip: {error}"


def _data_files(folder: Path) -> Iterator[Path]:
    for path in folder.rglob("*"):
        data = path.name.startswith("part_") or path.name.endswith(DATA_SUFFIXES)
        merges = MERGED_FOLDER in path.relative_to(folder).parts  # seed/openalex/merges.py
        if data and not merges and path.is_file() and not path.name.startswith("."):
            yield path


def _entity_folder(path: Path) -> str | None:
    for parent in path.parents:
        if parent.name in ENTITY_FOLDERS or parent.name in OTHER_ENTITIES:
            return parent.name
    return None


def _after(date: datetime.date | None, through: datetime.date | None) -> bool:
    return through is None or (date is not None and date > through)


def _folder_date(path: Path) -> datetime.date | None:
    for parent in path.parents:
        match = DATE_FOLDER.match(parent.name)
        if match:
            return datetime.date.fromisoformat(match.group(1))
    return None
