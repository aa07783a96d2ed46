"""The explorer and analyst queries on a generated graph whose hub is above every cap."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from core.global_ids import encode_id
from server.app import create_app
from server.settings import Settings
from tests.conftest import gql

CAPS = {"fanout_center": 100, "fanout_per_neighbor": 20, "fanout_works": 50}


@pytest.fixture(scope="module")
def scale(generated: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(generated.model_copy(update=CAPS))) as client:
        yield client


@pytest.fixture(scope="module")
def hub(scale: TestClient) -> dict[str, Any]:
    query = """{ researchers(first: 1, orderBy: {field: WORKS_COUNT, direction: DESC}) {
      edges { node { id name stats { works } } } } }"""
    node = gql(scale, query).data["researchers"]["edges"][0]["node"]
    assert node["stats"]["works"] > max(CAPS.values())
    return dict(node)


def test_hub_slice_is_capped_complete_and_one_statement(
    scale: TestClient, hub: dict[str, Any]
) -> None:
    query = """query ($id: ID!) { graph(center: $id, depth: 2, limitPerKind: 10) {
      center truncated nodes { id kind hop strength } edges { source target } } }"""
    response = gql(scale, query, id=hub["id"])
    assert response.errors == [] and response.statements == 1
    graph = response.data["graph"]
    assert graph["truncated"] is True
    per_hop_kind = Counter((node["hop"], node["kind"]) for node in graph["nodes"])
    assert max(per_hop_kind.values()) <= 10
    assert per_hop_kind[(1, "WORK")] == 10
    assert per_hop_kind[(2, "RESEARCHER")] == 10
    ids = {node["id"] for node in graph["nodes"]}
    assert all(edge["source"] in ids and edge["target"] in ids for edge in graph["edges"])
    strengths = [
        n["strength"] for n in graph["nodes"] if n["hop"] == 2 and n["kind"] == "RESEARCHER"
    ]
    assert strengths == sorted(strengths, reverse=True)


def test_hub_neighbors_are_ranked_among_the_capped_scan(
    scale: TestClient, hub: dict[str, Any]
) -> None:
    query = """query ($id: ID!) { neighbors(id: $id, kinds: [WORK], first: 100) {
      totalCount truncated nodes { kind } pageInfo { hasNextPage } } }"""
    neighbors = gql(scale, query, id=hub["id"]).data["neighbors"]
    assert neighbors["truncated"] is True
    assert neighbors["totalCount"] <= CAPS["fanout_center"]
    assert {node["kind"] for node in neighbors["nodes"][1:]} == {"WORK"}


# Institutions are drawn by a power law of their rank: the first is the busiest node of all.
BUSIEST_INSTITUTION = encode_id("Institution", "gen:i:0")


def test_a_hub_dense_in_every_relationship_type_shows_each_kind(scale: TestClient) -> None:
    """Hundreds of profile affiliations and thousands of paper affiliations: a scan of the
    first relationships in storage order would see only one type, and one kind of node."""
    query = """query ($id: ID!) {
      institution(id: $id) { researchers(first: 1) { totalCount } }
      graph(center: $id, depth: 1, limitPerKind: 10) { truncated nodes { kind hop } }
      people: neighbors(id: $id, kinds: [RESEARCHER], first: 10) { truncated nodes { kind } }
      works: neighbors(id: $id, kinds: [WORK], first: 10) { truncated nodes { kind } }
    }"""
    response = gql(scale, query, id=BUSIEST_INSTITUTION)
    assert response.errors == []
    data = response.data
    assert data["institution"]["researchers"]["totalCount"] > CAPS["fanout_center"]
    hop_one = Counter(node["kind"] for node in data["graph"]["nodes"] if node["hop"] == 1)
    assert hop_one == {"RESEARCHER": 10, "WORK": 10}
    assert data["graph"]["truncated"] is True
    for name, kind in [("people", "RESEARCHER"), ("works", "WORK")]:
        kinds = [node["kind"] for node in data[name]["nodes"][1:]]
        assert kinds == [kind] * 10 and data[name]["truncated"] is True


INSTITUTION_PAGE = """query ($id: ID!) { institution(id: $id) {
  name researchers(first: 20) { totalCount edges { node { id name } } }
  topTopics(first: 10) { works researchers share topic { id name } }
  works(first: 20) { totalCount edges { node { id title authors(first: 30) { name researcher { id } } } } }
  worksByYear { year works }
  graph(depth: 2, limitPerKind: 10) { truncated nodes { id kind } edges { id source target } } } }"""


def test_the_busiest_institution_page_answers_at_the_default_caps(
    generated_client: TestClient,
) -> None:
    """The explorer's institution page in one statement, with the slice's scan at its full
    1,000: within the managed Neo4j's default transaction memory."""
    response = gql(generated_client, INSTITUTION_PAGE, id=BUSIEST_INSTITUTION)
    assert response.errors == [] and response.statements == 1
    institution = response.data["institution"]
    assert len(institution["works"]["edges"]) == 20
    assert {node["kind"] for node in institution["graph"]["nodes"]} == {
        "INSTITUTION",
        "RESEARCHER",
        "WORK",
        "TOPIC",
    }


