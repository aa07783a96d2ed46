"""Aggregates kept on the nodes for pages and sorts (docs/metrics.md): a work's citations and
whether it has a topic, a researcher's citation figures and memberships (MEMBER_OF, with
their works there), and an institution's count of works.

A write reads what it touches before it changes the graph and again after (`Touched`), and
keeps those nodes' aggregates again in its own transaction. A bulk load keeps every node's
in one pass once it is done (`keep_every`), and so does the first migration of a graph
stored before they were kept, or before `VERSION` changed what they are. `verify` counts
them all again and lists what differs. Counts Neo4j keeps itself, a node's degrees, are
read where they are needed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass, field
from enum import Enum

from resolvers.database import Database, Row, Transaction

# Nodes per transaction of a pass over every node: on a million works, 10,000 researchers,
# the heaviest to keep, take about a second.
PASS_BATCH = 10_000
LABELS = ("Work", "Researcher", "Institution")
VERSION = 2  # what the kept aggregates are: a change to their rules takes a new version


class Moment(Enum):
    """When a write's touched nodes are read: the sign their named institutions count with."""

    BEFORE = -1
    AFTER = 1


@dataclass
class Touched:
    """The nodes whose kept aggregates a write may change, read before it and after it.

    Works, researchers and their figures are counted again from their relationships, which
    their degrees bound; an institution's works are not (the busiest names a sixth of all
    works), so its count moves by the works that came to name it less those that ceased to,
    from what the reads found the written works naming."""

    works: set[str] = field(default_factory=set)
    researchers: set[str] = field(default_factory=set)
    institutions: Counter[str] = field(default_factory=Counter)

    async def read(
        self,
        tx: Transaction,
        moment: Moment,
        works: Iterable[str] = (),
        researchers: Iterable[str] = (),
        institutions: Iterable[str] = (),
    ) -> None:
        """Adds these nodes (by key), those their links tie to their aggregates, and, with
        the sign of `moment`, the institutions the works name."""
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
        self.institutions.update(dict.fromkeys(row["institutions"], 0))
        named: Counter[str] = Counter(row["named"])
        self.institutions.update({key: moment.value * works for key, works in named.items()})

    async def keep(self, tx: Transaction) -> None:
        """Counts the aggregates of the touched works and researchers again, by key, and
        moves the institutions' counts. A researcher's figures sum their works' citations,
        so the authors of a work whose citations moved are counted again too."""
        if not (self.works or self.researchers or self.institutions):
            return
        (moved,) = (await tx.run("aggregates/keep_works", {"keys": sorted(self.works)})).rows
        authors = sorted(self.researchers | set(moved["researchers"]))
        await tx.run("aggregates/keep_researchers", {"keys": authors})
        rows = [{"key": key, "by": by} for key, by in sorted(self.institutions.items())]
        await tx.run("aggregates/move_institutions", {"rows": rows})


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
    while True:
        parameters = {"label": label, "after": after, "limit": PASS_BATCH}
        rows = await db.read("aggregates/keys", parameters)
        if not rows:
            return
        yield [row["key"] for row in rows]
        after = rows[-1]["key"]
