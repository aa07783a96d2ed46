"""Full-text search, exact identifier hits and lookups by ROR, against the seed."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.testclient import TestClient

from core.errors import BadUserInput
from core.identifiers import normalize_ror, recognise
from tests.conftest import GraphQLResponse, gql

SEARCH = """query ($text: String!, $kinds: [SearchKind!]!, $first: Int) {
  search(query: $text, kinds: $kinds, first: $first) {
    score
    node { __typename id
      ... on Work { title doi } ... on Researcher { name } ... on Topic { name } ... on Institution { name ror } }
  }
}"""


def search(client: TestClient, text: str, **variables: Any) -> GraphQLResponse:
    variables = {"kinds": ["RESEARCHER", "WORK", "TOPIC", "INSTITUTION"], **variables}
    return gql(client, SEARCH, text=text, **variables)


def labels(response: GraphQLResponse) -> list[tuple[str, str]]:
    return [
        (hit["node"]["__typename"], hit["node"].get("name") or hit["node"]["title"])
        for hit in response.data["search"]
    ]


def test_hits_are_ranked_by_score_in_one_statement(client: TestClient) -> None:
    response = search(client, "ReLU")
    assert response.errors == []
    hits = response.data["search"]
    assert [title for _, title in labels(response)[:2]] == [
        "Provable Training of a ReLU Gate with an Iterative Non-Gradient Algorithm",
        "An Empirical Study of the Occurrence of Heavy-Tails in Training a ReLU Gate",
    ]
    assert {hit["node"]["__typename"] for hit in hits[:2]} == {"Work"}
    scores = [hit["score"] for hit in hits]
    assert scores == sorted(scores, reverse=True) and scores[0] > 0
    assert response.statements == 1


def test_kinds_default_to_all_and_filter(client: TestClient) -> None:
    everything = gql(client, '{ search(query: "Sayar OR Manchester") { node { __typename } } }')
    assert {hit["node"]["__typename"] for hit in everything.data["search"]} == {
        "Researcher",
        "Institution",
    }
    response = search(client, "Sayar OR training", kinds=["RESEARCHER"])
    assert labels(response) == [("Researcher", "Sayar Karmakar")]
    assert search(client, "Sayar", kinds=[]).data["search"] == []


def test_topics_and_institutions_are_found_by_name(client: TestClient) -> None:
    assert labels(search(client, "Manchester")) == [("Institution", "University of Manchester")]
    topics = search(client, "stochastic gradient", kinds=["TOPIC"])
    assert labels(topics)[0] == ("Topic", "Stochastic gradient methods")


def test_first_bounds_the_hits(client: TestClient) -> None:
    assert len(search(client, "training", first=2).data["search"]) == 2
    too_many = search(client, "training", first=101)
    assert too_many.codes == ["BAD_USER_INPUT"]
    assert "between 0 and 100" in too_many.errors[0]["message"]


def test_lucene_syntax_is_available(client: TestClient) -> None:
    response = search(client, 'title:"ReLU gate" AND abstract:poison*')
    assert [title for _, title in labels(response)] == [
        "Provable Training of a ReLU Gate with an Iterative Non-Gradient Algorithm"
    ]


def test_accents_are_folded(client: TestClient) -> None:
    assert [title for _, title in labels(search(client, "Poincare"))] == [
        "Convergent Stochastic Training of Attention and Understanding LoRA"
    ]


@pytest.mark.parametrize(
    ("query", "kind", "label"),
    [
        ("https://doi.org/10.1016/J.NEUNET.2022.03.040", "Work", "Provable Training of a ReLU"),
        ("arXiv:2204.12554v2", "Work", "An Empirical Study"),
        ("https://ror.org/027m9bs27", "Institution", "University of Manchester"),
        ("027m9bs27", "Institution", "University of Manchester"),
    ],
)
def test_an_identifier_query_finds_its_object_first(
    client: TestClient, query: str, kind: str, label: str
) -> None:
    response = search(client, query)
    assert response.errors == []
    first, *rest = response.data["search"]
    assert first["node"]["__typename"] == kind
    assert labels(response)[0][1].startswith(label)
    assert all(first["score"] >= hit["score"] for hit in rest)
    assert response.statements == 1


def test_an_identifier_query_respects_kinds(client: TestClient) -> None:
    assert search(client, "027m9bs27", kinds=["WORK"]).data["search"] == []


@pytest.mark.parametrize(
    ("query", "fragment"),
    [
        ("title:(unclosed", 'Encountered "<EOF>"'),
        ("AND OR", "Encountered"),
        ('"unclosed phrase', "Lexical error"),
        ("a~~", "Encountered"),
        ("/[a/", "expected ']'"),
    ],
)
def test_lucene_syntax_errors_are_bad_input(client: TestClient, query: str, fragment: str) -> None:
    response = search(client, query)
    assert response.codes == ["BAD_USER_INPUT"]
    message = response.errors[0]["message"]
    assert message.startswith("invalid search query: ") and fragment in message
    assert response.data is None


@pytest.mark.parametrize(
    "query",
    [
        "/[a-z]{1,60000}/",  # Lucene: "too complex to determinize"
        " OR ".join(f"t{index}" for index in range(2_100)),  # Lucene: "too many clauses"
        "*a*",  # a leading wildcard scans every term of the index
    ],
)
def test_costly_search_queries_are_refused_before_the_database(
    client: TestClient, query: str
) -> None:
    response = search(client, query)
    assert response.codes == ["BAD_USER_INPUT"]
    assert response.statements == 0


@pytest.mark.parametrize("query", ["", "   "])
def test_a_blank_query_is_bad_input(client: TestClient, query: str) -> None:
    response = search(client, query)
    assert response.codes == ["BAD_USER_INPUT"]
    assert "blank" in response.errors[0]["message"]
    assert response.statements == 0


def test_institution_by_ror_in_any_spelling(client: TestClient) -> None:
    query = """{ a: institution(ror: "https://ror.org/027m9bs27") { name ror }
      b: institution(ror: "02Y3AD647") { name }
      c: institution(ror: "04xyz1a49") { name } }"""
    response = gql(client, query)
    assert response.errors == []
    assert response.data["a"] == {"name": "University of Manchester", "ror": "027m9bs27"}
    assert response.data["b"] == {"name": "University of Florida"}
    assert response.data["c"] is None


@pytest.mark.parametrize(
    ("query", "fragment"),
    [
        ('{ institution(ror: "not-a-ror") { name } }', "not a ROR id"),
        ('{ institution(ror: "027m9bs28") { name } }', "not a ROR id"),
        ('{ institution(id: "SW5zdGl0dXRpb246eA", ror: "027m9bs27") { name } }', "exactly one"),
    ],
)
def test_institution_lookup_refuses_bad_input(
    client: TestClient, query: str, fragment: str
) -> None:
    response = gql(client, query)
    assert response.codes == ["BAD_USER_INPUT"]
    assert fragment in response.errors[0]["message"]


def test_identifiers_are_recognised_in_their_usual_spellings() -> None:
    assert recognise("https://doi.org/10.1016/J.NEUNET.2022.03.040").doi == (
        "10.1016/j.neunet.2022.03.040"
    )
    assert recognise("https://orcid.org/0000-0002-1825-0097").orcid == "0000-0002-1825-0097"
    assert recognise("ror.org/027M9BS27").ror == "027m9bs27"
    assert recognise("https://openalex.org/w2741809807").openalex_id == "W2741809807"
    assert recognise("openalex.org/subfields/1702").openalex_id == "subfields/1702"
    assert not recognise("ReLU gate").recognised
    with pytest.raises(BadUserInput):
        normalize_ror("https://ror.org/")
