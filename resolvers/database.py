"""The one async Neo4j driver of a process, and the only code that talks to it."""

from __future__ import annotations

import asyncio
import re
import socket
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from contextlib import asynccontextmanager, contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from neo4j import (
    READ_ACCESS,
    AsyncDriver,
    AsyncGraphDatabase,
    AsyncManagedTransaction,
    NotificationMinimumSeverity,
    Query,
    RoutingControl,
    unit_of_work,
)
from neo4j.exceptions import DriverError, Neo4jError

from core.errors import (
    BadUserInput,
    DatabaseBusy,
    DatabaseUnavailable,
    PeergraphError,
    QueryTimeout,
)
from core.timeouts import TransactionTimeouts
from resolvers.statements import statement

Row = dict[str, Any]
# A statement by name (or a compiled one by its text) and its parameters, to the rows it returns.
RunStatement = Callable[[str, dict[str, Any]], Awaitable[list[Row]]]
T = TypeVar("T")

# Turns kept for requests that are not heavy (resolvers/pipeline.py weighs them).
LIGHT_TURNS = 1
UNAVAILABLE = "the graph database is unavailable; retry shortly"
BUSY = "the graph database is busy; retry in a moment"
# The server's transaction memory is shared: another request's may be what filled it.
OUT_OF_MEMORY = "the graph database had no memory left for this query; retry, or ask for less"
# Each transaction has a cap of its own as well (the managed server's
# db.memory.transaction.max): only the request that went over it is to blame.
TOO_MUCH_MEMORY = (
    "this query needed more memory than one request may use; ask for less "
    "(smaller pages, fewer nested lists)"
)
OUT_OF_MEMORY_CODE = "Neo.TransientError.General.MemoryPoolOutOfMemoryError"
# Neo4j 5.26 reports both caps with the one code above; only the message names the cap.
OWN_CAP_REACHED = "db.memory.transaction.max threshold reached"
# Codes of a server that cannot serve this API at all, or not now.
DATABASE_REFUSED = (
    "Neo.ClientError.Security.",
    "Neo.ClientError.Database.DatabaseNotFound",
    "Neo.TransientError.General.DatabaseUnavailable",
)

# Lucene's parser (ParseException, TokenMgrError), its regexp syntax (IllegalArgumentException)
# and its limits (an automaton too complex, too many clauses) reject the user's query text;
# nothing else a full-text query passes comes from the client.
LUCENE_SYNTAX_ERROR = re.compile(
    r"Failed to invoke procedure `db\.index\.fulltext\.query\w+`: Caused by: "
    r"(?:org\.apache\.lucene\.\S+|java\.lang\.IllegalArgumentException): (.*)"
)


@dataclass(frozen=True)
class Neo4jConnection:
    """Where a Neo4j is and how to sign in to it; the server makes it from its settings."""

    uri: str
    user: str
    password: str
    database: str
    # The managed server's home folder; None for the server NEO4J_URI names.
    managed_home: Path | None = None


@dataclass(frozen=True)
class Created:
    """What write statements created, as the server counted it."""

    nodes: int = 0
    relationships: int = 0

    def __add__(self, other: Created) -> Created:
        return Created(self.nodes + other.nodes, self.relationships + other.relationships)


@dataclass(frozen=True)
class Result:
    rows: list[Row]
    created: Created


class Transaction:
    """A write transaction whose statements, run by name, may depend on earlier results."""

    def __init__(self, tx: AsyncManagedTransaction) -> None:
        self._tx = tx

    async def run(self, name: str, parameters: dict[str, Any]) -> Result:
        result = await self._tx.run(statement(name), parameters)
        rows = await result.data()
        counters = (await result.consume()).counters
        return Result(rows, Created(counters.nodes_created, counters.relationships_created))


