"""Aggregates kept on the nodes for pages and sorts (docs/metrics.md): a work's citations and
whether it has a topic, a researcher's figures, memberships (MEMBER_OF, with their works
there) and topics studied (STUDIES, with their works about each), an institution's count
of works, and the works of each topic and institution tallied by year and open access
(WorkTally, resolvers/tallies.py).

A write reads what it touches before it changes the graph and again after (`Touched`), and
keeps those nodes' aggregates again in its own transaction. A bulk load keeps every node's
in one pass once it is done (`keep_every`), and so does the first migration of a graph
stored before they were kept, or before `VERSION` changed what they are. `verify` counts
them all again and lists what differs. Counts Neo4j keeps itself, a node's degrees, are
read where they are needed.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass, field
from enum import Enum

from core.tallies import Value
from resolvers.database import Database, Row, Transaction
from resolvers.tallies import RECOUNT, Bucket, move_tallies

# Nodes per transaction of a pass over every node: on a million works, 10,000 researchers,
# the heaviest to keep, take about a second.
PASS_BATCH = 10_000
# A topic or institution holds tallies for every year of its works: fewer per transaction.
OWNERS_BATCH = 200
LABELS = ("Work", "Researcher", "Institution", "Topic")
VERSION = 6  # what the kept aggregates are: a change to their rules takes a new version


class Moment(Enum):
    """When a write's touched nodes are read: the sign its works count with in their buckets."""

    BEFORE = -1
    AFTER = 1


@dataclass
class Touched:
    """The nodes whose kept aggregates a write may change, read before it and after it.

    Works, researchers and their figures are counted again from their relationships, which
    their degrees bound; a topic's or an institution's works are not (the busiest names a
    sixth of all works), so its tallies and count of works move by the works the write
    added to each bucket less those it removed, from what the two reads found."""

    works: set[str] = field(default_factory=set)
    researchers: set[str] = field(default_factory=set)
    institutions: set[str] = field(default_factory=set)
    tallied: Counter[tuple[Bucket, Value]] = field(default_factory=Counter)

    async def read(
        self,
        tx: Transaction,
        moment: Moment,
        works: Iterable[str] = (),
        researchers: Iterable[str] = (),
        institutions: Iterable[str] = (),
    ) -> None:
        """Adds these nodes (by key), those their links tie to their aggregates, and, with
        the sign of `moment`, the works in their topics' and institutions' buckets."""
        parameters = {
            "works": sorted(set(works)),
            "researchers": sorted(set(researchers)),
            "institutions": sorted(set(institutions)),
        }
        if not any(parameters.values()):
            return
        (row,) = (await tx.run("aggregates/touched", parameters)).rows
        self.works.update(row["works"])
        self.researchers.update(row["researchers"])
        self.institutions.update(row["institutions"])
        for entry in row["tallied"]:
            bucket = Bucket(entry["kind"], entry["owner"], entry["year"], entry["openAccess"])
            self.tallied[bucket, entry["citedByCount"]] += moment.value

    async def keep(self, tx: Transaction) -> None:
        """Counts the aggregates of the touched works and researchers again, by key, and
        moves the tallies and the institutions' counts. A researcher's figures sum their
        works' citations, so the authors of a work whose citations moved are counted again
        too."""
        if not (self.works or self.researchers or self.institutions or self.tallied):
            return
        (moved,) = (await tx.run("aggregates/keep_works", {"keys": sorted(self.works)})).rows
        authors = sorted(self.researchers | set(moved["researchers"]))
        await tx.run("aggregates/keep_researchers", {"keys": authors})
        changes: defaultdict[Bucket, Counter[Value]] = defaultdict(Counter)
        institutions = Counter(dict.fromkeys(self.institutions, 0))
        for (bucket, value), by in self.tallied.items():
            changes[bucket][value] += by
            if bucket.kind == "Institution":
                institutions[bucket.owner] += by
        rows = [{"key": key, "by": by} for key, by in sorted(institutions.items())]
        await tx.run("aggregates/move_institutions", {"rows": rows})
        await move_tallies(tx, changes)


async def keep_every(db: Database) -> None:
    """Every node's aggregates, a transaction per batch: works first, whose citations the
    researchers' figures sum."""
    for label in LABELS:
        name = f"aggregates/keep_{label.lower()}s"
        async for keys in _pages(db, label):

            async def work(tx: Transaction, name: str = name, keys: list[str] = keys) -> None:
                await tx.run(name, {"keys": keys})

            await db.write_transaction(work)


async def keep_unless_kept(db: Database) -> None:
    """Every node's aggregates, unless a pass of this version already kept them."""
    if not (await db.read("aggregates/kept", {"version": VERSION}))[0]["kept"]:
        await keep_every(db)
        await db.write("aggregates/mark_kept", {"version": VERSION})


async def verify(db: Database) -> list[Row]:
    """Every kept aggregate that differs from the one counted again from the relationships:
    key, aggregate, kept and counted."""
    differences: list[Row] = []
    for label in LABELS:
        name = f"aggregates/verify_{label.lower()}s"
        async for keys in _pages(db, label):
            differences += await db.read(name, {"keys": keys})
    return differences


async def _pages(db: Database, label: str) -> AsyncIterator[list[str]]:
    after = ""
    limit = OWNERS_BATCH if label in RECOUNT else PASS_BATCH
    while True:
        parameters = {"label": label, "after": after, "limit": limit}
        rows = await db.read("aggregates/keys", parameters)
        if not rows:
            return
        yield [row["key"] for row in rows]
        after = rows[-1]["key"]
