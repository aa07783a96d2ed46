"""What only the people who run the server need: /metrics, and why /readyz is not ready
(a Bolt address, a start command). In development anyone may read them; in production,
or once PEERGRAPH_METRICS_TOKEN is set, only a caller on this machine or one that sends
`Authorization: Bearer <PEERGRAPH_METRICS_TOKEN>`.

"On this machine" is the connection's peer. uvicorn takes the client from
X-Forwarded-For only when the peer is a proxy it trusts (FORWARDED_ALLOW_IPS, 127.0.0.1
by default), so a remote client cannot claim to be local; a proxy on this machine must
send X-Forwarded-For, or keep /metrics to itself, for its clients not to count as local."""

from __future__ import annotations

import hmac
import ipaddress

from starlette.requests import Request
from starlette.responses import JSONResponse

from server.settings import Settings

REFUSED = (
    "only the server's operators may read this: call it from the server's machine, or "
    "send Authorization: Bearer <PEERGRAPH_METRICS_TOKEN>"
)


class OperatorAccess:
    def __init__(self, settings: Settings) -> None:
        token = settings.metrics_token
        self.token = None if token is None else token.get_secret_value().strip().encode()
        self.open_to_all = settings.environment == "development" and self.token is None

    def allows(self, request: Request) -> bool:
        if self.open_to_all or is_loopback(request):
            return True
        if self.token is None:
            return False
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        return scheme.lower() == "bearer" and hmac.compare_digest(
            given.strip().encode(), self.token
        )


def is_loopback(request: Request) -> bool:
    if request.client is None:
        return False
    try:
        return ipaddress.ip_address(request.client.host).is_loopback
    except ValueError:  # not an address: a name, or a test client's placeholder
        return False


def refusal() -> JSONResponse:
    error = {"message": REFUSED, "extensions": {"code": "FORBIDDEN"}}
    return JSONResponse({"errors": [error]}, status_code=403)