def test_hub_collaborators_are_bounded_and_ranked(scale: TestClient, hub: dict[str, Any]) -> None:
    query = """query ($id: ID!) { researcher(id: $id) {
      stats { closeCollaborators }
      collaborators(first: 20) { strength close sharedWorks lastYear works { year } } } }"""
    response = gql(scale, query, id=hub["id"])
    assert response.errors == []
    collaborators = response.data["researcher"]["collaborators"]
    assert len(collaborators) == 20
    strengths = [c["strength"] for c in collaborators]
    assert strengths == sorted(strengths, reverse=True)
    assert all(c["close"] == (c["strength"] >= 1.0) for c in collaborators)
    assert all(
        1 <= len(c["works"]) <= 5 and c["sharedWorks"] >= len(c["works"]) for c in collaborators
    )
    closes = sum(c["close"] for c in collaborators)
    assert response.data["researcher"]["stats"]["closeCollaborators"] >= closes


NESTED = """query ($first: Int!) {
  researchers(first: $first, orderBy: {field: WORKS_COUNT, direction: DESC}) {
    edges { node {
      name stats { works } trust { score }
      works(first: 5, where: {yearFrom: 2000}) { totalCount edges { node {
        title authors(first: 5) { researcher { name } institutions { name } } topics { topic { name parent { name } } }
      } } }
      collaborators(first: 3) { researcher { name } }
      topics(first: 3) { share topic { name } }
      graph { nodes { id } }
    } }
  }
}"""


def test_statements_per_request_are_fixed_by_shape(scale: TestClient) -> None:
    five, fifty = gql(scale, NESTED, first=5), gql(scale, NESTED, first=50)
    assert five.errors == fifty.errors == []
    assert len(fifty.data["researchers"]["edges"]) == 50
    # researchers with their stats, trust, works, authors, topics, collaborators and slices
    assert five.statements == fifty.statements == 1


def test_filtered_counts_agree_with_the_year_aggregate(scale: TestClient) -> None:
    topic = gql(scale, "{ topics(first: 100) { edges { node { id level } } } }").data["topics"][
        "edges"
    ]
    topic_id = next(edge["node"]["id"] for edge in topic if edge["node"]["level"] == "TOPIC")
    query = """query ($id: ID!) { topic(id: $id) {
      all: worksByYear { year works }
      recent: works(where: {yearFrom: 2015}, orderBy: {field: CITED_BY_COUNT, direction: DESC}, first: 50) {
        totalCount edges { node { year citedByCount } } } } }"""
    data = gql(scale, query, id=topic_id).data["topic"]
    expected = sum(row["works"] for row in data["all"] if row["year"] >= 2015)
    assert data["recent"]["totalCount"] == expected
    cited = [edge["node"]["citedByCount"] for edge in data["recent"]["edges"]]
    assert cited == sorted(cited, reverse=True)
    assert all(edge["node"]["year"] >= 2015 for edge in data["recent"]["edges"])


def test_collaboration_path_hops_are_real_coauthorships(
    scale: TestClient, hub: dict[str, Any]
) -> None:
    far = gql(
        scale,
        "{ researchers(first: 1, where: {minWorks: 1}, orderBy: {field: NAME, direction: ASC}) { edges { node { id } } } }",
    ).data["researchers"]["edges"][0]["node"]["id"]
    query = """query ($a: ID!, $b: ID!) { collaborationPath(from: $a, to: $b, maxHops: 6) {
      length hops { source { id } target { id } work { authors(first: 100) { researcher { id } } } } } }"""
    path = gql(scale, query, a=hub["id"], b=far).data["collaborationPath"]
    if path is None:
        pytest.skip("no chain within 6 hops in this generated graph")
    assert path["hops"][0]["source"]["id"] == hub["id"] and path["hops"][-1]["target"]["id"] == far
    for hop in path["hops"]:
        authors = {a["researcher"]["id"] for a in hop["work"]["authors"]}
        assert {hop["source"]["id"], hop["target"]["id"]} <= authors


def test_recommendations_for_the_hub_are_not_coauthors(
    scale: TestClient, hub: dict[str, Any]
) -> None:
    query = """query ($id: ID!) { researcher(id: $id) {
      recommendedCollaborators(first: 10) { score reasons researcher { id openToCollaborate } } } }"""
    recommended = gql(scale, query, id=hub["id"]).data["researcher"]["recommendedCollaborators"]
    assert recommended and all(r["reasons"] for r in recommended)
    open_flags = [r["researcher"]["openToCollaborate"] for r in recommended]
    assert open_flags == sorted(open_flags, reverse=True)
    path = """query ($a: ID!, $b: ID!) { collaborationPath(from: $a, to: $b, maxHops: 1) { length } }"""
    for candidate in recommended:
        assert (
            gql(scale, path, a=hub["id"], b=candidate["researcher"]["id"]).data["collaborationPath"]
            is None
        )
