"""Issue 21's hardening of the HTTP surface, one regression test (or more) per row: log
lines a client cannot forge (6), browser security headers (11), one reading of
Content-Type (12), production defaults (13), weak secrets and odd token claims (14), and
NaN or Infinity as not JSON (15)."""

from __future__ import annotations

import json
import time
from typing import Any

import jwt
import pytest
from pydantic import ValidationError
from starlette.testclient import TestClient

from core.tokens import ALGORITHM, ISSUER, credentials
from server.settings import DEVELOPMENT_JWT_SECRET, Settings
from tests.conftest import gql

NOT_JSON = "is not JSON"
QUERY_N = "query N($n: Int) { researchers(first: $n) { totalCount } }"


def codes(response: Any) -> list[str]:
    return [error["extensions"]["code"] for error in response.json()["errors"]]


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


# Row 14: production refuses weak or default secrets; `exp` and `nbf` are numbers

STRONG_SECRET = "7f3a9c1e5b2d4086af17c3e9d2b5a8f0"


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


@pytest.mark.parametrize("claims", [{}, {"nbf": int(time.time()) - 5}, {"exp": time.time() + 60.5}])
def test_numeric_time_claims_pass(settings: Settings, claims: dict[str, Any]) -> None:
    token = token_with(**claims)
    assert credentials(settings.token_signing(), f"Bearer {token}").user == "someone"
