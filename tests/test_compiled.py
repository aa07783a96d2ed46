"""The compiled path answers as graphql-core's executor over the per-level resolvers did,
on the same data and operations, errors included, in one statement per root field."""

from __future__ import annotations

import asyncio
import json
import os
from pathlib import Path
from typing import Any

import pytest
from graphql import parse

from core.global_ids import NEIGHBORS, encode_id, key_cursor, list_identity, offset_cursor
from resolvers.context import Context
from resolvers.database import Database
from resolvers.operations import RequestErrors
from schema.schema import build_schema
from server.connection import database_for
from server.settings import Settings
from tests.conftest import GENERATED_HUB

SEED = encode_id("Researcher", "anirbit-mukherjee")
KARMAKAR = encode_id("Researcher", "sayar-karmakar")
HEAVY_TAILS = encode_id("Topic", "topic:heavy-tails")
FLORIDA = encode_id("Institution", "ror:02y3ad647")
MANCHESTER = encode_id("Institution", "ror:027m9bs27")
HUB = encode_id("Researcher", GENERATED_HUB)

WORK_FIELDS = (
    "id __typename type title abstract year publishedOn venue doi arxivId openAccess citedByCount"
)
PROFILE = f"""query ($id: ID!) {{ researcher(id: $id) {{
  id name headline orcid openToCollaborate verificationLevel claimStatus viewerFollows
  affiliation {{ name ror country type domains }}
  stats {{ works followers topics }}
  trust {{ score band label verificationLevel claimed components {{ name points maxPoints reason }} }}
  topics {{ share works topic {{ id name level }} }}
  worksByYear {{ year works }}
  works(first: 3) {{ totalCount pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }}
    edges {{ cursor node {{ {WORK_FIELDS}
      authors {{ position researcher {{ id name }} institutions {{ name }} }}
      topics {{ score topic {{ name parent {{ name }} }} }} institutions {{ name }} }} }} }}
}} }}"""

