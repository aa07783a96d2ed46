"""What an operator relies on: request ids, log lines from a real `peergraph serve`,
Prometheus metrics after real queries, and production's closed introspection."""

from __future__ import annotations

import json
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from prometheus_client.parser import text_string_to_metric_families
from pydantic import SecretStr
from starlette.testclient import TestClient
from starlette.types import Receive, Scope, Send

from server.app import create_app
from server.observe import ObservedRequests
from server.settings import Settings
from tests.test_workers import REQUEST_TIMEOUT, Served, get, serving, stop, wait_until_ready
from tests.web_dist import PLAYGROUND, build_dist

# model_copy(update=) does not validate: the value goes in as the field holds it
PRODUCTION_SECRET = SecretStr("a-production-secret-of-at-least-32-characters")
INTROSPECTION = "{ __schema { queryType { name } } }"


def samples(text: str) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    """Every sample of a /metrics page, by name and labels."""
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def sample(
    page: dict[tuple[str, frozenset[tuple[str, str]]], float], name: str, **labels: str
) -> float:
    return page.get((name, frozenset(labels.items())), 0.0)


def test_every_response_carries_a_request_id(client: TestClient) -> None:
    first = client.get("/healthz").headers["x-request-id"]
    second = client.post("/graphql", json={"query": "{ works { totalCount } }"})
    assert second.headers["x-request-id"] not in ("", first)
    refused = client.post("/graphql", json={"query": "{ works { totalCount } }" + " " * 30_000})
    assert refused.status_code == 413
    assert refused.headers["x-request-id"] not in ("", first)


def test_a_plain_incoming_request_id_is_kept_and_an_odd_one_replaced(client: TestClient) -> None:
    kept = client.get("/healthz", headers={"X-Request-Id": "edge-7f3a.42"})
    assert kept.headers["x-request-id"] == "edge-7f3a.42"
    for odd in ("a" * 200, "<script>", "two words"):
        replaced = client.get("/healthz", headers={"X-Request-Id": odd})
        assert replaced.headers["x-request-id"] not in (odd, "")


async def failing_app(scope: Scope, receive: Receive, send: Send) -> None:
    raise RuntimeError("secret internals")


def test_an_exception_outside_graphql_is_logged_and_answered_with_the_id_only(
    caplog: pytest.LogCaptureFixture,
) -> None:
    client = TestClient(ObservedRequests(failing_app, log_requests=True, metrics=None))
    response = client.get("/anything", headers={"X-Request-Id": "given-1"})
    assert response.status_code == 500
    assert response.headers["x-request-id"] == "given-1"
    assert response.json() == {
        "errors": [
            {
                "message": "Unexpected error.",
                "extensions": {"code": "INTERNAL_SERVER_ERROR", "requestId": "given-1"},
            }
        ]
    }
    [logged] = [record for record in caplog.records if record.name == "peergraph.errors"]
    assert getattr(logged, "request_id", None) == "given-1"
    assert logged.exc_info is not None and "secret internals" in str(logged.exc_info[1])


def test_metrics_count_real_queries(client: TestClient) -> None:
    before = samples(client.get("/metrics").text)
    for _ in range(3):
        response = client.post(
            "/graphql", json={"query": "query CountProbe { works { totalCount } }"}
        )
        assert "errors" not in response.json()
    refused = client.post(
        "/graphql", json={"query": "query BadProbe { works(first: 500) { totalCount } }"}
    )
    assert refused.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    scraped = client.get("/metrics")
    assert scraped.headers["content-type"].startswith("text/plain")
    after = samples(scraped.text)

    def grew(name: str, **labels: str) -> float:
        return sample(after, name, **labels) - sample(before, name, **labels)

    ok = {"operation": "CountProbe", "outcome": "ok"}
    assert grew("peergraph_request_duration_seconds_count", **ok) == 3
    assert grew("peergraph_request_database_seconds_count", operation="CountProbe") == 3
    assert grew("peergraph_request_database_seconds_sum", operation="CountProbe") > 0
    assert (
        grew("peergraph_request_duration_seconds_count", operation="BadProbe", outcome="error") == 1
    )
    assert grew("peergraph_graphql_errors_total", code="BAD_USER_INPUT") == 1
    # The driver pool of this process: at least the connection those queries used.
    in_use = sample(after, "peergraph_neo4j_pool_connections", state="in_use")
    idle = sample(after, "peergraph_neo4j_pool_connections", state="idle")
    assert in_use + idle >= 1
    assert sample(after, "peergraph_neo4j_pool_max_connections") >= 1


def test_metrics_can_be_turned_off(seeded: Settings) -> None:
    with TestClient(create_app(seeded.model_copy(update={"metrics": False}))) as client:
        assert client.get("/metrics").status_code == 404


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_dist(tmp_path_factory.mktemp("dist"), [])


@pytest.fixture(scope="module")
def production(seeded: Settings, dist: Path) -> Iterator[TestClient]:
    settings = seeded.model_copy(
        update={"environment": "production", "jwt_secret": PRODUCTION_SECRET, "web_dist": dist}
    )
    with TestClient(create_app(settings)) as client:
        yield client


