"""Media types of GraphQL over HTTP: what a client accepts, what it sends. Names and
parameters are matched case-insensitively and exactly: `APPLICATION/JSON` is JSON,
`application/jsonx` is not."""

from __future__ import annotations

from starlette.datastructures import Headers

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"


def _parts(value: str) -> tuple[str, dict[str, str]]:
    """A media type or range, lower-cased, and its parameters."""
    name, *parameters = value.split(";")
    found = {}
    for parameter in parameters:
        key, _, raw = parameter.partition("=")
        found[key.strip().lower()] = raw.strip().strip('"').lower()
    return name.strip().lower(), found


def _quality(parameters: dict[str, str]) -> float:
    try:
        quality = float(parameters.get("q", "1"))
    except ValueError:
        return 0.0
    return quality if 0.0 <= quality <= 1.0 else 0.0


def response_media_type(accept: str | None) -> str | None:
    """The media type to answer in, or None when the client accepts neither. Without an
    Accept header, or for a wildcard, the legacy `application/json`; when both are
    accepted equally, `application/graphql-response+json`."""
    if accept is None or not accept.strip():
        return JSON
    best: str | None = None
    best_quality = 0.0
    for offered in accept.split(","):
        name, parameters = _parts(offered)
        if name == GRAPHQL_RESPONSE:
            candidate = GRAPHQL_RESPONSE
        elif name in (JSON, "application/*", "*/*"):
            candidate = JSON
        else:
            continue
        quality = _quality(parameters)
        if quality > best_quality or (
            quality == best_quality and quality > 0 and candidate == GRAPHQL_RESPONSE
        ):
            best, best_quality = candidate, quality
    return best


def accepts_html(accept: str | None) -> bool:
    """Whether an Accept header names `text/html` (in any case) with a quality above 0:
    what a browser sends when it loads a page."""
    if accept is None:
        return False
    for offered in accept.split(","):
        name, parameters = _parts(offered)
        if name == "text/html" and _quality(parameters) > 0:
            return True
    return False


class RepeatedContentType(ValueError):
    """Two Content-Type headers: a layer that reads the first and one that reads the last
    would each see another request."""

    def __init__(self) -> None:
        super().__init__("`Content-Type` is given more than once; send it once")


def request_content_type(headers: Headers) -> str | None:
    """The one Content-Type of a request, or None without one."""
    values = headers.getlist("content-type")
    if len(values) > 1:
        raise RepeatedContentType
    return values[0] if values else None


def is_json_body(content_type: str | None) -> bool:
    """`application/json`, in UTF-8 if a charset is named at all."""
    if content_type is None:
        return False
    name, parameters = _parts(content_type)
    return name == JSON and parameters.get("charset", "utf-8") == "utf-8"
