"""A record with bad sub-fields keeps the rest: each bad value is dropped, not the line.

Dropping a value removes its key (the field falls back to its default) or its list item.
When the field is required, the object holding it goes instead, up to the record itself:
a record whose own id (or another required top-level field) is bad is refused whole.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from seed.openalex.records import Versioned

Path = tuple[str | int, ...]
# Each pass drops at least one value, and a value is dropped at most once per level of depth.
MAX_PASSES = 16


@dataclass(frozen=True)
class Dropped:
    """One value left out of a record that was otherwise kept."""

    field: str  # dotted, e.g. authorships.3.institutions.0.ror
    value: Any
    error: str

    def reason(self) -> str:
        """Why, for an object dropped because this value was and the object needs it."""
        return f"{self.field}: {self.error} (was {json.dumps(self.value, ensure_ascii=False)})"


class Refused(ValueError):
    """The line as a whole cannot be kept: not a JSON object, or a bad id."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def salvage(model: type[Versioned], line: bytes) -> tuple[Versioned, list[Dropped]]:
    """The record, and what had to be dropped from it to make it valid."""
    try:
        return model.model_validate_json(line), []
    except ValidationError as first:
        error = first
    try:
        data = json.loads(line)
    except ValueError:
        raise Refused(describe(error)) from None
    if not isinstance(data, dict):
        raise Refused(describe(error))
    dropped: dict[Path, Dropped] = {}
    for _ in range(MAX_PASSES):
        paths = {_droppable(data, tuple(item["loc"])): item for item in error.errors()}
        if () in paths:
            raise Refused(describe(error))
        # an item inside a dropped object goes with it; later list items go first, so the
        # indices of the rest still hold
        outermost = [path for path in paths if not any(path[:n] in paths for n in range(len(path)))]
        for path in sorted(outermost, reverse=True):
            value = _remove(data, path)
            inner = [dropped.pop(done) for done in list(dropped) if done[: len(path)] == path]
            # a required value's object goes instead of it: the report keeps the first reason
            reason = inner[0].reason() if inner else _message(paths[path])
            dropped[path] = Dropped(_dotted(path), value, reason)
        try:
            return model.model_validate(data), list(dropped.values())
        except ValidationError as again:
            error = again
    raise Refused(describe(error))


def describe(error: ValidationError) -> str:
    """pydantic's errors as one line: `where: what; where: what`."""
    parts = []
    for item in error.errors(include_url=False):
        where = _dotted(tuple(item["loc"]))
        parts.append(f"{where}: {item['msg']}" if where else item["msg"])
    return "; ".join(parts)


def _droppable(data: Any, location: Path) -> Path:
    """The longest prefix of `location` that names a value in `data`; () when that value
    is the record itself or its id."""
    path: list[str | int] = []
    current = data
    for part in location:
        if not _holds(current, part):
            break
        current = current[part]
        path.append(part)
    if path[:1] == ["id"]:
        return ()
    return tuple(path)


def _holds(value: Any, part: str | int) -> bool:
    if isinstance(value, dict):
        return isinstance(part, str) and part in value
    return isinstance(value, list) and isinstance(part, int) and 0 <= part < len(value)


def _remove(data: Any, path: Path) -> Any:
    holder = data
    for part in path[:-1]:
        holder = holder[part]
    return holder.pop(path[-1])


def _dotted(path: Path) -> str:
    return ".".join(str(part) for part in path)


def _message(item: Any) -> str:
    return str(item["msg"])
