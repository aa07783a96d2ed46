"""One request cannot starve another (issue 21): a process runs at most
PEERGRAPH_DB_CONCURRENCY statements on Neo4j at once, a statement that finds no turn within
its request's time is DATABASE_BUSY (503 and Retry-After when nothing ran), and the managed
Neo4j stops a transaction at its own share of the transaction memory, refusing only the
request that asked for too much."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from starlette.testclient import TestClient

from core.errors import BadUserInput, DatabaseBusy
from core.timeouts import TransactionTimeouts
from resolvers.database import BUSY, Database, Transaction
from server.app import create_app
from server.connection import connection_for
from server.graphql_http import any_answer
from server.neo4j_local import ManagedNeo4j
from server.settings import Settings
from server.transaction_memory import (
    MAX_TURNS,
    MIN_TRANSACTION_MIB,
    TRANSACTIONS_SHARE_OF_HEAP,
    TransactionMemoryTooSmall,
    most_turns,
    transaction_memory,
)

# Long enough that the server is busy for the whole of a turned-away request's time.
SLOW = "UNWIND range(1, 3000000) AS x RETURN count(x) AS counted"
WORKS = "{ works(first: 1) { totalCount } }"
# A generous bound on waits that should end at once, so that a broken test fails rather
# than hangs; no assertion is made on any time.
HANG_GUARD_SECONDS = 60.0
# The transactions open on the server, less the one that asks.
SERVER_TRANSACTIONS = """
SHOW TRANSACTIONS YIELD database, currentQuery
WHERE database = $database AND NOT currentQuery CONTAINS 'SHOW TRANSACTIONS'
RETURN count(*) AS running
"""


class Turns:
    """Transactions that each take a turn at the database and keep it, idle on the server,
    until released."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.taken = asyncio.Semaphore(0)
        self.released = asyncio.Event()
        self.holders: list[asyncio.Task[str]] = []

    async def take(self, count: int) -> None:
        for _ in range(count):
            self.holders.append(asyncio.create_task(self.db.write_transaction(self._hold)))
        for _ in range(count):
            await asyncio.wait_for(self.taken.acquire(), HANG_GUARD_SECONDS)

    async def give_back(self) -> list[str]:
        self.released.set()
        return await asyncio.gather(*self.holders)

    async def _hold(self, tx: Transaction) -> str:
        await tx.run("ping", {})
        self.taken.release()
        await self.released.wait()
        return "held"


async def outcome(run: Callable[[], Awaitable[Any]]) -> Any:
    try:
        return await run()
    except Exception as error:
        return error


def test_no_more_statements_run_at_once_than_the_concurrency_and_the_rest_are_busy(
    seeded: Settings,
) -> None:
    connection = connection_for(seeded)
    timeouts = TransactionTimeouts(query=1.0, concurrency=2)

    async def scenario() -> tuple[list[Any], list[int], list[str], int]:
        async with (
            Database.connect(connection, timeouts) as db,
            Database.connect(connection, TransactionTimeouts(query=10.0)) as observer,
        ):

            async def slow_read() -> Any:
                with db.per_request():
                    return await db.query(SLOW, {})

            async def running_now() -> int:
                rows = await observer.query(SERVER_TRANSACTIONS, {"database": db.database})
                return int(rows[0]["running"])

            assert await running_now() == 0
            turns = Turns(db)
            await turns.take(2)
            readers = [asyncio.create_task(outcome(slow_read)) for _ in range(3)]
            running = []
            while not all(reader.done() for reader in readers):
                running.append(await running_now())
                await asyncio.sleep(0.05)
            answers = [reader.result() for reader in readers]
            held = await turns.give_back()
            # the turns are back: a statement runs again at once
            after = (await db.read("ping"))[0]["ok"]
            return answers, running, held, after

    answers, running, held, after = asyncio.run(scenario())
    assert [type(answer) for answer in answers] == [DatabaseBusy] * 3
    assert {answer.message for answer in answers} == {BUSY}
    assert {answer.extensions["code"] for answer in answers} == {"DATABASE_BUSY"}
    assert running and max(running) == 2
    assert held == ["held", "held"]
    assert after == 1


