"""OpenAlex parsing and mapping on their own: ids, abstracts, bylines, versions, files."""

from __future__ import annotations

import datetime
import gzip
import io
import json
import zlib
from pathlib import Path

import pytest
from pydantic import ValidationError

from seed.openalex import records
from seed.openalex.batches import read_batches
from seed.openalex.files import FileError, InputError, discover, read_lines
from seed.openalex.mapping import (
    UNDATED,
    arxiv_id,
    byline,
    gather,
    map_author,
    map_work,
    rebuild_abstract,
    version,
    work_type,
)
from seed.openalex.records import Entity, openalex_key
from seed.openalex.report import ErrorLog, StrictStop
from seed.openalex.salvage import describe
from seed.openalex.sample import inverted_index, write_sample

FIXTURE = Path(__file__).parent / "fixtures" / "openalex"


def work(**fields: object) -> records.Work:
    return records.Work.model_validate({"id": "W1", **fields})


def authorship(key: str, name: str) -> dict[str, object]:
    return {"author": {"id": f"https://openalex.org/{key}", "display_name": name}}


def test_keys_are_openalex_ids_without_the_url() -> None:
    assert openalex_key("https://openalex.org/W2741809807", Entity.WORKS) == "W2741809807"
    assert openalex_key("A5023888391", Entity.AUTHORS) == "A5023888391"
    assert openalex_key("https://openalex.org/subfields/1702", Entity.SUBFIELDS) == "subfields/1702"
    assert openalex_key("https://openalex.org/I27837315", Entity.INSTITUTIONS) == "I27837315"
    with pytest.raises(ValueError, match="not an OpenAlex work id"):
        openalex_key("https://openalex.org/A5023888391", Entity.WORKS)
    with pytest.raises(ValueError, match="not an OpenAlex topic id"):
        openalex_key("https://openalex.org/fields/17", Entity.TOPICS)


def test_the_abstract_is_rebuilt_in_word_order() -> None:
    index = {"the": [0, 4], "Graphs": [1], "of": [3], "help": [2], "world.": [5]}
    assert rebuild_abstract(index) == "the Graphs help of the world."
    assert rebuild_abstract({"gap": [0], "kept": [7]}) == "gap kept"
    assert rebuild_abstract({}) is None
    assert rebuild_abstract(None) is None
    text = "a round trip of a text through its inverted index"
    assert rebuild_abstract(inverted_index(text)) == text


def test_positions_follow_the_list_and_a_repeated_author_keeps_the_first_place() -> None:
    record = work(
        authorships=[
            {**authorship("A1", "One"), "author_position": "first"},
            {**authorship("A2", "Two"), "author_position": "middle"},
            {**authorship("A1", "One again"), "author_position": "middle"},
            {**authorship("A3", "Three"), "author_position": "last"},
        ]
    )
    assert [(position, a.author.id) for position, _, a in byline(record.authorships)] == [
        (1, "A1"),
        (2, "A2"),
        (3, "A3"),
    ]
    rows = map_work(record, None).nested["authored"]
    assert [row["position"] for row in rows] == [1, 2, 3]


def test_the_version_is_the_later_of_the_record_date_and_the_folder_date() -> None:
    folder = datetime.date(2025, 3, 1)
    own = datetime.datetime(2025, 3, 1, 5, 30)
    assert version(own, folder) == own
    assert version(datetime.datetime(2024, 1, 1), folder) == datetime.datetime(2025, 3, 1)
    aware = datetime.datetime(
        2025, 3, 1, 7, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=2))
    )
    assert version(aware, None) == own
    assert version(None, None) == UNDATED


def test_identifiers_are_stored_canonical() -> None:
    record = work(
        doi="https://doi.org/10.48550/ARXIV.2204.12554",
        authorships=[
            {
                "author": {
                    "id": "A1",
                    "display_name": "One",
                    "orcid": "https://orcid.org/0000-0002-1825-0097",
                },
                "institutions": [
                    {"id": "I1", "display_name": "Manchester", "ror": "https://ror.org/027m9bs27"}
                ],
            }
        ],
    )
    mapped = map_work(record, None)
    assert mapped.properties["doi"] == "10.48550/arxiv.2204.12554"
    assert mapped.properties["arxivId"] == "2204.12554"
    assert mapped.related["openalex/researcher_placeholders"][0]["orcid"] == "0000-0002-1825-0097"
    assert mapped.related["openalex/institution_placeholders"][0]["ror"] == "027m9bs27"
    with pytest.raises(ValidationError, match="is not a ROR id"):
        records.InstitutionRef.model_validate({"id": "I1", "display_name": "x", "ror": "nope"})


