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
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.process import BaseProcess
from multiprocessing.queues import Queue
from typing import Generic, TypeVar

from resolvers.database import Database
from resolvers.migrations import apply_migrations
from seed.openalex.batches import Batch, read_batches
from seed.openalex.files import Discovery
from seed.openalex.lock import Held, import_lock
from seed.openalex.report import ErrorLog, ImportReport
from seed.openalex.writer import write_batch

Progress = Callable[[int, int], None]  # told the input bytes consumed and records read so far
READ_AHEAD = 2  # batches parsed and waiting for the writer
BatchT = TypeVar("BatchT", bound=Batch)
# What a reading process sends, given its index, its share of the files, the batch size and
# strictness; a top-level function (or a partial of one), since it travels to the process.
Produce = Callable[[int, Discovery, int, bool], Iterable[BatchT]]
Item = tuple[int, BatchT] | str | None  # a reader's batch, a failure's traceback, or the end


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
        return await write_files(db, discovery, errors, batch_size, progress, lock)


async def write_files(
    db: Database,
    discovery: Discovery,
    errors: ErrorLog,
    batch_size: int,
    progress: Progress | None,
    lock: Held,
) -> ImportReport:
    report = ImportReport(files=len(discovery.files), ignored=discovery.ignored)
    started = time.perf_counter()
    reader = Reader(discovery, batch_size, errors.strict, prepared_batches)
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


def prepared_batches(
    index: int, share: Discovery, batch_size: int, strict: bool
) -> Iterator[Batch]:
    """Batches that come with their statement rows, made in the reading process."""
    return read_batches(share, batch_size, strict, prepare=True)


class Reader(Generic[BatchT]):
    """Batches parsed by other processes, each reading its share of the files and sending
    what `produce` makes of them."""

    def __init__(
        self,
        discovery: Discovery,
        batch_size: int,
        strict: bool,
        produce: Produce[BatchT],
        processes: int = 1,
    ) -> None:
        # forkserver: no fork of this process's event loop and sockets, and the server
        # process has the modules loaded once for all readers of the run
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([__name__])
        self.queue: Queue[Item[BatchT]] = context.Queue(maxsize=READ_AHEAD * processes)
        shares = [discovery.files[index::processes] for index in range(processes)]
        self.processes: list[BaseProcess] = [
            context.Process(
                target=_produce,
                args=(index, Discovery(share, []), batch_size, strict, produce, self.queue),
                daemon=True,
            )
            for index, share in enumerate(shares)
        ]
        self.positions = [0] * processes  # bytes each process consumed of its share
        self.running = len(self.processes)
        for process in self.processes:
            process.start()

    def next(self) -> BatchT | None:
        while self.running:
            try:
                item = self.queue.get(timeout=1.0)
            except queue.Empty:
                alive = sum(process.is_alive() for process in self.processes)
                if alive < self.running and self.queue.empty():
                    raise ReaderFailed("a process reading the files ended unexpectedly") from None
                continue
            if isinstance(item, str):
                raise ReaderFailed(f"reading the files failed:\n{item}")
            if item is None:
                self.running -= 1
                continue
            index, batch = item
            self.positions[index] = batch.position
            batch.position = sum(self.positions)
            return batch
        return None

    def close(self) -> None:
        for process in self.processes:
            if process.is_alive():
                process.terminate()
            process.join()
        self.queue.close()


def _produce(
    index: int,
    share: Discovery,
    batch_size: int,
    strict: bool,
    produce: Produce[BatchT],
    out: Queue[Item[BatchT]],
) -> None:
    try:
        for batch in produce(index, share, batch_size, strict):
            out.put((index, batch))
        out.put(None)
    except KeyboardInterrupt:
        pass  # Ctrl-C reaches the whole process group: the importer reports it
    except Exception:
        out.put(traceback.format_exc())
