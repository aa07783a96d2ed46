"""Bad input gets a typed error and touches nothing; the unexpected is masked."""

from __future__ import annotations

import socket
from typing import Any

import pytest
from starlette.testclient import TestClient

from core.global_ids import encode_id, encode_opaque
from server.settings import Settings
from tests.conftest import gql

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
    assert response.codes == ["BAD_USER_INPUT"]
    assert fragment in response.errors[0]["message"]


KARMAKAR = encode_id("Researcher", "sayar-karmakar")
WORKS_OF = """query ($id: ID!, $after: String, $order: WorkOrder) {
  researcher(id: $id) { works(first: 1, after: $after, orderBy: $order) {
    pageInfo { endCursor } edges { node { title } } } } }"""
ROOT_WORKS = """query ($after: String, $order: WorkOrder) {
  works(first: 1, after: $after, orderBy: $order) { pageInfo { endCursor } edges { node { title } } } }"""
TITLE = {"field": "TITLE", "direction": "ASC"}


def end_cursor(client: TestClient, document: str, *path: str, **variables: Any) -> str:
    response = gql(client, document, **variables)
    assert response.errors == []
    found = response.data
    for step in path:
        found = found[step]
    return str(found["pageInfo"]["endCursor"])


def refused_before_the_database(client: TestClient, document: str, **variables: Any) -> None:
    response = gql(client, document, **variables)
    assert response.codes == ["BAD_USER_INPUT"], response.errors
    assert response.statements == 0


def test_a_cursor_pages_its_own_list(client: TestClient) -> None:
    cursor = end_cursor(client, WORKS_OF, "researcher", "works", id=RESEARCHER, order=TITLE)
    again = gql(client, WORKS_OF, id=RESEARCHER, after=cursor, order=TITLE)
    assert again.errors == []
    assert len(again.data["researcher"]["works"]["edges"]) == 1
    # a list under many parents hands out cursors for its parent's own list
    under_all = """{ researchers(first: 1, where: {minWorks: 4}) { edges { node { id
      works(first: 1) { pageInfo { endCursor } } } } } }"""
    (edge,) = gql(client, under_all).data["researchers"]["edges"]
    after = edge["node"]["works"]["pageInfo"]["endCursor"]
    assert gql(client, WORKS_OF, id=edge["node"]["id"], after=after).errors == []


def test_a_cursor_of_another_list_is_refused_before_the_database(client: TestClient) -> None:
    root = end_cursor(client, ROOT_WORKS, "works")
    root_by_title = end_cursor(client, ROOT_WORKS, "works", order=TITLE)
    nested = end_cursor(client, WORKS_OF, "researcher", "works", id=RESEARCHER)
    # another field
    refused_before_the_database(client, WORKS_OF, id=RESEARCHER, after=root_by_title)
    refused_before_the_database(
        client, "query ($after: String) { researchers(after: $after) { totalCount } }", after=root
    )
    # another parent
    refused_before_the_database(client, WORKS_OF, id=KARMAKAR, after=nested)
    # another order, and another way of paging
    refused_before_the_database(client, WORKS_OF, id=RESEARCHER, after=nested, order=TITLE)
    refused_before_the_database(client, ROOT_WORKS, after=root_by_title)
    refused_before_the_database(client, ROOT_WORKS, after=root, order=TITLE)
    # one cursor cannot page the lists of many parents
    refused_before_the_database(
        client,
        """query ($after: String) { researchers { edges { node {
          works(after: $after) { totalCount } } } } }""",
        after=nested,
    )


@pytest.mark.parametrize(
    "cursor",
    [
        encode_opaque("o|²"),
        encode_opaque("o|9223372036854775807"),
        encode_opaque("o|1"),  # a cursor without its list
        "garbage!",
        "////",
        encode_opaque("k|"),
    ],
)
def test_a_malformed_cursor_is_refused_before_the_database(client: TestClient, cursor: str) -> None:
    refused_before_the_database(client, WORKS_OF, id=RESEARCHER, after=cursor)
    refused_before_the_database(client, ROOT_WORKS, after=cursor)


