"""One record per person and paper across the seed and OpenAlex, in any order and any number
of times (docs/identity.md), on the session's real Neo4j.

Each test starts from an empty graph; the module puts the seed back when it is done.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as examples
from hypothesis import strategies as st
from starlette.testclient import TestClient

from core.global_ids import encode_id
from seed.loader import load_seed
from seed.openalex.batches import Batch, read_batches
from seed.openalex.files import discover
from seed.openalex.mapping import Mapped
from seed.openalex.records import Entity
from seed.openalex.writer import write_batch
from server.app import create_app
from server.connection import database_for
from server.settings import Settings
from tests.conftest import (
    SEED_RESEARCHER,
    fingerprint,
    gql,
    kept_differences,
    run_on_db,
    seed_database,
    sign_up,
    sign_up_moderator,
)
from tests.test_openalex import DATA, FIRST, load

ANIRBIT = encode_id("Researcher", SEED_RESEARCHER)
OPENALEX_ANIRBIT = encode_id("Researcher", "A90001")  # his OpenAlex author id
SHARED_WORKS = DATA / "works" / FIRST / "part_000.gz"  # the seed's four papers
ONLY_OPENALEX = DATA / "works" / FIRST / "part_001"  # W90005, his fifth paper, alone
LORA = encode_id("Work", "arxiv:2605.07959")

PROFILE = """
query ($id: ID!) {
  researcher(id: $id) {
    id name claimStatus stats { works followers topics }
    works(first: 20) { edges { node { title authors { researcher { id } } } } }
  }
}"""
REQUEST = "mutation ($id: ID!) { requestClaim(researcherId: $id) { id } }"
REVIEW = "mutation ($id: ID!) { reviewClaim(id: $id, decision: APPROVE) { status } }"
FOLLOW = "mutation ($id: ID!) { followResearcher(id: $id) { id } }"
ANIRBITS = '{ search(query: "anirbit", kinds: [RESEARCHER]) { node { id } } }'


@pytest.fixture
def client(empty: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(empty)) as client:
        yield client


def profile(client: TestClient, id: str = ANIRBIT) -> dict[str, Any]:
    response = gql(client, PROFILE, id=id)
    assert response.errors == [], response.errors
    return dict(response.data["researcher"])


def claim(client: TestClient, settings: Settings, email: str, id: str) -> None:
    """`email` signs up and claims `id`; a moderator approves."""
    requested = gql(client, REQUEST, bearer=sign_up(client, email), id=id)
    assert requested.errors == [], requested.errors
    moderator = sign_up_moderator(client, settings, f"moderator-{email}")
    decided = gql(client, REVIEW, bearer=moderator, id=requested.data["requestClaim"]["id"])
    assert decided.data["reviewClaim"]["status"] == "APPROVED"


def test_after_the_fixture_import_there_is_one_anirbit_mukherjee(
    empty: Settings, client: TestClient
) -> None:
    seed_database(empty)
    claim(client, empty, "anirbit@example.org", ANIRBIT)
    load(empty, DATA)
    assert gql(client, ANIRBITS).data["search"] == [{"node": {"id": ANIRBIT}}]
    page = profile(client)
    assert page["claimStatus"] == "CLAIMED"
    titles = [edge["node"]["title"] for edge in page["works"]["edges"]]
    assert len(titles) == page["stats"]["works"] == 5  # the seed's four and W90005
    assert "Heavy tails in stochastic training, revisited" in titles
    for edge in page["works"]["edges"]:
        authors = [author["researcher"]["id"] for author in edge["node"]["authors"]]
        assert authors.count(ANIRBIT) == 1
        assert len(set(authors)) == len(authors)


def test_a_second_seed_after_the_import_changes_nothing(
    empty: Settings, client: TestClient
) -> None:
    seed_database(empty)
    load(empty, DATA)
    before, topics = fingerprint(empty), profile(client)["stats"]["topics"]
    seed_database(empty)
    assert fingerprint(empty) == before
    assert profile(client)["stats"]["topics"] == topics
    lora = gql(
        client, "query ($id: ID!) { work(id: $id) { authors { researcher { name } } } }", id=LORA
    )
    assert [author["researcher"]["name"] for author in lora.data["work"]["authors"]] == [
        "Alejandro F Frangi",
        "Anirbit Mukherjee",
        "Dibyakanti Kumar",
        "Mingfei Sun",
        "Zhengkai Sun",
    ]


def stable(found: dict[str, Any]) -> tuple[list[str], list[str]]:
    """The graph without what a write stamps with the clock."""

    def canonical(item: list[Any]) -> str:
        return repr(
            [
                sorted((k, v) for k, v in part.items() if k not in ("createdAt", "at"))
                if isinstance(part, dict)
                else part
                for part in item
            ]
        )

    return (
        sorted(canonical(node) for node in found["nodeData"]),
        sorted(canonical(relationship) for relationship in found["relationshipData"]),
    )


def test_the_seed_and_the_import_give_one_graph_in_either_order(empty: Settings) -> None:
    seed_database(empty)
    load(empty, DATA)
    seed_first = stable(fingerprint(empty))
    run_on_db(empty, "test/wipe")
    load(empty, DATA)
    seed_database(empty)
    assert stable(fingerprint(empty)) == seed_first


def test_his_openalex_id_answers_the_seed_record(empty: Settings, client: TestClient) -> None:
    load(empty, DATA)  # OpenAlex first: his node is A90001 until the seed names it
    seed_database(empty)
    response = gql(
        client,
        """query ($id: ID!) {
          researcher(id: $id) { id }
          node(id: $id) { id }
          nodes(ids: [$id]) { id }
          byOpenalexId: researcher(openalexId: "https://openalex.org/A90001") {
            name openalexId
          }
        }""",
        id=OPENALEX_ANIRBIT,
    )
    assert response.errors == []
    assert response.data == {
        "researcher": {"id": ANIRBIT},
        "node": {"id": ANIRBIT},
        "nodes": [{"id": ANIRBIT}],
        # the page links OpenAlex by the id merged into the seed's record
        "byOpenalexId": {"name": "Anirbit Mukherjee", "openalexId": "A90001"},
    }
    # the actions of his page take the old id too
    followed = gql(client, FOLLOW, bearer=sign_up(client, "fan@example.org"), id=OPENALEX_ANIRBIT)
    assert followed.data == {"followResearcher": {"id": ANIRBIT}}
    assert profile(client)["stats"]["followers"] == 1


def test_a_merge_moves_follows_and_claims_to_the_one_record(
    empty: Settings, client: TestClient
) -> None:
    seed_database(empty)
    load(empty, ONLY_OPENALEX)  # W90005 shares no work with the seed: two records for now
    assert len(gql(client, ANIRBITS).data["search"]) == 2
    claim(client, empty, "anirbit@example.org", OPENALEX_ANIRBIT)
    gql(client, FOLLOW, bearer=sign_up(client, "fan@example.org"), id=OPENALEX_ANIRBIT)
    gql(client, FOLLOW, bearer=sign_up(client, "other@example.org"), id=ANIRBIT)

    load(empty, SHARED_WORKS)  # the shared papers' bylines show them to be one person
    assert gql(client, ANIRBITS).data["search"] == [{"node": {"id": ANIRBIT}}]
    page = profile(client, OPENALEX_ANIRBIT)
    assert page["id"] == ANIRBIT
    assert page["claimStatus"] == "CLAIMED"
    assert page["stats"]["followers"] == 2
    assert page["stats"]["works"] == 5


def test_records_claimed_by_different_accounts_stay_apart_for_a_moderator(
    empty: Settings, client: TestClient
) -> None:
    seed_database(empty)
    load(empty, ONLY_OPENALEX)
    claim(client, empty, "anirbit@example.org", ANIRBIT)
    claim(client, empty, "impostor@example.org", OPENALEX_ANIRBIT)
    load(empty, SHARED_WORKS)
    assert len(gql(client, ANIRBITS).data["search"]) == 2
    assert run_on_db(empty, "test/identity_conflicts") == [
        {"keys": ["anirbit-mukherjee", "A90001"]}
    ]
    # the bylines name the OpenAlex record, so it holds the papers until a moderator decides
    assert profile(client)["stats"]["works"] == 0
    assert profile(client, OPENALEX_ANIRBIT)["stats"]["works"] == 5


# Any order, any number of times


def fixture_records() -> list[tuple[Entity, Mapped]]:
    """Every record of the fixture snapshot, each version apart."""
    batches = read_batches(discover([DATA]), 10_000, strict=False)
    return [(batch.entity, record) for batch in batches for record in batch.records.values()]


RECORDS = fixture_records()
Step = tuple[str, int]  # ("seed", 0) or ("part", index)


@st.composite
def histories(draw: st.DrawFn) -> tuple[list[int], list[Step]]:
    """The records split into parts, and the parts and the seed in some order, some twice."""
    parts = draw(st.integers(1, 4))
    assignment = draw(
        st.lists(st.integers(0, parts - 1), min_size=len(RECORDS), max_size=len(RECORDS))
    )
    seeds = draw(st.integers(1, 2))
    steps: list[Step] = draw(
        st.permutations([("part", index) for index in range(parts)] + [("seed", 0)] * seeds)
    )
    for _ in range(draw(st.integers(0, 2))):
        steps.insert(draw(st.integers(0, len(steps))), draw(st.sampled_from(steps)))
    return assignment, steps


def part_batches(assignment: list[int], index: int) -> list[Batch]:
    """A part's records as an import reads them: one batch per entity, newest version kept."""
    batches: dict[Entity, Batch] = {}
    for (entity, record), part in zip(RECORDS, assignment, strict=True):
        if part == index:
            batches.setdefault(entity, Batch(entity)).add(record)
    return list(batches.values())


def replay(settings: Settings, assignment: list[int], steps: list[Step]) -> None:
    async def run() -> None:
        async with database_for(settings) as db:
            for kind, index in steps:
                if kind == "seed":
                    await load_seed(db)
                    continue
                for batch in part_batches(assignment, index):
                    await write_batch(db, batch)

    run_on_db(settings, "test/wipe")
    asyncio.run(run())


@pytest.fixture(scope="module")
def everything_once(settings: Settings) -> tuple[list[str], list[str]]:
    replay(settings, [0] * len(RECORDS), [("seed", 0), ("part", 0)])
    return stable(fingerprint(settings))


@examples(
    max_examples=50,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(histories())
def test_any_order_of_seed_and_import_parts_gives_the_same_graph(
    empty: Settings,
    everything_once: tuple[list[str], list[str]],
    history: tuple[list[int], list[Step]],
) -> None:
    assignment, steps = history
    replay(empty, assignment, steps)
    assert stable(fingerprint(empty)) == everything_once
    assert kept_differences(empty) == []
