"""`peergraph import openalex --bulk`: the offline importer gives the graph the
transactional import gives, and loads only into an empty managed database."""

from __future__ import annotations

import asyncio
import csv
import datetime
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from seed.openalex.admin_csv import NodeFile, Nodes, drop_rows, node_line
from seed.openalex.bulk import BulkRefused, bulk_import
from seed.openalex.bulk_graph import SnapshotGraph
from seed.openalex.bulk_parts import write_parts
from seed.openalex.files import Discovery, discover
from seed.openalex.importer import import_openalex
from seed.openalex.report import ErrorLog, ImportReport
from seed.openalex.sample import write_sample
from server.connection import database_for
from server.import_commands import bulk_target
from server.settings import Settings
from tests.conftest import run_on_db, seed_database
from tests.conftest import whole_graph as graph

FIXTURE = Path(__file__).parent / "fixtures" / "openalex" / "data"


@pytest.fixture(scope="module")
def scratch(own_neo4j: Settings) -> Iterator[Settings]:
    """The managed Neo4j apart from the session's, whose database the bulk path replaces
    (it stops and starts the server): seeded again when the module is done, as its other
    tests expect it. Starting a server is tens of seconds on a busy machine."""
    yield own_neo4j
    run_on_db(own_neo4j, "test/wipe")
    seed_database(own_neo4j)


def transactional(settings: Settings, *paths: Path) -> ImportReport:
    async def run() -> ImportReport:
        async with database_for(settings) as db:
            log = ErrorLog(io.StringIO, strict=False)
            return await import_openalex(db, discover(list(paths)), log)

    return asyncio.run(run())


def bulk_command(settings: Settings, cwd: Path, *paths: Path) -> subprocess.CompletedProcess[str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("NEO4J_", "PEERGRAPH_"))
    }
    env |= {
        "PEERGRAPH_NEO4J_HOME": str(settings.neo4j_home),
        "PEERGRAPH_NEO4J_BOLT_PORT": str(settings.neo4j_bolt_port),
    }
    command = [sys.executable, "-m", "server.cli", "import", "openalex", "--bulk", *map(str, paths)]
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=cwd, timeout=600)


def test_bulk_and_transactional_imports_give_the_same_graph(
    scratch: Settings, tmp_path: Path
) -> None:
    # The fixture has several versions of a work, citations of works outside it, and
    # untitled and unnamed records; the sample adds volume and every relationship type.
    write_sample(150, 7, tmp_path / "sample")
    inputs = (FIXTURE, tmp_path / "sample")
    run_on_db(scratch, "test/wipe")
    report = transactional(scratch, *inputs)
    expected = graph(scratch)
    run_on_db(scratch, "test/wipe")

    result = bulk_command(scratch, tmp_path, *inputs)

    # refused lines and dropped values are reported and the rest is loaded, by both alike
    assert report.total.errors and result.returncode == 1, result.stdout + result.stderr
    refusals = report.summary(Path("openalex-errors.jsonl"))[-1]
    assert refusals in result.stdout.splitlines()
    assert f"wrote {expected[0]:,} nodes and {expected[2]:,} relationships" in result.stdout
    assert "neo4j-admin database import full" in result.stdout
    assert graph(scratch) == expected
    indexes = run_on_db(scratch, "test/constraint_names")
    assert indexes, "the migrations ran after the import"


def test_bulk_refuses_a_database_that_holds_anything(scratch: Settings) -> None:
    run_on_db(scratch, "test/wipe")
    transactional(scratch, FIXTURE / "topics")
    before = graph(scratch)

    with pytest.raises(BulkRefused, match="only into an empty database"):
        bulk_import(bulk_target(scratch), discover([FIXTURE]), ErrorLog(io.StringIO, strict=False))

    assert graph(scratch) == before


def test_bulk_refuses_a_server_it_does_not_manage(tmp_path: Path) -> None:
    elsewhere = Settings(_env_file=None, neo4j_uri="bolt://db.example:7687", neo4j_password="x")

    with pytest.raises(BulkRefused, match="NEO4J_URI"):
        bulk_target(elsewhere)


# The CSV form


def test_node_rows_keep_empty_strings_apart_from_nulls() -> None:
    line = node_line(
        'W"1',
        ["", None, "two\nlines, quoted", 3, 2.5, True, ["a", "b"], datetime.date(2024, 5, 1)],
        "Work",
    )
    assert line == '"W""1","",,"two\nlines, quoted",3,2.5,true,"a\x1fb",2024-05-01,Work\n'