def levels(count: int) -> str:
    """A query `count` fields deep: researcher > works > edges > node > authors > ..."""
    path = ["works(first: 1)", "edges", "node", "authors", "researcher"]
    fields = [f'researcher(id: "{RESEARCHER}")'] + [path[n % 5] for n in range(count - 2)]
    leaf = "id" if fields[-1] in ("node", "researcher") else "__typename"
    return "{ " + " { ".join([*fields, leaf]) + " }" * (count - 1) + " }"


def test_too_deep_a_query_is_refused_before_the_database(
    client: TestClient, seeded: Settings
) -> None:
    response = gql(client, levels(4 * seeded.max_depth))
    assert response.data is None
    assert "exceeds maximum operation depth" in response.errors[0]["message"]
    assert response.codes == ["GRAPHQL_VALIDATION_FAILED"]
    assert response.statements == 0


def test_the_depth_limit_is_the_documented_twelve(client: TestClient, seeded: Settings) -> None:
    assert seeded.max_depth == 12
    for _ in range(2):  # the second sending answers from the compiled plan
        deepest = gql(client, levels(12))
        assert deepest.errors == []
        assert deepest.data["researcher"]["works"]["edges"]
        refused = gql(client, levels(13))
        assert refused.codes == ["GRAPHQL_VALIDATION_FAILED"]
        assert "13 levels" in refused.errors[0]["message"]


def test_an_oversized_document_is_refused(client: TestClient, seeded: Settings) -> None:
    padding = " " * seeded.max_query_bytes
    response = client.post("/graphql", json={"query": "{ works { totalCount } }" + padding})
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


def test_an_oversized_chunked_body_is_refused_as_it_streams(served: int, seeded: Settings) -> None:
    with socket.create_connection(("127.0.0.1", served), timeout=10) as connection:
        connection.sendall(
            b"POST /graphql HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n"
        )
        chunk = b" " * 10_000
        sent = 0
        connection.settimeout(0.2)
        answer = b""
        while sent < 8_000_000 and not answer:
            connection.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            sent += len(chunk)
            try:
                answer = connection.recv(65536)
            except TimeoutError:
                continue
    assert answer.startswith(b"HTTP/1.1 413 "), answer[:200]
    assert b'"code":"BAD_USER_INPUT"' in answer.replace(b" ", b"")
    # refused once the limit was passed, not after the 8 MB the client had to send
    assert sent <= seeded.max_query_bytes + 100_000


def test_a_small_chunked_body_is_answered(client: TestClient) -> None:
    body = [b'{"query": "{ works ', b'{ totalCount } }"}']
    response = client.post(
        "/graphql", content=iter(body), headers={"content-type": "application/json"}
    )
    assert response.status_code == 200
    assert response.json()["data"]["works"]["totalCount"] > 0


def test_too_many_tokens_are_refused(client: TestClient, seeded: Settings) -> None:
    fields = " ".join("x" for _ in range(seeded.max_tokens))
    response = gql(client, f"{{ {fields} }}")
    assert response.data is None
    assert "token" in response.errors[0]["message"].lower()
    assert response.codes == ["GRAPHQL_VALIDATION_FAILED"]


