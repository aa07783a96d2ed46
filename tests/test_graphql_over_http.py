"""GraphQL over HTTP (graphql.github.io/graphql-over-http): the graphql-http audits over a
real socket, and the refusals issue 12 found, each on the first sending of a document
(parsed and validated) and the second (looked up)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import httpx2 as httpx
import pytest
from starlette.testclient import TestClient

from core.global_ids import encode_id

AUDIT = Path(__file__).parent / "http_audit"
GRAPHQL_RESPONSE = "application/graphql-response+json"
RESEARCHER = encode_id("Researcher", "anirbit-mukherjee")


def audit_results(port: int) -> list[dict[str, Any]]:
    npm, node = shutil.which("npm"), shutil.which("node")
    assert npm and node, "Node 20 and npm run the graphql-http audits"
    if not (AUDIT / "node_modules" / "graphql-http").is_dir():
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=AUDIT, check=True)
    finished = subprocess.run(
        [node, "audit.mjs", f"http://127.0.0.1:{port}/graphql"],
        cwd=AUDIT,
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    results: list[dict[str, Any]] = json.loads(finished.stdout)
    return results


def test_every_graphql_http_audit_passes(served: int) -> None:
    results = audit_results(served)
    not_ok = [f"{r['id']} {r['name']}: {r['status']} {r['reason']}" for r in results]
    not_ok = [line for line, r in zip(not_ok, results, strict=True) if r["status"] != "ok"]
    assert not_ok == []
    assert len(results) == 61


def post(
    client: TestClient, body: Any, accept: str | None = None, **headers: str
) -> httpx.Response:
    if accept is not None:
        headers["accept"] = accept
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    return client.post(
        "/graphql", content=content, headers={"content-type": "application/json", **headers}
    )


def codes(response: httpx.Response) -> list[str]:
    return [error["extensions"]["code"] for error in response.json()["errors"]]


@pytest.mark.parametrize("sending", ["first", "second"])
def test_graphql_response_json_is_answered_in_kind(client: TestClient, sending: str) -> None:
    query = {"query": "query Kind($id: ID!) { researcher(id: $id) { name } }"}
    for _ in range(1 if sending == "first" else 2):
        response = post(client, {**query, "variables": {"id": RESEARCHER}}, GRAPHQL_RESPONSE)
    assert response.status_code == 200
    assert response.headers["content-type"] == f"{GRAPHQL_RESPONSE}; charset=utf-8"
    assert response.json()["data"]["researcher"]["name"]
    # variables that do not fit the operation: nothing ran, a request error
    refused = post(client, {**query, "variables": {"id": None}}, GRAPHQL_RESPONSE)
    assert refused.status_code == 400
    assert "data" not in refused.json()
    assert codes(refused) == ["BAD_USER_INPUT"]
    legacy = post(client, {**query, "variables": {"id": [1]}}, "application/json")
    assert legacy.status_code == 200
    assert codes(legacy) == ["BAD_USER_INPUT"]


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("{ works { totalCount }", "GRAPHQL_PARSE_FAILED"),
        ("{ nope }", "GRAPHQL_VALIDATION_FAILED"),
        ("{ }", "GRAPHQL_VALIDATION_FAILED"),
        ("{ researchers { } }", "GRAPHQL_VALIDATION_FAILED"),
        ("{ ...Nope }", "GRAPHQL_VALIDATION_FAILED"),
    ],
)
def test_parse_and_validation_errors_are_request_errors(
    client: TestClient, query: str, code: str
) -> None:
    for _ in range(2):
        strict = post(client, {"query": query}, GRAPHQL_RESPONSE)
        assert strict.status_code == 400
        assert "data" not in strict.json()
        assert codes(strict) == [code]
        legacy = post(client, {"query": query}, "application/json")
        assert legacy.status_code == 200
        assert codes(legacy) == [code]
        assert "Traceback" not in legacy.text and "max()" not in legacy.text


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ([{"query": "{ works { totalCount } }"}], 400),  # a batch
        (b'{"query": "{ works { totalCount } }"', 400),  # not JSON
        (b"\xff", 400),
        (b"null", 400),
        (b'"x"', 400),
        (b"", 400),
        ({"query": "{ works { totalCount } }", "variables": "{}"}, 400),
        ({"query": "{ works { totalCount } }", "variables": [1]}, 400),
        ({"query": "{ works { totalCount } }", "operationName": 1}, 400),
        ({"query": "{ works { totalCount } }", "extensions": "x"}, 400),
        ({"qeury": "{ works { totalCount } }"}, 400),
    ],
)
def test_malformed_requests_are_refused_in_json(client: TestClient, body: Any, status: int) -> None:
    for accept in (None, GRAPHQL_RESPONSE):
        response = post(client, body, accept)
        assert response.status_code == status
        assert codes(response) == ["BAD_USER_INPUT"]


@pytest.mark.parametrize("sending", ["first", "second"])
def test_an_operation_is_never_guessed(client: TestClient, sending: str) -> None:
    document = "query A { works { totalCount } } query B { topics { totalCount } }"
    if sending == "second":
        assert post(client, {"query": document, "operationName": "B"}).status_code == 200
    for name in (None, "C"):
        response = post(client, {"query": document, "operationName": name}, GRAPHQL_RESPONSE)
        assert response.status_code == 400
        assert response.json() == {
            "errors": [
                {
                    "message": response.json()["errors"][0]["message"],
                    "extensions": {"code": "BAD_USER_INPUT"},
                }
            ]
        }
    named = post(client, {"query": document, "operationName": "B"}, GRAPHQL_RESPONSE)
    assert list(named.json()["data"]) == ["topics"]


def test_a_mutation_over_get_is_405_and_changes_nothing(client: TestClient) -> None:
    mutation = 'mutation { login(email: "a@b.c", password: "wrong password") { token } }'
    response = client.get(
        "/graphql", params={"query": mutation}, headers={"accept": GRAPHQL_RESPONSE}
    )
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
    assert codes(response) == ["BAD_USER_INPUT"]


def test_get_and_head_answer_queries(client: TestClient) -> None:
    params = {"query": "query ($first: Int) { works(first: $first) { totalCount } }"}
    params["variables"] = json.dumps({"first": 1})
    for _ in range(2):
        got = client.get("/graphql", params=params)
        assert got.status_code == 200
        assert got.json()["data"]["works"]["totalCount"] > 0
        head = client.head("/graphql", params=params)
        assert head.status_code == 200
        assert head.content == b""
        assert head.headers["content-type"] == got.headers["content-type"]
    for method in ("PUT", "DELETE", "PATCH"):
        refused = client.request(method, "/graphql")
        assert refused.status_code == 405
        assert refused.headers["allow"] == "GET, HEAD, POST"
        assert codes(refused) == ["BAD_USER_INPUT"]


@pytest.mark.parametrize(
    "query_string",
    [
        "query=%7B&variables=%5B%5B%5B",  # variables `[[[`
        "variables=%7B%7D",  # no query
        "query=%7B%20works%20%7B%20totalCount%20%7D%20%7D&query=x",
        "query=%FF",
        "query=%ED%A0%80",  # a lone surrogate
        "query=%7B%20works%20%7B%20totalCount%20%7D%20%7D&variables=1",
    ],
)
def test_bad_query_strings_are_refused_in_json(client: TestClient, query_string: str) -> None:
    response = client.get(f"/graphql?{query_string}")
    assert response.status_code == 400
    assert codes(response) == ["BAD_USER_INPUT"]


@pytest.mark.parametrize(
    ("content_type", "status"),
    [
        ("application/json", 200),
        ("APPLICATION/JSON", 200),
        ("Application/Json; Charset=UTF-8", 200),
        ("application/jsonx", 415),
        ("application/json; charset=latin-1", 415),
        ("text/plain", 415),
        ("application/graphql", 415),
    ],
)
def test_request_media_types_match_exactly(
    client: TestClient, content_type: str, status: int
) -> None:
    response = client.post(
        "/graphql",
        content=b'{"query": "{ works { totalCount } }"}',
        headers={"content-type": content_type},
    )
    assert response.status_code == status
    if status != 200:
        assert codes(response) == ["BAD_USER_INPUT"]


@pytest.mark.parametrize(
    ("accept", "answered"),
    [
        ("APPLICATION/GRAPHQL-RESPONSE+JSON", GRAPHQL_RESPONSE),
        (f"{GRAPHQL_RESPONSE}, application/json;q=0.9", GRAPHQL_RESPONSE),
        (f"application/json, {GRAPHQL_RESPONSE};q=0.5", "application/json"),
        ("*/*", "application/json"),
        ("application/jsonx", None),
        ("text/html;q=1, application/xml", None),
    ],
)
def test_the_answer_is_negotiated(client: TestClient, accept: str, answered: str | None) -> None:
    response = post(client, {"query": "{ works { totalCount } }"}, accept)
    if answered is None:
        assert response.status_code == 406
        assert codes(response) == ["BAD_USER_INPUT"]
    else:
        assert response.status_code == 200
        assert response.headers["content-type"] == f"{answered}; charset=utf-8"
