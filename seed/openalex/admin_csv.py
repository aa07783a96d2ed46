"""The CSV files `neo4j-admin database import full` reads: one file per label or
relationship type, a header of typed columns, then rows.

Node files quote every string, so that an empty string stays one: an unquoted empty
field is no property at all, as a null is in Cypher. Relationship files carry only keys,
numbers and nulls, and go through the csv module as they are.
"""

from __future__ import annotations

import csv
import datetime
from collections.abc import Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

# Joins the strings of a string[] property; no name holds this character. neo4j-admin is
# told it with each import (seed/openalex/bulk.py).
ARRAY_DELIMITER = "\x1f"


@dataclass(frozen=True)
class Nodes:
    """A node file: its label, the ID group its keys live in, and typed properties."""

    name: str
    label: str
    group: str
    properties: tuple[tuple[str, str], ...]  # (property, neo4j-admin type)
    # what a row holds where its record gives nothing (resolvers/defaults.py)
    defaults: Mapping[str, object] = field(default_factory=dict)

    @property
    def header(self) -> list[str]:
        typed = [name if kind == "string" else f"{name}:{kind}" for name, kind in self.properties]
        return [f"key:ID({self.group})", *typed, ":LABEL"]


@dataclass(frozen=True)
class Relationships:
    name: str
    type: str
    start: str  # ID group of the start node
    end: str
    properties: tuple[tuple[str, str], ...] = ()

    @property
    def header(self) -> list[str]:
        typed = [name if kind == "string" else f"{name}:{kind}" for name, kind in self.properties]
        return [f":START_ID({self.start})", f":END_ID({self.end})", *typed, ":TYPE"]


def node_line(key: str, values: Iterable[Any], label: str) -> str:
    fields = [_quoted(key), *(_node_field(value) for value in values), label]
    return ",".join(fields) + "\n"


def _node_field(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return _quoted(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, datetime.date):  # and datetime: ISO either way
        return value.isoformat()
    if isinstance(value, list):
        return _quoted(ARRAY_DELIMITER.join(item.replace(ARRAY_DELIMITER, " ") for item in value))
    raise TypeError(f"no CSV form for {type(value).__name__}")


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


class NodeFile:
    def __init__(self, nodes: Nodes, folder: Path) -> None:
        self.nodes = nodes
        self.path = folder / f"{nodes.name}.csv"
        self._file: TextIO = self.path.open("w", encoding="utf-8", newline="")
        self._columns = [name for name, _ in nodes.properties]
        self._file.write(",".join(nodes.header) + "\n")

    def write(self, key: str, properties: dict[str, Any]) -> None:
        given = {**self.nodes.defaults, **properties}
        values = (given.get(column) for column in self._columns)
        self._file.write(node_line(key, values, self.nodes.label))

    def close(self) -> None:
        self._file.close()


def drop_rows(path: Path, column: int, keys: AbstractSet[str]) -> None:
    """Cuts the rows whose `column` holds one of `keys` out of the file. The rows kept keep
    their text as it was: a node file's quotes tell an empty string from a null, which a
    row parsed and written again would lose."""
    kept = path.with_suffix(".kept")
    with (
        path.open(encoding="utf-8", newline="") as source,
        kept.open("w", encoding="utf-8", newline="") as target,
    ):
        lines: list[str] = []  # the text of the row being parsed, which may span lines

        def remembered() -> Iterator[str]:
            for line in source:
                lines.append(line)
                yield line

        for row in csv.reader(remembered()):
            if row[column] not in keys:
                target.writelines(lines)
            lines.clear()
    kept.replace(path)


class RelationshipFile:
    def __init__(self, relationships: Relationships, folder: Path) -> None:
        self.relationships = relationships
        self.path = folder / f"{relationships.name}.csv"
        self._file: TextIO = self.path.open("w", encoding="utf-8", newline="")
        self._csv = csv.writer(self._file)
        self._csv.writerow(relationships.header)

    def write(self, rows: Iterable[Sequence[Any]]) -> None:
        """Rows of start key, end key, then the properties in header order."""
        kind = self.relationships.type
        self._csv.writerows((*row, kind) for row in rows)

    def close(self) -> None:
        self._file.close()
