"""Documents that select every field of every object type, built from the schema a client
gets by introspection, for tests/test_every_field.py.

A node type met below itself, or below two node types (one, under a root list), is
selected by its `id` only: its own fields are walked where it is the top of a document.
Every list that takes a size asks for two items.
"""

from __future__ import annotations

from collections.abc import Collection

from graphql import (
    GraphQLArgument,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLUnionType,
    get_named_type,
    is_leaf_type,
    is_non_null_type,
)
from graphql.pyutils import Undefined

PAGE = 2
NESTED_NODES = 2  # node types expanded on one path, the top included
# The values arguments get, by name: the document's variables for ids, small pages and
# slices; any other argument a field requires has no value here, and fails the walk.
GIVEN = {
    "id": "$id",
    "center": "$id",
    "ids": "[$id]",
    "from": "$id",
    "to": "$to",
    "first": str(PAGE),
    "depth": "2",
    "worksPerCollaborator": str(PAGE),
    "limitPerKind": str(PAGE),
    "query": '"learning"',
    "field": "TOPIC",
}
# The root fields walked for each node, besides its kind's lookup.
ROOT_PER_NODE = ("node", "nodes", "graph", "neighbors")
LOOKUPS = ("researcher", "work", "topic", "institution")


def is_node_type(type_: object) -> bool:
    return isinstance(type_, GraphQLObjectType) and any(
        interface.name == "Node" for interface in type_.interfaces
    )


def has_default(argument: GraphQLArgument) -> bool:
    # a schema built from introspection holds the default as given, Strawberry's as a value
    return argument.default is not None or argument.default_value is not Undefined


def arguments(owner: str, field: GraphQLField) -> str:
    given = []
    for name, argument in field.args.items():
        if name in GIVEN:
            given.append(f"{name}: {GIVEN[name]}")
        elif is_non_null_type(argument.type) and not has_default(argument):
            raise KeyError(f"no value for the required argument {owner}.{name}")
    return f"({', '.join(given)})" if given else ""


def selection(
    type_: GraphQLObjectType | GraphQLInterfaceType,
    above: tuple[str, ...] = (),
    only: Collection[str] | None = None,
    nested: int = NESTED_NODES,
) -> str:
    """Every field of `type_` (or those `only` names), nested objects walked the same way,
    node types `nested` deep."""
    if is_node_type(type_):
        above = (*above, type_.name)
    parts = []
    for name, field in type_.fields.items():
        if only is not None and name not in only:
            continue
        inner = get_named_type(field.type)
        call = name + arguments(type_.name, field)
        if is_leaf_type(inner):
            parts.append(call)
        elif isinstance(inner, GraphQLUnionType):
            raise TypeError(f"{type_.name}.{name}: the walk knows no unions")
        elif isinstance(inner, GraphQLInterfaceType) or (
            is_node_type(inner) and (inner.name in above or len(above) >= nested)
        ):
            parts.append(f"{call} {{ __typename id }}")
        else:
            assert isinstance(inner, GraphQLObjectType)
            parts.append(f"{call} {{ {selection(inner, above, nested=nested)} }}")
    return " ".join(parts)


def operation(body: str) -> str:
    """`body` as a query declaring the variables it uses."""
    used = [f"${name}: ID!" for name in ("id", "to") if f"${name}" in body]
    return f"query ({', '.join(used)}) {{ {body} }}" if used else f"{{ {body} }}"


def node_documents(schema: GraphQLSchema, kind: str) -> dict[str, str]:
    """For a node of `kind` (`$id`): one document per field of its type, through its
    kind's lookup, and one per root field that takes a node's id. One document with every
    field would be one statement too large for Neo4j to plan in a request's time."""
    query = schema.query_type
    node_type = schema.get_type(kind)
    assert query is not None and isinstance(node_type, GraphQLObjectType)
    lookup = kind[0].lower() + kind[1:]
    documents = {
        name: operation(f"{lookup}(id: $id) {{ {selection(node_type, only=(name,))} }}")
        for name in node_type.fields
    }
    for name in ROOT_PER_NODE:
        documents[name] = operation(selection(query, only=(name,)))
    return documents


def root_documents(schema: GraphQLSchema) -> dict[str, str]:
    """Every other root field (lists, search, paths, the viewer), one document per field
    of what it returns, the nodes in it walked one deep: their nested nodes are walked on
    their own."""
    query = schema.query_type
    assert query is not None
    documents = {}
    for name, field in query.fields.items():
        if name in (*ROOT_PER_NODE, *LOOKUPS):
            continue
        inner = get_named_type(field.type)
        assert isinstance(inner, GraphQLObjectType)
        call = name + arguments(query.name, field)
        for part in inner.fields:
            inside = selection(inner, only=(part,), nested=1)
            documents[f"{name} {part}"] = operation(f"{call} {{ {inside} }}")
    return documents


def ids_document(root: str) -> str:
    """One page of a root list's ids."""
    return (
        f"query ($after: String) {{ {root}(first: 100, after: $after) {{"
        " edges { node { id } } pageInfo { hasNextPage endCursor } } }"
    )
