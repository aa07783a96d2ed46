"""From the record a compiled statement returns to GraphQL's `data`, in one pass.

The statement already returns the response's shape. What is left for Python: field
order, global ids, enum names, dates, and GraphQL's null rule: a null in a non-null
field is an error at its path, and nulls its nearest nullable ancestor.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from graphql import GraphQLError, located_error

Path = tuple[Any, ...] | None  # (parent path, key), linked
Shaper = Callable[[Any, Path, list[GraphQLError]], Any]


class Bubble(Exception):
    """A null reached a non-null position; the nearest nullable one catches it."""


class Unrepresentable(Exception):
    """A stored value the schema cannot represent: the graph holds what no client knows."""


def path_list(path: Path) -> list[str | int]:
    keys: list[str | int] = []
    while path is not None:
        path, key = path
        keys.append(key)
    return keys[::-1]


def null_error(owner: str, path: Path) -> GraphQLError:
    return GraphQLError(f"Cannot return null for non-nullable field {owner}.", path=path_list(path))


def unexpected_error(problem: Unrepresentable, path: Path) -> GraphQLError:
    # original_error marks it unexpected: the client sees "Unexpected error."
    return GraphQLError(str(problem), path=path_list(path), original_error=problem)


@dataclass(frozen=True)
class FieldShape:
    key: str  # the response key
    source: str  # where the record holds the value
    owner: str  # "Type.field", for error messages
    non_null: bool
    shape: Shaper | None = None  # None: the value passes as it is
    constant: Any = None  # the value, when `source` is empty (__typename)


def object_shape(fields: tuple[FieldShape, ...]) -> Shaper:
    def shape(raw: Any, path: Path, errors: list[GraphQLError]) -> dict[str, Any]:
        result = {}
        for field in fields:
            if not field.source:
                result[field.key] = field.constant
                continue
            value = raw[field.source]
            if value is not None and field.shape is not None:
                at = (path, field.key)
                try:
                    value = field.shape(value, at, errors)
                except Bubble:
                    if field.non_null:
                        raise
                    value = None
                except Unrepresentable as problem:
                    errors.append(unexpected_error(problem, at))
                    if field.non_null:
                        raise Bubble from None
                    value = None
                except GraphQLError as refused:
                    errors.append(located_error(refused, None, path_list(at)))
                    if field.non_null:
                        raise Bubble from None
                    value = None
            elif value is None and field.non_null:
                errors.append(null_error(field.owner, (path, field.key)))
                raise Bubble
            result[field.key] = value
        return result

    return shape


def list_shape(item: Shaper | None, item_owner: str, item_non_null: bool) -> Shaper:
    def shape(raw: list[Any], path: Path, errors: list[GraphQLError]) -> list[Any]:
        if item is None and not item_non_null:
            return raw
        result = []
        for index, value in enumerate(raw):
            if value is None:
                if item_non_null:
                    errors.append(null_error(item_owner, (path, index)))
                    raise Bubble
            elif item is not None:
                try:
                    value = item(value, (path, index), errors)
                except Bubble:
                    if item_non_null:
                        raise
                    value = None
            result.append(value)
        return result

    return shape


def enum_shape(names: dict[Any, str], enum: str) -> Shaper:
    def shape(raw: Any, path: Path, errors: list[GraphQLError]) -> str:
        try:
            return names[raw]
        except (KeyError, TypeError):
            raise Unrepresentable(f"Enum '{enum}' cannot represent value: {raw!r}") from None

    return shape


def iso_shape(raw: Any, path: Path, errors: list[GraphQLError]) -> str:
    return str(raw.to_native().isoformat())
