"""Importing OpenAlex snapshot files into a real Neo4j: mapping, idempotence, newer records,
any order of files, bad input and interrupted runs.

The tests share the session's database: each starts from an empty graph and the module
puts the seed back when it is done.
"""

from __future__ import annotations

import asyncio
import io
import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from core.global_ids import encode_id
from seed.openalex.files import discover
from seed.openalex.importer import Progress, import_openalex
from seed.openalex.lock import STALE_AFTER, ImportRunning
from seed.openalex.report import ErrorLog, ImportReport, StrictStop
from seed.openalex.sample import write_sample
from server.app import create_app
from server.connection import connection_for, database_for
from server.settings import Settings
from tests.conftest import gql, kept_differences, run_on_db, seed_database
from tests.conftest import whole_graph as fingerprint

FIXTURE = Path(__file__).parent / "fixtures" / "openalex"
DATA = FIXTURE / "data"
FIRST = "updated_date=2025-01-10"
LATER = "updated_date=2025-03-01"


class Stop(Exception):
    """Stands for Ctrl-C between two batches."""


def load(
    settings: Settings,
    *paths: Path,
    batch_size: int = 2000,
    strict: bool = False,
    progress: Progress | None = None,
) -> tuple[ImportReport, list[dict[str, Any]]]:
    errors = io.StringIO()

    async def run() -> ImportReport:
        async with database_for(settings) as db:
            log = ErrorLog(lambda: errors, strict)
            return await import_openalex(db, discover(list(paths)), log, batch_size, progress)

    report = asyncio.run(run())
    return report, [json.loads(line) for line in errors.getvalue().splitlines()]


def links(settings: Settings, kind: str, source: str | None = None) -> list[dict[str, Any]]:
    return [
        row
        for row in run_on_db(settings, "test/links")
        if row["type"] == kind and source in (None, row["source"])
    ]


def node(settings: Settings, key: str) -> dict[str, Any]:
    (row,) = run_on_db(settings, "test/node", {"key": key})
    return dict(row["properties"])


# Mapping


def test_the_fixture_is_mapped_onto_the_graph(empty: Settings) -> None:
    report, errors = load(empty, DATA)
    assert len(errors) == 4  # three lines refused, one value dropped
    assert report.files == 7 and len(report.ignored) == 1
    works = report.tallies[next(entity for entity in report.tallies if entity.value == "works")]
    assert (
        works.read,
        works.created,
        works.updated,
        works.skipped,
        works.dropped,
        works.errors,
    ) == (11, 7, 0, 1, 1, 3)
    # the year that is not a number is dropped, the rest of its work kept
    assert node(empty, "W90007") | {"openalexUpdated": None} == {
        "key": "W90007",
        "title": "A year that is not a number",
        "type": "other",
        "openalexUpdated": None,
        "citations": 0,  # kept (resolvers/aggregates.py), as is:
        "topical": False,
    }

    work = node(empty, "W90004")
    assert (
        work["title"] == "Provable Training of a ReLU Gate with an Iterative Non-Gradient Algorithm"
    )
    assert work["type"] == "article"
    assert work["doi"] == "10.1016/j.neunet.2022.03.040"
    assert work["arxivId"] == "2005.04211"
    assert work["venue"] == "Neural Networks"
    assert work["year"] == 2022 and str(work["publishedOn"]) == "2022-07-01"
    assert work["openAccess"] is False and work["citedByCount"] == 12
    assert work["abstract"].startswith("In this work, we demonstrate provable guarantees")
    assert node(empty, "W90008")["title"] == "A note on ReLU gates"  # display_name for a null title

    byline = [
        (row["properties"]["position"], row["source"])
        for row in links(empty, "AUTHORED")
        if row["target"] == "W90001"
    ]
    assert sorted(byline) == [
        (1, "A90004"),
        (2, "A90001"),
        (3, "A90005"),
        (4, "A90006"),
        (5, "A90007"),
    ]
    assert [
        (row["target"], row["properties"]["score"]) for row in links(empty, "ABOUT", "W90004")
    ] == [
        ("T90001", 0.95),
        ("T90003", 0.7),
    ]
    assert [row["target"] for row in links(empty, "CITES", "W90001")] == ["W90003"]
    assert [row["target"] for row in links(empty, "CITES_MISSING", "W90001")] == ["W99999"]
    # the same reference listed twice is one citation
    assert [row["target"] for row in links(empty, "CITES", "W90008")] == ["W90004"]

    mukherjee = node(empty, "A90001")
    assert mukherjee["orcid"] == "0000-0001-5555-1238"
    assert mukherjee["alternativeNames"] == ["A. Mukherjee"]
    assert node(empty, "A90002").get("orcid") is None
    assert node(empty, "A90004")["name"] == "Alejandro F Frangi"  # a placeholder from a byline
    assert [
        (row["target"], row["properties"]) for row in links(empty, "AFFILIATED_WITH", "A90001")
    ] == [("I90001", {"since": 2022})]
    assert node(empty, "I90001") | {"openalexUpdated": None} == {
        "key": "I90001",
        "name": "University of Manchester",
        "ror": "027m9bs27",
        "country": "GB",
        "type": "education",
        "openalexUpdated": None,
        "worksCount": 2,  # works naming it, kept
    }
    florida = node(empty, "I90002")  # only known from bylines and an author's record
    assert florida["name"] == "University of Florida" and "openalexUpdated" not in florida

    hierarchy = {row["source"]: row["target"] for row in links(empty, "SUBTOPIC_OF")}
    assert hierarchy == {
        "T90001": "subfields/1702",
        "T90002": "subfields/1702",
        "T90003": "subfields/1702",
        "subfields/1702": "fields/17",
        "fields/17": "domains/3",
    }
    assert (
        node(empty, "subfields/1702")["description"] == "Machine learning and intelligent systems."
    )
    assert node(empty, "T90003")["level"] == "topic"
    assert node(empty, "domains/3")["level"] == "domain"


