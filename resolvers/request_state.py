"""What one HTTP request did, as its GraphQL path learns it: the request id for masked
errors, and the numbers server/'s logs and metrics report. A context variable carries it,
so no layer passes it along and nothing here imports from server/."""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass, field

from graphql import GraphQLError, OperationDefinitionNode


@dataclass(slots=True)
class RequestRecord:
    request_id: str
    operation: str | None = None
    statements: int = 0
    estimated_items: int = 0
    database_seconds: float = 0.0
    error_codes: list[str] = field(default_factory=list)


ANONYMOUS = "anonymous"  # the operation of a document that names none
current_request: ContextVar[RequestRecord | None] = ContextVar("current_request", default=None)


def current_request_id() -> str | None:
    record = current_request.get()
    return None if record is None else record.request_id


def record_execution(
    operation: OperationDefinitionNode | None,
    statements: int,
    estimated_items: int,
    database_seconds: float,
) -> None:
    record = current_request.get()
    if record is not None:
        if operation is not None:
            record.operation = ANONYMOUS if operation.name is None else operation.name.value
        record.statements = statements
        record.estimated_items = estimated_items
        record.database_seconds = database_seconds


def record_error(error: GraphQLError, unexpected: bool) -> None:
    record = current_request.get()
    if record is None:
        return
    # an error is unexpected unless it carries its code (schema/schema.py)
    code = "INTERNAL_SERVER_ERROR" if unexpected else (error.extensions or {})["code"]
    record.error_codes.append(str(code))
