"""The schema a default configuration serves, built once for the test modules that walk,
render or size documents without a server (building it takes a noticeable part of a
second, and every module built its own at import)."""

from __future__ import annotations

from typing import Any

from graphql import parse

from core.work import NO_STATISTICS
from resolvers.cost import CostEstimate
from resolvers.operations import coerce_variables, select_operation
from schema.schema import build_schema
from server.settings import Settings

SETTINGS = Settings(_env_file=None)
LIMITS = SETTINGS.request_limits()
SCHEMA = build_schema(LIMITS, introspection=SETTINGS.allows_introspection).graphql_schema


def estimated_items(document: str, variables: dict[str, Any]) -> int:
    """The items the server's estimate gives `document` with these variables."""
    parsed = parse(document)
    operation = select_operation(parsed, None)
    coerced = coerce_variables(SCHEMA, operation, variables)
    return CostEstimate(SCHEMA, parsed, operation, LIMITS).cost(coerced, NO_STATISTICS).items
