"""How many items a request may return, and how many rows it may read, estimated from its
shape before it runs.

An item is an object in a list of the answer (core/bounds.py). Every list field
declares at most how many items it holds for each object above it; the estimate
multiplies those bounds down the tree, with the request's variables, their defaults and
the arguments' defaults applied, as GitHub's API does with its node limit. Introspection
counts like any other list.

Work is the rows a request may read from the store (core/work.py): each field's rows for
one object above it, times the objects above it, summed over the tree. A field that
declares no work reads one row for each item of a list, and none for an object (found on a
row read already); a field with a `where` adds, for each condition the tree tests, what the
condition reads for every candidate, or for every node of the kind if that is less. A
request whose estimate is above either limit is refused before any statement runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

from graphql import (
    DocumentNode,
    FieldNode,
    GraphQLError,
    GraphQLField,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    OperationDefinitionNode,
    SelectionNode,
    SelectionSetNode,
    get_named_type,
    is_abstract_type,
)
from graphql.execution.values import VariableValues, get_argument_values, get_directive_values

from core.bounds import Arguments, ItemBound, introspection_bounds
from core.request_limits import RequestLimits
from core.work import ByParent, GraphStatistics, PerCandidate, RootList, Work, candidates_of
from resolvers.compiler.collect import Collector, fragments_of
from resolvers.compiler.declaration import declaration_of
from resolvers.compiler.request import uses_variables
from resolvers.compiler.where import Criteria, criteria_of, where_rows

WALKS_KEPT = 16  # per document: one walk for each set of @skip/@include values


class Cost(NamedTuple):
    items: int
    work: int


@dataclass(frozen=True)
class _Field:
    """A selected field with a selection, or one that declares its work: its list bound
    (None for a single object), its work, and the fields selected below it, for each type
    its objects may be."""

    definition: GraphQLField
    node: FieldNode
    declared: ItemBound | None
    work: Work | PerCandidate | None
    criteria: Criteria | None  # those of its `where`, if it has one
    below: tuple[tuple[_Field, ...], ...]
    # whether its own arguments are read: by its bound, its work or its `where`, or by the
    # bounds of lists below it
    reads_arguments: bool
    # its arguments when the document writes them without variables: read once
    constant: Arguments | None

    @property
    def varies(self) -> bool:
        """Whether its cost, or that of a field below it, depends on the variables."""
        return (self.reads_arguments and self.constant is None) or any(
            field.varies for fields in self.below for field in fields
        )


@dataclass
class _Walked:
    """A walk of the document for one set of @skip/@include values, and for a walk whose
    cost no variable changes (most known documents: their variables are ids), its cost
    under the statistics of the last request."""

    fields: tuple[_Field, ...]
    varies: bool
    fixed: tuple[GraphStatistics, Cost] | None = None


# A directive where a document uses it: `@skip` or `@include` on a selection.
Used = tuple[Any, SelectionNode]


class CostEstimate:
    """A document's estimate, walked once for each set of @skip/@include values: what is
    left per request is to apply the variables and multiply."""

    def __init__(
        self,
        schema: GraphQLSchema,
        document: DocumentNode,
        operation: OperationDefinitionNode,
        limits: RequestLimits,
    ) -> None:
        self._schema = schema
        self._limits = limits
        self._operation = operation
        self._fragments = fragments_of(document)
        self._conditions: list[Used] = []  # every one a walk has met
        self._walks: dict[tuple[bool | None, ...], _Walked] = {}

    def cost(self, variables: VariableValues | None, graph: GraphStatistics) -> Cost:
        """The estimate from the variables the request has coerced, and the graph's
        statistics now."""
        walked = self._walked(variables)
        if walked.varies:
            return self._cost(walked.fields, variables, graph, 1, 1, {}, 0)
        if walked.fixed is None or walked.fixed[0] is not graph:
            walked.fixed = (graph, self._cost(walked.fields, variables, graph, 1, 1, {}, 0))
        return walked.fixed[1]

    def _walked(self, variables: VariableValues | None) -> _Walked:
        values = tuple(_condition(used, variables) for used in self._conditions)
        found = self._walks.get(values)
        if found is not None:
            return found
        met: list[Used] = []

        def condition(directive: Any, node: Any) -> bool | None:
            if not any(used.name.value == directive.name for used in node.directives or ()):
                return None
            met.append((directive, node))
            return _condition((directive, node), variables)

        root = self._schema.get_root_type(self._operation.operation)
        walk = _Walk(self._schema, Collector(self._schema, self._fragments, condition))
        fields = () if root is None else walk.fields([self._operation.selection_set], root)
        found = _Walked(fields, any(field.varies for field in fields))
        known = {(used[0].name, id(used[1])) for used in self._conditions}
        for used in met:
            if (used[0].name, id(used[1])) not in known:
                known.add((used[0].name, id(used[1])))
                self._conditions.append(used)
        if len(self._walks) >= WALKS_KEPT:
            self._walks.clear()
        self._walks[tuple(_condition(used, variables) for used in self._conditions)] = found
        return found

    def _cost(
        self,
        fields: tuple[_Field, ...],
        variables: VariableValues | None,
        graph: GraphStatistics,
        shown: int,
        read: int,
        parent: Arguments,
        candidates: int,
    ) -> Cost:
        """`shown`: the objects above these fields in the answer; `read`: those the
        statement reads, which a page's read-ahead makes more; `candidates`: those of the
        list above, which its facets read again (with its `where`'s conditions)."""
        items = work = 0
        for field in fields:
            arguments: Arguments = field.constant or {}
            if field.reads_arguments and field.constant is None:
                try:
                    arguments = get_argument_values(field.definition, field.node, variables)
                except GraphQLError:
                    continue  # the field answers an error, and nothing below it
            shown_below, read_below = shown, read
            rows = 0  # what it reads for each object above it
            if field.declared is not None:
                bound = field.declared
                returned = bound.bound.items(parent if bound.of_parent else arguments, self._limits)
                rows = returned + bound.read_ahead
                shown_below, read_below = shown * returned, read * rows
                items += shown_below
            scanned = 0  # what a facet below reads of each candidate
            if isinstance(field.work, PerCandidate):
                rows = field.work.rows(candidates, arguments, self._limits, graph)
            elif field.work is not None:
                rows = field.work.rows(arguments, self._limits, graph)
                scanned = candidates_of(field.work, arguments, self._limits, graph) or 0
            if field.criteria is not None:
                where = arguments.get("where")
                anchored = field.work.anchored(where) if isinstance(field.work, RootList) else None
                each, total = where_rows(where, field.criteria, self._limits, graph, anchored)
                # one list's candidates are distinct nodes: together they read no more than
                # all the nodes of their kind, for the page and again for the count
                rows += min(rows * each, 2 * total)
                scanned += min(scanned * each, total)
            work += read * rows
            if field.below:
                # an object is of one type: the most any of its types selects
                below = [
                    self._cost(b, variables, graph, shown_below, read_below, arguments, scanned)
                    for b in field.below
                ]
                items += max(cost.items for cost in below)
                work += max(cost.work for cost in below)
        return Cost(items, work)


def _condition(used: Used, variables: VariableValues | None) -> bool | None:
    directive, node = used
    values = get_directive_values(directive, node, variables)
    return None if values is None else bool(values["if"])


@lru_cache(maxsize=8)
def _introspection(schema: GraphQLSchema) -> dict[str, ItemBound]:
    return introspection_bounds(schema)


class _Walk:
    def __init__(self, schema: GraphQLSchema, selections: Collector) -> None:
        self.schema = schema
        self.selections = selections
        self.introspection = _introspection(schema)

    def fields(
        self, selection_sets: list[SelectionSetNode], parent: GraphQLNamedType
    ) -> tuple[_Field, ...]:
        found = []
        for selected in self.selections.fields(selection_sets, parent):
            definition = self.selections.definition(parent, selected.name)
            nested = selected.selection_sets()
            if definition is None:
                continue
            declaration = declaration_of(definition)
            work = _work_on(declaration.work, parent.name)
            if not nested and work is None:
                continue
            below = tuple(self.fields(nested, type_) for type_ in self.possible(definition.type))
            declared = declaration.items or self.introspection.get(f"{parent.name}.{selected.name}")
            where = definition.args.get("where")
            criteria = None if where is None else criteria_of(where.type)
            reads = (
                (declared is not None and not declared.of_parent)
                or (work is not None and work.reads_arguments)
                or criteria is not None
                or any(
                    item.declared is not None and item.declared.of_parent
                    for fields in below
                    for item in fields
                )
            )
            node = selected.node
            constant = _constant_arguments(definition, node) if reads else None
            found.append(_Field(definition, node, declared, work, criteria, below, reads, constant))
        return tuple(found)

    def possible(self, output: Any) -> list[GraphQLObjectType]:
        named = get_named_type(output)
        if is_abstract_type(named):
            return list(self.schema.get_possible_types(named))
        return [named] if isinstance(named, GraphQLObjectType) else []


def _work_on(
    declared: Work | ByParent | PerCandidate | None, parent: str
) -> Work | PerCandidate | None:
    if isinstance(declared, ByParent):
        return declared.of(parent)
    return declared


def _constant_arguments(definition: GraphQLField, node: FieldNode) -> Arguments | None:
    """A field's arguments, when no variable can change them."""
    if any(uses_variables(argument) for argument in node.arguments or ()):
        return None
    try:
        return get_argument_values(definition, node)
    except GraphQLError:
        return None  # read per request, where the error leaves the field out
