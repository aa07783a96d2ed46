"""The graph's statistics that work estimates read (core/work.py): read from Neo4j when the
server starts, then again every while, since imports and syncs change them while it runs.

The read walks every node once (seconds on a graph of 200,000 works), so it takes no turn at
Neo4j and has the time of a write transaction. Until the first read succeeds, every figure
counts as 0: a request is then estimated by what its shape alone caps, and the memory cap of
each transaction (server/transaction_memory.py) still holds it. A failed read keeps the
figures of the last one."""

from __future__ import annotations

import asyncio
import logging

from core.errors import DatabaseBusy, DatabaseUnavailable, QueryTimeout
from core.work import NO_STATISTICS, GraphStatistics, statistics_of
from resolvers.database import Database

logger = logging.getLogger("peergraph")

# One transaction each: together they walk the graph, longer than one transaction may take
# on a large one.
STATEMENTS = tuple(
    f"statistics/{kind}"
    for kind in (
        "researchers",
        "prolific_researchers",
        "rankings",
        "works",
        "topics",
        "institutions",
        "people",
        "counts",
    )
)
RETRY_SECONDS = 5.0


class Statistics:
    """The figures the estimates read now."""

    def __init__(self) -> None:
        self.current: GraphStatistics = NO_STATISTICS
        self.fresh = False  # whether the last read succeeded
        self.tried = asyncio.Event()  # set once the first read succeeded or failed

    async def read(self, db: Database) -> None:
        """Reads the figures again; keeps the last ones when Neo4j does not answer."""
        figures: dict[str, object] = {}
        try:
            for name in STATEMENTS:
                figures.update((await db.survey(name))[0])
        except (DatabaseUnavailable, DatabaseBusy, QueryTimeout) as error:
            logger.warning("graph statistics not read: %s", error)
            self.fresh = False
        else:
            self.current = statistics_of(figures)
            self.fresh = True
        self.tried.set()

    async def keep_fresh(self, db: Database, every: float) -> None:
        """Reads the figures now and every `every` seconds until cancelled, sooner after a
        failure."""
        while True:
            await self.read(db)
            await asyncio.sleep(every if self.fresh else min(every, RETRY_SECONDS))

    async def first_read(self, seconds: float) -> None:
        """Waits at most `seconds` for the first read to end."""
        try:
            await asyncio.wait_for(self.tried.wait(), seconds)
        except TimeoutError:
            logger.warning("graph statistics still being read; estimates count 0 until then")
