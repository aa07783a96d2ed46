"""`peergraph import openalex-sample`: the synthetic graph of `peergraph generate`, written
as an OpenAlex snapshot (gzip JSON Lines under data/<entity>/updated_date=.../), to measure
and try the importer on any scale without downloading the real one.

Generated keys become OpenAlex-shaped ids: gen:w:N -> W(N+1), gen:r:N -> A(N+1),
gen:i:N -> I(N+1), and topics by level T(10000+N), subfields/N, fields/N, domains/N.
"""

from __future__ import annotations

import csv
import datetime
import gzip
import json
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from seed.generator import generate
from seed.openalex.mapping import LEVELS
from seed.openalex.records import OPENALEX_PREFIX, Entity
from seed.rows import InstitutionRow, ResearcherRow, TopicRow, WorkRow

SNAPSHOT_DATE = datetime.date(2025, 1, 1)
UPDATED = f"{SNAPSHOT_DATE.isoformat()}T00:00:00"
PART_SIZE = 100_000  # records per part file
TOPIC_ENTITIES = {level: entity for entity, level in LEVELS.items()}

Json = dict[str, Any]


@dataclass
class SampleReport:
    records: dict[Entity, int] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)

    @property
    def bytes(self) -> int:
        return sum(path.stat().st_size for path in self.files)


def write_sample(
    works: int, seed: int, out: Path, batch_size: int = 5000, months: int = 0
) -> SampleReport:
    """The snapshot, then `months` later months as a mirror would sync them (write_month)."""
    report = SampleReport()
    with ExitStack() as stack:
        writer = _Parts(out, report, stack, SNAPSHOT_DATE)
        ids = _Ids()
        for batch in generate(works, seed, batch_size):
            for topic in batch.topics:
                ids.add_topic(topic)
            for topic in batch.topics:
                writer.write(TOPIC_ENTITIES[topic["level"]], ids.topic_record(topic))
            for institution in batch.institutions:
                record = _institution(institution)
                ids.institutions[institution["key"]] = record
                writer.write(Entity.INSTITUTIONS, record)
            for researcher in batch.researchers:
                ids.researchers[researcher["key"]] = researcher
                writer.write(Entity.AUTHORS, ids.author_record(researcher))
            cites = {row["work"]: row["cites"] for row in batch.citations}
            for work in batch.works:
                writer.write(Entity.WORKS, ids.work_record(work, cites.get(work["key"], [])))
    for month in range(1, months + 1):
        write_month(works, seed, out, month, report, batch_size)
    return report


def write_month(
    works: int, seed: int, out: Path, month: int, report: SampleReport, batch_size: int = 5000
) -> None:
    """The partitions of the `month`-th month after the snapshot: a new version of one work
    in twenty (a new title, its last author and last reference gone), one new work in
    twenty (a follow-up citing the work it follows), and OpenAlex's merges of one author in
    a hundred and one work in two hundred into the next one (merged_ids/)."""
    date = _month(month)
    updated = f"{date.isoformat()}T00:00:00"
    merged: dict[Entity, list[tuple[str, str]]] = {Entity.AUTHORS: [], Entity.WORKS: []}
    survivors: dict[str, str] = {}  # generated researcher key -> the one it was merged into
    with ExitStack() as stack:
        writer = _Parts(out, report, stack, date)
        ids = _Ids()
        for batch in generate(works, seed, batch_size):
            for topic in batch.topics:
                ids.add_topic(topic)
            for institution in batch.institutions:
                ids.institutions[institution["key"]] = _institution(institution)
            researchers = batch.researchers
            for researcher in researchers:
                ids.researchers[researcher["key"]] = researcher
            for index, researcher in enumerate(researchers[:-1]):
                if _number(researcher["key"]) % 100 == month:
                    into = researchers[index + 1]["key"]
                    survivors[researcher["key"]] = into
                    merged[Entity.AUTHORS].append(
                        (ids.author_id(researcher["key"]), ids.author_id(into))
                    )
            cites = {row["work"]: row["cites"] for row in batch.citations}
            for work in batch.works:
                number = _number(work["key"])
                authors = list(dict.fromkeys(survivors.get(key, key) for key in work["authors"]))
                if number % 20 == month % 20:
                    revised = work.copy()
                    revised["title"] = f"{work['title']} (revised)"
                    revised["authors"] = authors[:-1] or authors
                    record = ids.work_record(revised, cites.get(work["key"], [])[:-1])
                    writer.write(Entity.WORKS, {**record, "updated_date": updated})
                if number % 20 == (month + 10) % 20:
                    follow_up = work.copy()
                    follow_up["title"] = f"{work['title']}: a follow-up"
                    follow_up["authors"], follow_up["doi"], follow_up["arxivId"] = (
                        authors,
                        None,
                        None,
                    )
                    new_id = f"{OPENALEX_PREFIX}W{works * month + number + 1}"
                    record = ids.work_record(follow_up, [work["key"]])
                    record |= {"id": new_id, "ids": {"openalex": new_id}, "updated_date": updated}
                    writer.write(Entity.WORKS, record)
                if number % 200 == 100 + month % 100 and number + 1 < works:
                    merged[Entity.WORKS].append(
                        (f"{OPENALEX_PREFIX}W{number + 1}", f"{OPENALEX_PREFIX}W{number + 2}")
                    )
    for entity, rows in merged.items():
        if rows:
            report.files.append(_merged_ids(out, entity, date, rows))


