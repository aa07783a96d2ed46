"""The errors a client can expect, each with a stable `extensions.code`."""

from __future__ import annotations

from graphql import GraphQLError


class PeergraphError(GraphQLError):
    code = "INTERNAL"

    def __init__(self, message: str) -> None:
        super().__init__(message, extensions={"code": self.code})


class BadInput(PeergraphError):
    code = "BAD_INPUT"


class NotFound(PeergraphError):
    code = "NOT_FOUND"


class DatabaseUnavailable(PeergraphError):
    code = "DATABASE_UNAVAILABLE"


class QueryTimeout(PeergraphError):
    code = "TIMEOUT"
