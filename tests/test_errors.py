"""Bad input gets a typed error and touches nothing; the unexpected is masked."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from schema.ids import encode_id
from server.settings import Settings
from tests.conftest import gql, run_on_db

RESEARCHER = encode_id("Researcher", "anirbit-mukherjee")


def test_unknown_id_is_null(client: TestClient) -> None:
    response = gql(
        client,
        "query ($id: ID!) { researcher(id: $id) { name } node(id: $id) { id } }",
        id=encode_id("Researcher", "nobody"),
    )
    assert response.errors == []
    assert response.data == {"researcher": None, "node": None}


@pytest.mark.parametrize(
    ("query", "fragment"),
    [
        ('{ researcher(id: "%%%") { name } }', "malformed id"),
        ('{ node(id: "bm90IGFuIGlk") { id } }', "malformed id"),
        (
            '{ researcher(id: "V29yazphcnhpdjoyMjA0LjEyNTU0") { name } }',  # a Work id
            "not a Researcher id",
        ),
        ("{ researcher { name } }", "exactly one"),
        ('{ researcher(orcid: "12") { name } }', "not an ORCID"),
        ('{ work(doi: "nonsense") { title } }', "not a DOI"),
        ("{ works(first: 101) { edges { cursor } } }", "between 0 and 100"),
        ("{ works(first: -1) { edges { cursor } } }", "between 0 and 100"),
        ('{ works(after: "garbage!") { edges { cursor } } }', "malformed cursor"),
        (
            "{ researchers(first: 1) { edges { node { collaborators(first: 500) { close } } } } }",
            "between 0 and 100",
        ),
    ],
)
def test_bad_input_is_a_clear_bad_input_error(
    client: TestClient, query: str, fragment: str
) -> None:
    response = gql(client, query)
    assert response.codes == ["BAD_INPUT"]
    assert fragment in response.errors[0]["message"]


def test_a_cursor_of_another_list_is_refused(client: TestClient) -> None:
    works = gql(client, "{ works(first: 1) { pageInfo { endCursor } } }")
    cursor = works.data["works"]["pageInfo"]["endCursor"]
    nested = gql(
        client,
        "query ($id: ID!, $after: String) { researcher(id: $id) { works(after: $after) { edges { cursor } } } }",
        id=RESEARCHER,
        after=cursor,
    )
    assert nested.codes == ["BAD_INPUT"]


def test_too_deep_a_query_is_refused_before_the_database(
    client: TestClient, seeded: Settings
) -> None:
    nested = "researcher { name }"
    for _ in range(seeded.max_depth):
        nested = f"works {{ edges {{ node {{ authors {{ {nested} }} }} }} }}"
    response = gql(client, f'{{ researcher(id: "{RESEARCHER}") {{ {nested} }} }}')
    assert response.data is None
    assert "exceeds maximum operation depth" in response.errors[0]["message"]
    assert response.statements == 0


def test_an_oversized_document_is_refused(client: TestClient, seeded: Settings) -> None:
    padding = " " * seeded.max_query_bytes
    response = client.post("/graphql", json={"query": "{ works { totalCount } }" + padding})
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_INPUT"


def test_too_many_tokens_are_refused(client: TestClient, seeded: Settings) -> None:
    fields = " ".join("x" for _ in range(seeded.max_tokens))
    response = gql(client, f"{{ {fields} }}")
    assert response.data is None
    assert "token" in response.errors[0]["message"].lower()


def test_too_many_aliases_are_refused(client: TestClient, seeded: Settings) -> None:
    aliases = " ".join(f"a{n}: works {{ totalCount }}" for n in range(seeded.max_aliases + 1))
    response = gql(client, f"{{ {aliases} }}")
    assert response.data is None
    assert response.statements == 0


@pytest.fixture
def broken_work(seeded: Settings) -> Iterator[str]:
    run_on_db(seeded, "test/broken_work")
    yield encode_id("Work", "test:broken")
    run_on_db(seeded, "test/delete_broken_work")


def test_unexpected_errors_are_masked(client: TestClient, broken_work: str) -> None:
    response = gql(client, "query ($id: ID!) { work(id: $id) { title type } }", id=broken_work)
    assert response.data == {"work": None}
    assert [error["message"] for error in response.errors] == ["Unexpected error."]
    assert "Traceback" not in str(response.body) and "ValueError" not in str(response.body)
