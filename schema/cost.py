"""How many items a request may return, estimated from its shape before it runs.

Page sizes multiply down the tree, as in GitHub's API: a field taking `first` returns
up to that many items (the default page when `first` is absent) for every item above
it, and a graph slice up to `limitPerKind` nodes of each kind on each hop. A request
whose estimate is above the limit is refused before any statement runs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
    get_named_type,
)

SLICE_KINDS = 4  # researchers, works, topics, institutions


def estimate_items(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None,
    variables: Mapping[str, Any],
    default_page: int,
) -> int:
    return ItemEstimate(schema, document, operation_name, default_page).items(variables)


Variables = Mapping[str, Any]
PerParent = Callable[[Variables], int]


@dataclass(frozen=True)
class _Field:
    """A field with a selection: how many it returns for each item above it, whether
    those are items of a page, and the fields selected below it."""

    per_parent: PerParent
    is_page: bool
    below: tuple[_Field, ...]


class ItemEstimate:
    """A document's estimate, walked once: what is left per request is to read the
    variables it depends on and multiply."""

    def __init__(
        self,
        schema: GraphQLSchema,
        document: DocumentNode,
        operation_name: str | None,
        default_page: int,
    ) -> None:
        self._fields: tuple[_Field, ...] = ()
        operation = _operation(document, operation_name)
        root = None if operation is None else schema.get_root_type(operation.operation)
        if operation is None or root is None:
            return
        fragments = {
            definition.name.value: definition
            for definition in document.definitions
            if isinstance(definition, FragmentDefinitionNode)
        }
        self._fields = _Walk(schema, fragments, default_page).fields(operation.selection_set, root)

    def items(self, variables: Variables) -> int:
        return _items(self._fields, variables, 1)


def _items(fields: tuple[_Field, ...], variables: Variables, above: int) -> int:
    total = 0
    for field in fields:
        count = above * field.per_parent(variables)
        if field.is_page:
            total += count
        total += _items(field.below, variables, count)
    return total


class _Walk:
    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: dict[str, FragmentDefinitionNode],
        default_page: int,
    ) -> None:
        self.schema = schema
        self.fragments = fragments
        self.default_page = default_page

    def fields(self, selections: SelectionSetNode, parent: GraphQLNamedType) -> tuple[_Field, ...]:
        found = []
        for field, owner in self.selected(selections, parent):
            definition = _field(owner, field.name.value)
            if definition is None or field.selection_set is None:
                continue
            below = self.fields(field.selection_set, get_named_type(definition.type))
            found.append(_Field(self.page(definition, field), self.is_page(definition), below))
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

    def is_page(self, definition: GraphQLField) -> bool:
        return "first" in definition.args or "limitPerKind" in definition.args

    def page(self, definition: GraphQLField, field: FieldNode) -> PerParent:
        if "limitPerKind" in definition.args:
            depth = _argument(field, "depth", 1)
            limit = _argument(field, "limitPerKind", self.default_page)
            return lambda variables: 1 + SLICE_KINDS * depth(variables) * limit(variables)
        if "first" in definition.args:
            return _argument(field, "first", self.default_page)
        return _one


def _one(variables: Variables) -> int:
    return 1


def _argument(field: FieldNode, name: str, absent: int) -> PerParent:
    """An Int argument's value (never below 0) as the request gives it, literally or in a
    variable; `absent` when it gives none."""
    value = next((a.value for a in field.arguments or () if a.name.value == name), None)
    if isinstance(value, IntValueNode):
        literal = max(0, int(value.value))
        return lambda variables: literal
    if isinstance(value, VariableNode):
        variable = value.name.value

        def given(variables: Variables) -> int:
            number = variables.get(variable)
            return max(0, number) if isinstance(number, int) else absent

        return given
    return lambda variables: absent


def _operation(document: DocumentNode, name: str | None) -> OperationDefinitionNode | None:
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode) and (
            name is None or (definition.name is not None and definition.name.value == name)
        ):
            return definition
    return None


def _field(owner: GraphQLNamedType, name: str) -> GraphQLField | None:
    if isinstance(owner, GraphQLObjectType | GraphQLInterfaceType):
        field: GraphQLField | None = owner.fields.get(name)
        return field
    return None
