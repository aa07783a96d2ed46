"""Fields whose values the compiled statement of their query returns.

A field that takes arguments is declared through a function's signature, Strawberry's
way; the value itself comes from the Cypher statement the compiler writes for the
whole query (resolvers/compiler/), so graphql-core never calls these functions."""

from __future__ import annotations

from typing import NoReturn


def compiled() -> NoReturn:
    raise RuntimeError("answered by the query's compiled statement, never field by field")