HEAVY_RUNNING = """
SHOW TRANSACTIONS YIELD database, currentQuery
WHERE database = $database AND currentQuery CONTAINS 'range(1, 3000000)'
  AND NOT currentQuery CONTAINS 'SHOW TRANSACTIONS'
RETURN count(*) AS running
"""


def test_heavy_requests_leave_a_turn_to_light_ones(seeded: Settings) -> None:
    """With two turns, heavy statements run one at a time, and a light read runs beside
    them rather than after them."""
    connection = connection_for(seeded)
    timeouts = TransactionTimeouts(query=30.0, concurrency=2)

    async def scenario() -> tuple[list[int], bool, list[Any]]:
        async with (
            Database.connect(connection, timeouts) as db,
            Database.connect(connection, TransactionTimeouts(query=10.0)) as observer,
        ):

            async def read(statement: str, heavy: bool) -> Any:
                with db.per_request():
                    db.weigh(heavy)
                    return await db.query(statement, {})

            heavy = [asyncio.create_task(read(SLOW, heavy=True)) for _ in range(3)]
            running = []
            while not any(task.done() for task in heavy):
                rows = await observer.query(HEAVY_RUNNING, {"database": db.database})
                running.append(int(rows[0]["running"]))
                if running[-1]:
                    break
                await asyncio.sleep(0.01)
            light = await asyncio.wait_for(read("RETURN 1 AS ok", heavy=False), 10.0)
            beside = not all(task.done() for task in heavy)
            while not all(task.done() for task in heavy):
                rows = await observer.query(HEAVY_RUNNING, {"database": db.database})
                running.append(int(rows[0]["running"]))
                await asyncio.sleep(0.02)
            answers = [task.result() for task in heavy]
            return running, beside and light == [{"ok": 1}], answers

    running, light_beside, answers = asyncio.run(scenario())
    assert max(running) == 1
    assert light_beside
    assert answers == [[{"counted": 3000000}]] * 3


def test_ping_takes_no_turn(seeded: Settings) -> None:
    async def scenario() -> None:
        timeouts = TransactionTimeouts(query=1.0, concurrency=1)
        async with Database.connect(connection_for(seeded), timeouts) as db:
            turns = Turns(db)
            await turns.take(1)
            await db.ping()
            await turns.give_back()

    asyncio.run(scenario())


@contextmanager
def every_turn_taken(client: TestClient, db: Database, count: int) -> Iterator[None]:
    """`count` turns of the app's database held by transactions in the app's own loop."""
    portal = client.portal
    assert portal is not None, "the client runs the app: `with TestClient(app)`"
    turns = Turns(db)
    portal.call(turns.take, count)
    try:
        yield
    finally:
        portal.call(turns.give_back)


def test_a_request_that_finds_no_turn_is_503_with_retry_after(seeded: Settings) -> None:
    settings = seeded.model_copy(update={"db_concurrency": 1, "query_timeout": 1.0})
    app = create_app(settings)
    with TestClient(app) as client:
        assert client.post("/graphql", json={"query": WORKS}).status_code == 200
        with every_turn_taken(client, app.state.db, 1):
            for accept in ("application/json", "application/graphql-response+json"):
                busy = client.post("/graphql", json={"query": WORKS}, headers={"accept": accept})
                assert busy.status_code == 503
                assert busy.headers["retry-after"] == "1"
                errors = busy.json()["errors"]
                assert [error["extensions"]["code"] for error in errors] == ["DATABASE_BUSY"]
                assert errors[0]["message"] == BUSY
            # /readyz waits for no turn: the server is up, this process is busy
            assert client.get("/readyz").status_code == 200
        answered = client.post("/graphql", json={"query": WORKS})
        assert answered.status_code == 200
        assert "retry-after" not in answered.headers
        assert answered.json()["data"]["works"]["totalCount"] > 0


def test_a_partial_answer_is_not_a_503() -> None:
    busy = {"message": BUSY, "path": ["b"], "extensions": {"code": "DATABASE_BUSY"}}
    assert not any_answer({"data": None, "errors": [busy]})
    assert not any_answer({"data": {"a": None, "b": None}, "errors": [busy, busy]})
    assert any_answer({"data": {"a": {"totalCount": 0}, "b": None}, "errors": [busy]})
    timeout = {"message": "late", "path": ["a"], "extensions": {"code": "TIMEOUT"}}
    assert any_answer({"data": None, "errors": [busy, timeout]})


