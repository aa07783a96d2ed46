"""The fields a selection set asks for, fragments and @skip/@include applied."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLField,
    GraphQLIncludeDirective,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLSkipDirective,
    InlineFragmentNode,
    SelectionSetNode,
)

# Reads a directive's `if` for this request (None when the directive is absent), and
# notes that the plan depends on it.
Condition = Callable[[Any, Any], bool | None]


@dataclass
class Selected:
    """One response key: the field it names and every node that selects it."""

    key: str
    name: str
    definition: GraphQLField | None  # None for __typename
    nodes: list[FieldNode] = field(default_factory=list)

    @property
    def node(self) -> FieldNode:
        return self.nodes[0]

    def selection_sets(self) -> list[SelectionSetNode]:
        return [node.selection_set for node in self.nodes if node.selection_set is not None]


class Collector:
    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: dict[str, FragmentDefinitionNode],
        condition: Condition,
    ) -> None:
        self.schema = schema
        self.fragments = fragments
        self.condition = condition

    def fields(
        self, selection_sets: list[SelectionSetNode], parent: GraphQLNamedType
    ) -> list[Selected]:
        grouped: dict[str, Selected] = {}
        for selection_set in selection_sets:
            self._collect(selection_set, parent, grouped, set())
        return list(grouped.values())

    def _collect(
        self,
        selection_set: SelectionSetNode,
        parent: GraphQLNamedType,
        grouped: dict[str, Selected],
        visited: set[str],
    ) -> None:
        for selection in selection_set.selections:
            if not self._included(selection):
                continue
            if isinstance(selection, FieldNode):
                key = selection.alias.value if selection.alias else selection.name.value
                entry = grouped.get(key)
                if entry is None:
                    name = selection.name.value
                    entry = grouped[key] = Selected(key, name, self._definition(parent, name))
                entry.nodes.append(selection)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                if condition is None or self._applies(condition.name.value, parent):
                    self._collect(selection.selection_set, parent, grouped, visited)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.fragments.get(name)
                if name in visited or fragment is None:
                    continue
                visited.add(name)
                if self._applies(fragment.type_condition.name.value, parent):
                    self._collect(fragment.selection_set, parent, grouped, visited)

    def _included(self, node: object) -> bool:
        skip = self.condition(GraphQLSkipDirective, node)
        return not skip and self.condition(GraphQLIncludeDirective, node) is not False

    def _applies(self, condition: str, parent: GraphQLNamedType) -> bool:
        if condition == parent.name:
            return True
        wanted = self.schema.get_type(condition)
        if isinstance(parent, GraphQLObjectType) and isinstance(wanted, GraphQLInterfaceType):
            return any(interface.name == condition for interface in parent.interfaces)
        return False

    @staticmethod
    def _definition(parent: GraphQLNamedType, name: str) -> GraphQLField | None:
        if isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
            found: GraphQLField | None = parent.fields.get(name)
            return found
        return None