class Budget:
    """The time all the database work of one request may take together, counted from its
    first statement, and whether the request is heavy (the pipeline weighs it by its work)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.heavy = False
        self._ends: float | None = None

    def ends(self, now: float) -> float:
        if self._ends is None:
            self._ends = now + self.seconds
        return self._ends


# Set around each request; tasks a request starts copy it and share its one budget.
_request_budget: ContextVar[Budget | None] = ContextVar("request_budget", default=None)


class Database:
    def __init__(self, driver: AsyncDriver, database: str, timeouts: TransactionTimeouts) -> None:
        self.driver = driver
        self.database = database
        self.timeouts = timeouts
        # Turns at the database: a burst of heavy requests waits here, within each one's
        # deadline, instead of filling the server's transaction memory for everyone.
        self._turns = asyncio.Semaphore(timeouts.concurrency)
        # Heavy requests take all the turns but one, which stays free for light ones: a
        # one-node read never waits behind a row of heavy statements (with one turn only,
        # they share it).
        self._heavy_turns = asyncio.Semaphore(max(1, timeouts.concurrency - LIGHT_TURNS))
        # What this process has committed, as bookmarks. In a cluster a read goes to a
        # reader, which may not have applied the last write yet; a read that sends them
        # waits until it has, so a mutation's read-back finds what it just wrote. The one
        # execute_query keeps for the writes it runs.
        self._committed = driver.execute_query_bookmark_manager

    @classmethod
    @asynccontextmanager
    async def connect(
        cls, connection: Neo4jConnection, timeouts: TransactionTimeouts
    ) -> AsyncIterator[Database]:
        driver = AsyncGraphDatabase.driver(
            connection.uri,
            auth=(connection.user, connection.password),
            connection_timeout=timeouts.connect,
            connection_acquisition_timeout=timeouts.query,
            # Retrying a dead server for the default 30 s would hold requests hostage;
            # fail fast with DATABASE_UNAVAILABLE and let the client retry.
            max_transaction_retry_time=2.0,
            notifications_min_severity=NotificationMinimumSeverity.OFF,
        )
        try:
            yield cls(driver, connection.database, timeouts)
        finally:
            await driver.close()

    async def read(self, name: str, parameters: dict[str, Any] | None = None) -> list[Row]:
        return await self._run(statement(name), parameters, RoutingControl.READ)

    async def write(self, name: str, parameters: dict[str, Any] | None = None) -> list[Row]:
        return await self._run(statement(name), parameters, RoutingControl.WRITE)

    async def survey(self, name: str) -> list[Row]:
        """A long read beside the requests (the graph's statistics): it takes no turn, so no
        request waits for it, and has the time of a write transaction."""
        async with self._answered(self.timeouts.write_transaction, admit=False) as timeout:
            query = Query(statement(name), timeout=timeout)
            records = await self._auto_commit(query, None, after_writes=False)
        return [dict(record) for record in records]

    async def query(self, text: str, parameters: dict[str, Any]) -> list[Row]:
        """A compiled read statement."""
        return await self._run(text, parameters, RoutingControl.READ)

    async def write_all(self, steps: Sequence[tuple[str, dict[str, Any]]]) -> Created:
        """Several statements in one transaction: all of them land, or none."""

        async def work(tx: Transaction) -> Created:
            created = Created()
            for name, parameters in steps:
                created += (await tx.run(name, parameters)).created
            return created

        return await self.write_transaction(work)

    async def write_transaction(self, work: Callable[[Transaction], Awaitable[T]]) -> T:
        """One transaction around `work`; retried from the start on a transient failure, so
        `work` must not change anything outside it."""

        async with self._answered(self.timeouts.write_transaction) as timeout:

            @unit_of_work(timeout=timeout)
            async def managed(tx: AsyncManagedTransaction) -> T:
                return await work(Transaction(tx))

            async with self.driver.session(
                database=self.database, bookmark_manager=self._committed
            ) as session:
                return await session.execute_write(managed)

    async def ping(self) -> None:
        """Raises DatabaseUnavailable, within the ping timeout, unless the database answers."""
        # No turn to wait for: /readyz reports the server, not this process's queue.
        async with self._answered(self.timeouts.ping, grace=0.0, admit=False) as timeout:
            query = Query(statement("ping"), timeout=timeout)
            await self._auto_commit(query, None, after_writes=False)

    def weigh(self, heavy: bool) -> None:
        """Says whether the current request is heavy: its statements take heavy turns."""
        budget = _request_budget.get()
        if budget is not None:
            budget.heavy = heavy

    @contextmanager
    def per_request(self) -> Iterator[None]:
        """All the statements run inside share one query timeout: together they take at
        most that long, and a frozen server holds the request no longer."""
        token = _request_budget.set(Budget(self.timeouts.query))
        try:
            yield
        finally:
            _request_budget.reset(token)

    @asynccontextmanager
    async def _answered(
        self, allowed: float, grace: float | None = None, *, admit: bool = True
    ) -> AsyncIterator[float]:
        """Bounds the block to `allowed` seconds (less what is left of the request's budget),
        waits within them for a turn at the database, and gives the transaction timeout to
        send along; the driver's failures come out as the errors a client can expect."""
        if grace is None:
            grace = self.timeouts.answer_grace
        clock = asyncio.get_running_loop()
        now = clock.time()
        ends = now + allowed
        budget = _request_budget.get()
        if budget is not None:
            ends = min(ends, budget.ends(now))
        if ends <= now:
            raise QueryTimeout(f"the request's queries took longer than {self.timeouts.query:g}s")
        taken = await self._take_turn(ends) if admit else []
        try:
            now = clock.time()
            if ends <= now:  # the turn came at the deadline: no time is left to run in
                raise DatabaseBusy(BUSY)
            try:
                async with asyncio.timeout_at(ends + grace):
                    yield ends - now
            # before OSError, of which it is one
            except TimeoutError as error:
                raise DatabaseUnavailable(
                    f"the graph database did not answer within {ends + grace - now:.1f}s; "
                    "retry shortly"
                ) from error
            except Neo4jError as error:
                refusal = _refusal(error, self.timeouts.query)
                if refusal is None:
                    raise
                raise refusal from error
            except (DriverError, OSError) as error:
                raise DatabaseUnavailable(UNAVAILABLE) from error
            except ValueError as error:
                # the driver's way of saying a host name does not resolve
                if isinstance(error.__cause__, socket.gaierror):
                    raise DatabaseUnavailable(UNAVAILABLE) from error
                raise
        finally:
            for lane in taken:
                lane.release()

    async def _take_turn(self, ends: float) -> list[asyncio.Semaphore]:
        """One of the process's turns at the database, and first a heavy one for a heavy
        request: the lanes taken, for the caller to release; DatabaseBusy when none comes
        free by `ends`."""
        budget = _request_budget.get()
        lanes = [self._turns]
        if budget is not None and budget.heavy:
            lanes.insert(0, self._heavy_turns)
        taken: list[asyncio.Semaphore] = []
        try:
            for lane in lanes:
                if lane.locked():
                    try:
                        async with asyncio.timeout_at(ends):
                            await lane.acquire()
                    except TimeoutError:
                        raise DatabaseBusy(BUSY) from None
                else:
                    await lane.acquire()  # free: no wait, and no timer to set
                taken.append(lane)
        except BaseException:
            for lane in taken:
                lane.release()
            raise
        return taken

    async def _auto_commit(
        self, query: Query, parameters: dict[str, Any] | None, *, after_writes: bool = True
    ) -> list[Any]:
        """A read in a transaction of its own: one round trip, where a managed transaction
        takes two (BEGIN with RUN, then COMMIT); a read has nothing to retry half-done.
        `after_writes`: it sees every write this process committed before it (in a cluster,
        a lagging reader makes it wait); the ping and the statistics need not."""
        async with self.driver.session(
            database=self.database,
            default_access_mode=READ_ACCESS,
            bookmark_manager=self._committed if after_writes else None,
        ) as session:
            result = await session.run(query, parameters)
            return [record async for record in result]

    async def _run(
        self, text: str, parameters: dict[str, Any] | None, routing: RoutingControl
    ) -> list[Row]:
        async with self._answered(self.timeouts.query) as timeout:
            query = Query(text, timeout=timeout)
            if routing is RoutingControl.READ:
                records = await self._auto_commit(query, parameters)
            else:
                records, _, _ = await self.driver.execute_query(
                    query, parameters, database_=self.database, routing_=routing
                )
        return [dict(record) for record in records]


def _refusal(error: Neo4jError, timeout: float) -> PeergraphError | None:
    """What a client is told when the server refused a statement, if the server stopped it
    (its time or its memory ran out), it is the client's doing (a search query Lucene cannot
    parse, a query over its own memory cap) or the database cannot be used at all
    (credentials, database name: the operator's to fix); None for the rest."""
    code = error.code or ""
    if "TransactionTimedOut" in code:
        return QueryTimeout(f"the query took longer than {timeout:g}s and was stopped")
    if code == OUT_OF_MEMORY_CODE and OWN_CAP_REACHED in (error.message or ""):
        return BadUserInput(TOO_MUCH_MEMORY)
    if code == OUT_OF_MEMORY_CODE:
        return DatabaseUnavailable(OUT_OF_MEMORY)
    syntax_error = LUCENE_SYNTAX_ERROR.match(error.message or "")
    if code == "Neo.ClientError.Procedure.ProcedureCallFailed" and syntax_error:
        return BadUserInput(f"invalid search query: {syntax_error.group(1).strip()}")
    # No code: the driver's own, that its pool had no connection to give in time.
    if not code or code.startswith(DATABASE_REFUSED):
        return DatabaseUnavailable(UNAVAILABLE)
    return None
