"""Documents sent by id: GraphQL over HTTP's documentId and Apollo's persistedQuery
extension, in the default mode and with PEERGRAPH_DOCUMENTS=persisted-only."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from graphql import DocumentNode, GraphQLSchema, validate
from starlette.testclient import TestClient

from resolvers import documents
from server.app import create_app
from server.persisted import ManifestError, document_hash, read_manifest
from server.settings import Settings
from tests.conftest import gql
from tests.web_dist import build_dist

RESEARCHERS = """query Researchers($first: Int) {
  researchers(first: $first) { edges { node { name } } }
}"""
LOGIN = """mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) { token }
}"""
NOT_KEPT = "query NotKept { researchers(first: 1) { totalCount } }"
NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND"


def by_document_id(text: str, **variables: Any) -> dict[str, Any]:
    return {"documentId": f"sha256:{document_hash(text)}", "variables": variables}


def by_apollo_hash(text: str, **variables: Any) -> dict[str, Any]:
    persisted = {"version": 1, "sha256Hash": document_hash(text)}
    return {"extensions": {"persistedQuery": persisted}, "variables": variables}


FORMS = [by_document_id, by_apollo_hash]


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_dist(tmp_path_factory.mktemp("dist"), [RESEARCHERS, LOGIN])


@pytest.fixture(scope="module")
def open_client(seeded: Settings, dist: Path) -> Iterator[TestClient]:
    with TestClient(create_app(seeded.model_copy(update={"web_dist": dist}))) as client:
        yield client


@pytest.fixture(scope="module")
def strict_client(seeded: Settings, dist: Path) -> Iterator[TestClient]:
    settings = seeded.model_copy(update={"web_dist": dist, "documents": "persisted-only"})
    with TestClient(create_app(settings)) as client:
        yield client


@pytest.fixture(params=["any", "persisted-only"])
def either_client(
    request: pytest.FixtureRequest, open_client: TestClient, strict_client: TestClient
) -> TestClient:
    return open_client if request.param == "any" else strict_client


def codes(response: Any) -> list[str]:
    return [error["extensions"]["code"] for error in response.json()["errors"]]


@pytest.mark.parametrize("form", FORMS)
def test_a_document_by_id_answers_as_its_text(
    either_client: TestClient, open_client: TestClient, form: Any
) -> None:
    expected = gql(open_client, RESEARCHERS, first=3)
    response = either_client.post("/graphql", json=form(RESEARCHERS, first=3))
    assert response.status_code == 200
    assert response.json()["data"] == expected.data
    assert len(expected.data["researchers"]["edges"]) == 3


def test_a_document_by_id_answers_by_get_and_a_persisted_mutation_needs_post(
    either_client: TestClient, open_client: TestClient
) -> None:
    expected = gql(open_client, RESEARCHERS, first=2)
    params = {"documentId": f"sha256:{document_hash(RESEARCHERS)}", "variables": '{"first": 2}'}
    response = either_client.get("/graphql", params=params)
    assert response.status_code == 200
    assert response.json()["data"] == expected.data
    mutation = {"documentId": f"sha256:{document_hash(LOGIN)}"}
    refused = either_client.get("/graphql", params=mutation)
    assert refused.status_code == 405
    assert refused.headers["allow"] == "POST"


@pytest.mark.parametrize("form", FORMS)
def test_a_persisted_document_is_parsed_and_validated_once(
    open_client: TestClient, form: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked: list[str] = []

    def watched(schema: GraphQLSchema, document: DocumentNode, *rules: Any) -> Any:
        checked.append("validated")
        return validate(schema, document, *rules)

    monkeypatch.setattr(documents, "validate", watched)
    first = open_client.post("/graphql", json=form(RESEARCHERS, first=2))
    seen = len(checked)
    second = open_client.post("/graphql", json=form(RESEARCHERS, first=2))
    assert second.json() == first.json()
    assert len(checked) == seen <= 1


@pytest.mark.parametrize("form", FORMS)
def test_a_persisted_mutation_runs(strict_client: TestClient, people: Settings, form: Any) -> None:
    response = strict_client.post(
        "/graphql", json=form(LOGIN, email="nobody@example.org", password="wrong password")
    )
    assert response.json()["data"] is None
    assert codes(response) == ["UNAUTHENTICATED"]


@pytest.mark.parametrize("form", FORMS)
def test_an_unknown_id_is_not_found_in_both_modes(either_client: TestClient, form: Any) -> None:
    response = either_client.post("/graphql", json=form(NOT_KEPT))
    assert response.status_code == 400
    assert codes(response) == [NOT_FOUND]


@pytest.mark.parametrize(
    "body",
    [
        {"documentId": "md5:0cc175b9c0f1b6a831c399e269772661"},
        {"documentId": 12},
        {"extensions": {"persistedQuery": {"version": 1}}},
        {"extensions": {"persistedQuery": "sha256"}},
    ],
)
def test_a_malformed_id_is_not_found(either_client: TestClient, body: dict[str, Any]) -> None:
    response = either_client.post("/graphql", json=body)
    assert response.status_code == 400
    assert codes(response) == [NOT_FOUND]


def test_text_with_a_hash_must_match_it(either_client: TestClient) -> None:
    body = {**by_apollo_hash(RESEARCHERS, first=1), "query": NOT_KEPT}
    response = either_client.post("/graphql", json=body)
    assert response.status_code == 400
    assert codes(response) == ["BAD_USER_INPUT"]
    matching = {**by_apollo_hash(RESEARCHERS, first=1), "query": RESEARCHERS}
    assert (
        len(either_client.post("/graphql", json=matching).json()["data"]["researchers"]["edges"])
        == 1
    )


def test_any_mode_runs_other_documents_and_apollos_retry(open_client: TestClient) -> None:
    plain = open_client.post("/graphql", json={"query": NOT_KEPT})
    assert plain.json()["data"]["researchers"]["totalCount"] > 0
    retry = open_client.post("/graphql", json={**by_apollo_hash(NOT_KEPT), "query": NOT_KEPT})
    assert retry.json()["data"] == plain.json()["data"]


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/json", json.dumps({"query": NOT_KEPT})),
        ("application/json", json.dumps({"query": "{{{ this is not GraphQL"})),
        ("application/json", json.dumps({**by_apollo_hash(NOT_KEPT), "query": NOT_KEPT})),
        ("application/json", "not json at all"),
        ("application/json", "[]"),
        ("application/graphql", NOT_KEPT),
        ("text/plain", json.dumps(by_document_id(RESEARCHERS))),
    ],
)
def test_persisted_only_refuses_everything_else_before_parsing(
    strict_client: TestClient, content_type: str, body: str
) -> None:
    response = strict_client.post("/graphql", content=body, headers={"Content-Type": content_type})
    assert response.status_code == 400
    assert codes(response) == [NOT_FOUND]


def test_persisted_only_refuses_a_query_in_the_url(strict_client: TestClient) -> None:
    response = strict_client.get("/graphql", params={"query": "{ __typename }"})
    assert response.status_code == 400
    assert codes(response) == [NOT_FOUND]


def test_the_manifest_setting_names_another_file(seeded: Settings, tmp_path: Path) -> None:
    manifest = tmp_path / "documents.json"
    manifest.write_text(json.dumps({document_hash(NOT_KEPT): NOT_KEPT}))
    settings = seeded.model_copy(
        update={
            "web_dist": tmp_path / "no-build",
            "documents_manifest": manifest,
            "documents": "persisted-only",
        }
    )
    with TestClient(create_app(settings)) as client:
        response = client.post("/graphql", json=by_document_id(NOT_KEPT))
        assert response.json()["data"]["researchers"]["totalCount"] > 0


@pytest.mark.parametrize(("mode", "warned"), [("any", 0), ("persisted-only", 1)])
def test_without_a_manifest_ids_are_not_found_until_a_build(
    seeded: Settings, tmp_path: Path, caplog: pytest.LogCaptureFixture, mode: str, warned: int
) -> None:
    settings = seeded.model_copy(update={"web_dist": tmp_path / "dist", "documents": mode})
    with caplog.at_level(logging.INFO, logger="peergraph"):
        app = create_app(settings)
    missing = [r for r in caplog.records if "no persisted documents" in r.message]
    assert len(missing) == 1
    assert len([r for r in missing if r.levelno >= logging.WARNING]) == warned
    with TestClient(app) as client:
        response = client.post("/graphql", json=by_document_id(RESEARCHERS))
        assert codes(response) == [NOT_FOUND]

        build_dist(tmp_path / "dist", [RESEARCHERS])
        response = client.post("/graphql", json=by_document_id(RESEARCHERS, first=1))
        assert len(response.json()["data"]["researchers"]["edges"]) == 1


def test_a_manifest_is_read_only_when_every_hash_is_its_texts(tmp_path: Path) -> None:
    manifest = tmp_path / "persisted-documents.json"
    manifest.write_text(json.dumps({document_hash(RESEARCHERS): RESEARCHERS}))
    assert read_manifest(manifest) == {document_hash(RESEARCHERS): RESEARCHERS}
    for broken in [
        json.dumps({document_hash(RESEARCHERS): LOGIN}),
        json.dumps({document_hash(RESEARCHERS): 3}),
        json.dumps([RESEARCHERS]),
        "{",
    ]:
        manifest.write_text(broken)
        with pytest.raises(ManifestError):
            read_manifest(manifest)
