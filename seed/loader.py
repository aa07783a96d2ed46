"""Loads seed/seed.json with MERGE: running it twice changes nothing."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from resolvers.database import Database
from resolvers.defaults import RESEARCHER_DEFAULTS

SEED_FILE = Path(__file__).with_name("seed.json")


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SeedResearcher(Record):
    key: str
    name: str
    headline: str | None
    orcid: str | None
    openToCollaborate: bool = RESEARCHER_DEFAULTS["openToCollaborate"]
    verificationLevel: str = RESEARCHER_DEFAULTS["verificationLevel"]


class SeedInstitution(Record):
    key: str
    name: str
    ror: str | None
    country: str | None
    type: str | None
    # Email domains (from ROR); an institutional email in a claim is checked against them.
    domains: list[str] = []


class SeedTopic(Record):
    key: str
    name: str
    description: str | None
    level: str
    parent: str | None


class SeedAuthorship(Record):
    researcher: str
    position: int
    institutions: list[str]


class SeedAssignment(Record):
    topic: str
    score: float


class SeedWork(Record):
    key: str
    type: str
    title: str
    abstract: str | None
    year: int
    publishedOn: datetime.date | None
    venue: str | None
    doi: str | None
    arxivId: str | None
    openAccess: bool | None
    citedByCount: int | None
    authors: list[SeedAuthorship]
    topics: list[SeedAssignment]


class SeedData(Record):
    model_config = ConfigDict(extra="ignore", frozen=True)

    researchers: list[SeedResearcher]
    institutions: list[SeedInstitution]
    topics: list[SeedTopic]
    works: list[SeedWork]


def read_seed(path: Path = SEED_FILE) -> SeedData:
    return SeedData.model_validate_json(path.read_text(encoding="utf-8"))


async def load_seed(db: Database, path: Path = SEED_FILE) -> None:
    data = read_seed(path)

    def rows(records: list[Any]) -> dict[str, Any]:
        return {"rows": [record.model_dump(mode="json") for record in records]}

    await db.write_all(
        [
            ("seed/01_researchers", rows(data.researchers)),
            ("seed/02_institutions", rows(data.institutions)),
            ("seed/03_topics", rows(data.topics)),
            ("seed/04_topic_hierarchy", rows(data.topics)),
            ("seed/05_works", rows(data.works)),
            ("seed/06_authorships", rows(data.works)),
            ("seed/07_topic_assignments", rows(data.works)),
        ]
    )
