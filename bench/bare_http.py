"""The cheapest answer uvicorn can give: a bare ASGI app that reads the request body and
sends back a stored body, with no routing, no GraphQL and no database.

Not peergraph. bench/run.py starts it beside `peergraph serve`, stores the API's own
answer to a query with a PUT, then times POSTs to it: what any server on this stack
(uvicorn with the same loop and HTTP parser as `peergraph serve`) pays for the HTTP
round trip of that answer alone.

    .venv/bin/python bench/bare_http.py PORT
"""

from __future__ import annotations

import sys

import uvicorn
from starlette.types import Receive, Scope, Send

stored = b"{}"


async def app(scope: Scope, receive: Receive, send: Send) -> None:
    global stored
    if scope["type"] != "http":
        return
    chunks = []
    while True:
        message = await receive()
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    if scope["method"] == "PUT":
        stored = b"".join(chunks)
    headers = [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(stored))]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": stored})


if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), access_log=False, log_level="warning")