def test_the_arxiv_id_comes_from_ids_the_doi_or_a_landing_page() -> None:
    assert arxiv_id(work(ids={"arxiv": "arXiv:2005.04211v3"})) == "2005.04211"
    assert arxiv_id(
        work(locations=[{"landing_page_url": "http://arxiv.org/abs/2005.04211v2"}])
    ) == ("2005.04211")
    assert arxiv_id(
        work(primary_location={"landing_page_url": "https://arxiv.org/pdf/2204.12554.pdf"})
    ) == ("2204.12554")
    assert arxiv_id(work(doi="10.1016/j.neunet.2022.03.040")) is None


def test_types_the_api_does_not_know_become_other_and_untitled_works_get_a_title() -> None:
    assert work_type("book-chapter") == "book-chapter"
    assert work_type("paratext") == work_type(None) == "other"
    assert map_work(work(display_name="Shown name"), None).properties["title"] == "Shown name"
    assert map_work(work(), None).properties["title"] == ""


def test_a_work_links_its_topics_into_the_hierarchy() -> None:
    hierarchy = {
        "subfield": {"id": "https://openalex.org/subfields/1702", "display_name": "AI"},
        "field": {"id": "https://openalex.org/fields/17", "display_name": "CS"},
        "domain": {"id": "https://openalex.org/domains/3", "display_name": "Physical"},
    }
    mapped = map_work(
        work(topics=[{"id": "T1", "display_name": "t", "score": 0.5, **hierarchy}]), None
    )
    assert [
        (row["key"], row["parent"]) for row in mapped.related["openalex/topic_placeholders"]
    ] == [
        ("T1", "subfields/1702"),
        ("subfields/1702", "fields/17"),
        ("fields/17", "domains/3"),
        ("domains/3", None),
    ]
    hierarchy_rows = gather([mapped])["openalex/topic_hierarchy_placeholders"]
    assert [(row["key"], row["parent"]) for row in hierarchy_rows] == [
        ("T1", "subfields/1702"),
        ("subfields/1702", "fields/17"),
        ("fields/17", "domains/3"),
    ]
    assert mapped.nested["about"] == [{"topic": "T1", "score": 0.5}]


def test_an_author_is_affiliated_with_the_last_known_institutions_since_their_first_year() -> None:
    manchester = {"id": "I1", "display_name": "Manchester"}
    author = records.Author.model_validate(
        {
            "id": "A1",
            "display_name": "One",
            "display_name_alternatives": ["One", "O. Ne"],
            "last_known_institutions": [manchester],
            "affiliations": [{"institution": manchester, "years": [2024, 2019, 2021]}],
        }
    )
    mapped = map_author(author, None)
    assert mapped.properties["alternativeNames"] == ["O. Ne"]
    assert mapped.related["openalex/affiliated_with"] == [
        {"researcher": "A1", "institution": "I1", "since": 2019}
    ]
    legacy = records.Author.model_validate(
        {"id": "A2", "display_name": "Two", "last_known_institution": manchester}
    )
    assert map_author(legacy, None).related["openalex/affiliated_with"][0]["since"] is None


def test_validation_errors_name_each_field() -> None:
    with pytest.raises(ValidationError) as error:
        records.Work.model_validate_json(b'{"id": "A1", "cited_by_count": "many"}')
    assert describe(error.value) == (
        "id: Value error, 'A1' is not an OpenAlex work id; "
        "cited_by_count: Input should be a valid integer, unable to parse string as an integer"
    )


def test_discovery_orders_entities_so_referenced_ones_come_first() -> None:
    discovery = discover([FIXTURE / "data"])
    assert [file.entity.value for file in discovery.files] == [
        "subfields",
        "topics",
        "institutions",
        "authors",
        "works",
        "works",
        "works",
    ]
    assert [file.folder_date for file in discovery.files][-1] == datetime.date(2025, 3, 1)
    assert [path.parts[-3] for path in discovery.ignored] == ["sources"]
    assert discovery.total_bytes == sum(file.size for file in discovery.files)


