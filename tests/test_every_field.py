"""Every page answers: every field of every type, over the nodes each write path makes
(the seed, the generator, the transactional OpenAlex import; the bulk import gives the
same graph as the transactional one, tests/test_openalex_bulk.py), one node of each shape,
with no error but the coded ones a client can cause. Plus the reproducers of issue 19 rows
1-3 and 7 (row 4, masking, is in tests/test_errors.py).

The module shares the session's database and puts the seed back when it is done.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from graphql import GraphQLSchema, build_client_schema, get_introspection_query
from starlette.testclient import TestClient

from core.global_ids import encode_id
from resolvers.migrations import apply_migrations
from server.app import create_app
from server.connection import database_for
from server.settings import Settings
from tests.conftest import (
    GENERATED_HUB,
    SEED_RESEARCHER,
    GraphQLResponse,
    gql,
    keep_aggregates,
    run_on_db,
    seed_database,
    sign_up,
    sign_up_moderator,
)
from tests.schema_walk import ids_document, node_documents, root_documents
from tests.test_openalex_bulk import transactional

OPENALEX = Path(__file__).parent / "fixtures" / "openalex"
KINDS = {
    "researchers": "Researcher",
    "works": "Work",
    "topics": "Topic",
    "institutions": "Institution",
}
# An author OpenAlex alone knows (A90001 is the seed's Anirbit Mukherjee: docs/identity.md).
IMPORTED = encode_id("Researcher", "A91001")
SEED_PROFILE = encode_id("Researcher", SEED_RESEARCHER)
RESEARCHER_LIST = "{ researchers(first: 100) { edges { node { name openToCollaborate } } } }"
SAMPLED = 3  # nodes of each kind walked in the generated graph (one generator), the hub added


def migrate(settings: Settings) -> None:
    async def run() -> None:
        async with database_for(settings) as db:
            await apply_migrations(db)

    asyncio.run(run())


@pytest.fixture(scope="module", autouse=True)
def restore_seed(settings: Settings) -> Iterator[None]:
    yield
    run_on_db(settings, "test/wipe")
    seed_database(settings)


@pytest.fixture(scope="module")
def imported(seeded: Settings) -> Settings:
    """The seed, then both OpenAlex fixtures through the transactional import."""
    run_on_db(seeded, "test/wipe")
    seed_database(seeded)
    transactional(seeded, OPENALEX / "data", OPENALEX / "shapes")
    return seeded


def walking_client(settings: Settings) -> TestClient:
    # The walk's documents select every field at once, nested lists under nested lists:
    # more tokens and a larger item estimate than a client is allowed, limits that are
    # not what this test is about.
    limits = {"max_tokens": 50_000, "max_items": 10_000_000}
    return TestClient(create_app(settings.model_copy(update=limits)))


def introspected(client: TestClient) -> GraphQLSchema:
    response = gql(client, get_introspection_query())
    assert response.errors == []
    return build_client_schema(response.data)


def listed_ids(client: TestClient, root: str, most: int | None = None) -> list[str]:
    """The ids of a root list, page by page: every one, or its first `most`."""
    ids: list[str] = []
    after = None
    while True:
        response = gql(client, ids_document(root), after=after)
        assert response.errors == [], response.errors
        page = response.data[root]
        ids += [edge["node"]["id"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"] or (most is not None and len(ids) >= most):
            return ids[:most]
        after = page["pageInfo"]["endCursor"]


def one_per_shape(
    settings: Settings, listed: dict[str, list[str]], *always: str
) -> dict[str, list[str]]:
    """Of the listed ids of each kind, one of each shape (the same properties and kinds of
    links), and `always`: a field answers alike for nodes of one shape, and walking every
    node takes minutes."""
    shapes: dict[tuple[str, tuple[str, ...], tuple[str, ...]], str] = {}
    for row in run_on_db(settings, "test/node_shapes"):
        shape = (row["kind"], tuple(sorted(row["properties"])), tuple(sorted(row["links"])))
        id = encode_id(row["kind"], row["key"])
        shapes[shape] = min(shapes.get(shape, id), id)
    walked = {*always, *shapes.values()}
    return {kind: [id for id in ids if id in walked] for kind, ids in listed.items()}


Failure = tuple[str, Any, str, str]  # where, path, code, message


# The client errors a walk may justly meet: a document has one `$to`, and a researcher
# nested in the answer (an author, a collaborator) may be that one.
JUSTIFIED = {("BAD_USER_INPUT", "from and to are the same researcher")}


def failures(response: GraphQLResponse, where: str) -> list[Failure]:
    return [
        (where, error.get("path"), code, error["message"])
        for error, code in zip(response.errors, response.codes, strict=True)
        if (code, error["message"]) not in JUSTIFIED
    ]


def walk_nodes(
    client: TestClient, schema: GraphQLSchema, ids: dict[str, list[str]], bearer: str | None
) -> list[Failure]:
    """Every field of every node in `ids` (by kind): what went wrong, where."""
    found: list[Failure] = []
    for kind, kind_ids in ids.items():
        for field, document in node_documents(schema, kind).items():
            for node_id in kind_ids:
                # a path leads to another researcher: to itself is BAD_USER_INPUT
                to = next(other for other in ids["Researcher"] if other != node_id)
                response = gql(client, document, bearer=bearer, id=node_id, to=to)
                found += failures(response, f"{kind} {node_id} {field}")
    return found


def walk_roots(
    client: TestClient, schema: GraphQLSchema, researcher: str, bearer: str | None
) -> list[Failure]:
    """Every other root field, `researcher` where an id is needed."""
    found: list[Failure] = []
    for name, document in root_documents(schema).items():
        variables = {key: researcher for key in ("id", "to") if f"${key}" in document}
        found += failures(gql(client, document, bearer=bearer, **variables), name)
    return found


def assert_none(found: list[Failure]) -> None:
    assert found == [], "\n".join(
        f"{where} {path}: {code} {message}" for where, path, code, message in found
    )


FOLLOW = "mutation ($id: ID!) { followResearcher(id: $id) { id } }"
CLAIM = "mutation ($id: ID!) { requestClaim(researcherId: $id) { id } }"


def test_every_field_of_every_imported_and_seeded_node_answers(imported: Settings) -> None:
    with walking_client(imported) as client:
        schema = introspected(client)
        # A claim for the moderators' queue, and a viewer who follows and claims.
        moderator = sign_up_moderator(client, imported, "moderator@example.org")
        reader = sign_up(client, "reader@example.org")
        try:
            assert gql(client, FOLLOW, bearer=reader, id=IMPORTED).errors == []
            assert gql(client, CLAIM, bearer=reader, id=IMPORTED).errors == []
            listed = {kind: listed_ids(client, root) for root, kind in KINDS.items()}
            ids = one_per_shape(imported, listed, IMPORTED, SEED_PROFILE)

            assert_none(walk_nodes(client, schema, ids, reader))
            assert_none(walk_roots(client, schema, IMPORTED, moderator))
            # The one refusal a reader gets: the moderators' queue.
            refused = walk_roots(client, schema, IMPORTED, reader)
            assert {(where.split()[0], code) for where, _, code, _ in refused} == {
                ("claims", "FORBIDDEN")
            }
        finally:
            run_on_db(imported, "test/wipe_people")


def test_every_field_of_generated_nodes_answers(generated: Settings) -> None:
    with walking_client(generated) as client:
        ids = {kind: listed_ids(client, root, SAMPLED) for root, kind in KINDS.items()}
        ids["Researcher"].append(encode_id("Researcher", GENERATED_HUB))

        assert_none(walk_nodes(client, introspected(client), ids, None))


# Issue 19's reproducers


def test_an_imported_researchers_page_answers(client: TestClient, imported: Settings) -> None:
    query = """query ($id: ID!) { researcher(id: $id) {
      name openToCollaborate verificationLevel stats { works closeCollaborators } } }"""
    response = gql(client, query, id=IMPORTED)

    assert response.errors == []
    assert response.data["researcher"]["openToCollaborate"] is False
    assert response.data["researcher"]["verificationLevel"] == "L1"


def test_one_imported_researcher_does_not_null_the_list(
    client: TestClient, imported: Settings
) -> None:
    response = gql(client, RESEARCHER_LIST)

    assert response.errors == []
    assert len(response.data["researchers"]["edges"]) > 1


def test_the_seed_profile_answers_its_stats(client: TestClient, imported: Settings) -> None:
    query = """query ($id: ID!) { researcher(id: $id) {
      stats { works followers topics closeCollaborators citations hIndex } } }"""
    response = gql(client, query, id=SEED_PROFILE)

    # The import adopts the seed's works, and their authorships with them: the seed's own
    # record may have none left, which was a null that nulled the whole profile.
    assert response.errors == []
    stats = response.data["researcher"]["stats"]
    assert all(isinstance(figure, int) for figure in stats.values()), stats


@pytest.fixture
def solo_researcher(seeded: Settings) -> Iterator[str]:
    """A researcher with one work and no co-author, on any graph."""
    run_on_db(seeded, "test/solo_researcher")
    keep_aggregates(seeded, works=["test:solo-work"])
    yield encode_id("Researcher", "test:solo")
    run_on_db(seeded, "test/delete_solo_researcher")


def test_a_researcher_without_coauthors_has_zero_close_collaborators(
    client: TestClient, solo_researcher: str
) -> None:
    query = """query ($id: ID!) { researcher(id: $id) {
      stats { works closeCollaborators citations hIndex } } }"""
    response = gql(client, query, id=solo_researcher)

    assert response.errors == []
    assert response.data["researcher"]["stats"] == {
        "works": 1,
        "closeCollaborators": 0,
        "citations": 3,
        "hIndex": 1,
    }


def test_openalex_alone_lists_its_researchers(settings: Settings, client: TestClient) -> None:
    run_on_db(settings, "test/wipe")
    transactional(settings, OPENALEX / "data")

    response = gql(client, RESEARCHER_LIST)

    assert response.errors == []
    assert {
        edge["node"]["openToCollaborate"] for edge in response.data["researchers"]["edges"]
    } == {False}


def test_the_migration_heals_nodes_stored_without_defaults(
    settings: Settings, client: TestClient
) -> None:
    run_on_db(settings, "test/wipe")
    transactional(settings, OPENALEX / "data")
    run_on_db(settings, "test/strip_defaults")
    assert gql(client, RESEARCHER_LIST).codes == ["INTERNAL_SERVER_ERROR"]

    migrate(settings)

    assert gql(client, RESEARCHER_LIST).errors == []
