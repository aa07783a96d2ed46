"""What a field declares beside its type and arguments: how the compiler answers it,
for a list of objects how many items it holds, the rows it may read (core/work.py), and
for an input field of a `where` the criterion it stands for. The schema declares it on the field
(schema/compiled.py) and puts it in the GraphQL field's extensions, where the compiler
and the item estimate (resolvers/cost.py) read it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from graphql import GraphQLField, GraphQLInputField

from core.bounds import ItemBound
from core.work import ByParent, PerCandidate, Work

if TYPE_CHECKING:
    from resolvers.compiler.compile import RootRule, Rule
    from resolvers.compiler.where import Criterion

DECLARATION = "peergraph"  # the key in GraphQLField.extensions


@dataclass(frozen=True)
class FieldDeclaration:
    # how the compiler answers the field; None: the property, or the column of the
    # parent's rule, of the field's own name
    rule: Rule | None = None
    root: RootRule | None = None  # a root field's whole statement
    items: ItemBound | None = None  # a list of objects: its bound
    # rows it may read for each object above it; None: one per item, or one for an object
    # (PerCandidate: a facet of the list above it, per candidate of that list)
    work: Work | ByParent | PerCandidate | None = None
    criterion: Criterion | None = None  # an input field of a `where`: what it means


UNDECLARED = FieldDeclaration()


def declaration_of(field: GraphQLField | GraphQLInputField) -> FieldDeclaration:
    found = (field.extensions or {}).get(DECLARATION)
    return found if isinstance(found, FieldDeclaration) else UNDECLARED
