"""The one walker of selections: what a selection set selects on a type, through inline
fragments and spreads whose type applies, less what @skip/@include leave out. The
compiler, the item estimate (resolvers/cost.py) and the document limits
(resolvers/limits.py) all read selections through it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    DocumentNode,
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
    SchemaMetaFieldDef,
    SelectionSetNode,
    TypeMetaFieldDef,
    is_abstract_type,
)
from graphql.utilities import do_types_overlap

# Reads a directive's `if` for this request (None when the directive is absent or its
# value is not known yet, as when a document is checked before any request).
Condition = Callable[[Any, Any], bool | None]


def not_known(directive: Any, node: Any) -> None:
    """The condition before any variables: every selection counts."""
    return None


@dataclass
class Selected:
    """One response key: the field it names and every node that selects it."""

    key: str
    name: str
    definition: GraphQLField | None  # None for __typename, __schema and __type
    nodes: list[FieldNode] = field(default_factory=list)

    @property
    def node(self) -> FieldNode:
        return self.nodes[0]

    def selection_sets(self) -> list[SelectionSetNode]:
        return [node.selection_set for node in self.nodes if node.selection_set is not None]


@dataclass(frozen=True)
class Fragment:
    """A fragment that applies where it is used: its fields are looked up on `on`."""

    name: str | None  # None for an inline fragment
    selection_set: SelectionSetNode
    on: GraphQLNamedType


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

    def parts(
        self, selection_set: SelectionSetNode, parent: GraphQLNamedType
    ) -> Iterator[FieldNode | Fragment]:
        """The selections one level down that the request keeps: fields, and fragments
        whose type applies to `parent`."""
        for selection in selection_set.selections:
            if not self._included(selection):
                continue
            if isinstance(selection, FieldNode):
                yield selection
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                on = self._narrowed(condition.name.value if condition else None, parent)
                if on is not None:
                    yield Fragment(None, selection.selection_set, on)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.fragments.get(name)
                if fragment is None:
                    continue
                on = self._narrowed(fragment.type_condition.name.value, parent)
                if on is not None:
                    yield Fragment(name, fragment.selection_set, on)

    def fields(
        self, selection_sets: list[SelectionSetNode], parent: GraphQLNamedType
    ) -> list[Selected]:
        """The fields by response key, as GraphQL's CollectFields merges them."""
        grouped: dict[str, Selected] = {}
        for selection_set in selection_sets:
            self._collect(selection_set, parent, grouped, set())
        return list(grouped.values())

    def definition(self, owner: GraphQLNamedType, name: str) -> GraphQLField | None:
        """The field `name` of `owner`; the introspection roots on the query type."""
        if owner is self.schema.query_type and name in META_FIELDS:
            return META_FIELDS[name]
        if isinstance(owner, GraphQLObjectType | GraphQLInterfaceType):
            found: GraphQLField | None = owner.fields.get(name)
            return found
        return None

    def _collect(
        self,
        selection_set: SelectionSetNode,
        parent: GraphQLNamedType,
        grouped: dict[str, Selected],
        visited: set[str],
    ) -> None:
        for part in self.parts(selection_set, parent):
            if isinstance(part, FieldNode):
                key = part.alias.value if part.alias else part.name.value
                entry = grouped.get(key)
                if entry is None:
                    name = part.name.value
                    definition = None if name in META_FIELDS else self.definition(parent, name)
                    entry = grouped[key] = Selected(key, name, definition)
                entry.nodes.append(part)
            elif part.name is None:
                self._collect(part.selection_set, part.on, grouped, visited)
            elif part.name not in visited:
                visited.add(part.name)
                self._collect(part.selection_set, part.on, grouped, visited)

    def _included(self, node: object) -> bool:
        skip = self.condition(GraphQLSkipDirective, node)
        return not skip and self.condition(GraphQLIncludeDirective, node) is not False

    def _narrowed(self, condition: str | None, parent: GraphQLNamedType) -> GraphQLNamedType | None:
        """The type a fragment's fields are looked up on, or None when it cannot apply:
        an object type stays itself; an abstract one narrows to the fragment's type."""
        if condition is None or condition == parent.name:
            return parent
        wanted = self.schema.get_type(condition)
        if wanted is None:
            return None
        if is_abstract_type(parent):
            overlaps = do_types_overlap(self.schema, wanted, parent)  # type: ignore[arg-type]
            return wanted if overlaps else None
        if is_abstract_type(wanted) and self.schema.is_sub_type(wanted, parent):
            return parent
        return None


def fragments_of(document: DocumentNode) -> dict[str, FragmentDefinitionNode]:
    return {
        definition.name.value: definition
        for definition in document.definitions
        if isinstance(definition, FragmentDefinitionNode)
    }


# `__schema` and `__type`: graphql-core answers them; the compiler leaves them to it.
META_FIELDS: dict[str, GraphQLField] = {"__schema": SchemaMetaFieldDef, "__type": TypeMetaFieldDef}
