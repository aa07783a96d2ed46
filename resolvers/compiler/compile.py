"""Compiling a selection into a Cypher map expression and the shaper of its value."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from graphql import (
    FragmentDefinitionNode,
    GraphQLEnumType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLScalarType,
    GraphQLSchema,
    SelectionSetNode,
)

from core.bounds import Capped
from core.global_ids import encode_id
from core.request_limits import RequestLimits
from resolvers.compiler.collect import Collector, Selected
from resolvers.compiler.cypher import Binding
from resolvers.compiler.declaration import declaration_of
from resolvers.compiler.request import Arguments, ArgumentSource
from resolvers.compiler.shape import (
    FieldShape,
    Shaper,
    enum_shape,
    iso_shape,
    list_shape,
    object_shape,
)
from resolvers.compiler.statement import StatementBuilder
from resolvers.statements import statement


class NotCompiled(Exception):
    """A selected field the compiler has no rule for: a gap in the rules, never the client's."""


PARAMETER = re.compile(r"\$([A-Za-z]\w*)")

# Cypher variables a field's rule may use: "this" is the object being projected.
Scope = dict[str, str]


@dataclass(frozen=True)
class ParameterRef:
    """A fragment parameter the request gives: the `$name` already bound to it."""

    parameter: str


@dataclass(frozen=True)
class Compiled:
    """A field's Cypher expression, and how its value becomes the response's."""

    expression: str
    shape: Shaper | None = None
    constant: Any = None  # __typename: known without asking the database
    # a value several fields derive from, fetched once per object under this key
    shared: str | None = None


Rule = Callable[["Compilation", Scope, Selected, GraphQLObjectType], Compiled]
Derive = Callable[[Any], Any]


@dataclass(frozen=True)
class RootStatement:
    """One root field's statement: its rows' `data` column, shaped."""

    text: str | None  # None: no node can match, so nothing to ask
    shape: Shaper
    # a list of the items found, each with its position `i` in the parameter `positions`
    positions: str | None = None
    # called when the statement finds nothing, to refuse rather than answer null
    absent: Callable[[dict[str, Any]], None] | None = None


class NoStatement(Exception):
    """The field's value is known without asking the database (here: null)."""


RootRule = Callable[["Compilation", Selected], RootStatement]


@dataclass(frozen=True)
class Pin:
    """A node the request names by key (`researcher(id:)`, the viewer): the arguments that
    name it, and how its key reads from them. A cursor of a list under it names it too."""

    source: ArgumentSource
    key: Callable[[Arguments], str | None]