def _month(month: int) -> datetime.date:
    years, index = divmod(SNAPSHOT_DATE.month - 1 + month, 12)
    return SNAPSHOT_DATE.replace(year=SNAPSHOT_DATE.year + years, month=index + 1)


def _merged_ids(
    out: Path, entity: Entity, date: datetime.date, rows: list[tuple[str, str]]
) -> Path:
    folder = out / "data" / "merged_ids" / entity.value
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{date.isoformat()}.csv.gz"
    with gzip.open(path, "wt", encoding="utf-8", newline="") as file:
        lines = csv.writer(file)
        lines.writerow(("merge_date", "id", "merge_into_id"))
        lines.writerows((date.isoformat(), id, into) for id, into in rows)
    return path


def inverted_index(text: str) -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    for position, word in enumerate(text.split()):
        index.setdefault(word, []).append(position)
    return index


def _number(key: str) -> int:
    return int(key.rsplit(":", 1)[1])


def _orcid(orcid: str | None) -> str | None:
    return None if orcid is None else f"https://orcid.org/{orcid}"


def _institution(row: InstitutionRow) -> Json:
    return {
        "id": f"{OPENALEX_PREFIX}I{_number(row['key']) + 1}",
        "display_name": row["name"],
        "ror": f"https://ror.org/{row['ror']}",
        "country_code": row["country"],
        "type": row["type"],
        "updated_date": UPDATED,
    }