SEED_OPERATIONS: list[tuple[str, dict[str, Any]]] = [
    (PROFILE, {"id": SEED}),
    (PROFILE, {"id": KARMAKAR}),
    (PROFILE, {"id": encode_id("Researcher", "nobody")}),
    (
        "query ($id: ID!, $skip: Boolean!) { a: researcher(id: $id) { n: name name @skip(if: $skip)"
        " ... on Researcher { headline } ...more } } fragment more on Researcher { works(first: 1) { edges { node { title } } } }",
        {"id": SEED, "skip": True},
    ),
    (
        "query ($id: ID!, $skip: Boolean!) { a: researcher(id: $id) { n: name name @skip(if: $skip) } }",
        {"id": SEED, "skip": False},
    ),
    (
        "query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Topic { name level }"
        " ... on Researcher { name } ... on Work { title } ... on Institution { name } } }",
        {
            "ids": [
                HEAVY_TAILS,
                KARMAKAR,
                encode_id("Work", "arxiv:2605.07959"),
                MANCHESTER,
                encode_id("Work", "missing"),
            ]
        },
    ),
    ("query ($id: ID!) { node(id: $id) { id ... on Topic { name } } }", {"id": HEAVY_TAILS}),
    (
        """query ($topic: ID!, $institution: ID!) {
          topic(id: $topic) { name level description parent { name level parent { name } }
            works { totalCount edges { node { title } } } worksByYear { year works }
            researchers { totalCount edges { cursor node { name } } } }
          institution(id: $institution) { name ror country
            researchers { edges { node { name } } } works { edges { node { arxivId } } }
            topTopics { works researchers share topic { name } } } }""",
        {"topic": HEAVY_TAILS, "institution": FLORIDA},
    ),
    (
        '{ a: work(doi: "https://doi.org/10.1016/J.NEUNET.2022.03.040") { arxivId }'
        ' b: work(arxivId: "arXiv:2204.12554v2") { title } c: work(arxivId: "2999.99999") { title }'
        ' d: researcher(orcid: "0000-0002-1825-0097") { name } e: institution(ror: "027m9bs27") { name } }',
        {},
    ),
    (
        "{ researchers(first: 3) { totalCount pageInfo { hasNextPage endCursor } edges { node { name } } }"
        " topics { totalCount edges { node { name } } } institutions(first: 1) { edges { cursor node { name } } } }",
        {},
    ),
    (
        "query ($after: String) { works(first: 2, after: $after) { pageInfo { hasPreviousPage hasNextPage } edges { node { title } } } }",
        {"after": key_cursor("arxiv:2005.04211", list_identity("Query", "works", None))},
    ),
    (
        """query ($where: WorkWhere, $order: WorkOrder) { works(where: $where, orderBy: $order, first: 3) {
          totalCount pageInfo { hasNextPage endCursor } edges { cursor node { title year citedByCount } } }
          worksByYear(where: $where) { year works } }""",
        {
            "where": {"yearFrom": 2000, "NOT": {"OR": [{"titleContains": "heavy"}]}},
            "order": {"field": "TITLE", "direction": "ASC"},
        },
    ),
    (
        """query ($where: ResearcherWhere) { researchers(where: $where, orderBy: {field: WORKS_COUNT}) {
          totalCount edges { node { name } } } }""",
        {"where": {"OR": [{"topic": HEAVY_TAILS}, {"nameContains": "sun"}], "hasOrcid": False}},
    ),
    (
        """query ($id: ID!) { researcher(id: $id) { works(where: {yearFrom: 2022, OR: [{openAccess: true}, {type: [PREPRINT]}]},
          orderBy: {field: YEAR, direction: ASC}) { totalCount edges { node { title year } } } } }""",
        {"id": SEED},
    ),
    (
        """query ($id: ID!, $to: ID!) { researcher(id: $id) {
          collaborators(first: 3, worksPerCollaborator: 2) { sharedWorks firstYear lastYear
            researcher { name } works { title year } }
          recommendedCollaborators { score sharedCoauthors sharedTopics reasons researcher { name } }
          collaborationPath(to: $to) { length hops { source { name } work { title } target { name } } }
          same: collaborationPath(to: $id) { length }
          graph(depth: 2, limitPerKind: 3) { center truncated nodes { id kind label weight strength hop }
            edges { id source target kind weight } } } }""",
        {"id": SEED, "to": encode_id("Researcher", "theodore-papamarkou")},
    ),
    (
        """query ($id: ID!, $after: String) {
          graph(center: $id) { center nodes { id kind } edges { source target } }
          neighbors(id: $id, kinds: [WORK, TOPIC], first: 2, after: $after) { center totalCount truncated
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { id label hop } edges { kind weight } }
          collaborationPath(from: $id, to: "UmVzZWFyY2hlcjpzYXlhci1rYXJtYWthcg", maxHops: 2) { length } }""",
        {"id": SEED, "after": offset_cursor(1, NEIGHBORS, "anirbit-mukherjee")},
    ),
    (
        '{ a: search(query: "relu gate", first: 3) { score node { __typename id ... on Work { title'
        " authors { researcher { name } } } ... on Researcher { name } } }"
        ' b: search(query: "https://doi.org/10.1016/J.NEUNET.2022.03.040", kinds: [WORK]) { score node { id } }'
        ' c: search(query: "karmakar", kinds: [RESEARCHER, TOPIC]) { node { ... on Researcher { name } } } }',
        {},
    ),
    ('{ search(query: "title:(") { score } }', {}),
    ('{ search(query: "   ") { score } }', {}),
    ('{ graph(center: "%%%") { center } }', {}),
    ("{ researcher { name } }", {}),
    ("{ works(first: 101) { edges { cursor } } }", {}),
    ('{ works(after: "garbage!") { edges { cursor } } }', {}),
]

