"""A write's moves of the WorkTally buckets (core/tallies.py): each bucket's kept figures are
read, moved by the works the write added and removed, and set, in the write's transaction.
A topic or institution whose bucket cannot be moved so is counted again whole."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from typing import NamedTuple

from core.tallies import BucketFigures, Value, moved
from resolvers.database import Transaction

# The labels of the nodes that keep tallies, and the statement that counts one again.
RECOUNT = {"Topic": "aggregates/keep_topics", "Institution": "aggregates/keep_institutions"}


class Bucket(NamedTuple):
    kind: str  # "Topic" or "Institution"
    owner: str  # its key
    year: int | None
    open_access: bool | None

    @property
    def key(self) -> str:
        """As cypher/fragments/parts/kept_tallies.cypher names it."""
        year = "" if self.year is None else str(self.year)
        open_access = "" if self.open_access is None else str(self.open_access).lower()
        return f"{year}|{open_access}"

    def row(self) -> dict[str, str]:
        return {"kind": self.kind, "owner": self.owner, "bucket": self.key}


async def move_tallies(tx: Transaction, changes: Mapping[Bucket, Counter[Value]]) -> None:
    """`changes`: for each bucket, the works added by citedByCount (removed when negative)."""
    moving = {bucket: values for bucket, values in changes.items() if any(values.values())}
    if not moving:
        return
    buckets = sorted(moving, key=lambda bucket: (bucket.kind, bucket.owner, bucket.key))
    found = (await tx.run("aggregates/tallies", {"rows": [b.row() for b in buckets]})).rows
    kept = {(row["kind"], row["owner"], row["bucket"]): row["figures"] for row in found}
    after: dict[Bucket, BucketFigures | None] = {}
    for bucket in buckets:
        figures = kept.get((bucket.kind, bucket.owner, bucket.key))
        before = BucketFigures() if figures is None else BucketFigures.of_row(figures)
        after[bucket] = moved(before, moving[bucket])
    recount: defaultdict[str, set[str]] = defaultdict(set)
    for bucket, figures in after.items():
        if figures is None:
            recount[bucket.kind].add(bucket.owner)
    rows = [
        {
            **bucket.row(),
            "year": bucket.year,
            "openAccess": bucket.open_access,
            "figures": figures.row(),
        }
        for bucket, figures in after.items()
        if figures is not None and bucket.owner not in recount[bucket.kind]
    ]
    if rows:
        await tx.run("aggregates/move_tallies", {"rows": rows})
    for kind, owners in sorted(recount.items()):
        if owners:
            await tx.run(RECOUNT[kind], {"keys": sorted(owners)})
