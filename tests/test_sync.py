"""`peergraph import openalex --sync`: only what is newer than the graph's sync point, merged
ids applied, and a re-run changes nothing; on the session's real Neo4j.

Each test starts from an empty graph; the module puts the seed back when it is done.
"""

from __future__ import annotations

import asyncio
import gzip
import io
import shutil
from pathlib import Path

from starlette.testclient import TestClient

from core.global_ids import encode_id
from seed.openalex.records import Entity
from seed.openalex.report import ErrorLog
from seed.openalex.sample import SNAPSHOT_DATE, write_sample
from seed.openalex.sync import SyncReport, sync_openalex
from server.app import create_app
from server.connection import database_for
from server.settings import Settings
from tests.conftest import gql, kept_differences, run_on_db
from tests.conftest import whole_graph as fingerprint
from tests.test_openalex import DATA, LATER, cli

MERGES = """merge_date,id,merge_into_id
2025-04-01,https://openalex.org/A90007,https://openalex.org/A90006
2025-04-01,https://openalex.org/W90008,https://openalex.org/W90005
"""
# A stale copy of the merged work W90008 in a later partition: never applied again.
STALE = (
    '{"id": "https://openalex.org/W90008", "title": "A stale copy", "publication_year": 2020,'
    ' "updated_date": "2025-05-01T00:00:00", "type": "article"}\n'
)


def sync(settings: Settings, root: Path) -> SyncReport:
    async def run() -> SyncReport:
        async with database_for(settings) as db:
            return await sync_openalex(db, root, ErrorLog(io.StringIO, False))

    return asyncio.run(run())


def snapshot(tmp_path: Path, *, later: bool = True, merges: bool = False) -> Path:
    """The fixture snapshot, without its later works partition unless `later`, with a
    merged_ids/ month and a stale partition after it when `merges`."""
    root = tmp_path / "snapshot" / "data"
    if not root.exists():
        shutil.copytree(DATA, root)
    later_works = root / "works" / LATER
    if not later:
        shutil.rmtree(later_works)
    elif not later_works.exists():
        shutil.copytree(DATA / "works" / LATER, later_works)
    if merges:
        for entity in ("authors", "works"):
            folder = root / "merged_ids" / entity
            folder.mkdir(parents=True, exist_ok=True)
            rows = [line for line in MERGES.splitlines()[1:] if f"/{entity[0].upper()}" in line]
            text = "\n".join([MERGES.splitlines()[0], *rows]) + "\n"
            (folder / "2025-04-01.csv.gz").write_bytes(gzip.compress(text.encode()))
        stale = root / "works" / "updated_date=2025-05-01"
        stale.mkdir(exist_ok=True)
        (stale / "part_000").write_text(STALE)
    return root


def test_a_sync_applies_only_the_partitions_after_the_last_one(
    empty: Settings, tmp_path: Path
) -> None:
    root = snapshot(tmp_path, later=False)
    first = sync(empty, root)
    assert (first.since, str(first.through)) == (None, "2025-01-10")
    snapshot(tmp_path)  # the next month's partition arrives
    second = sync(empty, root)
    assert (str(second.since), str(second.through)) == ("2025-01-10", "2025-03-01")
    assert second.report.files == 1  # works/updated_date=2025-03-01 alone
    synced = fingerprint(empty)

    run_on_db(empty, "test/wipe")
    sync(empty, root)  # a fresh mirror of the final state
    assert fingerprint(empty) == synced


def test_a_second_sync_changes_nothing(empty: Settings, tmp_path: Path) -> None:
    root = snapshot(tmp_path, merges=True)
    sync(empty, root)
    before = fingerprint(empty)
    again = sync(empty, root)
    assert (again.report.files, again.merges) == (0, 0)
    assert fingerprint(empty) == before


