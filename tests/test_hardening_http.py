"""Issue 21's hardening of the HTTP surface, one regression test (or more) per row: log
lines a client cannot forge (6), browser security headers (11), one reading of
Content-Type (12), production defaults (13), weak secrets and odd token claims (14), and
NaN or Infinity as not JSON (15)."""

from __future__ import annotations

import json
import logging
import logging.config
import socket
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jwt
import pytest
from pydantic import SecretStr, ValidationError
from starlette.testclient import TestClient

from core.tokens import ALGORITHM, ISSUER, credentials
from server.app import create_app
from server.logs import JsonFormatter, logging_config
from server.media import accepts_html
from server.metrics import OPERATIONS_KEPT
from server.persisted import document_hash
from server.protocol import server_options
from server.settings import DEVELOPMENT_JWT_SECRET, Settings
from tests.conftest import free_port, gql, uvicorn_in_thread
from tests.test_operations import sample, samples
from tests.test_workers import Served, get, serving, stop, wait_until_ready
from tests.web_dist import ASSET, PLAYGROUND, build_dist

QUERY_N = "query N($n: Int) { researchers(first: $n) { totalCount } }"


def codes(response: Any) -> list[str]:
    return [error["extensions"]["code"] for error in response.json()["errors"]]


STRONG_SECRET = "7f3a9c1e5b2d4086af17c3e9d2b5a8f0"
# A web/dist whose one persisted document is PERSISTED, for the tests that send by id
PERSISTED = "query Kept { researchers(first: 2) { edges { node { name } } } }"
OTHER = "query Other { researchers(first: 1) { totalCount } }"


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_dist(tmp_path_factory.mktemp("dist"), [PERSISTED])


@pytest.fixture(scope="module")
def persisted_client(seeded: Settings, dist: Path) -> Iterator[TestClient]:
    with TestClient(create_app(seeded.model_copy(update={"web_dist": dist}))) as client:
        yield client


def post_raw(client: TestClient, body: Any, headers: list[tuple[str, str]]) -> Any:
    return client.post("/graphql", content=json.dumps(body).encode(), headers=headers)


# Row 6: what a client sends cannot forge or hide a line of the text log

FORGED = "2026-01-01 00:00:00,000 ERROR peergraph.auth: forged"
# Everything that ends a line for a reader of the log, or rewrites a terminal
HOSTILE = [
    "\n" + FORGED,
    "\r" + FORGED,
    "\x1b[2J",
    "\x00",
    "\x7f",
    "\x85" + FORGED,
    "\x9b2J",
    "\u2028" + FORGED,
    "\u2029" + FORGED,
    "\u202etxt.exe",
    "\u2066isolate\u2069",
    "\x0b\x0c\x1c\x1d\x1e" + FORGED,
]


def text_formatter() -> logging.Formatter:
    """The formatter `peergraph serve` logs text with."""
    settings = Settings(_env_file=None, log_format="text")
    config = logging.config.DictConfigurator(logging_config(settings))
    formatter: logging.Formatter = config.configure_formatter(
        logging_config(settings)["formatters"]["peergraph"]
    )
    return formatter


def request_record(path: str) -> logging.LogRecord:
    return logging.LogRecord(
        "peergraph.requests", logging.INFO, __file__, 1, "%s %s %d", ("GET", path, 404), None
    )


def is_one_safe_line(text: str) -> bool:
    return len(text.splitlines()) == 1 and text.isprintable()


@pytest.mark.parametrize("hostile", HOSTILE)
def test_a_text_log_line_escapes_what_a_client_sent(hostile: str) -> None:
    line = text_formatter().format(request_record(f"/x{hostile}"))
    assert is_one_safe_line(line), repr(line)
    assert line.endswith(" 404")
    # every field, not the message alone
    record = request_record("/x")
    record.name = f"peergraph{hostile}"
    assert is_one_safe_line(text_formatter().format(record))


def test_escapes_are_told_apart_from_backslashes_a_client_sent() -> None:
    sent = text_formatter().format(request_record("/a\\nb"))
    control = text_formatter().format(request_record("/a\nb"))
    assert "/a\\\\nb" in sent
    assert "/a\\nb" in control
    assert sent != control