def test_drop_rows_cuts_out_the_rows_of_these_keys_and_keeps_the_others_as_written(
    tmp_path: Path,
) -> None:
    nodes = Nodes("things", "Thing", "Thing", (("name", "string"), ("note", "string")))
    file = NodeFile(nodes, tmp_path)
    for key in ("a", "b", "c", "d"):
        file.write(key, {"name": f"name of\n{key}", "note": "" if key == "c" else None})
    file.close()

    drop_rows(file.path, 0, {"d", "b"})

    assert file.path.read_text() == (
        'key:ID(Thing),name,note,:LABEL\n"a","name of\na",,Thing\n"c","name of\nc","",Thing\n'
    )


def work_line(key: str, title: str, author: str, updated: str | None = None) -> str:
    authorship = {"author": {"id": f"https://openalex.org/{author}", "display_name": author}}
    record = {
        "id": f"https://openalex.org/{key}",
        "title": title,
        "type": "article",
        "authorships": [authorship],
        "referenced_works": ["https://openalex.org/W404"],
        "updated_date": updated,
    }
    return json.dumps(record) + "\n"


def bulk_files(folder: Path, data: Path, processes: int) -> dict[str, list[list[str]]]:
    """The rows of each CSV file the bulk path writes for `data`, by file name, as if
    read by that many processes."""
    discovery = discover([data])
    numbers = {file.path: number for number, file in enumerate(discovery.files)}
    graph = SnapshotGraph(folder)
    for index in range(processes):
        share = Discovery(discovery.files[index::processes], [])
        for batch in write_parts(folder, numbers, index, share, 100, strict=False):
            graph.add(batch)
    files = graph.finish(processes)
    rows: dict[str, list[list[str]]] = {}
    for path in files.nodes + files.relationships:
        with path.open(newline="") as file:
            rows.setdefault(path.stem, []).extend(list(csv.reader(file))[1:])
    return rows


# The newer version of W1 is in the earlier file: its record says it was updated later
# than the folder of the other file.
NEWER_FIRST = {
    "2025-01-01": work_line("W1", "New title", "A2", "2025-03-01T00:00:00"),
    "2025-02-01": work_line("W1", "Old title", "A1"),
}
OLDER_FIRST = {
    "2025-01-01": work_line("W1", "Old title", "A1"),
    "2025-02-01": work_line("W1", "New title", "A2"),
}


@pytest.mark.parametrize("processes", [1, 2])
@pytest.mark.parametrize("versions", [OLDER_FIRST, NEWER_FIRST], ids=["older", "newer"])
def test_only_the_newest_version_of_a_work_and_its_links_are_written(
    tmp_path: Path, versions: dict[str, str], processes: int
) -> None:
    for folder, line in versions.items():
        part = tmp_path / "data" / "works" / f"updated_date={folder}" / "part_000"
        part.parent.mkdir(parents=True)
        part.write_text(line + (work_line("W2", "Other", "A1") if folder == "2025-02-01" else ""))

    rows = bulk_files(tmp_path / "csv", tmp_path / "data", processes)

    assert sorted(row[:3] for row in rows["works"]) == [
        ["W1", "article", "New title"],
        ["W2", "article", "Other"],
    ]
    assert sorted(rows["authored"]) == [
        ["A1", "W2", "1", "AUTHORED"],
        ["A2", "W1", "1", "AUTHORED"],
    ]
    assert sorted(rows["cites_missing"]) == [
        ["W1", "W404", "CITES_MISSING"],
        ["W2", "W404", "CITES_MISSING"],
    ]
    assert rows["missing_works"] == [["W404", "MissingWork"]]
    # an author only the replaced version named is still mentioned, as the
    # transactional path leaves the placeholder it once created
    assert sorted(row[0] for row in rows["researchers"]) == ["A1", "A2"]


@pytest.mark.parametrize("processes", [1, 2])
def test_of_two_versions_of_a_date_the_one_of_the_earlier_file_stays(
    tmp_path: Path, processes: int
) -> None:
    for part, title in (("part_000", "First"), ("part_001", "Second")):
        path = tmp_path / "data" / "works" / "updated_date=2025-01-01" / part
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(work_line("W1", title, "A1"))

    rows = bulk_files(tmp_path / "csv", tmp_path / "data", processes)

    assert [row[:3] for row in rows["works"]] == [["W1", "article", "First"]]
    assert rows["authored"] == [["A1", "W1", "1", "AUTHORED"]]
