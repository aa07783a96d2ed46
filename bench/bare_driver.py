"""The cheapest server that runs a statement: a bare ASGI app that reads the request
body, runs a stored statement through the project's async driver pool and sends the
records back as JSON, with no routing, no GraphQL and no shaping.

Not peergraph. bench/run.py starts it beside `peergraph serve`, stores with a PUT the
statements a query ran (as `[[text, parameters], ...]` per wave), then times POSTs to it:
the floor of any server on this stack (uvicorn, the same loop, the neo4j driver in the
server process) that answers with that statement's result.

    .venv/bin/python bench/bare_driver.py PORT
"""

from __future__ import annotations

import asyncio
import sys
from typing import Any

import pydantic_core
import uvicorn
from starlette.types import Receive, Scope, Send

from resolvers.database import Database
from server.bodies import read_body
from server.connection import database_for
from server.settings import load_settings

waves: list[list[tuple[str, dict[str, Any]]]] = []
database: Database | None = None


async def app(scope: Scope, receive: Receive, send: Send) -> None:
    global waves
    if scope["type"] == "lifespan":
        await lifespan(receive, send)
        return
    body = await read_body(receive)
    if scope["method"] == "PUT":
        waves = pydantic_core.from_json(body)
    assert database is not None
    answers = []
    for wave in waves:
        runs = [database.query(text, parameters) for text, parameters in wave]
        for records in await asyncio.gather(*runs):
            answers.append([tuple(record) for record in records])
    body = pydantic_core.to_json(answers, fallback=str)
    headers = [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(body))]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def lifespan(receive: Receive, send: Send) -> None:
    global database
    settings = load_settings()
    async with database_for(settings) as connected:
        database = connected
        await receive()
        await send({"type": "lifespan.startup.complete"})
        await receive()
    await send({"type": "lifespan.shutdown.complete"})


if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), access_log=False, log_level="warning")
