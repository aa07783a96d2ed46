"""The Starlette application: /graphql, /healthz, /readyz, /metrics."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

from neo4j.exceptions import Neo4jError
from starlette.applications import Starlette
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from core.errors import DatabaseUnavailable, QueryTimeout
from resolvers.database import Database, Neo4jConnection
from resolvers.migrations import apply_migrations
from resolvers.warm_up import warm_up
from schema.schema import build_schema
from server.bodies import replay
from server.budget import DatabaseBudget
from server.connection import connection_for
from server.cors import allow_cross_origin
from server.diagnosis import explain
from server.graphql_http import GraphQLHTTP
from server.metrics import RequestMetrics, metrics_endpoint
from server.observe import ObservedRequests
from server.operator_access import OperatorAccess
from server.operator_access import refusal as operator_refusal
from server.persisted import manifest_for, persisted_documents
from server.security_headers import SecurityHeaders
from server.settings import Settings
from server.web import Playground, WebDist

logger = logging.getLogger("peergraph")
MIGRATION_RETRY_SECONDS = 5.0
# How long start-up waits for the graph's first statistics (resolvers/graph_statistics.py)
STATISTICS_WAIT_SECONDS = 30.0
COMPRESSED_FROM = 1024  # bytes: below a packet's size, compressing saves no round trip


class BodySizeLimit:
    """Refuses oversized GraphQL documents before they are parsed or run. A body without a
    Content-Length (chunked) is counted as it streams in, and read no further than the
    limit: the app then gets it whole from here."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length")
        too_long = len(scope.get("query_string", b"")) > self.max_bytes
        if length is not None:
            too_long = too_long or not length.isdigit() or int(length) > self.max_bytes
        elif not too_long:
            body = await self._read_at_most(receive)
            too_long = body is None
            receive = replay(b"" if body is None else body, receive)
        if too_long:
            message = f"request larger than {self.max_bytes} bytes"
            refusal = {"errors": [{"message": message, "extensions": {"code": "BAD_USER_INPUT"}}]}
            await JSONResponse(refusal, status_code=413)(scope, receive, send)
            return
        await self.app(scope, receive, send)

    async def _read_at_most(self, receive: Receive) -> bytes | None:
        """The body, or None as soon as it passes the limit."""
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return b"".join(chunks)
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)


async def migrate_when_reachable(db: Database, connection: Neo4jConnection) -> None:
    """Applies the migrations once Neo4j takes them; until then says why not, and retries
    whatever the failure: the server serves meanwhile, and /readyz tells it is not ready."""
    while True:
        try:
            await apply_migrations(db)
            return
        except (DatabaseUnavailable, QueryTimeout) as error:
            logger.warning(
                "migrations wait for Neo4j: %s; retrying in %.0fs",
                await explain(error, connection),
                MIGRATION_RETRY_SECONDS,
            )
        except Neo4jError as error:
            # e.g. several workers starting at once: another created the same index just now
            logger.warning(
                "migrations failed (%s); retrying in %.0fs", error.code, MIGRATION_RETRY_SECONDS
            )
        except Exception:
            logger.exception("migrations failed; retrying in %.0fs", MIGRATION_RETRY_SECONDS)
        await asyncio.sleep(MIGRATION_RETRY_SECONDS)


def create_app(settings: Settings) -> Starlette:
    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        connection = connection_for(settings)
        async with Database.connect(connection, settings.transaction_timeouts()) as db:
            app.state.db = db
            app.state.connection = connection
            migrations = asyncio.create_task(migrate_when_reachable(db, connection))
            statistics = schema.pipeline.statistics
            refresh = asyncio.create_task(statistics.keep_fresh(db, settings.statistics_seconds))
            try:
                if settings.warm_up_seconds > 0 and manifest.documents:
                    # before the server listens: no request, /readyz included, comes first
                    documents = list(manifest.documents.values())
                    await warm_up(schema.pipeline, db, documents, settings.warm_up_seconds)
                # so that the first requests are estimated with the graph's figures
                await statistics.first_read(STATISTICS_WAIT_SECONDS)
                yield
            finally:
                migrations.cancel()
                refresh.cancel()

    async def healthz(request: Request) -> JSONResponse:
        return JSONResponse({"status": "ok"})

    operators = OperatorAccess(settings)

    async def readyz(request: Request) -> JSONResponse:
        try:
            await request.app.state.db.ping()
        except (DatabaseUnavailable, QueryTimeout) as error:
            unready = {"status": "database unavailable"}
            if operators.allows(request):
                unready["reason"] = await explain(error, request.app.state.connection)
            return JSONResponse(unready, 503)
        return JSONResponse({"status": "ready"})

    async def metrics_for_operators(request: Request) -> Response:
        if not operators.allows(request):
            return operator_refusal()
        return await metrics_endpoint(request)

    web = WebDist(settings.web_dist)
    web.report()
    schema = build_schema(settings.request_limits(), introspection=settings.allows_introspection)
    manifest = manifest_for(settings)
    graphql = GraphQLHTTP(schema, settings, persisted_documents(manifest, settings))
    endpoint = Playground(graphql, web, settings.serves_graphiql)
    app = Starlette(
        routes=[
            # every method: /graphql answers the ones it does not serve itself (405, Allow)
            Route("/graphql", DatabaseBudget(endpoint)),
            Route("/healthz", healthz),
            Route("/readyz", readyz),
            *([Route("/metrics", metrics_for_operators)] if settings.metrics else []),
            *web.routes(),
        ],
        lifespan=lifespan,
    )
    app.state.plans = schema.plans
    app.state.statistics = schema.pipeline.statistics
    # innermost: the API's answers and the app's files go out compressed to a client that
    # asks for gzip (the app's script shrinks to a third)
    app.add_middleware(GZipMiddleware, minimum_size=COMPRESSED_FROM)
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_query_bytes)
    metrics = RequestMetrics(lambda: manifest.operation_names) if settings.metrics else None
    app.add_middleware(ObservedRequests, log_requests=settings.access_log, metrics=metrics)
    allow_cross_origin(app, settings)  # refusals too carry the grant
    app.add_middleware(SecurityHeaders)  # outermost: on every response, preflights included
    return app
