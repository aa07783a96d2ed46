"""Neo4j plans every Cypher text the project holds: EXPLAIN (which plans and runs nothing)
on each file under cypher/, on each fragment embedded the way the compiler embeds it,
and on every statement the snapshot corpus compiles into, with its real parameters.

A syntax error, an unknown function or a variable out of scope fails here, on the test
server, instead of in the first request that reaches the statement.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from neo4j import Query, RoutingControl
from neo4j.exceptions import Neo4jError

from resolvers.database import Database
from resolvers.statements import CYPHER_DIR, statement
from server.connection import database_for
from server.settings import Settings
from tests.conftest import fingerprint
from tests.test_cypher_snapshots import OPERATIONS, Token, compiled, parameter_names, tokens

FRAGMENTS = CYPHER_DIR / "fragments"
# Schema commands (cypher/migrations: CREATE CONSTRAINT/INDEX ... IF NOT EXISTS) are not
# skipped: Neo4j 5.26 plans them under EXPLAIN too (a CreateConstraint/CreateIndex plan)
# and creates nothing, so they are explained as writes like the rest.
FILES = sorted(path for path in CYPHER_DIR.rglob("*.cypher") if not path.is_relative_to(FRAGMENTS))
FRAGMENT_FILES = sorted(FRAGMENTS.glob("*.cypher"))

Explain = Callable[[str, dict[str, Any], bool], None]


async def explain_write(db: Database, text: str, parameters: dict[str, Any]) -> None:
    """EXPLAIN through a write transaction: what a write statement runs in."""
    await db.driver.execute_query(
        Query(text, timeout=db.timeouts.query),
        parameters,
        database_=db.database,
        routing_=RoutingControl.WRITE,
    )


@pytest.fixture(scope="module")
def explain(seeded: Settings) -> Iterator[Explain]:
    """Runs `EXPLAIN <text>` as a read (as `Database.query` runs a compiled statement)
    or as a write, on one driver for the whole module; the graph is as it was after."""
    before = fingerprint(seeded)
    loop = asyncio.new_event_loop()
    connection = database_for(seeded)
    db = loop.run_until_complete(connection.__aenter__())

    def run(text: str, parameters: dict[str, Any], write: bool) -> None:
        explained = "EXPLAIN " + text
        if write:
            loop.run_until_complete(explain_write(db, explained, parameters))
        else:
            rows = loop.run_until_complete(db.query(explained, parameters))
            assert rows == [], "EXPLAIN ran the statement"

    try:
        yield run
    finally:
        loop.run_until_complete(connection.__aexit__(None, None, None))
        loop.close()
    assert fingerprint(seeded) == before, "EXPLAIN changed the graph"


WRITES = {"CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "FOREACH", "DROP"}


def words(text: str) -> list[str]:
    """The statement's keywords and names, outside strings, names in backticks and comments."""
    return [token.text.upper() for token in tokens(text) if token.kind == "word"]


def is_write(text: str) -> bool:
    return bool(WRITES & set(words(text)))


def nulls(text: str) -> dict[str, Any]:
    """EXPLAIN wants every parameter present; its value does not matter."""
    return dict.fromkeys(sorted(parameter_names(text)))


def file_id(path: Path) -> str:
    return path.relative_to(CYPHER_DIR).with_suffix("").as_posix()


@pytest.mark.parametrize("path", FILES, ids=file_id)
def test_every_statement_file_is_planned(explain: Explain, path: Path) -> None:
    text = statement(file_id(path))
    explain(text, nulls(text), is_write(text))


