"""The document limits: how deep an operation nests and how many aliases it asks for,
fragments expanded. Measured on documents that passed GraphQL's own validation, so every
fragment exists and none spreads itself."""

from __future__ import annotations

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
)

from core.errors import VALIDATION_FAILED

# Introspection is answered from memory, never from the database, and its own standard
# query nests deeper than any data query needs to.
INTROSPECTION_ROOTS = frozenset({"__schema", "__type"})


class _Measure:
    def __init__(self, document: DocumentNode) -> None:
        self.fragments = {
            definition.name.value: definition
            for definition in document.definitions
            if isinstance(definition, FragmentDefinitionNode)
        }
        # A fragment's depth and alias count do not depend on where it is spread, so
        # each is counted once: a document of nested spreads stays linear to measure.
        self._depths: dict[str, int] = {}
        self._aliases: dict[str, int] = {}

    def depth(self, selection_set: SelectionSetNode | None) -> int:
        deepest = 0
        for selection in selection_set.selections if selection_set else ():
            if isinstance(selection, FieldNode):
                if selection.name.value in INTROSPECTION_ROOTS:
                    continue
                below = 1 + self.depth(selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                if name not in self._depths:
                    self._depths[name] = self.depth(self.fragments[name].selection_set)
                below = self._depths[name]
            elif isinstance(selection, InlineFragmentNode):
                below = self.depth(selection.selection_set)
            else:
                continue
            deepest = max(deepest, below)
        return deepest

    def aliases(self, selection_set: SelectionSetNode | None) -> int:
        count = 0
        for selection in selection_set.selections if selection_set else ():
            if isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                if name not in self._aliases:
                    self._aliases[name] = self.aliases(self.fragments[name].selection_set)
                count += self._aliases[name]
                continue
            if isinstance(selection, FieldNode | InlineFragmentNode):
                if isinstance(selection, FieldNode) and selection.alias is not None:
                    count += 1
                count += self.aliases(selection.selection_set)
        return count


def limit_errors(document: DocumentNode, max_depth: int, max_aliases: int) -> list[GraphQLError]:
    measure = _Measure(document)
    errors: list[GraphQLError] = []
    for operation in document.definitions:
        if not isinstance(operation, OperationDefinitionNode):
            continue
        name = operation.name.value if operation.name else "anonymous"
        depth = measure.depth(operation.selection_set)
        if depth > max_depth:
            errors.append(
                GraphQLError(
                    f"'{name}' nests {depth} levels and exceeds maximum operation depth of"
                    f" {max_depth}",
                    nodes=[operation],
                    extensions={"code": VALIDATION_FAILED},
                )
            )
        aliases = measure.aliases(operation.selection_set)
        if aliases > max_aliases:
            errors.append(
                GraphQLError(
                    f"'{name}' asks for {aliases} aliases, more than the {max_aliases} allowed",
                    nodes=[operation],
                    extensions={"code": VALIDATION_FAILED},
                )
            )
    return errors