def test_the_api_serves_the_imported_graph(empty: Settings) -> None:
    load(empty, DATA)
    query = """
    query ($work: ID!, $researcher: ID!) {
      work(id: $work) {
        title arxivId openalexUpdated
        authors { position researcher { name orcid } institutions { name } }
        topics { score topic { name level parent { name parent { name } } } }
      }
      researcher(id: $researcher) { name affiliation { name ror } stats { works } }
      byArxiv: work(arxivId: "2204.12554") { title }
    }"""
    with TestClient(create_app(empty)) as client:
        response = gql(
            client,
            query,
            work=encode_id("Work", "W90002"),
            researcher=encode_id("Researcher", "A90001"),
        )
    assert response.errors == []
    work = response.data["work"]
    assert work["openalexUpdated"] == "2025-03-01T02:00:00.000001"  # the later record's
    assert [
        (a["position"], a["researcher"]["name"], [i["name"] for i in a["institutions"]])
        for a in work["authors"]
    ] == [
        (1, "Sayar Karmakar", ["University of Florida"]),
        (2, "Theodore Papamarkou", []),
        (3, "Anirbit Mukherjee", ["University of Florida", "University of Manchester"]),
    ]
    assert work["topics"] == [
        {
            "score": 0.9,
            "topic": {
                "name": "Stochastic gradient methods",
                "level": "TOPIC",
                "parent": {
                    "name": "Artificial Intelligence",
                    "parent": {"name": "Computer Science"},
                },
            },
        }
    ]
    assert response.data["researcher"] == {
        "name": "Anirbit Mukherjee",
        "affiliation": {"name": "University of Manchester", "ror": "027m9bs27"},
        "stats": {"works": 5},
    }
    assert response.data["byArxiv"]["title"].startswith("An Empirical Study")


# Idempotence, updates and order


def test_importing_the_same_files_again_changes_nothing(empty: Settings) -> None:
    load(empty, DATA)
    before = fingerprint(empty)
    report, errors = load(empty, DATA)
    assert fingerprint(empty) == before
    total = report.total
    assert (total.created, total.updated, total.dropped, total.errors) == (0, 0, 1, 3)
    assert total.skipped == total.read - total.errors
    assert len(errors) == 4


