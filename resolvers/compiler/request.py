"""What a plan reads from a request: argument values, as facts or as parameters.

A plan is compiled once for a document and reused for every request that agrees with
it on the facts it was built from (which `@skip` held, which fields a `where` gives,
which kind an id names). Everything else a request says reaches Cypher as a parameter,
computed from the request's own arguments: never as text.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    FieldNode,
    GraphQLDirective,
    GraphQLField,
    Node,
    VariableNode,
)
from graphql.execution.values import VariableValues, get_argument_values, get_directive_values

Arguments = dict[str, Any]


@dataclass(frozen=True)
class ArgumentSource:
    """The arguments of one field (or directive) node, resolved per request, or once
    when the document writes them without variables."""

    definition: GraphQLField | GraphQLDirective = field(hash=False, compare=False)
    node: FieldNode | Any = field(hash=False, compare=False)  # or a node with the directive
    identity: tuple[int, str] = field(init=False)
    constant: bool = field(init=False, hash=False, compare=False)
    # the resolved arguments of a constant source, shared by every request
    known: list[Arguments | None] = field(
        init=False, hash=False, compare=False, default_factory=list
    )

    def __post_init__(self) -> None:
        name = getattr(self.definition, "name", "field")
        object.__setattr__(self, "identity", (id(self.node), str(name)))
        object.__setattr__(self, "constant", not uses_variables(self.node))


def uses_variables(node: Node | None) -> bool:
    """Whether a field node's arguments or directives name a variable anywhere."""
    if node is None:
        return False
    if isinstance(node, VariableNode):
        return True
    children: list[Any] = []
    for key in ("arguments", "directives", "fields", "values"):
        children.extend(getattr(node, key, None) or ())
    value = getattr(node, "value", None)
    if isinstance(value, Node):
        children.append(value)
    return any(uses_variables(child) for child in children)


@dataclass(frozen=True)
class Fact:
    """Something the plan's text depends on; equal when it reads the same thing."""

    source: ArgumentSource
    label: str
    read: Callable[[Arguments], Hashable] = field(compare=False)


# The source of a parameter that holds the signed-in user's key.
VIEWER = ArgumentSource(GraphQLDirective("viewer", []), None)


# Where a parameter's value finds the arguments of the field that names its list's parent.
PARENT = "$parent"


@dataclass(frozen=True, eq=False)
class Parameter:
    name: str
    source: ArgumentSource | None
    value: Callable[[Arguments], Any]
    # a second field whose arguments the value reads, under PARENT: a list's parent
    parent: ArgumentSource | None = None


class RequestArguments:
    """Argument values of one request, each field's resolved once."""

    def __init__(self, variables: VariableValues | None, viewer: Callable[[], str | None]) -> None:
        self.variables = variables
        self.viewer = viewer
        self._resolved: dict[tuple[int, str], Arguments | None] = {}

    def _resolve(self, source: ArgumentSource) -> Arguments | None:
        if isinstance(source.definition, GraphQLDirective):
            return get_directive_values(source.definition, source.node, self.variables)
        return get_argument_values(source.definition, source.node, self.variables)

    def fact_values(self, facts: list[Fact]) -> tuple[Hashable, ...]:
        return tuple(fact.read(self.of_source(fact.source)) for fact in facts)

    def of_source(self, source: ArgumentSource) -> Arguments:
        if source is VIEWER:
            return {"viewer": self.viewer()}
        if source.constant:
            if not source.known:
                source.known.append(self._resolve(source))
            return source.known[0] or {}
        if source.identity not in self._resolved:
            self._resolved[source.identity] = self._resolve(source)
        return self._resolved[source.identity] or {}

    def parameters(self, parameters: list[Parameter]) -> dict[str, Any]:
        values = {}
        for parameter in parameters:
            if parameter.source is VIEWER:
                values[parameter.name] = parameter.value({"viewer": self.viewer()})
            elif parameter.source is None:
                values[parameter.name] = parameter.value({})
            else:
                arguments = self.of_source(parameter.source)
                if parameter.parent is not None:
                    arguments = {**arguments, PARENT: self.of_source(parameter.parent)}
                values[parameter.name] = parameter.value(arguments)
        return values
