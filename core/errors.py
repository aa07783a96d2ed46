"""The errors a client can expect, each with a stable `extensions.code`."""

from __future__ import annotations

from graphql import GraphQLError

# The codes of the errors GraphQL itself finds in a document, before any of ours.
PARSE_FAILED = "GRAPHQL_PARSE_FAILED"
VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"


class PeergraphError(GraphQLError):
    code = "INTERNAL_SERVER_ERROR"

    def __init__(self, message: str, reason: str | None = None) -> None:
        """`reason` names, in SCREAMING_CASE, which of several conditions failed."""
        extensions = {"code": self.code}
        if reason is not None:
            extensions["reason"] = reason
        super().__init__(message, extensions=extensions)


class BadUserInput(PeergraphError):
    code = "BAD_USER_INPUT"


class NotFound(PeergraphError):
    code = "NOT_FOUND"


class Unauthenticated(PeergraphError):
    code = "UNAUTHENTICATED"


class Forbidden(PeergraphError):
    code = "FORBIDDEN"


class Conflict(PeergraphError):
    code = "CONFLICT"


class RateLimited(PeergraphError):
    code = "RATE_LIMITED"

    def __init__(self, message: str, reason: str | None = None, *, retry_after: int = 1) -> None:
        """`retry_after`: whole seconds after which the same request may be let in."""
        super().__init__(message, reason)
        self.retry_after = retry_after


class DatabaseUnavailable(PeergraphError):
    code = "DATABASE_UNAVAILABLE"


class DatabaseBusy(PeergraphError):
    """No turn at the database came free before the request's time ran out: the statement
    never reached the database, and the same request may succeed a moment later."""

    code = "DATABASE_BUSY"


class QueryTimeout(PeergraphError):
    code = "TIMEOUT"