# Fragments read `this` and leave columns in scope; the compiler embeds them as
# `COLLECT { WITH <node> AS this <fragment> RETURN value }[0]` (one value) or
# `COLLECT { WITH <node> AS this <fragment> WITH <columns renamed> ... RETURN item }`
# (rows), and a fragment without `this` (search) starts the statement. The label of
# `this` where the compiler knows it; graph_slice and neighbors take a node of any kind.
THIS_LABELS = {
    "close_collaborators": "Researcher",
    "collaborators": "Researcher",
    "recommended_collaborators": "Researcher",
    "researcher_recent_citedness": "Researcher",
    "researcher_standing": "Researcher",
    "researcher_topics": "Researcher",
    "institution_top_topics": "Institution",
}
OPENING = {"(", "[", "{"}
CLOSING = {")", "]", "}"}
ENDS_PROJECTION = {"ORDER", "SKIP", "LIMIT", "WHERE"}


def top_level(found: list[Token]) -> Iterator[tuple[int, Token]]:
    """The tokens outside any bracket, with their index, spaces and comments left out."""
    depth = 0
    for index, token in enumerate(found):
        if token.text in CLOSING:
            depth -= 1
        elif depth == 0 and token.kind not in ("space", "comment"):
            yield index, token
        if token.text in OPENING:
            depth += 1


def final_columns(fragment: str) -> list[str]:
    """The columns a fragment leaves in scope: the names its last WITH projects."""
    found = tokens(fragment)
    outer = list(top_level(found))
    starts = [
        position
        for position, (_, token) in enumerate(outer)
        if token.text.upper() == "WITH"
        and (position == 0 or outer[position - 1][1].text.upper() not in ("STARTS", "ENDS"))
    ]
    assert starts, "a fragment ends with WITH <columns>"
    items: list[list[Token]] = [[]]
    for _, token in outer[starts[-1] + 1 :]:
        if token.kind == "word" and token.text.upper() in ENDS_PROJECTION:
            break
        if token.text == ",":
            items.append([])
        elif not (token.kind == "word" and token.text.upper() == "DISTINCT" and not items[-1]):
            items[-1].append(token)
    columns = []
    for item in items:
        named = [n for n, token in enumerate(item) if token.text.upper() == "AS"]
        columns.append(item[named[-1] + 1].text if named else item[-1].text)
    return columns


def embedded(name: str, fragment: str) -> str:
    """A statement that runs the fragment as the compiler embeds it."""
    # joined with spaces, as the compiler joins them: a fragment that ended in a comment
    # would swallow what follows it, here as there
    columns = final_columns(fragment)
    if "this" not in {token.text for token in tokens(fragment) if token.kind == "word"}:
        return f"{fragment} RETURN {', '.join(columns)}"
    label = THIS_LABELS.get(name)
    node = f"(node:{label})" if label else "(node)"
    row = ", ".join(f"{column}: {column}" for column in columns)
    return (
        f"MATCH {node} WITH node LIMIT 1 "
        f"RETURN COLLECT {{ WITH node AS this {fragment} RETURN {{{row}}} AS row }} AS rows"
    )


@pytest.mark.parametrize("path", FRAGMENT_FILES, ids=file_id)
def test_every_fragment_is_planned_as_the_compiler_embeds_it(explain: Explain, path: Path) -> None:
    fragment = statement(file_id(path))
    text = embedded(path.stem, fragment)
    explain(text, nulls(text), False)


def test_fragment_columns_are_read_from_the_last_projection() -> None:
    fragment = (
        "MATCH (this)-[:X]->(w) WITH w, {a: 1, b: [2, 3]} AS m, count(*) AS n "
        "WITH DISTINCT w.key AS key, m, n ORDER BY key LIMIT $limit"
    )
    assert final_columns(fragment) == ["key", "m", "n"]
    assert final_columns("MATCH (t) WHERE t.name STARTS WITH 'a' WITH t AS topic") == ["topic"]


@pytest.mark.parametrize("name", list(OPERATIONS))
def test_every_compiled_statement_is_planned(explain: Explain, name: str) -> None:
    for step in compiled(name).statements():
        assert step.text is not None
        try:
            explain(step.text, step.parameters, False)
        except Neo4jError as error:
            pytest.fail(f"{name}.{step.key}: {error}\n\n{step.text}", pytrace=False)
