"""Loads seed/seed.json with MERGE, and keeps the aggregates of what it wrote (docs/metrics.md):
running it twice changes nothing."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from resolvers.aggregates import Moment, Touched
from resolvers.database import Database, Transaction
from resolvers.defaults import RESEARCHER_DEFAULTS
from seed.identity import Identities, Mention, bylines, identify, same_authors
from seed.names import Entry
from seed.openalex.records import ArxivId, Doi, Orcid, Ror

SEED_FILE = Path(__file__).with_name("seed.json")


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SeedResearcher(Record):
    key: str
    name: str
    headline: str | None
    orcid: Orcid
    openToCollaborate: bool = RESEARCHER_DEFAULTS["openToCollaborate"]
    verificationLevel: str = RESEARCHER_DEFAULTS["verificationLevel"]


class SeedInstitution(Record):
    key: str
    name: str
    ror: Ror
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
    doi: Doi
    arxivId: ArxivId
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

    async def work(tx: Transaction) -> None:
        # adopting a node changes its key, not its links: the read "before" follows it
        await tx.run("seed/adopt_works", rows(data.works))
        touched = Touched()
        await touched.read(tx, Moment.BEFORE, works=[work.key for work in data.works])
        researchers = await _identify(tx, data)
        for name, records in STEPS:
            await tx.run(name, rows(getattr(data, records)))
        await researchers.record_aliases(tx)
        await touched.read(
            tx,
            Moment.AFTER,
            works=[work.key for work in data.works],
            researchers=[researchers.key(researcher.key) for researcher in data.researchers],
            institutions=[institution.key for institution in data.institutions],
        )
        await touched.keep(tx)

    await db.write_transaction(work)


STEPS = (
    ("seed/01_researchers", "researchers"),
    ("seed/02_institutions", "institutions"),
    ("seed/03_topics", "topics"),
    ("seed/04_topic_hierarchy", "topics"),
    ("seed/05_works", "works"),
    ("seed/06_authorships", "works"),
    ("seed/07_topic_assignments", "works"),
)


async def _identify(tx: Transaction, data: SeedData) -> Identities:
    """The seed's researchers at the nodes that hold them: on a work an OpenAlex record
    brought, its byline says which of its authors they are (docs/identity.md)."""
    keys = [work.key for work in data.works]
    held = {row["key"] for row in (await tx.run("seed/openalex_held", {"keys": keys})).rows}
    known = await bylines(tx, held)
    names = {researcher.key: researcher.name for researcher in data.researchers}
    same = [
        pair
        for work in data.works
        if work.key in known
        for pair in same_authors(
            known[work.key],
            [
                Entry(author.position, author.researcher, names[author.researcher])
                for author in work.authors
            ],
        )
    ]
    mentions = [Mention(researcher.key, researcher.orcid) for researcher in data.researchers]
    return await identify(tx, mentions, same)
