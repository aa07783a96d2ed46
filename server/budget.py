"""One database budget per GraphQL request: its statements together take at most the query
timeout (resolvers/database.py), so no request waits longer on Neo4j, frozen or not."""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send


class DatabaseBudget:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        with scope["app"].state.db.per_request():
            await self.app(scope, receive, send)
