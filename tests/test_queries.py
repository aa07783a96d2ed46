"""Root lookups, node ids and paging through real data."""

from __future__ import annotations

from starlette.testclient import TestClient

from core.global_ids import encode_id
from tests.conftest import gql


def test_work_by_doi_and_arxiv_id_in_any_spelling(client: TestClient) -> None:
    query = """
    { a: work(doi: "https://doi.org/10.1016/J.NEUNET.2022.03.040") { arxivId }
      b: work(arxivId: "arXiv:2204.12554v2") { title }
      c: work(arxivId: "2999.99999") { title }
      d: researcher(orcid: "0000-0002-1825-0097") { name } }"""
    response = gql(client, query)
    assert response.errors == []
    assert response.data["a"] == {"arxivId": "2005.04211"}
    assert response.data["b"]["title"].startswith("An Empirical Study")
    assert response.data["c"] is None and response.data["d"] is None


def test_node_and_nodes_resolve_every_kind_in_order(client: TestClient) -> None:
    ids = [
        encode_id("Topic", "topic:heavy-tails"),
        encode_id("Researcher", "sayar-karmakar"),
        encode_id("Work", "arxiv:2605.07959"),
        encode_id("Institution", "ror:027m9bs27"),
        encode_id("Work", "missing"),
    ]
    query = """query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id
        ... on Topic { name } ... on Researcher { name } ... on Work { title } ... on Institution { name } } }"""
    response = gql(client, query, ids=ids)
    assert response.errors == []
    nodes = response.data["nodes"]
    assert [node and node["__typename"] for node in nodes] == [
        "Topic",
        "Researcher",
        "Work",
        "Institution",
        None,
    ]
    assert [node["id"] for node in nodes[:4]] == ids[:4]
    assert response.statements == 1


def test_root_lists_page_by_cursor_without_gaps_or_repeats(client: TestClient) -> None:
    names: list[str] = []
    after = None
    while True:
        page = gql(
            client,
            "query ($after: String) { researchers(first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { name } } } }",
            after=after,
        ).data["researchers"]
        names += [edge["node"]["name"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(names) == len(set(names)) == page["totalCount"] == 7


def test_nested_lists_page_by_cursor(client: TestClient) -> None:
    query = """query ($id: ID!, $after: String) { researcher(id: $id) { works(first: 3, after: $after) {
        pageInfo { hasNextPage hasPreviousPage endCursor } edges { node { arxivId } } } } }"""
    rid = encode_id("Researcher", "anirbit-mukherjee")
    first = gql(client, query, id=rid).data["researcher"]["works"]
    second = gql(client, query, id=rid, after=first["pageInfo"]["endCursor"]).data["researcher"][
        "works"
    ]
    assert first["pageInfo"]["hasNextPage"] and not second["pageInfo"]["hasNextPage"]
    assert second["pageInfo"]["hasPreviousPage"]
    ids = [e["node"]["arxivId"] for e in first["edges"] + second["edges"]]
    assert ids == ["2605.07959", "2204.12554", "2005.04211", "2005.01699"]


def test_topics_and_institutions_reach_back_into_the_graph(client: TestClient) -> None:
    query = """query ($topic: ID!, $institution: ID!) {
      topic(id: $topic) { name level parent { name level parent { name } }
        works { totalCount } researchers { totalCount edges { node { name } } } }
      institution(id: $institution) { name ror country
        researchers { edges { node { name } } } works { edges { node { arxivId } } } }
    }"""
    response = gql(
        client,
        query,
        topic=encode_id("Topic", "topic:heavy-tails"),
        institution=encode_id("Institution", "ror:02y3ad647"),
    )
    assert response.errors == []
    topic, institution = response.data["topic"], response.data["institution"]
    assert topic["level"] == "TOPIC" and topic["parent"]["level"] == "SUBFIELD"
    assert topic["parent"]["parent"]["name"] == "Computer Science"
    assert topic["works"]["totalCount"] == 1
    assert topic["researchers"]["totalCount"] == 2
    assert (institution["name"], institution["country"]) == ("University of Florida", "US")
    assert [e["node"]["name"] for e in institution["researchers"]["edges"]] == ["Sayar Karmakar"]
    assert [e["node"]["arxivId"] for e in institution["works"]["edges"]] == ["2204.12554"]


def test_list_sizes_and_counts_of_the_seed(client: TestClient) -> None:
    query = "{ researchers { totalCount } works { totalCount } topics { totalCount } institutions { totalCount } }"
    data = gql(client, query).data
    assert {name: value["totalCount"] for name, value in data.items()} == {
        "researchers": 7,
        "works": 4,
        "topics": 8,
        "institutions": 2,
    }