def test_a_newer_record_replaces_the_older_ones_properties_and_links(empty: Settings) -> None:
    load(empty, DATA / "works" / FIRST)
    assert [row["source"] for row in links(empty, "AUTHORED") if row["target"] == "W90002"] == [
        "A90001",
        "A90002",
    ]
    report, _ = load(empty, DATA / "works" / LATER)
    assert report.total.updated == 1
    work = node(empty, "W90002")
    assert (
        work["title"]
        == "An Empirical Study of the Occurrence of Heavy Tails in Training a ReLU Gate"
    )
    assert work["citedByCount"] == 7
    authored = sorted(
        (row["properties"]["position"], row["source"])
        for row in links(empty, "AUTHORED")
        if row["target"] == "W90002"
    )
    assert authored == [(1, "A90002"), (2, "A90003"), (3, "A90001")]
    assert [row["target"] for row in links(empty, "ABOUT", "W90002")] == ["T90002"]
    assert [row["target"] for row in links(empty, "CITES", "W90002")] == ["W90003", "W90004"]
    affiliations = [
        (row["properties"]["researcher"], row["target"])
        for row in links(empty, "AFFILIATION", "W90002")
    ]
    assert sorted(affiliations) == [
        ("A90001", "I90001"),
        ("A90001", "I90002"),
        ("A90002", "I90002"),
    ]


def test_an_older_file_imported_later_does_not_overwrite_a_newer_record(empty: Settings) -> None:
    load(empty, DATA)
    in_order = fingerprint(empty)
    run_on_db(empty, "test/wipe")
    load(empty, DATA / "works" / LATER)
    report, _ = load(empty, DATA)
    assert fingerprint(empty) == in_order
    works = next(tally for entity, tally in report.tallies.items() if entity.value == "works")
    assert works.skipped == 2  # the stored newer version, and the same again from its own folder


def test_works_before_their_authors_institutions_and_topics_give_the_same_graph(
    empty: Settings,
) -> None:
    load(empty, DATA)
    everything_at_once = fingerprint(empty)
    run_on_db(empty, "test/wipe")
    load(empty, DATA / "works")
    assert node(empty, "T90001").get("description") is None  # a placeholder so far
    load(empty, DATA / "topics", DATA / "subfields")
    load(empty, DATA / "authors")
    load(empty, DATA / "institutions")
    assert fingerprint(empty) == everything_at_once


def test_a_citation_of_a_work_not_yet_imported_is_completed_when_it_comes(
    empty: Settings, tmp_path: Path
) -> None:
    load(empty, DATA / "works" / FIRST)
    assert [row["target"] for row in links(empty, "CITES_MISSING")] == ["W99999"]
    later = tmp_path / "works" / "updated_date=2025-06-01" / "part_000"
    later.parent.mkdir(parents=True)
    later.write_text(
        json.dumps({"id": "https://openalex.org/W99999", "title": "Cited at last"}) + "\n"
    )
    load(empty, later)
    assert links(empty, "CITES_MISSING") == []
    assert [row["source"] for row in links(empty, "CITES") if row["target"] == "W99999"] == [
        "W90001"
    ]
    assert run_on_db(empty, "test/node", {"key": "W99999"})[0]["labels"] == ["Work"]


def test_an_import_interrupted_between_batches_completes_when_run_again(empty: Settings) -> None:
    load(empty, DATA)
    clean = fingerprint(empty)
    run_on_db(empty, "test/wipe")
    written = []

    def interrupt(position: int, records: int) -> None:
        written.append(records)
        if len(written) == 6:
            raise Stop

    with pytest.raises(Stop):
        load(empty, DATA, batch_size=1, progress=interrupt)
    partial = fingerprint(empty)
    assert 0 < partial[0] < clean[0]
    load(empty, DATA, batch_size=1)
    assert fingerprint(empty) == clean


