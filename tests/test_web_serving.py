"""The browser app beside the API (server/web.py): its pages at / and the client-side
routes, its hashed assets, the playground on GET /graphql from a browser, and a clear
page and log line before it is built."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from server.app import create_app
from server.settings import Settings
from server.web import ASSET_CACHE
from tests.web_dist import ASSET, ASSET_TEXT, ICON_TEXT, INDEX, PLAYGROUND, build_dist

CLIENT_ROUTES = ["/", "/r/UmVzZWFyY2hlcjph", "/w/V29yazph", "/t/VG9waWM6", "/i/SW5zdGl0", "/claims"]
BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_dist(tmp_path_factory.mktemp("dist"), [])


@pytest.fixture(scope="module")
def web(seeded: Settings, dist: Path) -> Iterator[TestClient]:
    with TestClient(create_app(seeded.model_copy(update={"web_dist": dist}))) as client:
        yield client


@pytest.mark.parametrize("path", CLIENT_ROUTES)
def test_each_client_route_is_the_app(web: TestClient, path: str) -> None:
    response = web.get(path, headers=BROWSER)
    assert response.status_code == 200
    assert response.text == INDEX
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["cache-control"] == "no-cache"


def test_other_paths_are_not_found(web: TestClient) -> None:
    for path in ["/nowhere", "/r", "/r/id/more", "/assets/missing.js", "/index.htm"]:
        response = web.get(path)
        assert (response.status_code, response.text) == (404, "Not Found"), path
    for path in ["/nowhere", "/r/id/more"]:
        assert web.post(path, json={}).status_code == 404, path


def test_a_browser_gets_the_apps_own_not_found_page(web: TestClient) -> None:
    for path in ["/nowhere", "/r", "/r/id/more", "/index.htm"]:
        response = web.get(path, headers=BROWSER)
        assert (response.status_code, response.text) == (404, INDEX), path
    # a missing asset is a file, not a page
    assert web.get("/assets/missing.js", headers=BROWSER).text == "Not Found"


def test_the_icon_is_served(web: TestClient) -> None:
    response = web.get("/favicon.svg")
    assert response.status_code == 200
    assert response.text == ICON_TEXT
    assert response.headers["content-type"] == "image/svg+xml"


def test_answers_go_out_compressed_to_a_client_that_asks(web: TestClient) -> None:
    query = {"query": "{ __schema { types { name fields { name } } } }"}
    compressed = web.post("/graphql", json=query, headers={"Accept-Encoding": "gzip"})
    assert compressed.headers["content-encoding"] == "gzip"
    assert int(compressed.headers["content-length"]) < len(compressed.content) / 3
    plain = web.post("/graphql", json=query, headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    assert plain.json() == compressed.json()


def test_assets_are_cached_for_good(web: TestClient) -> None:
    response = web.get(f"/{ASSET}")
    assert response.status_code == 200
    assert response.text == ASSET_TEXT
    assert response.headers["cache-control"] == ASSET_CACHE
    again = web.get(f"/{ASSET}", headers={"If-None-Match": response.headers["etag"]})
    assert again.status_code == 304
    assert again.headers["cache-control"] == ASSET_CACHE


def test_a_browser_gets_the_playground_at_graphql(web: TestClient) -> None:
    response = web.get("/graphql", headers=BROWSER)
    assert response.status_code == 200
    assert response.text == PLAYGROUND


def test_an_api_client_gets_json_at_graphql(web: TestClient) -> None:
    response = web.get(
        "/graphql", params={"query": "{ __typename }"}, headers={"Accept": "application/json"}
    )
    assert response.json()["data"] == {"__typename": "Query"}
    # A browser's Accept does not turn a GET that carries a query into the playground
    response = web.get("/graphql", params={"query": "{ __typename }"}, headers=BROWSER)
    assert response.json()["data"] == {"__typename": "Query"}
    response = web.post("/graphql", json={"query": "{ __typename }"}, headers=BROWSER)
    assert response.json()["data"] == {"__typename": "Query"}


def test_no_playground_when_graphiql_is_off(seeded: Settings, dist: Path) -> None:
    settings = seeded.model_copy(update={"web_dist": dist, "graphiql": False})
    with TestClient(create_app(settings)) as client:
        response = client.get("/graphql", headers=BROWSER)
        # a browser finds no page there (docs/serving.md)
        assert response.status_code == 404
        assert response.json()["errors"][0]["extensions"]["code"] == "NOT_FOUND"
        assert PLAYGROUND not in response.text
        assert client.get("/", headers=BROWSER).text == INDEX


def test_before_a_build_one_log_line_and_a_page_that_says_so(
    seeded: Settings, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = seeded.model_copy(update={"web_dist": tmp_path / "dist"})
    with caplog.at_level(logging.WARNING, logger="peergraph"):
        app = create_app(settings)
    warnings = [
        record.message
        for record in caplog.records
        if record.name.startswith("peergraph") and record.levelno >= logging.WARNING
    ]
    assert len(warnings) == 1
    assert "web app not built" in warnings[0]
    with TestClient(app) as client:
        for path in ["/", "/r/UmVzZWFyY2hlcjph"]:
            page = client.get(path, headers=BROWSER)
            assert page.status_code == 404
            assert "make web" in page.text
        playground = client.get("/graphql", headers=BROWSER)
        assert "make web" in playground.text
        assert "cdn" not in playground.text.lower() and "unpkg" not in playground.text
        assert client.get(f"/{ASSET}").status_code == 404
        api = client.post("/graphql", json={"query": "{ __typename }"})
        assert api.json()["data"] == {"__typename": "Query"}

        # built while the server runs: served without a restart
        build_dist(tmp_path / "dist", [])
        assert client.get("/claims", headers=BROWSER).text == INDEX
        assert client.get(f"/{ASSET}").text == ASSET_TEXT