class Compilation:
    """Everything one root field's statement is built from."""

    def __init__(
        self,
        schema: GraphQLSchema,
        limits: RequestLimits,
        fragments: dict[str, FragmentDefinitionNode],
        statement: StatementBuilder,
    ) -> None:
        self.schema = schema
        self.limits = limits
        self.statement = statement
        self.collector = Collector(schema, fragments, self._condition)
        self.pins: dict[str, Pin] = {}  # by Cypher variable

    def _condition(self, directive: Any, node: Any) -> bool | None:
        for used in getattr(node, "directives", None) or ():
            if used.name.value == directive.name:
                source = ArgumentSource(directive, node)
                return bool(
                    self.statement.fact(source, "if", lambda arguments: arguments.get("if"))
                )
        return None

    def arguments(self, selected: Selected) -> ArgumentSource:
        assert selected.definition is not None
        return ArgumentSource(selected.definition, selected.node)

    def given(self, selected: Selected, name: str) -> bool:
        """Whether the request gives an argument: the plan's text depends on it."""
        return bool(
            self.statement.fact(
                self.arguments(selected),
                f"given:{name}",
                lambda arguments: arguments.get(name) is not None,
            )
        )

    def order(self, selected: Selected) -> tuple[str, str] | None:
        """`orderBy` as (field, direction) values: the plan's text depends on it."""

        def read(arguments: Arguments) -> tuple[str, str] | None:
            order = arguments.get("orderBy")
            return None if order is None else (order["field"].value, order["direction"].value)

        found: tuple[str, str] | None = self.statement.fact(
            self.arguments(selected), "orderBy", read
        )
        return found

    def parameter(
        self,
        selected: Selected,
        value: Callable[[Arguments], Any],
        parent: ArgumentSource | None = None,
    ) -> str:
        return self.statement.parameter(self.arguments(selected), value, parent)

    def variable(self, prefix: str) -> str:
        return self.statement.variable(prefix)

    def bind(self, **given: str) -> Binding:
        """Names for one part of the statement: those given, and fresh ones for its locals."""
        return Binding(self.statement.variable, **given)

    def cap(self, selected: Selected) -> int:
        """The fixed cap a list field declares, which its LIMIT enforces."""
        assert selected.definition is not None
        declared = declaration_of(selected.definition).items
        assert declared is not None and isinstance(declared.bound, Capped)
        return declared.bound.cap

    def object_type(self, name: str) -> GraphQLObjectType:
        found = self.schema.get_type(name)
        assert isinstance(found, GraphQLObjectType)
        return found

    def project(
        self, scope: Scope, type_: GraphQLObjectType, selection_sets: list[SelectionSetNode]
    ) -> tuple[str, Shaper]:
        """A Cypher map of the selected fields, and its shaper."""
        entries: list[str] = []
        shapes: list[FieldShape] = []
        shared: set[str] = set()
        for selected in self.collector.fields(selection_sets, type_):
            compiled = self.field(scope, selected, type_)
            if compiled.constant is not None:
                shapes.append(FieldShape(selected.key, "", "", False, constant=compiled.constant))
                continue
            source = compiled.shared or selected.key
            if source not in shared:
                shared.add(source)
                entries.append(f"`{source}`: {compiled.expression}")
            definition = selected.definition
            non_null = definition is not None and isinstance(definition.type, GraphQLNonNull)
            shapes.append(
                FieldShape(
                    key=selected.key,
                    source=source,
                    owner=f"{type_.name}.{selected.name}",
                    non_null=non_null,
                    shape=compiled.shape,
                )
            )
        return "{" + ", ".join(entries) + "}", object_shape(tuple(shapes))

    def field(self, scope: Scope, selected: Selected, type_: GraphQLObjectType) -> Compiled:
        if selected.name == "__typename":
            return Compiled("null", constant=type_.name)
        assert selected.definition is not None
        rule = declaration_of(selected.definition).rule
        if rule is not None:
            return rule(self, scope, selected, type_)
        column = scope.get(selected.name)
        if column is not None:
            return self.column(column, selected)
        if not is_leaf(selected.definition.type):
            raise NotCompiled(f"{type_.name}.{selected.name}")
        return Compiled(f"{scope['this']}.`{selected.name}`", leaf_shape(selected.definition.type))

    def nested(self, selected: Selected, scope: Scope, type_name: str) -> tuple[str, Shaper]:
        """The projection of an object field's own selection, with the given scope."""
        return self.project(scope, self.object_type(type_name), selected.selection_sets())

    def column(self, column: str, selected: Selected) -> Compiled:
        """A field a fragment or a row already holds: a value, or a node to project."""
        assert selected.definition is not None
        output = selected.definition.type
        if is_leaf(output):
            return Compiled(column, leaf_shape(output))
        inner = output.of_type if isinstance(output, GraphQLNonNull) else output
        if isinstance(inner, GraphQLList):
            return self.node_list(column, selected)
        return self.node(column, selected)

    def node_list(self, column: str, selected: Selected) -> Compiled:
        """A column holding a list of nodes, each projected with the field's selection."""
        node = self.variable("n")
        compiled = self.node(node, selected)
        return Compiled(
            f"COLLECT {{ UNWIND {column} AS {node} "
            f"WITH {node}, {compiled.expression} AS item RETURN item }}",
            list_shape(compiled.shape, "", True),
        )

    def node(self, variable: str, selected: Selected) -> Compiled:
        """A node-valued field (null when the node is), projected with its selection."""
        assert selected.definition is not None
        text, shape = self.project(
            {"this": variable},
            self.object_type(unwrapped(selected.definition.type).name),
            selected.selection_sets(),
        )
        return Compiled(f"CASE WHEN {variable} IS NULL THEN null ELSE {text} END", shape)

    def rows(
        self,
        name: str,
        scope: Scope,
        columns: tuple[str, ...],
        selected: Selected,
        **parameters: Any,
    ) -> Compiled:
        """A list whose rows a fragment makes: each row's columns, projected as its type."""
        assert selected.definition is not None
        fresh = {column: self.variable("c") for column in columns}
        renamed = ", ".join(f"{column} AS {variable}" for column, variable in fresh.items())
        text, shape = self.project(
            fresh,
            self.object_type(unwrapped(selected.definition.type).name),
            selected.selection_sets(),
        )
        kept = ", ".join(fresh.values())
        expression = (
            f"COLLECT {{ {self.fragment(name, scope, **parameters)} WITH {renamed} "
            f"WITH {kept}, {text} AS item RETURN item }}"
        )
        return Compiled(expression, list_shape(shape, str(selected.definition.type), True))

    def derived_shape(self, selected: Selected) -> Shaper | None:
        """The shaper of a value computed in Python: a dict keyed by field names."""
        assert selected.definition is not None
        return self._derived(selected.definition.type, selected.selection_sets())

    def _derived(self, output: Any, selection_sets: list[SelectionSetNode]) -> Shaper | None:
        named = unwrapped(output)
        if not isinstance(named, GraphQLObjectType):
            return None
        shapes = []
        for field in self.collector.fields(selection_sets, named):
            definition = field.definition
            if definition is None:
                shapes.append(FieldShape(field.key, "", "", False, constant=named.name))
                continue
            shapes.append(
                FieldShape(
                    field.key,
                    field.name,
                    f"{named.name}.{field.name}",
                    isinstance(definition.type, GraphQLNonNull),
                    self._derived(definition.type, field.selection_sets()),
                )
            )
        shape = object_shape(tuple(shapes))
        inner = output.of_type if isinstance(output, GraphQLNonNull) else output
        if isinstance(inner, GraphQLList):
            return list_shape(shape, str(named), isinstance(inner.of_type, GraphQLNonNull))
        return shape

    def derived(
        self, derive: Derive, selected: Selected, expression: str, shared: str | None = None
    ) -> Compiled:
        """`expression`'s value turned into the field's by `derive`, in Python, then shaped
        as the field's selection asks."""
        inner = self.derived_shape(selected)

        def shape(raw: Any, path: Any, errors: Any) -> Any:
            value = derive(raw)
            return value if inner is None else inner(value, path, errors)

        return Compiled(expression, shape, shared=shared)

    def value(self, name: str, scope: Scope, **parameters: Any) -> str:
        """The one value (`value`) a fragment computes."""
        return f"COLLECT {{ {self.fragment(name, scope, **parameters)} RETURN value }}[0]"

    def typed_node(
        self, variable: str, kind: str, labels: tuple[str, ...], selected: Selected
    ) -> Compiled:
        """A node of an interface type whose label `kind` names: each label's projection."""
        branches, shapes = [], {}
        for label in labels:
            text, shapes[label] = self.project(
                {"this": variable}, self.object_type(label), selected.selection_sets()
            )
            branches.append(f"WHEN '{label}' THEN {text}")
        expression = f"{{kind: {kind}, value: CASE {kind} {' '.join(branches)} END}}"

        def shape(raw: Any, path: Any, errors: Any) -> Any:
            return shapes[raw["kind"]](raw["value"], path, errors)

        return Compiled(expression, shape)

    def fragment(self, name: str, scope: Scope | None, **parameters: Any) -> str:
        """A fragment of cypher/fragments, reading `this` and `$parameters` of its own."""
        text = statement(f"fragments/{name}")

        def bound(match: re.Match[str]) -> str:
            value = parameters[match.group(1)]
            return (
                value.parameter
                if isinstance(value, ParameterRef)
                else self.statement.constant(value)
            )

        text = PARAMETER.sub(bound, text)
        return text if scope is None else f"WITH {scope['this']} AS this {text}"


