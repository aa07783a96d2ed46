"""uvicorn's httptools protocol with the guards it lacks: a client gets header_timeout
seconds to send a request's head and body_timeout seconds for its body, and a head may be
no larger than max_header_bytes. Without them a connection that trickles a byte at a time,
or sends nothing at all, is held for as long as the client likes (uvicorn's keep-alive
timeout only runs between requests, and any byte stops it)."""

from __future__ import annotations

import asyncio
import functools
import json
import logging
from collections.abc import Callable
from typing import Any, Literal

from uvicorn.config import Config
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
from uvicorn.server import ServerState

from server.metrics import CONNECTIONS_CLOSED
from server.request_ids import new_request_id
from server.settings import Settings

logger = logging.getLogger("peergraph.connections")

Waiting = Literal["head", "body"]


class GuardedHttpProtocol(HttpToolsProtocol):
    def __init__(
        self,
        config: Config,
        server_state: ServerState,
        app_state: dict[str, Any],
        _loop: asyncio.AbstractEventLoop | None = None,
        *,
        header_timeout: float,
        body_timeout: float,
        max_header_bytes: int,
    ) -> None:
        super().__init__(config, server_state, app_state, _loop)
        self.header_timeout = header_timeout
        self.body_timeout = body_timeout
        self.max_header_bytes = max_header_bytes
        # What the connection waits for from the client, if anything, and until when.
        self._waiting: Waiting | None = None
        self._deadline: asyncio.TimerHandle | None = None
        self._head_bytes = 0

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        # A new connection has no keep-alive timer: a client that sends nothing is timed too.
        self._waiting = "head"
        self._deadline = self.loop.call_later(self.header_timeout, self._timed_out)

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_waiting()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        waiting = self._waiting
        if waiting is None or self.transport.is_closing():
            return
        if waiting == "head":
            # Bytes that arrive while the head is incomplete are the head's.
            self._head_bytes += len(data)
            if self._head_bytes > self.max_header_bytes:
                self._close(
                    431,
                    "head_too_large",
                    f"request head larger than {self.max_header_bytes} bytes",
                    "BAD_USER_INPUT",
                )
                return
        if self._deadline is None:
            # Armed only when a part arrives incomplete: a request that comes whole, the
            # usual case, costs no timer.
            timeout = self.header_timeout if waiting == "head" else self.body_timeout
            self._deadline = self.loop.call_later(timeout, self._timed_out)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        if self._waiting is None:  # a pipelined request, begun while the last one runs
            self._waiting = "head"

    def on_headers_complete(self) -> None:
        self._stop_waiting()
        self._waiting = "body"
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        self._stop_waiting()
        super().on_message_complete()

    def on_response_complete(self) -> None:
        pipelined = bool(self.pipeline)
        super().on_response_complete()
        if not pipelined and self._waiting is None:
            # Until its first byte, uvicorn's keep-alive timeout guards the next request.
            self._waiting = "head"

    def _stop_waiting(self) -> None:
        self._waiting = None
        self._head_bytes = 0
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _timed_out(self) -> None:
        self._deadline = None
        if self._waiting == "head":
            self._close(408, "head_timeout", "request head not received in time", "TIMEOUT")
        elif self._waiting == "body":
            self._close(408, "body_timeout", "request body not received in time", "TIMEOUT")

    def _close(self, status: int, reason: str, message: str, code: str) -> None:
        CONNECTIONS_CLOSED.labels(reason).inc()
        request_id = new_request_id()
        logger.debug(
            "closing a connection from %s: %s (request %s)",
            self.client,
            message,
            request_id,
            extra={"request_id": request_id},
        )
        response_started = self.cycle is not None and self.cycle.response_started
        if not self.transport.is_closing() and not response_started:
            self.transport.write(_refusal(status, message, code, request_id))
        self._stop_waiting()
        self.transport.close()


def _refusal(status: int, message: str, code: str, request_id: str) -> bytes:
    body = json.dumps({"errors": [{"message": message, "extensions": {"code": code}}]}).encode()
    phrase = {408: b"Request Timeout", 431: b"Request Header Fields Too Large"}[status]
    return b"".join(
        [
            b"HTTP/1.1 %d %s\r\n" % (status, phrase),
            b"content-type: application/json\r\n",
            b"content-length: %d\r\n" % len(body),
            b"x-request-id: %s\r\n" % request_id.encode(),
            b"x-content-type-options: nosniff\r\n",
            b"connection: close\r\n\r\n",
            body,
        ]
    )


def guarded_protocol(settings: Settings) -> Callable[..., asyncio.Protocol]:
    """uvicorn's `http` option: a picklable factory, so that worker processes get it too."""
    return functools.partial(
        GuardedHttpProtocol,
        header_timeout=settings.header_timeout,
        body_timeout=settings.body_timeout,
        max_header_bytes=settings.max_header_bytes,
    )


def server_options(settings: Settings) -> dict[str, Any]:
    """uvicorn options for `serve` and for tests that serve over a real socket."""
    return {
        "http": guarded_protocol(settings),
        "timeout_keep_alive": settings.keep_alive_timeout,
        # The request lines of server/observe.py replace uvicorn's access log.
        "access_log": False,
    }