@pytest.mark.parametrize(
    ("heap", "transactions", "per_transaction", "total"),
    [("1g", 1, 358, 716), ("2g", 3, 358, 1433), ("3g", 5, 358, 2150), ("8g", 10, 521, 5734)],
)
def test_transaction_memory_covers_every_turn_and_leaves_neo4j_its_share(
    heap: str, transactions: int, per_transaction: int, total: int
) -> None:
    memory = transaction_memory(heap, transactions)
    assert (memory.per_transaction, memory.total) == (per_transaction, total)
    heap_mib = int(heap[:-1]) * (1024 if heap.endswith("g") else 1)
    # every turn, and a command beside the API, can use its whole share at once
    assert memory.per_transaction * (transactions + 1) <= memory.total
    assert memory.total <= heap_mib * TRANSACTIONS_SHARE_OF_HEAP


def test_a_heap_too_small_for_the_concurrency_refuses_to_start() -> None:
    with pytest.raises(TransactionMemoryTooSmall) as refused:
        transaction_memory("1g", 2)
    assert "PEERGRAPH_DB_CONCURRENCY" in str(refused.value)
    assert "PEERGRAPH_NEO4J_HEAP" in str(refused.value)
    assert transaction_memory("1g", 1).per_transaction >= MIN_TRANSACTION_MIB


@pytest.mark.parametrize(
    ("heap", "workers", "turns"),
    [("1g", 1, 1), ("2g", 1, 3), ("2g", 2, 1), ("3g", 1, 5), ("16g", 1, MAX_TURNS)],
)
def test_unless_told_a_process_takes_the_turns_its_heap_has_room_for(
    heap: str, workers: int, turns: int
) -> None:
    assert most_turns(heap, workers) == turns
    settings = Settings(_env_file=None, neo4j_uri=None, neo4j_heap=heap, workers=workers)
    assert settings.database_turns == turns
    assert transaction_memory(heap, turns * workers).per_transaction >= MIN_TRANSACTION_MIB
    given = Settings(_env_file=None, neo4j_uri="bolt://elsewhere:7687", neo4j_heap=heap)
    assert given.database_turns == 8  # a Neo4j of one's own: its heap is not ours to see


def test_the_managed_neo4j_caps_transaction_memory(settings: Settings) -> None:
    if not settings.managed:
        pytest.skip("tests run against NEO4J_URI")
    conf = (ManagedNeo4j(settings).home / "conf" / "neo4j.conf").read_text()
    lines = dict(line.split("=", 1) for line in conf.splitlines())
    memory = transaction_memory(settings.neo4j_heap, settings.workers * settings.database_turns)
    assert lines["db.memory.transaction.max"] == f"{memory.per_transaction}m"
    assert lines["dbms.memory.transaction.total.max"] == f"{memory.total}m"


def test_a_statement_over_its_memory_share_fails_alone(seeded: Settings) -> None:
    if not seeded.managed:
        pytest.skip("the per-transaction cap is the managed server's")
    # As many heavy statements as the managed server's caps are sized for, and a light one
    # beside them: a turn more than the heavy ones take.
    heavy_statements = seeded.database_turns
    timeouts = TransactionTimeouts(seeded.query_timeout, concurrency=heavy_statements + 1)

    async def scenario() -> list[Any]:
        async with Database.connect(connection_for(seeded), timeouts) as db:

            async def heavy() -> Any:
                return await db.read("test/exhaust_memory", {"count": 200_000_000})

            async def light() -> Any:
                return await db.read("ping")

            runs = [outcome(heavy) for _ in range(heavy_statements)]
            return await asyncio.gather(*runs, outcome(light))

    *heavies, light = asyncio.run(scenario())
    assert [type(answer) for answer in heavies] == [BadUserInput] * heavy_statements
    assert {answer.extensions["code"] for answer in heavies} == {"BAD_USER_INPUT"}
    assert all("more memory than one request may use" in answer.message for answer in heavies)
    assert light == [{"ok": 1}]
