"""The API over the imported OpenAlex fixture: lookups by OpenAlex id in every spelling,
search by OpenAlex id, the citation lists on OpenAlex's references and researchers'
citation figures.

The module imports the fixture into the session's database and puts the seed back when
it is done, as tests/test_openalex.py does.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from core.global_ids import encode_id
from server.app import create_app
from server.settings import Settings
from tests.conftest import GraphQLResponse, gql, run_on_db, seed_database
from tests.test_citations import citations_of, dump, h_index
from tests.test_openalex import DATA, load


@pytest.fixture(scope="module")
def openalex(settings: Settings) -> Iterator[TestClient]:
    run_on_db(settings, "test/wipe")
    load(settings, DATA)
    with TestClient(create_app(settings)) as client:
        yield client
    run_on_db(settings, "test/wipe")
    seed_database(settings)


LOOKUPS = {
    "work": "query ($v: String!) { work(openalexId: $v) { id title } }",
    "researcher": "query ($v: String!) { researcher(openalexId: $v) { id name } }",
    "institution": "query ($v: String!) { institution(openalexId: $v) { id name } }",
    "topic": "query ($v: String!) { topic(openalexId: $v) { id name } }",
}


def lookup(client: TestClient, field: str, value: str) -> GraphQLResponse:
    return gql(client, LOOKUPS[field], v=value)


@pytest.mark.parametrize(
    ("field", "value", "key", "label"),
    [
        ("work", "W90004", "W90004", "Provable Training of a ReLU Gate"),
        ("work", "https://openalex.org/W90004", "W90004", "Provable Training of a ReLU Gate"),
        ("work", "w90004", "W90004", "Provable Training of a ReLU Gate"),
        ("work", "HTTPS://OPENALEX.ORG/w90004", "W90004", "Provable Training of a ReLU Gate"),
        ("work", "https://api.openalex.org/works/W90004", "W90004", "Provable Training"),
        ("work", " openalex.org/W90004 ", "W90004", "Provable Training of a ReLU Gate"),
        ("researcher", "A90001", "A90001", "Anirbit Mukherjee"),
        ("researcher", "https://openalex.org/a90002", "A90002", "Sayar Karmakar"),
        ("institution", "I90001", "I90001", "University of Manchester"),
        ("institution", "https://openalex.org/I90002", "I90002", "University of Florida"),
        ("topic", "T90001", "T90001", "Theory of neural network training"),
        ("topic", "https://openalex.org/subfields/1702", "subfields/1702", "Artificial Intell"),
        ("topic", "fields/17", "fields/17", "Computer Science"),
        ("topic", "https://openalex.org/domains/3", "domains/3", "Physical Sciences"),
    ],
)
def test_every_kind_is_found_by_its_openalex_id_in_any_spelling(
    openalex: TestClient, field: str, value: str, key: str, label: str
) -> None:
    response = lookup(openalex, field, value)
    assert response.errors == []
    found = response.data[field]
    assert found["id"] == encode_id(field.capitalize(), key)
    assert (found.get("title") or found.get("name")).startswith(label)
    assert response.statements == 1


@pytest.mark.parametrize(
    ("field", "value"),
    [("work", "W1"), ("researcher", "A99999"), ("institution", "I1"), ("topic", "subfields/1")],
)
def test_an_unknown_openalex_id_is_null(openalex: TestClient, field: str, value: str) -> None:
    response = lookup(openalex, field, value)
    assert response.errors == []
    assert response.data == {field: None}
    assert response.statements == 1


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        (
            "researcher",
            "W90004",
            "'W90004' is an OpenAlex work id, not an OpenAlex author id:"
            " look it up with work(openalexId:)",
        ),
        (
            "work",
            "https://openalex.org/I90001",
            "is an OpenAlex institution id, not an OpenAlex work id:"
            " look it up with institution(openalexId:)",
        ),
        ("topic", "A90001", "look it up with researcher(openalexId:)"),
        ("institution", "fields/17", "is an OpenAlex topic id, not an OpenAlex institution id"),
        ("work", "90004", "'90004' is not an OpenAlex work id (expected e.g. W2741809807"),
        ("work", "W90004x", "is not an OpenAlex work id"),
        ("researcher", "https://openalex.org/works/A90001", "is not an OpenAlex author id"),
        ("topic", "https://example.org/T90001", "is not an OpenAlex topic id"),
        ("institution", "", "is not an OpenAlex institution id"),
    ],
)
def test_a_wrong_kind_or_malformed_openalex_id_is_bad_input(
    openalex: TestClient, field: str, value: str, message: str
) -> None:
    response = lookup(openalex, field, value)
    assert response.codes == ["BAD_USER_INPUT"]
    assert message in response.errors[0]["message"]
    assert response.data is None
    assert response.statements == 0


def test_an_openalex_id_with_another_identifier_is_bad_input(openalex: TestClient) -> None:
    response = gql(openalex, '{ work(openalexId: "W90004", doi: "10.1016/x") { title } }')
    assert response.codes == ["BAD_USER_INPUT"]
    assert "give exactly one of: id, doi, arxivId, openalexId" in response.errors[0]["message"]
    assert response.statements == 0


@pytest.mark.parametrize(
    ("document", "lookup_hint"),
    [
        ('{ work(id: "W90004") { title } }', 'work(openalexId: "W90004")'),
        ('{ node(id: "https://openalex.org/A90001") { id } }', 'researcher(openalexId: "A90001")'),
        ('{ works(where: {topic: "t90001"}) { totalCount } }', 'topic(openalexId: "T90001")'),
    ],
)
def test_an_openalex_id_where_a_global_id_goes_points_to_openalex_id(
    openalex: TestClient, document: str, lookup_hint: str
) -> None:
    response = gql(openalex, document)
    assert response.codes == ["BAD_USER_INPUT"]
    message = response.errors[0]["message"]
    assert message.startswith("malformed id ") and message.endswith(
        f"is an OpenAlex id; look it up with {lookup_hint}"
    )
    assert response.statements == 0


SEARCH = """query ($text: String!, $kinds: [SearchKind!]) {
  search(query: $text, kinds: $kinds) {
    score node { __typename id ... on Work { title } ... on Researcher { name }
                 ... on Topic { name } ... on Institution { name } } }
}"""


def hits(response: GraphQLResponse) -> list[dict[str, Any]]:
    assert response.errors == []
    assert response.statements == 1
    return list(response.data["search"])


@pytest.mark.parametrize(
    ("text", "kind", "key"),
    [
        ("https://openalex.org/W90003", "Work", "W90003"),
        ("w90003", "Work", "W90003"),
        ("A90002", "Researcher", "A90002"),
        ("https://openalex.org/I90002", "Institution", "I90002"),
        ("T90002", "Topic", "T90002"),
        ("https://openalex.org/subfields/1702", "Topic", "subfields/1702"),
    ],
)
def test_an_openalex_id_in_search_puts_its_object_first(
    openalex: TestClient, text: str, kind: str, key: str
) -> None:
    first, *rest = hits(gql(openalex, SEARCH, text=text))
    assert first["node"]["__typename"] == kind
    assert first["node"]["id"] == encode_id(kind, key)
    assert all(first["score"] >= hit["score"] for hit in rest)


def test_an_openalex_id_in_search_respects_kinds(openalex: TestClient) -> None:
    found = hits(gql(openalex, SEARCH, text="W90003", kinds=["RESEARCHER", "TOPIC"]))
    assert all(hit["node"]["__typename"] in ("Researcher", "Topic") for hit in found)


CITATIONS = """query ($id: String!) {
  work(openalexId: $id) {
    citedByCount
    references { totalCount edges { node { id title } } }
    citedBy { totalCount edges { node { id title } } }
  }
}"""


def citations(client: TestClient, key: str) -> dict[str, Any]:
    response = gql(client, CITATIONS, id=key)
    assert response.errors == []
    assert response.statements == 1
    return dict(response.data["work"])


def keys(connection: dict[str, Any]) -> list[str]:
    return [edge["node"]["id"] for edge in connection["edges"]]


def test_references_are_the_imported_references_in_the_graph(openalex: TestClient) -> None:
    # W90001 also cites W99999, which is in no file: not in the graph, so not listed
    w90001 = citations(openalex, "W90001")
    assert keys(w90001["references"]) == [encode_id("Work", "W90003")]
    assert w90001["references"]["totalCount"] == 1
    # the newer W90002 record lists W90003 and W90004; newest first by year, then date
    w90002 = citations(openalex, "W90002")
    assert keys(w90002["references"]) == [
        encode_id("Work", "W90004"),
        encode_id("Work", "W90003"),
    ]
    # listed twice in its record, one reference
    assert keys(citations(openalex, "W90008")["references"]) == [encode_id("Work", "W90004")]


def test_cited_by_is_the_citing_works_in_the_graph(openalex: TestClient) -> None:
    w90003 = citations(openalex, "W90003")
    assert sorted(keys(w90003["citedBy"])) == sorted(
        [encode_id("Work", "W90001"), encode_id("Work", "W90002")]
    )
    w90004 = citations(openalex, "W90004")
    assert w90004["citedBy"]["totalCount"] == 2
    # OpenAlex counts citations from works this graph does not hold
    assert w90004["citedByCount"] == 12
    assert citations(openalex, "W90001")["citedBy"] == {"totalCount": 0, "edges": []}


def test_researchers_figures_follow_the_rule_on_real_records(
    openalex: TestClient, settings: Settings
) -> None:
    graph = dump(settings)
    query = """query ($id: String!) { researcher(openalexId: $id) {
      stats { works citations hIndex } } }"""
    for key in sorted(graph.authored):
        counts = [citations_of(graph, work) for work in graph.authored[key]]
        response = gql(openalex, query, id=key)
        assert response.errors == []
        assert response.data["researcher"]["stats"] == {
            "works": len(counts),
            "citations": sum(counts),
            "hIndex": h_index(counts),
        }, key
    # W90004: citedByCount 12, two citing works in the graph
    assert citations_of(graph, "W90004") == 12
