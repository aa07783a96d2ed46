"""Every type of the served schema and every field of its object, interface and input types
carries a description, so that GraphiQL and the SDL explain the whole contract."""

from __future__ import annotations

from graphql import GraphQLInputObjectType, GraphQLInterfaceType, GraphQLObjectType

from tests.default_schema import SCHEMA

BUILT_IN_SCALARS = frozenset({"String", "Int", "Float", "Boolean", "ID"})


def undescribed() -> list[str]:
    """The types, and the fields as Type.field, that have no description."""
    missing: list[str] = []
    for name, type_ in SCHEMA.type_map.items():
        if name.startswith("__") or name in BUILT_IN_SCALARS:
            continue
        if not type_.description:
            missing.append(name)
        if isinstance(type_, GraphQLObjectType | GraphQLInterfaceType | GraphQLInputObjectType):
            missing.extend(
                f"{name}.{field_name}"
                for field_name, field in type_.fields.items()
                if not field.description
            )
    return missing


def test_every_type_and_field_has_a_description() -> None:
    missing = undescribed()
    assert not missing, f"{len(missing)} without a description: {', '.join(missing)}"
