"""Execution that skips graphql-core's per-field machinery for plain attributes.

graphql-core resolves every field alike: a resolve info, a resolver call, awaitable
checks, value completion — several microseconds a field on our machines. A graph
slice or a page of works is hundreds of fields that are plain attributes holding a
scalar or an enum. Those are read and coerced here directly; every other field, and
any plain value that needs an error (null in a non-null field, a value that does not
coerce), takes graphql-core's own path, so results and errors stay the same.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from graphql import (
    GraphQLEnumType,
    GraphQLLeafType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLResolveInfo,
    Undefined,
    is_leaf_type,
)
from graphql.execution.collect_fields import FieldDetailsList, GroupedFieldSet
from graphql.pyutils import Path
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.types.field import StrawberryField

# Strawberry marks the resolver it gives fields that have no resolver of their own.
DEFAULT_RESOLVER_MARK = "_is_default"
STRAWBERRY_FIELD = "strawberry-definition"


@dataclass(frozen=True)
class PlainField:
    response_name: str
    attribute: str
    coerce: Callable[[Any], Any]
    non_null: bool


@dataclass(frozen=True)
class Plan:
    plain: tuple[PlainField, ...]
    other: GroupedFieldSet
    order: tuple[str, ...]


def plain_field(
    response_name: str, parent_type: GraphQLObjectType, field_name: str
) -> PlainField | None:
    field = parent_type.fields.get(field_name)
    if field is None or field.args or not getattr(field.resolve, DEFAULT_RESOLVER_MARK, False):
        return None
    definition = (field.extensions or {}).get(STRAWBERRY_FIELD)
    if not isinstance(definition, StrawberryField):
        return None
    output: GraphQLOutputType = field.type
    non_null = isinstance(output, GraphQLNonNull)
    leaf = output.of_type if isinstance(output, GraphQLNonNull) else output
    if not is_leaf_type(leaf):
        return None
    return PlainField(response_name, definition.python_name, output_coercion(leaf), non_null)


@cache  # schema types live as long as the process
def output_coercion(leaf: GraphQLLeafType) -> Callable[[Any], Any]:
    """Enum members map straight to their names; Strawberry's own coercion compares the
    member with every value of the enum, which showed in profiles of graph slices."""
    if not isinstance(leaf, GraphQLEnumType):
        return leaf.coerce_output_value
    names = {value.value: name for name, value in leaf.values.items()}
    for member in getattr(leaf, "wrapped_cls", ()):
        if member.value in names:
            names[member] = names[member.value]
    generic = leaf.coerce_output_value

    def coerce_enum(value: Any) -> Any:
        try:
            return names[value]
        except (KeyError, TypeError):
            return generic(value)

    return coerce_enum


def make_plan(parent_type: GraphQLObjectType, grouped_field_set: GroupedFieldSet) -> Plan:
    plain: list[PlainField] = []
    other: GroupedFieldSet = {}
    for response_name, details in grouped_field_set.items():
        found = plain_field(response_name, parent_type, details[0].node.name.value)
        if found is None:
            other[response_name] = details
        else:
            plain.append(found)
    return Plan(tuple(plain), other, tuple(grouped_field_set))


class PlainFieldExecution(StrawberryGraphQLCoreExecutionContext):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._plans: dict[tuple[str, int], tuple[GroupedFieldSet, Plan]] = {}

    def plan_for(self, parent_type: GraphQLObjectType, grouped_field_set: GroupedFieldSet) -> Plan:
        # Field sets are memoised per request, so their identity is a stable key; the
        # set is kept alive beside its plan so that identity cannot be reused.
        key = (parent_type.name, id(grouped_field_set))
        cached = self._plans.get(key)
        if cached is None:
            cached = (grouped_field_set, make_plan(parent_type, grouped_field_set))
            self._plans[key] = cached
        return cached[1]

    def complete_list_value(
        self,
        return_type: GraphQLList[GraphQLOutputType],
        field_details_list: FieldDetailsList,
        info: GraphQLResolveInfo[Any],
        path: Path,
        result: Any,
        position_context: Any,
    ) -> Any:
        """A list of objects whose selected fields are all plain becomes a list of dicts
        in one loop, without completing each item through graphql-core."""
        completed = self.plain_list(return_type.of_type, field_details_list, info, result)
        if completed is not None:
            return completed
        return super().complete_list_value(
            return_type, field_details_list, info, path, result, position_context
        )

    def plain_list(
        self,
        item_type: GraphQLOutputType,
        field_details_list: FieldDetailsList,
        info: GraphQLResolveInfo[Any],
        items: Any,
    ) -> list[dict[str, Any]] | None:
        object_type = item_type.of_type if isinstance(item_type, GraphQLNonNull) else item_type
        if not isinstance(object_type, GraphQLObjectType) or not isinstance(items, list):
            return None
        grouped_field_set, deferred, _ = self.collect_subfields(object_type, field_details_list)
        plan = self.plan_for(object_type, grouped_field_set)
        if deferred or plan.other or not plan.plain:
            return None
        is_type_of = object_type.is_type_of
        completed = []
        for item in items:
            if item is None or (is_type_of is not None and is_type_of(item, info) is not True):
                return None
            values = read_plain(plan.plain, item)
            if values is None:
                return None
            completed.append(values)
        return completed

    def execute_fields(
        self,
        parent_type: GraphQLObjectType,
        source_value: Any,
        path: Path | None,
        grouped_field_set: GroupedFieldSet,
        position_context: Any,
    ) -> dict[str, Any] | Awaitable[dict[str, Any]]:
        plan = self.plan_for(parent_type, grouped_field_set)
        values = read_plain(plan.plain, source_value) if plan.plain else None
        if values is None:
            return super().execute_fields(
                parent_type, source_value, path, grouped_field_set, position_context
            )
        if not plan.other:
            return values
        rest = super().execute_fields(parent_type, source_value, path, plan.other, position_context)
        if isinstance(rest, dict):
            return merge(plan.order, values, rest)
        return merge_later(plan.order, values, rest)


def read_plain(fields: tuple[PlainField, ...], source: Any) -> dict[str, Any] | None:
    """The plain fields' values, or None when one of them needs graphql-core's error."""
    values: dict[str, Any] = {}
    for field in fields:
        value = getattr(source, field.attribute, Undefined)
        if value is Undefined:
            return None
        if value is not None:
            try:
                value = field.coerce(value)
            except Exception:  # the generic path reports it
                return None
            if value is None or value is Undefined:
                return None
        elif field.non_null:
            return None
        values[field.response_name] = value
    return values


def merge(order: tuple[str, ...], values: dict[str, Any], rest: dict[str, Any]) -> dict[str, Any]:
    """One result, in the order the query selected its fields."""
    return {
        name: values[name] if name in values else rest[name]
        for name in order
        if name in values or name in rest
    }


async def merge_later(
    order: tuple[str, ...], values: dict[str, Any], rest: Awaitable[dict[str, Any]]
) -> dict[str, Any]:
    return merge(order, values, await rest)