def test_production_refuses_introspection(production: TestClient) -> None:
    for _ in range(2):  # the second time the document is one the server has seen
        body = production.post("/graphql", json={"query": INTROSPECTION}).json()
        assert body.get("data") is None
        assert "introspection has been disabled" in body["errors"][0]["message"]
    allowed = production.post("/graphql", json={"query": "{ __typename works { totalCount } }"})
    assert allowed.json()["data"]["__typename"] == "Query"


def test_production_serves_no_graphiql(
    seeded: Settings, production: TestClient, dist: Path
) -> None:
    page = {"Accept": "text/html"}
    with TestClient(create_app(seeded.model_copy(update={"web_dist": dist}))) as development:
        assert development.get("/graphql", headers=page).text == PLAYGROUND
    # Without the playground, a browser finds no page there (docs/serving.md).
    refused = production.get("/graphql", headers=page)
    assert refused.status_code == 404
    assert refused.json()["errors"][0]["extensions"]["code"] == "NOT_FOUND"


def test_production_can_enable_them(seeded: Settings, dist: Path) -> None:
    settings = seeded.model_copy(
        update={
            "environment": "production",
            "jwt_secret": PRODUCTION_SECRET,
            "introspection": True,
            "graphiql": True,
            "web_dist": dist,
        }
    )
    with TestClient(create_app(settings)) as client:
        body = client.post("/graphql", json={"query": INTROSPECTION}).json()
        assert body["data"] == {"__schema": {"queryType": {"name": "Query"}}}
        assert client.get("/graphql", headers={"Accept": "text/html"}).text == PLAYGROUND


def wait_until_counted(served: Served, name: str, **labels: str) -> None:
    for _ in range(50):
        status, page = get(f"{served.base}/metrics")
        if status == 200 and sample(samples(page.decode()), name, **labels):
            return
        time.sleep(0.1)


def post(base: str, document: str, request_id: str | None = None, **variables: Any) -> str:
    """Posts a GraphQL document; the request id the server answered with."""
    headers = {"Content-Type": "application/json"}
    if request_id is not None:
        headers["X-Request-Id"] = request_id
    request = urllib.request.Request(
        f"{base}/graphql",
        data=json.dumps({"query": document, "variables": variables}).encode(),
        headers=headers,
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT) as response:
        response.read()
        return str(response.headers["x-request-id"])


@pytest.fixture
def json_logging_workers(seeded: Settings, tmp_path: Path) -> Iterator[Served]:
    with serving(
        seeded, tmp_path / "serve.log", PEERGRAPH_WORKERS="2", PEERGRAPH_LOG_FORMAT="json"
    ) as served:
        yield served


def test_served_requests_are_logged_and_counted_across_workers(
    json_logging_workers: Served, broken_work: str
) -> None:
    served = json_logging_workers
    wait_until_ready(served)
    probe = "query Probe { works { totalCount } }"
    given = post(served.base, probe, request_id="probe-given-id")
    assert given == "probe-given-id"
    for _ in range(5):
        post(served.base, probe)
    broken = post(served.base, "query Broken($id: ID!) { work(id: $id) { type } }", id=broken_work)

    # A worker counts a request just after its answer has gone out; then whichever
    # worker answers the scrape counts the requests both workers served.
    wait_until_counted(served, "peergraph_graphql_errors_total", code="INTERNAL_SERVER_ERROR")
    for _ in range(4):
        status, page = get(f"{served.base}/metrics")
        assert status == 200, page
        scraped = samples(page.decode())
        assert (
            sample(
                scraped, "peergraph_request_duration_seconds_count", operation="Probe", outcome="ok"
            )
            == 6
        )
        assert (
            sample(
                scraped,
                "peergraph_request_duration_seconds_count",
                operation="Broken",
                outcome="failed",
            )
            == 1
        )
        assert sample(scraped, "peergraph_graphql_errors_total", code="INTERNAL_SERVER_ERROR") == 1
    assert stop(served.process) == 0, served.output()

    lines = [json.loads(line) for line in served.output(None).splitlines() if line.strip()]
    assert any(line["message"] == "Application startup complete." for line in lines)
    requests = [
        line
        for line in lines
        if line["logger"] == "peergraph.requests" and line["path"] == "/graphql"
    ]
    probes = [line for line in requests if line["operation"] == "Probe"]
    assert len(probes) == 6
    assert {line["request_id"] for line in probes} >= {"probe-given-id"}
    assert len({line["request_id"] for line in probes}) == 6
    for line in probes:
        assert line["status"] == 200
        assert line["statements"] == 1
        assert line["estimated_items"] >= 0
        assert line["error_codes"] == []
        assert line["duration_ms"] > 0
        assert line["method"] == "POST"
    [failure] = [line for line in requests if line["operation"] == "Broken"]
    assert failure["request_id"] == broken
    assert failure["error_codes"] == ["INTERNAL_SERVER_ERROR"]
    [logged] = [line for line in lines if line["logger"] == "peergraph.errors"]
    assert logged["level"] == "ERROR"
    assert logged["request_id"] == broken
    assert "Traceback (most recent call last)" in logged["traceback"]
