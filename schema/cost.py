"""How many items a request may return, estimated from its shape before it runs.

Page sizes multiply down the tree, as in GitHub's API: a field taking `first` returns
up to that many items (the default page when `first` is absent) for every item above
it, and a graph slice up to `limitPerKind` nodes of each kind on each hop. A request
whose estimate is above the limit is refused before any statement runs.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
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
    operation = _operation(document, operation_name)
    if operation is None:
        return 0
    root = schema.get_root_type(operation.operation)
    if root is None:
        return 0
    fragments = {
        definition.name.value: definition
        for definition in document.definitions
        if isinstance(definition, FragmentDefinitionNode)
    }
    walk = _Walk(schema, fragments, variables, default_page)
    return walk.items(operation.selection_set, root, 1)


class _Walk:
    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: dict[str, FragmentDefinitionNode],
        variables: Mapping[str, Any],
        default_page: int,
    ) -> None:
        self.schema = schema
        self.fragments = fragments
        self.variables = variables
        self.default_page = default_page

    def items(self, selections: SelectionSetNode, parent: GraphQLNamedType, above: int) -> int:
        total = 0
        for field, owner in self.fields(selections, parent):
            definition = _field(owner, field.name.value)
            if definition is None or field.selection_set is None:
                continue
            count = above * self.page(definition, field)
            if self.is_page(definition):
                total += count
            total += self.items(field.selection_set, get_named_type(definition.type), count)
        return total

    def fields(
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
            yield from self.fields(nested, narrowed or parent)

    def is_page(self, definition: GraphQLField) -> bool:
        return "first" in definition.args or "limitPerKind" in definition.args

    def page(self, definition: GraphQLField, field: FieldNode) -> int:
        if "limitPerKind" in definition.args:
            depth = self.argument(field, "depth") or 1
            limit = self.argument(field, "limitPerKind") or self.default_page
            return 1 + SLICE_KINDS * depth * limit
        if "first" in definition.args:
            first = self.argument(field, "first")
            return self.default_page if first is None else first
        return 1

    def argument(self, field: FieldNode, name: str) -> int | None:
        for argument in field.arguments or ():
            if argument.name.value != name:
                continue
            value = argument.value
            if isinstance(value, IntValueNode):
                return max(0, int(value.value))
            if isinstance(value, VariableNode):
                given = self.variables.get(value.name.value)
                return max(0, given) if isinstance(given, int) else None
        return None


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
