"""POST /graphql for a query document already compiled: straight from the JSON body to
its plan, without Strawberry's per-request pipeline. The document was parsed,
validated and checked against the document limits when it was first seen; what
depends on the request (variables, the cost bound, the viewer) is checked again."""

from __future__ import annotations

import logging
from typing import Any

import pydantic_core
from graphql import DocumentNode, GraphQLError, GraphQLFormattedError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from resolvers.compiler.execute import run_query
from resolvers.context import Context
from schema.cost import ItemEstimate
from schema.errors import PeergraphError
from schema.schema import PeergraphSchema, is_unexpected, item_cost, too_many_items
from server.auth import credentials
from server.settings import Settings

logger = logging.getLogger("peergraph.errors")
MASKED = "Unexpected error."
ESTIMATES_KEPT = 1024


class KnownDocuments:
    def __init__(self, app: ASGIApp, schema: PeergraphSchema, settings: Settings) -> None:
        self.app = app
        self.schema = schema
        self.settings = settings
        self._estimates: dict[tuple[str, str | None], ItemEstimate] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        body = await read_body(receive)
        answer = await self.answer(scope, body)
        if answer is None:
            await self.app(scope, replay(body, receive), send)
            return
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(answer)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": answer})

    async def answer(self, scope: Scope, body: bytes) -> bytes | None:
        headers = dict(scope["headers"])
        if not headers.get(b"content-type", b"").startswith(b"application/json"):
            return None
        try:
            payload = pydantic_core.from_json(body)
        except ValueError:
            return None
        if not isinstance(payload, dict) or not isinstance(payload.get("query"), str):
            return None
        text, name = payload["query"], payload.get("operationName")
        variables = payload.get("variables") or {}
        known = self.schema.plans.known(text, name)
        if known is None or not isinstance(variables, dict):
            return None
        document, operation = known
        authorization = headers.get(b"authorization")
        context = Context(
            scope["app"].state.db,
            self.settings,
            credentials(self.settings, None if authorization is None else authorization.decode()),
        )
        items = self.estimate(text, name, document).items(variables)
        result: dict[str, Any]
        if items > self.settings.max_items:
            result = {
                "data": None,
                "errors": [too_many_items(items, self.settings.max_items).formatted],
            }
        else:
            executed = await run_query(
                self.schema.plans, text, document, operation, variables, context
            )
            if executed is None:
                return None
            result = {"data": executed.data}
            if executed.errors:
                self.schema.process_errors(executed.errors)
                result["errors"] = [masked(error) for error in executed.errors]
        result["extensions"] = {
            "cost": {
                "statements": context.statements,
                "roundTrips": context.round_trips,
                **item_cost(items, self.settings),
            }
        }
        return pydantic_core.to_json(result)

    def estimate(self, text: str, name: str | None, document: DocumentNode) -> ItemEstimate:
        estimate = self._estimates.get((text, name))
        if estimate is None:
            if len(self._estimates) >= ESTIMATES_KEPT:
                self._estimates.clear()
            estimate = ItemEstimate(self.schema._schema, document, name, self.settings)
            self._estimates[text, name] = estimate
        return estimate


def masked(error: GraphQLError) -> GraphQLFormattedError:
    if not is_unexpected(error):
        return error.formatted
    code = {"code": PeergraphError.code}
    return GraphQLError(MASKED, nodes=error.nodes, path=error.path, extensions=code).formatted


async def read_body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(chunks)


def replay(body: bytes, receive: Receive) -> Receive:
    """The body again, then what receive says next: a response that streams (a file)
    listens there for the client's disconnect."""
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replayed