HUB_OPERATIONS: list[tuple[str, dict[str, Any]]] = [
    (PROFILE, {"id": HUB}),
    (
        """query ($id: ID!) { graph(center: $id, depth: 2, limitPerKind: 10) { center truncated
          nodes { id kind label weight strength hop } edges { id source target kind weight } }
          neighbors(id: $id, first: 5) { totalCount truncated pageInfo { hasNextPage endCursor } nodes { id } } }""",
        {"id": HUB},
    ),
    (
        """query ($id: ID!) { researcher(id: $id) { works(first: 50, where: {NOT: {openAccess: false}}) {
          totalCount edges { node { title authors(first: 5) { position researcher { name stats { works } } } } } } } }""",
        {"id": HUB},
    ),
    (
        """{ topics(first: 5) { edges { node { name researchers(first: 5, orderBy: {field: NAME, direction: ASC}) {
          totalCount edges { node { name } } } works(first: 5, orderBy: {field: CITED_BY_COUNT}) { edges { node { title citedByCount } } } } } } }""",
        {},
    ),
    (
        """{ institutions(first: 3) { edges { node { name topTopics(first: 3) { works share topic { name } }
          researchers(first: 3, where: {minWorks: 2}) { totalCount edges { node { name } } } } } } }""",
        {},
    ),
]


ANSWERS = Path(__file__).parent / "fixtures" / "answers"


def answers(settings: Settings, operations: list[tuple[str, dict[str, Any]]]) -> list[Any]:
    """Each operation's data, errors (message, path, code) and statement count."""
    schema = build_schema(settings.request_limits(), introspection=settings.allows_introspection)

    async def run(db: Database, document: str, variables: dict[str, Any]) -> Any:
        context = Context(
            db,
            settings.request_limits(),
            passwords=settings.password_hashing(),
            tokens=settings.token_signing(),
        )
        try:
            body = await schema.pipeline.run(document, None, variables, context)
        except RequestErrors as refused:
            body = {"errors": [error.formatted for error in refused.errors]}
        errors = sorted(
            [error["message"], error.get("path") or [], (error.get("extensions") or {}).get("code")]
            for error in body.get("errors", [])
        )
        return {"data": body.get("data"), "errors": errors, "statements": context.statements}

    async def all_of_them() -> list[Any]:
        async with database_for(settings) as db:
            return [await run(db, document, variables) for document, variables in operations]

    return asyncio.run(all_of_them())


def check(settings: Settings, operations: list[tuple[str, dict[str, Any]]], name: str) -> None:
    """Answers as graphql-core's executor over the per-level resolvers gave them
    (tests/fixtures/answers/README.md); PEERGRAPH_UPDATE_ANSWERS=1 records new ones."""
    found = answers(settings, operations)
    path = ANSWERS / f"{name}.json"
    if os.environ.get("PEERGRAPH_UPDATE_ANSWERS"):
        path.write_text(json.dumps(found, indent=1, sort_keys=True) + "\n")
    expected = json.loads(path.read_text())
    for (document, _), answer, recorded in zip(operations, found, expected, strict=True):
        assert rounded(json.loads(json.dumps(answer))) == rounded(recorded), document
        assert answer["statements"] <= roots(document), document


def rounded(answer: Any) -> Any:
    """The answer with its floats to 12 significant digits: a share is a sum of scores,
    and the order Neo4j adds them in follows where the nodes sit in the store."""
    if isinstance(answer, float):
        return float(f"{answer:.12g}")
    if isinstance(answer, dict):
        return {key: rounded(value) for key, value in answer.items()}
    if isinstance(answer, list):
        return [rounded(value) for value in answer]
    return answer


def roots(document: str) -> int:
    operation = parse(document).definitions[0]
    return len(operation.selection_set.selections)  # type: ignore[attr-defined]


def test_seed_answers(seeded: Settings) -> None:
    check(seeded, SEED_OPERATIONS, "seed")


def test_generated_answers(generated: Settings) -> None:
    check(generated, HUB_OPERATIONS, "generated")


@pytest.mark.parametrize("first", [1, 3, 7])
def test_one_statement_per_root_field_whatever_the_page(seeded: Settings, first: int) -> None:
    document = (
        "query ($first: Int!) { researchers(first: $first) { totalCount edges { node { name"
        " stats { works } trust { score } works { totalCount edges { node { title"
        " authors { researcher { name } } } } } } } } topics { totalCount } }"
    )
    (answer,) = answers(seeded, [(document, {"first": first})])
    assert answer["errors"] == []
    assert len(answer["data"]["researchers"]["edges"]) == first
    assert answer["statements"] == 2
