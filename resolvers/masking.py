"""The error policy: what a client sees of an error, and what the logs and metrics keep."""

from __future__ import annotations

import logging
from typing import Any

from graphql import GraphQLError, GraphQLFormattedError

from core.errors import PeergraphError
from resolvers.request_record import current_request_id, record_error

logger = logging.getLogger("peergraph.errors")
MASKED = "Unexpected error."


def is_unexpected(error: GraphQLError) -> bool:
    """Errors raised by our code on purpose, and GraphQL's own about a document or its
    variables, carry a code and reach the client as they are. Anything else is ours to
    fix: an exception, or GraphQL's complaint about a value we returned (a null in a
    non-null field)."""
    original = error.original_error
    if original is not None and not isinstance(original, GraphQLError):
        return True
    return "code" not in (error.extensions or {})


def masked(error: GraphQLError) -> GraphQLError:
    """What the client sees of an unexpected error: its place, a code, and the request id
    that finds its traceback in the logs."""
    extensions: dict[str, Any] = {"code": PeergraphError.code}
    request_id = current_request_id()
    if request_id is not None:
        extensions["requestId"] = request_id
    return GraphQLError(MASKED, nodes=error.nodes, path=error.path, extensions=extensions)


def shown(errors: list[GraphQLError]) -> list[GraphQLFormattedError]:
    """Logs and records each error, and gives the client its masked form."""
    formatted = []
    for error in errors:
        unexpected = is_unexpected(error)
        record_error(error, unexpected)
        if unexpected:
            request_id = current_request_id()
            logger.error(
                "unexpected error (request %s) at %s: %s",
                request_id,
                error.path,
                error.message,
                exc_info=error.original_error,
                extra={"request_id": request_id},
            )
            error = masked(error)
        elif isinstance(error.original_error, PeergraphError):
            logger.info("%s: %s", error.original_error.code, error.message)
        formatted.append(error.formatted)
    return formatted
