"""The one async Neo4j driver of a process, and the only code that talks to it."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

from neo4j import (
    READ_ACCESS,
    AsyncDriver,
    AsyncGraphDatabase,
    AsyncManagedTransaction,
    NotificationMinimumSeverity,
    Query,
    RoutingControl,
)
from neo4j.exceptions import ClientError, DriverError, ServiceUnavailable, SessionExpired

from resolvers.statements import statement
from schema.errors import BadUserInput, DatabaseUnavailable, QueryTimeout
from server.connection import Neo4jConnection

Row = dict[str, Any]
T = TypeVar("T")

# Lucene's parser (ParseException, TokenMgrError) and its regexp syntax (IllegalArgumentException)
# reject the user's query text; nothing else a full-text query passes comes from the client.
LUCENE_SYNTAX_ERROR = re.compile(
    r"Failed to invoke procedure `db\.index\.fulltext\.query\w+`: Caused by: "
    r"(?:org\.apache\.lucene\.queryparser\.\S+|java\.lang\.IllegalArgumentException): (.*)"
)


@dataclass(frozen=True)
class Written:
    """What write statements created, as the server counted it."""

    nodes: int = 0
    relationships: int = 0

    def __add__(self, other: Written) -> Written:
        return Written(self.nodes + other.nodes, self.relationships + other.relationships)


@dataclass(frozen=True)
class Result:
    rows: list[Row]
    written: Written


class Transaction:
    """A write transaction whose statements, run by name, may depend on earlier results."""

    def __init__(self, tx: AsyncManagedTransaction) -> None:
        self._tx = tx

    async def run(self, name: str, parameters: dict[str, Any]) -> Result:
        result = await self._tx.run(statement(name), parameters)
        rows = await result.data()
        counters = (await result.consume()).counters
        return Result(rows, Written(counters.nodes_created, counters.relationships_created))


class Database:
    def __init__(self, driver: AsyncDriver, database: str, timeout: float) -> None:
        self.driver = driver
        self.database = database
        self.timeout = timeout

    @classmethod
    @asynccontextmanager
    async def connect(
        cls, connection: Neo4jConnection, query_timeout: float
    ) -> AsyncIterator[Database]:
        driver = AsyncGraphDatabase.driver(
            connection.uri,
            auth=(connection.user, connection.password),
            connection_timeout=5.0,
            connection_acquisition_timeout=10.0,
            # Retrying a dead server for the default 30 s would hold requests hostage;
            # fail fast with DATABASE_UNAVAILABLE and let the client retry.
            max_transaction_retry_time=2.0,
            notifications_min_severity=NotificationMinimumSeverity.OFF,
        )
        try:
            yield cls(driver, connection.database, query_timeout)
        finally:
            await driver.close()

    async def read(self, name: str, parameters: dict[str, Any] | None = None) -> list[Row]:
        return await self._run(statement(name), parameters, RoutingControl.READ)

    async def write(self, name: str, parameters: dict[str, Any] | None = None) -> list[Row]:
        return await self._run(statement(name), parameters, RoutingControl.WRITE)

    async def query(self, text: str, parameters: dict[str, Any]) -> list[Row]:
        """A compiled read statement."""
        return await self._run(text, parameters, RoutingControl.READ)

    async def write_all(self, steps: Sequence[tuple[str, dict[str, Any]]]) -> Written:
        """Several statements in one transaction: all of them land, or none."""

        async def work(tx: Transaction) -> Written:
            written = Written()
            for name, parameters in steps:
                written += (await tx.run(name, parameters)).written
            return written

        return await self.write_transaction(work)

    async def write_transaction(self, work: Callable[[Transaction], Awaitable[T]]) -> T:
        """One transaction around `work`; retried from the start on a transient failure, so
        `work` must not change anything outside it."""

        async def managed(tx: AsyncManagedTransaction) -> T:
            return await work(Transaction(tx))

        try:
            async with self.driver.session(database=self.database) as session:
                return await session.execute_write(managed)
        except (ServiceUnavailable, SessionExpired, OSError) as error:
            raise DatabaseUnavailable("the graph database is unavailable; retry shortly") from error

    async def ping(self) -> bool:
        try:
            await self.read("ping")
        except (DatabaseUnavailable, QueryTimeout):
            return False
        return True

    async def _auto_commit(self, query: Query, parameters: dict[str, Any] | None) -> list[Any]:
        """A read in a transaction of its own: one round trip, where a managed transaction
        takes two (BEGIN with RUN, then COMMIT); a read has nothing to retry half-done."""
        async with self.driver.session(
            database=self.database, default_access_mode=READ_ACCESS
        ) as session:
            result = await session.run(query, parameters)
            return [record async for record in result]

    async def _run(
        self, text: str, parameters: dict[str, Any] | None, routing: RoutingControl
    ) -> list[Row]:
        query = Query(text, timeout=self.timeout)
        try:
            if routing is RoutingControl.READ:
                records = await self._auto_commit(query, parameters)
            else:
                records, _, _ = await self.driver.execute_query(
                    query, parameters, database_=self.database, routing_=routing
                )
        except (ServiceUnavailable, SessionExpired, OSError) as error:
            raise DatabaseUnavailable("the graph database is unavailable; retry shortly") from error
        except ClientError as error:
            if error.code and "TransactionTimedOut" in error.code:
                raise QueryTimeout(
                    f"the query took longer than {self.timeout:g}s and was stopped"
                ) from error
            syntax_error = LUCENE_SYNTAX_ERROR.match(error.message or "")
            if error.code == "Neo.ClientError.Procedure.ProcedureCallFailed" and syntax_error:
                raise BadUserInput(
                    f"invalid search query: {syntax_error.group(1).strip()}"
                ) from error
            raise
        except DriverError as error:
            raise DatabaseUnavailable(
                f"the graph database could not be reached ({error})"
            ) from error
        return [dict(record) for record in records]
