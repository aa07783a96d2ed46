"""What a mutation answers, read back through the compiler: a resolver that wrote says
which object it made or changed (`written`), and one compiled statement reads it back
in the shape the request selected.

graphql-core's public executor runs the mutation's resolvers. In the document it runs,
a field of a type read back selects only `__typename`, so graphql-core completes none
of it; a middleware reads the object back, and its shape takes that field's place."""

from __future__ import annotations

from dataclasses import dataclass
from inspect import isawaitable
from typing import Any, TypeVar, cast

import strawberry
from graphql import (
    DocumentNode,
    ExecutionResult,
    FieldNode,
    FragmentDefinitionNode,
    GraphQLError,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLResolveInfo,
    GraphQLSchema,
    NameNode,
    OperationDefinitionNode,
    SelectionSetNode,
    TypeInfo,
    TypeInfoVisitor,
    Visitor,
    execute_root_selection_set,
    get_named_type,
    visit,
)
from graphql.execution import VariableValues
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from core.weighted_cache import WeightedCache
from resolvers.compiler.collect import Selected, fragments_of
from resolvers.compiler.compile import Compilation, RootStatement
from resolvers.compiler.plans import Plans
from resolvers.compiler.request import Parameter, RequestArguments
from resolvers.compiler.roots import holding
from resolvers.compiler.shape import Bubble, Path
from resolvers.compiler.statement import StatementBuilder
from resolvers.context import Context
from resolvers.database import RunStatement

T = TypeVar("T")
ANCHOR = "anchor"  # the parameter holding the key the write returned
READ_BACKS_KEPT = 256  # each holds its field's node, and through it the document's tokens

