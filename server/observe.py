"""Every request gets an id, echoed in X-Request-Id, and leaves one log line and its
metrics; an exception nothing else caught is logged with its traceback and answered with
the id alone."""

from __future__ import annotations

import logging
import re
from time import perf_counter
from typing import Any

import pydantic_core
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from resolvers.masking import MASKED
from resolvers.request_record import RequestRecord, current_request
from server.metrics import RequestMetrics
from server.request_ids import new_request_id

request_log = logging.getLogger("peergraph.requests")
errors_log = logging.getLogger("peergraph.errors")

# An id a proxy or client already gave the request is kept if it is this plain.
INCOMING_ID = re.compile(rb"[A-Za-z0-9][A-Za-z0-9._:+=/-]{0,127}")
HEADER = b"x-request-id"
GRAPHQL_PATH = "/graphql"


class ObservedRequests:
    def __init__(self, app: ASGIApp, log_requests: bool, metrics: RequestMetrics | None) -> None:
        self.app = app
        self.log_requests = log_requests
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        record = RequestRecord(self._request_id(scope))
        id_header = (HEADER, record.request_id.encode())
        status = 0

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [*message.get("headers", ()), id_header]
            await send(message)

        started = perf_counter()
        token = current_request.set(record)
        try:
            await self.app(scope, receive, send_with_id)
        except Exception:
            errors_log.exception(
                "unexpected error (request %s)",
                record.request_id,
                extra={"request_id": record.request_id},
            )
            record.error_codes.append("INTERNAL_SERVER_ERROR")
            if status == 0:
                status = 500
                await _masked_failure(record.request_id, id_header, send)
        finally:
            current_request.reset(token)
        seconds = perf_counter() - started
        if self.metrics is not None and scope["path"] == GRAPHQL_PATH:
            self.metrics.observe(record, status, seconds)
        if self.log_requests and request_log.isEnabledFor(logging.INFO):
            _log_request(scope, record, status, seconds)

    def _request_id(self, scope: Scope) -> str:
        for name, value in scope["headers"]:
            if name == HEADER:
                if INCOMING_ID.fullmatch(value):
                    return str(value.decode())
                break
        return new_request_id()


async def _masked_failure(request_id: str, id_header: tuple[bytes, bytes], send: Send) -> None:
    error = {
        "message": MASKED,
        "extensions": {"code": "INTERNAL_SERVER_ERROR", "requestId": request_id},
    }
    body = pydantic_core.to_json({"errors": [error]})
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        id_header,
    ]
    await send({"type": "http.response.start", "status": 500, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _log_request(scope: Scope, record: RequestRecord, status: int, seconds: float) -> None:
    fields: dict[str, Any] = {
        "request_id": record.request_id,
        "method": scope["method"],
        "path": scope["path"],
        "status": status,
        "operation": record.operation,
        "duration_ms": round(seconds * 1000, 3),
        "statements": record.statements,
        "estimated_items": record.estimated_items,
        "database_ms": round(record.database_seconds * 1000, 3),
        "error_codes": record.error_codes,
    }
    request_log.info(
        "%s %s %d %.1fms operation=%s statements=%d items=%d database=%.1fms errors=%s id=%s",
        scope["method"],
        scope["path"],
        status,
        fields["duration_ms"],
        record.operation or "-",
        record.statements,
        record.estimated_items,
        fields["database_ms"],
        ",".join(record.error_codes) or "-",
        record.request_id,
        extra=fields,
    )