def unwrapped(output: GraphQLOutputType) -> Any:
    while isinstance(output, GraphQLNonNull | GraphQLList):
        output = output.of_type
    return output


def is_leaf(output: GraphQLOutputType) -> bool:
    return isinstance(unwrapped(output), GraphQLEnumType | GraphQLScalarType)


def leaf_shape(output: GraphQLOutputType) -> Shaper | None:
    """How a stored scalar, enum or list of them becomes the response's; None when it
    passes as stored."""
    inner = output.of_type if isinstance(output, GraphQLNonNull) else output
    if isinstance(inner, GraphQLList):
        item = inner.of_type
        shape = scalar_shape(unwrapped(item))
        if shape is None and not isinstance(item, GraphQLNonNull):
            return None
        return list_shape(shape, str(item), isinstance(item, GraphQLNonNull))
    return scalar_shape(inner)


@cache
def scalar_shape(type_: Any) -> Shaper | None:
    if isinstance(type_, GraphQLEnumType):
        names = {
            getattr(value.value, "value", value.value): name for name, value in type_.values.items()
        }
        return enum_shape(names, type_.name)
    return iso_shape if type_.name in ("Date", "DateTime") else None


def global_id(kind: str) -> Shaper:
    return lambda key, path, errors: encode_id(kind, key)