def test_a_seed_work_and_its_openalex_record_are_one_work(empty: Settings) -> None:
    seed_database(empty)
    seed = fingerprint(empty)
    load(empty, DATA)
    # the fixture's four works are the seed's four papers (same arXiv id or DOI)
    works = {row["key"]: row for row in run_on_db(empty, "test/work_identities")}
    assert {key: works[key]["openalexId"] for key in works if key.startswith("arxiv:")} == {
        "arxiv:2605.07959": "W90001",
        "arxiv:2204.12554": "W90002",
        "arxiv:2005.01699": "W90003",
        "arxiv:2005.04211": "W90004",  # by its journal DOI
    }
    assert not {"W90001", "W90002", "W90003", "W90004"} & set(works)
    merged = node(empty, "arxiv:2204.12554")
    assert merged["title"] == (
        "An Empirical Study of the Occurrence of Heavy Tails in Training a ReLU Gate"
    )  # the newest OpenAlex version, whose links replaced the seed's
    # its authors are the seed's researchers, whose OpenAlex ids became aliases
    assert sorted(
        (row["properties"]["position"], row["source"])
        for row in links(empty, "AUTHORED")
        if row["target"] == "arxiv:2204.12554"
    ) == [(1, "sayar-karmakar"), (2, "theodore-papamarkou"), (3, "anirbit-mukherjee")]
    # citations of an OpenAlex id reach the seed node that holds it
    assert [row["target"] for row in links(empty, "CITES", "arxiv:2605.07959")] == [
        "arxiv:2005.01699"
    ]
    assert [row["target"] for row in links(empty, "CITES", "W90008")] == ["arxiv:2005.04211"]
    assert len(seed[1]) < fingerprint(empty)[0]  # the OpenAlex-only works came in beside them

    again = fingerprint(empty)
    load(empty, DATA)
    assert fingerprint(empty) == again


def test_a_merged_seed_work_is_found_by_its_openalex_id(empty: Settings) -> None:
    seed_database(empty)
    load(empty, DATA)
    query = """{
      work(openalexId: "https://openalex.org/W90002") { id arxivId }
      search(query: "W90002", first: 1) { node { id } }
    }"""
    with TestClient(create_app(empty)) as client:
        response = gql(client, query)
    assert response.errors == []
    seed_work = encode_id("Work", "arxiv:2204.12554")
    assert response.data["work"] == {"id": seed_work, "arxivId": "2204.12554"}
    assert response.data["search"] == [{"node": {"id": seed_work}}]


# Bad input


def test_strict_stops_at_the_first_bad_line_with_its_message(empty: Settings) -> None:
    with pytest.raises(StrictStop, match=r"works/updated_date=2025-01-10/part_001:2: Invalid JSON"):
        load(empty, DATA, strict=True, batch_size=3)
    # the batches before the bad line are written whole; the one holding it is not
    assert node(empty, "W90001")["title"].startswith("Convergent")
    assert run_on_db(empty, "test/node", {"key": "W90005"}) == []


