"""`peergraph import openalex --bulk` end to end, step by step, into a scratch managed Neo4j.

Not a test. Write a sample first, then:

    .venv/bin/peergraph import openalex-sample --works 1000000 --out /tmp/oas1m
    PEERGRAPH_NEO4J_HEAP=3g PEERGRAPH_NEO4J_PAGECACHE=4g \\
        .venv/bin/python bench/bulk_import.py /tmp/oas1m/data [--keep]

It prints the seconds of each step and the works per second of the whole, then two
floors of the first step, each in as many processes as the import reads with: the works
files only decompressed and parsed as JSON, which no mapping can go below; and all the
files read, validated and mapped into records (seed/openalex/batches.py) with nothing
written, which no CSV writing can go below.
"""

from __future__ import annotations

import argparse
import io
import multiprocessing
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from ports import free_port

from seed.openalex.batches import read_batches
from seed.openalex.bulk import READERS, bulk_import
from seed.openalex.files import Discovery, SnapshotFile, discover, read_lines
from seed.openalex.records import Entity
from seed.openalex.report import ErrorLog
from server.import_commands import bulk_target
from server.neo4j_local import ManagedNeo4j
from server.settings import load_settings

BATCH_SIZE = 2000  # the command's default


def parse_only(files: list[SnapshotFile]) -> float:
    import pydantic_core

    started = time.process_time()
    for file in files:
        for _, line, _ in read_lines(file):
            pydantic_core.from_json(line)
    return time.process_time() - started


def map_only(files: list[SnapshotFile]) -> float:
    started = time.process_time()
    for _ in read_batches(Discovery(files, []), BATCH_SIZE, strict=False, prepare=False):
        pass
    return time.process_time() - started


def floor(read: Callable[[list[SnapshotFile]], float], files: list[SnapshotFile]) -> str:
    """Seconds `read` takes over `files`, shared out as the import shares them, and the
    CPU seconds of all its processes: on a shared machine the second tells more."""
    started = time.perf_counter()
    with multiprocessing.get_context("forkserver").Pool(READERS) as pool:
        cpu = sum(pool.map(read, [files[index::READERS] for index in range(READERS)]))
    return f"{time.perf_counter() - started:.1f} s ({cpu:.1f} CPU s)"


def run(paths: list[Path], keep: bool) -> None:
    scratch = Path(tempfile.mkdtemp(prefix="peergraph-bulk-"))
    settings = load_settings().model_copy(
        update={"neo4j_home": scratch / "neo4j", "neo4j_bolt_port": free_port()}
    )
    discovery = discover(paths)
    works = [file for file in discovery.files if file.entity is Entity.WORKS]
    try:
        target = bulk_target(settings)
        result = bulk_import(target, discovery, ErrorLog(io.StringIO, strict=False), BATCH_SIZE)
    finally:
        ManagedNeo4j(settings).stop()
        if keep:
            print(f"kept {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    report = result.report
    count = report.tallies[Entity.WORKS].read
    print(
        f"{count:,} works, {report.total.read:,} records: {report.written.nodes:,} nodes, "
        f"{report.written.relationships:,} relationships; {report.total.errors} refused"
    )
    print("| step | seconds | works/s |\n|---|---|---|")
    for step, seconds in result.steps.items():
        rate = f"{count / seconds:,.0f}" if seconds >= 1 else "—"  # the stop may be done already
        print(f"| {step} | {seconds:.1f} | {rate} |")
    print(f"| all of it | {report.seconds:.1f} | **{count / report.seconds:,.0f}** |")
    parsed = floor(parse_only, works)
    print(f"floor of the first step: the works files decompressed and parsed, {parsed}")
    mapped = floor(map_only, discovery.files)
    print(f"floor of the first step: all files read, validated and mapped, {mapped}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    parser.add_argument("--keep", action="store_true", help="keep the scratch Neo4j")
    arguments = parser.parse_args()
    run(arguments.paths, arguments.keep)
