"""/graphql as the GraphQL-over-HTTP spec has it: GET, HEAD and POST; an answer in
`application/graphql-response+json` (request errors are 400) or, by default, the legacy
`application/json` (every GraphQL answer is 200); a JSON body with an
`extensions.code` for every refusal, never a 5xx for a client's mistake.

Every request runs through the one pipeline (resolvers/pipeline.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

import pydantic_core
from graphql import GraphQLError, GraphQLFormattedError
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from core.errors import BadUserInput, DatabaseBusy, PeergraphError, RateLimited
from core.fair_share import Allowance, Client, FairShare
from core.tokens import Credentials, credentials
from resolvers.context import Context
from resolvers.operations import RequestErrors
from resolvers.pipeline import NotAllowed
from schema.schema import PeergraphSchema
from server.json_text import parse_json
from server.media import (
    GRAPHQL_RESPONSE,
    JSON,
    RepeatedContentType,
    is_json_body,
    request_content_type,
    response_media_type,
)
from server.persisted import NOT_FOUND, ONLY_PERSISTED, PersistedDocuments, Refused
from server.settings import Settings

METHODS = "GET, HEAD, POST"
# The name the RateLimit fields give the one policy: work units per window.
POLICY = '"work"'
# Seconds a client turned away for the database's load waits before it tries again.
RETRY_LATER = {"Retry-After": "1"}


@dataclass(frozen=True)
class GraphQLRequest:
    query: str
    operation_name: str | None
    variables: dict[str, Any]
    extensions: dict[str, Any] = field(default_factory=dict)


class Refusal(Exception):
    """A request refused before any GraphQL: its HTTP status, why, and its code."""

    def __init__(
        self,
        status: int,
        message: str,
        headers: dict[str, str] | None = None,
        code: str = BadUserInput.code,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}
        self.code = code


def from_fields(fields: dict[str, Any]) -> GraphQLRequest:
    query = fields.get("query")
    if not isinstance(query, str):
        raise Refusal(400, "the request needs a `query`: the GraphQL document, as a string")
    name = fields.get("operationName")
    if name is not None and not isinstance(name, str):
        raise Refusal(400, "`operationName` must be a string or null")
    variables = fields.get("variables")
    if variables is not None and not isinstance(variables, dict):
        raise Refusal(400, "`variables` must be a map of names to values, or null")
    extensions = fields.get("extensions")
    if extensions is not None and not isinstance(extensions, dict):
        raise Refusal(400, "`extensions` must be a map, or null")
    return GraphQLRequest(query, name, variables or {}, extensions or {})


def body_fields(content_type: str | None, body: bytes) -> dict[str, Any]:
    if not is_json_body(content_type):
        raise Refusal(415, "send the request as `Content-Type: application/json` (UTF-8)")
    if not body:
        raise Refusal(400, "the request body is empty; send a JSON object with a `query`")
    try:
        fields = parse_json(body)
    except ValueError as error:
        raise Refusal(400, f"the request body is not JSON: {error}") from None
    if isinstance(fields, list):
        raise Refusal(400, "batched requests are not supported; send one JSON object")
    if not isinstance(fields, dict):
        raise Refusal(400, "the request body must be a JSON object with a `query`")
    return fields


def content_type_of(request: Request) -> str | None:
    try:
        return request_content_type(request.headers)
    except RepeatedContentType as repeated:
        raise Refusal(400, str(repeated)) from None


def query_string_fields(raw: bytes) -> dict[str, Any]:
    try:
        pairs = parse_qsl(raw.decode("ascii"), keep_blank_values=True, errors="strict")
    except UnicodeError:
        raise Refusal(400, "the query string is not percent-encoded UTF-8") from None
    fields: dict[str, Any] = {}
    for key, value in pairs:
        if key in fields:
            raise Refusal(400, f"`{key}` is given more than once")
        fields[key] = value
    for key in ("variables", "extensions"):
        if key in fields:
            try:
                fields[key] = parse_json(fields[key])
            except ValueError as error:
                raise Refusal(400, f"`{key}` is not JSON: {error}") from None
    return fields


class GraphQLHTTP:
    def __init__(
        self, schema: PeergraphSchema, settings: Settings, documents: PersistedDocuments
    ) -> None:
        self.schema = schema
        self.documents = documents
        self.limits = settings.request_limits()
        self.passwords = settings.password_hashing()
        self.tokens = settings.token_signing()
        self.fair_share = FairShare(settings.share_policy())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        # An exception here is logged and answered by server/observe.py, with the request id.
        response = await self.respond(Request(scope, receive))
        await response(scope, receive, send)

    async def respond(self, request: Request) -> Response:
        method = request.method
        if method not in ("GET", "HEAD", "POST"):
            return self.refusal(405, f"{method} is not supported", JSON, headers={"Allow": METHODS})
        media = response_media_type(request.headers.get("accept"))
        if media is None:
            return self.refusal(406, f"this endpoint answers in {GRAPHQL_RESPONSE} or {JSON}", JSON)
        signed = credentials(self.tokens, request.headers.get("authorization"))
        share = Share(self.fair_share, client_of(request, signed))
        try:
            graphql = await self.read(request)
            body = await self.execute(graphql, request, signed, share, mutations=method == "POST")
        except Refusal as refusal:
            return self.refusal(
                refusal.status, refusal.message, media, refusal.code, refusal.headers
            )
        except RequestErrors as refused:
            limited = next((e for e in refused.errors if isinstance(e, RateLimited)), None)
            if limited is not None:
                headers = {"Retry-After": str(limited.retry_after), **share.headers()}
                return self.refusal(429, limited.message, media, RateLimited.code, headers)
            body = {"errors": [coded(error) for error in refused.errors]}
        # Without `data` nothing ran: a 400 for clients that read the new media type, the
        # legacy 200 for the others.
        status = 400 if media == GRAPHQL_RESPONSE and "data" not in body else 200
        busy = turned_away(body)
        if busy and not any_answer(body):
            # Nothing ran for the database's load alone: the same request may succeed soon.
            status = 503
        headers = share.headers()
        if busy:
            headers.update(RETRY_LATER)
        response = self.answer(body, status, media, headers)
        if method == "HEAD":
            # HEAD answers with GET's headers and no body.
            response.body = b""
        return response

    async def read(self, request: Request) -> GraphQLRequest:
        """The request's document, variables and operation, a persisted one's by its id."""
        try:
            if request.method == "POST":
                fields = body_fields(content_type_of(request), await request.body())
            else:
                fields = query_string_fields(request.scope.get("query_string", b""))
        except Refusal:
            if self.documents.persisted_only:
                raise Refusal(400, ONLY_PERSISTED, code=NOT_FOUND) from None
            raise
        try:
            return from_fields(self.documents.resolve(fields))
        except Refused as refused:
            raise Refusal(400, refused.message, code=refused.code) from None

    async def execute(
        self,
        graphql: GraphQLRequest,
        request: Request,
        signed: Credentials,
        share: Share,
        *,
        mutations: bool,
    ) -> dict[str, Any]:
        context = Context(
            request.app.state.db,
            self.limits,
            signed,
            passwords=self.passwords,
            tokens=self.tokens,
            charge=share.charge,
        )
        try:
            body = await self.schema.pipeline.run(
                graphql.query,
                graphql.operation_name,
                graphql.variables,
                context,
                mutations=mutations,
            )
        except NotAllowed as refused:
            raise Refusal(
                405, f"a {refused.kind.value} needs POST", headers={"Allow": "POST"}
            ) from None
        return finished(body)

    def answer(
        self, body: dict[str, Any], status: int, media: str, headers: dict[str, str] | None = None
    ) -> Response:
        return Response(
            pydantic_core.to_json(body),
            status_code=status,
            headers=headers,
            media_type=f"{media}; charset=utf-8",
        )

    def refusal(
        self,
        status: int,
        message: str,
        media: str,
        code: str = BadUserInput.code,
        headers: dict[str, str] | None = None,
    ) -> Response:
        return self.answer(
            {"errors": [{"message": message, "extensions": {"code": code}}]}, status, media, headers
        )


class Share:
    """One request's charge against its client's fair share, and the RateLimit fields
    that tell the client where it stands."""

    def __init__(self, fair_share: FairShare, client: Client) -> None:
        self.fair_share = fair_share
        self.client = client
        self.allowance: Allowance | None = None

    def charge(self, units: int) -> None:
        allowance = self.allowance = self.fair_share.charge(self.client, units)
        if allowance.granted:
            return
        cost = f"this request may cost {units:,} work units"
        if units > allowance.quota:
            why = (
                f"{cost}, more than the {allowance.quota:,} a client may spend in "
                f"{self.window} s; ask for smaller pages or fewer nested lists"
            )
        else:
            why = (
                f"{cost} and {allowance.remaining:,} of this client's {allowance.quota:,} "
                f"per {self.window} s are left; retry in {allowance.reset} s"
            )
        raise RequestErrors([RateLimited(why, retry_after=allowance.reset)])

    @property
    def window(self) -> int:
        return self.fair_share.policy.window

    def headers(self) -> dict[str, str]:
        if self.allowance is None:
            return {}
        return {
            "RateLimit-Policy": f"{POLICY};q={self.allowance.quota};w={self.window}",
            "RateLimit": f"{POLICY};r={max(0, self.allowance.remaining)};t={self.allowance.reset}",
        }


def client_of(request: Request, signed: Credentials) -> Client:
    """The account when a valid token signed the request, else the address (uvicorn takes
    it from X-Forwarded-For only behind a proxy it trusts)."""
    account = signed.user if signed.refused is None else None
    address = request.client.host if request.client is not None else "unknown"
    return Client(account, address)


def coded(error: GraphQLError | GraphQLFormattedError) -> GraphQLFormattedError:
    """The error as a client sees it, with a code. Parse, validation and request errors
    have theirs by now; one without is GraphQL's complaint about a value we returned,
    which is ours to fix."""
    formatted = error.formatted if isinstance(error, GraphQLError) else error
    extensions = formatted.get("extensions") or {}
    if "code" in extensions:
        return formatted
    return {**formatted, "extensions": {**extensions, "code": PeergraphError.code}}


def finished(body: dict[str, Any]) -> dict[str, Any]:
    """Every error with a code. A body whose errors all refused the request before
    anything ran (variables that do not fit, a request that could return too much)
    carries no `data`, as the spec has it for request errors."""
    if "errors" not in body:
        return body
    errors = body["errors"] = [coded(error) for error in body["errors"]]
    if body.get("data") is None and all(is_request_error(error) for error in errors):
        return {key: value for key, value in body.items() if key != "data"}
    return body


def turned_away(body: dict[str, Any]) -> bool:
    """Some statement of the request found no turn at the database (DATABASE_BUSY)."""
    return any(code_of(error) == DatabaseBusy.code for error in body.get("errors", ()))


def any_answer(body: dict[str, Any]) -> bool:
    """Something in `data`, or an error other than the database's load: the request got
    further than a queue."""
    data = body.get("data") or {}
    if any(value is not None for value in data.values()):
        return True
    return any(code_of(error) != DatabaseBusy.code for error in body.get("errors", ()))


def code_of(error: GraphQLFormattedError) -> str | None:
    code = (error.get("extensions") or {}).get("code")
    return code if isinstance(code, str) else None


def is_request_error(error: GraphQLFormattedError) -> bool:
    return "path" not in error and code_of(error) == BadUserInput.code