def test_merged_ids_answer_the_record_they_were_merged_into(
    empty: Settings, tmp_path: Path
) -> None:
    root = snapshot(tmp_path)
    sync(empty, root)
    snapshot(tmp_path, merges=True)
    report = sync(empty, root)
    assert (report.merges, str(report.through)) == (2, "2025-05-01")
    query = """query ($id: ID!) {
      researcher(id: $id) { id name works(first: 10) { totalCount } }
      byOpenalexId: researcher(openalexId: "A90007") { id }
      work(openalexId: "https://openalex.org/W90008") { id title references(first: 10) { totalCount } }
    }"""
    with TestClient(create_app(empty)) as client:
        response = gql(client, query, id=encode_id("Researcher", "A90007"))
    assert response.errors == []
    mingfei, heavy_tails = encode_id("Researcher", "A90006"), encode_id("Work", "W90005")
    assert response.data["researcher"]["id"] == mingfei
    assert response.data["byOpenalexId"] == {"id": mingfei}
    work = response.data["work"]
    assert work["id"] == heavy_tails
    assert work["title"] == "Heavy tails in stochastic training, revisited"  # not the stale copy
    assert work["references"]["totalCount"] >= 1  # W90008's reference moved to it
    assert kept_differences(empty) == []
    merged = fingerprint(empty)

    run_on_db(empty, "test/wipe")
    sync(empty, root)  # the final state in one sync: the same graph
    assert fingerprint(empty) == merged


def write_work_merges(root: Path, date: str, *rows: tuple[str, str]) -> None:
    folder = root / "merged_ids" / "works"
    folder.mkdir(parents=True, exist_ok=True)
    lines = [MERGES.splitlines()[0], *(f"{date},{id},{into}" for id, into in rows)]
    (folder / f"{date}.csv.gz").write_bytes(gzip.compress(("\n".join(lines) + "\n").encode()))


def test_a_chain_of_merges_in_one_file_equals_the_merges_one_month_at_a_time(
    empty: Settings, tmp_path: Path
) -> None:
    """W90005 joins W90004, then W90008 joins W90005, now a name of W90004: merges sharing
    a node are applied in file order, each after the one it depends on."""
    root = snapshot(tmp_path)
    sync(empty, root)
    write_work_merges(root, "2025-04-01", ("W90005", "W90004"))
    sync(empty, root)
    write_work_merges(root, "2025-04-02", ("W90008", "W90005"))
    sync(empty, root)
    one_at_a_time = fingerprint(empty)
    assert kept_differences(empty) == []

    run_on_db(empty, "test/wipe")
    shutil.rmtree(root / "merged_ids")
    sync(empty, root)
    write_work_merges(root, "2025-04-02", ("W90008", "W90005"), ("W90005", "W90004"))
    report = sync(empty, root)
    assert report.merges == 2
    assert fingerprint(empty) == one_at_a_time
    with TestClient(create_app(empty)) as client:
        response = gql(client, '{ work(openalexId: "W90008") { id } }')
    assert response.data == {"work": {"id": encode_id("Work", "W90004")}}


def test_a_month_of_a_sample_synced_equals_a_fresh_mirror_of_it(
    empty: Settings, tmp_path: Path
) -> None:
    whole = tmp_path / "whole"
    write_sample(300, 4, whole, months=1)
    first = tmp_path / "first" / "data"
    for entity in whole.glob("data/*"):
        if entity.name != "merged_ids":
            for folder in entity.glob(f"updated_date={SNAPSHOT_DATE.isoformat()}"):
                shutil.copytree(folder, first / entity.name / folder.name)
    sync(empty, first)
    for month in (whole / "data").rglob("*2025-02-01*"):
        target = first / month.relative_to(whole / "data")
        target.parent.mkdir(parents=True, exist_ok=True)
        (shutil.copytree if month.is_dir() else shutil.copy)(month, target)
    report = sync(empty, first)
    assert report.merges > 0
    assert report.report.tallies[Entity.WORKS].updated > 0  # revised works
    assert kept_differences(empty) == []
    synced = fingerprint(empty)

    run_on_db(empty, "test/wipe")
    sync(empty, whole / "data")
    assert fingerprint(empty) == synced


def test_the_command_says_how_far_it_synced(empty: Settings, tmp_path: Path) -> None:
    root = snapshot(tmp_path)
    done = cli(empty, "import", "openalex", "--sync", str(root), cwd=tmp_path)
    assert "synced from the start through 2025-03-01; 0 merged ids applied" in done.stdout
    refused = cli(empty, "import", "openalex", "--sync", str(root), str(root), cwd=tmp_path)
    assert refused.returncode != 0
    assert "--sync takes one snapshot folder" in refused.stderr
