"""What a mutation answers, read back through the compiler: a resolver that wrote says
which object it made or changed (`written`), and one compiled statement reads it back
in the shape the request selected."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from graphql import (
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLResolveInfo,
)
from graphql.pyutils import Path as GraphQLPath
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from resolvers.compiler.collect import Selected
from resolvers.compiler.compile import Compilation, RootStatement
from resolvers.compiler.plans import Plans
from resolvers.compiler.request import Parameter, RequestArguments
from resolvers.compiler.roots import holding
from resolvers.compiler.shape import Bubble, Path
from resolvers.compiler.statement import Statement
from resolvers.database import Row

T = TypeVar("T")
ANCHOR = "anchor"  # the parameter holding the key the write returned

# Where each type a mutation returns is found by key, and the names its fields read.
ANCHORS: dict[str, tuple[str, dict[str, str]]] = {
    # a mutation given an old id of a researcher answers the record that holds it now
    "Researcher": (holding("Researcher", "$anchor").replace("{n}", "n"), {"this": "n"}),
    "Viewer": ("MATCH (n:User {key: $anchor})", {"this": "n"}),
    "User": ("MATCH (n:User {key: $anchor})", {"this": "n"}),
    "Claim": (
        "MATCH (u:User)-[n:CLAIMED {key: $anchor}]->(r:Researcher)",
        {"this": "n", "researcher": "r", "claimant": "u"},
    ),
    "Invitation": (
        "MATCH (s:User)-[:SENT]->(n:Invitation {key: $anchor})-[:TO]->(r:Researcher)",
        {"this": "n", "from": "s", "to": "r"},
    ),
}


@dataclass(frozen=True)
class Written:
    """What a resolver returns after a write: the type and key to read back."""

    type_name: str
    key: str


def written(type_: type[T], key: str) -> T:
    """The object of type `type_` with this key, as the request selected it."""
    return cast(T, Written(type_.__name__, key))


@dataclass(frozen=True)
class ReadBack:
    node: object  # the field node it was compiled for, kept so its id stays unique
    statement: RootStatement
    parameters: list[Parameter]


Query = Callable[[str, dict[str, Any]], Awaitable[list[Row]]]


class ReadBacks:
    """Read-back statements, compiled once per field node of a known document."""

    def __init__(self, plans: Plans) -> None:
        self.plans = plans
        self._compiled: dict[tuple[int, str], ReadBack] = {}

    async def read(
        self, info: GraphQLResolveInfo[Any], value: Written, request: RequestArguments, query: Query
    ) -> tuple[Any, list[Any]]:
        compiled = self._compile(info, value.type_name, request)
        parameters = request.parameters(compiled.parameters) | {ANCHOR: value.key}
        text = compiled.statement.text
        assert text is not None
        rows = await query(text, parameters)
        if not rows:
            raise LookupError(f"{value.type_name} {value.key} vanished during the request")
        errors: list[Any] = []
        try:
            data = compiled.statement.shape(rows[0]["data"], path_of(info), errors)
        except Bubble:
            data = None
        return data, errors

    def _compile(
        self, info: GraphQLResolveInfo[Any], type_name: str, request: RequestArguments
    ) -> ReadBack:
        node = info.field_nodes[0]
        found = self._compiled.get((id(node), type_name))
        if found is not None and found.node is node:
            return found
        match, scope = ANCHORS[type_name]
        statement = Statement(request, [])
        fragments = dict(info.fragments)
        compilation = Compilation(
            self.plans.schema, self.plans.rules, self.plans.limits, fragments, statement
        )
        type_ = self.plans.schema.get_type(type_name)
        assert isinstance(type_, GraphQLObjectType)
        selected = Selected(info.path.key, info.field_name, None, list(info.field_nodes))  # type: ignore[arg-type]
        text, shape = compilation.project(scope, type_, selected.selection_sets())
        names = ", ".join(sorted(set(scope.values())))
        root = RootStatement(f"{match} WITH {names}, {text} AS data RETURN data", shape)
        found = ReadBack(node, root, statement.parameters)
        self._compiled[id(node), type_name] = found
        return found


def path_of(info: GraphQLResolveInfo[Any]) -> Path:
    path: Path = None
    for key in info.path.as_list():
        path = (path, key)
    return path


def read_back_execution(read_backs: ReadBacks) -> type[StrawberryGraphQLCoreExecutionContext]:
    """graphql-core's executor for mutations, where a resolver's `written` value is read
    back through the compiler instead of completed field by field."""

    class ReadBackExecution(StrawberryGraphQLCoreExecutionContext):
        def complete_value(
            self,
            return_type: GraphQLOutputType,
            field_details_list: Any,
            info: GraphQLResolveInfo[Any],
            path: GraphQLPath,
            result: Any,
            position_context: Any,
        ) -> Any:
            if isinstance(result, Written):
                return self.read(return_type, info, path, result)
            return super().complete_value(
                return_type, field_details_list, info, path, result, position_context
            )

        async def read(
            self,
            return_type: GraphQLOutputType,
            info: GraphQLResolveInfo[Any],
            path: GraphQLPath,
            value: Written,
        ) -> Any:
            context = self.context_value
            request = RequestArguments(self.variable_values, lambda: context.viewer)
            data, errors = await read_backs.read(info, value, request, context.query)
            for error in errors:
                self.collected_errors.add(error, path)
            if data is None and isinstance(return_type, GraphQLNonNull) and errors:
                raise errors[0]
            return data

    return ReadBackExecution