def test_paths_that_cannot_be_imported_are_refused_up_front(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        discover([tmp_path / "missing"])
    stray = tmp_path / "part_000.gz"
    stray.write_bytes(b"")
    with pytest.raises(InputError, match="not inside a folder named after an entity"):
        discover([stray])
    empty = tmp_path / "data"
    (empty / "works").mkdir(parents=True)
    with pytest.raises(InputError, match=f"^nothing to import: no OpenAlex data files in {empty}$"):
        discover([empty])
    other = empty / "sources" / "part_000"
    other.parent.mkdir()
    other.write_text("{}\n")
    with pytest.raises(InputError, match=r"\(1 files of entities the graph does not hold\)$"):
        discover([empty])


def test_a_truncated_gzip_is_an_error_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "works" / "part_000.gz"
    path.parent.mkdir()
    lines = [json.dumps({"id": f"W{number}", "title": "x" * 200}) for number in range(1, 200)]
    path.write_bytes(gzip.compress("\n".join(lines).encode())[:-200])
    (file,) = discover([path]).files
    with pytest.raises(FileError, match="truncated gzip") as error:
        for _ in read_lines(file):
            pass
    assert str(path) in str(error.value)


def test_every_complete_line_before_the_damage_is_read(tmp_path: Path) -> None:
    path = tmp_path / "works" / "part_000.gz"
    path.parent.mkdir()
    lines = [json.dumps({"id": f"W{number}", "n": number * 7919 % 10007}) for number in range(5000)]
    compressed = gzip.compress("\n".join(lines).encode())
    path.write_bytes(compressed[: len(compressed) * 3 // 5])
    (file,) = discover([path]).files
    read = []
    with pytest.raises(FileError, match="truncated gzip") as error:
        for _, line, _ in read_lines(file):
            read.append(line.decode())
    # the lines zlib can decompress from the cut file, but for the last, cut-off one
    available = zlib.decompressobj(wbits=31).decompress(path.read_bytes()).count(b"\n")
    assert 1000 < len(read) == available < 5000
    assert read == lines[: len(read)]
    assert error.value.line == len(read)


def test_concatenated_gzip_members_are_read_as_one_file(tmp_path: Path) -> None:
    path = tmp_path / "works" / "part_000.gz"
    path.parent.mkdir()
    path.write_bytes(gzip.compress(b"one\ntw") + gzip.compress(b"o\nthree"))
    (file,) = discover([path]).files
    assert [line for _, line, _ in read_lines(file)] == [b"one", b"two", b"three"]


def test_bad_lines_are_reported_with_file_and_line_and_reading_goes_on() -> None:
    stream = io.StringIO()
    batches = list(read_batches(discover([FIXTURE / "data" / "works"]), 100, strict=False))
    loaded = {key for batch in batches for key in batch.records}
    assert loaded == {"W90001", "W90002", "W90003", "W90004", "W90005", "W90007", "W90008"}
    log = ErrorLog(lambda: stream, strict=False)
    for entry in (entry for batch in batches for entry in batch.errors):
        log.record(entry)
    reported = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert [(Path(entry["file"]).name, entry["line"]) for entry in reported] == [
        ("part_001", 2),
        ("part_001", 3),
        ("part_001", 4),
        ("part_001", 5),
    ]
    assert reported[0]["error"].startswith("Invalid JSON")
    assert reported[1]["error"] == "id: Field required"
    assert reported[2]["id"] == "https://openalex.org/W90007"
    assert (reported[2]["field"], reported[2]["value"]) == (
        "publication_year",
        "two thousand and one",
    )
    assert "is not an OpenAlex work id" in reported[3]["error"]
    assert reported[3]["field"] is None
    assert {entry["entity"] for entry in reported} == {"works"}
    assert sum(batch.tally.errors for batch in batches) == 3
    assert sum(batch.tally.dropped for batch in batches) == 1


def test_strict_reading_ends_with_the_batch_holding_the_first_bad_line() -> None:
    batches = list(read_batches(discover([FIXTURE / "data" / "works"]), 100, strict=True))
    (first_bad,) = batches[-1].errors
    assert (Path(first_bad.file).name, first_bad.line) == ("part_001", 2)
    with pytest.raises(StrictStop, match=r"part_001:2: Invalid JSON"):
        ErrorLog(io.StringIO, strict=True).record(first_bad)


def test_a_batch_keeps_the_newest_record_of_each_work() -> None:
    (batch,) = read_batches(discover([FIXTURE / "data" / "works"]), 100, strict=False)
    newest = batch.records["W90002"]
    assert newest.updated == datetime.datetime(2025, 3, 1, 2, 0, 0, 1)
    assert batch.tally.skipped == 1


def test_the_sample_is_a_snapshot_the_reader_takes_without_errors(tmp_path: Path) -> None:
    report = write_sample(300, 5, tmp_path)
    assert report.records[Entity.WORKS] == 300
    batches = list(read_batches(discover([tmp_path]), 1000, strict=False))
    assert [entry for batch in batches for entry in batch.errors] == []
    works = [batch for batch in batches if batch.entity is Entity.WORKS]
    assert sum(len(batch.records) for batch in works) == 300
    authored = sum(
        len(record.nested["authored"]) for batch in works for record in batch.records.values()
    )
    assert authored >= 300