class _Ids:
    """Generated keys -> OpenAlex ids, and the dehydrated objects records embed."""

    def __init__(self) -> None:
        self.topics: dict[str, Json] = {}  # key -> {id, display_name}
        self.topic_rows: dict[str, TopicRow] = {}
        self.institutions: dict[str, Json] = {}
        self.researchers: dict[str, ResearcherRow] = {}

    def add_topic(self, row: TopicRow) -> None:
        number = _number(row["key"])
        level = row["level"]
        key = f"T{10000 + number}" if level == "topic" else f"{level}s/{number}"
        self.topics[row["key"]] = {"id": OPENALEX_PREFIX + key, "display_name": row["name"]}
        self.topic_rows[row["key"]] = row

    def hierarchy(self, key: str) -> Json:
        """The subfield/field/domain objects above a topic, as OpenAlex embeds them."""
        found = {}
        parent = self.topic_rows[key]["parent"]
        while parent is not None:
            found[self.topic_rows[parent]["level"]] = self.topics[parent]
            parent = self.topic_rows[parent]["parent"]
        return found

    def topic_record(self, row: TopicRow) -> Json:
        return {
            **self.topics[row["key"]],
            "description": row["description"],
            **self.hierarchy(row["key"]),
            "updated_date": UPDATED,
        }

    def author_record(self, row: ResearcherRow) -> Json:
        current = []
        affiliations = []
        if row["institution"] is not None:
            institution = self.institutions[row["institution"]]
            current.append(institution)
            since = row["since"] or SNAPSHOT_DATE.year
            years = list(range(SNAPSHOT_DATE.year, since - 1, -1))
            affiliations.append({"institution": institution, "years": years})
        return {
            "id": self.author_id(row["key"]),
            "orcid": _orcid(row["orcid"]),
            "display_name": row["name"],
            "display_name_alternatives": [],
            "last_known_institutions": current,
            "affiliations": affiliations,
            "updated_date": UPDATED,
        }

    def work_record(self, row: WorkRow, cites: list[str]) -> Json:
        key = f"W{_number(row['key']) + 1}"
        doi = None if row["doi"] is None else f"https://doi.org/{row['doi']}"
        locations = [{"landing_page_url": doi, "source": {"display_name": row["venue"]}}]
        if row["arxivId"] is not None:
            locations.append({"landing_page_url": f"https://arxiv.org/abs/{row['arxivId']}"})
        institutions: dict[str, list[Json]] = {}
        for researcher, institution in row["affiliations"]:
            institutions.setdefault(researcher, []).append(self.institutions[institution])
        last = len(row["authors"]) - 1
        return {
            "id": OPENALEX_PREFIX + key,
            "doi": doi,
            "ids": {"openalex": OPENALEX_PREFIX + key, "doi": doi},
            "title": row["title"],
            "display_name": row["title"],
            "type": row["type"],
            "publication_year": row["year"],
            "publication_date": row["publishedOn"].isoformat(),
            "primary_location": locations[0],
            "locations": locations,
            "open_access": {"is_oa": row["openAccess"]},
            "cited_by_count": row["citedByCount"],
            "abstract_inverted_index": inverted_index(row["abstract"]),
            "topics": [
                {**self.topics[topic], "score": score, **self.hierarchy(topic)}
                for topic, score in zip(row["topics"], row["scores"], strict=True)
            ],
            "referenced_works": [f"{OPENALEX_PREFIX}W{_number(cited) + 1}" for cited in cites],
            "authorships": [
                {
                    "author_position": "first"
                    if index == 0
                    else "last"
                    if index == last
                    else "middle",
                    "author": {
                        "id": self.author_id(author),
                        "display_name": self.researchers[author]["name"],
                        "orcid": _orcid(self.researchers[author]["orcid"]),
                    },
                    "institutions": institutions.get(author, []),
                }
                for index, author in enumerate(row["authors"])
            ],
            "updated_date": UPDATED,
        }

    def author_id(self, key: str) -> str:
        return f"{OPENALEX_PREFIX}A{_number(key) + 1}"


class _Parts:
    """One open gzip part per entity, a new one every PART_SIZE records."""

    def __init__(
        self, out: Path, report: SampleReport, stack: ExitStack, date: datetime.date
    ) -> None:
        self.folder = out / "data"
        self.report = report
        self.stack = stack
        self.date = date
        self.open: dict[Entity, IO[str]] = {}
        self.counts: dict[Entity, int] = {}  # records written in this date's folder

    def write(self, entity: Entity, record: Json) -> None:
        count = self.counts.get(entity, 0)
        if count % PART_SIZE == 0:
            self._next_part(entity, count // PART_SIZE)
        self.open[entity].write(json.dumps(record, ensure_ascii=False) + "\n")
        self.counts[entity] = count + 1
        self.report.records[entity] = self.report.records.get(entity, 0) + 1

    def _next_part(self, entity: Entity, number: int) -> None:
        if entity in self.open:
            self.open[entity].close()
        folder = self.folder / entity.value / f"updated_date={self.date.isoformat()}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"part_{number:03d}.gz"
        self.report.files.append(path)
        self.open[entity] = self.stack.enter_context(
            gzip.open(path, "wt", encoding="utf-8", compresslevel=6)  # noqa: SIM115 - the stack closes it
        )
