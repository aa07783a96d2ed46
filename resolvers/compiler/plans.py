"""Compiled plans, cached by document, operation and the facts they were built from."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    GraphQLNonNull,
    GraphQLSchema,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
)

from core.request_limits import RequestLimits
from core.weighted_cache import WeightedCache
from resolvers.compiler.collect import fragments_of
from resolvers.compiler.compile import Compilation, NoStatement, NotCompiled, RootStatement
from resolvers.compiler.declaration import declaration_of
from resolvers.compiler.request import Fact, Parameter, RequestArguments
from resolvers.compiler.statement import StatementBuilder


@dataclass(frozen=True)
class Step:
    """One root field: its statement (None when its value is known to be null)."""

    key: str
    node: FieldNode
    non_null: bool
    statement: RootStatement | None
    parameters: list[Parameter]
    typename: str | None = None  # for `__typename`
    # `__schema` or `__type`: graphql-core answers the schema's own description
    introspection: DocumentNode | None = None


@dataclass(frozen=True)
class Plan:
    steps: list[Step]


def introspection(
    operation: OperationDefinitionNode,
    field: FieldNode,
    fragments: dict[str, FragmentDefinitionNode],
) -> DocumentNode:
    """A document asking only for this introspection field, with the same variables."""
    alone = OperationDefinitionNode(
        operation=OperationType.QUERY,
        variable_definitions=operation.variable_definitions,
        directives=(),
        selection_set=SelectionSetNode(selections=(field,)),
    )
    return DocumentNode(definitions=(alone, *fragments.values()))


class Plans:
    """Plans of the queries seen, by document, operation and the facts each plan's text
    depends on. A mutation has none: graphql-core's executor runs it."""

    schema: GraphQLSchema  # set once the schema exists

    def __init__(self, limits: RequestLimits, cached_text: int) -> None:
        """`cached_text`: characters of document text the plans and facts kept may come
        from, as each plan holds its document's nodes."""
        self.limits = limits
        self.compiled = 0  # plans compiled so far: a known document's requests add none
        self._facts: WeightedCache[tuple[str, str | None], list[Fact]] = WeightedCache(cached_text)
        self._plans: WeightedCache[tuple[Hashable, ...], Plan | None] = WeightedCache(cached_text)

    def plan(
        self,
        text: str,
        document: DocumentNode,
        operation: OperationDefinitionNode,
        request: RequestArguments,
    ) -> Plan | None:
        name = operation.name.value if operation.name else None
        facts = self._facts.get((text, name))
        if facts is not None:
            key = (text, name, request.fact_values(facts))
            if key in self._plans:
                return self._plans.get(key)
        found_facts: list[Fact] = []
        plan = self._compile(document, operation, request, found_facts)
        self.compiled += 1
        known = facts if facts is not None else []
        known.extend(fact for fact in found_facts if fact not in known)
        self._facts.put((text, name), known, len(text))
        self._plans.put((text, name, request.fact_values(known)), plan, len(text))
        return plan

    def _compile(
        self,
        document: DocumentNode,
        operation: OperationDefinitionNode,
        request: RequestArguments,
        facts: list[Fact],
    ) -> Plan | None:
        if operation.operation is not OperationType.QUERY:
            return None
        fragments = fragments_of(document)
        root_type = self.schema.query_type
        assert root_type is not None
        first = Compilation(self.schema, self.limits, fragments, StatementBuilder(request, facts))
        steps = []
        for selected in first.collector.fields([operation.selection_set], root_type):
            if selected.name == "__typename":
                steps.append(Step(selected.key, selected.node, True, None, [], root_type.name))
                continue
            if selected.definition is None:
                alone = introspection(operation, selected.node, fragments)
                # `__schema: __Schema!`, but `__type: __Type` is null for an unknown name
                non_null = selected.name == "__schema"
                steps.append(Step(selected.key, selected.node, non_null, None, [], None, alone))
                continue
            statement = StatementBuilder(request, facts)
            compilation = Compilation(self.schema, self.limits, fragments, statement)
            root = declaration_of(selected.definition).root
            if root is None:
                raise NotCompiled(f"{root_type.name}.{selected.name}")
            try:
                compiled: RootStatement | None = root(compilation, selected)
            except NoStatement:
                compiled = None
            steps.append(
                Step(
                    selected.key,
                    selected.node,
                    isinstance(selected.definition.type, GraphQLNonNull),
                    compiled,
                    statement.parameters,
                )
            )
        return Plan(steps)
