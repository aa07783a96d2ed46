"""One import into a database at a time: a lock node under a unique constraint.

The importer creates `(:ImportLock {key: "openalex"})` before its first batch and deletes
it when it ends, however it ends. While it runs it renews `heartbeatAt` every
HEARTBEAT seconds; a lock whose heartbeat is older than STALE_AFTER belongs to an importer
that died without cleaning up (killed, machine lost), and the next import takes it over.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import uuid
from collections.abc import AsyncIterator

from neo4j.exceptions import ConstraintError

from resolvers.database import Database

KEY = "openalex"
HEARTBEAT = 10.0
STALE_AFTER = 60  # seconds without a heartbeat; several beats missed, not a slow batch


class ImportRunning(RuntimeError):
    """Another import holds the database's lock."""


class LockLost(RuntimeError):
    """This import's lock was taken over: it stalled past STALE_AFTER."""


class Held:
    """The lock while this import holds it."""

    def __init__(self, beating: asyncio.Task[None]) -> None:
        self.beating = beating

    def check(self) -> None:
        """Raises LockLost once another import has taken the lock over."""
        if self.beating.done() and not self.beating.cancelled():
            self.beating.result()


@contextlib.asynccontextmanager
async def import_lock(db: Database) -> AsyncIterator[Held]:
    owner = uuid.uuid4().hex
    identity = {"key": KEY, "owner": owner}
    holder = f"pid {os.getpid()} on {socket.gethostname()}"
    try:
        await db.write(
            "openalex/lock_take", {**identity, "holder": holder, "staleAfter": STALE_AFTER}
        )
    except ConstraintError:
        raise ImportRunning(await _describe_holder(db)) from None
    beating = asyncio.create_task(_beat(db, identity))
    try:
        yield Held(beating)
    finally:
        beating.cancel()
        with contextlib.suppress(asyncio.CancelledError, LockLost):
            await beating
        await db.write("openalex/lock_release", identity)


async def _beat(db: Database, identity: dict[str, str]) -> None:
    while True:
        await asyncio.sleep(HEARTBEAT)
        (row,) = await db.write("openalex/lock_beat", identity)
        if not row["held"]:
            raise LockLost("the import lock was taken over by another import")


async def _describe_holder(db: Database) -> str:
    rows = await db.read("openalex/lock_holder", {"key": KEY})
    if not rows:
        return "another import into this database was running; try again"
    started = rows[0]["startedAt"].to_native().strftime("%Y-%m-%d %H:%M:%S UTC")
    return (
        f"another import into this database is running ({rows[0]['holder']}, "
        f"since {started}); a crashed one's lock expires {STALE_AFTER}s after its last heartbeat"
    )