def test_a_traceback_stays_under_its_record() -> None:
    try:
        raise ValueError(f"bad input\n{FORGED}\x1b[2J")
    except ValueError:
        record = logging.LogRecord(
            "peergraph.errors", logging.ERROR, __file__, 1, "unexpected", None, sys.exc_info()
        )
    lines = text_formatter().format(record).splitlines()
    assert lines[0].endswith("ERROR peergraph.errors: unexpected")
    assert len(lines) > 3
    assert all(line.startswith("    ") and line.isprintable() for line in lines[1:])
    assert any("Traceback (most recent call last):" in line for line in lines)
    assert not any(line.startswith("2026-01-01") for line in lines)


@pytest.mark.parametrize("hostile", HOSTILE)
def test_a_json_log_line_escapes_what_a_client_sent(hostile: str) -> None:
    line = JsonFormatter().format(request_record(f"/x{hostile}"))
    assert len(line.splitlines()) == 1 and line.isprintable()
    assert json.loads(line)["message"] == f"GET /x{hostile} 404"


@pytest.fixture
def text_logging_server(seeded: Settings, tmp_path: Path) -> Iterator[Served]:
    with serving(seeded, tmp_path / "serve.log", PEERGRAPH_LOG_FORMAT="text") as served:
        yield served


def raw_get(base: str, target: str) -> bytes:
    """GET with the request target as given, as `curl --path-as-is` sends it."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as connection:
        connection.sendall(
            f"GET {target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode()
        )
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    return answer


def test_a_served_request_cannot_forge_a_log_line(text_logging_server: Served) -> None:
    served = text_logging_server
    wait_until_ready(served)
    forging = "/x%0a2026-01-01%2000:00:00,000%20ERROR%20peergraph.auth:%20forged"
    assert raw_get(served.base, forging).startswith(b"HTTP/1.1 404")
    assert raw_get(served.base, "/x%1b%5b2J").startswith(b"HTTP/1.1 404")
    stop(served.process)  # the log is whole once the server has ended
    output = served.log.read_bytes().decode()
    requests = [line for line in output.splitlines() if "peergraph.requests:" in line]
    assert any(
        "GET /x\\n2026-01-01 00:00:00,000 ERROR peergraph.auth: forged 404" in line
        for line in requests
    )
    assert any("GET /x\\x1b[2J 404" in line for line in requests)
    assert not any(line.startswith("2026-01-01") for line in output.splitlines())
    assert "\x1b" not in output


# Row 11: browser security headers on every response


def assert_secured(response: Any) -> None:
    headers = response.headers
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"
    policy = headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-eval" not in policy
    assert "script-src 'self' 'unsafe-inline'" not in policy


def test_every_response_carries_the_security_headers(persisted_client: TestClient) -> None:
    client = persisted_client
    json_body = {"content-type": "application/json"}
    responses = {
        "explorer": client.get("/"),
        "client route": client.get("/r/UmVzZWFyY2hlcjphbmlyYml0LW11a2hlcmplZQ"),
        "asset": client.get(f"/{ASSET}"),
        "playground": client.get("/graphql", headers={"accept": "text/html"}),
        "query by GET": client.get("/graphql", params={"query": "{ __typename }"}),
        "query by HEAD": client.head("/graphql", params={"query": "{ __typename }"}),
        "query by POST": client.post("/graphql", json={"query": "{ __typename }"}),
        "405": client.delete("/graphql"),
        "406": client.get(
            "/graphql", params={"query": "{ __typename }"}, headers={"accept": "image/png"}
        ),
        "413": client.post("/graphql", content=b"x" * 30_000, headers=json_body),
        "415": client.post("/graphql", content=b"{}", headers={"content-type": "text/plain"}),
        "400": client.post("/graphql", content=b"{", headers=json_body),
        "404": client.get("/nowhere"),
        "healthz": client.get("/healthz"),
        "readyz": client.get("/readyz"),
        "metrics": client.get("/metrics"),
    }
    for name, response in responses.items():
        assert response.status_code < 500, name
        assert_secured(response)
    assert responses["query by GET"].json()["data"] == {"__typename": "Query"}
    assert [responses[name].status_code for name in ("405", "406", "413", "415", "404")] == [
        405,
        406,
        413,
        415,
        404,
    ]


def test_a_refusal_of_the_connection_guards_is_not_sniffed(seeded: Settings) -> None:
    with uvicorn_in_thread(create_app(seeded), **server_options(seeded)) as port:
        # a head still unfinished past max_header_bytes
        head = b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 20_000
        with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
            connection.sendall(head)
            answer = b""
            while chunk := connection.recv(65536):
                answer += chunk
    assert answer.startswith(b"HTTP/1.1 431")
    assert b"\r\nx-content-type-options: nosniff\r\n" in answer


# Row 12: one reading of Content-Type, and media types in any case


@pytest.mark.parametrize(
    "content_types",
    [("application/json", "text/plain"), ("text/plain", "application/json")],
)
def test_a_repeated_content_type_is_refused(
    persisted_client: TestClient, content_types: tuple[str, str]
) -> None:
    # a hash that is not the text's: refused as such whichever header a layer reads
    mismatched = {
        "query": OTHER,
        "extensions": {"persistedQuery": {"version": 1, "sha256Hash": document_hash(PERSISTED)}},
    }
    headers = [("content-type", value) for value in content_types]
    for body in (mismatched, {"query": OTHER}):
        response = post_raw(persisted_client, body, headers)
        assert response.status_code == 400
        assert codes(response) == ["BAD_USER_INPUT"]
        assert "`Content-Type` is given more than once" in response.json()["errors"][0]["message"]
    # sent once, the same request runs
    once = post_raw(persisted_client, {"query": OTHER}, [("content-type", "application/json")])
    assert once.json()["data"]["researchers"]["totalCount"] > 0


def test_the_same_content_type_twice_is_refused_too(persisted_client: TestClient) -> None:
    headers = [("content-type", "application/json")] * 2
    response = post_raw(persisted_client, {"query": OTHER}, headers)
    assert response.status_code == 400
    assert codes(response) == ["BAD_USER_INPUT"]


@pytest.mark.parametrize(
    "content_type",
    ["Application/JSON", "APPLICATION/JSON; Charset=UTF-8", "application/json;charset=utf-8"],
)
@pytest.mark.parametrize("form", ["documentId", "persistedQuery"])
def test_a_persisted_document_runs_with_a_media_type_in_any_case(
    persisted_client: TestClient, content_type: str, form: str
) -> None:
    digest = document_hash(PERSISTED)
    body: dict[str, Any] = (
        {"documentId": f"sha256:{digest}"}
        if form == "documentId"
        else {"extensions": {"persistedQuery": {"version": 1, "sha256Hash": digest}}}
    )
    response = post_raw(persisted_client, body, [("content-type", content_type)])
    assert response.status_code == 200, response.text
    assert len(response.json()["data"]["researchers"]["edges"]) == 2


def test_a_persisted_document_with_nan_variables_is_not_json(persisted_client: TestClient) -> None:
    body = json.dumps({"documentId": f"sha256:{document_hash(PERSISTED)}", "variables": {}})
    response = persisted_client.post(
        "/graphql",
        content=body.replace("{}", '{"n": NaN}').encode(),
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 400
    assert codes(response) == ["BAD_USER_INPUT"]
    assert "the request body is not JSON" in response.json()["errors"][0]["message"]


@pytest.mark.parametrize(
    ("accept", "html"),
    [
        ("text/html", True),
        ("TEXT/HTML,application/xhtml+xml", True),
        ("text/html;q=0.9, */*;q=0.8", True),
        ("Text/Html; q=0", False),
        ("application/json", False),
        ("text/htmlx", False),
        (None, False),
    ],
)
def test_a_browser_is_told_by_its_accept_in_any_case(accept: str | None, html: bool) -> None:
    assert accepts_html(accept) is html


def test_the_playground_opens_for_an_accept_in_capitals(persisted_client: TestClient) -> None:
    assert persisted_client.get("/graphql", headers={"accept": "TEXT/HTML"}).text == PLAYGROUND


# Row 13: production defaults

METRICS_TOKEN = "0d9c4b7e2a6f81f35c0e9a7d4b2c6e18"


def production_settings(settings: Settings, **changes: Any) -> Settings:
    return settings.model_copy(
        update={"environment": "production", "jwt_secret": SecretStr(STRONG_SECRET), **changes}
    )


@pytest.fixture(scope="module")
def production(seeded: Settings, dist: Path) -> Iterator[TestClient]:
    """Production; the test client is not on this machine (its client is `testclient`)."""
    with TestClient(create_app(production_settings(seeded, web_dist=dist))) as client:
        yield client


def test_production_keeps_metrics_from_remote_callers(
    production: TestClient, client: TestClient
) -> None:
    refused = production.get("/metrics")
    assert refused.status_code == 403
    assert codes(refused) == ["FORBIDDEN"]
    assert "peergraph_" not in refused.text
    # development serves them to anyone
    assert "peergraph_request_duration_seconds" in client.get("/metrics").text


def test_a_metrics_token_opens_them_to_a_remote_scraper(seeded: Settings, dist: Path) -> None:
    settings = production_settings(seeded, web_dist=dist, metrics_token=SecretStr(METRICS_TOKEN))
    with TestClient(create_app(settings)) as remote:
        scraped = remote.get("/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"})
        assert scraped.status_code == 200
        assert "peergraph_request_duration_seconds" in scraped.text
        for wrong in (f"Bearer {METRICS_TOKEN[:-1]}", METRICS_TOKEN, "Bearer "):
            assert remote.get("/metrics", headers={"Authorization": wrong}).status_code == 403


def test_a_metrics_token_applies_in_development_too(seeded: Settings, dist: Path) -> None:
    settings = seeded.model_copy(
        update={"web_dist": dist, "metrics_token": SecretStr(METRICS_TOKEN)}
    )
    with TestClient(create_app(settings)) as remote:
        assert remote.get("/metrics").status_code == 403


def test_a_metrics_token_must_be_long() -> None:
    with pytest.raises(ValidationError, match="at least 32 characters"):
        Settings(_env_file=None, metrics_token="short")


def test_production_serves_metrics_to_a_local_caller(seeded: Settings) -> None:
    with uvicorn_in_thread(create_app(production_settings(seeded))) as port:
        status, page = get(f"http://127.0.0.1:{port}/metrics")
    assert status == 200
    assert b"peergraph_request_duration_seconds" in page


def unreachable(settings: Settings, **changes: Any) -> Settings:
    """Settings whose Neo4j does not listen."""
    return production_settings(
        settings,
        neo4j_uri=f"bolt://127.0.0.1:{free_port()}",
        neo4j_password="not-used",
        **changes,
    )


def test_readyz_tells_an_anonymous_caller_nothing_of_the_database(seeded: Settings) -> None:
    with TestClient(create_app(unreachable(seeded))) as remote:
        unready = remote.get("/readyz")
    assert unready.status_code == 503
    assert unready.json() == {"status": "database unavailable"}


def test_readyz_tells_an_operator_why(seeded: Settings) -> None:
    settings = unreachable(seeded, metrics_token=SecretStr(METRICS_TOKEN))
    port = settings.neo4j_uri.rsplit(":", 1)[1] if settings.neo4j_uri else ""
    with TestClient(create_app(settings)) as remote:
        told = remote.get("/readyz", headers={"Authorization": f"Bearer {METRICS_TOKEN}"})
    assert told.status_code == 503
    assert f"127.0.0.1:{port}" in told.json()["reason"]
    with uvicorn_in_thread(create_app(settings)) as served:
        status, page = get(f"http://127.0.0.1:{served}/readyz")
    assert status == 503
    assert f"127.0.0.1:{port}" in json.loads(page)["reason"]


def test_graphiql_from_a_browser_in_production_is_not_found(production: TestClient) -> None:
    for accept in ("text/html", "text/html,application/xhtml+xml,*/*;q=0.8"):
        response = production.get("/graphql", headers={"accept": accept})
        assert response.status_code == 404
        assert codes(response) == ["NOT_FOUND"]
        assert PLAYGROUND not in response.text
    # an API client's GET still reaches the API
    api = production.get("/graphql", params={"query": "{ __typename }"})
    assert api.json()["data"] == {"__typename": "Query"}


def test_junk_operation_names_cannot_push_the_apps_out_of_their_labels(
    seeded: Settings, dist: Path
) -> None:
    with TestClient(create_app(seeded.model_copy(update={"web_dist": dist}))) as fresh:
        for number in range(OPERATIONS_KEPT):
            junk = fresh.post("/graphql", json={"query": f"query Junk{number} {{ __typename }}"})
            assert junk.json()["data"] == {"__typename": "Query"}
        before = samples(fresh.get("/metrics").text)
        kept = fresh.post("/graphql", json={"documentId": f"sha256:{document_hash(PERSISTED)}"})
        assert kept.status_code == 200
        late = fresh.post("/graphql", json={"query": "query LateJunk { __typename }"})
        assert late.json()["data"] == {"__typename": "Query"}
        after = samples(fresh.get("/metrics").text)

    def grew(**labels: str) -> float:
        name = "peergraph_request_duration_seconds_count"
        return sample(after, name, **labels) - sample(before, name, **labels)

    assert grew(operation="Kept", outcome="ok") == 1
    assert grew(operation="LateJunk", outcome="ok") == 0
    assert grew(operation="other", outcome="ok") == 1


# Row 14: production refuses weak or default secrets; `exp` and `nbf` are numbers


@pytest.mark.parametrize(
    ("secret", "message"),
    [
        (" " * 32, "at least 32 characters"),
        (" " * 20 + "x" * 12, "at least 32 characters"),
        ("a" * 32, "at least 8 different characters"),
        ("abcd" * 10, "at least 8 different characters"),
        (DEVELOPMENT_JWT_SECRET + " ", "the default secret is for development only"),
        ("\t" + DEVELOPMENT_JWT_SECRET, "the default secret is for development only"),
        (DEVELOPMENT_JWT_SECRET.upper(), "the default secret is for development only"),
        (DEVELOPMENT_JWT_SECRET + "-2", "the default secret is for development only"),
    ],
)
def test_production_refuses_a_weak_secret(secret: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Settings(_env_file=None, environment="production", jwt_secret=secret)
    # development takes anything
    Settings(_env_file=None, environment="development", jwt_secret=secret)


def test_production_starts_with_a_random_secret() -> None:
    settings = Settings(_env_file=None, environment="production", jwt_secret=STRONG_SECRET)
    assert settings.jwt_secret.get_secret_value() == STRONG_SECRET


def token_with(**claims: Any) -> str:
    now = int(time.time())
    base = {"sub": "someone", "iss": ISSUER, "iat": now, "exp": now + 600}
    return jwt.encode({**base, **claims}, DEVELOPMENT_JWT_SECRET, algorithm=ALGORITHM)


@pytest.mark.parametrize(
    "claims",
    [
        {"exp": "9999999999"},
        {"exp": True},
        {"nbf": "0"},
        {"nbf": False},
        {"iat": "0"},
    ],
)
def test_a_time_claim_that_is_not_a_json_number_is_refused(
    client: TestClient, settings: Settings, claims: dict[str, Any]
) -> None:
    token = token_with(**claims)
    assert credentials(settings.token_signing(), f"Bearer {token}").user is None
    answer = gql(client, "{ viewer { name } }", bearer=token)
    assert answer.codes == ["UNAUTHENTICATED"]
    assert answer.errors[0]["message"].endswith("; log in again")


# Seconds from now, read when the test runs: an integer `nbf`, a fractional `exp`.
@pytest.mark.parametrize("from_now", [{}, {"nbf": -5}, {"exp": 60.5}])
def test_numeric_time_claims_pass(settings: Settings, from_now: dict[str, float]) -> None:
    now = time.time()
    claims = {
        name: int(now) + offset if isinstance(offset, int) else now + offset
        for name, offset in from_now.items()
    }
    token = token_with(**claims)
    assert credentials(settings.token_signing(), f"Bearer {token}").user == "someone"


# Row 15: NaN, Infinity and -Infinity are not JSON


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_in_a_body_are_not_json(client: TestClient, number: str) -> None:
    body = json.dumps({"query": QUERY_N, "variables": {"n": 0}}).replace("0}", f"{number}}}")
    response = client.post(
        "/graphql", content=body.encode(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 400
    assert codes(response) == ["BAD_USER_INPUT"]
    assert "the request body is not JSON" in response.json()["errors"][0]["message"]


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_in_a_query_string_are_not_json(client: TestClient, number: str) -> None:
    response = client.get("/graphql", params={"query": QUERY_N, "variables": f'{{"n": {number}}}'})
    assert response.status_code == 400
    assert codes(response) == ["BAD_USER_INPUT"]
    assert "`variables` is not JSON" in response.json()["errors"][0]["message"]


def test_the_same_request_with_a_number_runs(client: TestClient) -> None:
    body = json.dumps({"query": QUERY_N, "variables": {"n": 1}})
    response = client.post(
        "/graphql", content=body.encode(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 200
    assert response.json()["data"]["researchers"]["totalCount"] > 0
