"""`peergraph import openalex`: files -> batches (in a process of their own) -> one
transaction each.

Parsing runs in another process, so it overlaps with the driver's work instead of taking
turns with it for the GIL. Every batch is one transaction and every write MERGEs by key or
replaces a record's links wholesale, so an interrupted import re-run with the same files
finishes the job without duplicates.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import queue
import time
import traceback
from collections.abc import Callable
from multiprocessing.process import BaseProcess
from multiprocessing.queues import Queue

from resolvers.database import Database
from resolvers.migrations import apply_migrations
from seed.openalex.batches import Batch, read_batches
from seed.openalex.files import Discovery
from seed.openalex.lock import Held, import_lock
from seed.openalex.report import ErrorLog, ImportReport
from seed.openalex.writer import write_batch

Progress = Callable[[int, int], None]  # told the input bytes consumed and records read so far
READ_AHEAD = 2  # batches parsed and waiting for the writer
Item = Batch | str | None  # a batch, a failure's traceback, or the end


class ReaderFailed(RuntimeError):
    """The reading process raised or died."""


async def import_openalex(
    db: Database,
    discovery: Discovery,
    errors: ErrorLog,
    batch_size: int = 2000,
    progress: Progress | None = None,
) -> ImportReport:
    """Import the files `discover` found; bad lines go to `errors`."""
    await apply_migrations(db)
    async with import_lock(db) as lock:
        return await _import(db, discovery, errors, batch_size, progress, lock)


async def _import(
    db: Database,
    discovery: Discovery,
    errors: ErrorLog,
    batch_size: int,
    progress: Progress | None,
    lock: Held,
) -> ImportReport:
    report = ImportReport(files=len(discovery.files), ignored=discovery.ignored)
    started = time.perf_counter()
    reader = _Reader(discovery, batch_size, errors.strict)
    try:
        while (batch := await asyncio.to_thread(reader.next)) is not None:
            lock.check()
            for entry in batch.errors:
                errors.record(entry)
            if batch.records:
                outcome = await write_batch(db, batch)
                report.add(batch.entity, outcome.tally)
                report.written += outcome.written
            report.add(batch.entity, batch.tally)
            report.file_errors += batch.file_errors
            if progress is not None:
                progress(batch.position, report.total.read)
    finally:
        reader.close()
        report.seconds = time.perf_counter() - started
    return report


class _Reader:
    def __init__(self, discovery: Discovery, batch_size: int, strict: bool) -> None:
        # forkserver: no fork of this process's event loop and sockets, and the server
        # process has the modules loaded once for all readers of the run
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([__name__])
        self.queue: Queue[Item] = context.Queue(maxsize=READ_AHEAD)
        self.process: BaseProcess = context.Process(
            target=_produce, args=(discovery, batch_size, strict, self.queue), daemon=True
        )
        self.process.start()

    def next(self) -> Batch | None:
        while True:
            try:
                item = self.queue.get(timeout=1.0)
            except queue.Empty:
                if not self.process.is_alive():
                    raise ReaderFailed("the process reading the files ended unexpectedly") from None
                continue
            if isinstance(item, str):
                raise ReaderFailed(f"reading the files failed:\n{item}")
            return item

    def close(self) -> None:
        if self.process.is_alive():
            self.process.terminate()
        self.process.join()
        self.queue.close()


def _produce(discovery: Discovery, batch_size: int, strict: bool, out: Queue[Item]) -> None:
    try:
        for batch in read_batches(discovery, batch_size, strict):
            out.put(batch)
        out.put(None)
    except KeyboardInterrupt:
        pass  # Ctrl-C reaches the whole process group: the importer reports it
    except Exception:
        out.put(traceback.format_exc())
