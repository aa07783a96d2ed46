"""The fastest this machine can load the generated graph: Neo4j's offline importer.

Not a test, and not how peergraph loads data (`peergraph generate` writes through
transactions into a running server). This measures the ceiling next to it: the same
`generate(N, seed)` graph written as neo4j-admin CSV files, imported into a scratch
managed Neo4j, which is then started, given the migrations' constraints and indexes,
and counted. Each step is timed.

    .venv/bin/python bench/admin_import.py --works 1000000 [--seed 1] [--keep]
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import datetime
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

from ports import free_port

from resolvers.migrations import apply_migrations
from seed.generator import generate
from seed.openalex.admin_csv import ARRAY_DELIMITER
from seed.rows import Batch
from server.connection import database_for
from server.neo4j_local import ManagedNeo4j
from server.settings import Settings, load_settings

BATCH_SIZE = 5000
INDEX_WAIT_SECONDS = 3600
HEADERS = {
    "topics": ["key:ID(Topic)", "name", "description", "level", ":LABEL"],
    "institutions": ["key:ID(Institution)", "name", "ror", "country", "type", ":LABEL"],
    "researchers": [
        "key:ID(Researcher)",
        "name",
        "headline",
        "orcid",
        "openToCollaborate:boolean",
        "verificationLevel",
        "createdAt:datetime",
        ":LABEL",
    ],
    "works": [
        "key:ID(Work)",
        "type",
        "title",
        "abstract",
        "year:int",
        "publishedOn:date",
        "venue",
        "doi",
        "arxivId",
        "openAccess:boolean",
        "citedByCount:int",
        ":LABEL",
    ],
    "subtopic_of": [":START_ID(Topic)", ":END_ID(Topic)", ":TYPE"],
    "affiliated_with": [":START_ID(Researcher)", ":END_ID(Institution)", "since:int", ":TYPE"],
    "authored": [":START_ID(Researcher)", ":END_ID(Work)", "position:int", ":TYPE"],
    "about": [":START_ID(Work)", ":END_ID(Topic)", "score:float", ":TYPE"],
    "affiliation": [":START_ID(Work)", ":END_ID(Institution)", "researcher", ":TYPE"],
    "cites": [":START_ID(Work)", ":END_ID(Work)", ":TYPE"],
}
NODE_FILES = ("topics", "institutions", "researchers", "works")

Writers = dict[str, Any]  # file name -> csv writer


def boolean(value: bool) -> str:
    return "true" if value else "false"


def write_batch(batch: Batch, out: Writers) -> None:
    """The rows cypher/generate/*.cypher would CREATE, as neo4j-admin CSV rows."""
    for topic in batch.topics:
        out["topics"].writerow(
            [topic["key"], topic["name"], topic["description"], topic["level"], "Topic"]
        )
        if topic["parent"] is not None:
            out["subtopic_of"].writerow([topic["key"], topic["parent"], "SUBTOPIC_OF"])
    for institution in batch.institutions:
        out["institutions"].writerow(
            [
                institution["key"],
                institution["name"],
                institution["ror"],
                institution["country"],
                institution["type"],
                "Institution",
            ]
        )
    for researcher in batch.researchers:
        created = datetime.datetime.fromtimestamp(researcher["createdAt"], datetime.UTC)
        out["researchers"].writerow(
            [
                researcher["key"],
                researcher["name"],
                researcher["headline"],
                researcher["orcid"],
                boolean(researcher["openToCollaborate"]),
                researcher["verificationLevel"],
                created.isoformat(),
                "Researcher",
            ]
        )
        if researcher["institution"] is not None:
            institution_key, since = researcher["institution"], researcher["since"]
            out["affiliated_with"].writerow(
                [researcher["key"], institution_key, since, "AFFILIATED_WITH"]
            )
    for work in batch.works:
        key = work["key"]
        out["works"].writerow(
            [
                key,
                work["type"],
                work["title"],
                work["abstract"],
                work["year"],
                work["publishedOn"].isoformat(),
                work["venue"],
                work["doi"],
                work["arxivId"],
                boolean(work["openAccess"]),
                work["citedByCount"],
                "Work",
            ]
        )
        out["authored"].writerows(
            (author, key, position, "AUTHORED")
            for position, author in enumerate(work["authors"], start=1)
        )
        scored = zip(work["topics"], work["scores"], strict=True)
        out["about"].writerows((key, topic, score, "ABOUT") for topic, score in scored)
        out["affiliation"].writerows(
            (key, institution, researcher, "AFFILIATION")
            for researcher, institution in work["affiliations"]
        )
    for citation in batch.citations:
        out["cites"].writerows((citation["work"], cited, "CITES") for cited in citation["cites"])


def write_csv(works: int, seed: int, folder: Path) -> None:
    with ExitStack() as files:
        writers: Writers = {}
        for name, header in HEADERS.items():
            file = files.enter_context((folder / f"{name}.csv").open("w", newline=""))
            writers[name] = csv.writer(file)
            writers[name].writerow(header)
        for batch in generate(works, seed, BATCH_SIZE):
            write_batch(batch, writers)


async def index_and_count(settings: Settings, timings: dict[str, float]) -> dict[str, Any]:
    async with database_for(settings) as db:
        with timed(timings, "constraints and indexes (migrations, then until all are online)"):
            await apply_migrations(db)
            await db.read("admin/await_indexes", {"seconds": INDEX_WAIT_SECONDS})
        return (await db.read("generate/census"))[0]


@contextmanager
def timed(timings: dict[str, float], step: str) -> Iterator[None]:
    started = time.perf_counter()
    yield
    timings[step] = time.perf_counter() - started


def scratch_settings(home: Path, **more: Any) -> Settings:
    return load_settings().model_copy(
        update={
            "neo4j_home": home,
            "neo4j_bolt_port": free_port(),
            # the server's transaction timeout follows it: index builds may take minutes
            "query_timeout": INDEX_WAIT_SECONDS,
            **more,
        }
    )


def build(settings: Settings, works: int, seed: int, folder: Path) -> tuple[dict[str, float], Any]:
    """The generated graph imported into the new managed Neo4j of `settings`, through CSV
    files written in `folder`, then started and indexed; left running. The time of each
    step, and the census."""
    neo4j = ManagedNeo4j(settings)
    timings: dict[str, float] = {}
    neo4j.start()  # creates the home, its configuration and password
    neo4j.stop()
    with timed(timings, "generate and write CSV"):
        write_csv(works, seed, folder)
    with timed(timings, "neo4j-admin database import full"):
        neo4j.import_full(
            [folder / f"{name}.csv" for name in HEADERS if name in NODE_FILES],
            [folder / f"{name}.csv" for name in HEADERS if name not in NODE_FILES],
            array_delimiter=ARRAY_DELIMITER,
        )
    with timed(timings, "start Neo4j"):
        neo4j.start()
    census = asyncio.run(index_and_count(settings, timings))
    return timings, census


def run(works: int, seed: int, keep: bool) -> None:
    scratch = Path(tempfile.mkdtemp(prefix="peergraph-admin-import-"))
    settings = scratch_settings(scratch / "neo4j")
    try:
        folder = scratch / "csv"
        folder.mkdir()
        timings, census = build(settings, works, seed, folder)
    finally:
        ManagedNeo4j(settings).stop()
        if keep:
            print(f"kept {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)

    relationships = sum(count for _, count in census["relationships"])
    print(
        f"{works:,} works (seed {seed}): {census['nodes']:,} nodes, {relationships:,} relationships"
    )
    print("| step | seconds | works/s |\n|---|---|---|")
    for step, seconds in timings.items():
        print(f"| {step} | {seconds:.1f} | {works / seconds:,.0f} |")
    total = sum(timings.values())
    print(f"| all of it | {total:.1f} | {works / total:,.0f} |")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--works", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="keep the scratch Neo4j and CSVs")
    arguments = parser.parse_args()
    run(arguments.works, arguments.seed, arguments.keep)
