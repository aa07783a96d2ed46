"""Queries generated from the live schema, for the property tests of the cost bound and
the schema's fuzzing (tests/test_generated_queries.py)."""

from __future__ import annotations

import dataclasses
from typing import Any

from graphql import (
    ArgumentNode,
    DocumentNode,
    GraphQLInputType,
    GraphQLSchema,
    GraphQLType,
    IntValueNode,
    ListValueNode,
    NameNode,
    OperationDefinitionNode,
    TypeInfo,
    TypeInfoVisitor,
    VariableDefinitionNode,
    VariableNode,
    Visitor,
    get_nullable_type,
    is_list_type,
    parse_type,
    visit,
)
from hypothesis import strategies as st
from hypothesis_graphql import nodes, queries

# Sizes worth trying: empty, small, the default page, the largest page and past it.
SIZES = (0, 1, 2, 3, 5, 10, 20, 50, 100, 101, -1)
MASKED = "Unexpected error."
CODES = {
    "GRAPHQL_PARSE_FAILED",
    "GRAPHQL_VALIDATION_FAILED",
    "BAD_USER_INPUT",
    "UNAUTHENTICATED",
    "FORBIDDEN",
    "NOT_FOUND",
    "CONFLICT",
    "RATE_LIMITED",
    "DATABASE_UNAVAILABLE",
    "TIMEOUT",
    "INTERNAL_SERVER_ERROR",
}


def answer_items(value: Any) -> int:
    """Items as docs/analysts.md and core/bounds.py define them: the objects that are
    elements of a list in the answer, at any depth."""
    if isinstance(value, list):
        return sum(isinstance(item, dict) + answer_items(item) for item in value)
    if isinstance(value, dict):
        return sum(answer_items(item) for item in value.values())
    return 0


@dataclasses.dataclass(frozen=True)
class Request:
    document: DocumentNode
    variables: dict[str, Any]


@st.composite
def with_variables(
    draw: st.DrawFn,
    documents: st.SearchStrategy[DocumentNode],
    schema: GraphQLSchema,
    ids: list[str],
) -> Request:
    """A generated query whose Int and ID-list arguments are redrawn: some stay literal,
    some become variables the request gives, some variables with a default it does not."""
    document = draw(documents)
    type_info = TypeInfo(schema)
    declared: list[VariableDefinitionNode] = []
    variables: dict[str, Any] = {}

    class Lift(Visitor):
        def enter_argument(self, node: ArgumentNode, *_: Any) -> ArgumentNode | None:
            argument = type_info.get_argument()
            if argument is None:
                return None
            value: Any
            if isinstance(node.value, IntValueNode):
                value = draw(st.sampled_from(SIZES))
                literal: Any = IntValueNode(value=str(value))
            elif isinstance(node.value, ListValueNode) and node.name.value == "ids":
                count = draw(st.sampled_from((0, 1, 5, 50, 100, 101)))
                value = draw(st.lists(st.sampled_from(ids), min_size=count, max_size=count))
                literal = None
            else:
                return None
            how = draw(st.sampled_from(("literal", "given", "default")))
            if how == "literal" and literal is not None:
                return dataclasses.replace(node, value=literal)
            name = f"v{len(declared)}"
            default = literal if how == "default" and literal is not None else None
            if default is None:
                variables[name] = value
            declared.append(
                VariableDefinitionNode(
                    variable=VariableNode(name=NameNode(value=name)),
                    type=parse_type(str(variable_type(argument.type))),
                    default_value=default,
                    directives=(),
                )
            )
            return dataclasses.replace(node, value=VariableNode(name=NameNode(value=name)))

    lifted = visit(document, TypeInfoVisitor(type_info, Lift()))
    operation = lifted.definitions[0]
    assert isinstance(operation, OperationDefinitionNode)
    operation = dataclasses.replace(operation, variable_definitions=tuple(declared))
    return Request(dataclasses.replace(lifted, definitions=(operation,)), variables)


def variable_type(argument: GraphQLInputType) -> GraphQLType:
    """A list of ids is given in full; other variables may be left out for their default."""
    nullable = get_nullable_type(argument)
    return argument if is_list_type(nullable) else nullable


def generated(schema: GraphQLSchema, ids: list[str], **options: Any) -> st.SearchStrategy[Request]:
    """Queries drawn from the schema, their ids from `ids`, with variables redrawn."""
    documents = queries(
        schema,
        custom_scalars={"ID": st.sampled_from(ids).map(nodes.String)},
        print_ast=lambda document: document,
        allow_x00=False,
        **options,
    )
    return with_variables(documents, schema, ids)
