"""`peergraph import openalex --bulk`: the offline importer gives the graph the
transactional import gives, and loads only into an empty managed database."""

from __future__ import annotations

import asyncio
import csv
import datetime
import io
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from resolvers.database import Database
from seed.openalex.admin_csv import NodeFile, Nodes, drop, node_line
from seed.openalex.bulk import BulkRefused, bulk_import
from seed.openalex.bulk_graph import SnapshotGraph
from seed.openalex.files import discover
from seed.openalex.importer import import_openalex
from seed.openalex.mapping import Mapped
from seed.openalex.records import Entity
from seed.openalex.report import ErrorLog, ImportReport
from seed.openalex.sample import write_sample
from server.connection import connection_for
from server.settings import Settings
from tests.conftest import managed_server, managed_settings, run_on_db
from tests.conftest import whole_graph as graph

FIXTURE = Path(__file__).parent / "fixtures" / "openalex" / "data"


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    """A managed Neo4j of its own: the bulk path replaces its database."""
    with managed_server(managed_settings(tmp_path_factory.mktemp("bulk-neo4j"))) as settings:
        yield settings


def transactional(settings: Settings, *paths: Path) -> ImportReport:
    async def run() -> ImportReport:
        async with Database.connect(connection_for(settings), settings.query_timeout) as db:
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
    write_sample(300, 7, tmp_path / "sample")
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
        bulk_import(scratch, discover([FIXTURE]), ErrorLog(io.StringIO, strict=False))

    assert graph(scratch) == before


def test_bulk_refuses_a_server_it_does_not_manage(tmp_path: Path) -> None:
    elsewhere = Settings(_env_file=None, neo4j_uri="bolt://db.example:7687", neo4j_password="x")

    with pytest.raises(BulkRefused, match="NEO4J_URI"):
        bulk_import(elsewhere, discover([FIXTURE]), ErrorLog(io.StringIO, strict=False))


# The CSV form


def test_node_rows_keep_empty_strings_apart_from_nulls() -> None:
    line = node_line(
        'W"1',
        ["", None, "two\nlines, quoted", 3, 2.5, True, ["a", "b"], datetime.date(2024, 5, 1)],
        "Work",
    )
    assert line == '"W""1","",,"two\nlines, quoted",3,2.5,true,"a\x1fb",2024-05-01,Work\n'


def test_drop_cuts_out_exactly_the_rows_it_is_given(tmp_path: Path) -> None:
    nodes = Nodes("things", "Thing", "Thing", (("name", "string"),))
    file = NodeFile(nodes, tmp_path)
    ranges = [file.write(key, {"name": f"name of\n{key}"}) for key in ("a", "b", "c", "d")]
    file.close()

    drop(file.path, [ranges[3], ranges[1]])

    assert file.path.read_text() == (
        'key:ID(Thing),name,:LABEL\n"a","name of\na",Thing\n"c","name of\nc",Thing\n'
    )


def work(key: str, updated: datetime.datetime, title: str, author: str) -> Mapped:
    record = Mapped(key, updated, {"type": "article", "title": title})
    record.add("openalex/researcher_placeholders", {"key": author, "name": author.lower()})
    record.nested["authored"] = [{"researcher": author, "position": 1}]
    record.add("openalex/cites", {"work": key, "cited": "W404"})
    return record


@pytest.mark.parametrize("newest_first", [False, True])
def test_only_the_newest_version_of_a_work_and_its_links_are_written(
    tmp_path: Path, newest_first: bool
) -> None:
    older = work("W1", datetime.datetime(2025, 1, 1), "Old title", "A1")
    newer = work("W1", datetime.datetime(2025, 3, 1), "New title", "A2")
    graph = SnapshotGraph(tmp_path)
    for record in [newer, older] if newest_first else [older, newer]:
        graph.add(Entity.WORKS, record)
    graph.add(Entity.WORKS, work("W2", datetime.datetime(2025, 1, 1), "Other", "A1"))

    files = graph.finish()

    def rows(name: str) -> list[list[str]]:
        with (tmp_path / f"{name}.csv").open(newline="") as file:
            return list(csv.reader(file))[1:]

    assert sorted(row[:3] for row in rows("works")) == [
        ["W1", "article", "New title"],
        ["W2", "article", "Other"],
    ]
    assert sorted(rows("authored")) == [
        ["A1", "W2", "1", "AUTHORED"],
        ["A2", "W1", "1", "AUTHORED"],
    ]
    assert sorted(rows("cites_missing")) == [
        ["W1", "W404", "CITES_MISSING"],
        ["W2", "W404", "CITES_MISSING"],
    ]
    assert rows("missing_works") == [["W404", "MissingWork"]]
    # an author only the replaced version named is still mentioned, as the
    # transactional path leaves the placeholder it once created
    assert sorted(row[0] for row in rows("researchers")) == ["A1", "A2"]
    assert tmp_path / "works.csv" in files.nodes
