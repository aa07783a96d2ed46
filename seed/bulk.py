"""Writes a generated graph fast: CREATE in UNWIND batches, one transaction of
thousands of rows per batch, while the next batch is generated in a thread.

Measured on two cores, the server is the bottleneck (it uses more than one core for
a single writer: commit, index and garbage-collection work); a second concurrent
writer deadlocked on shared relationship chains and gained nothing.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import Any

from resolvers.aggregates import keep_every
from resolvers.database import Created, Database
from resolvers.migrations import apply_migrations
from seed.generator import generate
from seed.rows import Batch

Progress = Callable[[int], None]  # told the number of works written so far
Steps = list[tuple[str, dict[str, Any]]]


class GeneratedGraphExists(RuntimeError):
    """The database already holds generated keys; CREATE would duplicate them."""


@dataclass(frozen=True)
class LoadReport:
    works: int
    authorships: int
    nodes: int
    relationships: int
    seconds: float

    @property
    def works_per_second(self) -> float:
        return self.works / self.seconds if self.seconds else 0.0


# Works per transaction: 3,000 take 80-100 MiB of transaction memory, and one transaction
# may hold 350 MiB at least (server/transaction_memory.py).
GENERATED_BATCH = 5000


async def load_generated(
    db: Database,
    works: int,
    seed: int,
    batch_size: int = GENERATED_BATCH,
    progress: Progress | None = None,
) -> LoadReport:
    """Write generate(works, seed, batch_size), a transaction per batch, into a database
    without a generated graph (CREATE, not MERGE: a second load would duplicate it)."""
    await apply_migrations(db)
    if (await db.read("generate/generated_exists"))[0]["found"]:
        raise GeneratedGraphExists(
            "the database already contains a generated graph (keys starting with 'gen:'); "
            "load into a database without one"
        )
    batches = generate(works, seed, batch_size)
    started = time.perf_counter()
    written = Created()
    done = authorships = 0
    upcoming = _next_in_thread(batches)
    try:
        while (batch := await upcoming) is not None:
            upcoming = _next_in_thread(batches)
            written += await db.write_all(batch_steps(batch))
            done += len(batch.works)
            authorships += batch.authorships
            if progress is not None:
                progress(done)
    finally:
        # after a failed write the generator may still run in its thread: let it finish
        await asyncio.wait([upcoming])
        batches.close()
    # written without them, batch by batch: kept in one pass, as a bulk load's indexes are
    await keep_every(db)
    seconds = time.perf_counter() - started
    return LoadReport(done, authorships, written.nodes, written.relationships, seconds)


def _next_in_thread(batches: Generator[Batch, None, None]) -> asyncio.Task[Batch | None]:
    return asyncio.create_task(asyncio.to_thread(next, batches, None))


def batch_steps(batch: Batch) -> Steps:
    steps: Steps = []
    if batch.topics:
        steps.append(("generate/topics", {"rows": batch.topics}))
        steps.append(("generate/topic_hierarchy", {"rows": batch.topics}))
    if batch.institutions:
        steps.append(("generate/institutions", {"rows": batch.institutions}))
    steps.append(("generate/researchers", {"rows": batch.researchers}))
    steps.append(("generate/works", {"rows": batch.works}))
    if batch.citations:
        steps.append(("generate/citations", {"rows": batch.citations}))
    return steps
