"""The document limits: how deep an operation nests and how many aliases it asks for,
fragments expanded. Measured on documents that passed GraphQL's own validation, so every
fragment exists and none spreads itself."""

from __future__ import annotations

from collections.abc import Callable

from graphql import (
    DocumentNode,
    FieldNode,
    GraphQLError,
    GraphQLNamedType,
    GraphQLSchema,
    OperationDefinitionNode,
    SelectionSetNode,
    get_named_type,
)

from core.errors import VALIDATION_FAILED
from resolvers.compiler.collect import Collector, Fragment, fragments_of, not_known

# Introspection is answered from memory, never from the database, and its own standard
# query nests deeper than any data query needs to.
INTROSPECTION_ROOTS = frozenset({"__schema", "__type"})


class _Measure:
    def __init__(self, schema: GraphQLSchema, document: DocumentNode) -> None:
        fragments = fragments_of(document)
        # Checked before any variables: what @skip/@include leave out counts too.
        self.selections = Collector(schema, fragments, not_known)
        # A fragment's depth and alias count do not depend on where it is spread, so
        # each is counted once: a document of nested spreads stays linear to measure.
        self._depths: dict[tuple[str, str], int] = {}
        self._aliases: dict[tuple[str, str], int] = {}

    def depth(self, selection_set: SelectionSetNode, parent: GraphQLNamedType) -> int:
        deepest = 0
        for part in self.selections.parts(selection_set, parent):
            if isinstance(part, Fragment):
                below = self._fragment(self._depths, self.depth, part)
            elif part.name.value in INTROSPECTION_ROOTS:
                continue
            else:
                below = 1 + self._below(self.depth, part, parent)
            deepest = max(deepest, below)
        return deepest

    def aliases(self, selection_set: SelectionSetNode, parent: GraphQLNamedType) -> int:
        count = 0
        for part in self.selections.parts(selection_set, parent):
            if isinstance(part, Fragment):
                count += self._fragment(self._aliases, self.aliases, part)
            else:
                count += (part.alias is not None) + self._below(self.aliases, part, parent)
        return count

    def _below(self, measure: Measure, field: FieldNode, parent: GraphQLNamedType) -> int:
        definition = self.selections.definition(parent, field.name.value)
        if field.selection_set is None or definition is None:
            return 0
        return measure(field.selection_set, get_named_type(definition.type))

    @staticmethod
    def _fragment(memo: dict[tuple[str, str], int], measure: Measure, fragment: Fragment) -> int:
        if fragment.name is None:
            return measure(fragment.selection_set, fragment.on)
        key = (fragment.name, fragment.on.name)
        if key not in memo:
            memo[key] = measure(fragment.selection_set, fragment.on)
        return memo[key]


Measure = Callable[[SelectionSetNode, GraphQLNamedType], int]


def limit_errors(
    schema: GraphQLSchema, document: DocumentNode, max_depth: int, max_aliases: int
) -> list[GraphQLError]:
    measure = _Measure(schema, document)
    errors: list[GraphQLError] = []
    for operation in document.definitions:
        if not isinstance(operation, OperationDefinitionNode):
            continue
        name = operation.name.value if operation.name else "anonymous"
        root = schema.get_root_type(operation.operation)
        if root is None:
            continue
        depth = measure.depth(operation.selection_set, root)
        if depth > max_depth:
            errors.append(
                GraphQLError(
                    f"'{name}' nests {depth} levels and exceeds maximum operation depth of"
                    f" {max_depth}",
                    nodes=[operation],
                    extensions={"code": VALIDATION_FAILED},
                )
            )
        aliases = measure.aliases(operation.selection_set, root)
        if aliases > max_aliases:
            errors.append(
                GraphQLError(
                    f"'{name}' asks for {aliases} aliases, more than the {max_aliases} allowed",
                    nodes=[operation],
                    extensions={"code": VALIDATION_FAILED},
                )
            )
    return errors
