"""Fields whose values the compiled statement of their query returns.

A field's type and arguments are declared the Strawberry way; `compiled_field` and
`root_field` declare beside them how the compiler answers the field (a rule of
resolvers/compiler/) and, for a list of objects, at most how many items it holds
(core/bounds.py); `criterion_field` declares what an input field of a `where` means.
graphql-core never calls the function of a field that takes arguments: its body is
`compiled()`."""

from __future__ import annotations

from typing import Any, NoReturn

import strawberry
from graphql import (
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
)

from core.bounds import Bound, ItemBound
from core.work import ByParent, PerCandidate, Work
from resolvers.compiler.compile import RootRule, Rule
from resolvers.compiler.declaration import DECLARATION, FieldDeclaration
from resolvers.compiler.where import Criterion


def compiled() -> NoReturn:
    raise RuntimeError("answered by the query's compiled statement, never field by field")


def compiled_field(
    rule: Rule | None = None,
    *,
    items: Bound | None = None,
    items_from_parent: bool = False,
    read_ahead: int = 0,
    work: Work | ByParent | PerCandidate | None = None,
    description: str | None = None,
    name: str | None = None,
) -> Any:
    """A field of an object. `rule`: how the compiler answers it, when not by the property
    (or the parent rule's column) of its name. `items`: a list's bound, read from the
    field's own arguments or, with `items_from_parent`, from those of the field above;
    `read_ahead`: the items the statement reads past it.
    `work`: the rows it may read for each object above it, when more than its items."""
    bound = None if items is None else ItemBound(items, items_from_parent, read_ahead)
    return strawberry.field(
        description=description,
        name=name,
        metadata={DECLARATION: FieldDeclaration(rule=rule, items=bound, work=work)},
    )


def root_field(
    root: RootRule, *, items: Bound | None = None, work: Work | None = None, description: str
) -> Any:
    """A root field: `root` compiles its whole statement."""
    bound = None if items is None else ItemBound(items)
    return strawberry.field(
        description=description,
        metadata={DECLARATION: FieldDeclaration(root=root, items=bound, work=work)},
    )


def criterion_field(criterion: Criterion, *, description: str | None = None) -> Any:
    """An input field of a `where`: the criterion it stands for."""
    return strawberry.field(
        default=None,
        description=description,
        metadata={DECLARATION: FieldDeclaration(criterion=criterion)},
    )


def declare_fields(schema: strawberry.Schema, graphql_schema: GraphQLSchema) -> None:
    """Puts each field's declaration in its GraphQL field's extensions, where the compiler
    and the item estimate read it."""
    for type_ in graphql_schema.type_map.values():
        if type_.name.startswith("__"):
            continue
        if not isinstance(type_, GraphQLObjectType | GraphQLInterfaceType | GraphQLInputObjectType):
            continue
        for name, field in type_.fields.items():
            found = schema.get_field_for_type(name, type_.name)
            declaration = None if found is None else found.metadata.get(DECLARATION)
            if declaration is not None:
                field.extensions = {**field.extensions, DECLARATION: declaration}
