"""Neo4j's own figures for the statements a request ran: while `profiled` is on, each
compiled statement the app runs goes to Neo4j under PROFILE, whose plan counts the rows
every operator produced. The statement runs once, on the app's own path (its turn, its
timeout, its errors), so that Neo4j plans it once: planning is most of a new statement's
time.

The rows a statement reads from the store are those of the operators that read it: nodes
found by a scan or a seek, relationships followed by an expand or a shortest path, and the
hits of a procedure (the full-text index). That is what a request's declared work
(core/work.py, `extensions.cost.work`) bounds."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager, contextmanager
from contextvars import ContextVar
from typing import Any

from neo4j import AsyncDriver, AsyncSession, Query, Record

from resolvers.database import Database, Row

STORE_READS = ("Scan", "Seek", "Expand", "ShortestPath", "ProcedureCall")

# The list the compiled statement being run adds its rows to, while one runs.
_reads: ContextVar[list[int] | None] = ContextVar("reads", default=None)


def rows_read(plan: dict[str, Any]) -> int:
    """The rows of a profiled plan's operators that read the store, over the whole tree."""
    operator = str(plan["operatorType"]).split("@")[0]
    own = int(plan.get("rows", 0)) if any(word in operator for word in STORE_READS) else 0
    return own + sum(rows_read(child) for child in plan.get("children", ()))


class Records:
    """A finished result's records, read the way the app reads a result."""

    def __init__(self, records: list[Record]) -> None:
        self.records = records

    async def __aiter__(self) -> AsyncIterator[Record]:
        for record in self.records:
            yield record


class ProfilingSession:
    def __init__(self, session: AsyncSession, reads: list[int]) -> None:
        self.session = session
        self.reads = reads

    async def run(self, query: Query, parameters: dict[str, Any] | None) -> Records:
        profiled = Query("PROFILE " + str(query.text), timeout=query.timeout)
        result = await self.session.run(profiled, parameters)
        records = [record async for record in result]
        summary = await result.consume()
        assert summary.profile is not None
        self.reads.append(rows_read(summary.profile))
        return Records(records)


@asynccontextmanager
async def profiling(session: AsyncSession, reads: list[int]) -> AsyncIterator[ProfilingSession]:
    async with session:
        yield ProfilingSession(session, reads)


class ProfilingDriver:
    """The app's driver; a session opened for a compiled statement profiles it."""

    def __init__(self, driver: AsyncDriver) -> None:
        self.driver = driver

    def session(
        self, **config: Any
    ) -> AsyncSession | AbstractAsyncContextManager[ProfilingSession]:
        session = self.driver.session(**config)
        reads = _reads.get()
        return session if reads is None else profiling(session, reads)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.driver, name)


@contextmanager
def profiled(db: Database) -> Iterator[list[int]]:
    """The rows each compiled statement `db` runs meanwhile reads, in the order they ran."""
    reads: list[int] = []
    run = db.query

    async def query(text: str, parameters: dict[str, Any]) -> list[Row]:
        token = _reads.set(reads)
        try:
            return await run(text, parameters)
        finally:
            _reads.reset(token)

    driver = db.driver
    db.query = query  # type: ignore[method-assign]
    db.driver = ProfilingDriver(driver)  # type: ignore[assignment]
    try:
        yield reads
    finally:
        del db.query
        db.driver = driver
