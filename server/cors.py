"""Cross-origin calls from the origins PEERGRAPH_CORS_ORIGINS lists. Requests carry a
bearer token, never cookies: credentials are not allowed, and preflights grant only
the Authorization and Content-Type headers. Other origins get no grant; with no origin
listed, no response carries one."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.middleware.cors import CORSMiddleware

from server.settings import Settings


def allow_cross_origin(app: Starlette, settings: Settings) -> None:
    if not settings.cors_origins:
        return  # no origin to grant: every request pays nothing for it
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_methods=("GET", "POST"),
        allow_headers=("Authorization", "Content-Type"),
        allow_credentials=False,
    )
