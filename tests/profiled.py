"""Neo4j's own figures for the statements a request ran: each is recorded as the app sends it,
then run again under PROFILE, whose plan counts the rows every operator produced.

The rows a statement reads from the store are those of the operators that read it: nodes
found by a scan or a seek, relationships followed by an expand or a shortest path, and the
hits of a procedure (the full-text index). That is what a request's declared work
(core/work.py, `extensions.cost.work`) bounds."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from neo4j import GraphDatabase, NotificationMinimumSeverity, RoutingControl

from resolvers.database import Database, Row
from server.connection import connection_for
from server.settings import Settings

STORE_READS = ("Scan", "Seek", "Expand", "ShortestPath", "ProcedureCall")

Statement = tuple[str, dict[str, Any]]


def rows_read(plan: dict[str, Any]) -> int:
    """The rows of a profiled plan's operators that read the store, over the whole tree."""
    operator = str(plan["operatorType"]).split("@")[0]
    own = int(plan.get("rows", 0)) if any(word in operator for word in STORE_READS) else 0
    return own + sum(rows_read(child) for child in plan.get("children", ()))


@contextmanager
def recorded(db: Database) -> Iterator[list[Statement]]:
    """Every compiled statement `db` runs meanwhile, with its parameters."""
    statements: list[Statement] = []
    run = db.query

    async def query(text: str, parameters: dict[str, Any]) -> list[Row]:
        statements.append((text, parameters))
        return await run(text, parameters)

    db.query = query  # type: ignore[method-assign]
    try:
        yield statements
    finally:
        del db.query


class Profiler:
    """Runs statements again under PROFILE on the database of `settings`."""

    def __init__(self, settings: Settings) -> None:
        connection = connection_for(settings)
        self.database = connection.database
        self.driver = GraphDatabase.driver(
            connection.uri,
            auth=(connection.user, connection.password),
            notifications_min_severity=NotificationMinimumSeverity.OFF,
        )

    def rows(self, statements: list[Statement]) -> int:
        total = 0
        for text, parameters in statements:
            _, summary, _ = self.driver.execute_query(
                "PROFILE " + text,
                parameters,
                database_=self.database,
                routing_=RoutingControl.READ,
            )
            assert summary.profile is not None
            total += rows_read(summary.profile)
        return total

    def close(self) -> None:
        self.driver.close()
