"""The explorer's slices, node expansion, collaboration paths and recommendations on the seed."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.testclient import TestClient

from core.global_ids import encode_id
from tests.conftest import gql

ANIRBIT = encode_id("Researcher", "anirbit-mukherjee")
PAPAMARKOU = encode_id("Researcher", "theodore-papamarkou")
ZHENGKAI = encode_id("Researcher", "zhengkai-sun")
SLICE = """query ($id: ID!, $depth: Int!, $limit: Int!) {
  graph(center: $id, depth: $depth, limitPerKind: $limit) {
    center truncated
    nodes { id kind label weight strength hop }
    edges { id source target kind weight }
  }
}"""


def slice_of(client: TestClient, center: str, depth: int, limit: int) -> dict[str, Any]:
    response = gql(client, SLICE, id=center, depth=depth, limit=limit)
    assert response.errors == []
    assert response.statements == 1
    return dict(response.data["graph"])


def assert_well_formed(graph: dict[str, Any]) -> None:
    ids = [node["id"] for node in graph["nodes"]]
    assert len(ids) == len(set(ids))
    assert graph["nodes"][0]["id"] == graph["center"] and graph["nodes"][0]["hop"] == 0
    assert all(edge["source"] in ids and edge["target"] in ids for edge in graph["edges"])
    assert len({edge["id"] for edge in graph["edges"]}) == len(graph["edges"])


def test_depth_one_slice_of_a_researcher_is_their_works(client: TestClient) -> None:
    graph = slice_of(client, ANIRBIT, depth=1, limit=10)
    assert_well_formed(graph)
    assert graph["truncated"] is False
    assert [n["kind"] for n in graph["nodes"][1:]] == ["WORK"] * 4
    assert {e["kind"] for e in graph["edges"]} == {"AUTHORED"} and len(graph["edges"]) == 4


def test_depth_two_reaches_people_topics_and_institutions(client: TestClient) -> None:
    graph = slice_of(client, ANIRBIT, depth=2, limit=10)
    assert_well_formed(graph)
    kinds = {node["kind"] for node in graph["nodes"] if node["hop"] == 2}
    assert kinds == {"RESEARCHER", "TOPIC", "INSTITUTION"}
    people = [n for n in graph["nodes"] if n["kind"] == "RESEARCHER" and n["hop"] == 2]
    # Sayar Karmakar shares three works with the center: the strongest person on hop 2
    assert people[0]["label"] == "Sayar Karmakar" and people[0]["strength"] == 3
    assert len(people) == 6


def test_caps_cut_per_kind_and_say_so(client: TestClient) -> None:
    graph = slice_of(client, ANIRBIT, depth=2, limit=2)
    assert_well_formed(graph)
    assert graph["truncated"] is True
    for hop in (1, 2):
        for kind in ("WORK", "RESEARCHER", "TOPIC", "INSTITUTION"):
            assert sum(1 for n in graph["nodes"] if n["hop"] == hop and n["kind"] == kind) <= 2


def test_slices_are_deterministic_and_strongest_first(client: TestClient) -> None:
    first = slice_of(client, ANIRBIT, depth=2, limit=3)
    assert slice_of(client, ANIRBIT, depth=2, limit=3) == first
    for hop in (1, 2):
        ranks = [(n["strength"], n["weight"]) for n in first["nodes"] if n["hop"] == hop]
        assert ranks == sorted(ranks, reverse=True)


def test_every_kind_of_node_has_a_graph_field(client: TestClient) -> None:
    query = """query ($w: ID!, $t: ID!, $i: ID!) {
      work(id: $w) { graph { nodes { kind } } }
      topic(id: $t) { graph(depth: 2) { nodes { kind } } }
      institution(id: $i) { graph { nodes { label } } }
    }"""
    response = gql(
        client,
        query,
        w=encode_id("Work", "arxiv:2204.12554"),
        t=encode_id("Topic", "topic:heavy-tails"),
        i=encode_id("Institution", "ror:027m9bs27"),
    )
    assert response.errors == []
    work_kinds = {n["kind"] for n in response.data["work"]["graph"]["nodes"]}
    assert work_kinds == {"WORK", "RESEARCHER", "TOPIC", "INSTITUTION"}
    assert [n["label"] for n in response.data["institution"]["graph"]["nodes"]] == [
        "University of Manchester",
        "An Empirical Study of the Occurrence of Heavy-Tails in Training a ReLU Gate",
    ]


@pytest.mark.parametrize(("depth", "limit"), [(3, 10), (0, 10), (1, 0), (1, 51)])
def test_slice_arguments_are_checked(client: TestClient, depth: int, limit: int) -> None:
    response = gql(client, SLICE, id=ANIRBIT, depth=depth, limit=limit)
    assert response.codes == ["BAD_USER_INPUT"]


def test_neighbors_pages_one_node_by_kind(client: TestClient) -> None:
    query = """query ($id: ID!, $after: String) {
      neighbors(id: $id, kinds: [RESEARCHER], first: 3, after: $after) {
        totalCount truncated pageInfo { hasNextPage endCursor }
        nodes { id kind label hop } edges { source target kind }
      }
    }"""
    work = encode_id("Work", "arxiv:2605.07959")
    first = gql(client, query, id=work).data["neighbors"]
    assert first["totalCount"] == 5 and first["pageInfo"]["hasNextPage"] is True
    assert first["nodes"][0]["id"] == work
    page = first["nodes"][1:]
    assert [n["label"] for n in page] == [
        "Anirbit Mukherjee",
        "Alejandro F Frangi",
        "Dibyakanti Kumar",
    ]
    assert {e["kind"] for e in first["edges"]} == {"AUTHORED"} and len(first["edges"]) == 3
    second = gql(client, query, id=work, after=first["pageInfo"]["endCursor"]).data["neighbors"]
    assert [n["label"] for n in second["nodes"][1:]] == ["Mingfei Sun", "Zhengkai Sun"]
    assert second["pageInfo"]["hasNextPage"] is False


def test_collaborators_carry_years_and_shared_works(client: TestClient) -> None:
    query = """query ($id: ID!) { researcher(id: $id) {
      collaborators(first: 2, worksPerCollaborator: 2) {
        sharedWorks strength firstYear lastYear close works { arxivId } researcher { name } } } }"""
    collaborators = gql(client, query, id=ANIRBIT).data["researcher"]["collaborators"]
    top = collaborators[0]
    assert top["researcher"]["name"] == "Sayar Karmakar"
    assert (top["sharedWorks"], top["firstYear"], top["lastYear"], top["close"]) == (
        3,
        2022,
        2022,
        True,
    )
    assert len(top["works"]) == 2
    assert collaborators[1]["researcher"]["name"] == "Theodore Papamarkou"
    assert collaborators[1]["strength"] < top["strength"]


def test_collaboration_path_links_each_hop_with_a_work(client: TestClient) -> None:
    query = """query ($a: ID!, $b: ID!, $hops: Int!) {
      collaborationPath(from: $a, to: $b, maxHops: $hops) {
        length hops { source { name } work { title } target { name } } } }"""
    path = gql(client, query, a=PAPAMARKOU, b=ZHENGKAI, hops=6).data["collaborationPath"]
    assert path["length"] == 2
    assert [hop["source"]["name"] for hop in path["hops"]] == [
        "Theodore Papamarkou",
        "Anirbit Mukherjee",
    ]
    assert path["hops"][-1]["target"]["name"] == "Zhengkai Sun"
    assert path["hops"][0]["work"]["title"].startswith("Depth-2")
    assert gql(client, query, a=PAPAMARKOU, b=ZHENGKAI, hops=1).data == {"collaborationPath": None}
    assert gql(client, query, a=PAPAMARKOU, b=ZHENGKAI, hops=7).codes == ["BAD_USER_INPUT"]
    assert gql(client, query, a=PAPAMARKOU, b=PAPAMARKOU, hops=3).codes == ["BAD_USER_INPUT"]


def test_recommendations_exclude_coauthors_and_give_reasons(client: TestClient) -> None:
    query = """query ($id: ID!) { researcher(id: $id) {
      collaborators { researcher { name } }
      recommendedCollaborators(first: 10) { score sharedCoauthors reasons researcher { name } } } }"""
    data = gql(client, query, id=PAPAMARKOU).data["researcher"]
    coauthors = {c["researcher"]["name"] for c in data["collaborators"]}
    recommended = data["recommendedCollaborators"]
    names = [r["researcher"]["name"] for r in recommended]
    assert names == ["Alejandro F Frangi", "Dibyakanti Kumar", "Mingfei Sun", "Zhengkai Sun"]
    assert not coauthors & set(names)
    assert all(
        r["sharedCoauthors"] == 1 and "Anirbit Mukherjee" in r["reasons"][0] for r in recommended
    )
    everyone_known = gql(client, query, id=ANIRBIT).data["researcher"]["recommendedCollaborators"]
    assert everyone_known == []