def test_too_many_aliases_are_refused(client: TestClient, seeded: Settings) -> None:
    aliases = " ".join(f"a{n}: works {{ totalCount }}" for n in range(seeded.max_aliases + 1))
    response = gql(client, f"{{ {aliases} }}")
    assert response.data is None
    assert response.codes == ["GRAPHQL_VALIDATION_FAILED"]
    assert response.statements == 0
    # spread through fragments, aliases count once for every place they land
    fragments = "fragment A on Query { a: works { totalCount } b: works { totalCount } }"
    spread = " ".join(["...A"] * (seeded.max_aliases // 2 + 1))
    assert gql(client, f"{{ {spread} }} {fragments}").codes == ["GRAPHQL_VALIDATION_FAILED"]


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("{ works { totalCount }", "GRAPHQL_PARSE_FAILED"),
        ('{ works(first: "one") { totalCount } }', "GRAPHQL_VALIDATION_FAILED"),
        ("{ }", "GRAPHQL_VALIDATION_FAILED"),
        ("{ researchers { } }", "GRAPHQL_VALIDATION_FAILED"),
        ("{ ...Nope }", "GRAPHQL_VALIDATION_FAILED"),
        ("{ works " * 300 + "}" * 300, "GRAPHQL_VALIDATION_FAILED"),  # nested too deeply to parse
    ],
)
def test_document_errors_carry_their_code_and_no_exception_text(
    client: TestClient, query: str, code: str
) -> None:
    for _ in range(2):
        response = gql(client, query)
        assert response.codes == [code]
        message = response.errors[0]["message"]
        assert "max() arg" not in message and message != "'Nope'"


@pytest.mark.parametrize(
    "body",
    [
        b"\xff",
        b"null",
        b"1",
        b'"x"',
        b"[" * 980 + b"]" * 980,
        b'{"query": "query ($n: Int) { works(first: $n) { totalCount } }", "variables": {"n": '
        + b"9" * 4300
        + b"}}",
        b'{"query": "query ($n: Int) { works(first: $n) { totalCount } }", "variables": {"n": '
        + b"9" * 4301
        + b"}}",
        b'{"query": "query ($id: ID!) { researcher(id: $id) { name } }", "variables": {"id": "\\ud800"}}',
    ],
)
def test_malformed_bodies_are_a_4xx_with_a_code(client: TestClient, body: bytes) -> None:
    for _ in range(2):
        response = client.post(
            "/graphql", content=body, headers={"content-type": "application/json"}
        )
        assert 400 <= response.status_code < 500 or response.status_code == 200
        assert response.headers["content-type"].startswith("application/json")
        errors = response.json()["errors"]
        assert [error["extensions"]["code"] for error in errors] == ["BAD_USER_INPUT"]


def test_a_bad_get_query_string_is_a_400_with_a_code(client: TestClient) -> None:
    response = client.get("/graphql?query=%7B__typename%7D&variables=" + "%5B" * 980)
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


@pytest.mark.parametrize(
    ("stored", "detail", "traceback"),
    [
        # a type no client knows: the shaper raises
        ("broken_work", "Enum 'WorkType' cannot represent value: 'not-a-work-type'", True),
        # no type at all: a null in a non-null field (issue 19 row 4)
        ("bare_work", "Cannot return null for non-nullable field Work.type.", False),
    ],
)
def test_unexpected_errors_are_masked(
    client: TestClient,
    stored: str,
    detail: str,
    traceback: bool,
    request: pytest.FixtureRequest,
    caplog: pytest.LogCaptureFixture,
) -> None:
    work = request.getfixturevalue(stored)
    document = "query ($id: ID!) { work(id: $id) { title type } }"
    # The first request goes through Strawberry, the second through the known-document path.
    for _ in range(2):
        caplog.clear()
        response = client.post("/graphql", json={"query": document, "variables": {"id": work}})
        body = response.json()
        request_id = response.headers["x-request-id"]
        assert body["data"] == {"work": None}
        [error] = body["errors"]
        assert error["message"] == "Unexpected error."
        assert error["extensions"] == {"code": "INTERNAL_SERVER_ERROR", "requestId": request_id}
        assert error["path"] == ["work", "type"]
        assert "Traceback" not in response.text and "ValueError" not in response.text
        # The operator finds the traceback by the id the client was given.
        [logged] = [record for record in caplog.records if record.name == "peergraph.errors"]
        assert getattr(logged, "request_id", None) == request_id
        assert detail in logged.getMessage()
        assert (logged.exc_info is not None) == traceback