# Where each type a mutation returns is found by key, and the names its fields read.
ANCHORS: dict[str, tuple[str, dict[str, str]]] = {
    # a mutation given an old id of a researcher answers the record that holds it now
    "Researcher": (holding("Researcher", "$anchor", "n"), {"this": "n"}),
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
TYPENAME_ONLY = SelectionSetNode(selections=(FieldNode(name=NameNode(value="__typename")),))


@dataclass
class Written:
    """What a resolver returns after a write: the type and key to read back."""

    type_name: str
    key: str


def written(type_: type[T], key: str) -> T:
    """The object of type `type_` with this key, as the request selected it."""
    # the cast tells graphql-core the object is of this type
    return cast(T, strawberry.cast(type_, Written(type_.__name__, key)))


@dataclass(frozen=True)
class ReadBack:
    node: object  # the field node it was compiled for, kept so its id stays unique
    statement: RootStatement
    parameters: list[Parameter]


class ReadBacks:
    """Read-back statements, compiled once per field node of a known document."""

    def __init__(self, plans: Plans) -> None:
        self.plans = plans
        self._compiled: WeightedCache[tuple[int, str], ReadBack] = WeightedCache(READ_BACKS_KEPT)

    async def read(
        self,
        selected: Selected,
        fragments: dict[str, FragmentDefinitionNode],
        value: Written,
        path: Path,
        request: RequestArguments,
        query: RunStatement,
    ) -> tuple[Any, list[GraphQLError]]:
        compiled = self._compile(selected, fragments, value.type_name, request)
        parameters = request.parameters(compiled.parameters) | {ANCHOR: value.key}
        text = compiled.statement.text
        assert text is not None
        rows = await query(text, parameters)
        if not rows:
            raise LookupError(f"{value.type_name} {value.key} vanished during the request")
        errors: list[GraphQLError] = []
        try:
            data = compiled.statement.shape(rows[0]["data"], path, errors)
        except Bubble:
            data = None
        return data, errors

    def _compile(
        self,
        selected: Selected,
        fragments: dict[str, FragmentDefinitionNode],
        type_name: str,
        request: RequestArguments,
    ) -> ReadBack:
        node = selected.node
        found = self._compiled.get((id(node), type_name))
        if found is not None and found.node is node:
            return found
        match, scope = ANCHORS[type_name]
        statement = StatementBuilder(request, [])
        compilation = Compilation(self.plans.schema, self.plans.limits, fragments, statement)
        type_ = self.plans.schema.get_type(type_name)
        assert isinstance(type_, GraphQLObjectType)
        text, shape = compilation.project(scope, type_, selected.selection_sets())
        names = ", ".join(sorted(set(scope.values())))
        root = RootStatement(f"{match} WITH {names}, {text} AS data RETURN data", shape)
        found = ReadBack(node, root, statement.parameters)
        self._compiled.put((id(node), type_name), found, 1)
        return found


@dataclass(frozen=True)
class MutationDocument:
    """A mutation as graphql-core runs it: the operation alone, every field of a type
    read back cut to `__typename`, and the fields as the request wrote them."""

    document: DocumentNode
    fragments: dict[str, FragmentDefinitionNode]
    originals: dict[int, FieldNode]  # by the id of the cut field

    @classmethod
    def of(
        cls, schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode
    ) -> MutationDocument:
        fragments = fragments_of(document)
        type_info = TypeInfo(schema)
        cut = _CutReadBacks(type_info)
        alone = DocumentNode(definitions=(operation, *fragments.values()))
        return cls(visit(alone, TypeInfoVisitor(type_info, cut)), fragments, cut.originals)


class _CutReadBacks(Visitor):
    def __init__(self, type_info: TypeInfo) -> None:
        super().__init__()
        self.type_info = type_info
        self.originals: dict[int, FieldNode] = {}

    def enter_field(self, node: FieldNode, *_: object) -> FieldNode | None:
        named = get_named_type(self.type_info.get_type())
        if named is None or named.name not in ANCHORS or node.selection_set is None:
            return None
        cut = FieldNode(
            alias=node.alias,
            name=node.name,
            arguments=node.arguments,
            directives=node.directives,
            selection_set=TYPENAME_ONLY,
        )
        self.originals[id(cut)] = node
        return cut


class MutationRun:
    """One mutation request on graphql-core's executor, which coerces its variables."""

    def __init__(
        self,
        read_backs: ReadBacks,
        mutation: MutationDocument,
        schema: GraphQLSchema,
        variables: dict[str, Any],
        context: Context,
        *,
        hide_suggestions: bool,
    ) -> None:
        self.read_backs = read_backs
        self.mutation = mutation
        self.context = context
        self.request: RequestArguments | None = None
        self.values: list[tuple[list[str | int], Any]] = []
        self.errors: list[GraphQLError] = []
        self.executor = StrawberryGraphQLCoreExecutionContext.build(
            schema,
            mutation.document,
            None,
            context,
            variables,
            middleware=[self],
            hide_suggestions=hide_suggestions,
        )

    @property
    def variables(self) -> VariableValues | list[GraphQLError]:
        if isinstance(self.executor, list):
            return self.executor
        return self.executor.variable_values

    async def result(self) -> ExecutionResult:
        assert not isinstance(self.executor, list)
        self.request = RequestArguments(self.executor.variable_values, lambda: self.context.viewer)
        result = execute_root_selection_set(self.executor)
        if isawaitable(result):
            result = await result
        for path, value in self.values:
            place_value(result.data, path, value)
        if self.errors:
            result.errors = [*(result.errors or ()), *self.errors]
        return result

    def resolve(
        self, next_: Any, root: Any, info: GraphQLResolveInfo[Any], **arguments: Any
    ) -> Any:
        """graphql-core's middleware hook, around every field's resolver."""
        result = next_(root, info, **arguments)
        if id(info.field_nodes[0]) not in self.mutation.originals:
            return result
        return self.read(result, info)

    async def read(self, result: Any, info: GraphQLResolveInfo[Any]) -> Any:
        value = await result if isawaitable(result) else result
        if value is None:
            return None
        if not isinstance(value, Written):
            raise TypeError(f"{info.parent_type.name}.{info.field_name} must return written()")
        originals = [self.mutation.originals[id(node)] for node in info.field_nodes]
        selected = Selected(info.path.key, info.field_name, None, originals)  # type: ignore[arg-type]
        assert self.request is not None
        data, errors = await self.read_backs.read(
            selected,
            self.mutation.fragments,
            value,
            linked(info.path.as_list()),
            self.request,
            self.context.query,
        )
        if data is None and errors and isinstance(info.return_type, GraphQLNonNull):
            self.errors.extend(errors[1:])
            raise errors[0]
        self.errors.extend(errors)
        if data is not None:
            self.values.append((info.path.as_list(), data))
        return None if data is None else value


def linked(keys: list[str | int]) -> Path:
    path: Path = None
    for key in keys:
        path = (path, key)
    return path


def place_value(data: Any, path: list[str | int], value: Any) -> None:
    """Puts the value read back where graphql-core left `{__typename}`, unless a null
    from an error took that place first."""
    for key in path[:-1]:
        if data is None:
            return
        data = data[key]
    if data is not None:
        data[path[-1]] = value
