"""How many items a request may return, estimated from its shape before it runs.

An item is an object in a list of the answer (core/bounds.py). Every list field
declares at most how many items it holds for each object above it; the estimate
multiplies those bounds down the tree, with the request's variables, their defaults and
the arguments' defaults applied, as GitHub's API does with its node limit. Introspection
counts like any other list. A request whose estimate is above the limit is refused
before any statement runs.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from graphql import (
    BREAK,
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SchemaMetaFieldDef,
    SelectionSetNode,
    TypeMetaFieldDef,
    Visitor,
    get_named_type,
    visit,
)
from graphql.execution.values import VariableValues, get_argument_values

from core.bounds import LIST_BOUNDS, Arguments, Declared, introspection_bounds
from core.request_limits import RequestLimits


@dataclass(frozen=True)
class _Field:
    """A selected field with a selection: its list bound (None for a single object) and
    the fields selected below it."""

    definition: GraphQLField
    node: FieldNode
    declared: Declared | None
    below: tuple[_Field, ...]
    # whether its own arguments are read: by its bound, or by the bounds of lists below it
    reads_arguments: bool
    # its arguments when the document writes them without variables: read once
    constant: Arguments | None


class ItemEstimate:
    """A document's estimate, walked once: what is left per request is to apply the
    variables and multiply."""

    def __init__(
        self,
        schema: GraphQLSchema,
        document: DocumentNode,
        operation: OperationDefinitionNode,
        limits: RequestLimits,
    ) -> None:
        self._limits = limits
        self._fields: tuple[_Field, ...] = ()
        root = schema.get_root_type(operation.operation)
        if root is None:
            return
        fragments = {
            definition.name.value: definition
            for definition in document.definitions
            if isinstance(definition, FragmentDefinitionNode)
        }
        bounds = LIST_BOUNDS | _introspection(schema)
        self._fields = _Walk(schema, fragments, bounds).fields(operation.selection_set, root)

    def items(self, variables: VariableValues | None) -> int:
        """The estimate from the variables the request has coerced."""
        return self._items(self._fields, variables, 1, {})

    def _items(
        self,
        fields: tuple[_Field, ...],
        variables: VariableValues | None,
        above: int,
        parent: Arguments,
    ) -> int:
        total = 0
        for field in fields:
            arguments: Arguments = field.constant or {}
            if field.reads_arguments and field.constant is None:
                try:
                    arguments = get_argument_values(field.definition, field.node, variables)
                except GraphQLError:
                    continue  # the field answers an error, and nothing below it
            count = above
            if field.declared is not None:
                read = parent if field.declared.of_parent else arguments
                count = above * field.declared.bound.items(read, self._limits)
                total += count
            total += self._items(field.below, variables, count, arguments)
        return total


@lru_cache(maxsize=8)
def _introspection(schema: GraphQLSchema) -> dict[str, Declared]:
    return introspection_bounds(schema)


class _Walk:
    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: dict[str, FragmentDefinitionNode],
        bounds: dict[str, Declared],
    ) -> None:
        self.schema = schema
        self.fragments = fragments
        self.bounds = bounds

    def fields(self, selections: SelectionSetNode, parent: GraphQLNamedType) -> tuple[_Field, ...]:
        found = []
        for field, owner in self.selected(selections, parent):
            definition = self.definition(owner, field.name.value)
            if definition is None or field.selection_set is None:
                continue
            below = self.fields(field.selection_set, get_named_type(definition.type))
            declared = self.bounds.get(f"{owner.name}.{field.name.value}")
            reads = (declared is not None and not declared.of_parent) or any(
                item.declared is not None and item.declared.of_parent for item in below
            )
            constant = _constant_arguments(definition, field) if reads else None
            found.append(_Field(definition, field, declared, below, reads, constant))
        return tuple(found)

    def selected(
        self, selections: SelectionSetNode, parent: GraphQLNamedType
    ) -> Iterator[tuple[FieldNode, GraphQLNamedType]]:
        for selection in selections.selections:
            if isinstance(selection, FieldNode):
                yield selection, parent
                continue
            if isinstance(selection, InlineFragmentNode):
                condition, nested = selection.type_condition, selection.selection_set
            elif isinstance(selection, FragmentSpreadNode):
                fragment = self.fragments.get(selection.name.value)
                if fragment is None:
                    continue
                condition, nested = fragment.type_condition, fragment.selection_set
            else:
                continue
            narrowed = self.schema.get_type(condition.name.value) if condition else parent
            yield from self.selected(nested, narrowed or parent)

    def definition(self, owner: GraphQLNamedType, name: str) -> GraphQLField | None:
        if owner is self.schema.query_type and name == "__schema":
            return SchemaMetaFieldDef
        if owner is self.schema.query_type and name == "__type":
            return TypeMetaFieldDef
        if isinstance(owner, GraphQLObjectType | GraphQLInterfaceType):
            field: GraphQLField | None = owner.fields.get(name)
            return field
        return None


class _Variables(Visitor):
    found = False

    def enter_variable(self, *_: Any) -> Any:
        self.found = True
        return BREAK


def _constant_arguments(definition: GraphQLField, node: FieldNode) -> Arguments | None:
    """A field's arguments, when no variable can change them."""
    variables = _Variables()
    for argument in node.arguments or ():
        visit(argument, variables)
    if variables.found:
        return None
    try:
        return get_argument_values(definition, node)
    except GraphQLError:
        return None  # read per request, where the error leaves the field out
