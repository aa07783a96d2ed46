"""Cross-origin calls: the listed origins get a grant for GET and POST with the
Authorization and Content-Type headers, never for credentials; others get none."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from server.app import create_app
from server.settings import Settings

ALLOWED = "https://explorer.example.org"
OTHER = "https://elsewhere.example.com"


def preflight(
    client: TestClient, origin: str, headers: str = "authorization,content-type"
) -> dict[str, str]:
    response = client.options(
        "/graphql",
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": headers,
        },
    )
    return {name.lower(): value for name, value in response.headers.items()} | {
        "status": str(response.status_code)
    }


@pytest.fixture(scope="module")
def cors_client(seeded: Settings) -> Iterator[TestClient]:
    settings = seeded.model_copy(update={"cors_origins": [ALLOWED, "http://localhost:5173"]})
    with TestClient(create_app(settings)) as client:
        yield client


def test_a_listed_origin_is_granted_the_token_header_and_no_credentials(
    cors_client: TestClient,
) -> None:
    granted = preflight(cors_client, ALLOWED)
    assert granted["status"] == "200"
    assert granted["access-control-allow-origin"] == ALLOWED
    allowed_headers = {
        h.strip().lower() for h in granted["access-control-allow-headers"].split(",")
    }
    assert {"authorization", "content-type"} <= allowed_headers
    assert "access-control-allow-credentials" not in granted

    response = cors_client.post(
        "/graphql", json={"query": "{ __typename }"}, headers={"Origin": ALLOWED}
    )
    assert response.json()["data"] == {"__typename": "Query"}
    assert response.headers["access-control-allow-origin"] == ALLOWED
    assert "access-control-allow-credentials" not in response.headers


def test_another_origin_gets_no_grant(cors_client: TestClient) -> None:
    refused = preflight(cors_client, OTHER)
    assert "access-control-allow-origin" not in refused
    assert "access-control-allow-credentials" not in refused
    response = cors_client.post(
        "/graphql", json={"query": "{ __typename }"}, headers={"Origin": OTHER}
    )
    assert "access-control-allow-origin" not in response.headers


def test_other_headers_are_not_granted(cors_client: TestClient) -> None:
    refused = preflight(cors_client, ALLOWED, headers="authorization,x-api-key")
    assert refused["status"] == "400"
    assert "x-api-key" not in refused["access-control-allow-headers"].lower()


def test_no_origin_is_granted_by_default(client: TestClient) -> None:
    for origin in [ALLOWED, "http://localhost:5173", "null"]:
        assert "access-control-allow-origin" not in preflight(client, origin)


def test_refusals_carry_the_grant(cors_client: TestClient, seeded: Settings) -> None:
    large = "{ __typename }" + " " * seeded.max_query_bytes
    response = cors_client.post("/graphql", json={"query": large}, headers={"Origin": ALLOWED})
    assert response.status_code == 413
    assert response.headers["access-control-allow-origin"] == ALLOWED


@pytest.mark.parametrize(
    ("text", "origins"),
    [
        (
            "https://a.example, http://localhost:5173",
            ["https://a.example", "http://localhost:5173"],
        ),
        ('["https://a.example"]', ["https://a.example"]),
        ("", []),
    ],
)
def test_origins_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, text: str, origins: list[str]
) -> None:
    monkeypatch.setenv("PEERGRAPH_CORS_ORIGINS", text)
    assert Settings(_env_file=None).cors_origins == origins


@pytest.mark.parametrize("text", ["https://a.example/", "a.example", '["https://a.example"'])
def test_an_origin_a_browser_never_sends_stops_start_up(
    monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    monkeypatch.setenv("PEERGRAPH_CORS_ORIGINS", text)
    with pytest.raises(ValueError, match="cors_origins"):
        Settings(_env_file=None)
