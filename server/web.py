"""The browser app, as `npm run build` leaves it in web/dist: the explorer at / and at
each of its client-side routes, its hashed assets under /assets, its icon, and the GraphQL
playground on GET /graphql from a browser. A browser asking for any other page gets the
app with a 404, which shows its own not-found page. A page is looked up when asked for, so
a build made while the server runs is served without a restart."""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path

from starlette.datastructures import Headers, QueryParams
from starlette.requests import Request
from starlette.responses import (
    FileResponse,
    HTMLResponse,
    JSONResponse,
    PlainTextResponse,
    Response,
)
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from server.media import accepts_html

logger = logging.getLogger("peergraph")
CLIENT_ROUTES = ("/", "/r/{id}", "/w/{id}", "/t/{id}", "/i/{id}", "/claims")
ICON = "favicon.svg"  # web/public/, copied to the build's root
# Pages name the assets of their build: they are revalidated, the assets never change.
PAGE_CACHE = "no-cache"
ASSET_CACHE = "public, max-age=31536000, immutable"
NOT_BUILT = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>peergraph: web app not built</title></head>
<body><p>The web app is not built. Run <code>make web</code> (<code>npm ci &amp;&amp;
npm run build</code> in <code>web/</code>) and reload.</p>
<p>The API answers at <a href="/graphql">/graphql</a>.</p></body></html>
"""


GRAPHIQL_OFF = "GraphiQL is off on this server (PEERGRAPH_GRAPHIQL); API clients send a query"


class WebDist:
    """The build's directory, and the routes that serve it."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def page(self, name: str, status_code: int = 200) -> Response:
        path = self.directory / name
        if not path.is_file():
            return HTMLResponse(NOT_BUILT, status_code=404)
        return FileResponse(path, status_code=status_code, headers={"Cache-Control": PAGE_CACHE})

    def routes(self) -> list[BaseRoute]:
        """The app's routes; the last takes every path no other route has."""

        async def index(request: Request) -> Response:
            return self.page("index.html")

        async def icon(request: Request) -> Response:
            path = self.directory / ICON
            if not path.is_file():
                return not_found()
            return FileResponse(path, headers={"Cache-Control": PAGE_CACHE})

        return [
            *(Route(path, index, methods=["GET"]) for path in CLIENT_ROUTES),
            Route(f"/{ICON}", icon, methods=["GET"]),
            Mount("/assets", Assets(directory=self.directory / "assets", check_dir=False)),
            Route("/{path:path}", MissingPage(self)),
        ]

    def report(self) -> None:
        """One line in the log when there is nothing to serve at /."""
        if not (self.directory / "index.html").is_file():
            logger.warning(
                "web app not built: no %s; / says so until `make web` builds it",
                self.directory / "index.html",
            )


class MissingPage:
    """Any path no route has: the app with a 404 for a browser, which shows its own
    not-found page, and a plain 404 for anything else. An ASGI app rather than a request
    handler, so that it takes every method."""

    def __init__(self, dist: WebDist) -> None:
        self.dist = dist

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if is_browser_visit(scope):
            page = self.dist.page("index.html", status_code=404)
        else:
            page = not_found()
        await page(scope, receive, send)


class Assets(StaticFiles):
    """Hashed file names: a name's content never changes."""

    def file_response(
        self,
        full_path: str | os.PathLike[str],
        stat_result: os.stat_result,
        scope: Scope,
        status_code: int = 200,
    ) -> Response:
        response = super().file_response(full_path, stat_result, scope, status_code)
        response.headers["Cache-Control"] = ASSET_CACHE
        return response

    async def check_config(self) -> None:
        # Before a build there is no directory: its files are then not found, like any other.
        with contextlib.suppress(RuntimeError):
            await super().check_config()


class Playground:
    """GET /graphql from a browser: the playground page of the build, GraphiQL from npm,
    when the settings enable GraphiQL. Any other request goes on to the API."""

    def __init__(self, app: ASGIApp, dist: WebDist, enabled: bool) -> None:
        self.app = app
        self.dist = dist
        self.enabled = enabled

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if is_browser_visit(scope):
            page = self.dist.page("playground.html") if self.enabled else graphiql_off()
            await page(scope, receive, send)
            return
        await self.app(scope, receive, send)


def not_found() -> Response:
    return PlainTextResponse("Not Found", status_code=404)


def graphiql_off() -> Response:
    """A browser asking for the playground where it is off: not found, like any page this
    server does not have, in JSON with a code like every refusal of /graphql."""
    error = {"message": GRAPHIQL_OFF, "extensions": {"code": "NOT_FOUND"}}
    return JSONResponse({"errors": [error]}, status_code=404)


def is_browser_visit(scope: Scope) -> bool:
    """A page load: a GET that carries no query and accepts HTML."""
    if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
        return False
    if "query" in QueryParams(scope.get("query_string", b"")):
        return False
    return accepts_html(Headers(scope=scope).get("accept"))