def truncated_copy(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    broken = folder / "works" / FIRST / "part_000.gz"
    content = broken.read_bytes()
    broken.write_bytes(content[: len(content) // 2])
    return folder, broken


def test_a_truncated_gzip_is_reported_by_name_and_the_other_files_load(
    empty: Settings, tmp_path: Path
) -> None:
    folder, broken = truncated_copy(tmp_path)
    report, errors = load(empty, folder)
    assert [error["file"] for error in errors if "gzip" in error["error"]] == [str(broken)]
    assert report.file_errors == [
        f"{broken}: truncated gzip: the compressed data ends before its end marker (after line {errors[0]['line'] - 1})"
    ]
    assert node(empty, "W90005")["title"].startswith("Heavy tails")
    with pytest.raises(StrictStop, match=f"{broken}:.*truncated gzip"):
        load(empty, folder, strict=True)


def cli(settings: Settings, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    connection = connection_for(settings)
    env = {**os.environ, "NEO4J_URI": connection.uri, "NEO4J_PASSWORD": connection.password}
    command = [sys.executable, "-m", "server.cli", *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=cwd, timeout=120)


def test_the_command_prints_a_summary_and_writes_the_error_report(
    empty: Settings, tmp_path: Path
) -> None:
    result = cli(empty, "import", "openalex", str(DATA), "--errors", "bad.jsonl", cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    summary = next(line for line in lines if line.startswith("read "))
    assert summary.startswith("read 18 records from 7 files")
    assert (
        "         works         11          7          0          1          1          3" in lines
    )
    assert lines[-1] == "3 lines refused and 1 values dropped, each with file and line: bad.jsonl"
    reported = (tmp_path / "bad.jsonl").read_text().splitlines()
    assert [json.loads(line)["line"] for line in reported] == [2, 3, 4, 5]

    again = cli(empty, "import", "openalex", str(DATA), "--strict", cwd=tmp_path)
    assert again.returncode == 1
    assert again.stderr.strip().splitlines()[-1].startswith("peergraph: ")
    assert "part_001:2: Invalid JSON" in again.stderr


def test_a_clean_import_leaves_an_error_path_that_is_not_a_file_alone(
    empty: Settings, tmp_path: Path
) -> None:
    # as /dev/null is: a clean run removes an old report, never a device or a pipe
    write_sample(20, 5, tmp_path / "sample")
    pipe = tmp_path / "errors.pipe"
    os.mkfifo(pipe)
    result = cli(empty, "import", "openalex", "sample", "--errors", str(pipe), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert pipe.is_fifo()


def test_the_command_refuses_a_path_it_cannot_use(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "server.cli", "import", "openalex", str(tmp_path / "nowhere")]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.strip() == f"peergraph: {tmp_path / 'nowhere'} does not exist"


def test_a_sample_snapshot_loads_completely(empty: Settings, tmp_path: Path) -> None:
    sample = write_sample(200, 3, tmp_path)
    report, errors = load(empty, tmp_path, batch_size=64)
    assert errors == []
    total = report.total
    assert total.created == sum(sample.records.values()) and total.skipped == 0
    census = run_on_db(empty, "generate/census")[0]
    assert dict(census["relationships"])["AUTHORED"] >= 200
    assert run_on_db(empty, "generate/broken_bylines") == []
    assert kept_differences(empty) == []


def test_the_sample_command_writes_a_snapshot(tmp_path: Path) -> None:
    command = [
        sys.executable,
        "-m",
        "server.cli",
        "import",
        "openalex-sample",
        "--works",
        "30",
        "--out",
        str(tmp_path),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(
        "wrote 4 domains, 8 fields, 12 subfields, 50 topics, 20 institutions"
    )
    assert "30 works in 7 files under" in result.stdout
    assert {file.entity.value for file in discover([tmp_path]).files} == {
        "domains",
        "fields",
        "subfields",
        "topics",
        "institutions",
        "authors",
        "works",
    }


# Real record shapes (tests/fixtures/openalex/shapes)

SHAPES = FIXTURE / "shapes"


def test_real_shapes_lose_nothing_but_the_bad_values(empty: Settings) -> None:
    report, errors = load(empty, SHAPES)
    assert (report.total.errors, report.total.dropped) == (0, 4)
    assert sorted((error["id"], error["line"], error["field"]) for error in errors) == [
        ("https://openalex.org/W91002", 2, "authorships.0.author.orcid"),
        ("https://openalex.org/W91002", 2, "authorships.0.institutions.0.ror"),
        ("https://openalex.org/W91002", 2, "referenced_works.1"),
        ("https://openalex.org/W91002", 2, "topics.0"),
    ]
    values = {error["field"]: error["value"] for error in errors}
    assert values["authorships.0.institutions.0.ror"] == "https://ror.org/not-a-ror"
    assert values["referenced_works.1"] == "https://openalex.org/A91001"

    bad = node(empty, "W91002")
    assert (bad["title"], bad["doi"], bad["year"]) == (
        "Bad values, good work",
        "10.5555/graphs.2024.2",
        2024,
    )
    assert [row["target"] for row in links(empty, "ABOUT", "W91002")] == ["T91002"]
    assert [row["target"] for row in links(empty, "CITES", "W91002")] == ["W91001"]
    assert node(empty, "A91003").get("orcid") is None
    assert node(empty, "I91003").get("ror") is None and node(empty, "I91003")["name"]
    assert node(empty, "W91001")["doi"] == "10.5555/graphs.2023.1"  # a doubled DOI prefix
    assert node(empty, "I91002")["ror"] == "02tyrky19"  # a doubled ROR prefix, then its record
    # known only from works: the newest work that mentions it says what it is
    assert node(empty, "I91001")["type"] == "education"


def test_authors_without_an_openalex_id_keep_their_place_and_name(empty: Settings) -> None:
    load(empty, SHAPES)
    query = """
    query ($work: ID!) {
      work(id: $work) {
        title
        authors { position name researcher { name } institutions { name } }
        short: authors(first: 2) { position name }
      }
    }"""
    with TestClient(create_app(empty)) as client:
        response = gql(client, query, work=encode_id("Work", "W91001"))
    assert response.errors == []
    work = response.data["work"]
    assert work["title"] == "Graphs of Dublin"  # the newer version
    assert [
        (a["position"], a["name"], a["researcher"], [i["name"] for i in a["institutions"]])
        for a in work["authors"]
    ] == [
        (1, "Aoife Byrne", {"name": "Aoife Byrne"}, ["University College Dublin"]),
        (2, "Jane Doe", None, ["Trinity College Dublin"]),
        (3, "M. Kelly", None, []),
        (
            4,
            "Ciarán Walsh",
            {"name": "Ciarán Walsh"},
            ["Trinity College Dublin", "University College Dublin"],
        ),
    ]
    assert work["short"] == [
        {"position": 1, "name": "Aoife Byrne"},
        {"position": 2, "name": "Jane Doe"},
    ]


def test_any_order_of_files_gives_the_same_graph(empty: Settings) -> None:
    files = [file.path for file in discover([SHAPES, DATA]).files]
    orders = [files, files[::-1]]
    for seed in (1, 2):
        shuffled = files.copy()
        random.Random(seed).shuffle(shuffled)
        orders.append(shuffled)
    graphs = []
    for order in orders:
        run_on_db(empty, "test/wipe")
        for path in order:
            load(empty, path)
        graphs.append(fingerprint(empty))
        assert node(empty, "I91001")["type"] == "education"
    assert all(graph == graphs[0] for graph in graphs[1:])


# One import at a time


def hold_lock(settings: Settings, heartbeat_seconds_ago: int) -> None:
    run_on_db(
        settings,
        "test/import_lock",
        {"key": "openalex", "holder": "pid 1 on elsewhere", "ago": heartbeat_seconds_ago},
    )


def test_a_second_import_is_refused_while_the_first_runs(empty: Settings, tmp_path: Path) -> None:
    hold_lock(empty, heartbeat_seconds_ago=5)
    with pytest.raises(ImportRunning, match="another import into this database is running"):
        load(empty, DATA)
    running_report = tmp_path / "openalex-errors.jsonl"
    running_report.write_text('{"line": 2}\n')  # the running import's, in the same folder
    result = cli(empty, "import", "openalex", str(DATA), cwd=tmp_path)
    assert result.returncode == 1
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("peergraph: another import into this database is running")
    assert "pid 1 on elsewhere" in line
    assert run_on_db(empty, "test/node", {"key": "W90001"}) == []
    assert running_report.read_text() == '{"line": 2}\n'


def test_a_crashed_imports_lock_expires_and_a_finished_import_leaves_none(
    empty: Settings,
) -> None:
    hold_lock(empty, heartbeat_seconds_ago=STALE_AFTER + 5)
    load(empty, DATA)
    assert node(empty, "W90001")["title"].startswith("Convergent")
    assert run_on_db(empty, "test/import_locks") == []


def test_an_empty_input_is_an_error_and_writes_no_report(empty: Settings, tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    result = cli(empty, "import", "openalex", str(folder), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"peergraph: nothing to import: no OpenAlex data files in {folder}"
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == ["empty"]


def test_a_clean_run_writes_no_report_and_removes_an_old_one(
    empty: Settings, tmp_path: Path
) -> None:
    (tmp_path / "openalex-errors.jsonl").write_text("from an earlier run\n")
    result = cli(empty, "import", "openalex", str(SHAPES / "institutions"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert list(tmp_path.iterdir()) == []
